#include "genl_family.h"

#include "attributes.h"
#include "genl_message.h"
#include "netlink_socket.h"

#include <libmnl/libmnl.h>
#include <linux/genetlink.h>

#include <cerrno>

namespace mptcp {

namespace {

void decodeGroup(const nlattr* group, GenlFamily& family) {
    std::string name;
    uint32_t id = 0;
    bool hasId = false;
    for (const nlattr* attribute : Attributes::nested(group)) {
        switch (mnl_attr_get_type(attribute)) {
        case CTRL_ATTR_MCAST_GRP_NAME:
            if (mnl_attr_validate(attribute, MNL_TYPE_NUL_STRING) >= 0) {
                name = mnl_attr_get_str(attribute);
            }
            break;
        case CTRL_ATTR_MCAST_GRP_ID:
            if (mnl_attr_validate(attribute, MNL_TYPE_U32) >= 0) {
                id = mnl_attr_get_u32(attribute);
                hasId = true;
            }
            break;
        default:
            break; // attributes newer than this code are skipped
        }
    }
    if (!name.empty() && hasId) {
        family.multicastGroups[name] = id;
    }
}

} // namespace

Result<GenlFamily> decodeGenlFamily(const nlmsghdr* message) {
    GenlFamily family;
    bool hasId = false;
    if (message->nlmsg_len < mnl_nlmsg_size(sizeof(genlmsghdr))) {
        return Error(EBADMSG, "the kernel sent a truncated family description");
    }
    for (const nlattr* attribute : Attributes::ofMessage(message, sizeof(genlmsghdr))) {
        switch (mnl_attr_get_type(attribute)) {
        case CTRL_ATTR_FAMILY_ID:
            if (mnl_attr_validate(attribute, MNL_TYPE_U16) >= 0) {
                family.id = mnl_attr_get_u16(attribute);
                hasId = true;
            }
            break;
        case CTRL_ATTR_VERSION:
            if (mnl_attr_validate(attribute, MNL_TYPE_U32) >= 0) {
                family.version = mnl_attr_get_u32(attribute);
            }
            break;
        case CTRL_ATTR_MCAST_GROUPS: {
            for (const nlattr* group : Attributes::nested(attribute)) {
                decodeGroup(group, family);
            }
            break;
        }
        default:
            break;
        }
    }
    if (!hasId) {
        return Error(EBADMSG, "the kernel's family description has no family id");
    }
    return family;
}

Result<GenlFamily> resolveGenlFamily(NetlinkSocket& socket, const char* name) {
    GenlMessage request(GENL_ID_CTRL, CTRL_CMD_GETFAMILY, 1, 0);
    request.putString(CTRL_ATTR_FAMILY_NAME, name);
    Result<GenlFamily> family = Error(EBADMSG, "the kernel did not describe the family");
    Status status = socket.transact(request.header(), [&family](const nlmsghdr* message) {
        family = decodeGenlFamily(message);
        return family ? Status{} : Status{family.error()};
    });
    if (!status) {
        return status.error();
    }
    return family;
}

} // namespace mptcp
