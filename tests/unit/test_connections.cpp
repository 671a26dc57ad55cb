// Decoding of inet_diag records (synthetic, malformed and truncated ones) and
// listing of real MPTCP connections inside a private network namespace.
#include "connections.h"
#include "mptcp_uapi.h"

#include "fresh_netns.h"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <libmnl/libmnl.h>
#include <linux/inet_diag.h>
#include <linux/sock_diag.h>
#include <linux/tcp.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace mptcp {
namespace {

using testing::ChildChecks;
using testing::ChildVerdict;

constexpr uint32_t kToken = 0xdeadbeef;

// Builds one SOCK_DIAG_BY_FAMILY reply record the way the kernel lays it out.
class DiagRecordBuilder {
public:
    explicit DiagRecordBuilder(int family = AF_INET) : storage_(1024) {
        header_ = mnl_nlmsg_put_header(storage_.data());
        header_->nlmsg_type = SOCK_DIAG_BY_FAMILY;
        header_->nlmsg_flags = NLM_F_MULTI;
        auto* socket =
            static_cast<inet_diag_msg*>(mnl_nlmsg_put_extra_header(header_, sizeof(inet_diag_msg)));
        socket->idiag_family = static_cast<uint8_t>(family);
        socket->idiag_state = kTcpEstablished;
        socket->id.idiag_sport = htons(40000);
        socket->id.idiag_dport = htons(443);
        socket->id.idiag_if = 3;
        socket->idiag_inode = 123456;
        if (family == AF_INET) {
            inet_pton(AF_INET, "192.0.2.1", socket->id.idiag_src);
            inet_pton(AF_INET, "198.51.100.2", socket->id.idiag_dst);
        } else {
            inet_pton(AF_INET6, "2001:db8::1", socket->id.idiag_src);
            inet_pton(AF_INET6, "2001:db8::2", socket->id.idiag_dst);
        }
    }

    DiagRecordBuilder& put(uint16_t type, const void* data, size_t length) {
        mnl_attr_put(header_, type, length, data);
        return *this;
    }
    DiagRecordBuilder& putU8(uint16_t type, uint8_t value) { return put(type, &value, 1); }
    DiagRecordBuilder& putU32(uint16_t type, uint32_t value) { return put(type, &value, 4); }
    DiagRecordBuilder& putString(uint16_t type, const char* text) {
        return put(type, text, std::strlen(text) + 1);
    }
    // Puts `value` as an attribute of `size` bytes, cut or zero-extended.
    template <class Value> DiagRecordBuilder& putSized(uint16_t type, Value value, size_t size) {
        char bytes[16] = {};
        std::memcpy(bytes, &value, std::min(size, sizeof(value)));
        return put(type, bytes, size);
    }
    nlattr* beginNest(uint16_t type) { return mnl_attr_nest_start(header_, type); }
    void endNest(nlattr* nest) { mnl_attr_nest_end(header_, nest); }

    nlmsghdr* header() { return header_; }
    std::vector<char> bytes() const {
        const auto* begin = reinterpret_cast<const char*>(header_);
        return std::vector<char>(begin, begin + header_->nlmsg_len);
    }

private:
    std::vector<uint64_t> storage_;
    nlmsghdr* header_;
};

MptcpInfoFull sampleMptcpInfo() {
    MptcpInfoFull info{};
    info.subflows = 2;
    info.add_addr_signal = 1;
    info.add_addr_accepted = 3;
    info.subflows_max = 8;
    info.add_addr_signal_max = 4;
    info.add_addr_accepted_max = 5;
    info.flags = MPTCP_INFO_FLAG_REMOTE_KEY_RECEIVED;
    info.token = kToken;
    info.local_addr_used = 6;
    info.local_addr_max = 7;
    info.csum_enabled = 1;
    info.retransmits = 9;
    info.bytes_retrans = 10;
    info.bytes_sent = 11;
    info.bytes_received = 12;
    info.bytes_acked = 13;
    return info;
}

std::vector<char> mptcpRecord(size_t infoLength = sizeof(MptcpInfoFull), int family = AF_INET) {
    DiagRecordBuilder builder(family);
    std::vector<char> info(std::max(infoLength, sizeof(MptcpInfoFull)), 0);
    MptcpInfoFull sample = sampleMptcpInfo();
    std::memcpy(info.data(), &sample, sizeof(sample));
    builder.putU8(INET_DIAG_SHUTDOWN, 0);
    builder.put(INET_DIAG_INFO, info.data(), infoLength);
    return builder.bytes();
}

tcp_info sampleTcpInfo() {
    tcp_info info{};
    info.tcpi_state = kTcpEstablished;
    info.tcpi_rtt = 1500;
    info.tcpi_bytes_sent = 1000;
    info.tcpi_bytes_received = 2000;
    info.tcpi_bytes_acked = 900;
    return info;
}

struct SubflowAttributes {
    const char* ulpName = "mptcp";
    bool withMptcpNest = true;
    size_t tokenSize = 4;
    size_t localIdSize = 1;
    size_t remoteIdSize = 1;
    size_t flagsSize = 4;
    size_t tcpInfoSize = sizeof(tcp_info);
};

std::vector<char> subflowRecord(const SubflowAttributes& shape = {}, int family = AF_INET) {
    DiagRecordBuilder builder(family);
    tcp_info info = sampleTcpInfo();
    builder.put(INET_DIAG_INFO, &info, shape.tcpInfoSize);
    builder.putString(INET_DIAG_CONG, "cubic");
    nlattr* ulp = builder.beginNest(INET_DIAG_ULP_INFO);
    builder.putString(INET_ULP_INFO_NAME, shape.ulpName);
    if (shape.withMptcpNest) {
        nlattr* mptcp = builder.beginNest(INET_ULP_INFO_MPTCP);
        const uint64_t wide = 0x0102030405060708;
        const uint32_t token = kToken;
        const uint32_t flags = MPTCP_SUBFLOW_FLAG_MCAP_LOC | MPTCP_SUBFLOW_FLAG_BKUP_LOC |
                               MPTCP_SUBFLOW_FLAG_FULLY_ESTABLISHED;
        const uint8_t localId = 2;
        const uint8_t remoteId = 5;
        builder.putU32(MPTCP_SUBFLOW_ATTR_TOKEN_REM, 0x12345678);
        builder.putSized(MPTCP_SUBFLOW_ATTR_TOKEN_LOC, token, shape.tokenSize);
        builder.put(MPTCP_SUBFLOW_ATTR_MAP_SEQ, &wide, sizeof(wide));
        builder.putSized(MPTCP_SUBFLOW_ATTR_FLAGS, flags, shape.flagsSize);
        builder.putSized(MPTCP_SUBFLOW_ATTR_ID_REM, remoteId, shape.remoteIdSize);
        builder.putSized(MPTCP_SUBFLOW_ATTR_ID_LOC, localId, shape.localIdSize);
        builder.putU32(99, 0); // an attribute of a future kernel
        builder.endNest(mptcp);
    }
    builder.endNest(ulp);
    return builder.bytes();
}

// The lengths a record may be cut to and still be whole: right after its
// socket header, or after any top-level attribute (with or without padding).
std::set<size_t> wholeRecordLengths(const std::vector<char>& record) {
    size_t offset = NLMSG_HDRLEN + sizeof(inet_diag_msg);
    std::set<size_t> lengths = {offset};
    while (offset < record.size()) {
        nlattr attribute;
        std::memcpy(&attribute, record.data() + offset, sizeof(attribute));
        for (size_t end = offset + attribute.nla_len; end <= offset + MNL_ALIGN(attribute.nla_len);
             ++end) {
            lengths.insert(end);
        }
        offset += MNL_ALIGN(attribute.nla_len);
    }
    return lengths;
}

std::span<const char> prefix(const std::vector<char>& bytes, size_t length) {
    return std::span<const char>(bytes.data(), length);
}

// --- MPTCP records -------------------------------------------------------------

TEST(MptcpDiagDecode, ReadsEveryField) {
    std::vector<char> record = mptcpRecord();
    Result<Connection> connection = decodeMptcpDiagMessage(record);
    ASSERT_TRUE(connection.ok()) << connection.error().describe();
    EXPECT_EQ(connection->localAddress.toString(), "192.0.2.1");
    EXPECT_EQ(connection->remoteAddress.toString(), "198.51.100.2");
    EXPECT_EQ(connection->localPort, 40000);
    EXPECT_EQ(connection->remotePort, 443);
    EXPECT_EQ(connection->state, kTcpEstablished);
    EXPECT_EQ(connection->ifindex, 3u);
    EXPECT_EQ(connection->inode, 123456u);
    EXPECT_EQ(connection->token, kToken);
    EXPECT_EQ(connection->flags, MPTCP_INFO_FLAG_REMOTE_KEY_RECEIVED);
    EXPECT_FALSE(connection->fallback());
    EXPECT_EQ(connection->subflowCount, 2);
    EXPECT_EQ(connection->addAddrSignal, 1);
    EXPECT_EQ(connection->addAddrAccepted, 3);
    EXPECT_EQ(connection->subflowsMax, 8);
    EXPECT_EQ(connection->addAddrSignalMax, 4);
    EXPECT_EQ(connection->addAddrAcceptedMax, 5);
    EXPECT_EQ(connection->localAddrUsed, 6);
    EXPECT_EQ(connection->localAddrMax, 7);
    EXPECT_TRUE(connection->checksumEnabled);
    EXPECT_EQ(connection->retransmits, 9u);
    EXPECT_EQ(connection->bytesRetransmitted, 10u);
    EXPECT_EQ(connection->bytesSent, 11u);
    EXPECT_EQ(connection->bytesReceived, 12u);
    EXPECT_EQ(connection->bytesAcked, 13u);
    EXPECT_TRUE(connection->subflows.empty());
}

TEST(MptcpDiagDecode, ReadsIpv6Addresses) {
    std::vector<char> record = mptcpRecord(sizeof(MptcpInfoFull), AF_INET6);
    Result<Connection> connection = decodeMptcpDiagMessage(record);
    ASSERT_TRUE(connection.ok()) << connection.error().describe();
    EXPECT_EQ(connection->localAddress.toString(), "2001:db8::1");
    EXPECT_EQ(connection->remoteAddress.toString(), "2001:db8::2");
}

TEST(MptcpDiagDecode, FallbackFlag) {
    DiagRecordBuilder builder;
    MptcpInfoFull info = sampleMptcpInfo();
    info.flags = MPTCP_INFO_FLAG_FALLBACK;
    builder.put(INET_DIAG_INFO, &info, sizeof(info));
    std::vector<char> record = builder.bytes();
    Result<Connection> connection = decodeMptcpDiagMessage(record);
    ASSERT_TRUE(connection.ok()) << connection.error().describe();
    EXPECT_TRUE(connection->fallback());
}

TEST(MptcpDiagDecode, Linux61InfoHasNoCounters) {
    // 6.1's struct is 43 bytes of fields padded to 48: the padding is no counter.
    std::vector<char> record = mptcpRecord(48);
    Result<Connection> connection = decodeMptcpDiagMessage(record);
    ASSERT_TRUE(connection.ok()) << connection.error().describe();
    EXPECT_EQ(connection->token, kToken);
    EXPECT_TRUE(connection->checksumEnabled);
    EXPECT_FALSE(connection->retransmits.has_value());
    EXPECT_FALSE(connection->bytesRetransmitted.has_value());
    EXPECT_FALSE(connection->bytesSent.has_value());
    EXPECT_FALSE(connection->bytesReceived.has_value());
    EXPECT_FALSE(connection->bytesAcked.has_value());
}

TEST(MptcpDiagDecode, Linux65InfoHasCounters) {
    std::vector<char> record = mptcpRecord(offsetof(MptcpInfoFull, subflows_total));
    Result<Connection> connection = decodeMptcpDiagMessage(record);
    ASSERT_TRUE(connection.ok()) << connection.error().describe();
    EXPECT_EQ(connection->retransmits, 9u);
    EXPECT_EQ(connection->bytesAcked, 13u);
}

TEST(MptcpDiagDecode, PartialTailKeepsOnlyWholeFields) {
    // Ends inside bytes_sent: retransmits and bytes_retrans are whole, the rest is not.
    std::vector<char> record = mptcpRecord(offsetof(MptcpInfoFull, bytes_sent) + 4);
    Result<Connection> connection = decodeMptcpDiagMessage(record);
    ASSERT_TRUE(connection.ok()) << connection.error().describe();
    EXPECT_EQ(connection->retransmits, 9u);
    EXPECT_EQ(connection->bytesRetransmitted, 10u);
    EXPECT_FALSE(connection->bytesSent.has_value());
}

TEST(MptcpDiagDecode, OldestInfoIsAcceptedAndShorterIsNot) {
    const size_t oldest = offsetof(MptcpInfoFull, rcv_nxt) + 8;
    std::vector<char> oldRecord = mptcpRecord(oldest);
    Result<Connection> connection = decodeMptcpDiagMessage(oldRecord);
    ASSERT_TRUE(connection.ok()) << connection.error().describe();
    EXPECT_EQ(connection->token, kToken);
    EXPECT_EQ(connection->localAddrMax, 0);
    EXPECT_FALSE(connection->checksumEnabled);

    std::vector<char> shortRecord = mptcpRecord(oldest - 1);
    Result<Connection> rejected = decodeMptcpDiagMessage(shortRecord);
    ASSERT_FALSE(rejected.ok());
    EXPECT_EQ(rejected.error().code(), EBADMSG);
    EXPECT_NE(rejected.error().advice().find("MPTCP information"), std::string::npos)
        << rejected.error().advice();
}

TEST(MptcpDiagDecode, LongerInfoOfNewerKernelIsAccepted) {
    std::vector<char> record = mptcpRecord(sizeof(MptcpInfoFull) + 40);
    Result<Connection> connection = decodeMptcpDiagMessage(record);
    ASSERT_TRUE(connection.ok()) << connection.error().describe();
    EXPECT_EQ(connection->bytesAcked, 13u);
}

TEST(MptcpDiagDecode, WithoutInfoOnlyTheSocketIsKnown) {
    DiagRecordBuilder builder;
    std::vector<char> record = builder.bytes();
    Result<Connection> connection = decodeMptcpDiagMessage(record);
    ASSERT_TRUE(connection.ok()) << connection.error().describe();
    EXPECT_EQ(connection->localPort, 40000);
    EXPECT_EQ(connection->token, 0u);
    EXPECT_FALSE(connection->bytesSent.has_value());
}

TEST(MptcpDiagDecode, SkipsUnknownAttributes) {
    DiagRecordBuilder builder;
    builder.putU32(200, 7);
    MptcpInfoFull info = sampleMptcpInfo();
    builder.put(INET_DIAG_INFO, &info, sizeof(info));
    builder.put(201, "xyz", 3); // unaligned length, padded by the builder
    std::vector<char> record = builder.bytes();
    Result<Connection> connection = decodeMptcpDiagMessage(record);
    ASSERT_TRUE(connection.ok()) << connection.error().describe();
    EXPECT_EQ(connection->token, kToken);
}

TEST(MptcpDiagDecode, RejectsTruncationAtEveryLength) {
    std::vector<char> record = mptcpRecord();
    for (size_t length = 0; length < record.size(); ++length) {
        Result<Connection> connection = decodeMptcpDiagMessage(prefix(record, length));
        ASSERT_FALSE(connection.ok()) << "cut at " << length;
        EXPECT_EQ(connection.error().code(), EBADMSG);
        EXPECT_NE(connection.error().advice().find("malformed MPTCP socket record"),
                  std::string::npos)
            << connection.error().advice();
    }
}

// A record whose length field agrees with its shortened size: every cut
// either ends between attributes (a valid, shorter record) or is an error.
TEST(MptcpDiagDecode, ShortenedRecordsDecodeOrFailCleanly) {
    const std::vector<char> record = mptcpRecord();
    const std::set<size_t> whole = wholeRecordLengths(record);
    for (size_t length = sizeof(nlmsghdr); length < record.size(); ++length) {
        std::vector<char> copy(record.begin(), record.begin() + static_cast<ptrdiff_t>(length));
        reinterpret_cast<nlmsghdr*>(copy.data())->nlmsg_len = static_cast<uint32_t>(length);
        Result<Connection> connection = decodeMptcpDiagMessage(copy);
        EXPECT_EQ(connection.ok(), whole.count(length) == 1) << "length " << length;
        if (connection.ok()) {
            // Every cut loses the information, which comes last.
            EXPECT_EQ(connection->localPort, 40000);
            EXPECT_EQ(connection->token, 0u);
        } else {
            EXPECT_EQ(connection.error().code(), EBADMSG);
        }
    }
}

TEST(MptcpDiagDecode, RejectsStrayBytesAndOverrunningAttributes) {
    std::vector<char> record = mptcpRecord();
    // Three bytes after the last attribute: too few for another one.
    std::vector<char> stray = record;
    stray.insert(stray.end(), {1, 2, 3});
    reinterpret_cast<nlmsghdr*>(stray.data())->nlmsg_len = static_cast<uint32_t>(stray.size());
    EXPECT_FALSE(decodeMptcpDiagMessage(stray).ok());

    // An attribute that claims more bytes than the record has.
    std::vector<char> overrun = record;
    const size_t firstAttribute = NLMSG_HDRLEN + sizeof(inet_diag_msg);
    auto* attribute = reinterpret_cast<nlattr*>(overrun.data() + firstAttribute);
    attribute->nla_len = static_cast<uint16_t>(overrun.size());
    Result<Connection> connection = decodeMptcpDiagMessage(overrun);
    ASSERT_FALSE(connection.ok());
    EXPECT_EQ(connection.error().code(), EBADMSG);

    // An attribute shorter than its own header.
    attribute->nla_len = 2;
    EXPECT_FALSE(decodeMptcpDiagMessage(overrun).ok());
}

TEST(MptcpDiagDecode, RejectsWrongMessageTypeAndFamily) {
    std::vector<char> wrongType = mptcpRecord();
    reinterpret_cast<nlmsghdr*>(wrongType.data())->nlmsg_type = NLMSG_DONE;
    EXPECT_FALSE(decodeMptcpDiagMessage(wrongType).ok());

    std::vector<char> wrongFamily = mptcpRecord();
    reinterpret_cast<inet_diag_msg*>(wrongFamily.data() + NLMSG_HDRLEN)->idiag_family = AF_UNIX;
    Result<Connection> connection = decodeMptcpDiagMessage(wrongFamily);
    ASSERT_FALSE(connection.ok());
    EXPECT_NE(connection.error().advice().find("address family"), std::string::npos);
}

TEST(MptcpDiagDecode, RejectsLengthFieldBeyondTheBuffer) {
    std::vector<char> record = mptcpRecord();
    reinterpret_cast<nlmsghdr*>(record.data())->nlmsg_len += 4;
    EXPECT_FALSE(decodeMptcpDiagMessage(record).ok());
    reinterpret_cast<nlmsghdr*>(record.data())->nlmsg_len = 3;
    EXPECT_FALSE(decodeMptcpDiagMessage(record).ok());
}

TEST(MptcpDiagDecode, ReadsUnalignedInput) {
    std::vector<char> record = mptcpRecord();
    std::vector<char> shifted(record.size() + 1);
    std::memcpy(shifted.data() + 1, record.data(), record.size());
    Result<Connection> connection =
        decodeMptcpDiagMessage(std::span<const char>(shifted.data() + 1, record.size()));
    ASSERT_TRUE(connection.ok()) << connection.error().describe();
    EXPECT_EQ(connection->token, kToken);
}

// --- TCP records ---------------------------------------------------------------

TEST(TcpDiagDecode, ReadsEverySubflowField) {
    std::vector<char> record = subflowRecord();
    Result<std::optional<Subflow>> decoded = decodeTcpDiagMessage(record);
    ASSERT_TRUE(decoded.ok()) << decoded.error().describe();
    ASSERT_TRUE(decoded->has_value());
    const Subflow& subflow = **decoded;
    EXPECT_EQ(subflow.localAddress.toString(), "192.0.2.1");
    EXPECT_EQ(subflow.remoteAddress.toString(), "198.51.100.2");
    EXPECT_EQ(subflow.localPort, 40000);
    EXPECT_EQ(subflow.remotePort, 443);
    EXPECT_EQ(subflow.localId, 2);
    EXPECT_EQ(subflow.remoteId, 5);
    EXPECT_EQ(subflow.token, kToken);
    EXPECT_TRUE(subflow.backupLocal);
    EXPECT_FALSE(subflow.backupRemote);
    EXPECT_TRUE(subflow.fullyEstablished);
    EXPECT_EQ(subflow.flags, MPTCP_SUBFLOW_FLAG_MCAP_LOC | MPTCP_SUBFLOW_FLAG_BKUP_LOC |
                                 MPTCP_SUBFLOW_FLAG_FULLY_ESTABLISHED);
    EXPECT_EQ(subflow.ifindex, 3u);
    EXPECT_EQ(subflow.state, kTcpEstablished);
    EXPECT_EQ(subflow.bytesSent, 1000u);
    EXPECT_EQ(subflow.bytesReceived, 2000u);
    EXPECT_EQ(subflow.bytesAcked, 900u);
    EXPECT_EQ(subflow.rttMicroseconds, 1500u);
    EXPECT_EQ(subflow.inode, 123456u);
}

TEST(TcpDiagDecode, PlainTcpIsNoSubflow) {
    DiagRecordBuilder builder;
    tcp_info info = sampleTcpInfo();
    builder.put(INET_DIAG_INFO, &info, sizeof(info));
    std::vector<char> record = builder.bytes();
    Result<std::optional<Subflow>> decoded = decodeTcpDiagMessage(record);
    ASSERT_TRUE(decoded.ok()) << decoded.error().describe();
    EXPECT_FALSE(decoded->has_value());
}

TEST(TcpDiagDecode, OtherUpperLayerProtocolIsNoSubflow) {
    SubflowAttributes shape;
    shape.ulpName = "tls";
    std::vector<char> record = subflowRecord(shape);
    Result<std::optional<Subflow>> decoded = decodeTcpDiagMessage(record);
    ASSERT_TRUE(decoded.ok()) << decoded.error().describe();
    EXPECT_FALSE(decoded->has_value());
}

TEST(TcpDiagDecode, MptcpListenerIsNoSubflow) {
    SubflowAttributes shape;
    shape.withMptcpNest = false;
    std::vector<char> record = subflowRecord(shape);
    Result<std::optional<Subflow>> decoded = decodeTcpDiagMessage(record);
    ASSERT_TRUE(decoded.ok()) << decoded.error().describe();
    EXPECT_FALSE(decoded->has_value());
}

TEST(TcpDiagDecode, RejectsWrongAttributeSizes) {
    struct Case {
        const char* what;
        SubflowAttributes shape;
    };
    std::vector<Case> cases;
    for (size_t size : {0, 2, 8}) {
        SubflowAttributes token;
        token.tokenSize = size;
        cases.push_back({"local token", token});
        SubflowAttributes flags;
        flags.flagsSize = size;
        cases.push_back({"subflow flags", flags});
    }
    for (size_t size : {0, 2, 4}) {
        SubflowAttributes local;
        local.localIdSize = size;
        cases.push_back({"local id", local});
        SubflowAttributes remote;
        remote.remoteIdSize = size;
        cases.push_back({"remote id", remote});
    }
    for (const Case& test : cases) {
        std::vector<char> record = subflowRecord(test.shape);
        Result<std::optional<Subflow>> decoded = decodeTcpDiagMessage(record);
        ASSERT_FALSE(decoded.ok()) << test.what;
        EXPECT_EQ(decoded.error().code(), EBADMSG);
        EXPECT_NE(decoded.error().advice().find(test.what), std::string::npos)
            << decoded.error().advice();
    }
}

TEST(TcpDiagDecode, TcpInfoLengths) {
    SubflowAttributes tooShort;
    tooShort.tcpInfoSize = offsetof(tcp_info, tcpi_rtt);
    std::vector<char> shortRecord = subflowRecord(tooShort);
    Result<std::optional<Subflow>> rejected = decodeTcpDiagMessage(shortRecord);
    ASSERT_FALSE(rejected.ok());
    EXPECT_NE(rejected.error().advice().find("TCP information"), std::string::npos);

    // A kernel from before the byte counters: they read as zero.
    SubflowAttributes old;
    old.tcpInfoSize = offsetof(tcp_info, tcpi_bytes_acked);
    std::vector<char> oldRecord = subflowRecord(old);
    Result<std::optional<Subflow>> decoded = decodeTcpDiagMessage(oldRecord);
    ASSERT_TRUE(decoded.ok()) << decoded.error().describe();
    ASSERT_TRUE(decoded->has_value());
    EXPECT_EQ((*decoded)->rttMicroseconds, 1500u);
    EXPECT_EQ((*decoded)->bytesAcked, 0u);
    EXPECT_EQ((*decoded)->bytesSent, 0u);
}

TEST(TcpDiagDecode, RejectsUnterminatedProtocolName) {
    DiagRecordBuilder builder;
    nlattr* ulp = builder.beginNest(INET_DIAG_ULP_INFO);
    builder.put(INET_ULP_INFO_NAME, "mptcp", 5);
    builder.endNest(ulp);
    std::vector<char> record = builder.bytes();
    Result<std::optional<Subflow>> decoded = decodeTcpDiagMessage(record);
    ASSERT_FALSE(decoded.ok());
    EXPECT_EQ(decoded.error().code(), EBADMSG);
}

TEST(TcpDiagDecode, RejectsNestThatOverrunsItsParent) {
    std::vector<char> record = subflowRecord();
    // Find the ULP nest and make its inner MPTCP nest claim too much.
    const size_t first = NLMSG_HDRLEN + sizeof(inet_diag_msg);
    size_t offset = first;
    while (offset < record.size()) {
        auto* attribute = reinterpret_cast<nlattr*>(record.data() + offset);
        if ((attribute->nla_type & NLA_TYPE_MASK) == INET_DIAG_ULP_INFO) {
            auto* name = reinterpret_cast<nlattr*>(record.data() + offset + MNL_ATTR_HDRLEN);
            auto* inner =
                reinterpret_cast<nlattr*>(reinterpret_cast<char*>(name) + MNL_ALIGN(name->nla_len));
            inner->nla_len = static_cast<uint16_t>(inner->nla_len + 8);
            break;
        }
        offset += MNL_ALIGN(attribute->nla_len);
    }
    ASSERT_LT(offset, record.size());
    EXPECT_FALSE(decodeTcpDiagMessage(record).ok());
}

TEST(TcpDiagDecode, RejectsTruncationAtEveryLength) {
    std::vector<char> record = subflowRecord();
    for (size_t length = 0; length < record.size(); ++length) {
        Result<std::optional<Subflow>> decoded = decodeTcpDiagMessage(prefix(record, length));
        ASSERT_FALSE(decoded.ok()) << "cut at " << length;
        EXPECT_EQ(decoded.error().code(), EBADMSG);
    }
}

TEST(TcpDiagDecode, ShortenedRecordsDecodeOrFailCleanly) {
    const std::vector<char> record = subflowRecord();
    const std::set<size_t> whole = wholeRecordLengths(record);
    for (size_t length = sizeof(nlmsghdr); length < record.size(); ++length) {
        std::vector<char> copy(record.begin(), record.begin() + static_cast<ptrdiff_t>(length));
        reinterpret_cast<nlmsghdr*>(copy.data())->nlmsg_len = static_cast<uint32_t>(length);
        Result<std::optional<Subflow>> decoded = decodeTcpDiagMessage(copy);
        EXPECT_EQ(decoded.ok(), whole.count(length) == 1) << "length " << length;
        if (decoded.ok()) {
            // The ULP nest comes last, so every cut loses it.
            EXPECT_FALSE(decoded->has_value()) << "length " << length;
        } else {
            EXPECT_EQ(decoded.error().code(), EBADMSG);
        }
    }
}

TEST(TcpDiagDecode, ReadsIpv6Subflow) {
    std::vector<char> record = subflowRecord({}, AF_INET6);
    Result<std::optional<Subflow>> decoded = decodeTcpDiagMessage(record);
    ASSERT_TRUE(decoded.ok()) << decoded.error().describe();
    ASSERT_TRUE(decoded->has_value());
    EXPECT_EQ((*decoded)->localAddress.toString(), "2001:db8::1");
}

TEST(TcpStateName, NamesLikeSs) {
    EXPECT_STREQ(tcpStateName(kTcpEstablished), "ESTAB");
    EXPECT_STREQ(tcpStateName(kTcpSynSent), "SYN-SENT");
    EXPECT_STREQ(tcpStateName(kTcpSynReceived), "SYN-RECV");
    EXPECT_STREQ(tcpStateName(kTcpFinWait1), "FIN-WAIT-1");
    EXPECT_STREQ(tcpStateName(kTcpFinWait2), "FIN-WAIT-2");
    EXPECT_STREQ(tcpStateName(kTcpTimeWait), "TIME-WAIT");
    EXPECT_STREQ(tcpStateName(kTcpClose), "UNCONN");
    EXPECT_STREQ(tcpStateName(kTcpCloseWait), "CLOSE-WAIT");
    EXPECT_STREQ(tcpStateName(kTcpLastAck), "LAST-ACK");
    EXPECT_STREQ(tcpStateName(kTcpListen), "LISTEN");
    EXPECT_STREQ(tcpStateName(kTcpClosing), "CLOSING");
    EXPECT_STREQ(tcpStateName(0), "UNKNOWN");
    EXPECT_STREQ(tcpStateName(200), "UNKNOWN");
}

// --- The live kernel, in a private network namespace ----------------------------

class Descriptor {
public:
    explicit Descriptor(int fd = -1) : fd_(fd) {}
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    ~Descriptor() { reset(-1); }
    void reset(int fd) {
        if (fd_ >= 0) {
            close(fd_);
        }
        fd_ = fd;
    }
    int get() const { return fd_; }

private:
    int fd_;
};

socklen_t loopbackAddress(int family, const char* address, uint16_t port,
                          sockaddr_storage& storage) {
    storage = {};
    if (family == AF_INET) {
        auto* v4 = reinterpret_cast<sockaddr_in*>(&storage);
        v4->sin_family = AF_INET;
        v4->sin_port = htons(port);
        inet_pton(AF_INET, address, &v4->sin_addr);
        return sizeof(sockaddr_in);
    }
    auto* v6 = reinterpret_cast<sockaddr_in6*>(&storage);
    v6->sin6_family = AF_INET6;
    v6->sin6_port = htons(port);
    inet_pton(AF_INET6, address, &v6->sin6_addr);
    return sizeof(sockaddr_in6);
}

uint16_t localPortOf(int fd) {
    sockaddr_storage storage{};
    socklen_t length = sizeof(storage);
    getsockname(fd, reinterpret_cast<sockaddr*>(&storage), &length);
    return storage.ss_family == AF_INET
               ? ntohs(reinterpret_cast<sockaddr_in*>(&storage)->sin_port)
               : ntohs(reinterpret_cast<sockaddr_in6*>(&storage)->sin6_port);
}

bool transfer(int from, int to, size_t bytes) {
    std::string data(bytes, 'x');
    if (write(from, data.data(), data.size()) != static_cast<ssize_t>(data.size())) {
        return false;
    }
    size_t received = 0;
    while (received < bytes) {
        ssize_t length = read(to, data.data(), data.size() - received);
        if (length <= 0) {
            return false;
        }
        received += static_cast<size_t>(length);
    }
    return true;
}

// A connected pair over loopback: listener, client and the accepted server end.
struct LoopbackPair {
    Descriptor listener;
    Descriptor client;
    Descriptor server;
    uint16_t listenerPort = 0;
    uint16_t clientPort = 0;
    std::string problem;
    bool unsupported = false;
};

void connectPair(int family, int protocol, const char* address, LoopbackPair& pair) {
    pair.listener.reset(socket(family, SOCK_STREAM | SOCK_CLOEXEC, protocol));
    if (pair.listener.get() < 0) {
        pair.unsupported =
            errno == EPROTONOSUPPORT || errno == ENOPROTOOPT || errno == EAFNOSUPPORT;
        pair.problem = std::string("socket: ") + std::strerror(errno);
        return;
    }
    sockaddr_storage storage;
    socklen_t length = loopbackAddress(family, address, 0, storage);
    if (bind(pair.listener.get(), reinterpret_cast<sockaddr*>(&storage), length) < 0 ||
        listen(pair.listener.get(), 8) < 0) {
        pair.problem = std::string("bind/listen: ") + std::strerror(errno);
        return;
    }
    pair.listenerPort = localPortOf(pair.listener.get());
    pair.client.reset(socket(family, SOCK_STREAM | SOCK_CLOEXEC, protocol));
    length = loopbackAddress(family, address, pair.listenerPort, storage);
    if (connect(pair.client.get(), reinterpret_cast<sockaddr*>(&storage), length) < 0) {
        pair.problem = std::string("connect: ") + std::strerror(errno);
        return;
    }
    pair.server.reset(accept4(pair.listener.get(), nullptr, nullptr, SOCK_CLOEXEC));
    pair.clientPort = localPortOf(pair.client.get());
    // Data both ways completes the MPTCP handshake on both ends.
    if (pair.server.get() < 0 || !transfer(pair.client.get(), pair.server.get(), 1000) ||
        !transfer(pair.server.get(), pair.client.get(), 500)) {
        pair.problem = std::string("accept/transfer: ") + std::strerror(errno);
    }
}

const Connection* findConnection(const std::vector<Connection>& connections, uint16_t localPort,
                                 uint16_t remotePort) {
    for (const auto& connection : connections) {
        if (connection.localPort == localPort && connection.remotePort == remotePort) {
            return &connection;
        }
    }
    return nullptr;
}

// Polls until `done` holds for a listing, since the handshake's last steps
// (fully established, joins) finish in the kernel after the calls return.
Result<std::vector<Connection>> listWhen(const ConnectionQuery& query,
                                         bool (*done)(const std::vector<Connection>&)) {
    Result<std::vector<Connection>> listed = listConnections(query);
    for (int attempt = 0; attempt < 100 && listed.ok() && !done(*listed); ++attempt) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        listed = listConnections(query);
    }
    return listed;
}

bool allSubflowsFullyEstablished(const std::vector<Connection>& connections) {
    for (const auto& connection : connections) {
        for (const auto& subflow : connection.subflows) {
            if (!subflow.fullyEstablished) {
                return false;
            }
        }
    }
    return true;
}

void checkEnd(ChildChecks& checks, const char* side, const Connection* connection,
              const char* address, uint16_t localPort, uint16_t remotePort) {
    CHILD_EXPECT(checks, connection != nullptr) << side << " connection not listed";
    if (!connection) {
        return;
    }
    CHILD_EXPECT(checks, connection->state == kTcpEstablished)
        << side << " state " << tcpStateName(connection->state);
    CHILD_EXPECT(checks, connection->localAddress.toString() == address)
        << side << " " << connection->localAddress.toString();
    CHILD_EXPECT(checks, connection->token != 0) << side;
    CHILD_EXPECT(checks, !connection->fallback()) << side << " fell back to TCP";
    CHILD_EXPECT(checks, connection->inode != 0) << side;
    CHILD_EXPECT(checks, connection->bytesSent.has_value()) << side << " (Linux 6.5+ counters)";
    // mptcpi_subflows counts the subflows beyond the first.
    CHILD_EXPECT(checks, connection->subflowCount == 0)
        << side << " subflowCount " << int(connection->subflowCount);
    CHILD_EXPECT(checks, connection->subflows.size() == 1)
        << side << " has " << connection->subflows.size() << " subflows";
    if (connection->subflows.size() != 1) {
        return;
    }
    const Subflow& subflow = connection->subflows.front();
    CHILD_EXPECT(checks, subflow.token == connection->token) << side;
    CHILD_EXPECT(checks, subflow.localPort == localPort && subflow.remotePort == remotePort)
        << side << " subflow ports " << subflow.localPort << " " << subflow.remotePort;
    CHILD_EXPECT(checks, subflow.localAddress == connection->localAddress) << side;
    CHILD_EXPECT(checks, subflow.remoteAddress == connection->remoteAddress) << side;
    CHILD_EXPECT(checks, subflow.localId == 0 && subflow.remoteId == 0) << side;
    CHILD_EXPECT(checks, subflow.state == kTcpEstablished) << side;
    CHILD_EXPECT(checks, subflow.fullyEstablished) << side << " flags " << subflow.flags;
    CHILD_EXPECT(checks, subflow.bytesSent >= 500 && subflow.bytesReceived >= 500)
        << side << " sent " << subflow.bytesSent << " received " << subflow.bytesReceived;
    CHILD_EXPECT(checks, subflow.rttMicroseconds > 0) << side;
}

ChildVerdict listsOneConnection(int family, const char* address) {
    ChildChecks checks;
    LoopbackPair pair;
    connectPair(family, IPPROTO_MPTCP, address, pair);
    if (pair.unsupported) {
        return testing::skipChild("this kernel cannot open MPTCP sockets: " + pair.problem);
    }
    CHILD_EXPECT(checks, pair.problem.empty()) << pair.problem;
    LoopbackPair plain; // plain TCP beside it must not show up anywhere
    connectPair(family, IPPROTO_TCP, address, plain);
    CHILD_EXPECT(checks, plain.problem.empty()) << plain.problem;
    if (checks.failed()) {
        return testing::verdictOf(checks);
    }

    Result<std::vector<Connection>> listed = listWhen({}, allSubflowsFullyEstablished);
    CHILD_EXPECT(checks, listed.ok()) << (listed.ok() ? "" : listed.error().describe());
    if (!listed.ok()) {
        return testing::verdictOf(checks);
    }
    const std::vector<Connection>& connections = *listed;
    CHILD_EXPECT(checks, connections.size() == 2) << connections.size() << " connections";
    const Connection* client = findConnection(connections, pair.clientPort, pair.listenerPort);
    const Connection* server = findConnection(connections, pair.listenerPort, pair.clientPort);
    checkEnd(checks, "client", client, address, pair.clientPort, pair.listenerPort);
    checkEnd(checks, "server", server, address, pair.listenerPort, pair.clientPort);
    if (client && server) {
        CHILD_EXPECT(checks, client->token != server->token);
        CHILD_EXPECT(checks, *client->bytesSent >= 1000 && *client->bytesReceived >= 500)
            << "client sent " << *client->bytesSent << " received " << *client->bytesReceived;
    }

    Result<std::vector<Connection>> withListeners =
        listConnections({.includeListeners = true, .withSubflows = true});
    CHILD_EXPECT(checks, withListeners.ok());
    if (withListeners.ok()) {
        CHILD_EXPECT(checks, withListeners->size() == 3) << withListeners->size();
        const Connection* listener = findConnection(*withListeners, pair.listenerPort, 0);
        CHILD_EXPECT(checks, listener != nullptr) << "listener not listed";
        if (listener) {
            CHILD_EXPECT(checks, listener->state == kTcpListen);
            CHILD_EXPECT(checks, listener->token == 0u);
            CHILD_EXPECT(checks, listener->subflows.empty());
        }
    }

    Result<std::vector<Connection>> bare = listConnections({.withSubflows = false});
    CHILD_EXPECT(checks, bare.ok() && bare->size() == 2);
    if (bare.ok()) {
        for (const auto& connection : *bare) {
            CHILD_EXPECT(checks, connection.subflows.empty());
        }
    }
    return testing::verdictOf(checks);
}

TEST(ListConnectionsLive, FindsIpv4ConnectionWithItsSubflows) {
    RUN_IN_FRESH_NETNS([] { return listsOneConnection(AF_INET, "127.0.0.1"); });
}

TEST(ListConnectionsLive, FindsIpv6ConnectionWithItsSubflows) {
    RUN_IN_FRESH_NETNS([] { return listsOneConnection(AF_INET6, "::1"); });
}

TEST(ListConnectionsLive, EmptyNamespaceHasNoConnections) {
    RUN_IN_FRESH_NETNS([] {
        ChildChecks checks;
        Result<std::vector<Connection>> listed = listConnections({.includeListeners = true});
        CHILD_EXPECT(checks, listed.ok()) << (listed.ok() ? "" : listed.error().describe());
        CHILD_EXPECT(checks, listed.ok() && listed->empty());
        return testing::verdictOf(checks);
    });
}

std::string describe(const std::vector<Connection>& connections) {
    std::string text;
    for (const auto& connection : connections) {
        text += "\n    " + std::to_string(connection.localPort) + "->" +
                std::to_string(connection.remotePort) + " counted " +
                std::to_string(connection.subflowCount) + " listed " +
                std::to_string(connection.subflows.size());
        for (const auto& subflow : connection.subflows) {
            text += " [" + std::to_string(subflow.localId) + "/" +
                    std::to_string(subflow.remoteId) + " flags " + std::to_string(subflow.flags) +
                    "]";
        }
    }
    return text;
}

// The join's subflow shows up in the TCP dump a moment before the path
// manager counts it in mptcpi_subflows, so both are waited for.
bool twoSubflowsEach(const std::vector<Connection>& connections) {
    return connections.size() == 2 && connections[0].subflows.size() == 2 &&
           connections[1].subflows.size() == 2 && connections[0].subflowCount == 1 &&
           connections[1].subflowCount == 1 && allSubflowsFullyEstablished(connections);
}

// With an endpoint the in-kernel path manager opens a second subflow from
// 127.0.0.2; both ends must list it under the right connection.
TEST(ListConnectionsLive, MatchesJoinedSubflowsToTheirConnections) {
    RUN_IN_FRESH_NETNS([] {
        if (std::system("command -v ip >/dev/null 2>&1") != 0) {
            return testing::skipChild("iproute2's ip is not installed");
        }
        ChildChecks checks;
        CHILD_EXPECT(checks,
                     std::system("ip mptcp limits set subflows 2 add_addr_accepted 2") == 0);
        CHILD_EXPECT(checks, std::system("ip mptcp endpoint add 127.0.0.2 dev lo subflow") == 0);
        LoopbackPair pair;
        connectPair(AF_INET, IPPROTO_MPTCP, "127.0.0.1", pair);
        if (pair.unsupported) {
            return testing::skipChild("this kernel cannot open MPTCP sockets: " + pair.problem);
        }
        CHILD_EXPECT(checks, pair.problem.empty()) << pair.problem;
        Result<std::vector<Connection>> listed = listWhen({}, twoSubflowsEach);
        CHILD_EXPECT(checks, listed.ok() && twoSubflowsEach(*listed))
            << (listed.ok() ? describe(*listed) : listed.error().describe());
        if (!listed.ok() || !twoSubflowsEach(*listed)) {
            return testing::verdictOf(checks);
        }
        const Connection* client = findConnection(*listed, pair.clientPort, pair.listenerPort);
        const Connection* server = findConnection(*listed, pair.listenerPort, pair.clientPort);
        CHILD_EXPECT(checks, client && server);
        if (!client || !server) {
            return testing::verdictOf(checks);
        }
        for (const Connection* connection : {client, server}) {
            for (const Subflow& subflow : connection->subflows) {
                CHILD_EXPECT(checks, subflow.token == connection->token);
            }
        }
        auto joined = [](const Connection& connection) {
            return std::find_if(connection.subflows.begin(), connection.subflows.end(),
                                [](const Subflow& subflow) {
                                    return subflow.localId != 0 || subflow.remoteId != 0;
                                });
        };
        auto clientJoin = joined(*client);
        auto serverJoin = joined(*server);
        CHILD_EXPECT(checks, clientJoin != client->subflows.end());
        CHILD_EXPECT(checks, serverJoin != server->subflows.end());
        if (clientJoin != client->subflows.end() && serverJoin != server->subflows.end()) {
            CHILD_EXPECT(checks, clientJoin->localAddress.toString() == "127.0.0.2");
            CHILD_EXPECT(checks, clientJoin->localId == 1 && clientJoin->remoteId == 0)
                << int(clientJoin->localId) << " " << int(clientJoin->remoteId);
            CHILD_EXPECT(checks, serverJoin->remoteId == 1 && serverJoin->localId == 0)
                << int(serverJoin->localId) << " " << int(serverJoin->remoteId);
            CHILD_EXPECT(checks, clientJoin->flags & MPTCP_SUBFLOW_FLAG_JOIN_LOC);
            CHILD_EXPECT(checks, serverJoin->flags & MPTCP_SUBFLOW_FLAG_JOIN_REM);
            CHILD_EXPECT(checks, clientJoin->localPort == serverJoin->remotePort);
        }
        return testing::verdictOf(checks);
    });
}

} // namespace
} // namespace mptcp
