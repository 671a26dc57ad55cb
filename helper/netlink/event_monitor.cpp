#include "event_monitor.h"

#include "genl_family.h"
#include "kernel_errors.h"
#include "messages.h"
#include "mptcp_uapi.h"

#include <libmnl/libmnl.h>
#include <linux/netlink.h>

#include <cerrno>

namespace mptcp {

Result<EventMonitor> EventMonitor::open(int receiveBufferBytes) {
    auto socket = NetlinkSocket::open(NETLINK_GENERIC);
    if (!socket) {
        return socket.error();
    }
    auto family = resolveGenlFamily(*socket, MPTCP_PM_NAME);
    if (!family) {
        return explainKernelError(Operation::Connect, family.error());
    }
    auto group = family->multicastGroups.find(MPTCP_PM_EV_GRP_NAME);
    if (group == family->multicastGroups.end()) {
        return Error(EOPNOTSUPP, "this kernel's MPTCP sends no path manager events");
    }
    if (Status joined = socket->joinGroup(group->second); !joined) {
        return explainKernelError(Operation::Monitor, joined.error());
    }
    // A larger queue only makes losses rarer; refusing it is not fatal.
    (void)socket->setReceiveBufferSize(receiveBufferBytes);
    return EventMonitor(std::move(socket).value(), family->id);
}

EventMonitor::EventMonitor(NetlinkSocket socket, uint16_t familyId)
    : socket_(std::move(socket)), familyId_(familyId) {}

Status decodeEventDatagram(std::span<const char> datagram, uint16_t familyId,
                           std::vector<Event>& events) {
    for (const nlmsghdr* message : Messages(datagram.data(), datagram.size())) {
        if (message->nlmsg_type != familyId) {
            continue;
        }
        auto event = decodeEventMessage(
            {reinterpret_cast<const char*>(message), static_cast<size_t>(message->nlmsg_len)});
        if (!event) {
            return event.error();
        }
        events.push_back(std::move(event).value());
    }
    return {};
}

Result<std::vector<Event>> EventMonitor::read(bool wait) {
    std::vector<Event> events;
    for (bool first = true;; first = false) {
        auto received = socket_.receive(buffer_, wait && first);
        if (!received) {
            if (received.error().code() == ENOBUFS) {
                Event lost;
                lost.eventsLost = true;
                events.push_back(lost);
                continue; // the queue was emptied by the overflow; keep reading
            }
            return received.error();
        }
        if (*received == 0) {
            return events;
        }
        if (Status status = decodeEventDatagram({buffer_.data(), *received}, familyId_, events);
            !status) {
            return status.error();
        }
    }
}

} // namespace mptcp
