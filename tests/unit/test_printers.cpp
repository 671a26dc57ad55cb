// Plain output must be byte-for-byte iproute2 6.1's; JSON must be valid and
// carry the same facts.
#include "printers.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>

namespace {

using namespace mptcpctl;

std::string fakeName(int32_t ifindex) { return "eth" + std::to_string(ifindex); }

mptcp::Endpoint endpoint(const char* address, uint8_t id, uint32_t flags, uint16_t port = 0,
                         int32_t ifindex = 0) {
    mptcp::Endpoint result;
    result.address = *mptcp::IpAddress::parse(address);
    result.id = id;
    result.flags = flags;
    result.port = port;
    result.ifindex = ifindex;
    return result;
}

TEST(Printers, EndpointLinesAsIproute2) {
    EXPECT_EQ(formatEndpoint(endpoint("10.0.0.1", 1, mptcp::kFlagSubflow, 0, 2), fakeName),
              "10.0.0.1 id 1 subflow dev eth2 \n");
    EXPECT_EQ(formatEndpoint(endpoint("10.0.1.1", 1, mptcp::kFlagSignal, 1000), fakeName),
              "10.0.1.1 port 1000 id 1 signal \n");
    EXPECT_EQ(formatEndpoint(endpoint("dead::1", 2,
                                      mptcp::kFlagSubflow | mptcp::kFlagBackup |
                                          mptcp::kFlagFullmesh,
                                      0, 3),
                             fakeName),
              "dead::1 id 2 subflow backup fullmesh dev eth3 \n");
    EXPECT_EQ(formatEndpoint(endpoint("10.0.0.2", 3, 0x100 | mptcp::kFlagImplicit), fakeName),
              "10.0.0.2 id 3 implicit rawflags 100 \n");
}

TEST(Printers, EndpointJsonAsIproute2) {
    JsonWriter json;
    json.beginArray();
    writeEndpoint(json, endpoint("10.0.0.1", 1, mptcp::kFlagSubflow, 0, 2), fakeName);
    writeEndpoint(json, endpoint("10.0.1.1", 4, mptcp::kFlagSignal | 0x40, 1000), fakeName);
    json.endArray();
    EXPECT_EQ(json.text(), "[{\"address\":\"10.0.0.1\",\"id\":1,\"subflow\":true,\"dev\":\"eth2\"},"
                           "{\"address\":\"10.0.1.1\",\"port\":1000,\"id\":4,\"signal\":true,"
                           "\"rawflags\":\"40\"}]");
}

TEST(Printers, Limits) {
    EXPECT_EQ(formatLimits({2, 0}), "add_addr_accepted 0 subflows 2 \n");
    JsonWriter json;
    writeLimits(json, {8, 3});
    EXPECT_EQ(json.text(), "{\"add_addr_accepted\":3,\"subflows\":8}");
}

TEST(Printers, EventLinesAsIproute2) {
    mptcp::Event created;
    created.command = 1;
    created.token = 0x720eb4bb;
    created.remoteId = 0;
    created.localId = 0;
    created.sourceAddress = *mptcp::IpAddress::parse("127.0.0.1");
    created.destinationAddress = *mptcp::IpAddress::parse("127.0.0.1");
    created.sourcePort = 5000;
    created.destinationPort = 36550;
    created.flags = 2;
    EXPECT_EQ(formatEvent(created), "[       CREATED] token=720eb4bb remid=0 locid=0 "
                                    "saddr4=127.0.0.1 daddr4=127.0.0.1 sport=5000 dport=36550 "
                                    "flags=2\n");
    mptcp::Event closed;
    closed.command = 11;
    closed.token = 1;
    closed.sourceAddress = *mptcp::IpAddress::parse("::1");
    closed.backup = 0;
    closed.error = 111;
    closed.resetReason = 1;
    closed.resetFlags = 0;
    EXPECT_EQ(formatEvent(closed), "[     SF_CLOSED] token=00000001 saddr6=::1 backup=0 error=111 "
                                   "reset_reason=1 reset_flags=0x0\n");
    mptcp::Event listener;
    listener.command = 15;
    EXPECT_EQ(formatEvent(listener), "[UNKNOWN 15]\n");
}

TEST(Printers, EventJsonNamesEverything) {
    mptcp::Event listener;
    listener.command = 15;
    listener.sourcePort = 80;
    listener.resetReason = 5;
    JsonWriter json;
    writeEvent(json, listener);
    EXPECT_EQ(json.text(), "{\"type\":\"LISTENER_CREATED\",\"command\":15,\"sport\":80,"
                           "\"reset_reason\":5,\"reset_reason_text\":\"unacceptable performance\"}");
    mptcp::Event lost;
    lost.eventsLost = true;
    JsonWriter lostJson;
    writeEvent(lostJson, lost);
    EXPECT_EQ(lostJson.text(), "{\"type\":\"EVENTS_LOST\"}");
}

TEST(JsonWriter, EscapesAndPrettyPrints) {
    EXPECT_EQ(JsonWriter::quote("a\"b\\c\n\x01"), "\"a\\\"b\\\\c\\n\\u0001\"");
    JsonWriter pretty(true);
    pretty.beginObject();
    pretty.number("a", 1);
    pretty.beginArray("b");
    pretty.endArray();
    pretty.endObject();
    EXPECT_EQ(pretty.text(), "{\n    \"a\": 1,\n    \"b\": []\n}");
}

} // namespace
