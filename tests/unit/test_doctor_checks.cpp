// The doctor's checks as pure functions over crafted snapshots, its parsers,
// and its rtnetlink decoders. No kernel involved: test_doctor.cpp builds
// every fault for real.
#include "checks.h"
#include "mptcp_uapi.h"
#include "rtnetlink.h"
#include "system_snapshot.h"

#include <gtest/gtest.h>

#include <libmnl/libmnl.h>
#include <linux/fib_rules.h>
#include <linux/if_addr.h>
#include <linux/rtnetlink.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>

namespace {

using namespace doctor;
using mptcp::Endpoint;
using mptcp::IpAddress;

constexpr uint32_t kUsable = IFF_UP | IFF_RUNNING;
constexpr uint8_t kOperUp = 6;
constexpr uint8_t kOperLowerLayerDown = 3;

IpAddress ip(const char* text) {
    return *IpAddress::parse(text);
}

InterfaceState interface(int32_t index, const char* name, std::vector<const char*> addresses,
                         uint32_t flags = kUsable) {
    InterfaceState state;
    state.index = index;
    state.name = name;
    state.flags = flags;
    state.operState = (flags & IFF_LOOPBACK) ? 0 : kOperUp;
    state.rpFilter = 0;
    for (const char* address : addresses) {
        state.addresses.push_back({ip(address), 24, 0});
    }
    return state;
}

Endpoint endpoint(uint8_t id, const char* address, uint32_t flags, int32_t ifindex = 0) {
    Endpoint result;
    result.id = id;
    result.address = ip(address);
    result.flags = flags;
    result.ifindex = ifindex;
    return result;
}

RouteLookup lookup(const char* source, int32_t leaves, uint8_t prefixLength = 0,
                   const char* gateway = nullptr, uint32_t table = RT_TABLE_MAIN) {
    RouteLookup result;
    result.source = ip(source);
    result.found = true;
    result.interface = leaves;
    result.prefixLength = prefixLength;
    result.table = table;
    if (gateway) {
        result.gateway = ip(gateway);
    }
    return result;
}

RouteLookup noRoute(const char* source, int error = EHOSTUNREACH) {
    RouteLookup result;
    result.source = ip(source);
    result.error = error;
    return result;
}

Route defaultRoute(int32_t interface, const char* gateway, uint32_t table = RT_TABLE_MAIN) {
    Route route;
    route.family = ip(gateway).family;
    route.type = RTN_UNICAST;
    route.table = table;
    route.nexthops.push_back({interface, ip(gateway)});
    return route;
}

mptcp::Connection connection(const char* local, uint16_t localPort, const char* remote,
                             uint16_t remotePort, uint8_t state = mptcp::kTcpEstablished) {
    mptcp::Connection result;
    result.localAddress = ip(local);
    result.localPort = localPort;
    result.remoteAddress = ip(remote);
    result.remotePort = remotePort;
    result.state = state;
    result.token = state == mptcp::kTcpListen ? 0 : 0x1234;
    return result;
}

// Two usable paths, set up as the README advises: endpoints with dev, a
// default route of each interface's own, limits that fit. Nothing to report.
SystemSnapshot cleanTwoPaths() {
    SystemSnapshot snapshot;
    snapshot.mptcpAvailable = true;
    snapshot.sysctls = {{"enabled", "1"}, {"path_manager", "kernel"}};
    snapshot.limits = mptcp::Limits{2, 1};
    snapshot.connectionsKnown = true;
    snapshot.rpFilterAll = 0;
    snapshot.interfaces = {interface(1, "lo", {"127.0.0.1"}, kUsable | IFF_LOOPBACK),
                           interface(2, "eth0", {"10.1.1.2"}), interface(3, "wlan0", {"10.1.2.2"})};
    snapshot.endpoints = {endpoint(1, "10.1.1.2", mptcp::kFlagSubflow, 2),
                          endpoint(2, "10.1.2.2", mptcp::kFlagSubflow, 3)};
    snapshot.routing = {{1, 2, lookup("10.1.1.2", 2, 0, "10.1.1.1", 101),
                         lookup("10.1.1.2", 2, 0, "10.1.1.1", 101)},
                        {2, 3, lookup("10.1.2.2", 3, 0, "10.1.2.1", 102),
                         lookup("10.1.2.2", 3, 0, "10.1.2.1", 102)}};
    snapshot.defaultRoutes = {defaultRoute(2, "10.1.1.1"), defaultRoute(2, "10.1.1.1", 101),
                              defaultRoute(3, "10.1.2.1", 102)};
    snapshot.tablesInUse = {101, 102, 253, 254, 255};
    snapshot.connections = {connection("10.1.1.2", 40000, "198.51.100.7", 443)};
    snapshot.mptcpCounters = {{"MPJoinSynTx", 4}, {"MPJoinSynAckRx", 4}};
    return snapshot;
}

std::vector<Finding> withId(const SystemSnapshot& snapshot, const std::string& id) {
    std::vector<Finding> found;
    for (auto& finding : runChecks(snapshot)) {
        if (finding.id == id) {
            found.push_back(std::move(finding));
        }
    }
    return found;
}

std::string ids(const std::vector<Finding>& findings) {
    std::string text;
    for (const auto& finding : findings) {
        text += finding.id + "(" + std::string(severityName(finding.severity)) + ") ";
    }
    return text;
}

// --- the table and the clean case ------------------------------------------

TEST(DoctorChecks, EveryCheckOfTheIssueExistsOnce) {
    const std::set<std::string> wanted = {
        "mptcp-missing",
        "mptcp-disabled",
        "userspace-pm-with-endpoints",
        "other-manager",
        "subflows-limit-too-low",
        "add-addr-accepted-zero",
        "signal-without-listener",
        "endpoint-address-missing",
        "endpoint-address-on-other-interface",
        "endpoint-interface-down",
        "endpoint-route-leaves-elsewhere",
        "interface-without-default-route",
        "strict-rp-filter",
        "address-family-mismatch",
        "join-failures",
        "fallback-to-tcp",
        "incomplete-diagnosis",
    };
    std::set<std::string> present;
    for (const Check& check : allChecks()) {
        EXPECT_TRUE(present.insert(std::string(check.id)).second) << check.id << " twice";
        EXPECT_NE(check.run, nullptr);
    }
    EXPECT_EQ(present, wanted);
}

TEST(DoctorChecks, CleanTwoPathsHasNothingToSay) {
    auto findings = runChecks(cleanTwoPaths());
    EXPECT_TRUE(findings.empty()) << ids(findings);
}

TEST(DoctorChecks, EveryFindingIsComplete) {
    // A snapshot with many faults at once: each finding says what, why and how.
    SystemSnapshot snapshot = cleanTwoPaths();
    snapshot.sysctls["enabled"] = "0";
    snapshot.limits = mptcp::Limits{0, 0};
    snapshot.endpoints.push_back(endpoint(3, "10.9.9.9", mptcp::kFlagSignal));
    snapshot.interfaces[2].rpFilter = 1;
    snapshot.otherManagers = {"NetworkManager", "mptcpd"};
    snapshot.mptcpCounters["MPJoinSynTxBindErr"] = 2;
    snapshot.gaps = {"the routing rules could not be read: no"};
    auto findings = runChecks(snapshot);
    ASSERT_GE(findings.size(), 8u) << ids(findings);
    for (const auto& finding : findings) {
        EXPECT_FALSE(finding.summary.empty()) << finding.id;
        EXPECT_EQ(finding.summary.back(), '.') << finding.id << ": " << finding.summary;
        EXPECT_FALSE(finding.why.empty()) << finding.id;
        EXPECT_FALSE(finding.fix.empty()) << finding.id;
        EXPECT_TRUE(std::any_of(allChecks().begin(), allChecks().end(), [&](const Check& check) {
            return check.id == finding.id;
        })) << finding.id;
    }
    EXPECT_TRUE(somethingWrong(findings));
}

// --- the kernel and the path manager ---------------------------------------

TEST(DoctorChecks, MissingMptcpIsTheOnlyFinding) {
    SystemSnapshot snapshot = cleanTwoPaths();
    snapshot.mptcpAvailable = false;
    snapshot.mptcpUnavailableReason = "No such file or directory";
    snapshot.sysctls.clear();
    snapshot.limits = mptcp::Limits{0, 0};
    auto findings = runChecks(snapshot);
    ASSERT_EQ(findings.size(), 1u) << ids(findings);
    EXPECT_EQ(findings[0].id, "mptcp-missing");
    EXPECT_EQ(findings[0].severity, Severity::Error);
    EXPECT_NE(findings[0].why.find("No such file or directory"), std::string::npos);
    EXPECT_FALSE(findings[0].action);
}

TEST(DoctorChecks, DisabledOffersTurningItOn) {
    SystemSnapshot snapshot = cleanTwoPaths();
    snapshot.sysctls["enabled"] = "0";
    auto found = withId(snapshot, "mptcp-disabled");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].severity, Severity::Error);
    EXPECT_EQ(found[0].action, FixAction(SetSysctlFix{"enabled", "1"}));
}

TEST(DoctorChecks, UserspacePathManagerWithEndpoints) {
    SystemSnapshot snapshot = cleanTwoPaths();
    snapshot.sysctls["path_manager"] = "userspace";
    auto found = withId(snapshot, "userspace-pm-with-endpoints");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_NE(found[0].summary.find("2 configured endpoints do nothing"), std::string::npos);
    EXPECT_EQ(found[0].action, FixAction(SetSysctlFix{"path_manager", "kernel"}));

    snapshot.otherManagers = {"mptcpd"};
    found = withId(snapshot, "userspace-pm-with-endpoints");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_FALSE(found[0].action) << "mptcpd chose userspace on purpose";

    // Kernels before 5.18 only have the numeric pm_type.
    snapshot.otherManagers.clear();
    snapshot.sysctls = {{"enabled", "1"}, {"pm_type", "1"}};
    found = withId(snapshot, "userspace-pm-with-endpoints");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].action, FixAction(SetSysctlFix{"pm_type", "0"}));

    snapshot.endpoints.clear();
    EXPECT_TRUE(withId(snapshot, "userspace-pm-with-endpoints").empty());
}

TEST(DoctorChecks, OtherManagerWarnsOnlyWhenEndpointsExist) {
    SystemSnapshot snapshot = cleanTwoPaths();
    snapshot.otherManagers = {"NetworkManager", "mptcpd"};
    auto found = withId(snapshot, "other-manager");
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(found[0].severity, Severity::Warning);
    EXPECT_NE(found[0].summary.find("mptcpd"), std::string::npos);
    EXPECT_NE(found[1].summary.find("NetworkManager"), std::string::npos);
    snapshot.endpoints.clear();
    found = withId(snapshot, "other-manager");
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(found[0].severity, Severity::Info);
}

// --- limits ------------------------------------------------------------------

TEST(DoctorChecks, SubflowsLimitBelowTheSubflowEndpoints) {
    SystemSnapshot snapshot = cleanTwoPaths();
    snapshot.limits = mptcp::Limits{1, 3};
    auto found = withId(snapshot, "subflows-limit-too-low");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].severity, Severity::Warning);
    EXPECT_EQ(found[0].action, FixAction(SetLimitsFix{2, 3}));
    snapshot.limits = mptcp::Limits{0, 3};
    found = withId(snapshot, "subflows-limit-too-low");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].severity, Severity::Error);
    EXPECT_NE(found[0].summary.find("never open a subflow"), std::string::npos);
    // Signal endpoints open no subflow: they do not count.
    snapshot.endpoints = {endpoint(1, "10.1.1.2", mptcp::kFlagSignal)};
    EXPECT_TRUE(withId(snapshot, "subflows-limit-too-low").empty());
}

TEST(DoctorChecks, AddAddrAcceptedZero) {
    SystemSnapshot snapshot = cleanTwoPaths();
    snapshot.limits = mptcp::Limits{2, 0};
    auto found = withId(snapshot, "add-addr-accepted-zero");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].severity, Severity::Info) << "own subflow endpoints still give paths";
    EXPECT_EQ(found[0].action, FixAction(SetLimitsFix{2, 2}));

    snapshot.mptcpCounters["AddAddr"] = 3;
    found = withId(snapshot, "add-addr-accepted-zero");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].severity, Severity::Warning) << "peers announced addresses in vain";
    EXPECT_NE(found[0].why.find("3 addresses"), std::string::npos);

    snapshot.mptcpCounters.clear();
    snapshot.endpoints.clear();
    snapshot.limits = mptcp::Limits{0, 0};
    found = withId(snapshot, "add-addr-accepted-zero");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].severity, Severity::Warning) << "nothing can make a second subflow";
    EXPECT_EQ(found[0].action, FixAction(SetLimitsFix{1, 1}));
    EXPECT_NE(found[0].fix.find("limits set subflows 1 add_addr_accepted 1"), std::string::npos);
}

TEST(DoctorChecks, SignalEndpointsNeedSomethingThatAccepts) {
    SystemSnapshot snapshot = cleanTwoPaths();
    snapshot.endpoints.push_back(endpoint(3, "10.1.2.2", mptcp::kFlagSignal, 3));
    snapshot.endpoints.back().port = 7000;
    // The kernel's own listener for the endpoint's port is no server, whether
    // inet_diag names its address and port or not.
    snapshot.connections.push_back(connection("10.1.2.2", 7000, "0.0.0.0", 0, mptcp::kTcpListen));
    snapshot.connections.push_back(connection("0.0.0.0", 0, "0.0.0.0", 0, mptcp::kTcpListen));
    auto found = withId(snapshot, "signal-without-listener");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_NE(found[0].summary.find("Endpoint 3 (10.1.2.2) is a signal endpoint"),
              std::string::npos);
    EXPECT_NE(found[0].fix.find("mptcpctl endpoint delete id 3\nmptcpctl endpoint add 10.1.2.2 "
                                "dev wlan0 id 3 subflow"),
              std::string::npos)
        << found[0].fix;
    snapshot.connections.push_back(connection("0.0.0.0", 443, "0.0.0.0", 0, mptcp::kTcpListen));
    EXPECT_TRUE(withId(snapshot, "signal-without-listener").empty());
    // Without the connection list nothing can be said.
    snapshot.connections.clear();
    snapshot.connectionsKnown = false;
    EXPECT_TRUE(withId(snapshot, "signal-without-listener").empty());
}

// --- endpoints ---------------------------------------------------------------

TEST(DoctorChecks, EndpointAddressMissingOrUnusable) {
    SystemSnapshot snapshot = cleanTwoPaths();
    snapshot.endpoints.push_back(endpoint(5, "10.9.9.9", mptcp::kFlagSubflow));
    auto found = withId(snapshot, "endpoint-address-missing");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].severity, Severity::Error);
    EXPECT_EQ(found[0].action, FixAction(RemoveEndpointFix{5}));

    snapshot.endpoints.pop_back();
    snapshot.interfaces[2].addresses.push_back({ip("2001:db8:7::2"), 64, IFA_F_DADFAILED});
    snapshot.endpoints.push_back(endpoint(6, "2001:db8:7::2", mptcp::kFlagSubflow, 3));
    found = withId(snapshot, "endpoint-address-missing");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].severity, Severity::Error);
    EXPECT_NE(found[0].summary.find("duplicate address detection"), std::string::npos);

    snapshot.interfaces[2].addresses.back().flags = IFA_F_TENTATIVE;
    found = withId(snapshot, "endpoint-address-missing");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].severity, Severity::Info);
    EXPECT_FALSE(found[0].action);
}

TEST(DoctorChecks, EndpointBoundToAnotherInterface) {
    SystemSnapshot snapshot = cleanTwoPaths();
    snapshot.endpoints[0].ifindex = 3; // 10.1.1.2 is on eth0
    auto found = withId(snapshot, "endpoint-address-on-other-interface");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_NE(found[0].summary.find("bound to wlan0, but its address is on eth0"),
              std::string::npos);
    EXPECT_NE(found[0].fix.find("mptcpctl endpoint add 10.1.1.2 dev eth0 id 1 subflow"),
              std::string::npos)
        << found[0].fix;
}

TEST(DoctorChecks, EndpointInterfaceDownOrGone) {
    SystemSnapshot snapshot = cleanTwoPaths();
    snapshot.interfaces[2].flags = 0;
    auto found = withId(snapshot, "endpoint-interface-down");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_NE(found[0].summary.find("wlan0, which is down"), std::string::npos);
    EXPECT_NE(found[0].fix.find("ip link set dev wlan0 up"), std::string::npos);

    snapshot.interfaces[2].flags = kUsable;
    snapshot.interfaces[2].carrier = false;
    snapshot.interfaces[2].operState = kOperLowerLayerDown;
    found = withId(snapshot, "endpoint-interface-down");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_NE(found[0].summary.find("no carrier (state lowerlayerdown)"), std::string::npos);

    snapshot.interfaces.pop_back(); // wlan0 vanished; its endpoint still names it
    found = withId(snapshot, "endpoint-interface-down");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_NE(found[0].summary.find("if3, which no longer exists"), std::string::npos);
    EXPECT_EQ(found[0].action, FixAction(RemoveEndpointFix{2}));
}

// --- routing -------------------------------------------------------------------

TEST(DoctorChecks, EndpointWithoutDevWhoseTrafficLeavesElsewhere) {
    SystemSnapshot snapshot = cleanTwoPaths();
    snapshot.endpoints[1].ifindex = 0;
    snapshot.routing[1].unrestricted = lookup("10.1.2.2", 2, 0, "10.1.1.1");
    snapshot.defaultRoutes.push_back(defaultRoute(3, "10.1.2.1"));
    snapshot.defaultRoutes.erase(snapshot.defaultRoutes.begin() + 2); // no table 102 any more
    snapshot.tablesInUse = {101, 103, 253, 254, 255};
    auto found = withId(snapshot, "endpoint-route-leaves-elsewhere");
    ASSERT_EQ(found.size(), 1u) << ids(runChecks(snapshot));
    EXPECT_NE(found[0].summary.find("leaves through eth0, not through wlan0"), std::string::npos);
    EXPECT_NE(found[0].fix.find("ip rule add from 10.1.2.2 table 104\n"
                                "ip route add default via 10.1.2.1 dev wlan0 table 104"),
              std::string::npos)
        << found[0].fix << "\n(table 103 is taken)";
    EXPECT_TRUE(withId(snapshot, "interface-without-default-route").empty())
        << "one finding per fault";
}

TEST(DoctorChecks, InterfaceWithoutADefaultRouteOfItsOwn) {
    SystemSnapshot snapshot = cleanTwoPaths();
    snapshot.routing[1].restricted = noRoute("10.1.2.2");
    snapshot.defaultRoutes.pop_back();
    auto found = withId(snapshot, "interface-without-default-route");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].summary,
              "Interface wlan0 has no default route of its own for traffic from 10.1.2.2.");
    EXPECT_NE(found[0].fix.find("ip rule add from 10.1.2.2 table 103\n"
                                "ip route add default via GATEWAY dev wlan0 table 103\n"
                                "(GATEWAY: the router on wlan0's network"),
              std::string::npos)
        << found[0].fix;
    // A connected route that happens to match the probe is no default route.
    snapshot.routing[1].restricted = lookup("10.1.2.2", 3, 24);
    EXPECT_EQ(withId(snapshot, "interface-without-default-route").size(), 1u);
    // A signal endpoint's subflows come from peers and are not bound to its
    // dev: any route out of the address will do.
    snapshot.endpoints[1].flags = mptcp::kFlagSignal;
    EXPECT_TRUE(withId(snapshot, "interface-without-default-route").empty());
    snapshot.routing[1].unrestricted = noRoute("10.1.2.2", ENETUNREACH);
    EXPECT_EQ(withId(snapshot, "interface-without-default-route").size(), 1u);
    snapshot.endpoints[1].flags = mptcp::kFlagSubflow;
    // Down interfaces are endpoint-interface-down's business.
    snapshot.interfaces[2].flags = 0;
    EXPECT_TRUE(withId(snapshot, "interface-without-default-route").empty());
}

TEST(DoctorChecks, DefaultRouteFixUsesWhatIsThere) {
    SystemSnapshot snapshot = cleanTwoPaths();
    snapshot.defaultRoutes = {defaultRoute(3, "10.1.2.1", 7)};
    // A default route in a table of its own: only the rule is missing.
    EXPECT_EQ(defaultRouteFix(snapshot, ip("10.1.2.2"), 3), "ip rule add from 10.1.2.2 table 7");
    // A rule already leads to a table: put the route there.
    Rule rule;
    rule.family = AF_INET;
    rule.action = FR_ACT_TO_TBL;
    rule.table = 50;
    rule.source = ip("10.1.2.0");
    rule.sourceLength = 24;
    snapshot.rules = {rule};
    EXPECT_EQ(defaultRouteFix(snapshot, ip("10.1.2.2"), 3),
              "ip route replace default via 10.1.2.1 dev wlan0 table 50");
    // A rule that also matches on something else does not count.
    snapshot.rules[0].narrowed = true;
    EXPECT_EQ(defaultRouteFix(snapshot, ip("10.1.2.2"), 3), "ip rule add from 10.1.2.2 table 7");
    // Point-to-point links (modems, tunnels) need no gateway.
    snapshot.defaultRoutes.clear();
    snapshot.interfaces[2].flags |= IFF_POINTOPOINT;
    snapshot.tablesInUse.push_back(103);
    EXPECT_EQ(defaultRouteFix(snapshot, ip("10.1.2.2"), 3),
              "ip rule add from 10.1.2.2 table 104\nip route add default dev wlan0 table 104")
        << "tables 101 to 103 are in use";
    // IPv6 says so.
    snapshot.defaultRoutes = {defaultRoute(3, "fe80::1")};
    snapshot.interfaces[2].flags = kUsable;
    EXPECT_EQ(defaultRouteFix(snapshot, ip("2001:db8:7::2"), 3),
              "ip -6 rule add from 2001:db8:7::2 table 104\n"
              "ip -6 route add default via fe80::1 dev wlan0 table 104");
}

// --- traffic -----------------------------------------------------------------

TEST(DoctorChecks, StrictReversePathFilterOnSubflowInterfaces) {
    SystemSnapshot snapshot = cleanTwoPaths();
    snapshot.interfaces[2].rpFilter = 1;
    auto found = withId(snapshot, "strict-rp-filter");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_NE(found[0].summary.find("wlan0 (rp_filter 1)"), std::string::npos);
    EXPECT_EQ(found[0].fix, "Use loose mode on wlan0: sysctl -w net.ipv4.conf.wlan0.rp_filter=2");
    snapshot.rpFilterAll = 1;
    found = withId(snapshot, "strict-rp-filter");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_NE(found[0].fix.find("net.ipv4.conf.all.rp_filter=0"), std::string::npos);
    // A VLAN's dotted name needs the slash form.
    snapshot.interfaces[2].name = "eth0.100";
    found = withId(snapshot, "strict-rp-filter");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_NE(found[0].fix.find("sysctl -w net/ipv4/conf/eth0.100/rp_filter=2"), std::string::npos);
    // Interfaces with neither endpoints nor subflows are none of our business...
    snapshot.endpoints.pop_back();
    EXPECT_TRUE(withId(snapshot, "strict-rp-filter").empty());
    // ...until a live subflow uses them.
    mptcp::Subflow subflow;
    subflow.localAddress = ip("::ffff:10.1.2.2");
    snapshot.connections[0].subflows.push_back(subflow);
    EXPECT_EQ(withId(snapshot, "strict-rp-filter").size(), 1u);
}

TEST(DoctorChecks, AddressFamilyMismatch) {
    SystemSnapshot snapshot = cleanTwoPaths();
    snapshot.interfaces[2].addresses.push_back({ip("2001:db8:7::2"), 64, 0});
    snapshot.interfaces[2].addresses.push_back({ip("fe80::2"), 64, 0});
    snapshot.endpoints = {endpoint(2, "2001:db8:7::2", mptcp::kFlagSubflow, 3)};
    snapshot.routing.clear();
    // An IPv6 socket talking to an IPv4 peer is IPv4.
    snapshot.connections.push_back(connection("::ffff:10.1.2.2", 40001, "::ffff:203.0.113.9", 80));
    snapshot.connections.push_back(connection("127.0.0.1", 40003, "127.0.0.1", 80)); // loopback
    auto fellBack = connection("10.1.1.2", 40002, "203.0.113.10", 80);
    fellBack.flags = MPTCP_INFO_FLAG_FALLBACK;
    snapshot.connections.push_back(fellBack);
    auto found = withId(snapshot, "address-family-mismatch");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].summary,
              "The endpoints are all IPv6, but 2 live connections go to IPv4 peers.");
    EXPECT_NE(found[0].fix.find("mptcpctl endpoint add 10.1.2.2 dev wlan0 subflow"),
              std::string::npos)
        << found[0].fix;
    EXPECT_EQ(found[0].fix.find("fe80"), std::string::npos) << "no link-local suggestions";
    snapshot.endpoints.push_back(endpoint(3, "10.1.2.2", mptcp::kFlagSubflow, 3));
    EXPECT_TRUE(withId(snapshot, "address-family-mismatch").empty());
}

TEST(DoctorChecks, JoinFailuresInWordsAndSinceABaseline) {
    SystemSnapshot snapshot = cleanTwoPaths();
    snapshot.mptcpCounters = {
        {"MPJoinSynTx", 5},    {"MPJoinSynAckRx", 2}, {"MPJoinSynTxBindErr", 1},
        {"MPJoinRejected", 1}, {"MPRstRx", 2},        {"MPJoinSynAckHMacFailure", 0}};
    auto found = withId(snapshot, "join-failures");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].severity, Severity::Warning);
    EXPECT_EQ(found[0].summary,
              "5 attempts to add a subflow failed since the system (or this network namespace) "
              "started.");
    EXPECT_NE(found[0].why.find("1 could not use the endpoint's address (MPJoinSynTxBindErr)"),
              std::string::npos)
        << found[0].why;
    EXPECT_NE(found[0].why.find("3 of the 5 sent got no answer"), std::string::npos);
    EXPECT_NE(found[0].why.find("1 from peers were refused here (MPJoinRejected)"),
              std::string::npos);
    EXPECT_NE(found[0].why.find("Peers also reset 2 subflows (MPRstRx)"), std::string::npos);
    // Counted before the baseline: forgotten.
    snapshot.counterBaseline = snapshot.mptcpCounters;
    EXPECT_TRUE(withId(snapshot, "join-failures").empty());
    snapshot.mptcpCounters["MPJoinSynTx"] += 1;
    found = withId(snapshot, "join-failures");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].summary, "1 attempt to add a subflow failed since the counters were last "
                                "noted.");
}

TEST(DoctorChecks, FallbackOutgoingWarnsIncomingInforms) {
    SystemSnapshot snapshot = cleanTwoPaths();
    snapshot.connections[0].flags = MPTCP_INFO_FLAG_FALLBACK;
    auto found = withId(snapshot, "fallback-to-tcp");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].severity, Severity::Warning);
    EXPECT_EQ(found[0].summary, "1 connection to 198.51.100.7 fell back to plain TCP.");
    // Loopback has one path anyway.
    auto local = connection("127.0.0.1", 40001, "127.0.0.1", 80);
    local.flags = MPTCP_INFO_FLAG_FALLBACK;
    auto mappedLocal = connection("::ffff:127.0.0.1", 40002, "::ffff:127.0.0.1", 80);
    mappedLocal.flags = MPTCP_INFO_FLAG_FALLBACK;
    snapshot.connections.push_back(local);
    snapshot.connections.push_back(mappedLocal);
    found = withId(snapshot, "fallback-to-tcp");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].summary, "1 connection to 198.51.100.7 fell back to plain TCP.");
    snapshot.connections.push_back(connection("0.0.0.0", 40000, "0.0.0.0", 0, mptcp::kTcpListen));
    found = withId(snapshot, "fallback-to-tcp");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].severity, Severity::Info) << "a client without MPTCP, accepted here";
    EXPECT_FALSE(somethingWrong(found));
}

TEST(DoctorChecks, GapsAreSaid) {
    SystemSnapshot snapshot = cleanTwoPaths();
    snapshot.gaps = {"the routing rules could not be read: Operation not permitted"};
    auto found = withId(snapshot, "incomplete-diagnosis");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].severity, Severity::Info);
    EXPECT_EQ(found[0].why, "The routing rules could not be read: Operation not permitted.");
}

// --- parsers -----------------------------------------------------------------

TEST(DoctorParsers, NetstatPairsHeadersWithValues) {
    auto tables = parseNetstat("TcpExt: SyncookiesSent Embryonic\n"
                               "TcpExt: 1 2\n"
                               "Stray: line without partner\n"
                               "MPTcpExt: MPCapableSYNRX MPJoinSynTx MPJoinSynTxBindErr\n"
                               "MPTcpExt: 7 18446744073709551615 x\n");
    EXPECT_EQ(tables["TcpExt"]["Embryonic"], 2u);
    EXPECT_EQ(tables["MPTcpExt"]["MPCapableSYNRX"], 7u);
    EXPECT_EQ(tables["MPTcpExt"]["MPJoinSynTx"], 18446744073709551615u);
    EXPECT_EQ(tables["MPTcpExt"].count("MPJoinSynTxBindErr"), 0u) << "not a number";
    EXPECT_EQ(tables.count("Stray"), 0u);
    EXPECT_TRUE(parseNetstat("").empty());
    EXPECT_TRUE(parseNetstat("MPTcpExt: a b\n").empty());
}

TEST(DoctorParsers, RunningProgramsByComm) {
    char pattern[] = "/tmp/doctor-procXXXXXX";
    ASSERT_NE(mkdtemp(pattern), nullptr);
    const std::string root = pattern;
    auto process = [&](const char* pid, const char* comm) {
        ASSERT_EQ(mkdir((root + "/" + pid).c_str(), 0700), 0);
        std::ofstream(root + "/" + pid + "/comm") << comm << "\n";
    };
    process("1", "systemd");
    process("42", "mptcpd");
    process("43", "mptcpd");
    process("self", "NetworkManager"); // not a pid
    process("77", "NetworkManager-x");
    EXPECT_EQ(runningPrograms(root, {"mptcpd", "NetworkManager"}),
              std::vector<std::string>{"mptcpd"});
    EXPECT_TRUE(runningPrograms(root + "/missing", {"mptcpd"}).empty());
    std::filesystem::remove_all(root);
}

// --- rtnetlink decoders ----------------------------------------------------------

class MessageBuilder {
public:
    template <class Header> Header* begin(uint16_t type) {
        header_ = mnl_nlmsg_put_header(storage_.data());
        header_->nlmsg_type = type;
        return static_cast<Header*>(mnl_nlmsg_put_extra_header(header_, sizeof(Header)));
    }
    nlmsghdr* header() { return header_; }
    std::vector<char> bytes() const {
        const auto* start = reinterpret_cast<const char*>(header_);
        return {start, start + header_->nlmsg_len};
    }

private:
    std::vector<uint64_t> storage_ = std::vector<uint64_t>(512);
    nlmsghdr* header_ = nullptr;
};

TEST(DoctorRtnetlink, RouteWithMultipathAndTable) {
    MessageBuilder builder;
    auto* route = builder.begin<rtmsg>(RTM_NEWROUTE);
    route->rtm_family = AF_INET;
    route->rtm_type = RTN_UNICAST;
    route->rtm_table = RT_TABLE_COMPAT;
    mnl_attr_put_u32(builder.header(), RTA_TABLE, 1000);
    mnl_attr_put_u32(builder.header(), RTA_PRIORITY, 20);
    nlattr* multipath = mnl_attr_nest_start(builder.header(), RTA_MULTIPATH);
    for (int index : {4, 5}) {
        auto* hop = static_cast<rtnexthop*>(mnl_nlmsg_get_payload_tail(builder.header()));
        builder.header()->nlmsg_len += RTNH_ALIGN(sizeof(rtnexthop));
        hop->rtnh_ifindex = index;
        const IpAddress gateway = ip(index == 4 ? "10.0.4.1" : "10.0.5.1");
        mnl_attr_put(builder.header(), RTA_GATEWAY, 4, gateway.bytes.data());
        hop->rtnh_len = static_cast<unsigned short>(
            reinterpret_cast<char*>(mnl_nlmsg_get_payload_tail(builder.header())) -
            reinterpret_cast<char*>(hop));
    }
    mnl_attr_nest_end(builder.header(), multipath);
    auto bytes = builder.bytes();
    auto decoded = decodeRouteMessage(bytes);
    ASSERT_TRUE(decoded) << decoded.error().describe();
    EXPECT_EQ(decoded->table, 1000u);
    EXPECT_EQ(decoded->metric, 20u);
    EXPECT_EQ(decoded->prefixLength, 0);
    ASSERT_EQ(decoded->nexthops.size(), 2u);
    EXPECT_EQ(decoded->nexthops[1].interface, 5);
    EXPECT_EQ(decoded->nexthops[1].gateway.toString(), "10.0.5.1");
    // Cut anywhere (the header's length cut too): refused or read without
    // overrunning (the sanitizer build would see it).
    for (size_t length = 0; length < bytes.size(); ++length) {
        std::vector<char> cut(bytes.begin(), bytes.begin() + static_cast<ptrdiff_t>(length));
        if (length >= sizeof(nlmsghdr)) {
            const auto shorter = static_cast<uint32_t>(length);
            std::memcpy(cut.data(), &shorter, sizeof(shorter));
        }
        (void)decodeRouteMessage(cut);
    }
}

TEST(DoctorRtnetlink, MalformedMessagesAreErrors) {
    MessageBuilder builder;
    auto* address = builder.begin<ifaddrmsg>(RTM_NEWADDR);
    address->ifa_family = AF_INET;
    address->ifa_index = 3;
    mnl_attr_put(builder.header(), IFA_LOCAL, 3, "abc"); // an IPv4 address has 4 bytes
    auto decoded = decodeAddressMessage(builder.bytes());
    ASSERT_FALSE(decoded);
    EXPECT_EQ(decoded.error().code(), EBADMSG);

    MessageBuilder good;
    auto* fine = good.begin<ifaddrmsg>(RTM_NEWADDR);
    fine->ifa_family = AF_INET6;
    fine->ifa_index = 3;
    fine->ifa_prefixlen = 64;
    const IpAddress v6 = ip("2001:db8::5");
    mnl_attr_put(good.header(), IFA_ADDRESS, 16, v6.bytes.data());
    mnl_attr_put_u32(good.header(), IFA_FLAGS, IFA_F_DADFAILED | IFA_F_NOPREFIXROUTE);
    auto read = decodeAddressMessage(good.bytes());
    ASSERT_TRUE(read) << read.error().describe();
    EXPECT_EQ(read->address, v6);
    EXPECT_EQ(read->flags, uint32_t{IFA_F_DADFAILED | IFA_F_NOPREFIXROUTE});

    MessageBuilder link;
    auto* info = link.begin<ifinfomsg>(RTM_NEWROUTE); // the wrong type
    info->ifi_index = 2;
    EXPECT_FALSE(decodeLinkMessage(link.bytes()));
    EXPECT_FALSE(decodeRuleMessage(std::vector<char>(8)));
}

TEST(DoctorRtnetlink, RuleSelectorsNarrowIt) {
    MessageBuilder builder;
    auto* rule = builder.begin<fib_rule_hdr>(RTM_NEWRULE);
    rule->family = AF_INET;
    rule->action = FR_ACT_TO_TBL;
    rule->src_len = 32;
    const IpAddress source = ip("10.1.2.2");
    mnl_attr_put(builder.header(), FRA_SRC, 4, source.bytes.data());
    mnl_attr_put_u32(builder.header(), FRA_TABLE, 102);
    mnl_attr_put_u32(builder.header(), FRA_PRIORITY, 32765);
    auto decoded = decodeRuleMessage(builder.bytes());
    ASSERT_TRUE(decoded) << decoded.error().describe();
    EXPECT_EQ(decoded->table, 102u);
    EXPECT_EQ(decoded->priority, 32765u);
    EXPECT_EQ(decoded->source, source);
    EXPECT_FALSE(decoded->narrowed);
    mnl_attr_put_strz(builder.header(), FRA_IIFNAME, "eth0");
    decoded = decodeRuleMessage(builder.bytes());
    ASSERT_TRUE(decoded);
    EXPECT_TRUE(decoded->narrowed);
}

} // namespace
