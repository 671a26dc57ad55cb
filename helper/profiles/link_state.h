// What the profiles need to know about the machine's network interfaces, as
// plain data: the link watcher fills it from rtnetlink and sysfs, the unit
// tests craft it by hand, the reconciler reads it.
#pragma once

#include "ip_address.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace profiles {

// What kind of device an interface is, for `kind:` rules. Only the first
// three can be matched by kind; the others exist so that a bridge or a veth
// (ARPHRD_ETHER too) is never mistaken for an Ethernet port.
enum class LinkKind { Ethernet, Wifi, Wwan, Virtual, Loopback, Other };

// "ethernet", "wifi", "wwan", "virtual", "loopback", "other".
std::string_view linkKindName(LinkKind kind);
// The kinds a `kind:NAME` rule may name: ethernet, wifi and wwan.
std::optional<LinkKind> matchableLinkKind(std::string_view name);

struct LinkAddress {
    mptcp::IpAddress address;
    uint8_t prefixLength = 0;
    uint32_t flags = 0; // IFA_F_* (the whole 32 bits of IFA_FLAGS)
    uint8_t scope = 0;  // RT_SCOPE_*: 0 is global

    bool temporary() const;  // an IPv6 privacy address (RFC 8981)
    bool tentative() const;  // duplicate address detection still running
    bool dadFailed() const;  // another host on the link has it
    bool deprecated() const; // its preferred lifetime is over
};

struct Link {
    int32_t index = 0;
    std::string name;
    LinkKind kind = LinkKind::Other;
    std::string driverKind; // IFLA_INFO_KIND: "veth", "bridge", ... ("" for hardware)
    uint16_t type = 0;      // ARPHRD_*
    uint32_t flags = 0;     // IFF_*
    uint8_t operState = 0;  // IF_OPER_*
    std::vector<LinkAddress> addresses;
    // A default route (any table) leaves through this interface.
    bool defaultRoute4 = false;
    bool defaultRoute6 = false;

    // Administratively up and operationally running: it has a carrier.
    bool carrierUp() const;
};

struct LinkSnapshot {
    std::vector<Link> links; // by index, ascending

    const Link* byIndex(int32_t index) const;
    const Link* byName(std::string_view name) const;
    // The interface that holds `address` (the first, when several do).
    const Link* holding(const mptcp::IpAddress& address) const;
};

// Why an address cannot carry an endpoint; nullopt when it can. Checks the
// address alone (scope, flags, kind of address), not its interface.
enum class AddressProblem {
    NotGlobal,   // host or link scope
    LinkLocal,   // 169.254/16, fe80::/10
    UniqueLocal, // fc00::/7: no path to the Internet
    Loopback,
    Tentative,
    DadFailed,
    Deprecated,
    Temporary, // privacy address, skipped unless the rule asks for them
};
std::optional<AddressProblem> addressProblem(const LinkAddress& address, bool allowTemporary);
std::string_view addressProblemText(AddressProblem problem);

} // namespace profiles
