#include "endpoint.h"

#include "attributes.h"
#include "genl_message.h"
#include "mptcp_uapi.h"

#include <libmnl/libmnl.h>
#include <linux/genetlink.h>
#include <netinet/in.h>

#include <cerrno>
#include <string>

namespace mptcp {

namespace {

Error malformed(const char* what) {
    return Error(EBADMSG, std::string("the kernel sent a malformed endpoint: ") + what);
}

} // namespace

std::optional<uint32_t> endpointFlagFromName(std::string_view name) {
    for (const auto& flag : kEndpointFlagNames) {
        if (flag.name == name) {
            return flag.bit;
        }
    }
    return std::nullopt;
}

void encodeEndpoint(GenlMessage& message, uint16_t nestType, const Endpoint& endpoint,
                    bool withId) {
    nlattr* nest = message.beginNest(static_cast<uint16_t>(nestType | NLA_F_NESTED));
    if (withId) {
        message.putU8(MPTCP_PM_ADDR_ATTR_ID, endpoint.id);
    }
    if (endpoint.flags) {
        message.putU32(MPTCP_PM_ADDR_ATTR_FLAGS, endpoint.flags);
    }
    if (endpoint.ifindex) {
        message.putS32(MPTCP_PM_ADDR_ATTR_IF_IDX, endpoint.ifindex);
    }
    if (endpoint.port) {
        message.putU16(MPTCP_PM_ADDR_ATTR_PORT, endpoint.port);
    }
    if (endpoint.address.isSet()) {
        message.putU16(MPTCP_PM_ADDR_ATTR_FAMILY, static_cast<uint16_t>(endpoint.address.family));
        message.putBytes(endpoint.address.family == AF_INET ? MPTCP_PM_ADDR_ATTR_ADDR4
                                                            : MPTCP_PM_ADDR_ATTR_ADDR6,
                         endpoint.address.bytes.data(), endpoint.address.length());
    }
    message.endNest(nest);
}

Result<Endpoint> decodeEndpointNest(const nlattr* nest) {
    Endpoint endpoint;
    const nlattr* address4 = nullptr;
    const nlattr* address6 = nullptr;
    int family = AF_UNSPEC;
    for (const nlattr* attribute : Attributes::nested(nest)) {
        switch (mnl_attr_get_type(attribute)) {
        case MPTCP_PM_ADDR_ATTR_FAMILY:
            if (mnl_attr_validate(attribute, MNL_TYPE_U16) < 0) {
                return malformed("family");
            }
            family = mnl_attr_get_u16(attribute);
            break;
        case MPTCP_PM_ADDR_ATTR_ID:
            if (mnl_attr_validate(attribute, MNL_TYPE_U8) < 0) {
                return malformed("id");
            }
            endpoint.id = mnl_attr_get_u8(attribute);
            break;
        case MPTCP_PM_ADDR_ATTR_ADDR4:
            if (mnl_attr_get_payload_len(attribute) != 4) {
                return malformed("IPv4 address");
            }
            address4 = attribute;
            break;
        case MPTCP_PM_ADDR_ATTR_ADDR6:
            if (mnl_attr_get_payload_len(attribute) != 16) {
                return malformed("IPv6 address");
            }
            address6 = attribute;
            break;
        case MPTCP_PM_ADDR_ATTR_PORT:
            if (mnl_attr_validate(attribute, MNL_TYPE_U16) < 0) {
                return malformed("port");
            }
            endpoint.port = mnl_attr_get_u16(attribute);
            break;
        case MPTCP_PM_ADDR_ATTR_FLAGS:
            if (mnl_attr_validate(attribute, MNL_TYPE_U32) < 0) {
                return malformed("flags");
            }
            endpoint.flags = mnl_attr_get_u32(attribute);
            break;
        case MPTCP_PM_ADDR_ATTR_IF_IDX:
            if (mnl_attr_validate(attribute, MNL_TYPE_U32) < 0) {
                return malformed("interface index");
            }
            endpoint.ifindex = static_cast<int32_t>(mnl_attr_get_u32(attribute));
            break;
        default:
            break; // attributes of newer kernels
        }
    }
    if (family == AF_INET && address4) {
        endpoint.address = IpAddress::fromBytes(AF_INET, mnl_attr_get_payload(address4));
    } else if (family == AF_INET6 && address6) {
        endpoint.address = IpAddress::fromBytes(AF_INET6, mnl_attr_get_payload(address6));
    }
    return endpoint;
}

Result<Endpoint> decodeEndpointMessage(std::span<const char> bytes) {
    const auto* message = reinterpret_cast<const nlmsghdr*>(bytes.data());
    if (bytes.size() < mnl_nlmsg_size(sizeof(genlmsghdr)) || message->nlmsg_len > bytes.size() ||
        message->nlmsg_len < mnl_nlmsg_size(sizeof(genlmsghdr))) {
        return malformed("truncated message");
    }
    for (const nlattr* attribute : Attributes::ofMessage(message, sizeof(genlmsghdr))) {
        if (mnl_attr_get_type(attribute) == MPTCP_PM_ATTR_ADDR) {
            if (mnl_attr_validate(attribute, MNL_TYPE_NESTED) < 0) {
                return malformed("address nest");
            }
            return decodeEndpointNest(attribute);
        }
    }
    return malformed("no address attribute");
}

} // namespace mptcp
