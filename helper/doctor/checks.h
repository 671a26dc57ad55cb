// The doctor's checks: each a short, pure function over a SystemSnapshot that
// adds the findings it sees. Unit tests craft snapshots; kernel tests build
// each fault for real in a network namespace.
#pragma once

#include "findings.h"
#include "system_snapshot.h"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace doctor {

using CheckFunction = void (*)(const SystemSnapshot& snapshot, std::vector<Finding>& findings);

struct Check {
    std::string_view id; // the id of every finding it adds
    CheckFunction run;
};

// Every check, in the order findings are reported: the kernel first, then
// the path manager, limits, endpoints, routing, and live traffic.
std::span<const Check> allChecks();

// Runs every check. When MPTCP is missing from the kernel that is the only
// finding: nothing else can be judged.
std::vector<Finding> runChecks(const SystemSnapshot& snapshot);

// Takes a snapshot with the default options and runs every check.
std::vector<Finding> diagnose();

// The command lines that give `interface` a default route of its own for
// traffic from `address` (policy routing: `ip rule` + a table of its own),
// using the interface's real gateway when the snapshot knows one and
// GATEWAY otherwise.
std::string defaultRouteFix(const SystemSnapshot& snapshot, const mptcp::IpAddress& address,
                            int32_t interface);

} // namespace doctor
