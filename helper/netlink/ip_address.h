// An IPv4 or IPv6 address in network byte order, parsed and printed the way
// iproute2 does (inet_pton / inet_ntop).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mptcp {

struct IpAddress {
    int family = 0; // AF_INET or AF_INET6; 0 when unset
    std::array<uint8_t, 16> bytes{};

    static std::optional<IpAddress> parse(std::string_view text);
    static IpAddress fromBytes(int family, const void* data);

    bool isSet() const { return family != 0; }
    size_t length() const;
    std::string toString() const;

    // Addresses the kernel accepts as endpoints but no peer can reach.
    bool isUnspecified() const;
    bool isMulticast() const;
    bool isBroadcast() const;
    bool isLoopback() const;

    friend bool operator==(const IpAddress&, const IpAddress&) = default;
};

} // namespace mptcp
