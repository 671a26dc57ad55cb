// Other programs that manage MPTCP endpoints, so a profile can stand aside
// instead of fighting them: mptcpd (any endpoint, any interface) and
// NetworkManager (the interfaces of its connections whose
// connection.mptcp-flags is not "disabled"; NetworkManager 1.40+ enables it
// by default). Read from files only (no D-Bus): /proc/PID/comm, the device
// state NetworkManager keeps in /run/NetworkManager/devices/IFINDEX and its
// keyfile connection profiles. Every root is injectable for tests.
#pragma once

#include "link_state.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace profiles {

struct OtherManagersOptions {
    std::string processRoot = "/proc";
    std::string networkManagerRunDirectory = "/run/NetworkManager";
    // Keyfile connection profiles, in NetworkManager's order of precedence.
    std::vector<std::string> connectionDirectories = {"/etc/NetworkManager/system-connections",
                                                      "/run/NetworkManager/system-connections",
                                                      "/usr/lib/NetworkManager/system-connections"};
    // NetworkManager.conf and its conf.d directories (for the global default).
    std::vector<std::string> configurationFiles = {"/etc/NetworkManager/NetworkManager.conf"};
    std::vector<std::string> configurationDirectories = {"/usr/lib/NetworkManager/conf.d",
                                                         "/run/NetworkManager/conf.d",
                                                         "/etc/NetworkManager/conf.d"};
};

struct NetworkManagerClaim {
    std::string connection; // the connection's id ("Home Wi-Fi"), "" when unknown
    // True when the connection's mptcp-flags (or the global default) was
    // read and is not "disabled"; false when it could not be told.
    bool certain = false;

    friend bool operator==(const NetworkManagerClaim&, const NetworkManagerClaim&) = default;
};

struct OtherManagers {
    bool mptcpd = false;
    bool networkManager = false;
    // Interfaces (by index) whose endpoints NetworkManager configures, or
    // may: it runs, manages the device, and MPTCP is not disabled for it.
    std::map<int32_t, NetworkManagerClaim> networkManagerInterfaces;

    friend bool operator==(const OtherManagers&, const OtherManagers&) = default;
};

OtherManagers detectOtherManagers(const LinkSnapshot& links, const OtherManagersOptions& options);

// The comm names of running processes under `processRoot` that are on `names`.
std::vector<std::string> runningPrograms(const std::string& processRoot,
                                         const std::vector<std::string>& names);

// NetworkManager's mptcp-flags value as a keyfile holds it: a number
// (decimal or 0x hex) or names ("disabled", "enabled,subflow"). 0 means
// "default"; nullopt when it cannot be read.
std::optional<uint32_t> parseNetworkManagerMptcpFlags(const std::string& text);

} // namespace profiles
