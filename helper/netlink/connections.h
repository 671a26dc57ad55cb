// Live MPTCP connections and their TCP subflows, read from the kernel's socket
// diagnostics (inet_diag) with one dump per address family, as `ss -M` does.
#pragma once

#include "error.h"
#include "ip_address.h"

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace mptcp {

// Socket states as the kernel numbers them (include/net/tcp_states.h); MPTCP
// connections use the same numbers. Spelled here because <netinet/tcp.h>,
// which has them, clashes with <linux/tcp.h>.
enum TcpState : uint8_t {
    kTcpEstablished = 1,
    kTcpSynSent,
    kTcpSynReceived,
    kTcpFinWait1,
    kTcpFinWait2,
    kTcpTimeWait,
    kTcpClose,
    kTcpCloseWait,
    kTcpLastAck,
    kTcpListen,
    kTcpClosing,
    kTcpNewSynReceived,
    kTcpBoundInactive,
};

struct Subflow {
    IpAddress localAddress;
    IpAddress remoteAddress;
    uint16_t localPort = 0; // host order
    uint16_t remotePort = 0;
    uint8_t localId = 0;
    uint8_t remoteId = 0;
    bool backupLocal = false;  // we asked the peer to use this subflow only as a backup
    bool backupRemote = false; // the peer asked us to
    bool fullyEstablished = false;
    uint32_t flags = 0;   // raw MPTCP_SUBFLOW_FLAG_* bits
    uint32_t ifindex = 0; // the device the socket is bound to, 0 when unbound
    uint8_t state = 0;    // TCP_ESTABLISHED, ... (see tcpStateName)
    // Zero on kernels whose tcp_info is too old to carry them.
    uint64_t bytesSent = 0;
    uint64_t bytesReceived = 0;
    uint64_t bytesAcked = 0;
    uint32_t rttMicroseconds = 0;
    uint32_t token = 0; // the local token of the connection it belongs to
    uint64_t inode = 0;
};

struct Connection {
    IpAddress localAddress;
    IpAddress remoteAddress;
    uint16_t localPort = 0; // host order
    uint16_t remotePort = 0;
    uint8_t state = 0;
    uint32_t ifindex = 0;
    uint64_t inode = 0;
    uint32_t token = 0; // 0 for listeners
    uint32_t flags = 0; // raw MPTCP_INFO_FLAG_* bits
    uint8_t subflowCount = 0;
    uint8_t addAddrSignal = 0;
    uint8_t addAddrAccepted = 0;
    uint8_t subflowsMax = 0;
    uint8_t addAddrSignalMax = 0;
    uint8_t addAddrAcceptedMax = 0;
    uint8_t localAddrUsed = 0;
    uint8_t localAddrMax = 0;
    bool checksumEnabled = false;
    // Counted by Linux 6.5 and newer only; empty on older kernels.
    std::optional<uint64_t> bytesSent;
    std::optional<uint64_t> bytesReceived;
    std::optional<uint64_t> bytesAcked;
    std::optional<uint64_t> bytesRetransmitted;
    std::optional<uint32_t> retransmits;
    std::vector<Subflow> subflows;

    // The peer did not speak MPTCP (or stopped): this is plain TCP now.
    bool fallback() const;
};

struct ConnectionQuery {
    bool includeListeners = false;
    bool withSubflows = true;
};

// "ESTAB", "SYN-SENT", "LISTEN", ... as ss prints them; "UNKNOWN" otherwise.
const char* tcpStateName(uint8_t state);

Result<std::vector<Connection>> listConnections(const ConnectionQuery& query = {});

// Read one SOCK_DIAG_BY_FAMILY reply message (netlink header included) of an
// MPTCP or a TCP dump. Malformed or truncated input is an Error; unknown
// attributes are skipped. Exposed for the fuzzers and the unit tests.
Result<Connection> decodeMptcpDiagMessage(std::span<const char> message);
// Empty for a TCP socket that is not an MPTCP subflow.
Result<std::optional<Subflow>> decodeTcpDiagMessage(std::span<const char> message);

} // namespace mptcp
