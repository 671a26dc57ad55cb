// What the doctor reports: one finding per problem, with a stable id, what is
// wrong, why it matters, how to fix it, and (when the fix is one of the
// helper's own authorized methods) that method with its arguments, so a GUI
// can offer it as one click.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace doctor {

enum class Severity : uint8_t {
    Info = 0,    // worth knowing; nothing is broken
    Warning = 1, // multipath is weakened or will not happen in some cases
    Error = 2,   // MPTCP or an endpoint cannot work at all
};

// "info", "warning", "error".
std::string_view severityName(Severity severity);
std::optional<Severity> severityFromName(std::string_view name);

// The helper's methods a fix may call, with their arguments (the names are
// those of org.mptcpmanager.Helper1.xml).
struct SetSysctlFix {
    std::string name; // without the "net.mptcp." prefix
    std::string value;
    friend bool operator==(const SetSysctlFix&, const SetSysctlFix&) = default;
};
struct SetLimitsFix {
    uint32_t subflows = 0;
    uint32_t addAddrAccepted = 0;
    friend bool operator==(const SetLimitsFix&, const SetLimitsFix&) = default;
};
struct RemoveEndpointFix {
    uint8_t id = 0;
    friend bool operator==(const RemoveEndpointFix&, const RemoveEndpointFix&) = default;
};
struct SetEndpointFlagsFix {
    uint8_t id = 0;
    uint32_t flags = 0;
    friend bool operator==(const SetEndpointFlagsFix&, const SetEndpointFlagsFix&) = default;
};
using FixAction = std::variant<SetSysctlFix, SetLimitsFix, RemoveEndpointFix, SetEndpointFlagsFix>;

// std::visit(Overloaded{[](const SetSysctlFix&) {...}, ...}, action)
template <class... Visitors> struct Overloaded : Visitors... { using Visitors::operator()...; };
template <class... Visitors> Overloaded(Visitors...) -> Overloaded<Visitors...>;

// "SetSysctl", "SetLimits", "RemoveEndpoint", "SetEndpointFlags".
std::string_view actionMethod(const FixAction& action);

struct Finding {
    std::string id; // stable: scripts and translations key on it
    Severity severity = Severity::Info;
    std::string summary; // what is wrong, one plain sentence
    std::string why;     // why it matters
    std::string fix;     // what to do; may hold command lines, one per line
    std::optional<FixAction> action;

    friend bool operator==(const Finding&, const Finding&) = default;
};

// True when a finding is a warning or an error: `mptcpctl doctor` then exits 1.
bool somethingWrong(const std::vector<Finding>& findings);

} // namespace doctor
