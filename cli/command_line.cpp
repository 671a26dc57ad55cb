#include "command_line.h"

#include <cerrno>
#include <climits>
#include <cstdlib>

namespace mptcpctl {

namespace {

using mptcp::IpAddress;

// iproute2's matches(): `word` is a non-empty prefix of `keyword`.
bool matches(const std::string& word, const char* keyword) {
    return !word.empty() && std::string_view(keyword).starts_with(word);
}

// iproute2's get_unsigned family: strtoul with base 0 (so 0x10 and 010 work),
// the whole word consumed, within `maximum`.
std::optional<uint32_t> parseUnsigned(const std::string& word, unsigned long maximum) {
    if (word.empty()) {
        return std::nullopt;
    }
    errno = 0;
    char* end = nullptr;
    unsigned long value = std::strtoul(word.c_str(), &end, 0);
    if (errno != 0 || *end != '\0' || value > maximum) {
        return std::nullopt;
    }
    return static_cast<uint32_t>(value);
}

UsageError invalidArgument(const std::string& argument, const std::string& why) {
    return {"argument \"" + argument + "\" is wrong: " + why};
}

// One cursor over the words; next() fails like iproute2's NEXT_ARG.
class Words {
public:
    Words(const std::vector<std::string>& words, size_t start) : words_(words), index_(start) {}
    bool done() const { return index_ >= words_.size(); }
    const std::string& current() const { return words_[index_]; }
    void advance() { ++index_; }
    // Moves to the value after a keyword; nullptr when it is missing.
    const std::string* value() {
        if (index_ + 1 >= words_.size()) {
            return nullptr;
        }
        return &words_[++index_];
    }

private:
    const std::vector<std::string>& words_;
    size_t index_;
};

UsageError missingValue(const std::string& keyword) {
    return {"command line is not complete: \"" + keyword + "\" needs a value"};
}

struct EndpointOptions {
    std::optional<uint8_t> id;
    IpAddress address;
    std::string device;
    uint16_t port = 0;
    uint32_t flags = 0;
};

enum class EndpointVerb { Add, Delete, Change, Show };

std::optional<UsageError> checkFlag(EndpointVerb verb, uint32_t flags, const std::string& word) {
    using namespace mptcp;
    if (verb == EndpointVerb::Add && (flags & kFlagSignal) && (flags & kFlagFullmesh)) {
        return invalidArgument(word, "flags mustn't have both signal and fullmesh");
    }
    if (verb == EndpointVerb::Change && (flags & ~kChangeableEndpointFlags)) {
        return invalidArgument(word, "invalid flags, backup and fullmesh only");
    }
    return std::nullopt;
}

std::variant<EndpointOptions, UsageError> parseEndpointOptions(Words& words, EndpointVerb verb) {
    EndpointOptions options;
    for (; !words.done(); words.advance()) {
        const std::string& word = words.current();
        if (word == "nobackup" || word == "nofullmesh") {
            continue; // "clear": the change sends only the flags that stay set
        }
        if (auto flag = mptcp::endpointFlagFromName(word)) {
            options.flags |= *flag;
            if (auto error = checkFlag(verb, options.flags, word)) {
                return *error;
            }
        } else if (matches(word, "id")) {
            const std::string* value = words.value();
            if (!value) {
                return missingValue(word);
            }
            auto id = parseUnsigned(*value, 255);
            if (!id) {
                return invalidArgument(*value, "invalid ID");
            }
            options.id = static_cast<uint8_t>(*id);
        } else if (matches(word, "dev")) {
            const std::string* value = words.value();
            if (!value) {
                return missingValue(word);
            }
            // IFNAMSIZ is 16 with the terminator; '/' and white space are never valid.
            if (value->empty() || value->size() > 15 ||
                value->find_first_of("/ \t\n") != std::string::npos) {
                return invalidArgument(*value, "invalid interface name");
            }
            options.device = *value;
        } else if (matches(word, "port")) {
            const std::string* value = words.value();
            if (!value) {
                return missingValue(word);
            }
            auto port = parseUnsigned(*value, 65535);
            if (!port) {
                return invalidArgument(*value, "expected port");
            }
            options.port = static_cast<uint16_t>(*port);
        } else if (auto address = IpAddress::parse(word)) {
            options.address = *address;
        } else {
            return invalidArgument(word, "unknown argument");
        }
    }
    return options;
}

std::variant<Command, UsageError> buildEndpointCommand(EndpointVerb verb,
                                                       const EndpointOptions& options) {
    const bool hasAddress = options.address.isSet();
    if (verb == EndpointVerb::Add && !hasAddress) {
        return UsageError{"argument \"ADDRESS\" is required"};
    }
    if (verb == EndpointVerb::Delete) {
        if (!options.id) {
            return UsageError{"argument \"ID\" is required"};
        }
        if (*options.id && hasAddress) {
            return invalidArgument("ADDRESS", "invalid for non-zero id address");
        }
        if (!*options.id && !hasAddress) {
            return invalidArgument("ID", "address is needed for deleting id 0 address");
        }
    }
    // Like iproute2 6.1, "id 0" elsewhere means "no id": the kernel picks
    // one on add, and finds the endpoint by address on change.
    if (verb == EndpointVerb::Add && options.port && !(options.flags & mptcp::kFlagSignal)) {
        return invalidArgument("port", "flags must have signal when using port");
    }
    if (verb == EndpointVerb::Change && options.id && options.port) {
        return invalidArgument("port", "port can't be used with id");
    }
    switch (verb) {
    case EndpointVerb::Add: {
        EndpointAdd add;
        add.endpoint.id = options.id.value_or(0);
        add.endpoint.address = options.address;
        add.endpoint.port = options.port;
        add.endpoint.flags = options.flags;
        add.device = options.device;
        return add;
    }
    case EndpointVerb::Delete:
        return EndpointDelete{*options.id, options.address};
    case EndpointVerb::Change:
        return EndpointChange{{options.id.value_or(0), options.address, options.port},
                              options.flags};
    case EndpointVerb::Show:
        return EndpointShow{options.id};
    }
    return UsageError{"unreachable"};
}

std::variant<Command, UsageError> parseEndpoint(Words& words) {
    if (words.done()) {
        return EndpointShow{};
    }
    const std::string verbWord = words.current();
    EndpointVerb verb;
    if (matches(verbWord, "add")) {
        verb = EndpointVerb::Add;
    } else if (matches(verbWord, "change")) {
        verb = EndpointVerb::Change;
    } else if (matches(verbWord, "delete")) {
        verb = EndpointVerb::Delete;
    } else if (matches(verbWord, "show")) {
        verb = EndpointVerb::Show;
    } else if (matches(verbWord, "flush")) {
        return EndpointFlush{};
    } else {
        return UsageError{"Command \"" + verbWord + "\" is unknown, try \"mptcpctl help\"."};
    }
    words.advance();
    if (verb == EndpointVerb::Show && words.done()) {
        return EndpointShow{};
    }
    auto options = parseEndpointOptions(words, verb);
    if (auto* error = std::get_if<UsageError>(&options)) {
        return *error;
    }
    return buildEndpointCommand(verb, std::get<EndpointOptions>(options));
}

std::variant<Command, UsageError> parseLimitsSet(Words& words) {
    LimitsSet set;
    for (; !words.done(); words.advance()) {
        const std::string& word = words.current();
        const bool subflows = matches(word, "subflows");
        if (!subflows && !matches(word, "add_addr_accepted")) {
            return invalidArgument(word, "unknown limit");
        }
        const std::string* value = words.value();
        if (!value) {
            return missingValue(word);
        }
        auto number = parseUnsigned(*value, UINT32_MAX);
        if (!number) {
            return invalidArgument(*value, subflows ? "invalid subflows" : "invalid add_addr_accepted");
        }
        (subflows ? set.subflows : set.addAddrAccepted) = *number;
    }
    return set;
}

std::variant<Command, UsageError> parseLimits(Words& words) {
    if (words.done()) {
        return LimitsShow{};
    }
    const std::string verb = words.current();
    words.advance();
    if (matches(verb, "set")) {
        return parseLimitsSet(words);
    }
    if (matches(verb, "show")) {
        if (!words.done()) {
            return invalidArgument(words.current(), "unknown limit");
        }
        return LimitsShow{};
    }
    return UsageError{"Command \"" + verb + "\" is unknown, try \"mptcpctl help\"."};
}

std::variant<Command, UsageError> parseObject(Words& words) {
    if (words.done() || matches(words.current(), "help")) {
        return Help{};
    }
    const std::string object = words.current();
    words.advance();
    if (matches(object, "endpoint")) {
        return parseEndpoint(words);
    }
    if (matches(object, "limits")) {
        return parseLimits(words);
    }
    if (matches(object, "monitor")) {
        if (!words.done()) {
            return UsageError{"Command \"" + words.current() +
                              "\" is unknown, try \"mptcpctl help\"."};
        }
        return Monitor{};
    }
    if (matches(object, "connections")) {
        Connections connections;
        for (; !words.done(); words.advance()) {
            if (!matches(words.current(), "listening")) {
                return invalidArgument(words.current(), "unknown argument");
            }
            connections.listeners = true;
        }
        return connections;
    }
    if (matches(object, "doctor")) {
        if (!words.done()) {
            return invalidArgument(words.current(), "unknown argument");
        }
        return Doctor{};
    }
    if (matches(object, "profile")) {
        std::vector<std::string> rest;
        for (; !words.done(); words.advance()) {
            rest.push_back(words.current());
        }
        ProfileCommand profile;
        if (std::string error = parseProfileCommand(rest, 0, profile); !error.empty()) {
            return UsageError{error};
        }
        return profile;
    }
    return UsageError{"Command \"" + object + "\" is unknown, try \"mptcpctl help\"."};
}

} // namespace

std::variant<ParsedCommandLine, UsageError> parseCommandLine(const std::vector<std::string>& args) {
    ParsedCommandLine parsed{{}, Help{}};
    size_t index = 0;
    for (; index < args.size() && args[index].size() > 1 && args[index][0] == '-'; ++index) {
        const std::string& option = args[index];
        if (option == "-j" || option == "-json" || option == "--json") {
            parsed.options.json = true;
        } else if (option == "-p" || option == "-pretty" || option == "--pretty") {
            parsed.options.pretty = true;
        } else if (option == "--direct") {
            parsed.options.direct = true;
        } else if (option == "-n" || option == "-netns" || option == "--netns") {
            if (index + 1 >= args.size()) {
                return missingValue(option);
            }
            parsed.options.netns = args[++index];
        } else if (option == "-h" || option == "--help") {
            return parsed;
        } else {
            return UsageError{"Option \"" + option + "\" is unknown, try \"mptcpctl help\"."};
        }
    }
    Words words(args, index);
    auto command = parseObject(words);
    if (auto* error = std::get_if<UsageError>(&command)) {
        return *error;
    }
    parsed.command = std::get<Command>(command);
    return parsed;
}

const char* usageText() {
    return "Usage:\tmptcpctl [ OPTIONS ] endpoint add ADDRESS [ dev NAME ] [ id ID ]\n"
           "\t\t\t\t      [ port NR ] [ FLAG-LIST ]\n"
           "\tmptcpctl [ OPTIONS ] endpoint delete id ID [ ADDRESS ]\n"
           "\tmptcpctl [ OPTIONS ] endpoint change [ id ID ] [ ADDRESS ] [ port NR ] CHANGE-OPT\n"
           "\tmptcpctl [ OPTIONS ] endpoint show [ id ID ]\n"
           "\tmptcpctl [ OPTIONS ] endpoint flush\n"
           "\tmptcpctl [ OPTIONS ] limits set [ subflows NR ] [ add_addr_accepted NR ]\n"
           "\tmptcpctl [ OPTIONS ] limits show\n"
           "\tmptcpctl [ OPTIONS ] monitor\n"
           "\tmptcpctl [ OPTIONS ] connections [ listening ]\n"
           "\tmptcpctl [ OPTIONS ] doctor\n"
           "\tmptcpctl [ OPTIONS ] profile { list | status | deactivate }\n"
           "\tmptcpctl [ OPTIONS ] profile { show | activate | delete | export } NAME\n"
           "\tmptcpctl [ OPTIONS ] profile import FILE\n"
           "OPTIONS := { -j[son] | -p[retty] | --direct | -n[etns] NAME }\n"
           "FLAG-LIST := [ FLAG-LIST ] FLAG\n"
           "FLAG  := [ signal | subflow | backup | fullmesh | laminar ]\n"
           "CHANGE-OPT := [ backup | nobackup | fullmesh | nofullmesh ]\n"
           "Exit status: 0 on success, 2 when the operation failed, 255 for a bad command line;\n"
           "doctor exits 0 when it finds nothing wrong (information only) and 1 when it finds\n"
           "a warning or an error.\n";
}

} // namespace mptcpctl
