#include "event.h"

#include "attributes.h"
#include "mptcp_uapi.h"

#include <libmnl/libmnl.h>
#include <linux/genetlink.h>
#include <netinet/in.h>

#include <arpa/inet.h>
#include <cerrno>
#include <string>

namespace mptcp {

namespace {

struct EventNameEntry {
    uint8_t command;
    std::string_view name;
};

constexpr EventNameEntry kEventNames[] = {
    {MPTCP_EVENT_CREATED, "CREATED"},
    {MPTCP_EVENT_ESTABLISHED, "ESTABLISHED"},
    {MPTCP_EVENT_CLOSED, "CLOSED"},
    {MPTCP_EVENT_ANNOUNCED, "ANNOUNCED"},
    {MPTCP_EVENT_REMOVED, "REMOVED"},
    {MPTCP_EVENT_SUB_ESTABLISHED, "SF_ESTABLISHED"},
    {MPTCP_EVENT_SUB_CLOSED, "SF_CLOSED"},
    {MPTCP_EVENT_SUB_PRIORITY, "SF_PRIO"},
    {kMptcpEventListenerCreated, "LISTENER_CREATED"},
    {kMptcpEventListenerClosed, "LISTENER_CLOSED"},
};

Error malformed(const std::string& what) {
    return Error(EBADMSG, "the kernel sent a malformed MPTCP event: " + what);
}

// Each attribute's expected payload size; 0 means "not a fixed-size attribute".
size_t expectedSize(uint16_t type) {
    switch (type) {
    case MPTCP_ATTR_TOKEN:
    case MPTCP_ATTR_SADDR4:
    case MPTCP_ATTR_DADDR4:
    case MPTCP_ATTR_TIMEOUT:
    case MPTCP_ATTR_IF_IDX:
    case MPTCP_ATTR_RESET_REASON:
    case MPTCP_ATTR_RESET_FLAGS:
        return 4;
    case MPTCP_ATTR_FAMILY:
    case MPTCP_ATTR_SPORT:
    case MPTCP_ATTR_DPORT:
    case MPTCP_ATTR_FLAGS:
        return 2;
    case MPTCP_ATTR_LOC_ID:
    case MPTCP_ATTR_REM_ID:
    case MPTCP_ATTR_BACKUP:
    case MPTCP_ATTR_ERROR:
    case MPTCP_ATTR_SERVER_SIDE:
        return 1;
    case MPTCP_ATTR_SADDR6:
    case MPTCP_ATTR_DADDR6:
        return 16;
    default:
        return 0;
    }
}

uint16_t networkU16(const nlattr* attribute) {
    return ntohs(mnl_attr_get_u16(attribute));
}

void store(Event& event, const nlattr* attribute) {
    switch (mnl_attr_get_type(attribute)) {
    case MPTCP_ATTR_TOKEN: event.token = mnl_attr_get_u32(attribute); break;
    case MPTCP_ATTR_FAMILY: event.family = mnl_attr_get_u16(attribute); break;
    case MPTCP_ATTR_LOC_ID: event.localId = mnl_attr_get_u8(attribute); break;
    case MPTCP_ATTR_REM_ID: event.remoteId = mnl_attr_get_u8(attribute); break;
    case MPTCP_ATTR_SADDR4:
        event.sourceAddress = IpAddress::fromBytes(AF_INET, mnl_attr_get_payload(attribute));
        break;
    case MPTCP_ATTR_SADDR6:
        event.sourceAddress = IpAddress::fromBytes(AF_INET6, mnl_attr_get_payload(attribute));
        break;
    case MPTCP_ATTR_DADDR4:
        event.destinationAddress = IpAddress::fromBytes(AF_INET, mnl_attr_get_payload(attribute));
        break;
    case MPTCP_ATTR_DADDR6:
        event.destinationAddress =
            IpAddress::fromBytes(AF_INET6, mnl_attr_get_payload(attribute));
        break;
    case MPTCP_ATTR_SPORT: event.sourcePort = networkU16(attribute); break;
    case MPTCP_ATTR_DPORT: event.destinationPort = networkU16(attribute); break;
    case MPTCP_ATTR_BACKUP: event.backup = mnl_attr_get_u8(attribute); break;
    case MPTCP_ATTR_ERROR: event.error = mnl_attr_get_u8(attribute); break;
    case MPTCP_ATTR_FLAGS: event.flags = mnl_attr_get_u16(attribute); break;
    case MPTCP_ATTR_TIMEOUT: event.timeout = mnl_attr_get_u32(attribute); break;
    case MPTCP_ATTR_IF_IDX:
        event.ifindex = static_cast<int32_t>(mnl_attr_get_u32(attribute));
        break;
    case MPTCP_ATTR_RESET_REASON: event.resetReason = mnl_attr_get_u32(attribute); break;
    case MPTCP_ATTR_RESET_FLAGS: event.resetFlags = mnl_attr_get_u32(attribute); break;
    case MPTCP_ATTR_SERVER_SIDE: event.serverSide = mnl_attr_get_u8(attribute); break;
    default: break;
    }
}

} // namespace

EventType Event::type() const {
    return eventName(command).empty() ? EventType::Unknown : static_cast<EventType>(command);
}

std::string_view eventName(uint8_t command) {
    for (const auto& entry : kEventNames) {
        if (entry.command == command) {
            return entry.name;
        }
    }
    return {};
}

Result<Event> decodeEventMessage(std::span<const char> bytes) {
    const auto* message = reinterpret_cast<const nlmsghdr*>(bytes.data());
    if (bytes.size() < mnl_nlmsg_size(sizeof(genlmsghdr)) || message->nlmsg_len > bytes.size() ||
        message->nlmsg_len < mnl_nlmsg_size(sizeof(genlmsghdr))) {
        return malformed("truncated message");
    }
    Event event;
    event.command = static_cast<const genlmsghdr*>(mnl_nlmsg_get_payload(message))->cmd;
    for (const nlattr* attribute : Attributes::ofMessage(message, sizeof(genlmsghdr))) {
        const uint16_t type = mnl_attr_get_type(attribute);
        const size_t size = expectedSize(type);
        if (size == 0) {
            continue; // an attribute of a newer kernel
        }
        if (mnl_attr_get_payload_len(attribute) != size) {
            return malformed("attribute " + std::to_string(type) + " has " +
                             std::to_string(mnl_attr_get_payload_len(attribute)) +
                             " bytes, expected " + std::to_string(size));
        }
        store(event, attribute);
    }
    return event;
}

std::string_view resetReasonText(uint32_t reason) {
    // RFC 8684 3.6: the reason code a peer sends in MP_TCPRST.
    static constexpr std::string_view kReasons[] = {
        "unspecified error",
        "MPTCP-specific error",
        "lack of resources",
        "administratively prohibited",
        "too much outstanding data",
        "unacceptable performance",
        "middlebox interference",
    };
    if (reason < std::size(kReasons)) {
        return kReasons[reason];
    }
    return "unknown reason";
}

} // namespace mptcp
