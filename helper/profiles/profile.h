// A profile: a named, durable intent for the path manager. Rather than
// endpoints bound to addresses that come and go, it says which interfaces
// carry extra paths and how ("every Wi-Fi address is a subflow endpoint,
// LTE ones are backups"); the helper keeps the kernel's endpoints true to it
// as addresses change. Plus optional fixed endpoints, limits and net.mptcp
// sysctls. Read from and written to JSON (see README "Profiles").
#pragma once

#include "endpoint.h"
#include "error.h"
#include "ip_address.h"
#include "json.h"
#include "link_state.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace profiles {

// The kernel's MPTCP_PM_ADDR_MAX: endpoints per namespace, and each limit.
inline constexpr uint32_t kKernelMaxEndpoints = 8;
inline constexpr uint32_t kKernelMaxLimit = 8;
inline constexpr size_t kMaxNameBytes = 64;
inline constexpr size_t kMaxRules = 32;
inline constexpr size_t kMaxFixedEndpoints = 8;
inline constexpr size_t kMaxInterfaceNameBytes = 15; // IFNAMSIZ - 1
inline constexpr int kFormatVersion = 1;

enum class Families { Both, IPv4, IPv6 };

// "both", "ipv4", "ipv6"
std::string_view familiesName(Families families);

struct InterfaceRule {
    // An interface name ("eth0"), a shell glob ("wl*", "enp?s0", "wwan[0-9]")
    // or a kind: "kind:wifi", "kind:ethernet", "kind:wwan".
    std::string match;
    uint32_t flags = mptcp::kFlagSubflow; // endpoint flags, the kernel's bits
    Families families = Families::Both;
    bool temporary = false; // also IPv6 temporary (privacy) addresses

    bool matches(std::string_view interfaceName, LinkKind kind) const;

    friend bool operator==(const InterfaceRule&, const InterfaceRule&) = default;
};

// An endpoint that does not follow an interface: always wanted.
struct FixedEndpoint {
    mptcp::IpAddress address;
    uint16_t port = 0;     // only with `signal`
    std::string interface; // "" = any
    uint32_t flags = mptcp::kFlagSubflow;

    friend bool operator==(const FixedEndpoint&, const FixedEndpoint&) = default;
};

struct ProfileLimits {
    std::optional<uint32_t> subflows;
    std::optional<uint32_t> addAddrAccepted;

    bool empty() const { return !subflows && !addAddrAccepted; }
    friend bool operator==(const ProfileLimits&, const ProfileLimits&) = default;
};

struct Profile {
    std::string name;
    ProfileLimits limits; // left as they are when unset
    std::vector<InterfaceRule> interfaces;
    std::vector<FixedEndpoint> endpoints;
    std::map<std::string, std::string> sysctls; // net.mptcp.NAME → value

    friend bool operator==(const Profile&, const Profile&) = default;
};

// Every check a profile must pass before it is stored or applied: name,
// matches, flag combinations, ports, limits, sysctl names and value ranges.
// Pure: nothing here looks at the machine. Errors say where ("interfaces[1]
// .flags") and what to do; their code is 0.
mptcp::Status validateProfile(const Profile& profile);

// A profile name: 1..64 bytes of printable UTF-8, no '/', no "..", not
// starting with '.' or a space. Names are also file names in the store.
mptcp::Status validateProfileName(std::string_view name);

mptcp::Result<Profile> profileFromJson(const json::Value& value);
// Parses, converts and validates. Errors name the line and column (syntax)
// or the member ("interfaces[0].match: ...").
mptcp::Result<Profile> parseProfile(std::string_view text);

json::Value profileToJson(const Profile& profile);
std::string writeProfile(const Profile& profile);

// The built-in presets, in the order a menu shows them:
//   "Wi-Fi + LTE together"        Wi-Fi and mobile broadband both carry
//                                  subflows; Ethernet too.
//   "Wi-Fi first, LTE as backup"   Wi-Fi and Ethernet carry subflows, mobile
//                                  broadband only as a backup.
//   "Server: announce every address"  every Ethernet address is announced
//                                  to clients (signal), accepting their
//                                  extra addresses.
const std::vector<Profile>& builtinProfiles();
const Profile* findBuiltinProfile(std::string_view name);

// The flag names of `flags` in iproute2's order: ["subflow", "backup"].
std::vector<std::string> flagNames(uint32_t flags);

} // namespace profiles
