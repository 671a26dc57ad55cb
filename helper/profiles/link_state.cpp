#include "link_state.h"

#include <linux/if_addr.h>
#include <linux/rtnetlink.h>
#include <net/if.h>
#include <sys/socket.h>

namespace profiles {

std::string_view linkKindName(LinkKind kind) {
    switch (kind) {
    case LinkKind::Ethernet:
        return "ethernet";
    case LinkKind::Wifi:
        return "wifi";
    case LinkKind::Wwan:
        return "wwan";
    case LinkKind::Virtual:
        return "virtual";
    case LinkKind::Loopback:
        return "loopback";
    case LinkKind::Other:
        break;
    }
    return "other";
}

std::optional<LinkKind> matchableLinkKind(std::string_view name) {
    if (name == "ethernet") {
        return LinkKind::Ethernet;
    }
    if (name == "wifi") {
        return LinkKind::Wifi;
    }
    if (name == "wwan") {
        return LinkKind::Wwan;
    }
    return std::nullopt;
}

// IPv4 uses the same bit for "secondary" (IFA_F_SECONDARY), which is fine.
bool LinkAddress::temporary() const {
    return address.family == AF_INET6 && (flags & IFA_F_TEMPORARY);
}
bool LinkAddress::tentative() const {
    return flags & IFA_F_TENTATIVE;
}
bool LinkAddress::dadFailed() const {
    return flags & IFA_F_DADFAILED;
}
bool LinkAddress::deprecated() const {
    return flags & IFA_F_DEPRECATED;
}

bool Link::carrierUp() const {
    return (flags & IFF_UP) && (flags & IFF_RUNNING);
}

const Link* LinkSnapshot::byIndex(int32_t index) const {
    for (const auto& link : links) {
        if (link.index == index) {
            return &link;
        }
    }
    return nullptr;
}

const Link* LinkSnapshot::byName(std::string_view name) const {
    for (const auto& link : links) {
        if (link.name == name) {
            return &link;
        }
    }
    return nullptr;
}

const Link* LinkSnapshot::holding(const mptcp::IpAddress& address) const {
    for (const auto& link : links) {
        for (const auto& held : link.addresses) {
            if (held.address == address) {
                return &link;
            }
        }
    }
    return nullptr;
}

std::optional<AddressProblem> addressProblem(const LinkAddress& address, bool allowTemporary) {
    const auto& bytes = address.address.bytes;
    if (address.address.isLoopback()) {
        return AddressProblem::Loopback;
    }
    if (address.address.family == AF_INET && bytes[0] == 169 && bytes[1] == 254) {
        return AddressProblem::LinkLocal;
    }
    if (address.address.family == AF_INET6 && bytes[0] == 0xfe && (bytes[1] & 0xc0) == 0x80) {
        return AddressProblem::LinkLocal;
    }
    if (address.scope != RT_SCOPE_UNIVERSE) {
        return AddressProblem::NotGlobal;
    }
    if (address.address.family == AF_INET6 && (bytes[0] & 0xfe) == 0xfc) {
        return AddressProblem::UniqueLocal;
    }
    if (address.dadFailed()) {
        return AddressProblem::DadFailed;
    }
    if (address.tentative()) {
        return AddressProblem::Tentative;
    }
    if (address.deprecated()) {
        return AddressProblem::Deprecated;
    }
    if (address.temporary() && !allowTemporary) {
        return AddressProblem::Temporary;
    }
    return std::nullopt;
}

std::string_view addressProblemText(AddressProblem problem) {
    switch (problem) {
    case AddressProblem::NotGlobal:
        return "not a global address (host or link scope)";
    case AddressProblem::LinkLocal:
        return "a link-local address, which no other network reaches";
    case AddressProblem::UniqueLocal:
        return "a unique local IPv6 address (fc00::/7), which does not reach the Internet";
    case AddressProblem::Loopback:
        return "a loopback address";
    case AddressProblem::Tentative:
        return "duplicate address detection is still running; it is added once that succeeds";
    case AddressProblem::DadFailed:
        return "duplicate address detection failed: another host on the link has this address";
    case AddressProblem::Deprecated:
        return "the address is deprecated (its preferred lifetime is over)";
    case AddressProblem::Temporary:
        return "a temporary (privacy) IPv6 address; set \"temporary\": true in the rule to use "
               "these";
    }
    return "unusable";
}

} // namespace profiles
