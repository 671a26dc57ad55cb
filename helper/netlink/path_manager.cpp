#include "path_manager.h"

#include "attributes.h"
#include "genl_message.h"
#include "kernel_errors.h"
#include "mptcp_uapi.h"

#include <libmnl/libmnl.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>

#include <cerrno>

namespace mptcp {

namespace {

std::span<const char> messageBytes(const nlmsghdr* message) {
    return {reinterpret_cast<const char*>(message), message->nlmsg_len};
}

} // namespace

Result<PathManager> PathManager::open() {
    auto socket = NetlinkSocket::open(NETLINK_GENERIC);
    if (!socket) {
        return socket.error();
    }
    auto family = resolveGenlFamily(*socket, MPTCP_PM_NAME);
    if (!family) {
        return explainKernelError(Operation::Connect, family.error());
    }
    return PathManager(std::move(socket).value(), std::move(family).value());
}

PathManager::PathManager(NetlinkSocket socket, GenlFamily family)
    : socket_(std::move(socket)), family_(std::move(family)) {}

Status PathManager::run(Operation operation, GenlMessage& request,
                        const NetlinkSocket::MessageHandler& onMessage) {
    Status status = socket_.transact(request.header(), onMessage);
    if (!status && status.error().code() != EBADMSG) {
        return explainKernelError(operation, status.error());
    }
    return status;
}

Status PathManager::addEndpoint(const Endpoint& endpoint) {
    GenlMessage request(family_.id, MPTCP_PM_CMD_ADD_ADDR, MPTCP_PM_VER, 0);
    encodeEndpoint(request, MPTCP_PM_ATTR_ADDR, endpoint, endpoint.id != 0);
    return run(Operation::AddEndpoint, request);
}

Status PathManager::removeEndpoint(uint8_t id, const IpAddress& address) {
    GenlMessage request(family_.id, MPTCP_PM_CMD_DEL_ADDR, MPTCP_PM_VER, 0);
    Endpoint selector;
    selector.id = id;
    selector.address = address;
    encodeEndpoint(request, MPTCP_PM_ATTR_ADDR, selector, true);
    return run(Operation::RemoveEndpoint, request);
}

Result<Endpoint> PathManager::endpoint(uint8_t id) {
    GenlMessage request(family_.id, MPTCP_PM_CMD_GET_ADDR, MPTCP_PM_VER, 0);
    Endpoint selector;
    selector.id = id;
    encodeEndpoint(request, MPTCP_PM_ATTR_ADDR, selector, true);
    std::optional<Result<Endpoint>> found;
    Status status = run(Operation::ShowEndpoint, request, [&found](const nlmsghdr* message) {
        found = decodeEndpointMessage(messageBytes(message));
        return *found ? Status{} : Status{found->error()};
    });
    if (!status) {
        return status.error();
    }
    if (!found) {
        return Error(EBADMSG, "the kernel acknowledged the request but sent no endpoint");
    }
    return std::move(*found);
}

Result<std::vector<Endpoint>> PathManager::endpoints() {
    GenlMessage request(family_.id, MPTCP_PM_CMD_GET_ADDR, MPTCP_PM_VER, NLM_F_DUMP);
    std::vector<Endpoint> list;
    Status status = run(Operation::ListEndpoints, request, [&list](const nlmsghdr* message) {
        auto endpoint = decodeEndpointMessage(messageBytes(message));
        if (!endpoint) {
            return Status{endpoint.error()};
        }
        list.push_back(*endpoint);
        return Status{};
    });
    if (!status) {
        return status.error();
    }
    return list;
}

Status PathManager::flushEndpoints() {
    GenlMessage request(family_.id, MPTCP_PM_CMD_FLUSH_ADDRS, MPTCP_PM_VER, 0);
    return run(Operation::FlushEndpoints, request);
}

Status PathManager::changeEndpoint(const EndpointSelector& selector, uint32_t flags) {
    GenlMessage request(family_.id, MPTCP_PM_CMD_SET_FLAGS, MPTCP_PM_VER, 0);
    Endpoint target;
    target.id = selector.id;
    target.address = selector.address;
    target.port = selector.port;
    target.flags = flags;
    encodeEndpoint(request, MPTCP_PM_ATTR_ADDR, target, selector.id != 0);
    return run(Operation::ChangeEndpoint, request);
}

Result<Limits> decodeLimitsMessage(std::span<const char> bytes) {
    const auto* message = reinterpret_cast<const nlmsghdr*>(bytes.data());
    if (bytes.size() < mnl_nlmsg_size(sizeof(genlmsghdr)) || message->nlmsg_len > bytes.size() ||
        message->nlmsg_len < mnl_nlmsg_size(sizeof(genlmsghdr))) {
        return Error(EBADMSG, "the kernel sent a truncated limits message");
    }
    Limits limits;
    for (const nlattr* attribute : Attributes::ofMessage(message, sizeof(genlmsghdr))) {
        const auto type = mnl_attr_get_type(attribute);
        if (type != MPTCP_PM_ATTR_SUBFLOWS && type != MPTCP_PM_ATTR_RCV_ADD_ADDRS) {
            continue;
        }
        if (mnl_attr_validate(attribute, MNL_TYPE_U32) < 0) {
            return Error(EBADMSG, "the kernel sent a malformed limit");
        }
        (type == MPTCP_PM_ATTR_SUBFLOWS ? limits.subflows : limits.addAddrAccepted) =
            mnl_attr_get_u32(attribute);
    }
    return limits;
}

Result<Limits> PathManager::limits() {
    GenlMessage request(family_.id, MPTCP_PM_CMD_GET_LIMITS, MPTCP_PM_VER, 0);
    std::optional<Result<Limits>> found;
    Status status = run(Operation::ShowLimits, request, [&found](const nlmsghdr* message) {
        found = decodeLimitsMessage(messageBytes(message));
        return *found ? Status{} : Status{found->error()};
    });
    if (!status) {
        return status.error();
    }
    if (!found) {
        return Error(EBADMSG, "the kernel acknowledged the request but sent no limits");
    }
    return std::move(*found);
}

Status PathManager::setLimits(std::optional<uint32_t> subflows,
                              std::optional<uint32_t> addAddrAccepted) {
    GenlMessage request(family_.id, MPTCP_PM_CMD_SET_LIMITS, MPTCP_PM_VER, 0);
    if (addAddrAccepted) {
        request.putU32(MPTCP_PM_ATTR_RCV_ADD_ADDRS, *addAddrAccepted);
    }
    if (subflows) {
        request.putU32(MPTCP_PM_ATTR_SUBFLOWS, *subflows);
    }
    return run(Operation::SetLimits, request);
}

} // namespace mptcp
