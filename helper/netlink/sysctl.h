// The net.mptcp.* sysctls: read them all, and write the few a person may
// change, each checked against its type and range before the kernel sees it.
// Sysctls belong to the network namespace of the process that opens them.
#pragma once

#include "error.h"

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>

namespace mptcp {

inline constexpr const char* kMptcpSysctlRoot = "/proc/sys/net/mptcp";

enum class SysctlType {
    Integer, // a whole number from minimum to maximum
    Choice,  // a name; one of those in `choicesFile`, when the kernel has that file
};

struct SysctlSpec {
    std::string_view name; // the file name under the root: "enabled", ...
    SysctlType type;
    int64_t minimum; // Integer only
    int64_t maximum;
    std::string_view choicesFile; // Choice only: e.g. "available_schedulers"
    std::string_view unit;        // "seconds", or empty
    std::string_view description; // one sentence for the GUI
};

// The writable settings, in the order a settings page should show them.
std::span<const SysctlSpec> mptcpSysctlSpecs();
const SysctlSpec* findMptcpSysctlSpec(std::string_view name);

// Every file under `root` by name, its value without the trailing newline.
// Files that cannot be read are left out; a missing root is an Error.
Result<std::map<std::string, std::string>>
readMptcpSysctls(const std::string& root = kMptcpSysctlRoot);

// Every check writeMptcpSysctl makes, without writing: the name is on the
// list, the value fits the setting (surrounding whitespace aside) and this
// kernel has it (else an Error with EOPNOTSUPP). Input errors have code 0.
Status validateMptcpSysctl(const std::string& name, const std::string& value,
                           const std::string& root = kMptcpSysctlRoot);

// Validates, then writes `value` to net.mptcp.NAME of the caller's network
// namespace. Kernel refusals keep their errno (EINVAL, ENOENT, EACCES, ...).
Status writeMptcpSysctl(const std::string& name, const std::string& value,
                        const std::string& root = kMptcpSysctlRoot);

} // namespace mptcp
