// Path manager events from the "mptcp_pm_events" multicast group.
#pragma once

#include "error.h"
#include "ip_address.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace mptcp {

enum class EventType : uint8_t {
    Unknown = 0,
    Created = 1,
    Established = 2,
    Closed = 3,
    Announced = 6,
    Removed = 7,
    SubflowEstablished = 10,
    SubflowClosed = 11,
    SubflowPriority = 13,
    ListenerCreated = 15,
    ListenerClosed = 16,
};

struct Event {
    // The generic netlink command as sent; kept raw so an event type newer
    // than this code is still reported, by number.
    uint8_t command = 0;
    // Set on the marker that stands for events the kernel dropped because the
    // receive queue overflowed; all other fields are then empty.
    bool eventsLost = false;

    std::optional<uint32_t> token;
    std::optional<uint16_t> family;
    std::optional<uint8_t> localId;
    std::optional<uint8_t> remoteId;
    IpAddress sourceAddress;      // saddr4 / saddr6
    IpAddress destinationAddress; // daddr4 / daddr6
    std::optional<uint16_t> sourcePort;      // host order (the kernel sends network order)
    std::optional<uint16_t> destinationPort; // host order
    std::optional<uint8_t> backup;
    std::optional<uint8_t> error;
    std::optional<uint16_t> flags;
    std::optional<uint32_t> timeout;
    std::optional<int32_t> ifindex;
    std::optional<uint32_t> resetReason;
    std::optional<uint32_t> resetFlags;
    std::optional<uint8_t> serverSide;

    EventType type() const;

    friend bool operator==(const Event&, const Event&) = default;
};

// "CREATED", "SF_ESTABLISHED", ... as iproute2 names them; empty when unknown.
std::string_view eventName(uint8_t command);

// Reads one multicast message (netlink header included). Attributes of newer
// kernels are skipped; a known attribute of the wrong size is an error.
Result<Event> decodeEventMessage(std::span<const char> message);

// Reset reasons of MP_TCPRST (RFC 8684, section 3.6), in words.
std::string_view resetReasonText(uint32_t reason);

} // namespace mptcp
