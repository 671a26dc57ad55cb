// The profile file format: the JSON reader and writer (round trips, and
// every way a document can be refused, with where and why), and profiles
// read from, checked against and written to it.
#include "json.h"
#include "profile.h"

#include <gtest/gtest.h>

#include <string>

namespace {

using profiles::json::ParseError;
using profiles::json::Value;

ParseError parseError(std::string_view text, profiles::json::ParseLimits limits = {}) {
    auto parsed = profiles::json::parse(text, limits);
    if (auto* error = std::get_if<ParseError>(&parsed)) {
        return *error;
    }
    ADD_FAILURE() << "parsed without an error: " << std::string(text);
    return {};
}

Value parsed(std::string_view text) {
    auto result = profiles::json::parse(text);
    if (auto* error = std::get_if<ParseError>(&result)) {
        ADD_FAILURE() << error->describe() << " in " << std::string(text);
        return {};
    }
    return std::get<Value>(result);
}

// --- JSON: round trips -------------------------------------------------------

TEST(Json, ScalarsAndContainersRoundTrip) {
    const char* documents[] = {
        "null",
        "true",
        "false",
        "0",
        "-1",
        "9223372036854775807",
        "-9223372036854775808",
        "1.5",
        "-0.25",
        "1e+300",
        "\"\"",
        "\"plain\"",
        "[]",
        "{}",
        "[1, 2, 3]",
        "{\"a\": {\"b\": [true, null, \"x\"]}, \"c\": []}",
        "\"quote \\\" backslash \\\\ newline \\n tab \\t ctrl \\u0001\"",
        "\"Gr\xC3\xBC\xC3\x9F"
        "e \xE2\x82\xAC \xF0\x9F\x98\x80\"",
    };
    for (const char* document : documents) {
        const Value value = parsed(document);
        const std::string written = profiles::json::write(value);
        EXPECT_EQ(parsed(written), value) << document << " → " << written;
        EXPECT_EQ(profiles::json::write(parsed(written)), written) << "writing is stable";
    }
}

TEST(Json, TypesAreKeptApart) {
    EXPECT_TRUE(parsed("7").isInteger());
    EXPECT_FALSE(parsed("7.0").isInteger());
    EXPECT_TRUE(parsed("7.0").isNumber());
    EXPECT_FALSE(parsed("1e2").isInteger());
    // Beyond 64 bits an integer is kept as a (floating-point) number.
    EXPECT_FALSE(parsed("18446744073709551616").isInteger());
    EXPECT_TRUE(parsed("18446744073709551616").isNumber());
    // A written number stays a number when read back.
    EXPECT_FALSE(parsed(profiles::json::write(Value(2.0))).isInteger());
}

TEST(Json, EscapesAreDecoded) {
    EXPECT_EQ(parsed("\"\\u00e9\\u20ac\\ud83d\\ude00\\/\"").string(),
              "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80/");
    EXPECT_EQ(parsed("\"\\b\\f\\r\"").string(), "\b\f\r");
}

TEST(Json, MembersKeepTheirOrder) {
    const Value value = parsed("{\"z\": 1, \"a\": 2, \"m\": 3}");
    ASSERT_TRUE(value.isObject());
    ASSERT_EQ(value.object().size(), 3u);
    EXPECT_EQ(value.object()[0].first, "z");
    EXPECT_EQ(value.object()[2].first, "m");
    EXPECT_EQ(value.find("a")->integer(), 2);
    EXPECT_EQ(value.find("missing"), nullptr);
    EXPECT_EQ(profiles::json::write(value), "{\n  \"z\": 1,\n  \"a\": 2,\n  \"m\": 3\n}\n");
}

TEST(Json, ByteOrderMarkAndWhitespaceAreAccepted) {
    EXPECT_TRUE(parsed("\xEF\xBB\xBF {\"a\" : [ 1 ,2 ] }\r\n\t").isObject());
}

// --- JSON: every refusal -------------------------------------------------------

struct Refusal {
    const char* text;
    size_t line;
    size_t column;
    const char* message; // a part of it
};

TEST(Json, EveryErrorSaysWhereAndWhy) {
    const Refusal refusals[] = {
        {"", 1, 1, "expected a value, found the end of the text"},
        {"   ", 1, 4, "expected a value"},
        {"{", 1, 2, "expected a member name in double quotes, found the end"},
        {"[", 1, 2, "expected a value, found the end"},
        {"[1", 1, 3, "expected ',' or ']' after an element, found the end"},
        {"{\"a\": 1", 1, 8, "expected ',' or '}' after a member"},
        {"{\"a\" 1}", 1, 6, "expected ':' after the member name, found '1'"},
        {"{\"a\": 1 \"b\": 2}", 1, 9, "expected ',' or '}' after a member, found '\"'"},
        {"{a: 1}", 1, 2, "expected a member name in double quotes, found 'a'"},
        {"{\"a\": 1,}", 1, 9, "no trailing commas"},
        {"[1,]", 1, 4, "no trailing commas"},
        {"{\"a\": 1, \"a\": 2}", 1, 10, "the member \"a\" appears twice"},
        {"\"open", 1, 6, "a string is not closed"},
        {"\"a\\", 1, 4, "a string is not closed"},
        {"\"tab\there\"", 1, 5, "control characters (here byte 0x09) must be escaped"},
        {"\"\\x\"", 1, 2, "unknown escape '\\x'"},
        {"\"\\u12\"", 1, 4, "four hexadecimal digits"},
        {"\"\\u12g4\"", 1, 4, "four hexadecimal digits"},
        {"\"\\udc00\"", 1, 8, "lone low surrogate"},
        {"\"\\ud800\"", 1, 8, "must be followed by a \\u low surrogate"},
        {"\"\\ud800\\u0041\"", 1, 14, "must be followed by a \\u low surrogate"},
        {"\"\\u0000\"", 1, 8, "\\u0000"},
        {"\"\xFF\"", 1, 2, "invalid UTF-8 (byte 0xff)"},
        {"\"\xC3\"", 1, 2, "cut short"},
        {"\"\xE0\x80\xAF\"", 1, 2, "overlong"},
        {"\"\xED\xA0\x80\"", 1, 2, "surrogate"},
        {"\"\xF4\x90\x80\x80\"", 1, 2, "beyond U+10FFFF"},
        {"01", 1, 2, "leading zeros"},
        {"-", 1, 2, "expected a digit, found the end"},
        {"-x", 1, 2, "expected a digit, found 'x'"},
        {"1.", 1, 3, "after the decimal point"},
        {"1e", 1, 3, "in the exponent"},
        {"1e+", 1, 4, "in the exponent"},
        {"1e999", 1, 1, "out of range"},
        {"tru", 1, 1, "expected a value, found 't'"},
        {"nul", 1, 1, "expected a value"},
        {"+1", 1, 1, "expected a value, found '+'"},
        {"'a'", 1, 1, "found '''"},
        {"1 2", 1, 3, "unexpected text after the end"},
        {"{}\n}", 2, 1, "unexpected text after the end"},
        {"{\n  \"a\": [\n    1,\n    x\n  ]\n}", 4, 5, "expected a value, found 'x'"},
        {"/* comment */ {}", 1, 1, "found '/'"},
    };
    for (const auto& refusal : refusals) {
        SCOPED_TRACE(refusal.text);
        const ParseError error = parseError(refusal.text);
        EXPECT_EQ(error.line, refusal.line) << error.describe();
        EXPECT_EQ(error.column, refusal.column) << error.describe();
        EXPECT_NE(error.message.find(refusal.message), std::string::npos) << error.describe();
    }
}

TEST(Json, NestingAndSizeAreBounded) {
    std::string deep(40, '[');
    deep += std::string(40, ']');
    EXPECT_NE(parseError(deep).message.find("nested deeper than 32 levels"), std::string::npos);
    std::string fine(32, '[');
    fine += std::string(32, ']');
    EXPECT_TRUE(parsed(fine).isArray());
    EXPECT_NE(parseError("[1, 2, 3]", {32, 4}).message.find("at most 4 are read"),
              std::string::npos);
}

TEST(Json, DescribeNamesLineAndColumn) {
    EXPECT_EQ(parseError("[\n  1,\n  ?\n]").describe(),
              "line 3, column 3: expected a value, found '?'");
}

// --- profiles: reading and writing -------------------------------------------------

const char* kIssueExample =
    R"({"name": "Wi-Fi + LTE backup", "limits": {"subflows": 2, "add_addr_accepted": 2},
   "interfaces": [{"match": "wl*", "flags": ["subflow"]},
   {"match": "kind:wwan", "flags": ["subflow", "backup"]}], "endpoints": []})";

TEST(ProfileJson, TheIssuesExampleReads) {
    auto profile = profiles::parseProfile(kIssueExample);
    ASSERT_TRUE(profile) << profile.error().describe();
    EXPECT_EQ(profile->name, "Wi-Fi + LTE backup");
    EXPECT_EQ(profile->limits.subflows, 2u);
    EXPECT_EQ(profile->limits.addAddrAccepted, 2u);
    ASSERT_EQ(profile->interfaces.size(), 2u);
    EXPECT_EQ(profile->interfaces[0].match, "wl*");
    EXPECT_EQ(profile->interfaces[0].flags, mptcp::kFlagSubflow);
    EXPECT_EQ(profile->interfaces[0].families, profiles::Families::Both);
    EXPECT_FALSE(profile->interfaces[0].temporary) << "temporary addresses are skipped by default";
    EXPECT_EQ(profile->interfaces[1].flags, mptcp::kFlagSubflow | mptcp::kFlagBackup);
    EXPECT_TRUE(profile->endpoints.empty());
}

TEST(ProfileJson, EverythingRoundTrips) {
    profiles::Profile profile;
    profile.name = "Caf\xC3\xA9 / no: caf\xC3\xA9 + LTE";
    profile.name = "Caf\xC3\xA9 + LTE";
    profile.limits.subflows = 3;
    profile.interfaces = {
        {"wlp*", mptcp::kFlagSubflow | mptcp::kFlagFullmesh, profiles::Families::IPv6, true},
        {"kind:wwan", mptcp::kFlagSubflow | mptcp::kFlagBackup, profiles::Families::IPv4, false},
        {"eth0", mptcp::kFlagSignal, profiles::Families::Both, false},
    };
    profiles::FixedEndpoint fixed;
    fixed.address = *mptcp::IpAddress::parse("2001:db8::7");
    fixed.port = 8080;
    fixed.interface = "eth0";
    fixed.flags = mptcp::kFlagSignal | mptcp::kFlagBackup;
    profile.endpoints.push_back(fixed);
    profile.endpoints.push_back(
        {*mptcp::IpAddress::parse("192.0.2.9"), 0, "", mptcp::kFlagSubflow});
    profile.sysctls = {{"scheduler", "default"}, {"add_addr_timeout", "60"}};

    const std::string text = profiles::writeProfile(profile);
    auto back = profiles::parseProfile(text);
    ASSERT_TRUE(back) << back.error().describe() << "\n" << text;
    EXPECT_EQ(*back, profile) << text;
    EXPECT_EQ(profiles::writeProfile(*back), text);
    EXPECT_NE(text.find("\"flags\": [\"subflow\", \"fullmesh\"]"), std::string::npos) << text;
    EXPECT_NE(text.find("\"family\": \"ipv6\""), std::string::npos) << text;
    EXPECT_NE(text.find("\"dev\": \"eth0\""), std::string::npos) << text;
}

TEST(ProfileJson, PresetsAreValidAndRoundTrip) {
    const auto& presets = profiles::builtinProfiles();
    ASSERT_EQ(presets.size(), 3u);
    EXPECT_EQ(presets[0].name, "Wi-Fi + LTE together");
    EXPECT_EQ(presets[1].name, "Wi-Fi first, LTE as backup");
    EXPECT_EQ(presets[2].name, "Server: announce every address");
    for (const auto& preset : presets) {
        SCOPED_TRACE(preset.name);
        EXPECT_TRUE(profiles::validateProfile(preset));
        auto back = profiles::parseProfile(profiles::writeProfile(preset));
        ASSERT_TRUE(back) << back.error().describe();
        EXPECT_EQ(*back, preset);
        EXPECT_EQ(profiles::findBuiltinProfile(preset.name), &preset);
    }
    // LTE is a backup in the second one, and nowhere else.
    for (const auto& rule : presets[1].interfaces) {
        EXPECT_EQ(bool(rule.flags & mptcp::kFlagBackup), rule.match == "kind:wwan") << rule.match;
    }
    for (const auto& rule : presets[2].interfaces) {
        EXPECT_EQ(rule.flags, mptcp::kFlagSignal);
    }
}

TEST(ProfileJson, DefaultsAreFilledIn) {
    auto profile = profiles::parseProfile(R"({"name": "x", "interfaces": [{"match": "eth0"}]})");
    ASSERT_TRUE(profile) << profile.error().describe();
    EXPECT_EQ(profile->interfaces[0].flags, mptcp::kFlagSubflow);
    EXPECT_TRUE(profile->limits.empty());
    EXPECT_TRUE(profile->sysctls.empty());
    auto numeric = profiles::parseProfile(R"({"name": "x", "sysctls": {"enabled": 1}})");
    ASSERT_TRUE(numeric) << numeric.error().describe();
    EXPECT_EQ(numeric->sysctls.at("enabled"), "1");
}

// --- profiles: every refusal ------------------------------------------------------

struct ProfileRefusal {
    const char* text;
    const char* message; // a part of the error
};

TEST(ProfileJson, EveryMistakeIsNamed) {
    const ProfileRefusal refusals[] = {
        {"[]", "a profile is a JSON object; found an array"},
        {"{\"name\": \"x\",}", "not valid JSON: line 1, column 14"},
        {"{}", "a profile needs a \"name\""},
        {"{\"name\": 5}", "name: expected a string, found an integer"},
        {"{\"name\": \"x\", \"version\": 2}", "version: this version of MPTCP Manager reads "
                                              "format version 1 only"},
        {"{\"name\": \"x\", \"colour\": 1}", "colour: unknown member; expected version, name"},
        {"{\"name\": \"x\", \"limits\": 2}", "limits: expected an object, found an integer"},
        {"{\"name\": \"x\", \"limits\": {\"subflows\": 9}}", "limits.subflows: 9 is not between "
                                                             "0 and 8"},
        {"{\"name\": \"x\", \"limits\": {\"subflows\": -1}}", "limits.subflows: -1 is not"},
        {"{\"name\": \"x\", \"limits\": {\"subflows\": 1.5}}", "expected a whole number, found "
                                                               "a number"},
        {"{\"name\": \"x\", \"limits\": {\"subflow\": 1}}", "limits.subflow: unknown member"},
        {"{\"name\": \"x\", \"interfaces\": {}}", "interfaces: expected an array of rules"},
        {"{\"name\": \"x\", \"interfaces\": [3]}", "interfaces[0]: expected an object"},
        {"{\"name\": \"x\", \"interfaces\": [{}]}", "interfaces[0]: needs a \"match\""},
        {"{\"name\": \"x\", \"interfaces\": [{\"match\": \"\"}]}", "interfaces[0].match: empty"},
        {"{\"name\": \"x\", \"interfaces\": [{\"match\": \"kind:bluetooth\"}]}",
         "names no kind of interface; use kind:wifi, kind:ethernet or kind:wwan"},
        {"{\"name\": \"x\", \"interfaces\": [{\"match\": \"eth 0\"}]}",
         "cannot match an interface name"},
        {"{\"name\": \"x\", \"interfaces\": [{\"match\": \"averyveryverylongname\"}]}",
         "longer than an interface name can be"},
        {"{\"name\": \"x\", \"interfaces\": [{\"match\": \"wl*\", \"flags\": \"subflow\"}]}",
         "interfaces[0].flags: expected an array of flag names"},
        {"{\"name\": \"x\", \"interfaces\": [{\"match\": \"wl*\", \"flags\": [\"bakup\"]}]}",
         "interfaces[0].flags[0]: unknown flag \"bakup\""},
        {"{\"name\": \"x\", \"interfaces\": [{\"match\": \"wl*\", \"flags\": [\"implicit\"]}]}",
         "unknown flag \"implicit\""},
        {"{\"name\": \"x\", \"interfaces\": [{\"match\": \"wl*\", \"flags\": [\"subflow\", "
         "\"subflow\"]}]}",
         "interfaces[0].flags[1]: the flag \"subflow\" is listed twice"},
        {"{\"name\": \"x\", \"interfaces\": [{\"match\": \"wl*\", \"flags\": [\"backup\"]}]}",
         "needs signal, subflow or laminar"},
        {"{\"name\": \"x\", \"interfaces\": [{\"match\": \"wl*\", \"flags\": [\"signal\", "
         "\"fullmesh\"]}]}",
         "signal and fullmesh cannot be combined"},
        {"{\"name\": \"x\", \"interfaces\": [{\"match\": \"wl*\", \"family\": \"ip4\"}]}",
         "interfaces[0].family: \"ip4\" is not a family"},
        {"{\"name\": \"x\", \"interfaces\": [{\"match\": \"wl*\", \"temporary\": 1}]}",
         "interfaces[0].temporary: expected true or false"},
        {"{\"name\": \"x\", \"interfaces\": [{\"match\": \"wl*\", \"family\": \"ipv4\", "
         "\"temporary\": true}]}",
         "temporary addresses exist only in IPv6"},
        {"{\"name\": \"x\", \"interfaces\": [{\"match\": \"wl*\", \"dev\": \"x\"}]}",
         "interfaces[0].dev: unknown member; expected match, flags, family or temporary"},
        {"{\"name\": \"x\", \"endpoints\": [{}]}", "endpoints[0]: needs an \"address\""},
        {"{\"name\": \"x\", \"endpoints\": [{\"address\": \"10.0.0.300\"}]}",
         "endpoints[0].address: \"10.0.0.300\" is not an IPv4 or IPv6 address"},
        {"{\"name\": \"x\", \"endpoints\": [{\"address\": \"224.0.0.1\"}]}",
         "cannot be an endpoint"},
        {"{\"name\": \"x\", \"endpoints\": [{\"address\": \"127.0.0.1\"}]}",
         "cannot be an endpoint"},
        {"{\"name\": \"x\", \"endpoints\": [{\"address\": \"10.0.0.1\", \"port\": 80}]}",
         "endpoints[0].flags: a port is only meaningful with signal"},
        {"{\"name\": \"x\", \"endpoints\": [{\"address\": \"10.0.0.1\", \"port\": 70000}]}",
         "endpoints[0].port: 70000 is not between 0 and 65535"},
        {"{\"name\": \"x\", \"endpoints\": [{\"address\": \"10.0.0.1\", \"dev\": \"wl*\"}]}",
         "endpoints[0].dev: names one interface"},
        {"{\"name\": \"x\", \"endpoints\": [{\"address\": \"10.0.0.1\"}, {\"address\": "
         "\"10.0.0.1\"}]}",
         "endpoints[1].address: 10.0.0.1 is listed twice"},
        {"{\"name\": \"x\", \"sysctls\": []}", "sysctls: expected an object"},
        {"{\"name\": \"x\", \"sysctls\": {\"enabled\": true}}",
         "sysctls.enabled: expected a whole number or a string"},
        {"{\"name\": \"x\", \"sysctls\": {\"enabled\": 7}}", "sysctls.enabled:"},
        {"{\"name\": \"x\", \"sysctls\": {\"../../ipv4/ip_forward\": 1}}",
         "is not the name of a net.mptcp setting"},
        {"{\"name\": \"x\", \"sysctls\": {\"available_schedulers\": \"x\"}}",
         "is not a setting that can be changed here"},
        {"{\"name\": \"\"}", "name: a profile needs a name"},
        {"{\"name\": \"a/b\"}", "may not contain '/'"},
        {"{\"name\": \"..\"}", "may not start with '.'"},
        {"{\"name\": \"a..b\"}", "may not contain '/' or \"..\""},
        {"{\"name\": \".hidden\"}", "may not start with '.'"},
        {"{\"name\": \" padded\"}", "may not start with '.' or start or end with a space"},
        {"{\"name\": \"tab\\there\"}", "control characters are not allowed"},
        {"{\"name\": \"\\u0085\"}", "control characters are not allowed"},
        {"{\"name\": \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"}",
         "at most 64 bytes"},
    };
    for (const auto& refusal : refusals) {
        SCOPED_TRACE(refusal.text);
        auto profile = profiles::parseProfile(refusal.text);
        ASSERT_FALSE(profile);
        EXPECT_EQ(profile.error().code(), 0);
        EXPECT_NE(profile.error().advice().find(refusal.message), std::string::npos)
            << profile.error().advice();
    }
}

TEST(ProfileJson, TooManyRulesAreRefused) {
    std::string text = "{\"name\": \"x\", \"interfaces\": [";
    for (int i = 0; i < 33; ++i) {
        text += std::string(i ? "," : "") + "{\"match\": \"eth" + std::to_string(i) + "\"}";
    }
    text += "]}";
    auto profile = profiles::parseProfile(text);
    ASSERT_FALSE(profile);
    EXPECT_NE(profile.error().advice().find("at most 32 rules"), std::string::npos);
}

TEST(ProfileJson, NamesAreCheckedLikeFileNames) {
    EXPECT_TRUE(profiles::validateProfileName("Wi-Fi + LTE together"));
    EXPECT_TRUE(profiles::validateProfileName("Server: announce every address"));
    EXPECT_TRUE(profiles::validateProfileName("B\xC3\xBCro"));
    EXPECT_TRUE(profiles::validateProfileName(std::string(64, 'a')));
    EXPECT_FALSE(profiles::validateProfileName(std::string(65, 'a')));
    EXPECT_FALSE(profiles::validateProfileName("bad\xFFutf8"));
    EXPECT_FALSE(profiles::validateProfileName(std::string("nul\0in", 6)));
    EXPECT_FALSE(profiles::validateProfileName("del\x7f"));
    EXPECT_FALSE(profiles::validateProfileName("."));
}

TEST(ProfileRules, MatchByNameGlobOrKind) {
    const profiles::InterfaceRule glob{"wl*", mptcp::kFlagSubflow, profiles::Families::Both, false};
    EXPECT_TRUE(glob.matches("wlan0", profiles::LinkKind::Wifi));
    EXPECT_TRUE(glob.matches("wlp2s0", profiles::LinkKind::Ethernet)) << "a glob ignores the kind";
    EXPECT_FALSE(glob.matches("eth0", profiles::LinkKind::Wifi));
    const profiles::InterfaceRule exact{"eth0", mptcp::kFlagSubflow, profiles::Families::Both,
                                        false};
    EXPECT_TRUE(exact.matches("eth0", profiles::LinkKind::Ethernet));
    EXPECT_FALSE(exact.matches("eth01", profiles::LinkKind::Ethernet));
    const profiles::InterfaceRule set{"wwan[0-9]", mptcp::kFlagSubflow, profiles::Families::Both,
                                      false};
    EXPECT_TRUE(set.matches("wwan3", profiles::LinkKind::Wwan));
    EXPECT_FALSE(set.matches("wwan", profiles::LinkKind::Wwan));
    const profiles::InterfaceRule kind{"kind:wwan", mptcp::kFlagSubflow, profiles::Families::Both,
                                       false};
    EXPECT_TRUE(kind.matches("anything", profiles::LinkKind::Wwan));
    EXPECT_FALSE(kind.matches("wwan0", profiles::LinkKind::Ethernet));
    const profiles::InterfaceRule ethernet{"kind:ethernet", mptcp::kFlagSubflow,
                                           profiles::Families::Both, false};
    EXPECT_FALSE(ethernet.matches("veth0", profiles::LinkKind::Virtual))
        << "a veth or bridge is not an Ethernet port";
}

} // namespace
