// Links, addresses and default routes from rtnetlink (NETLINK_ROUTE): a
// snapshot on demand, and a subscription that says when something relevant
// changed so the caller can take a new one. The watcher does not keep state
// from the notifications themselves: a snapshot is always the truth, and a
// lost notification (the socket overflowed) only means "take one now".
#pragma once

#include "error.h"
#include "link_state.h"
#include "netlink_socket.h"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace profiles {

struct LinkWatcherOptions {
    // Where /sys is: kinds come from SYSFS/class/net/NAME/{wireless,phy80211,
    // uevent}. sysfs shows the network namespace it was mounted in, so tests
    // in a fresh namespace point this at a directory of their own.
    std::string sysfsRoot = "/sys";
    // Receive buffer of the notification socket; events past it are lost
    // (and reported as an overflow).
    int receiveBufferBytes = 1 << 20;
};

// What one read of the notification socket found.
struct LinkChanges {
    // Messages that can change a snapshot: links, addresses, default routes.
    size_t relevant = 0;
    // The kernel dropped notifications (ENOBUFS): resynchronize from a new
    // snapshot; nothing else can tell what was lost.
    bool overflow = false;
};

class LinkWatcher {
public:
    static mptcp::Result<LinkWatcher> open(LinkWatcherOptions options = {});

    // Dumps links, addresses and routes and puts them together.
    mptcp::Result<LinkSnapshot> snapshot();

    // Joins the link, IPv4/IPv6 address and IPv4/IPv6 route groups. After
    // this, fd() becomes readable when notifications arrive.
    mptcp::Status subscribe();
    int fd() const;
    // Reads every queued notification without waiting.
    mptcp::Result<LinkChanges> readChanges();

private:
    LinkWatcher(mptcp::NetlinkSocket requests, LinkWatcherOptions options);

    mptcp::NetlinkSocket requests_;
    std::optional<mptcp::NetlinkSocket> notifications_;
    LinkWatcherOptions options_;
    std::vector<char> buffer_;
};

// The kind of an interface from what rtnetlink and sysfs say: wireless or
// phy80211 in sysfs → Wi-Fi; DEVTYPE=wwan in its uevent (or a raw-IP device
// with hardware behind it) → WWAN; loopback; an Ethernet-type device without
// a driver kind (hardware), or a bond, team or VLAN on one → Ethernet;
// other Ethernet-type drivers (veth, bridge, tap, ...) → Virtual.
LinkKind classifyLink(const std::string& sysfsRoot, const std::string& name, uint16_t type,
                      const std::string& driverKind);

// Decoders of single messages (netlink header included), for the tests and
// fuzzers. A message of another type is an Error.
struct DecodedLink {
    int32_t index = 0;
    std::string name;
    uint16_t type = 0;
    uint32_t flags = 0;
    uint8_t operState = 0;
    std::string driverKind;
};
struct DecodedAddress {
    int32_t index = 0;
    LinkAddress address;
};
struct DecodedRoute {
    int family = 0;
    int32_t outputInterface = 0; // 0 when none (or a multipath route)
    std::vector<int32_t> nexthopInterfaces;
    uint8_t prefixLength = 0;
    uint8_t type = 0; // RTN_*
};
mptcp::Result<DecodedLink> decodeLinkMessage(std::span<const char> message);
mptcp::Result<DecodedAddress> decodeAddressMessage(std::span<const char> message);
mptcp::Result<DecodedRoute> decodeRouteMessage(std::span<const char> message);

} // namespace profiles
