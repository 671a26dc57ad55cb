// A subscription to the kernel's path manager events. Owns its socket; the
// caller polls fd() and calls read() when it is readable.
#pragma once

#include "event.h"
#include "netlink_socket.h"

#include <vector>

namespace mptcp {

class EventMonitor {
public:
    // Joins "mptcp_pm_events" with a receive queue of `receiveBufferBytes`,
    // large enough to ride out a burst of connections.
    static Result<EventMonitor> open(int receiveBufferBytes = 4 << 20);

    int fd() const { return socket_.fd(); }

    // Everything queued now (blocks for the first datagram when `wait`). A
    // kernel-side overflow becomes one Event with eventsLost set, in place.
    Result<std::vector<Event>> read(bool wait);

private:
    EventMonitor(NetlinkSocket socket, uint16_t familyId);

    NetlinkSocket socket_;
    uint16_t familyId_;
    std::vector<char> buffer_;
};

// Decodes every event in one received datagram; messages of other families
// are ignored. Exposed for the fuzzers.
Status decodeEventDatagram(std::span<const char> datagram, uint16_t familyId,
                           std::vector<Event>& events);

} // namespace mptcp
