#include "connections.h"

#include "kernel_errors.h"
#include "mptcp_uapi.h"
#include "netlink_socket.h"

#include <arpa/inet.h>
#include <libmnl/libmnl.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/sock_diag.h>
#include <linux/tcp.h>

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <string>
#include <unordered_map>

namespace mptcp {

namespace {

constexpr uint32_t bit(uint8_t state) {
    return 1u << state;
}

constexpr uint32_t kAllStates = ~0u;
// Listening subflows carry no MPTCP data, time-wait and request sockets no
// attributes at all: leaving them to the kernel keeps a large dump small.
constexpr uint32_t kSubflowStates =
    kAllStates & ~(bit(kTcpListen) | bit(kTcpTimeWait) | bit(kTcpNewSynReceived));

// struct mptcp_info grew over the years and the kernel sends as much of it
// as it knows. Linux 5.9 sent fields up to rcv_nxt; Linux 6.1 sent 48 bytes,
// the last of them padding, so only a longer attribute carries the counters.
constexpr size_t kOldestMptcpInfoSize = offsetof(MptcpInfoFull, rcv_nxt) + sizeof(uint64_t);
constexpr size_t kLinux61MptcpInfoSize = 48;
static_assert(offsetof(MptcpInfoFull, retransmits) == 44, "MptcpInfoFull must match the kernel");
static_assert(offsetof(MptcpInfoFull, bytes_acked) == 72, "MptcpInfoFull must match the kernel");

// Every kernel's tcp_info reaches at least this far.
constexpr size_t kOldestTcpInfoSize = offsetof(tcp_info, tcpi_rtt) + sizeof(uint32_t);

Error malformed(const char* kind, const char* what) {
    return Error(EBADMSG, std::string("the kernel sent a malformed ") + kind + " record: " + what);
}

// What one SOCK_DIAG_BY_FAMILY record holds that we read.
struct DiagRecord {
    inet_diag_msg socket{};
    const nlattr* info = nullptr;
    const nlattr* ulp = nullptr;
};

bool hasPayloadSize(const nlattr* attribute, size_t size) {
    return mnl_attr_get_payload_len(attribute) == size;
}

// Calls visit(attribute) for every attribute in [begin, end) until it returns
// a problem. Bytes that do not form a whole attribute are a problem too:
// libmnl's loops would silently stop there.
template <class Visit> const char* walkAttributes(const char* begin, const char* end, Visit visit) {
    const char* cursor = begin;
    while (end - cursor >= static_cast<ptrdiff_t>(sizeof(nlattr))) {
        const auto* attribute = reinterpret_cast<const nlattr*>(cursor);
        if (attribute->nla_len < sizeof(nlattr) || attribute->nla_len > end - cursor) {
            return "an attribute overruns the record";
        }
        if (const char* problem = visit(attribute)) {
            return problem;
        }
        cursor += MNL_ALIGN(attribute->nla_len);
    }
    return cursor < end ? "stray bytes after the last attribute" : nullptr;
}

const char* walkNest(const nlattr* nest, auto visit) {
    const auto* begin = static_cast<const char*>(mnl_attr_get_payload(nest));
    return walkAttributes(begin, begin + mnl_attr_get_payload_len(nest), visit);
}

const char* readRecord(const nlmsghdr* message, DiagRecord& record) {
    if (message->nlmsg_type != SOCK_DIAG_BY_FAMILY) {
        return "not a socket diagnostics message";
    }
    if (message->nlmsg_len < mnl_nlmsg_size(sizeof(inet_diag_msg))) {
        return "shorter than its socket header";
    }
    std::memcpy(&record.socket, mnl_nlmsg_get_payload(message), sizeof(inet_diag_msg));
    if (record.socket.idiag_family != AF_INET && record.socket.idiag_family != AF_INET6) {
        return "unknown address family";
    }
    const auto* begin =
        static_cast<const char*>(mnl_nlmsg_get_payload_offset(message, sizeof(inet_diag_msg)));
    const char* end = reinterpret_cast<const char*>(message) + message->nlmsg_len;
    return walkAttributes(begin, end, [&](const nlattr* attribute) -> const char* {
        switch (mnl_attr_get_type(attribute)) {
        case INET_DIAG_INFO:
            record.info = attribute;
            break;
        case INET_DIAG_ULP_INFO:
            record.ulp = attribute;
            break;
        default:
            break; // memory, congestion control, attributes of newer kernels
        }
        return nullptr;
    });
}

template <class Socket> void readSocketIdentity(const inet_diag_msg& diag, Socket& socket) {
    const int family = diag.idiag_family;
    socket.localAddress = IpAddress::fromBytes(family, diag.id.idiag_src);
    socket.remoteAddress = IpAddress::fromBytes(family, diag.id.idiag_dst);
    socket.localPort = ntohs(diag.id.idiag_sport);
    socket.remotePort = ntohs(diag.id.idiag_dport);
    socket.state = diag.idiag_state;
    socket.ifindex = diag.id.idiag_if;
    socket.inode = diag.idiag_inode;
}

// A field of the counters appended in Linux 6.5, if this kernel sent it.
template <class Field>
std::optional<Field> tailField(const MptcpInfoFull& info, size_t length, const Field& field) {
    const size_t offset = static_cast<size_t>(reinterpret_cast<const char*>(&field) -
                                              reinterpret_cast<const char*>(&info));
    if (length <= kLinux61MptcpInfoSize || length < offset + sizeof(Field)) {
        return std::nullopt;
    }
    return field;
}

void readMptcpInfo(const MptcpInfoFull& info, size_t length, Connection& connection) {
    connection.token = info.token;
    connection.flags = info.flags;
    connection.subflowCount = info.subflows;
    connection.addAddrSignal = info.add_addr_signal;
    connection.addAddrAccepted = info.add_addr_accepted;
    connection.subflowsMax = info.subflows_max;
    connection.addAddrSignalMax = info.add_addr_signal_max;
    connection.addAddrAcceptedMax = info.add_addr_accepted_max;
    connection.localAddrUsed = info.local_addr_used;
    connection.localAddrMax = info.local_addr_max;
    connection.checksumEnabled = info.csum_enabled != 0;
    connection.retransmits = tailField(info, length, info.retransmits);
    connection.bytesRetransmitted = tailField(info, length, info.bytes_retrans);
    connection.bytesSent = tailField(info, length, info.bytes_sent);
    connection.bytesReceived = tailField(info, length, info.bytes_received);
    connection.bytesAcked = tailField(info, length, info.bytes_acked);
}

Result<Connection> decodeMptcp(const nlmsghdr* message) {
    constexpr const char* kKind = "MPTCP socket";
    DiagRecord record;
    if (const char* problem = readRecord(message, record)) {
        return malformed(kKind, problem);
    }
    Connection connection;
    readSocketIdentity(record.socket, connection);
    // Without INET_DIAG_INFO (never seen, but not forbidden) only the socket
    // identity is known; such a connection matches no subflow.
    if (record.info) {
        const size_t length = mnl_attr_get_payload_len(record.info);
        if (length < kOldestMptcpInfoSize) {
            return malformed(kKind, "MPTCP information shorter than any kernel sends");
        }
        MptcpInfoFull info{};
        std::memcpy(&info, mnl_attr_get_payload(record.info), std::min(length, sizeof(info)));
        readMptcpInfo(info, length, connection);
    }
    return connection;
}

const char* readSubflowAttributes(const nlattr* nest, Subflow& subflow) {
    return walkNest(nest, [&](const nlattr* attribute) -> const char* {
        switch (mnl_attr_get_type(attribute)) {
        case MPTCP_SUBFLOW_ATTR_TOKEN_LOC:
            if (!hasPayloadSize(attribute, sizeof(uint32_t))) {
                return "local token of the wrong size";
            }
            subflow.token = mnl_attr_get_u32(attribute);
            break;
        case MPTCP_SUBFLOW_ATTR_ID_LOC:
            if (!hasPayloadSize(attribute, sizeof(uint8_t))) {
                return "local id of the wrong size";
            }
            subflow.localId = mnl_attr_get_u8(attribute);
            break;
        case MPTCP_SUBFLOW_ATTR_ID_REM:
            if (!hasPayloadSize(attribute, sizeof(uint8_t))) {
                return "remote id of the wrong size";
            }
            subflow.remoteId = mnl_attr_get_u8(attribute);
            break;
        case MPTCP_SUBFLOW_ATTR_FLAGS:
            if (!hasPayloadSize(attribute, sizeof(uint32_t))) {
                return "subflow flags of the wrong size";
            }
            subflow.flags = mnl_attr_get_u32(attribute);
            break;
        default:
            break; // the remote token, sequence numbers and newer attributes
        }
        return nullptr;
    });
}

// Finds the MPTCP part of the ULP nest; sets `nest` only for an MPTCP subflow.
const char* findMptcpUlp(const nlattr* ulp, const nlattr*& nest) {
    bool isMptcp = false;
    const nlattr* mptcpNest = nullptr;
    const char* problem = walkNest(ulp, [&](const nlattr* attribute) -> const char* {
        switch (mnl_attr_get_type(attribute)) {
        case INET_ULP_INFO_NAME:
            if (mnl_attr_validate(attribute, MNL_TYPE_NUL_STRING) < 0) {
                return "upper layer protocol name not terminated";
            }
            isMptcp = std::strcmp(mnl_attr_get_str(attribute), "mptcp") == 0;
            break;
        case INET_ULP_INFO_MPTCP:
            mptcpNest = attribute;
            break;
        default:
            break; // TLS and future protocols
        }
        return nullptr;
    });
    if (!problem && isMptcp) {
        nest = mptcpNest;
    }
    return problem;
}

void readTcpInfo(const nlattr* attribute, Subflow& subflow) {
    tcp_info info{};
    const size_t length = mnl_attr_get_payload_len(attribute);
    std::memcpy(&info, mnl_attr_get_payload(attribute), std::min(length, sizeof(info)));
    subflow.rttMicroseconds = info.tcpi_rtt;
    subflow.bytesSent = info.tcpi_bytes_sent;
    subflow.bytesReceived = info.tcpi_bytes_received;
    subflow.bytesAcked = info.tcpi_bytes_acked;
}

Result<std::optional<Subflow>> decodeTcp(const nlmsghdr* message) {
    constexpr const char* kKind = "TCP socket";
    DiagRecord record;
    if (const char* problem = readRecord(message, record)) {
        return malformed(kKind, problem);
    }
    // Most TCP sockets are plain TCP: they leave here before any copying.
    if (!record.ulp) {
        return std::optional<Subflow>();
    }
    const nlattr* mptcpNest = nullptr;
    if (const char* problem = findMptcpUlp(record.ulp, mptcpNest)) {
        return malformed(kKind, problem);
    }
    // A listening MPTCP socket's TCP listener names the ULP but has no nest.
    if (!mptcpNest) {
        return std::optional<Subflow>();
    }
    Subflow subflow;
    readSocketIdentity(record.socket, subflow);
    if (const char* problem = readSubflowAttributes(mptcpNest, subflow)) {
        return malformed(kKind, problem);
    }
    subflow.backupLocal = subflow.flags & MPTCP_SUBFLOW_FLAG_BKUP_LOC;
    subflow.backupRemote = subflow.flags & MPTCP_SUBFLOW_FLAG_BKUP_REM;
    subflow.fullyEstablished = subflow.flags & MPTCP_SUBFLOW_FLAG_FULLY_ESTABLISHED;
    if (record.info) {
        if (mnl_attr_get_payload_len(record.info) < kOldestTcpInfoSize) {
            return malformed(kKind, "TCP information shorter than any kernel sends");
        }
        readTcpInfo(record.info, subflow);
    }
    return std::optional<Subflow>(std::move(subflow));
}

// Checks that `bytes` holds the whole message its header announces, and gives
// the decoder a 4-byte aligned copy when the caller's buffer is not aligned.
template <class Decode>
auto decodeBytes(std::span<const char> bytes, const char* kind, Decode decode)
    -> decltype(decode(nullptr)) {
    nlmsghdr header;
    if (bytes.size() < sizeof(header)) {
        return malformed(kind, "shorter than a netlink header");
    }
    std::memcpy(&header, bytes.data(), sizeof(header));
    if (header.nlmsg_len < sizeof(header) || header.nlmsg_len > bytes.size()) {
        return malformed(kind, "truncated");
    }
    if (reinterpret_cast<uintptr_t>(bytes.data()) % alignof(nlmsghdr) == 0) {
        return decode(reinterpret_cast<const nlmsghdr*>(bytes.data()));
    }
    std::vector<uint32_t> aligned((header.nlmsg_len + 3) / 4);
    std::memcpy(aligned.data(), bytes.data(), header.nlmsg_len);
    return decode(reinterpret_cast<const nlmsghdr*>(aligned.data()));
}

// A SOCK_DIAG_BY_FAMILY dump request asking for INET_DIAG_INFO.
class DumpRequest {
public:
    DumpRequest(uint8_t family, uint16_t protocol, uint32_t states) {
        header_ = mnl_nlmsg_put_header(storage_);
        header_->nlmsg_type = SOCK_DIAG_BY_FAMILY;
        header_->nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
        auto* request = static_cast<inet_diag_req_v2*>(
            mnl_nlmsg_put_extra_header(header_, sizeof(inet_diag_req_v2)));
        request->sdiag_family = family;
        request->idiag_ext = 1u << (INET_DIAG_INFO - 1);
        request->idiag_states = states;
        if (protocol <= UINT8_MAX) {
            request->sdiag_protocol = static_cast<uint8_t>(protocol);
        } else {
            // IPPROTO_MPTCP (262) does not fit the u8 field; the kernel
            // prefers this attribute over it when present.
            request->sdiag_protocol = IPPROTO_TCP;
            mnl_attr_put_u32(header_, INET_DIAG_REQ_PROTOCOL, protocol);
        }
    }

    nlmsghdr* header() { return header_; }

private:
    alignas(nlmsghdr) char storage_[256] = {};
    nlmsghdr* header_;
};

Error listingError(const Error& kernelError, bool mptcpDump) {
    if (mptcpDump && kernelError.code() == ENOENT) {
        return Error(ENOENT,
                     "this kernel cannot list MPTCP connections: it lacks MPTCP socket "
                     "diagnostics (CONFIG_INET_MPTCP_DIAG, module mptcp_diag)",
                     kernelError.kernelMessage());
    }
    return explainKernelError(Operation::ListConnections, kernelError);
}

Status dumpConnections(NetlinkSocket& socket, uint8_t family, const ConnectionQuery& query,
                       std::vector<Connection>& connections) {
    const uint32_t states = query.includeListeners ? kAllStates : kAllStates & ~bit(kTcpListen);
    DumpRequest request(family, IPPROTO_MPTCP, states);
    Status status = socket.transact(request.header(), [&](const nlmsghdr* message) -> Status {
        Result<Connection> connection = decodeMptcp(message);
        if (!connection) {
            return connection.error();
        }
        connections.push_back(std::move(connection).value());
        return {};
    });
    if (!status) {
        return listingError(status.error(), true);
    }
    return {};
}

Status dumpSubflows(NetlinkSocket& socket, uint8_t family,
                    const std::unordered_map<uint32_t, size_t>& connectionByToken,
                    std::vector<Connection>& connections) {
    DumpRequest request(family, IPPROTO_TCP, kSubflowStates);
    Status status = socket.transact(request.header(), [&](const nlmsghdr* message) -> Status {
        Result<std::optional<Subflow>> subflow = decodeTcp(message);
        if (!subflow) {
            return subflow.error();
        }
        if (!subflow->has_value()) {
            return {};
        }
        // A subflow of a connection that closed or opened during the dumps
        // has no partner here; it is dropped with its connection.
        auto found = connectionByToken.find((*subflow)->token);
        if (found != connectionByToken.end()) {
            connections[found->second].subflows.push_back(std::move(**subflow));
        }
        return {};
    });
    if (!status) {
        return listingError(status.error(), false);
    }
    return {};
}

Status attachSubflows(NetlinkSocket& socket, std::vector<Connection>& connections) {
    std::unordered_map<uint32_t, size_t> connectionByToken;
    connectionByToken.reserve(connections.size());
    bool anyIpv6 = false;
    for (size_t index = 0; index < connections.size(); ++index) {
        if (connections[index].token != 0) {
            connectionByToken.emplace(connections[index].token, index);
            anyIpv6 = anyIpv6 || connections[index].localAddress.family == AF_INET6;
        }
    }
    if (connectionByToken.empty()) {
        return {};
    }
    Status status = dumpSubflows(socket, AF_INET, connectionByToken, connections);
    // IPv4 connections have IPv4 subflows only; IPv6 ones may have both.
    if (status && anyIpv6) {
        status = dumpSubflows(socket, AF_INET6, connectionByToken, connections);
    }
    return status;
}

} // namespace

bool Connection::fallback() const {
    return flags & MPTCP_INFO_FLAG_FALLBACK;
}

const char* tcpStateName(uint8_t state) {
    static constexpr const char* kNames[] = {
        "UNKNOWN",    "ESTAB",     "SYN-SENT",     "SYN-RECV",       "FIN-WAIT-1",
        "FIN-WAIT-2", "TIME-WAIT", "UNCONN",       "CLOSE-WAIT",     "LAST-ACK",
        "LISTEN",     "CLOSING",   "NEW-SYN-RECV", "BOUND-INACTIVE",
    };
    return state < std::size(kNames) ? kNames[state] : "UNKNOWN";
}

Result<Connection> decodeMptcpDiagMessage(std::span<const char> message) {
    return decodeBytes(message, "MPTCP socket", decodeMptcp);
}

Result<std::optional<Subflow>> decodeTcpDiagMessage(std::span<const char> message) {
    return decodeBytes(message, "TCP socket", decodeTcp);
}

Result<std::vector<Connection>> listConnections(const ConnectionQuery& query) {
    Result<NetlinkSocket> socket = NetlinkSocket::open(NETLINK_SOCK_DIAG);
    if (!socket) {
        return listingError(socket.error(), false);
    }
    std::vector<Connection> connections;
    for (uint8_t family : {uint8_t{AF_INET}, uint8_t{AF_INET6}}) {
        Status status = dumpConnections(*socket, family, query, connections);
        if (!status) {
            return status.error();
        }
    }
    if (query.withSubflows) {
        Status status = attachSubflows(*socket, connections);
        if (!status) {
            return status.error();
        }
    }
    return connections;
}

} // namespace mptcp
