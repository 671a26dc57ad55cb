// An owned netlink socket: request/reply with the kernel's extended ack kept,
// dumps, and multicast reception. Never prints, never exits.
#pragma once

#include "error.h"

#include <cstdint>
#include <functional>
#include <vector>

struct mnl_socket;
struct nlmsghdr;

namespace mptcp {

class NetlinkSocket {
public:
    // Called for each data message of a reply; an Error stops the exchange.
    using MessageHandler = std::function<Status(const nlmsghdr*)>;

    static Result<NetlinkSocket> open(int bus);

    NetlinkSocket(NetlinkSocket&& other) noexcept;
    NetlinkSocket& operator=(NetlinkSocket&& other) noexcept;
    NetlinkSocket(const NetlinkSocket&) = delete;
    NetlinkSocket& operator=(const NetlinkSocket&) = delete;
    ~NetlinkSocket();

    int fd() const;

    // Sends `request` (its sequence number and NLM_F_ACK are set here) and reads
    // replies until the kernel acknowledges it or ends the dump.
    Status transact(nlmsghdr* request, const MessageHandler& onMessage = {});

    Status joinGroup(uint32_t group);
    Status setReceiveBufferSize(int bytes);

    // Reads one datagram of multicast messages into `buffer`. With `wait` false
    // an empty queue yields 0. ENOBUFS (the kernel dropped messages because
    // the receive queue overflowed) comes back as an Error with that code.
    Result<size_t> receive(std::vector<char>& buffer, bool wait);

private:
    explicit NetlinkSocket(mnl_socket* socket);

    mnl_socket* socket_ = nullptr;
    uint32_t portId_ = 0;
    uint32_t sequence_ = 0;
};

// Sees every message the kernel sends on any socket of this process, before
// it is decoded. Only the fuzzers' seed capture sets it.
using ReceiveTap = void (*)(const nlmsghdr* message);
void setReceiveTap(ReceiveTap tap);

// Reads a kernel NLMSG_ERROR message: 0 for an acknowledgement, otherwise the
// Error with errno and the extended-ack text. Exposed for the fuzzers.
Status decodeErrorMessage(const nlmsghdr* message);

} // namespace mptcp
