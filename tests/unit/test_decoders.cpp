// The netlink decoders against messages built in memory: well-formed ones
// decode exactly; truncated, resized and corrupted ones fail cleanly.
#include "endpoint.h"
#include "event.h"
#include "event_monitor.h"
#include "genl_family.h"
#include "mptcp_uapi.h"
#include "netlink_builder.h"
#include "netlink_socket.h"
#include "path_manager.h"

#include <arpa/inet.h>
#include <libmnl/libmnl.h>
#include <gtest/gtest.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>

#include <climits>
#include <cstring>
#include <functional>
#include <memory>

using testing_support::MessageBuilder;

namespace {

constexpr uint16_t kFamily = 0x1d;

// Copies `length` bytes into a buffer of exactly that size (so AddressSanitizer
// sees any read past it), optionally making nlmsg_len agree with the cut.
template <class Decode> void feedTruncations(std::span<const char> message, Decode decode) {
    for (size_t length = 0; length <= message.size(); ++length) {
        for (bool fixLength : {false, true}) {
            auto copy = std::make_unique<char[]>(length ? length : 1);
            std::memcpy(copy.get(), message.data(), length);
            if (fixLength && length >= sizeof(nlmsghdr)) {
                reinterpret_cast<nlmsghdr*>(copy.get())->nlmsg_len = static_cast<uint32_t>(length);
            }
            decode(std::span<const char>(copy.get(), length));
        }
    }
}

MessageBuilder endpointMessage() {
    in_addr address{};
    inet_pton(AF_INET, "10.0.0.1", &address);
    MessageBuilder builder(kFamily, MPTCP_PM_CMD_ADD_ADDR);
    builder.beginNest(MPTCP_PM_ATTR_ADDR | NLA_F_NESTED)
        .u16(MPTCP_PM_ADDR_ATTR_FAMILY, AF_INET)
        .u8(MPTCP_PM_ADDR_ATTR_ID, 7)
        .u32(MPTCP_PM_ADDR_ATTR_FLAGS, mptcp::kFlagSubflow | mptcp::kFlagBackup)
        .u16(MPTCP_PM_ADDR_ATTR_PORT, 8080)
        .bytes(MPTCP_PM_ADDR_ATTR_ADDR4, &address, sizeof(address))
        .u32(MPTCP_PM_ADDR_ATTR_IF_IDX, 3)
        .u32(99, 1) // an attribute from a future kernel
        .endNest();
    return builder;
}

} // namespace

TEST(EndpointDecoder, DecodesEveryField) {
    auto builder = endpointMessage();
    auto endpoint = mptcp::decodeEndpointMessage(builder.message());
    ASSERT_TRUE(endpoint) << endpoint.error().describe();
    EXPECT_EQ(endpoint->id, 7);
    EXPECT_EQ(endpoint->address.toString(), "10.0.0.1");
    EXPECT_EQ(endpoint->port, 8080);
    EXPECT_EQ(endpoint->flags, mptcp::kFlagSubflow | mptcp::kFlagBackup);
    EXPECT_EQ(endpoint->ifindex, 3);
}

TEST(EndpointDecoder, DecodesIpv6) {
    in6_addr address{};
    inet_pton(AF_INET6, "2001:db8::5", &address);
    MessageBuilder builder(kFamily, MPTCP_PM_CMD_GET_ADDR);
    builder.beginNest(MPTCP_PM_ATTR_ADDR | NLA_F_NESTED)
        .u16(MPTCP_PM_ADDR_ATTR_FAMILY, AF_INET6)
        .u8(MPTCP_PM_ADDR_ATTR_ID, 1)
        .bytes(MPTCP_PM_ADDR_ATTR_ADDR6, &address, sizeof(address))
        .endNest();
    auto endpoint = mptcp::decodeEndpointMessage(builder.message());
    ASSERT_TRUE(endpoint);
    EXPECT_EQ(endpoint->address.toString(), "2001:db8::5");
}

TEST(EndpointDecoder, RejectsWrongAttributeSizes) {
    const uint32_t wide = 1;
    for (uint16_t type : {MPTCP_PM_ADDR_ATTR_ID, MPTCP_PM_ADDR_ATTR_FAMILY,
                          MPTCP_PM_ADDR_ATTR_PORT, MPTCP_PM_ADDR_ATTR_ADDR4}) {
        MessageBuilder builder(kFamily, MPTCP_PM_CMD_GET_ADDR);
        const uint8_t narrow = 1;
        builder.beginNest(MPTCP_PM_ATTR_ADDR | NLA_F_NESTED);
        if (type == MPTCP_PM_ADDR_ATTR_ID) {
            builder.bytes(type, &wide, sizeof(wide));
        } else {
            builder.bytes(type, &narrow, sizeof(narrow));
        }
        builder.endNest();
        auto endpoint = mptcp::decodeEndpointMessage(builder.message());
        ASSERT_FALSE(endpoint) << "attribute " << type;
        EXPECT_EQ(endpoint.error().code(), EBADMSG);
        EXPECT_NE(endpoint.error().advice().find("malformed endpoint"), std::string::npos);
    }
}

TEST(EndpointDecoder, RejectsMessageWithoutAddress) {
    MessageBuilder builder(kFamily, MPTCP_PM_CMD_GET_ADDR);
    builder.u32(MPTCP_PM_ATTR_SUBFLOWS, 2);
    EXPECT_FALSE(mptcp::decodeEndpointMessage(builder.message()));
}

TEST(EndpointDecoder, SurvivesEveryTruncation) {
    auto builder = endpointMessage();
    const auto full = builder.message();
    size_t decoded = 0;
    feedTruncations(full, [&](std::span<const char> bytes) {
        auto endpoint = mptcp::decodeEndpointMessage(bytes);
        if (endpoint && bytes.size() < full.size()) {
            // A shorter valid message may only drop trailing attributes.
            EXPECT_LE(endpoint->ifindex, 3);
        }
        decoded += endpoint.ok();
    });
    EXPECT_GT(decoded, 0u);
}

TEST(LimitsDecoder, DecodesAndRejects) {
    MessageBuilder builder(kFamily, MPTCP_PM_CMD_GET_LIMITS);
    builder.u32(MPTCP_PM_ATTR_RCV_ADD_ADDRS, 3).u32(MPTCP_PM_ATTR_SUBFLOWS, 5);
    auto limits = mptcp::decodeLimitsMessage(builder.message());
    ASSERT_TRUE(limits);
    EXPECT_EQ(limits->addAddrAccepted, 3u);
    EXPECT_EQ(limits->subflows, 5u);

    MessageBuilder bad(kFamily, MPTCP_PM_CMD_GET_LIMITS);
    bad.u16(MPTCP_PM_ATTR_SUBFLOWS, 5);
    EXPECT_FALSE(mptcp::decodeLimitsMessage(bad.message()));
    feedTruncations(builder.message(),
                    [](std::span<const char> bytes) { (void)mptcp::decodeLimitsMessage(bytes); });
}

namespace {

MessageBuilder subflowEstablishedEvent() {
    in_addr source{}, destination{};
    inet_pton(AF_INET, "10.1.2.1", &source);
    inet_pton(AF_INET, "10.1.1.2", &destination);
    MessageBuilder builder(kFamily, MPTCP_EVENT_SUB_ESTABLISHED);
    builder.u32(MPTCP_ATTR_TOKEN, 0xa925ea41)
        .u16(MPTCP_ATTR_FAMILY, AF_INET)
        .u8(MPTCP_ATTR_LOC_ID, 2)
        .u8(MPTCP_ATTR_REM_ID, 0)
        .bytes(MPTCP_ATTR_SADDR4, &source, sizeof(source))
        .bytes(MPTCP_ATTR_DADDR4, &destination, sizeof(destination))
        .u16(MPTCP_ATTR_SPORT, htons(41000))
        .u16(MPTCP_ATTR_DPORT, htons(5000))
        .u8(MPTCP_ATTR_BACKUP, 1)
        .u32(MPTCP_ATTR_IF_IDX, 4)
        .u32(MPTCP_ATTR_RESET_REASON, 6)
        .u8(MPTCP_ATTR_SERVER_SIDE, 0);
    return builder;
}

} // namespace

TEST(EventDecoder, DecodesEveryAttributeAndConvertsPorts) {
    auto builder = subflowEstablishedEvent();
    auto event = mptcp::decodeEventMessage(builder.message());
    ASSERT_TRUE(event) << event.error().describe();
    EXPECT_EQ(event->type(), mptcp::EventType::SubflowEstablished);
    EXPECT_EQ(event->token, 0xa925ea41u);
    EXPECT_EQ(event->localId, 2);
    EXPECT_EQ(event->remoteId, 0);
    EXPECT_EQ(event->sourceAddress.toString(), "10.1.2.1");
    EXPECT_EQ(event->destinationAddress.toString(), "10.1.1.2");
    EXPECT_EQ(event->sourcePort, 41000); // network order on the wire
    EXPECT_EQ(event->destinationPort, 5000);
    EXPECT_EQ(event->backup, 1);
    EXPECT_EQ(event->ifindex, 4);
    EXPECT_EQ(event->resetReason, 6u);
    EXPECT_EQ(event->serverSide, 0);
    EXPECT_FALSE(event->error.has_value());
}

TEST(EventDecoder, KeepsUnknownTypesByNumber) {
    MessageBuilder builder(kFamily, 42);
    builder.u32(MPTCP_ATTR_TOKEN, 1);
    auto event = mptcp::decodeEventMessage(builder.message());
    ASSERT_TRUE(event);
    EXPECT_EQ(event->command, 42);
    EXPECT_EQ(event->type(), mptcp::EventType::Unknown);
    EXPECT_TRUE(mptcp::eventName(42).empty());
}

TEST(EventDecoder, NamesAllTenEventTypes) {
    const std::pair<int, const char*> names[] = {
        {1, "CREATED"},         {2, "ESTABLISHED"},       {3, "CLOSED"},   {6, "ANNOUNCED"},
        {7, "REMOVED"},         {10, "SF_ESTABLISHED"},   {11, "SF_CLOSED"}, {13, "SF_PRIO"},
        {15, "LISTENER_CREATED"}, {16, "LISTENER_CLOSED"},
    };
    for (auto [command, name] : names) {
        EXPECT_EQ(mptcp::eventName(static_cast<uint8_t>(command)), name);
    }
}

TEST(EventDecoder, RejectsWrongSizes) {
    MessageBuilder builder(kFamily, MPTCP_EVENT_CREATED);
    builder.u16(MPTCP_ATTR_TOKEN, 1);
    auto event = mptcp::decodeEventMessage(builder.message());
    ASSERT_FALSE(event);
    EXPECT_NE(event.error().advice().find("attribute 1 has 2 bytes, expected 4"),
              std::string::npos);
}

TEST(EventDecoder, SurvivesEveryTruncation) {
    auto builder = subflowEstablishedEvent();
    feedTruncations(builder.message(),
                    [](std::span<const char> bytes) { (void)mptcp::decodeEventMessage(bytes); });
}

TEST(EventDatagram, SkipsOtherFamiliesAndDecodesSeveral) {
    auto first = subflowEstablishedEvent();
    MessageBuilder other(kFamily + 1, MPTCP_EVENT_CREATED);
    MessageBuilder closed(kFamily, MPTCP_EVENT_CLOSED);
    closed.u32(MPTCP_ATTR_TOKEN, 7);
    std::vector<char> datagram;
    for (auto* builder : {&first, &other, &closed}) {
        auto bytes = builder->message();
        datagram.insert(datagram.end(), bytes.begin(), bytes.end());
    }
    std::vector<mptcp::Event> events;
    ASSERT_TRUE(mptcp::decodeEventDatagram(datagram, kFamily, events));
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[1].type(), mptcp::EventType::Closed);
    EXPECT_EQ(events[1].token, 7u);
}

TEST(GenlFamilyDecoder, ReadsIdVersionAndGroups) {
    MessageBuilder builder(GENL_ID_CTRL, CTRL_CMD_NEWFAMILY);
    builder.bytes(CTRL_ATTR_FAMILY_NAME, "mptcp_pm", 9)
        .u16(CTRL_ATTR_FAMILY_ID, 0x1d)
        .u32(CTRL_ATTR_VERSION, 1)
        .beginNest(CTRL_ATTR_MCAST_GROUPS | NLA_F_NESTED)
        .beginNest(1 | NLA_F_NESTED)
        .bytes(CTRL_ATTR_MCAST_GRP_NAME, "mptcp_pm_events", 16)
        .u32(CTRL_ATTR_MCAST_GRP_ID, 12)
        .endNest()
        .endNest();
    auto family = mptcp::decodeGenlFamily(
        reinterpret_cast<const nlmsghdr*>(builder.message().data()));
    ASSERT_TRUE(family);
    EXPECT_EQ(family->id, 0x1d);
    EXPECT_EQ(family->version, 1u);
    EXPECT_EQ(family->multicastGroups.at("mptcp_pm_events"), 12u);

    MessageBuilder noId(GENL_ID_CTRL, CTRL_CMD_NEWFAMILY);
    noId.bytes(CTRL_ATTR_FAMILY_NAME, "x", 2);
    EXPECT_FALSE(mptcp::decodeGenlFamily(reinterpret_cast<const nlmsghdr*>(noId.message().data())));
}

TEST(ErrorMessage, KeepsTheKernelsExtackText) {
    // An NLMSG_ERROR with NLM_F_CAPPED | NLM_F_ACK_TLVS, as the kernel sends it.
    std::vector<uint64_t> storage(64);
    auto* header = mnl_nlmsg_put_header(storage.data());
    header->nlmsg_type = NLMSG_ERROR;
    header->nlmsg_flags = NLM_F_CAPPED | NLM_F_ACK_TLVS;
    auto* error = static_cast<nlmsgerr*>(mnl_nlmsg_put_extra_header(header, sizeof(nlmsgerr)));
    error->error = -ERANGE;
    error->msg.nlmsg_len = 36;
    mnl_attr_put_strz(header, NLMSGERR_ATTR_MSG, "too many addresses or duplicate one: -34");
    mptcp::Status status = mptcp::decodeErrorMessage(header);
    ASSERT_FALSE(status);
    EXPECT_EQ(status.error().code(), ERANGE);
    EXPECT_EQ(status.error().kernelMessage(), "too many addresses or duplicate one: -34");

    // Truncated: no crash, still an error.
    header->nlmsg_len = sizeof(nlmsghdr) + 2;
    EXPECT_FALSE(mptcp::decodeErrorMessage(header));
}

// Found by fuzz_netlink_decoders: libmnl's mnl_nlmsg_ok() compares lengths as
// signed ints, so a message claiming more than 2 GiB passed it.
TEST(EventDatagram, StopsAtAMessageLongerThanTheDatagram) {
    MessageBuilder closed(kFamily, MPTCP_EVENT_CLOSED);
    closed.u32(MPTCP_ATTR_TOKEN, 7);
    auto bytes = closed.message();
    std::vector<char> datagram(bytes.begin(), bytes.end());
    nlmsghdr huge{};
    huge.nlmsg_len = 0xcbcbcbcb;
    huge.nlmsg_type = kFamily;
    const char* raw = reinterpret_cast<const char*>(&huge);
    datagram.insert(datagram.end(), raw, raw + sizeof(huge));
    std::vector<mptcp::Event> events;
    ASSERT_TRUE(mptcp::decodeEventDatagram(datagram, kFamily, events));
    EXPECT_EQ(events.size(), 1u);
}

// Found by fuzz_netlink_decoders: INT_MIN cannot be negated.
TEST(ErrorMessage, RefusesImpossibleErrorCodes) {
    std::vector<uint64_t> storage(16);
    auto* header = mnl_nlmsg_put_header(storage.data());
    header->nlmsg_type = NLMSG_ERROR;
    auto* error = static_cast<nlmsgerr*>(mnl_nlmsg_put_extra_header(header, sizeof(nlmsgerr)));
    for (int code : {INT_MIN, -5000, 3}) {
        error->error = code;
        mptcp::Status status = mptcp::decodeErrorMessage(header);
        ASSERT_FALSE(status);
        EXPECT_EQ(status.error().code(), EBADMSG);
    }
}

// Found by fuzz_netlink_decoders: an echoed request length that is not a
// multiple of 4 put the extack attributes at a misaligned address.
TEST(ErrorMessage, IgnoresAMisalignedEchoedRequest) {
    std::vector<uint64_t> storage(32);
    auto* header = mnl_nlmsg_put_header(storage.data());
    header->nlmsg_type = NLMSG_ERROR;
    header->nlmsg_flags = NLM_F_ACK_TLVS;
    auto* error = static_cast<nlmsgerr*>(mnl_nlmsg_put_extra_header(header, sizeof(nlmsgerr)));
    error->error = -EINVAL;
    error->msg.nlmsg_len = sizeof(nlmsghdr) + 3;
    mnl_nlmsg_put_extra_header(header, 4);
    mnl_attr_put_strz(header, NLMSGERR_ATTR_MSG, "x");
    mptcp::Status status = mptcp::decodeErrorMessage(header);
    ASSERT_FALSE(status);
    EXPECT_EQ(status.error().code(), EINVAL);
}
