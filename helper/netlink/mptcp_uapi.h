// The parts of the MPTCP and inet_diag kernel ABI that Debian 12's 6.1 headers
// lack. Newer kernels add them; every definition is guarded so a newer system
// header wins and nothing is defined twice.
#pragma once

#include <linux/inet_diag.h>
#include <linux/mptcp.h>

#ifndef IPPROTO_MPTCP
#define IPPROTO_MPTCP 262
#endif

// Event types added in Linux 6.2 (listener events).
inline constexpr int kMptcpEventListenerCreated = 15;
inline constexpr int kMptcpEventListenerClosed = 16;

// Endpoint flag added in Linux 6.18: a "laminar" endpoint is used for
// subflows towards addresses the peer announced, even without fullmesh.
inline constexpr unsigned kMptcpAddrFlagLaminar = 1u << 5;

// The part of struct mptcp_info that 6.1 has, followed by what later kernels
// appended. The kernel fills as many bytes as it knows; the attribute length
// tells us how much is valid, so the tail fields are read only when present.
struct MptcpInfoFull {
    __u8 subflows;
    __u8 add_addr_signal;
    __u8 add_addr_accepted;
    __u8 subflows_max;
    __u8 add_addr_signal_max;
    __u8 add_addr_accepted_max;
    __u32 flags;
    __u32 token;
    __u64 write_seq;
    __u64 snd_una;
    __u64 rcv_nxt;
    __u8 local_addr_used;
    __u8 local_addr_max;
    __u8 csum_enabled;
    // Linux 6.5+
    __u32 retransmits;
    __u64 bytes_retrans;
    __u64 bytes_sent;
    __u64 bytes_received;
    __u64 bytes_acked;
    // Linux 6.10+
    __u8 subflows_total;
    __u8 reserved[3];
    __u32 last_data_sent;
    __u32 last_data_recv;
    __u32 last_ack_recv;
};
