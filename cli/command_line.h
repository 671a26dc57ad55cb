// The `ip mptcp` grammar, parsed into a typed command. Pure: no I/O, so the
// fuzzers and unit tests drive it directly.
#pragma once

#include "endpoint.h"
#include "path_manager.h"
#include "ip_address.h"
#include "profile_command.h"

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace mptcpctl {

struct GlobalOptions {
    bool json = false;
    bool pretty = false;
    bool direct = false;
    std::string netns; // -n NAME: run inside /run/netns/NAME (direct mode)
};

struct EndpointAdd {
    mptcp::Endpoint endpoint; // ifindex unset: `device` names the interface
    std::string device;
};
struct EndpointDelete {
    uint8_t id = 0;
    mptcp::IpAddress address;
};
struct EndpointChange {
    mptcp::EndpointSelector selector;
    uint32_t flags = 0;
};
struct EndpointShow {
    std::optional<uint8_t> id;
};
struct EndpointFlush {};
struct LimitsSet {
    std::optional<uint32_t> subflows;
    std::optional<uint32_t> addAddrAccepted;
};
struct LimitsShow {};
struct Monitor {};
struct Connections {
    bool listeners = false;
};
// Why multipath is not happening: every finding, exit status 1 when one is
// a warning or an error.
struct Doctor {};
struct Help {};

using Command =
    std::variant<EndpointAdd, EndpointDelete, EndpointChange, EndpointShow, EndpointFlush,
                 LimitsSet, LimitsShow, Monitor, Connections, Doctor, ProfileCommand, Help>;

struct ParsedCommandLine {
    GlobalOptions options;
    Command command;
};

// An error in the words iproute2 uses: `argument "X" is wrong: invalid ID`.
struct UsageError {
    std::string message;
};

std::variant<ParsedCommandLine, UsageError> parseCommandLine(const std::vector<std::string>& args);

const char* usageText();

} // namespace mptcpctl
