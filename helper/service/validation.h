// The helper's first step for every call: check the caller's arguments
// before anything reaches polkit or the kernel. Qt-free and pure (apart from
// looking up interface names), so the fuzzers drive it directly.
#pragma once

#include "endpoint.h"
#include "path_manager.h"

#include <cstdint>
#include <optional>
#include <string>
#include <variant>

namespace helper {

enum class Refusal { InvalidArgument, Unsupported };

struct ValidationError {
    Refusal kind;
    std::string message;
};

template <class T> using Validated = std::variant<T, ValidationError>;

// The kernel's MPTCP_PM_ADDR_MAX: endpoints, and each limit.
inline constexpr uint32_t kMaxEndpoints = 8;
inline constexpr uint32_t kMaxLimit = 8;
inline constexpr size_t kMaxInterfaceNameBytes = 15;

// Maps an interface name to its index in the helper's network namespace;
// 0 when there is none. Injected so tests and fuzzers need no interfaces.
using InterfaceLookup = uint32_t (*)(const char* name);
uint32_t lookupInterface(const char* name);

Validated<mptcp::IpAddress> validateAddress(const std::string& text);
Validated<mptcp::Endpoint> validateNewEndpoint(const std::string& address, uint16_t port,
                                               const std::string& ifname, uint32_t id,
                                               uint32_t flags,
                                               InterfaceLookup lookup = lookupInterface);
struct RemoveRequest {
    uint8_t id;
    mptcp::IpAddress address;
};
Validated<RemoveRequest> validateRemoval(uint32_t id, const std::string& address);
Validated<uint8_t> validateFlagChange(uint32_t id, uint32_t flags);
Validated<mptcp::Limits> validateLimits(uint32_t subflows, uint32_t addAddrAccepted);

} // namespace helper
