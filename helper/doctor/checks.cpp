#include "checks.h"

#include <linux/fib_rules.h>
#include <linux/rtnetlink.h>
#include <netinet/in.h>

#include <algorithm>
#include <map>
#include <set>

namespace doctor {

namespace {

using mptcp::Endpoint;
using mptcp::IpAddress;

// --- words -----------------------------------------------------------------

std::string count(uint64_t n, const char* singular, const char* plural) {
    return std::to_string(n) + " " + (n == 1 ? singular : plural);
}

// "a", "a and b", "a, b and c".
std::string listing(const std::vector<std::string>& items) {
    std::string text;
    for (size_t i = 0; i < items.size(); ++i) {
        if (i > 0) {
            text += i + 1 == items.size() ? " and " : ", ";
        }
        text += items[i];
    }
    return text;
}

std::string joinLines(const std::vector<std::string>& lines) {
    std::string text;
    for (const auto& line : lines) {
        if (!text.empty()) {
            text += "\n";
        }
        text += line;
    }
    return text;
}

std::string label(const Endpoint& endpoint) {
    return "endpoint " + std::to_string(endpoint.id) + " (" + endpoint.address.toString() + ")";
}

std::string capitalized(std::string text) {
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') {
        text[0] = static_cast<char>(text[0] - 'a' + 'A');
    }
    return text;
}

const char* familyName(int family) {
    return family == AF_INET6 ? "IPv6" : "IPv4";
}

// "mptcpctl endpoint add 10.0.0.1 dev eth1 id 3 subflow backup"
std::string addCommand(const Endpoint& endpoint, const std::string& device) {
    std::string command = "mptcpctl endpoint add " + endpoint.address.toString();
    if (!device.empty()) {
        command += " dev " + device;
    }
    if (endpoint.id) {
        command += " id " + std::to_string(endpoint.id);
    }
    if (endpoint.port) {
        command += " port " + std::to_string(endpoint.port);
    }
    for (const auto& flag : mptcp::kEndpointFlagNames) {
        if ((endpoint.flags & flag.bit) && (flag.bit & mptcp::kUserEndpointFlags)) {
            command += " " + std::string(flag.name);
        }
    }
    return command;
}

// --- facts -----------------------------------------------------------------

bool implicit(const Endpoint& endpoint) {
    return endpoint.flags & mptcp::kFlagImplicit;
}

// Endpoints a person configured (the kernel adds "implicit" ones itself).
std::vector<const Endpoint*> configured(const SystemSnapshot& snapshot) {
    std::vector<const Endpoint*> list;
    for (const auto& endpoint : snapshot.endpoints) {
        if (!implicit(endpoint)) {
            list.push_back(&endpoint);
        }
    }
    return list;
}

size_t countWithFlag(const SystemSnapshot& snapshot, uint32_t flag) {
    size_t n = 0;
    for (const Endpoint* endpoint : configured(snapshot)) {
        n += (endpoint->flags & flag) ? 1 : 0;
    }
    return n;
}

bool isLinkLocal(const IpAddress& address) {
    return address.family == AF_INET6 && address.bytes[0] == 0xfe &&
           (address.bytes[1] & 0xc0) == 0x80;
}

bool isMappedIpv4(const IpAddress& address) {
    if (address.family != AF_INET6) {
        return false;
    }
    for (size_t i = 0; i < 10; ++i) {
        if (address.bytes[i] != 0) {
            return false;
        }
    }
    return address.bytes[10] == 0xff && address.bytes[11] == 0xff;
}

// The IPv4 address inside an IPv4-mapped IPv6 one; others unchanged.
IpAddress unmapped(const IpAddress& address) {
    return isMappedIpv4(address) ? IpAddress::fromBytes(AF_INET, &address.bytes[12]) : address;
}

// A connection to another machine: multipath means nothing on loopback.
bool toAnotherMachine(const mptcp::Connection& connection) {
    return !unmapped(connection.remoteAddress).isLoopback();
}

bool isListener(const mptcp::Connection& connection) {
    return connection.state == mptcp::kTcpListen;
}

std::string pathManagerName(const SystemSnapshot& snapshot) {
    std::string manager = snapshot.sysctl("path_manager");
    if (manager.empty()) {
        manager = snapshot.sysctl("pm_type") == "1" ? "userspace" : "kernel";
    }
    return manager;
}

bool running(const SystemSnapshot& snapshot, const std::string& program) {
    return std::find(snapshot.otherManagers.begin(), snapshot.otherManagers.end(), program) !=
           snapshot.otherManagers.end();
}

// The interface an endpoint's subflows belong to: its dev, else the holder of its address.
const InterfaceState* endpointInterface(const SystemSnapshot& snapshot, const Endpoint& endpoint) {
    if (endpoint.ifindex) {
        return snapshot.interfaceByIndex(endpoint.ifindex);
    }
    auto holders = snapshot.interfacesWith(endpoint.address);
    return holders.empty() ? nullptr : holders.front();
}

// The endpoint's address as its interface has it: on its dev when it has
// one there, else the best copy elsewhere (one usable copy is enough).
const AddressState* addressFor(const SystemSnapshot& snapshot, const Endpoint& endpoint) {
    const AddressState* best = nullptr;
    for (const InterfaceState* holder : snapshot.interfacesWith(endpoint.address)) {
        for (const auto& own : holder->addresses) {
            if (own.address != endpoint.address) {
                continue;
            }
            if (holder->index == endpoint.ifindex) {
                return &own;
            }
            if (!best || (best->dadFailed() || best->tentative())) {
                best = &own;
            }
        }
    }
    return best;
}

// The kernel binds the subflows an endpoint opens to its dev; an endpoint
// that only announces (signal) gets subflows from peers, routed as usual.
bool boundToDevice(const Endpoint& endpoint) {
    constexpr uint32_t kOpensSubflows =
        mptcp::kFlagSubflow | mptcp::kFlagFullmesh | mptcp::kFlagLaminar;
    return endpoint.ifindex != 0 && (endpoint.flags & kOpensSubflows);
}

// Endpoints whose routing can be judged: address present, interface usable,
// not loopback, not link-local. Other checks report the rest.
bool routable(const SystemSnapshot& snapshot, const Endpoint& endpoint) {
    const InterfaceState* state = endpointInterface(snapshot, endpoint);
    return state && state->usable() && !state->loopback() && !isLinkLocal(endpoint.address) &&
           snapshot.routingOf(endpoint.id) != nullptr;
}

bool prefixContains(const IpAddress& prefix, uint8_t length, const IpAddress& address) {
    if (prefix.family != address.family || length > address.length() * 8) {
        return false;
    }
    for (uint8_t bit = 0; bit < length; ++bit) {
        const uint8_t mask = static_cast<uint8_t>(0x80u >> (bit % 8));
        if ((prefix.bytes[bit / 8] & mask) != (address.bytes[bit / 8] & mask)) {
            return false;
        }
    }
    return true;
}

bool isStandardTable(uint32_t table) {
    return table == RT_TABLE_MAIN || table == RT_TABLE_LOCAL || table == RT_TABLE_DEFAULT ||
           table == RT_TABLE_UNSPEC;
}

std::string sysctlPath(const std::string& interface, const char* setting) {
    // Interface names with a dot (VLANs: eth0.100) need the slash form.
    if (interface.find('.') != std::string::npos) {
        return "net/ipv4/conf/" + interface + "/" + setting;
    }
    return "net.ipv4.conf." + interface + "." + setting;
}

// --- the checks ------------------------------------------------------------

void mptcpMissing(const SystemSnapshot& snapshot, std::vector<Finding>& findings) {
    if (snapshot.mptcpAvailable) {
        return;
    }
    std::string why = "Without MPTCP in the kernel no connection can use more than one path, and "
                      "nothing else can be checked.";
    if (!snapshot.mptcpUnavailableReason.empty()) {
        why += " (The kernel answered: " + snapshot.mptcpUnavailableReason + ".)";
    }
    findings.push_back({"mptcp-missing", Severity::Error,
                        "This kernel has no MPTCP: its path manager (generic netlink family "
                        "\"mptcp_pm\") does not exist.",
                        why,
                        "Boot a kernel built with CONFIG_MPTCP=y (Linux 5.6 or newer, 5.15 or "
                        "newer recommended); most distributions' kernels have it.",
                        std::nullopt});
}

void mptcpDisabled(const SystemSnapshot& snapshot, std::vector<Finding>& findings) {
    if (snapshot.sysctl("enabled") != "0") {
        return;
    }
    findings.push_back({"mptcp-disabled", Severity::Error,
                        "MPTCP is turned off: net.mptcp.enabled is 0.",
                        "Programs that ask for an MPTCP socket get plain TCP instead, so no "
                        "connection uses a second path, whatever the endpoints and limits say.",
                        "Turn it on: sysctl -w net.mptcp.enabled=1 (and put it in "
                        "/etc/sysctl.d/ to keep it after a reboot).",
                        SetSysctlFix{"enabled", "1"}});
}

void userspacePathManager(const SystemSnapshot& snapshot, std::vector<Finding>& findings) {
    const auto endpoints = configured(snapshot);
    if (endpoints.empty() || pathManagerName(snapshot) != "userspace") {
        return;
    }
    Finding finding{
        "userspace-pm-with-endpoints",
        Severity::Warning,
        "The path manager is \"userspace\", so the " +
            count(endpoints.size(), "configured endpoint does", "configured endpoints do") +
            " nothing.",
        "With net.mptcp.path_manager = userspace the kernel leaves subflows and address "
        "announcements to a daemon such as mptcpd, and ignores its own endpoints and "
        "limits.",
        {},
        std::nullopt};
    const bool hasChoice = snapshot.sysctls.count("path_manager") != 0;
    if (running(snapshot, "mptcpd")) {
        finding.fix = "mptcpd is running and manages the paths: configure it instead "
                      "(/etc/mptcpd/mptcpd.conf), or stop it and switch back with "
                      "sysctl -w net.mptcp.path_manager=kernel.";
    } else if (hasChoice) {
        finding.fix = "Switch back to the in-kernel path manager: "
                      "sysctl -w net.mptcp.path_manager=kernel";
        finding.action = SetSysctlFix{"path_manager", "kernel"};
    } else {
        finding.fix = "Switch back to the in-kernel path manager: sysctl -w net.mptcp.pm_type=0";
        finding.action = SetSysctlFix{"pm_type", "0"};
    }
    findings.push_back(std::move(finding));
}

void otherManager(const SystemSnapshot& snapshot, std::vector<Finding>& findings) {
    const Severity severity = configured(snapshot).empty() ? Severity::Info : Severity::Warning;
    if (running(snapshot, "mptcpd")) {
        findings.push_back(
            {"other-manager", severity, "mptcpd is running: it manages MPTCP paths as well.",
             "mptcpd adds and removes endpoints and subflows by its own plan; changes made here "
             "may be undone, or fight with it.",
             "Let one program manage the paths: stop mptcpd (systemctl disable --now mptcpd) to "
             "manage the endpoints here, or configure mptcpd and leave the endpoints to it.",
             std::nullopt});
    }
    if (running(snapshot, "NetworkManager")) {
        findings.push_back(
            {"other-manager", severity,
             "NetworkManager is running: since version 1.40 it adds and removes MPTCP endpoints "
             "for the interfaces it manages.",
             "Whenever an address comes or goes it rewrites that interface's endpoints, which may "
             "undo what was configured here.",
             "Let one program manage the endpoints: leave them to NetworkManager "
             "(nmcli connection modify NAME connection.mptcp-flags ...), or keep it out of them "
             "with nmcli connection modify NAME connection.mptcp-flags disabled, for each "
             "connection.",
             std::nullopt});
    }
}

void subflowsLimit(const SystemSnapshot& snapshot, std::vector<Finding>& findings) {
    const size_t subflowEndpoints = countWithFlag(snapshot, mptcp::kFlagSubflow);
    if (!snapshot.limits || subflowEndpoints == 0 ||
        snapshot.limits->subflows >= subflowEndpoints) {
        return;
    }
    const uint32_t current = snapshot.limits->subflows;
    const uint32_t wanted = static_cast<uint32_t>(std::min<size_t>(subflowEndpoints, 8));
    const std::string endpoints = count(subflowEndpoints, "subflow endpoint", "subflow endpoints");
    Finding finding{"subflows-limit-too-low",
                    current == 0 ? Severity::Error : Severity::Warning,
                    current == 0
                        ? "The subflows limit is 0, so the " + endpoints + " never open a subflow."
                        : "The subflows limit (" + std::to_string(current) +
                              ") is below the number of subflow endpoints (" +
                              std::to_string(subflowEndpoints) + ").",
                    "Each connection opens at most `subflows` extra subflows, counting those "
                    "opened from subflow endpoints and those the peer opens; endpoints beyond the "
                    "limit are never used.",
                    "Raise it: mptcpctl limits set subflows " + std::to_string(wanted),
                    SetLimitsFix{wanted, snapshot.limits->addAddrAccepted}};
    findings.push_back(std::move(finding));
}

void addAddrAccepted(const SystemSnapshot& snapshot, std::vector<Finding>& findings) {
    if (!snapshot.limits || snapshot.limits->addAddrAccepted != 0) {
        return;
    }
    const uint64_t announced = snapshot.counter("AddAddr");
    const bool noSubflowEndpoint = countWithFlag(snapshot, mptcp::kFlagSubflow) == 0;
    std::string why = "A server with several addresses announces them (ADD_ADDR) so that clients "
                      "open subflows towards each; with this limit at 0 the kernel uses none of "
                      "them.";
    if (announced > 0) {
        why += " Peers have announced " + count(announced, "address", "addresses") +
               " that were ignored.";
    }
    if (noSubflowEndpoint) {
        why += " With no subflow endpoint either, no connection can get a second subflow.";
    }
    const uint32_t subflows = std::max<uint32_t>(snapshot.limits->subflows, 1);
    const uint32_t accepted = std::min<uint32_t>(subflows, 8);
    std::string command = "mptcpctl limits set ";
    if (snapshot.limits->subflows == 0) {
        command += "subflows " + std::to_string(subflows) + " ";
    }
    command += "add_addr_accepted " + std::to_string(accepted);
    findings.push_back({"add-addr-accepted-zero",
                        noSubflowEndpoint || announced > 0 ? Severity::Warning : Severity::Info,
                        "add_addr_accepted is 0 (the default): addresses that peers announce are "
                        "ignored.",
                        why, "Accept announced addresses: " + command,
                        SetLimitsFix{subflows, accepted}});
}

void signalWithoutListener(const SystemSnapshot& snapshot, std::vector<Finding>& findings) {
    if (!snapshot.connectionsKnown) {
        return;
    }
    std::vector<const Endpoint*> signals;
    for (const Endpoint* endpoint : configured(snapshot)) {
        if (endpoint->flags & mptcp::kFlagSignal) {
            signals.push_back(endpoint);
        }
    }
    // The kernel's own listeners for signal endpoints with a port do not
    // count: inet_diag shows them without address and port (Linux 6.18), or
    // with the endpoint's.
    const bool listening = std::any_of(
        snapshot.connections.begin(), snapshot.connections.end(), [&](const auto& connection) {
            return isListener(connection) && connection.localPort != 0 &&
                   std::none_of(signals.begin(), signals.end(), [&](const Endpoint* endpoint) {
                       return endpoint->port && endpoint->port == connection.localPort &&
                              endpoint->address == connection.localAddress;
                   });
        });
    if (signals.empty() || listening) {
        return;
    }
    std::vector<std::string> names;
    std::vector<std::string> commands;
    for (const Endpoint* endpoint : signals) {
        names.push_back(label(*endpoint));
        Endpoint replacement = *endpoint;
        replacement.flags = (endpoint->flags & ~mptcp::kFlagSignal) | mptcp::kFlagSubflow;
        replacement.port = 0;
        commands.push_back("mptcpctl endpoint delete id " + std::to_string(endpoint->id));
        commands.push_back(addCommand(replacement, endpoint->ifindex
                                                       ? snapshot.interfaceName(endpoint->ifindex)
                                                       : std::string()));
    }
    findings.push_back(
        {"signal-without-listener", Severity::Warning,
         capitalized(listing(names)) +
             (signals.size() == 1 ? " is a signal endpoint" : " are signal endpoints") +
             ", but nothing on this machine accepts MPTCP connections.",
         "A signal endpoint is announced to the peers of connections this machine accepts, "
         "inviting them to open subflows towards it. A machine that only connects out gains "
         "nothing from it; its own extra subflows come from subflow endpoints.",
         "Make them subflow endpoints (keep them as they are only if a server here will accept "
         "MPTCP):\n" +
             joinLines(commands),
         std::nullopt});
}

void endpointAddressMissing(const SystemSnapshot& snapshot, std::vector<Finding>& findings) {
    if (snapshot.interfaces.empty()) {
        return; // the interfaces could not be read: nothing to compare with
    }
    for (const Endpoint* endpoint : configured(snapshot)) {
        const AddressState* state = addressFor(snapshot, *endpoint);
        const std::string id = std::to_string(endpoint->id);
        if (!state) {
            findings.push_back(
                {"endpoint-address-missing", Severity::Error,
                 capitalized(label(*endpoint)) + " has an address that no interface of this "
                                                 "machine has.",
                 "The kernel cannot open subflows from an address that is not its own: every "
                 "attempt fails (the kernel counts them as MPJoinSynTxBindErr). The address may "
                 "have changed, for example with a new DHCP lease.",
                 "Remove it (mptcpctl endpoint delete id " + id +
                     ") and add the interface's current address instead.",
                 RemoveEndpointFix{endpoint->id}});
        } else if (state->dadFailed()) {
            findings.push_back(
                {"endpoint-address-missing", Severity::Error,
                 capitalized(label(*endpoint)) + " has an address that failed duplicate address "
                                                 "detection: another machine on the link uses it.",
                 "The kernel does not use an address that failed duplicate address detection, so "
                 "no subflow can start from it.",
                 "Give the interface another address, then replace the endpoint "
                 "(mptcpctl endpoint delete id " +
                     id + ").",
                 RemoveEndpointFix{endpoint->id}});
        } else if (state->tentative()) {
            findings.push_back(
                {"endpoint-address-missing", Severity::Info,
                 capitalized(label(*endpoint)) + " has an address that is still being checked for "
                                                 "duplicates (tentative).",
                 "Until duplicate address detection ends, usually within seconds, the address "
                 "cannot be used for subflows.",
                 "Wait a few seconds and run the diagnosis again.", std::nullopt});
        }
    }
}

void endpointOnOtherInterface(const SystemSnapshot& snapshot, std::vector<Finding>& findings) {
    for (const Endpoint* endpoint : configured(snapshot)) {
        if (!endpoint->ifindex || !snapshot.interfaceByIndex(endpoint->ifindex)) {
            continue;
        }
        auto holders = snapshot.interfacesWith(endpoint->address);
        if (holders.empty() ||
            std::any_of(holders.begin(), holders.end(), [&](const InterfaceState* holder) {
                return holder->index == endpoint->ifindex;
            })) {
            continue;
        }
        const std::string dev = snapshot.interfaceName(endpoint->ifindex);
        const std::string holder = holders.front()->name;
        findings.push_back(
            {"endpoint-address-on-other-interface", Severity::Warning,
             capitalized(label(*endpoint)) + " is bound to " + dev + ", but its address is on " +
                 holder + ".",
             "Subflows from this endpoint leave through " + dev + " with " + holder +
                 "'s address: the network behind " + dev +
                 " usually drops such packets, and the answers arrive on " + holder + ".",
             "Bind it to the interface that has the address:\nmptcpctl endpoint delete id " +
                 std::to_string(endpoint->id) + "\n" + addCommand(*endpoint, holder),
             std::nullopt});
    }
}

void endpointInterfaceDown(const SystemSnapshot& snapshot, std::vector<Finding>& findings) {
    if (snapshot.interfaces.empty()) {
        return;
    }
    for (const Endpoint* endpoint : configured(snapshot)) {
        const InterfaceState* state = endpointInterface(snapshot, *endpoint);
        const std::string why = "No subflow can use this endpoint until its interface is up and "
                                "connected; the kernel skips it meanwhile.";
        if (!state) {
            if (endpoint->ifindex) {
                findings.push_back({"endpoint-interface-down", Severity::Warning,
                                    capitalized(label(*endpoint)) + " names interface " +
                                        snapshot.interfaceName(endpoint->ifindex) +
                                        ", which no longer exists.",
                                    why,
                                    "Remove the endpoint (mptcpctl endpoint delete id " +
                                        std::to_string(endpoint->id) +
                                        ") and add it again with the interface's current name.",
                                    RemoveEndpointFix{endpoint->id}});
            }
            continue;
        }
        if (state->usable()) {
            continue;
        }
        if (!state->administrativelyUp()) {
            findings.push_back(
                {"endpoint-interface-down", Severity::Warning,
                 capitalized(label(*endpoint)) + " is on " + state->name + ", which is down.", why,
                 "Bring it up: ip link set dev " + state->name + " up", std::nullopt});
        } else {
            findings.push_back({"endpoint-interface-down", Severity::Warning,
                                capitalized(label(*endpoint)) + " is on " + state->name +
                                    ", which has no carrier (state " + state->operStateName() +
                                    ").",
                                why,
                                "Connect " + state->name +
                                    " (cable, Wi-Fi association, modem); `ip link show dev " +
                                    state->name + "` shows NO-CARRIER until it is.",
                                std::nullopt});
        }
    }
}

void routeLeavesElsewhere(const SystemSnapshot& snapshot, std::vector<Finding>& findings) {
    for (const Endpoint* endpoint : configured(snapshot)) {
        if (boundToDevice(*endpoint) || !routable(snapshot, *endpoint)) {
            continue;
        }
        const InterfaceState* own = endpointInterface(snapshot, *endpoint);
        const RouteLookup& route = snapshot.routingOf(endpoint->id)->unrestricted;
        if (!route.found || route.interface == own->index) {
            continue;
        }
        const std::string address = endpoint->address.toString();
        const std::string other = snapshot.interfaceName(route.interface);
        findings.push_back(
            {"endpoint-route-leaves-elsewhere", Severity::Warning,
             capitalized(label(*endpoint)) + " has no dev, and traffic from " + address +
                 " leaves through " + other + ", not through " + own->name +
                 " where the address is.",
             "Without dev the kernel routes a subflow from this endpoint like any packet from " +
                 address + ": by the routing table (table " + std::to_string(route.table) +
                 "), which sends it out of " + other +
                 ". Networks drop packets whose source address is not theirs, so the subflow "
                 "fails, or at best shares " +
                 other + " with the first one.",
             "Give " + own->name + " a default route of its own for " + address + ":\n" +
                 defaultRouteFix(snapshot, endpoint->address, own->index),
             std::nullopt});
    }
}

void interfaceWithoutDefaultRoute(const SystemSnapshot& snapshot, std::vector<Finding>& findings) {
    // Per interface, the endpoint addresses that have no way out through it.
    std::map<int32_t, std::vector<const Endpoint*>> stuck;
    for (const Endpoint* endpoint : configured(snapshot)) {
        if (!routable(snapshot, *endpoint)) {
            continue;
        }
        const EndpointRouting& routing = *snapshot.routingOf(endpoint->id);
        const InterfaceState* own = endpointInterface(snapshot, *endpoint);
        // Bound to dev: only routes through it count. Otherwise another
        // interface's route is endpoint-route-leaves-elsewhere's business.
        const bool bad = boundToDevice(*endpoint) ? !routing.restricted.isDefaultVia(own->index)
                                                  : !routing.unrestricted.found;
        if (bad) {
            stuck[own->index].push_back(endpoint);
        }
    }
    for (const auto& [index, endpoints] : stuck) {
        const std::string name = snapshot.interfaceName(index);
        std::vector<std::string> addresses;
        std::vector<std::string> fixes;
        for (const Endpoint* endpoint : endpoints) {
            const std::string address = endpoint->address.toString();
            if (std::find(addresses.begin(), addresses.end(), address) == addresses.end()) {
                addresses.push_back(address);
                fixes.push_back(defaultRouteFix(snapshot, endpoint->address, index));
            }
        }
        findings.push_back(
            {"interface-without-default-route", Severity::Warning,
             "Interface " + name + " has no default route of its own for traffic from " +
                 listing(addresses) + ".",
             "Subflows of endpoints on " + name + " may only leave through " + name +
                 ". Without a default route through it, in a table that `ip rule` reaches from "
                 "the endpoint's address, the kernel reaches only peers on " +
                 name + "'s own network, and subflows to anything beyond fail.",
             "Add one (policy routing, one table per interface):\n" + joinLines(fixes),
             std::nullopt});
    }
}

void strictReversePathFilter(const SystemSnapshot& snapshot, std::vector<Finding>& findings) {
    std::set<int32_t> carrying; // interfaces that carry (or are meant to carry) subflows
    for (const Endpoint* endpoint : configured(snapshot)) {
        if (endpoint->address.family != AF_INET) {
            continue;
        }
        if (const InterfaceState* state = endpointInterface(snapshot, *endpoint)) {
            carrying.insert(state->index);
        }
    }
    for (const auto& connection : snapshot.connections) {
        for (const auto& subflow : connection.subflows) {
            const IpAddress local = unmapped(subflow.localAddress);
            if (local.family != AF_INET) {
                continue;
            }
            for (const InterfaceState* holder : snapshot.interfacesWith(local)) {
                carrying.insert(holder->index);
            }
        }
    }
    for (int32_t index : carrying) {
        const InterfaceState* state = snapshot.interfaceByIndex(index);
        if (!state || state->loopback() || state->rpFilter != 1) {
            continue;
        }
        std::string fix = "Use loose mode on " + state->name + ": sysctl -w " +
                          sysctlPath(state->name, "rp_filter") + "=2";
        if (snapshot.rpFilterAll == 1) {
            fix += "\nand lower the `all` value, which the kernel applies when it is larger "
                   "(other interfaces keep their own setting): sysctl -w "
                   "net.ipv4.conf.all.rp_filter=0";
        }
        findings.push_back(
            {"strict-rp-filter", Severity::Warning,
             "Strict reverse-path filtering is on for " + state->name + " (rp_filter 1).",
             "With rp_filter 1 the kernel drops packets arriving on " + state->name +
                 " when its route back to their sender leaves through another interface. With "
                 "several paths that is common, and subflows on " +
                 state->name + " then never establish or stall.",
             fix, std::nullopt});
    }
}

void addressFamilyMismatch(const SystemSnapshot& snapshot, std::vector<Finding>& findings) {
    std::set<int> endpointFamilies;
    for (const Endpoint* endpoint : configured(snapshot)) {
        endpointFamilies.insert(endpoint->address.family);
    }
    if (endpointFamilies.empty()) {
        return;
    }
    std::map<int, size_t> connectionsByFamily;
    for (const auto& connection : snapshot.connections) {
        if (connection.state == mptcp::kTcpEstablished && !connection.fallback() &&
            toAnotherMachine(connection)) {
            ++connectionsByFamily[unmapped(connection.remoteAddress).family];
        }
    }
    for (const auto& [family, connections] : connectionsByFamily) {
        if (endpointFamilies.count(family)) {
            continue;
        }
        // Suggest this family's addresses of the interfaces that have endpoints.
        std::vector<std::string> commands;
        std::set<int32_t> interfaces;
        for (const Endpoint* endpoint : configured(snapshot)) {
            if (const InterfaceState* state = endpointInterface(snapshot, *endpoint)) {
                interfaces.insert(state->index);
            }
        }
        for (int32_t index : interfaces) {
            const InterfaceState* state = snapshot.interfaceByIndex(index);
            for (const auto& own : state->addresses) {
                if (own.address.family == family && !isLinkLocal(own.address) && !own.dadFailed()) {
                    commands.push_back("mptcpctl endpoint add " + own.address.toString() + " dev " +
                                       state->name + " subflow");
                }
            }
        }
        std::string fix = std::string("Add ") + familyName(family) +
                          " endpoints for the interfaces that should carry subflows";
        fix += commands.empty() ? " (mptcpctl endpoint add ADDRESS dev INTERFACE subflow)."
                                : ":\n" + joinLines(commands);
        const int other = family == AF_INET ? AF_INET6 : AF_INET;
        findings.push_back(
            {"address-family-mismatch", Severity::Warning,
             std::string("The endpoints are all ") + familyName(other) + ", but " +
                 count(connections, "live connection goes", "live connections go") + " to " +
                 familyName(family) + " peers.",
             std::string("A subflow joins a connection in the connection's own address family, "
                         "so ") +
                 familyName(other) + " endpoints cannot add paths to " + familyName(family) +
                 " connections.",
             fix, std::nullopt});
    }
}

void joinFailures(const SystemSnapshot& snapshot, std::vector<Finding>& findings) {
    const uint64_t sent = snapshot.counter("MPJoinSynTx");
    const uint64_t answered = snapshot.counter("MPJoinSynAckRx");
    struct Part {
        uint64_t n;
        std::string words;
        std::string advice;
    };
    std::vector<Part> parts = {
        {snapshot.counter("MPJoinSynTxBindErr"),
         "could not use the endpoint's address (MPJoinSynTxBindErr)",
         "check that every endpoint's address is on this machine"},
        {snapshot.counter("MPJoinSynTxConnectErr"),
         "could not be sent (MPJoinSynTxConnectErr): no route from the endpoint's address",
         "give each interface a default route of its own"},
        {snapshot.counter("MPJoinSynTxCreatSkErr"),
         "could not get a socket (MPJoinSynTxCreatSkErr)", "check memory and socket limits"},
        {sent > answered ? sent - answered : 0,
         "of the " + std::to_string(sent) +
             " sent got no answer (MPJoinSynTx, MPJoinSynAckRx): the peer refused them (nothing "
             "listens on that address and port) or a firewall dropped them",
         "check that the peer accepts subflows on the addresses it announces and that no "
         "firewall drops TCP SYNs with the MP_JOIN option"},
        {snapshot.counter("MPJoinSynAckHMacFailure"),
         "got an answer that failed authentication (MPJoinSynAckHMacFailure): something on "
         "the path alters MPTCP options",
         "try another network, or a tunnel around the middlebox"},
        {snapshot.counter("MPJoinAckHMacFailure"),
         "from peers failed authentication (MPJoinAckHMacFailure)",
         "try another network, or a tunnel around the middlebox"},
        {snapshot.counter("MPJoinRejected"),
         "from peers were refused here (MPJoinRejected): this machine's subflows limit was "
         "reached",
         "raise the subflows limit (mptcpctl limits set subflows N)"},
        {snapshot.counter("MPJoinNoTokenFound"),
         "from peers named a connection unknown here (MPJoinNoTokenFound): often a load "
         "balancer that sends subflows to another server",
         "on a server farm, route every subflow of a connection to the same server"},
    };
    uint64_t total = 0;
    std::vector<std::string> words;
    std::vector<std::string> advice;
    for (const Part& part : parts) {
        if (part.n == 0) {
            continue;
        }
        total += part.n;
        words.push_back(std::to_string(part.n) + " " + part.words);
        if (std::find(advice.begin(), advice.end(), part.advice) == advice.end()) {
            advice.push_back(part.advice);
        }
    }
    if (total == 0) {
        return;
    }
    const uint64_t resets = snapshot.counter("MPRstRx");
    std::string why = "The kernel's counters (nstat -az 'MPJoin*') say that of the attempts to "
                      "add a subflow, " +
                      listing(words) + ".";
    if (resets > 0) {
        why += " Peers also reset " + count(resets, "subflow", "subflows") + " (MPRstRx).";
    }
    why += " Connections then keep fewer paths than configured.";
    findings.push_back(
        {"join-failures", Severity::Warning,
         count(total, "attempt", "attempts") + " to add a subflow failed " +
             (snapshot.counterBaseline.empty() ? "since the system (or this network namespace) "
                                                 "started."
                                               : "since the counters were last noted."),
         why, capitalized(listing(advice)) + ".", std::nullopt});
}

void fallbackToTcp(const SystemSnapshot& snapshot, std::vector<Finding>& findings) {
    std::map<std::string, size_t> outgoing; // by peer address
    size_t incoming = 0;
    for (const auto& connection : snapshot.connections) {
        // Closing connections linger a while; only live ones matter.
        if (connection.state != mptcp::kTcpEstablished || !connection.fallback() ||
            !toAnotherMachine(connection)) {
            continue;
        }
        const bool accepted = std::any_of(
            snapshot.connections.begin(), snapshot.connections.end(), [&](const auto& listener) {
                return isListener(listener) && listener.localPort == connection.localPort &&
                       (listener.localAddress.isUnspecified() ||
                        listener.localAddress == connection.localAddress);
            });
        if (accepted) {
            ++incoming;
        } else {
            ++outgoing[connection.remoteAddress.toString()];
        }
    }
    if (!outgoing.empty()) {
        size_t total = 0;
        std::vector<std::string> peers;
        for (const auto& [peer, n] : outgoing) {
            total += n;
            peers.push_back(peer);
        }
        findings.push_back(
            {"fallback-to-tcp", Severity::Warning,
             count(total, "connection", "connections") + " to " + listing(peers) +
                 " fell back to plain TCP.",
             "The peer, or a firewall or NAT on the way, did not accept MPTCP, so these "
             "connections use one path only, whatever the endpoints.",
             "Nothing to change here if the server does not offer MPTCP (most do not yet). If "
             "connections to a server known to speak MPTCP fall back too, something on this "
             "network strips TCP options: try another network or a tunnel.",
             std::nullopt});
    }
    if (incoming > 0) {
        findings.push_back({"fallback-to-tcp", Severity::Info,
                            count(incoming, "accepted connection", "accepted connections") +
                                " fell back to plain TCP: those clients do not speak MPTCP.",
                            "A listener here accepts MPTCP and plain TCP alike; clients without "
                            "MPTCP get one path.",
                            "Nothing to do: MPTCP is used whenever a client supports it.",
                            std::nullopt});
    }
}

void incompleteDiagnosis(const SystemSnapshot& snapshot, std::vector<Finding>& findings) {
    if (snapshot.gaps.empty()) {
        return;
    }
    findings.push_back({"incomplete-diagnosis", Severity::Info,
                        "Part of the system could not be examined, so some checks were skipped.",
                        capitalized(listing(snapshot.gaps)) + ".",
                        "Run the diagnosis through the helper (mptcpctl doctor, without --direct) "
                        "or as root.",
                        std::nullopt});
}

constexpr Check kChecks[] = {
    {"mptcp-missing", mptcpMissing},
    {"mptcp-disabled", mptcpDisabled},
    {"userspace-pm-with-endpoints", userspacePathManager},
    {"other-manager", otherManager},
    {"subflows-limit-too-low", subflowsLimit},
    {"add-addr-accepted-zero", addAddrAccepted},
    {"signal-without-listener", signalWithoutListener},
    {"endpoint-address-missing", endpointAddressMissing},
    {"endpoint-address-on-other-interface", endpointOnOtherInterface},
    {"endpoint-interface-down", endpointInterfaceDown},
    {"endpoint-route-leaves-elsewhere", routeLeavesElsewhere},
    {"interface-without-default-route", interfaceWithoutDefaultRoute},
    {"strict-rp-filter", strictReversePathFilter},
    {"address-family-mismatch", addressFamilyMismatch},
    {"join-failures", joinFailures},
    {"fallback-to-tcp", fallbackToTcp},
    {"incomplete-diagnosis", incompleteDiagnosis},
};

} // namespace

std::span<const Check> allChecks() {
    return kChecks;
}

std::vector<Finding> runChecks(const SystemSnapshot& snapshot) {
    std::vector<Finding> findings;
    if (!snapshot.mptcpAvailable) {
        mptcpMissing(snapshot, findings);
        return findings;
    }
    for (const Check& check : kChecks) {
        check.run(snapshot, findings);
    }
    return findings;
}

std::vector<Finding> diagnose() {
    return runChecks(takeSnapshot());
}

std::string defaultRouteFix(const SystemSnapshot& snapshot, const IpAddress& address,
                            int32_t interface) {
    const bool v6 = address.family == AF_INET6;
    const std::string ip = v6 ? "ip -6" : "ip";
    const std::string source = address.toString();
    const InterfaceState* state = snapshot.interfaceByIndex(interface);
    const std::string name = snapshot.interfaceName(interface);

    // A rule that already sends this address's traffic to a table of its own.
    const Rule* rule = nullptr;
    for (const Rule& candidate : snapshot.rules) {
        if (candidate.family == address.family && candidate.action == FR_ACT_TO_TBL &&
            !candidate.narrowed && candidate.sourceLength > 0 &&
            prefixContains(candidate.source, candidate.sourceLength, address) &&
            !isStandardTable(candidate.table)) {
            rule = &candidate;
            break;
        }
    }
    // A default route through the interface somewhere: its gateway is the
    // one to use; in a table of its own, only a rule is missing.
    IpAddress gateway;
    std::optional<uint32_t> ownTable;
    for (const Route& route : snapshot.defaultRoutes) {
        if (route.family != address.family) {
            continue;
        }
        for (const Nexthop& hop : route.nexthops) {
            if (hop.interface != interface) {
                continue;
            }
            if (hop.gateway.isSet() && (!gateway.isSet() || (rule && route.table == rule->table))) {
                gateway = hop.gateway;
            }
            if (!isStandardTable(route.table) && !ownTable) {
                ownTable = route.table;
            }
        }
    }
    std::string via;
    bool placeholder = false;
    if (gateway.isSet()) {
        via = "via " + gateway.toString() + " ";
    } else if (!(state && state->pointToPoint())) {
        via = "via GATEWAY ";
        placeholder = true;
    }
    std::vector<std::string> lines;
    if (rule) {
        lines.push_back(ip + " route replace default " + via + "dev " + name + " table " +
                        std::to_string(rule->table));
    } else if (ownTable && gateway.isSet()) {
        lines.push_back(ip + " rule add from " + source + " table " + std::to_string(*ownTable));
    } else {
        uint32_t table = 100 + static_cast<uint32_t>(std::max(interface, 0));
        while (std::find(snapshot.tablesInUse.begin(), snapshot.tablesInUse.end(), table) !=
                   snapshot.tablesInUse.end() ||
               isStandardTable(table)) {
            ++table;
        }
        lines.push_back(ip + " rule add from " + source + " table " + std::to_string(table));
        lines.push_back(ip + " route add default " + via + "dev " + name + " table " +
                        std::to_string(table));
    }
    if (placeholder) {
        lines.push_back("(GATEWAY: the router on " + name + "'s network, as `ip route show dev " +
                        name + "` or the DHCP lease shows it)");
    }
    return joinLines(lines);
}

} // namespace doctor
