#include "rtnetlink.h"

#include "attributes.h"

#include <libmnl/libmnl.h>
#include <linux/fib_rules.h>
#include <linux/if_addr.h>
#include <linux/if_link.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <net/if.h>
#include <netinet/in.h>

#include <cerrno>
#include <cstring>

namespace doctor {

namespace {

using mptcp::Attributes;
using mptcp::Error;
using mptcp::IpAddress;
using mptcp::Result;
using mptcp::Status;

Error malformed(const char* kind, const char* what) {
    return Error(EBADMSG, std::string("the kernel sent a malformed ") + kind + ": " + what);
}

size_t addressLength(int family) {
    return family == AF_INET ? 4 : family == AF_INET6 ? 16 : 0;
}

// An address attribute of `family`; false when its size does not fit.
bool readAddress(const nlattr* attribute, int family, IpAddress& address) {
    const size_t length = addressLength(family);
    if (length == 0 || mnl_attr_get_payload_len(attribute) != length) {
        return false;
    }
    address = IpAddress::fromBytes(family, mnl_attr_get_payload(attribute));
    return true;
}

bool readU32(const nlattr* attribute, uint32_t& value) {
    if (mnl_attr_validate(attribute, MNL_TYPE_U32) < 0) {
        return false;
    }
    value = mnl_attr_get_u32(attribute);
    return true;
}

// The message's fixed header, when the message is long enough to hold it.
template <class Header> const Header* fixedHeader(const nlmsghdr* message) {
    if (message->nlmsg_len < mnl_nlmsg_size(sizeof(Header))) {
        return nullptr;
    }
    return static_cast<const Header*>(mnl_nlmsg_get_payload(message));
}

Result<Link> decodeLink(const nlmsghdr* message) {
    constexpr const char* kKind = "link message";
    const auto* header = fixedHeader<ifinfomsg>(message);
    if (message->nlmsg_type != RTM_NEWLINK || !header) {
        return malformed(kKind, "not a whole RTM_NEWLINK");
    }
    Link link;
    link.index = header->ifi_index;
    link.flags = header->ifi_flags;
    for (const nlattr* attribute : Attributes::ofMessage(message, sizeof(ifinfomsg))) {
        switch (mnl_attr_get_type(attribute)) {
        case IFLA_IFNAME:
            if (mnl_attr_validate(attribute, MNL_TYPE_NUL_STRING) < 0) {
                return malformed(kKind, "interface name not terminated");
            }
            link.name = mnl_attr_get_str(attribute);
            break;
        case IFLA_OPERSTATE:
            if (mnl_attr_validate(attribute, MNL_TYPE_U8) < 0) {
                return malformed(kKind, "operational state of the wrong size");
            }
            link.operState = mnl_attr_get_u8(attribute);
            break;
        case IFLA_CARRIER:
            if (mnl_attr_validate(attribute, MNL_TYPE_U8) < 0) {
                return malformed(kKind, "carrier of the wrong size");
            }
            link.carrier = mnl_attr_get_u8(attribute) != 0;
            break;
        default:
            break; // statistics, link info, attributes of newer kernels
        }
    }
    return link;
}

Result<Address> decodeAddress(const nlmsghdr* message) {
    constexpr const char* kKind = "address message";
    const auto* header = fixedHeader<ifaddrmsg>(message);
    if (message->nlmsg_type != RTM_NEWADDR || !header) {
        return malformed(kKind, "not a whole RTM_NEWADDR");
    }
    Address address;
    address.interface = static_cast<int32_t>(header->ifa_index);
    address.prefixLength = header->ifa_prefixlen;
    address.flags = header->ifa_flags;
    address.scope = header->ifa_scope;
    IpAddress local;
    IpAddress peer;
    for (const nlattr* attribute : Attributes::ofMessage(message, sizeof(ifaddrmsg))) {
        switch (mnl_attr_get_type(attribute)) {
        case IFA_LOCAL:
            if (!readAddress(attribute, header->ifa_family, local)) {
                return malformed(kKind, "local address of the wrong size");
            }
            break;
        case IFA_ADDRESS:
            if (!readAddress(attribute, header->ifa_family, peer)) {
                return malformed(kKind, "address of the wrong size");
            }
            break;
        case IFA_FLAGS: // the full 32 bits; the header holds only the low 8
            if (!readU32(attribute, address.flags)) {
                return malformed(kKind, "flags of the wrong size");
            }
            break;
        default:
            break;
        }
    }
    // IFA_LOCAL is the machine's own address; on point-to-point links
    // IFA_ADDRESS is the other end's.
    address.address = local.isSet() ? local : peer;
    if (!address.address.isSet()) {
        return malformed(kKind, "no address");
    }
    return address;
}

const char* readNexthops(const nlattr* multipath, int family, std::vector<Nexthop>& nexthops) {
    const auto* cursor = static_cast<const char*>(mnl_attr_get_payload(multipath));
    size_t remaining = mnl_attr_get_payload_len(multipath);
    while (remaining >= sizeof(rtnexthop)) {
        rtnexthop hop;
        std::memcpy(&hop, cursor, sizeof(hop));
        if (hop.rtnh_len < sizeof(rtnexthop) || hop.rtnh_len > remaining) {
            return "a nexthop overruns the route";
        }
        Nexthop nexthop;
        nexthop.interface = hop.rtnh_ifindex;
        const size_t header = RTNH_ALIGN(sizeof(rtnexthop));
        if (hop.rtnh_len > header) {
            for (const nlattr* attribute : Attributes(cursor + header, hop.rtnh_len - header)) {
                if (mnl_attr_get_type(attribute) == RTA_GATEWAY &&
                    !readAddress(attribute, family, nexthop.gateway)) {
                    return "nexthop gateway of the wrong size";
                }
            }
        }
        nexthops.push_back(nexthop);
        const size_t step = RTNH_ALIGN(hop.rtnh_len);
        if (step >= remaining) {
            break;
        }
        cursor += step;
        remaining -= step;
    }
    return nullptr;
}

// RTA_VIA: a gateway of another family (an IPv4 route via an IPv6 router).
bool readVia(const nlattr* attribute, IpAddress& gateway) {
    const size_t length = mnl_attr_get_payload_len(attribute);
    if (length < sizeof(rtvia)) {
        return false;
    }
    const auto* via = static_cast<const rtvia*>(mnl_attr_get_payload(attribute));
    const size_t addressSize = addressLength(via->rtvia_family);
    if (addressSize == 0 || length < sizeof(rtvia) + addressSize) {
        return false;
    }
    gateway = IpAddress::fromBytes(via->rtvia_family, via->rtvia_addr);
    return true;
}

Result<Route> decodeRoute(const nlmsghdr* message) {
    constexpr const char* kKind = "route message";
    const auto* header = fixedHeader<rtmsg>(message);
    if (message->nlmsg_type != RTM_NEWROUTE || !header) {
        return malformed(kKind, "not a whole RTM_NEWROUTE");
    }
    Route route;
    route.family = header->rtm_family;
    route.type = header->rtm_type;
    route.prefixLength = header->rtm_dst_len;
    route.table = header->rtm_table;
    Nexthop single;
    bool hasSingle = false;
    for (const nlattr* attribute : Attributes::ofMessage(message, sizeof(rtmsg))) {
        switch (mnl_attr_get_type(attribute)) {
        case RTA_TABLE: // the full 32-bit table id
            if (!readU32(attribute, route.table)) {
                return malformed(kKind, "table of the wrong size");
            }
            break;
        case RTA_PRIORITY:
            if (!readU32(attribute, route.metric)) {
                return malformed(kKind, "metric of the wrong size");
            }
            break;
        case RTA_DST:
            if (!readAddress(attribute, route.family, route.destination)) {
                return malformed(kKind, "destination of the wrong size");
            }
            break;
        case RTA_OIF: {
            uint32_t index = 0;
            if (!readU32(attribute, index)) {
                return malformed(kKind, "output interface of the wrong size");
            }
            single.interface = static_cast<int32_t>(index);
            hasSingle = true;
            break;
        }
        case RTA_GATEWAY:
            if (!readAddress(attribute, route.family, single.gateway)) {
                return malformed(kKind, "gateway of the wrong size");
            }
            hasSingle = true;
            break;
        case RTA_VIA:
            if (!readVia(attribute, single.gateway)) {
                return malformed(kKind, "gateway of the wrong size");
            }
            hasSingle = true;
            break;
        case RTA_MULTIPATH:
            if (const char* problem = readNexthops(attribute, route.family, route.nexthops)) {
                return malformed(kKind, problem);
            }
            break;
        default:
            break;
        }
    }
    if (hasSingle) {
        route.nexthops.insert(route.nexthops.begin(), single);
    }
    return route;
}

Result<Rule> decodeRule(const nlmsghdr* message) {
    constexpr const char* kKind = "rule message";
    const auto* header = fixedHeader<fib_rule_hdr>(message);
    if (message->nlmsg_type != RTM_NEWRULE || !header) {
        return malformed(kKind, "not a whole RTM_NEWRULE");
    }
    Rule rule;
    rule.family = header->family;
    rule.table = header->table;
    rule.action = header->action;
    rule.sourceLength = header->src_len;
    rule.narrowed = header->dst_len != 0 || header->tos != 0 || (header->flags & FIB_RULE_INVERT);
    for (const nlattr* attribute : Attributes::ofMessage(message, sizeof(fib_rule_hdr))) {
        switch (mnl_attr_get_type(attribute)) {
        case FRA_TABLE:
            if (!readU32(attribute, rule.table)) {
                return malformed(kKind, "table of the wrong size");
            }
            break;
        case FRA_PRIORITY:
            if (!readU32(attribute, rule.priority)) {
                return malformed(kKind, "priority of the wrong size");
            }
            break;
        case FRA_SRC:
            if (!readAddress(attribute, rule.family, rule.source)) {
                return malformed(kKind, "source of the wrong size");
            }
            break;
        case FRA_IIFNAME:
        case FRA_OIFNAME:
        case FRA_FWMARK:
        case FRA_UID_RANGE:
        case FRA_IP_PROTO:
        case FRA_SPORT_RANGE:
        case FRA_DPORT_RANGE:
        case FRA_L3MDEV:
            rule.narrowed = true;
            break;
        default:
            break; // FRA_PROTOCOL, FRA_SUPPRESS_*, newer selectors
        }
    }
    return rule;
}

// Gives a decoder a whole, 4-byte aligned message.
template <class Decode>
auto decodeBytes(std::span<const char> bytes, Decode decode) -> decltype(decode(nullptr)) {
    nlmsghdr header;
    if (bytes.size() < sizeof(header)) {
        return malformed("message", "shorter than a netlink header");
    }
    std::memcpy(&header, bytes.data(), sizeof(header));
    if (header.nlmsg_len < sizeof(header) || header.nlmsg_len > bytes.size()) {
        return malformed("message", "truncated");
    }
    std::vector<uint32_t> aligned((header.nlmsg_len + 3) / 4);
    std::memcpy(aligned.data(), bytes.data(), header.nlmsg_len);
    return decode(reinterpret_cast<const nlmsghdr*>(aligned.data()));
}

// One request in an owned, aligned buffer.
class Request {
public:
    Request(uint16_t type, uint16_t flags) {
        header_ = mnl_nlmsg_put_header(storage_);
        header_->nlmsg_type = type;
        header_->nlmsg_flags = static_cast<uint16_t>(NLM_F_REQUEST | flags);
    }
    template <class Header> Header* extraHeader() {
        return static_cast<Header*>(mnl_nlmsg_put_extra_header(header_, sizeof(Header)));
    }
    void putAddress(uint16_t type, const IpAddress& address) {
        mnl_attr_put(header_, type, address.length(), address.bytes.data());
    }
    void putU32(uint16_t type, uint32_t value) { mnl_attr_put_u32(header_, type, value); }
    nlmsghdr* header() { return header_; }

private:
    alignas(nlmsghdr) char storage_[256] = {};
    nlmsghdr* header_;
};

template <class T, class Decode>
Result<std::vector<T>> dump(mptcp::NetlinkSocket& socket, Request& request, Decode decode) {
    std::vector<T> items;
    Status status = socket.transact(request.header(), [&](const nlmsghdr* message) -> Status {
        Result<T> item = decode(message);
        if (!item) {
            return item.error();
        }
        items.push_back(std::move(item).value());
        return {};
    });
    if (!status) {
        return status.error();
    }
    return items;
}

} // namespace

Result<Link> decodeLinkMessage(std::span<const char> message) {
    return decodeBytes(message, decodeLink);
}
Result<Address> decodeAddressMessage(std::span<const char> message) {
    return decodeBytes(message, decodeAddress);
}
Result<Route> decodeRouteMessage(std::span<const char> message) {
    return decodeBytes(message, decodeRoute);
}
Result<Rule> decodeRuleMessage(std::span<const char> message) {
    return decodeBytes(message, decodeRule);
}

Result<Rtnetlink> Rtnetlink::open() {
    auto socket = mptcp::NetlinkSocket::open(NETLINK_ROUTE);
    if (!socket) {
        return socket.error();
    }
    return Rtnetlink(std::move(socket).value());
}

Result<std::vector<Link>> Rtnetlink::links() {
    Request request(RTM_GETLINK, NLM_F_DUMP);
    request.extraHeader<ifinfomsg>()->ifi_family = AF_UNSPEC;
    return dump<Link>(socket_, request, decodeLink);
}

Result<std::vector<Address>> Rtnetlink::addresses() {
    Request request(RTM_GETADDR, NLM_F_DUMP);
    request.extraHeader<ifaddrmsg>()->ifa_family = AF_UNSPEC;
    return dump<Address>(socket_, request, decodeAddress);
}

Result<std::vector<Route>> Rtnetlink::routes(int family) {
    Request request(RTM_GETROUTE, NLM_F_DUMP);
    // Table 0 (RT_TABLE_UNSPEC): every table, not only main.
    request.extraHeader<rtmsg>()->rtm_family = static_cast<uint8_t>(family);
    return dump<Route>(socket_, request, decodeRoute);
}

Result<std::vector<Rule>> Rtnetlink::rules(int family) {
    Request request(RTM_GETRULE, NLM_F_DUMP);
    request.extraHeader<fib_rule_hdr>()->family = static_cast<uint8_t>(family);
    return dump<Rule>(socket_, request, decodeRule);
}

Result<Route> Rtnetlink::lookup(const IpAddress& source, const IpAddress& destination,
                                int32_t interface) {
    Request request(RTM_GETROUTE, 0);
    auto* header = request.extraHeader<rtmsg>();
    header->rtm_family = static_cast<uint8_t>(destination.family);
    header->rtm_dst_len = static_cast<uint8_t>(destination.length() * 8);
    header->rtm_src_len = static_cast<uint8_t>(source.length() * 8);
    // The matching FIB entry itself (its prefix length and table), not the
    // cached route: `ip route get ... fibmatch`.
    header->rtm_flags = RTM_F_FIB_MATCH;
    request.putAddress(RTA_DST, destination);
    request.putAddress(RTA_SRC, source);
    if (interface > 0) {
        request.putU32(RTA_OIF, static_cast<uint32_t>(interface));
    }
    std::optional<Result<Route>> found;
    Status status = socket_.transact(request.header(), [&found](const nlmsghdr* message) {
        found = decodeRoute(message);
        return *found ? Status{} : Status{found->error()};
    });
    if (!status) {
        return status.error();
    }
    if (!found) {
        return Error(EBADMSG, "the kernel acknowledged the route lookup but sent no route");
    }
    return std::move(*found);
}

} // namespace doctor
