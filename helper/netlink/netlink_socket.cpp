#include "netlink_socket.h"

#include "attributes.h"
#include "messages.h"

#include <libmnl/libmnl.h>
#include <linux/netlink.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <string>
#include <sys/socket.h>

namespace mptcp {

namespace {

// Large enough for any dump datagram the kernel builds (it sizes them to the
// page size, capped at 32 KiB) so a dump never gets truncated.
constexpr size_t kReceiveBufferSize = 32768;

ReceiveTap receiveTap = nullptr;

void tapDatagram(const char* data, size_t length) {
    for (const nlmsghdr* message : Messages(data, length)) {
        receiveTap(message);
    }
}

Error systemError(const char* what) {
    int saved = errno;
    return Error(saved, std::string("netlink ") + what + " failed: " + std::strerror(saved));
}

std::string extackMessage(const nlmsghdr* message) {
    if (!(message->nlmsg_flags & NLM_F_ACK_TLVS)) {
        return {};
    }
    const auto* error = static_cast<const nlmsgerr*>(mnl_nlmsg_get_payload(message));
    size_t offset = sizeof(nlmsghdr) + sizeof(nlmsgerr);
    // Without NLM_F_CAPPED the kernel echoes the whole request before the TLVs.
    if (!(message->nlmsg_flags & NLM_F_CAPPED)) {
        if (error->msg.nlmsg_len < sizeof(nlmsghdr)) {
            return {};
        }
        offset += NLMSG_ALIGN(error->msg.nlmsg_len - sizeof(nlmsghdr));
    }
    if (offset > message->nlmsg_len) {
        return {};
    }
    const char* start = reinterpret_cast<const char*>(message) + offset;
    std::string text;
    for (const nlattr* attribute : Attributes(start, message->nlmsg_len - offset)) {
        if (mnl_attr_get_type(attribute) == NLMSGERR_ATTR_MSG &&
            mnl_attr_validate(attribute, MNL_TYPE_NUL_STRING) >= 0) {
            text = mnl_attr_get_str(attribute);
        }
    }
    return text;
}

} // namespace

void setReceiveTap(ReceiveTap tap) { receiveTap = tap; }

Status decodeErrorMessage(const nlmsghdr* message) {
    if (message->nlmsg_len < mnl_nlmsg_size(sizeof(nlmsgerr))) {
        return Error(EBADMSG, "the kernel sent a truncated netlink error message");
    }
    const auto* error = static_cast<const nlmsgerr*>(mnl_nlmsg_get_payload(message));
    if (error->error == 0) {
        return {};
    }
    // The kernel sends -errno; errno values are small (MAX_ERRNO is 4095).
    if (error->error < -4095 || error->error > 0) {
        return Error(EBADMSG, "the kernel sent an invalid error code");
    }
    const int errnum = -error->error;
    return Error(errnum, std::strerror(errnum), extackMessage(message));
}

NetlinkSocket::NetlinkSocket(mnl_socket* socket) : socket_(socket) {
    portId_ = mnl_socket_get_portid(socket_);
    sequence_ = static_cast<uint32_t>(time(nullptr));
}

Result<NetlinkSocket> NetlinkSocket::open(int bus) {
    mnl_socket* socket = mnl_socket_open2(bus, SOCK_CLOEXEC);
    if (!socket) {
        return systemError("socket");
    }
    int on = 1;
    // Both are best effort: without them errors still arrive, only shorter.
    mnl_socket_setsockopt(socket, NETLINK_EXT_ACK, &on, sizeof(on));
    mnl_socket_setsockopt(socket, NETLINK_CAP_ACK, &on, sizeof(on));
    if (mnl_socket_bind(socket, 0, MNL_SOCKET_AUTOPID) < 0) {
        Error error = systemError("bind");
        mnl_socket_close(socket);
        return error;
    }
    return NetlinkSocket(socket);
}

NetlinkSocket::NetlinkSocket(NetlinkSocket&& other) noexcept
    : socket_(other.socket_), portId_(other.portId_), sequence_(other.sequence_) {
    other.socket_ = nullptr;
}

NetlinkSocket& NetlinkSocket::operator=(NetlinkSocket&& other) noexcept {
    if (this != &other) {
        if (socket_) {
            mnl_socket_close(socket_);
        }
        socket_ = other.socket_;
        portId_ = other.portId_;
        sequence_ = other.sequence_;
        other.socket_ = nullptr;
    }
    return *this;
}

NetlinkSocket::~NetlinkSocket() {
    if (socket_) {
        mnl_socket_close(socket_);
    }
}

int NetlinkSocket::fd() const { return mnl_socket_get_fd(socket_); }

Status NetlinkSocket::transact(nlmsghdr* request, const MessageHandler& onMessage) {
    request->nlmsg_seq = ++sequence_;
    request->nlmsg_flags |= NLM_F_ACK;
    if (mnl_socket_sendto(socket_, request, request->nlmsg_len) < 0) {
        return systemError("send");
    }
    const uint32_t sequence = request->nlmsg_seq;
    std::vector<char> buffer(kReceiveBufferSize);
    Status handlerStatus;
    for (;;) {
        ssize_t length = mnl_socket_recvfrom(socket_, buffer.data(), buffer.size());
        if (length < 0) {
            return systemError("receive");
        }
        if (receiveTap) {
            tapDatagram(buffer.data(), static_cast<size_t>(length));
        }
        size_t consumed = 0;
        for (const nlmsghdr* message : Messages(buffer.data(), static_cast<size_t>(length))) {
            consumed += NLMSG_ALIGN(message->nlmsg_len);
            if (message->nlmsg_seq != sequence || message->nlmsg_pid != portId_) {
                continue; // a stale reply to an earlier, abandoned request
            }
            if (message->nlmsg_type == NLMSG_ERROR) {
                Status kernelStatus = decodeErrorMessage(message);
                return kernelStatus ? handlerStatus : kernelStatus;
            }
            if (message->nlmsg_type == NLMSG_DONE) {
                // A dump's end may carry an error code of its own.
                if (message->nlmsg_len >= mnl_nlmsg_size(sizeof(int))) {
                    int code = *static_cast<const int*>(mnl_nlmsg_get_payload(message));
                    if (code < 0 && code >= -4095) {
                        return Error(-code, std::strerror(-code), extackMessage(message));
                    }
                }
                return handlerStatus;
            }
            if (message->nlmsg_type < NLMSG_MIN_TYPE) {
                continue; // NLMSG_NOOP and friends
            }
            // After a handler failed, the rest of the exchange is still read
            // (and ignored) so the socket stays usable for the next request.
            if (onMessage && handlerStatus) {
                handlerStatus = onMessage(message);
            }
        }
        if (consumed < static_cast<size_t>(length)) {
            return Error(EBADMSG, "the kernel sent a truncated netlink message");
        }
    }
}

Status NetlinkSocket::joinGroup(uint32_t group) {
    if (mnl_socket_setsockopt(socket_, NETLINK_ADD_MEMBERSHIP, &group, sizeof(group)) < 0) {
        return systemError("group membership");
    }
    return {};
}

Status NetlinkSocket::setReceiveBufferSize(int bytes) {
    // SO_RCVBUFFORCE lets root exceed rmem_max; fall back for everyone else.
    if (setsockopt(fd(), SOL_SOCKET, SO_RCVBUFFORCE, &bytes, sizeof(bytes)) < 0 &&
        setsockopt(fd(), SOL_SOCKET, SO_RCVBUF, &bytes, sizeof(bytes)) < 0) {
        return systemError("receive buffer sizing");
    }
    return {};
}

Result<size_t> NetlinkSocket::receive(std::vector<char>& buffer, bool wait) {
    if (buffer.size() < kReceiveBufferSize) {
        buffer.resize(kReceiveBufferSize);
    }
    ssize_t length = recv(fd(), buffer.data(), buffer.size(), wait ? 0 : MSG_DONTWAIT);
    if (length < 0) {
        if (!wait && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            return size_t{0};
        }
        return systemError("receive");
    }
    if (receiveTap) {
        tapDatagram(buffer.data(), static_cast<size_t>(length));
    }
    return static_cast<size_t>(length);
}

} // namespace mptcp
