// Everything the doctor looks at, gathered once so the checks are pure
// functions over plain data (and unit tests can craft any machine they like).
// Taking a snapshot only reads: sysctls, /proc, rtnetlink dumps and route
// lookups (no packet is sent), inet_diag, and the mptcp_pm family.
#pragma once

#include "connections.h"
#include "endpoint.h"
#include "ip_address.h"
#include "path_manager.h"
#include "rtnetlink.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace doctor {

struct AddressState {
    mptcp::IpAddress address;
    uint8_t prefixLength = 0;
    uint32_t flags = 0; // IFA_F_*

    bool tentative() const; // duplicate address detection still running
    bool dadFailed() const; // another machine on the link has it
    bool deprecated() const;
};

struct InterfaceState {
    int32_t index = 0;
    std::string name;
    uint32_t flags = 0;    // IFF_*
    uint8_t operState = 0; // IF_OPER_*
    bool carrier = true;
    std::vector<AddressState> addresses;
    // Effective IPv4 reverse-path filter: the larger of net.ipv4.conf.all
    // and this interface's (0 off, 1 strict, 2 loose); -1 when unknown.
    int rpFilter = -1;

    bool administrativelyUp() const;
    // Up, with a carrier, and not held down by the operational state.
    bool usable() const;
    bool loopback() const;
    bool pointToPoint() const;
    // "up", "down", "lowerlayerdown", "dormant", ... as `ip link` shows it.
    std::string operStateName() const;
};

// One FIB lookup from an endpoint's address towards a probe address.
struct RouteLookup {
    mptcp::IpAddress source;
    int32_t restrictedTo = 0; // the lookup only allowed this interface (0: any)
    bool found = false;
    int error = 0;         // errno when no route was found
    int32_t interface = 0; // where the matching route leaves
    mptcp::IpAddress gateway;
    uint32_t table = 0;
    uint8_t prefixLength = 0; // of the route that matched; 0 is a default route

    bool isDefaultVia(int32_t index) const {
        return found && prefixLength == 0 && interface == index;
    }
};

struct EndpointRouting {
    uint8_t endpointId = 0;
    // The interface a subflow from this endpoint belongs to: its `dev`, or
    // else the interface that holds its address (0 when none does).
    int32_t interface = 0;
    // As the kernel routes a subflow of an endpoint without `dev`.
    RouteLookup unrestricted;
    // As it routes one bound to `interface` (an endpoint with `dev`).
    RouteLookup restricted;
};

struct SystemSnapshot {
    // The mptcp_pm generic netlink family resolved: this kernel has MPTCP.
    bool mptcpAvailable = false;
    std::string mptcpUnavailableReason;
    std::map<std::string, std::string> sysctls; // net.mptcp.*, by name
    std::vector<mptcp::Endpoint> endpoints;
    std::optional<mptcp::Limits> limits;
    std::vector<InterfaceState> interfaces;
    int rpFilterAll = -1;             // net.ipv4.conf.all.rp_filter; -1 when unknown
    std::vector<Route> defaultRoutes; // of every table, both families
    std::vector<Rule> rules;          // both families
    std::vector<uint32_t> tablesInUse;
    std::vector<EndpointRouting> routing; // one per endpoint with a local address
    // /proc/net/netstat's MPTcpExt line, by counter name.
    std::map<std::string, uint64_t> mptcpCounters;
    // Counter values to subtract (as noted at an earlier time); empty: the
    // counters count since the network namespace (or machine) started.
    std::map<std::string, uint64_t> counterBaseline;
    std::vector<mptcp::Connection> connections; // listeners included
    bool connectionsKnown = false;
    // Other programs that manage MPTCP paths: "mptcpd", "NetworkManager".
    std::vector<std::string> otherManagers;
    // What could not be read, in words; the checks that need it stay quiet.
    std::vector<std::string> gaps;

    const InterfaceState* interfaceByIndex(int32_t index) const;
    // The interfaces that hold `address` (normally one).
    std::vector<const InterfaceState*> interfacesWith(const mptcp::IpAddress& address) const;
    const AddressState* addressState(const mptcp::IpAddress& address) const;
    const EndpointRouting* routingOf(uint8_t endpointId) const;
    // "eth0", or "if7" for an index no interface has.
    std::string interfaceName(int32_t index) const;
    std::string sysctl(const std::string& name) const;
    // A counter minus its baseline (0 when this kernel lacks it).
    uint64_t counter(const std::string& name) const;
};

struct SnapshotOptions {
    // procfs: sys/net/mptcp, sys/net/ipv4/conf, net/netstat. Its network
    // files show the namespace of the reading process.
    std::string procRoot = "/proc";
    // Where running programs are listed (PID/comm); separate so a test can
    // look at an empty list while the suite runs fake managers elsewhere.
    std::string processRoot = "/proc";
    std::string pathManagerFamily = "mptcp_pm";
    // Route lookups go from each endpoint towards these; documentation
    // addresses, so they only match a default route. No packet is sent.
    mptcp::IpAddress probe4 = *mptcp::IpAddress::parse("192.0.2.1");
    mptcp::IpAddress probe6 = *mptcp::IpAddress::parse("2001:db8::1");
};

SystemSnapshot takeSnapshot(const SnapshotOptions& options = {});

// "Prefix: name name ...\nPrefix: 1 2 ...\n" pairs, as /proc/net/netstat
// and /proc/net/snmp lay them out, by prefix and then by name. Lines that do
// not pair up are skipped.
std::map<std::string, std::map<std::string, uint64_t>> parseNetstat(const std::string& text);

// The comm names of running processes under `processRoot` that are on `names`.
std::vector<std::string> runningPrograms(const std::string& processRoot,
                                         const std::vector<std::string>& names);

} // namespace doctor
