// What the doctor reads from rtnetlink: links, addresses, routes, policy
// rules, and single route lookups (`ip route get ... fibmatch`). Read-only:
// nothing here changes the network, and a lookup sends no packet.
#pragma once

#include "error.h"
#include "ip_address.h"
#include "netlink_socket.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace doctor {

struct Link {
    int32_t index = 0;
    std::string name;
    uint32_t flags = 0;    // IFF_* (IFF_UP, IFF_LOWER_UP, IFF_LOOPBACK, ...)
    uint8_t operState = 0; // IF_OPER_* (RFC 2863)
    std::optional<bool> carrier;
};

struct Address {
    int32_t interface = 0;
    mptcp::IpAddress address;
    uint8_t prefixLength = 0;
    uint32_t flags = 0; // IFA_F_* (tentative, dadfailed, deprecated, ...)
    uint8_t scope = 0;  // RT_SCOPE_*
};

struct Nexthop {
    int32_t interface = 0;
    mptcp::IpAddress gateway;
};

struct Route {
    int family = 0;
    uint8_t type = 0;         // RTN_UNICAST, ...
    uint8_t prefixLength = 0; // of the destination: 0 for a default route
    uint32_t table = 0;
    uint32_t metric = 0;
    mptcp::IpAddress destination;
    // One entry for a plain route, several for a multipath one.
    std::vector<Nexthop> nexthops;
};

struct Rule {
    int family = 0;
    uint32_t priority = 0;
    uint32_t table = 0;
    uint8_t action = 0; // FR_ACT_TO_TBL, ...
    mptcp::IpAddress source;
    uint8_t sourceLength = 0;
    // The rule also matches on something else (destination, interface,
    // fwmark, uid, ports, tos, or is inverted): it may not apply to a subflow.
    bool narrowed = false;
};

class Rtnetlink {
public:
    static mptcp::Result<Rtnetlink> open();

    mptcp::Result<std::vector<Link>> links();
    mptcp::Result<std::vector<Address>> addresses();
    // Every route of every table, of one family.
    mptcp::Result<std::vector<Route>> routes(int family);
    mptcp::Result<std::vector<Rule>> rules(int family);
    // The FIB entry the kernel would use from `source` to `destination`
    // (policy rules included), optionally only through `interface`. Errors
    // carry the kernel's errno: ENETUNREACH, EHOSTUNREACH, ...
    mptcp::Result<Route> lookup(const mptcp::IpAddress& source, const mptcp::IpAddress& destination,
                                int32_t interface = 0);

private:
    explicit Rtnetlink(mptcp::NetlinkSocket socket) : socket_(std::move(socket)) {}
    mptcp::NetlinkSocket socket_;
};

// Decoders of single replies (netlink header included); messages of another
// type or too short are an Error. Exposed for the unit tests and fuzzers.
mptcp::Result<Link> decodeLinkMessage(std::span<const char> message);
mptcp::Result<Address> decodeAddressMessage(std::span<const char> message);
mptcp::Result<Route> decodeRouteMessage(std::span<const char> message);
mptcp::Result<Rule> decodeRuleMessage(std::span<const char> message);

} // namespace doctor
