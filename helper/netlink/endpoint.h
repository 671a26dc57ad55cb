// An in-kernel path manager endpoint and its flags, decoded from and encoded
// to the mptcp_pm generic netlink attributes.
#pragma once

#include "error.h"
#include "ip_address.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

struct nlattr;

namespace mptcp {

class GenlMessage;

enum EndpointFlag : uint32_t {
    kFlagSignal = 1u << 0,
    kFlagSubflow = 1u << 1,
    kFlagBackup = 1u << 2,
    kFlagFullmesh = 1u << 3,
    kFlagImplicit = 1u << 4, // set by the kernel only, for addresses it uses unasked
    kFlagLaminar = 1u << 5,  // Linux 6.18+
};

// Flags a user may set on add, and those "endpoint change" may toggle.
inline constexpr uint32_t kUserEndpointFlags =
    kFlagSignal | kFlagSubflow | kFlagBackup | kFlagFullmesh | kFlagLaminar;
inline constexpr uint32_t kChangeableEndpointFlags = kFlagBackup | kFlagFullmesh;

struct EndpointFlagName {
    std::string_view name;
    uint32_t bit;
};

// One table drives both parsing and printing; its order is iproute2's.
inline constexpr EndpointFlagName kEndpointFlagNames[] = {
    {"signal", kFlagSignal},     {"subflow", kFlagSubflow},   {"backup", kFlagBackup},
    {"fullmesh", kFlagFullmesh}, {"implicit", kFlagImplicit}, {"laminar", kFlagLaminar},
};

std::optional<uint32_t> endpointFlagFromName(std::string_view name);

struct Endpoint {
    uint8_t id = 0; // 0 on add: the kernel picks one
    IpAddress address;
    uint16_t port = 0; // host order; only with `signal`
    uint32_t flags = 0;
    int32_t ifindex = 0;

    friend bool operator==(const Endpoint&, const Endpoint&) = default;
};

// Writes the MPTCP_PM_ATTR_ADDR nest. Only attributes that are set are sent,
// so the kernel applies its own defaults exactly as with `ip mptcp`.
void encodeEndpoint(GenlMessage& message, uint16_t nestType, const Endpoint& endpoint,
                    bool withId);

// Reads an MPTCP_PM_ATTR_ADDR nest; unknown attributes are skipped, known
// ones with the wrong size are an error.
Result<Endpoint> decodeEndpointNest(const nlattr* nest);

// Reads a whole GET_ADDR reply message (genl header included).
Result<Endpoint> decodeEndpointMessage(std::span<const char> message);

} // namespace mptcp
