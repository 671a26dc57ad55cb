// `mptcpctl profile ...`: the grammar, and what each verb prints and asks of
// the helper, against a fake helper.
#include "command_line.h"
#include "profile_command.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace {

using mptcpctl::ProfileCommand;
using Verb = mptcpctl::ProfileCommand::Verb;

std::variant<ProfileCommand, std::string> parse(std::vector<std::string> words) {
    words.insert(words.begin(), "profile");
    auto parsed = mptcpctl::parseCommandLine(words);
    if (auto* error = std::get_if<mptcpctl::UsageError>(&parsed)) {
        return error->message;
    }
    auto& command = std::get<mptcpctl::ParsedCommandLine>(parsed).command;
    return std::get<ProfileCommand>(command);
}

TEST(ProfileCommandLine, EveryVerb) {
    struct Case {
        std::vector<std::string> words;
        Verb verb;
        std::string name;
        std::string file;
    };
    const Case cases[] = {
        {{}, Verb::List, "", ""},
        {{"list"}, Verb::List, "", ""},
        {{"l"}, Verb::List, "", ""},
        {{"show", "Office"}, Verb::Show, "Office", ""},
        {{"s", "Wi-Fi + LTE together"}, Verb::Show, "Wi-Fi + LTE together", ""},
        {{"status"}, Verb::Status, "", ""},
        {{"st"}, Verb::Status, "", ""},
        {{"activate", "Office"}, Verb::Activate, "Office", ""},
        {{"a", "Office"}, Verb::Activate, "Office", ""},
        {{"deactivate"}, Verb::Deactivate, "", ""},
        {{"dea"}, Verb::Deactivate, "", ""},
        {{"delete", "Office"}, Verb::Delete, "Office", ""},
        {{"d", "Office"}, Verb::Delete, "Office", ""},
        {{"import", "office.json"}, Verb::Import, "", "office.json"},
        {{"import", "-"}, Verb::Import, "", "-"},
        {{"export", "Office"}, Verb::Export, "Office", ""},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.words.empty() ? "(none)" : c.words[0]);
        auto parsed = parse(c.words);
        ASSERT_TRUE(std::holds_alternative<ProfileCommand>(parsed))
            << std::get<std::string>(parsed);
        const auto& command = std::get<ProfileCommand>(parsed);
        EXPECT_EQ(command.verb, c.verb);
        EXPECT_EQ(command.name, c.name);
        EXPECT_EQ(command.file, c.file);
    }
}

TEST(ProfileCommandLine, MistakesAreUsageErrors) {
    EXPECT_EQ(std::get<std::string>(parse({"bogus"})),
              "Command \"bogus\" is unknown, try \"mptcpctl help\".");
    EXPECT_EQ(std::get<std::string>(parse({"show"})),
              "command line is not complete: \"profile show\" needs a NAME");
    EXPECT_EQ(std::get<std::string>(parse({"import"})),
              "command line is not complete: \"profile import\" needs a FILE");
    EXPECT_EQ(std::get<std::string>(parse({"list", "extra"})),
              "argument \"extra\" is wrong: unknown argument");
    EXPECT_EQ(std::get<std::string>(parse({"activate", "a", "b"})),
              "argument \"b\" is wrong: unknown argument");
    EXPECT_NE(std::string(mptcpctl::usageText()).find("profile import FILE"), std::string::npos);
}

// --- running, against a fake helper --------------------------------------------------

class FakeHelper : public mptcpctl::ProfileClient {
public:
    mptcp::Result<std::vector<profiles::ProfileSummary>> list() override {
        return std::vector<profiles::ProfileSummary>{{"Wi-Fi + LTE together", true, false},
                                                     {"Office", false, true}};
    }
    mptcp::Result<profiles::Profile> load(const std::string& name) override {
        if (name != "Office") {
            return mptcp::Error(0, "there is no profile named \"" + name + "\"");
        }
        return office();
    }
    mptcp::Status save(const profiles::Profile& profile) override {
        saved.push_back(profile);
        return {};
    }
    mptcp::Status remove(const std::string& name) override {
        calls.push_back("remove " + name);
        return {};
    }
    mptcp::Status activate(const std::string& name) override {
        calls.push_back("activate " + name);
        return mptcp::Error(0, "not authorized: Authentication is required");
    }
    mptcp::Status deactivate() override {
        calls.push_back("deactivate");
        return {};
    }
    mptcp::Result<profiles::ProfileStatus> status() override { return current; }

    static profiles::Profile office() {
        profiles::Profile profile;
        profile.name = "Office";
        profile.limits.subflows = 2;
        profile.interfaces = {{"wl*", mptcp::kFlagSubflow, profiles::Families::Both, false},
                              {"kind:wwan", mptcp::kFlagSubflow | mptcp::kFlagBackup,
                               profiles::Families::IPv6, true}};
        profile.endpoints = {
            {*mptcp::IpAddress::parse("192.0.2.1"), 7000, "eth0", mptcp::kFlagSignal}};
        profile.sysctls = {{"scheduler", "default"}};
        return profile;
    }

    std::vector<profiles::Profile> saved;
    std::vector<std::string> calls;
    profiles::ProfileStatus current;
};

struct Output {
    int status;
    std::string out;
    std::string err;
};

Output run(mptcpctl::ProfileClient* client, std::vector<std::string> words, bool json = false) {
    auto parsed = parse(words);
    EXPECT_TRUE(std::holds_alternative<ProfileCommand>(parsed));
    mptcpctl::GlobalOptions options;
    options.json = json;
    std::FILE* out = std::tmpfile();
    std::FILE* err = std::tmpfile();
    Output result;
    result.status =
        mptcpctl::runProfileCommand(client, std::get<ProfileCommand>(parsed), options, out, err);
    for (auto [file, text] : {std::pair{out, &result.out}, std::pair{err, &result.err}}) {
        std::rewind(file);
        char buffer[4096];
        size_t length;
        while ((length = std::fread(buffer, 1, sizeof(buffer), file)) > 0) {
            text->append(buffer, length);
        }
        std::fclose(file);
    }
    return result;
}

TEST(ProfileCommandRun, ListShowExport) {
    FakeHelper helper;
    auto listed = run(&helper, {"list"});
    EXPECT_EQ(listed.status, 0);
    EXPECT_EQ(listed.out, "Wi-Fi + LTE together (preset)\nOffice (active)\n");
    auto json = run(&helper, {"list"}, true);
    EXPECT_NE(json.out.find("\"name\": \"Office\",\n    \"builtin\": false,\n    \"active\": true"),
              std::string::npos)
        << json.out;

    auto shown = run(&helper, {"show", "Office"});
    EXPECT_EQ(shown.out, "profile \"Office\"\n"
                         "limits subflows 2\n"
                         "interface wl* subflow\n"
                         "interface kind:wwan subflow backup ipv6 temporary\n"
                         "endpoint 192.0.2.1 port 7000 dev eth0 signal\n"
                         "sysctl scheduler default\n");
    auto exported = run(&helper, {"export", "Office"});
    EXPECT_EQ(exported.status, 0);
    auto back = profiles::parseProfile(exported.out);
    ASSERT_TRUE(back) << back.error().describe();
    EXPECT_EQ(*back, FakeHelper::office());

    auto missing = run(&helper, {"show", "Nope"});
    EXPECT_EQ(missing.status, 2);
    EXPECT_EQ(missing.err, "mptcpctl: there is no profile named \"Nope\"\n");
}

TEST(ProfileCommandRun, ImportChecksTheFileFirst) {
    namespace fs = std::filesystem;
    const fs::path dir =
        fs::temp_directory_path() / ("mptcpctl-profile-" + std::to_string(getpid()));
    fs::create_directories(dir);
    std::ofstream(dir / "good.json") << profiles::writeProfile(FakeHelper::office());
    std::ofstream(dir / "bad.json") << "{\"name\": \"x\",\n \"limits\": {\"subflows\": 12}}\n";
    FakeHelper helper;
    auto good = run(&helper, {"import", (dir / "good.json").string()});
    EXPECT_EQ(good.status, 0) << good.err;
    ASSERT_EQ(helper.saved.size(), 1u);
    EXPECT_EQ(helper.saved[0], FakeHelper::office());

    auto bad = run(&helper, {"import", (dir / "bad.json").string()});
    EXPECT_EQ(bad.status, 2);
    EXPECT_EQ(bad.err, "mptcpctl: " + (dir / "bad.json").string() +
                           ": limits.subflows: 12 is not between 0 and 8\n");
    EXPECT_EQ(helper.saved.size(), 1u) << "nothing was sent";

    auto missing = run(&helper, {"import", (dir / "missing.json").string()});
    EXPECT_EQ(missing.status, 2);
    EXPECT_NE(missing.err.find("No such file or directory"), std::string::npos) << missing.err;
    fs::remove_all(dir);
}

TEST(ProfileCommandRun, ChangesGoToTheHelper) {
    FakeHelper helper;
    auto refused = run(&helper, {"activate", "Office"});
    EXPECT_EQ(refused.status, 2);
    EXPECT_EQ(refused.err, "mptcpctl: not authorized: Authentication is required\n");
    EXPECT_EQ(run(&helper, {"deactivate"}).status, 0);
    EXPECT_EQ(run(&helper, {"delete", "Office"}).status, 0);
    EXPECT_EQ(helper.calls,
              (std::vector<std::string>{"activate Office", "deactivate", "remove Office"}));
}

TEST(ProfileCommandRun, WithoutTheHelper) {
    for (const auto& words : std::vector<std::vector<std::string>>{
             {"list"}, {"activate", "x"}, {"status"}, {"export", "x"}}) {
        auto result = run(nullptr, words);
        EXPECT_EQ(result.status, 2);
        EXPECT_EQ(result.err,
                  "mptcpctl: profiles are kept by the helper; run mptcpctl without --direct\n");
    }
}

TEST(ProfileCommandRun, Status) {
    FakeHelper helper;
    EXPECT_EQ(run(&helper, {"status"}).out, "no profile is active\n");
    profiles::LedgerEntry wifi{
        3, *mptcp::IpAddress::parse("10.0.0.2"), 0, 7, "wlan0", mptcp::kFlagSubflow};
    profiles::LedgerEntry lte{4,       *mptcp::IpAddress::parse("100.64.0.9"),  0, 8,
                              "wwan0", mptcp::kFlagSubflow | mptcp::kFlagBackup};
    helper.current.active = "Office";
    helper.current.healthy = false;
    helper.current.errors = {"adding 10.0.0.3 on wlan0: ..."};
    helper.current.managed = {wifi, lte};
    helper.current.held = {{lte, {}}};
    helper.current.skipped = {{*mptcp::IpAddress::parse("10.0.0.9"), "wlan0", mptcp::kFlagSubflow,
                               profiles::SkipReason::NoRoom, "10.0.0.9 on wlan0: no room"}};
    helper.current.disowned = {
        {5, *mptcp::IpAddress::parse("10.0.0.5"), 0, 7, "wlan0", mptcp::kFlagSubflow}};
    helper.current.notes = {"wwan0 has no IPv4 default route."};
    EXPECT_EQ(run(&helper, {"status"}).out,
              "active \"Office\" (with errors)\n"
              "error: adding 10.0.0.3 on wlan0: ...\n"
              "endpoint 10.0.0.2 id 3 subflow dev wlan0\n"
              "endpoint 100.64.0.9 id 4 subflow backup dev wwan0 (no carrier, kept for now)\n"
              "skipped 10.0.0.9 on wlan0: no room\n"
              "no longer managed 10.0.0.5 id 5 subflow dev wlan0 (changed or deleted by "
              "someone else)\n"
              "note: wwan0 has no IPv4 default route.\n");
    auto json = run(&helper, {"status"}, true);
    auto parsed = profiles::json::parse(json.out);
    ASSERT_TRUE(std::holds_alternative<profiles::json::Value>(parsed)) << json.out;
    const auto& value = std::get<profiles::json::Value>(parsed);
    EXPECT_EQ(value.find("active")->string(), "Office");
    EXPECT_EQ(value.find("endpoints")->array().size(), 2u);
    EXPECT_EQ(value.find("skipped")->array()[0].find("reason")->string(), "no-room");
}

} // namespace
