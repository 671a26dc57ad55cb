#include "link_watcher.h"

#include "attributes.h"
#include "messages.h"

#include <libmnl/libmnl.h>
#include <linux/if_addr.h>
#include <linux/if_arp.h>
#include <linux/if_link.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace profiles {

namespace {

using mptcp::Attributes;
using mptcp::Error;
using mptcp::IpAddress;
using mptcp::Result;
using mptcp::Status;

#ifndef ARPHRD_RAWIP
constexpr uint16_t ARPHRD_RAWIP = 519;
#endif

Error malformed(const char* kind, const char* what) {
    return Error(EBADMSG, std::string("the kernel sent a malformed ") + kind + ": " + what);
}

template <class Header>
const Header* fixedHeader(std::span<const char> bytes, uint16_t type1, uint16_t type2) {
    const auto* message = reinterpret_cast<const nlmsghdr*>(bytes.data());
    if (bytes.size() < sizeof(nlmsghdr) || message->nlmsg_len > bytes.size() ||
        message->nlmsg_len < mnl_nlmsg_size(sizeof(Header)) ||
        (message->nlmsg_type != type1 && message->nlmsg_type != type2)) {
        return nullptr;
    }
    return static_cast<const Header*>(mnl_nlmsg_get_payload(message));
}

bool readAddress(const nlattr* attribute, int family, IpAddress& address) {
    const size_t length = family == AF_INET ? 4 : family == AF_INET6 ? 16 : 0;
    if (length == 0 || mnl_attr_get_payload_len(attribute) != length) {
        return false;
    }
    address = IpAddress::fromBytes(family, mnl_attr_get_payload(attribute));
    return true;
}

bool exists(const std::string& path) {
    struct stat status;
    return stat(path.c_str(), &status) == 0;
}

std::string ueventDevtype(const std::string& directory) {
    std::ifstream file(directory + "/uevent");
    std::string line;
    while (std::getline(file, line)) {
        if (line.rfind("DEVTYPE=", 0) == 0) {
            return line.substr(8);
        }
    }
    return {};
}

// A dump request for `type` with a zeroed fixed header of `headerSize`
// bytes whose first byte (the family of every rtnetlink header) is `family`.
std::vector<char> dumpRequest(uint16_t type, size_t headerSize, uint8_t family) {
    std::vector<char> buffer(MNL_SOCKET_BUFFER_SIZE);
    nlmsghdr* header = mnl_nlmsg_put_header(buffer.data());
    header->nlmsg_type = type;
    header->nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
    auto* payload = static_cast<uint8_t*>(mnl_nlmsg_put_extra_header(header, headerSize));
    payload[0] = family;
    return buffer;
}

std::span<const char> bytesOf(const nlmsghdr* message) {
    return {reinterpret_cast<const char*>(message), message->nlmsg_len};
}

} // namespace

// --- decoding --------------------------------------------------------------

Result<DecodedLink> decodeLinkMessage(std::span<const char> bytes) {
    constexpr const char* kKind = "link message";
    const auto* header = fixedHeader<ifinfomsg>(bytes, RTM_NEWLINK, RTM_DELLINK);
    if (!header) {
        return malformed(kKind, "not a whole RTM_NEWLINK");
    }
    const auto* message = reinterpret_cast<const nlmsghdr*>(bytes.data());
    DecodedLink link;
    link.index = header->ifi_index;
    link.type = header->ifi_type;
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
        case IFLA_LINKINFO:
            for (const nlattr* info : Attributes::nested(attribute)) {
                if (mnl_attr_get_type(info) == IFLA_INFO_KIND) {
                    if (mnl_attr_validate(info, MNL_TYPE_NUL_STRING) < 0) {
                        return malformed(kKind, "link kind not terminated");
                    }
                    link.driverKind = mnl_attr_get_str(info);
                }
            }
            break;
        default:
            break;
        }
    }
    if (link.name.empty() || link.index <= 0) {
        return malformed(kKind, "no interface name or index");
    }
    return link;
}

Result<DecodedAddress> decodeAddressMessage(std::span<const char> bytes) {
    constexpr const char* kKind = "address message";
    const auto* header = fixedHeader<ifaddrmsg>(bytes, RTM_NEWADDR, RTM_DELADDR);
    if (!header) {
        return malformed(kKind, "not a whole RTM_NEWADDR");
    }
    const auto* message = reinterpret_cast<const nlmsghdr*>(bytes.data());
    DecodedAddress decoded;
    decoded.index = static_cast<int32_t>(header->ifa_index);
    decoded.address.prefixLength = header->ifa_prefixlen;
    decoded.address.flags = header->ifa_flags;
    decoded.address.scope = header->ifa_scope;
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
        case IFA_FLAGS: // all 32 bits; the header has only the low 8
            if (mnl_attr_validate(attribute, MNL_TYPE_U32) < 0) {
                return malformed(kKind, "flags of the wrong size");
            }
            decoded.address.flags = mnl_attr_get_u32(attribute);
            break;
        default:
            break;
        }
    }
    // IFA_LOCAL is this host's address; on a point-to-point link IFA_ADDRESS
    // is the other end's.
    decoded.address.address = local.isSet() ? local : peer;
    if (!decoded.address.address.isSet()) {
        return malformed(kKind, "no address");
    }
    return decoded;
}

Result<DecodedRoute> decodeRouteMessage(std::span<const char> bytes) {
    constexpr const char* kKind = "route message";
    const auto* header = fixedHeader<rtmsg>(bytes, RTM_NEWROUTE, RTM_DELROUTE);
    if (!header) {
        return malformed(kKind, "not a whole RTM_NEWROUTE");
    }
    const auto* message = reinterpret_cast<const nlmsghdr*>(bytes.data());
    DecodedRoute route;
    route.family = header->rtm_family;
    route.prefixLength = header->rtm_dst_len;
    route.type = header->rtm_type;
    for (const nlattr* attribute : Attributes::ofMessage(message, sizeof(rtmsg))) {
        switch (mnl_attr_get_type(attribute)) {
        case RTA_OIF:
            if (mnl_attr_validate(attribute, MNL_TYPE_U32) < 0) {
                return malformed(kKind, "output interface of the wrong size");
            }
            route.outputInterface = static_cast<int32_t>(mnl_attr_get_u32(attribute));
            break;
        case RTA_MULTIPATH: {
            const auto* cursor = static_cast<const char*>(mnl_attr_get_payload(attribute));
            size_t remaining = mnl_attr_get_payload_len(attribute);
            while (remaining >= sizeof(rtnexthop)) {
                rtnexthop hop;
                std::memcpy(&hop, cursor, sizeof(hop));
                if (hop.rtnh_len < sizeof(rtnexthop) || hop.rtnh_len > remaining) {
                    return malformed(kKind, "a nexthop overruns the route");
                }
                route.nexthopInterfaces.push_back(hop.rtnh_ifindex);
                const size_t step = RTNH_ALIGN(hop.rtnh_len);
                if (step >= remaining) {
                    break;
                }
                cursor += step;
                remaining -= step;
            }
            break;
        }
        default:
            break;
        }
    }
    return route;
}

// --- kinds -----------------------------------------------------------------

LinkKind classifyLink(const std::string& sysfsRoot, const std::string& name, uint16_t type,
                      const std::string& driverKind) {
    if (type == ARPHRD_LOOPBACK) {
        return LinkKind::Loopback;
    }
    const std::string directory = sysfsRoot + "/class/net/" + name;
    const std::string devtype = ueventDevtype(directory);
    if (exists(directory + "/wireless") || exists(directory + "/phy80211") || devtype == "wlan") {
        return LinkKind::Wifi;
    }
    const bool hardware = exists(directory + "/device");
    if (devtype == "wwan" || ((type == ARPHRD_RAWIP || type == ARPHRD_NONE) && hardware)) {
        return LinkKind::Wwan;
    }
    if (type == ARPHRD_ETHER) {
        if (driverKind.empty() || driverKind == "bond" || driverKind == "team" ||
            driverKind == "vlan") {
            return LinkKind::Ethernet;
        }
        return LinkKind::Virtual;
    }
    return driverKind.empty() ? LinkKind::Other : LinkKind::Virtual;
}

// --- the watcher -----------------------------------------------------------

LinkWatcher::LinkWatcher(mptcp::NetlinkSocket requests, LinkWatcherOptions options)
    : requests_(std::move(requests)), options_(std::move(options)) {}

Result<LinkWatcher> LinkWatcher::open(LinkWatcherOptions options) {
    auto socket = mptcp::NetlinkSocket::open(NETLINK_ROUTE);
    if (!socket) {
        return socket.error();
    }
    return LinkWatcher(std::move(socket).value(), std::move(options));
}

Result<LinkSnapshot> LinkWatcher::snapshot() {
    LinkSnapshot snapshot;
    std::vector<DecodedLink> links;
    auto request = dumpRequest(RTM_GETLINK, sizeof(ifinfomsg), AF_UNSPEC);
    Status status = requests_.transact(reinterpret_cast<nlmsghdr*>(request.data()),
                                       [&links](const nlmsghdr* message) -> Status {
                                           auto link = decodeLinkMessage(bytesOf(message));
                                           if (!link) {
                                               return link.error();
                                           }
                                           links.push_back(std::move(link).value());
                                           return {};
                                       });
    if (!status) {
        return status.error();
    }
    for (auto& decoded : links) {
        Link link;
        link.index = decoded.index;
        link.name = decoded.name;
        link.type = decoded.type;
        link.flags = decoded.flags;
        link.operState = decoded.operState;
        link.driverKind = decoded.driverKind;
        link.kind = classifyLink(options_.sysfsRoot, link.name, link.type, link.driverKind);
        snapshot.links.push_back(std::move(link));
    }
    std::sort(snapshot.links.begin(), snapshot.links.end(),
              [](const Link& a, const Link& b) { return a.index < b.index; });

    request = dumpRequest(RTM_GETADDR, sizeof(ifaddrmsg), AF_UNSPEC);
    status = requests_.transact(reinterpret_cast<nlmsghdr*>(request.data()),
                                [&snapshot](const nlmsghdr* message) -> Status {
                                    auto address = decodeAddressMessage(bytesOf(message));
                                    if (!address) {
                                        return address.error();
                                    }
                                    for (auto& link : snapshot.links) {
                                        if (link.index == address->index) {
                                            link.addresses.push_back(address->address);
                                        }
                                    }
                                    return {};
                                });
    if (!status) {
        return status.error();
    }

    for (const uint8_t family : {uint8_t{AF_INET}, uint8_t{AF_INET6}}) {
        request = dumpRequest(RTM_GETROUTE, sizeof(rtmsg), family);
        status = requests_.transact(
            reinterpret_cast<nlmsghdr*>(request.data()),
            [&snapshot](const nlmsghdr* message) -> Status {
                auto route = decodeRouteMessage(bytesOf(message));
                if (!route) {
                    return route.error();
                }
                if (route->prefixLength != 0 || route->type != RTN_UNICAST) {
                    return {};
                }
                std::vector<int32_t> interfaces = route->nexthopInterfaces;
                interfaces.push_back(route->outputInterface);
                for (auto& link : snapshot.links) {
                    if (std::find(interfaces.begin(), interfaces.end(), link.index) !=
                        interfaces.end()) {
                        (route->family == AF_INET ? link.defaultRoute4 : link.defaultRoute6) = true;
                    }
                }
                return {};
            });
        if (!status) {
            return status.error();
        }
    }
    return snapshot;
}

Status LinkWatcher::subscribe() {
    if (notifications_) {
        return {};
    }
    auto socket = mptcp::NetlinkSocket::open(NETLINK_ROUTE);
    if (!socket) {
        return socket.error();
    }
    // Best effort: a smaller buffer only overflows sooner, and says so.
    (void)socket->setReceiveBufferSize(options_.receiveBufferBytes);
    for (const uint32_t group : {RTNLGRP_LINK, RTNLGRP_IPV4_IFADDR, RTNLGRP_IPV6_IFADDR,
                                 RTNLGRP_IPV4_ROUTE, RTNLGRP_IPV6_ROUTE}) {
        if (Status joined = socket->joinGroup(group); !joined) {
            return joined;
        }
    }
    notifications_.emplace(std::move(socket).value());
    return {};
}

int LinkWatcher::fd() const {
    return notifications_ ? notifications_->fd() : -1;
}

Result<LinkChanges> LinkWatcher::readChanges() {
    LinkChanges changes;
    if (!notifications_) {
        return changes;
    }
    for (;;) {
        auto received = notifications_->receive(buffer_, false);
        if (!received) {
            if (received.error().code() == ENOBUFS) {
                changes.overflow = true;
                continue; // the queue was emptied; read on
            }
            return received.error();
        }
        if (*received == 0) {
            return changes;
        }
        for (const nlmsghdr* message : mptcp::Messages(buffer_.data(), *received)) {
            switch (message->nlmsg_type) {
            case RTM_NEWLINK:
            case RTM_DELLINK:
            case RTM_NEWADDR:
            case RTM_DELADDR:
                ++changes.relevant;
                break;
            case RTM_NEWROUTE:
            case RTM_DELROUTE:
                // Only default routes change a snapshot; every address brings
                // a handful of other routes that do not.
                if (message->nlmsg_len >= mnl_nlmsg_size(sizeof(rtmsg)) &&
                    static_cast<const rtmsg*>(mnl_nlmsg_get_payload(message))->rtm_dst_len == 0) {
                    ++changes.relevant;
                }
                break;
            default:
                break;
            }
        }
    }
}

} // namespace profiles
