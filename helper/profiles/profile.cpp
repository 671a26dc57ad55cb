#include "profile.h"

#include "sysctl.h"

#include <fnmatch.h>

#include <cerrno>

namespace profiles {

namespace {

using mptcp::Error;
using mptcp::Result;
using mptcp::Status;

constexpr std::string_view kKindPrefix = "kind:";

Error inputError(const std::string& where, const std::string& what) {
    return Error(0, where.empty() ? what : where + ": " + what);
}

std::string quoted(std::string_view text) {
    std::string out = "\"";
    for (const char c : text.substr(0, 80)) {
        out += static_cast<unsigned char>(c) < 0x20 ? '?' : c;
    }
    return out + (text.size() > 80 ? "...\"" : "\"");
}

// --- names and matches -----------------------------------------------------

// Length of the UTF-8 sequence at `text[i]`, 0 when it is not valid (the
// JSON reader checks more strictly; names also come from D-Bus).
size_t utf8Length(std::string_view text, size_t i) {
    const auto lead = static_cast<unsigned char>(text[i]);
    size_t length = lead < 0x80           ? 1
                    : (lead >> 5) == 0x6  ? 2
                    : (lead >> 4) == 0xE  ? 3
                    : (lead >> 3) == 0x1E ? 4
                                          : 0;
    if (length == 0 || i + length > text.size()) {
        return 0;
    }
    for (size_t k = 1; k < length; ++k) {
        if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) {
            return 0;
        }
    }
    return length;
}

Status validateMatch(const std::string& where, const std::string& match) {
    if (match.empty()) {
        return inputError(where, "empty; give an interface name (\"wlan0\"), a glob (\"wl*\") "
                                 "or a kind (\"kind:wifi\", \"kind:ethernet\", \"kind:wwan\")");
    }
    if (match.rfind(kKindPrefix, 0) == 0) {
        const std::string kind = match.substr(kKindPrefix.size());
        if (!matchableLinkKind(kind)) {
            return inputError(where, quoted(match) + " names no kind of interface; use "
                                                     "kind:wifi, kind:ethernet or kind:wwan");
        }
        return {};
    }
    for (const char c : match) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte <= 0x20 || byte >= 0x7f || c == '/' || c == ':') {
            return inputError(where, quoted(match) +
                                         " cannot match an interface name (no spaces, '/', ':' "
                                         "or non-ASCII characters)");
        }
    }
    const bool glob = match.find_first_of("*?[") != std::string::npos;
    if (!glob && match.size() > kMaxInterfaceNameBytes) {
        return inputError(where, quoted(match) + " is longer than an interface name can be (" +
                                     std::to_string(kMaxInterfaceNameBytes) + " bytes)");
    }
    if (match.size() > 64) {
        return inputError(where, "a pattern of at most 64 characters, please");
    }
    return {};
}

Status validateFlags(const std::string& where, uint32_t flags, uint16_t port) {
    if (flags & ~mptcp::kUserEndpointFlags) {
        return inputError(where, "only signal, subflow, backup, fullmesh and laminar can be set");
    }
    if ((flags & mptcp::kFlagSignal) && (flags & mptcp::kFlagFullmesh)) {
        return inputError(where, "signal and fullmesh cannot be combined (the kernel refuses "
                                 "it); use subflow with fullmesh");
    }
    if (!(flags & (mptcp::kFlagSignal | mptcp::kFlagSubflow | mptcp::kFlagLaminar))) {
        return inputError(where, "needs signal, subflow or laminar: without one of them the "
                                 "endpoint is never used for an extra path");
    }
    if (port != 0 && !(flags & mptcp::kFlagSignal)) {
        return inputError(where, "a port is only meaningful with signal");
    }
    return {};
}

Status checkLimit(const char* where, const std::optional<uint32_t>& value) {
    if (value && *value > kKernelMaxLimit) {
        return inputError(where, std::to_string(*value) + " is more than the kernel allows (" +
                                     std::to_string(kKernelMaxLimit) + ")");
    }
    return {};
}

// --- JSON → profile --------------------------------------------------------

// Reads one object's members, each exactly once, and refuses unknown ones,
// so a typo ("subflow": in place of "flags":) is an error, not silence.
class ObjectReader {
public:
    ObjectReader(const json::Value& value, std::string where)
        : value_(value), where_(std::move(where)) {}

    Status expectObject() const {
        if (!value_.isObject()) {
            return inputError(where_, std::string("expected an object, found ") +
                                          json::typeName(value_.type()));
        }
        return {};
    }

    const json::Value* take(std::string_view key) {
        known_.emplace_back(key);
        return value_.find(key);
    }

    std::string at(std::string_view key) const {
        return where_.empty() ? std::string(key) : where_ + "." + std::string(key);
    }

    Status finish(std::string_view expected) const {
        for (const auto& [key, member] : value_.object()) {
            bool isKnown = false;
            for (const auto& name : known_) {
                isKnown = isKnown || name == key;
            }
            if (!isKnown) {
                return inputError(at(key), "unknown member; expected " + std::string(expected));
            }
        }
        return {};
    }

private:
    const json::Value& value_;
    std::string where_;
    std::vector<std::string> known_;
};

Error wrongType(const std::string& where, const char* expected, const json::Value& value) {
    return inputError(where, std::string("expected ") + expected + ", found " +
                                 json::typeName(value.type()));
}

Result<std::string> readString(const std::string& where, const json::Value& value) {
    if (!value.isString()) {
        return wrongType(where, "a string", value);
    }
    return value.string();
}

Result<uint32_t> readUnsigned(const std::string& where, const json::Value& value,
                              uint32_t maximum) {
    if (!value.isInteger()) {
        return wrongType(where, "a whole number", value);
    }
    if (value.integer() < 0 || value.integer() > maximum) {
        return inputError(where, std::to_string(value.integer()) + " is not between 0 and " +
                                     std::to_string(maximum));
    }
    return static_cast<uint32_t>(value.integer());
}

Result<uint32_t> readFlags(const std::string& where, const json::Value& value) {
    if (!value.isArray()) {
        return wrongType(where, "an array of flag names such as [\"subflow\", \"backup\"]", value);
    }
    uint32_t flags = 0;
    for (size_t i = 0; i < value.array().size(); ++i) {
        const std::string at = where + "[" + std::to_string(i) + "]";
        auto name = readString(at, value.array()[i]);
        if (!name) {
            return name.error();
        }
        auto bit = mptcp::endpointFlagFromName(*name);
        if (!bit || !(*bit & mptcp::kUserEndpointFlags)) {
            return inputError(at, "unknown flag " + quoted(*name) +
                                      "; the flags are signal, subflow, backup, fullmesh and "
                                      "laminar");
        }
        if (flags & *bit) {
            return inputError(at, "the flag " + quoted(*name) + " is listed twice");
        }
        flags |= *bit;
    }
    return flags;
}

Result<InterfaceRule> readRule(const std::string& where, const json::Value& value) {
    ObjectReader reader(value, where);
    if (auto ok = reader.expectObject(); !ok) {
        return ok.error();
    }
    InterfaceRule rule;
    const json::Value* match = reader.take("match");
    if (!match) {
        return inputError(where, "needs a \"match\": an interface name, a glob such as \"wl*\" "
                                 "or a kind such as \"kind:wifi\"");
    }
    auto text = readString(reader.at("match"), *match);
    if (!text) {
        return text.error();
    }
    rule.match = *text;
    if (const json::Value* flags = reader.take("flags")) {
        auto bits = readFlags(reader.at("flags"), *flags);
        if (!bits) {
            return bits.error();
        }
        rule.flags = *bits;
    }
    if (const json::Value* family = reader.take("family")) {
        auto name = readString(reader.at("family"), *family);
        if (!name) {
            return name.error();
        }
        if (*name == "both") {
            rule.families = Families::Both;
        } else if (*name == "ipv4") {
            rule.families = Families::IPv4;
        } else if (*name == "ipv6") {
            rule.families = Families::IPv6;
        } else {
            return inputError(reader.at("family"),
                              quoted(*name) +
                                  " is not a family; use \"ipv4\", \"ipv6\" or \"both\"");
        }
    }
    if (const json::Value* temporary = reader.take("temporary")) {
        if (!temporary->isBoolean()) {
            return wrongType(reader.at("temporary"), "true or false", *temporary);
        }
        rule.temporary = temporary->boolean();
    }
    if (auto ok = reader.finish("match, flags, family or temporary"); !ok) {
        return ok.error();
    }
    return rule;
}

Result<FixedEndpoint> readFixedEndpoint(const std::string& where, const json::Value& value) {
    ObjectReader reader(value, where);
    if (auto ok = reader.expectObject(); !ok) {
        return ok.error();
    }
    FixedEndpoint endpoint;
    const json::Value* address = reader.take("address");
    if (!address) {
        return inputError(where, "needs an \"address\"");
    }
    auto text = readString(reader.at("address"), *address);
    if (!text) {
        return text.error();
    }
    auto parsed = mptcp::IpAddress::parse(*text);
    if (!parsed) {
        return inputError(reader.at("address"), quoted(*text) + " is not an IPv4 or IPv6 address");
    }
    endpoint.address = *parsed;
    if (const json::Value* port = reader.take("port")) {
        auto number = readUnsigned(reader.at("port"), *port, 65535);
        if (!number) {
            return number.error();
        }
        endpoint.port = static_cast<uint16_t>(*number);
    }
    if (const json::Value* dev = reader.take("dev")) {
        auto name = readString(reader.at("dev"), *dev);
        if (!name) {
            return name.error();
        }
        endpoint.interface = *name;
    }
    if (const json::Value* flags = reader.take("flags")) {
        auto bits = readFlags(reader.at("flags"), *flags);
        if (!bits) {
            return bits.error();
        }
        endpoint.flags = *bits;
    }
    if (auto ok = reader.finish("address, port, dev or flags"); !ok) {
        return ok.error();
    }
    return endpoint;
}

Result<ProfileLimits> readLimits(const json::Value& value) {
    ObjectReader reader(value, "limits");
    if (auto ok = reader.expectObject(); !ok) {
        return ok.error();
    }
    ProfileLimits limits;
    if (const json::Value* subflows = reader.take("subflows")) {
        auto number = readUnsigned(reader.at("subflows"), *subflows, kKernelMaxLimit);
        if (!number) {
            return number.error();
        }
        limits.subflows = *number;
    }
    if (const json::Value* accepted = reader.take("add_addr_accepted")) {
        auto number = readUnsigned(reader.at("add_addr_accepted"), *accepted, kKernelMaxLimit);
        if (!number) {
            return number.error();
        }
        limits.addAddrAccepted = *number;
    }
    if (auto ok = reader.finish("subflows or add_addr_accepted"); !ok) {
        return ok.error();
    }
    return limits;
}

Result<std::map<std::string, std::string>> readSysctls(const json::Value& value) {
    if (!value.isObject()) {
        return wrongType("sysctls", "an object such as {\"scheduler\": \"default\"}", value);
    }
    std::map<std::string, std::string> sysctls;
    for (const auto& [name, setting] : value.object()) {
        const std::string where = "sysctls." + name;
        if (setting.isInteger()) {
            sysctls[name] = std::to_string(setting.integer());
        } else if (setting.isString()) {
            sysctls[name] = setting.string();
        } else {
            return wrongType(where, "a whole number or a string", setting);
        }
    }
    return sysctls;
}

} // namespace

// --- rules -----------------------------------------------------------------

std::string_view familiesName(Families families) {
    switch (families) {
    case Families::IPv4:
        return "ipv4";
    case Families::IPv6:
        return "ipv6";
    case Families::Both:
        break;
    }
    return "both";
}

bool InterfaceRule::matches(std::string_view interfaceName, LinkKind kind) const {
    if (match.rfind(kKindPrefix, 0) == 0) {
        auto wanted = matchableLinkKind(std::string_view(match).substr(kKindPrefix.size()));
        return wanted && *wanted == kind;
    }
    const std::string name(interfaceName);
    return fnmatch(match.c_str(), name.c_str(), 0) == 0;
}

std::vector<std::string> flagNames(uint32_t flags) {
    std::vector<std::string> names;
    for (const auto& entry : mptcp::kEndpointFlagNames) {
        if (flags & entry.bit) {
            names.emplace_back(entry.name);
        }
    }
    return names;
}

// --- validation ------------------------------------------------------------

Status validateProfileName(std::string_view name) {
    if (name.empty()) {
        return inputError("name", "a profile needs a name");
    }
    if (name.size() > kMaxNameBytes) {
        return inputError("name", "at most " + std::to_string(kMaxNameBytes) +
                                      " bytes, please (this one has " +
                                      std::to_string(name.size()) + ")");
    }
    if (name.front() == '.' || name.front() == ' ' || name.back() == ' ') {
        return inputError("name", quoted(name) + " may not start with '.' or start or end "
                                                 "with a space");
    }
    if (name.find('/') != std::string_view::npos || name.find("..") != std::string_view::npos) {
        return inputError("name", quoted(name) + " may not contain '/' or \"..\"");
    }
    for (size_t i = 0; i < name.size();) {
        const auto byte = static_cast<unsigned char>(name[i]);
        if (byte < 0x20 || byte == 0x7f) {
            return inputError("name", "control characters are not allowed in a name");
        }
        const size_t length = utf8Length(name, i);
        if (length == 0) {
            return inputError("name", "a name must be valid UTF-8 text");
        }
        if (length == 2 && byte == 0xC2 && static_cast<unsigned char>(name[i + 1]) < 0xA0) {
            return inputError("name", "control characters are not allowed in a name");
        }
        i += length;
    }
    return {};
}

Status validateProfile(const Profile& profile) {
    if (auto named = validateProfileName(profile.name); !named) {
        return named;
    }
    if (auto ok = checkLimit("limits.subflows", profile.limits.subflows); !ok) {
        return ok;
    }
    if (auto ok = checkLimit("limits.add_addr_accepted", profile.limits.addAddrAccepted); !ok) {
        return ok;
    }
    if (profile.interfaces.size() > kMaxRules) {
        return inputError("interfaces", "at most " + std::to_string(kMaxRules) + " rules, please");
    }
    for (size_t i = 0; i < profile.interfaces.size(); ++i) {
        const InterfaceRule& rule = profile.interfaces[i];
        const std::string where = "interfaces[" + std::to_string(i) + "]";
        if (auto ok = validateMatch(where + ".match", rule.match); !ok) {
            return ok;
        }
        if (auto ok = validateFlags(where + ".flags", rule.flags, 0); !ok) {
            return ok;
        }
        if (rule.temporary && rule.families == Families::IPv4) {
            return inputError(where + ".temporary",
                              "temporary addresses exist only in IPv6, and the rule is ipv4 only");
        }
    }
    if (profile.endpoints.size() > kMaxFixedEndpoints) {
        return inputError("endpoints", "the kernel keeps at most " +
                                           std::to_string(kKernelMaxEndpoints) + " endpoints");
    }
    for (size_t i = 0; i < profile.endpoints.size(); ++i) {
        const FixedEndpoint& endpoint = profile.endpoints[i];
        const std::string where = "endpoints[" + std::to_string(i) + "]";
        const mptcp::IpAddress& address = endpoint.address;
        if (!address.isSet() || address.isUnspecified() || address.isMulticast() ||
            address.isBroadcast() || address.isLoopback()) {
            return inputError(where + ".address",
                              "\"" + address.toString() +
                                  "\" cannot be an endpoint (unset, unspecified, multicast, "
                                  "broadcast or loopback)");
        }
        for (size_t k = 0; k < i; ++k) {
            if (profile.endpoints[k].address == address &&
                profile.endpoints[k].port == endpoint.port) {
                return inputError(where + ".address", address.toString() +
                                                          " is listed twice (also endpoints[" +
                                                          std::to_string(k) + "])");
            }
        }
        if (!endpoint.interface.empty()) {
            if (auto ok = validateMatch(where + ".dev", endpoint.interface); !ok) {
                return ok;
            }
            if (endpoint.interface.find_first_of("*?[") != std::string::npos ||
                endpoint.interface.rfind(kKindPrefix, 0) == 0) {
                return inputError(where + ".dev", "names one interface (no glob, no kind:)");
            }
        }
        if (auto ok = validateFlags(where + ".flags", endpoint.flags, endpoint.port); !ok) {
            return ok;
        }
    }
    for (const auto& [name, value] : profile.sysctls) {
        // The shape checks of the helper's SetSysctl, against a root that does
        // not exist: "this kernel has no ..." (EOPNOTSUPP) then means the name
        // and the value passed; whether this kernel has it is asked on apply.
        Status valid = mptcp::validateMptcpSysctl(name, value, "/nonexistent/mptcp-profile-check");
        if (!valid && valid.error().code() != EOPNOTSUPP) {
            return inputError("sysctls." + name, valid.error().advice());
        }
    }
    return {};
}

// --- JSON ------------------------------------------------------------------

Result<Profile> profileFromJson(const json::Value& value) {
    ObjectReader reader(value, "");
    if (auto ok = reader.expectObject(); !ok) {
        return Error(0, "a profile is a JSON object; found " +
                            std::string(json::typeName(value.type())));
    }
    Profile profile;
    if (const json::Value* version = reader.take("version")) {
        if (!version->isInteger() || version->integer() != kFormatVersion) {
            return inputError("version", "this version of MPTCP Manager reads format version " +
                                             std::to_string(kFormatVersion) + " only");
        }
    }
    const json::Value* name = reader.take("name");
    if (!name) {
        return inputError("", "a profile needs a \"name\"");
    }
    auto text = readString("name", *name);
    if (!text) {
        return text.error();
    }
    profile.name = *text;
    if (const json::Value* limits = reader.take("limits")) {
        auto read = readLimits(*limits);
        if (!read) {
            return read.error();
        }
        profile.limits = *read;
    }
    if (const json::Value* rules = reader.take("interfaces")) {
        if (!rules->isArray()) {
            return wrongType("interfaces", "an array of rules", *rules);
        }
        for (size_t i = 0; i < rules->array().size(); ++i) {
            auto rule = readRule("interfaces[" + std::to_string(i) + "]", rules->array()[i]);
            if (!rule) {
                return rule.error();
            }
            profile.interfaces.push_back(*rule);
        }
    }
    if (const json::Value* endpoints = reader.take("endpoints")) {
        if (!endpoints->isArray()) {
            return wrongType("endpoints", "an array of endpoints", *endpoints);
        }
        for (size_t i = 0; i < endpoints->array().size(); ++i) {
            auto endpoint =
                readFixedEndpoint("endpoints[" + std::to_string(i) + "]", endpoints->array()[i]);
            if (!endpoint) {
                return endpoint.error();
            }
            profile.endpoints.push_back(*endpoint);
        }
    }
    if (const json::Value* sysctls = reader.take("sysctls")) {
        auto read = readSysctls(*sysctls);
        if (!read) {
            return read.error();
        }
        profile.sysctls = *read;
    }
    if (auto ok = reader.finish("version, name, limits, interfaces, endpoints or sysctls"); !ok) {
        return ok.error();
    }
    if (auto valid = validateProfile(profile); !valid) {
        return valid.error();
    }
    return profile;
}

Result<Profile> parseProfile(std::string_view text) {
    auto parsed = json::parse(text, json::ParseLimits{16, 256 * 1024});
    if (auto* error = std::get_if<json::ParseError>(&parsed)) {
        return Error(0, "not valid JSON: " + error->describe());
    }
    return profileFromJson(std::get<json::Value>(parsed));
}

json::Value profileToJson(const Profile& profile) {
    auto flagsValue = [](uint32_t flags) {
        json::Array names;
        for (auto& name : flagNames(flags)) {
            names.emplace_back(std::move(name));
        }
        return json::Value(std::move(names));
    };
    json::Object root;
    root.emplace_back("version", kFormatVersion);
    root.emplace_back("name", profile.name);
    if (!profile.limits.empty()) {
        json::Object limits;
        if (profile.limits.subflows) {
            limits.emplace_back("subflows", *profile.limits.subflows);
        }
        if (profile.limits.addAddrAccepted) {
            limits.emplace_back("add_addr_accepted", *profile.limits.addAddrAccepted);
        }
        root.emplace_back("limits", std::move(limits));
    }
    json::Array rules;
    for (const auto& rule : profile.interfaces) {
        json::Object entry;
        entry.emplace_back("match", rule.match);
        entry.emplace_back("flags", flagsValue(rule.flags));
        if (rule.families != Families::Both) {
            entry.emplace_back("family", std::string(familiesName(rule.families)));
        }
        if (rule.temporary) {
            entry.emplace_back("temporary", true);
        }
        rules.emplace_back(std::move(entry));
    }
    root.emplace_back("interfaces", std::move(rules));
    json::Array endpoints;
    for (const auto& endpoint : profile.endpoints) {
        json::Object entry;
        entry.emplace_back("address", endpoint.address.toString());
        if (endpoint.port != 0) {
            entry.emplace_back("port", uint32_t{endpoint.port});
        }
        if (!endpoint.interface.empty()) {
            entry.emplace_back("dev", endpoint.interface);
        }
        entry.emplace_back("flags", flagsValue(endpoint.flags));
        endpoints.emplace_back(std::move(entry));
    }
    root.emplace_back("endpoints", std::move(endpoints));
    if (!profile.sysctls.empty()) {
        json::Object sysctls;
        for (const auto& [name, value] : profile.sysctls) {
            sysctls.emplace_back(name, value);
        }
        root.emplace_back("sysctls", std::move(sysctls));
    }
    return json::Value(std::move(root));
}

std::string writeProfile(const Profile& profile) {
    return json::write(profileToJson(profile));
}

// --- presets ---------------------------------------------------------------

const std::vector<Profile>& builtinProfiles() {
    static const std::vector<Profile> presets = [] {
        using mptcp::kFlagBackup;
        using mptcp::kFlagSignal;
        using mptcp::kFlagSubflow;
        std::vector<Profile> list;

        Profile together;
        together.name = "Wi-Fi + LTE together";
        together.limits = {4, 2};
        together.interfaces = {{"kind:wifi", kFlagSubflow, Families::Both, false},
                               {"kind:wwan", kFlagSubflow, Families::Both, false},
                               {"kind:ethernet", kFlagSubflow, Families::Both, false}};
        list.push_back(together);

        Profile backup;
        backup.name = "Wi-Fi first, LTE as backup";
        backup.limits = {4, 2};
        backup.interfaces = {{"kind:wifi", kFlagSubflow, Families::Both, false},
                             {"kind:ethernet", kFlagSubflow, Families::Both, false},
                             {"kind:wwan", kFlagSubflow | kFlagBackup, Families::Both, false}};
        list.push_back(backup);

        Profile server;
        server.name = "Server: announce every address";
        server.limits = {8, 0};
        server.interfaces = {{"kind:ethernet", kFlagSignal, Families::Both, false},
                             {"kind:wifi", kFlagSignal, Families::Both, false},
                             {"kind:wwan", kFlagSignal, Families::Both, false}};
        list.push_back(server);
        return list;
    }();
    return presets;
}

const Profile* findBuiltinProfile(std::string_view name) {
    for (const auto& profile : builtinProfiles()) {
        if (profile.name == name) {
            return &profile;
        }
    }
    return nullptr;
}

} // namespace profiles
