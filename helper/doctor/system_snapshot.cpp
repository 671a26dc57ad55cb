#include "system_snapshot.h"

#include "genl_family.h"
#include "netlink_socket.h"
#include "sysctl.h"

#include <dirent.h>
#include <fcntl.h>
#include <linux/if_addr.h>
#include <linux/if_link.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <net/if.h>
#include <netinet/in.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstring>
#include <set>
#include <sstream>

namespace doctor {

namespace {

using mptcp::IpAddress;

// From <linux/if.h>, which cannot be included together with <net/if.h>.
constexpr uint32_t kIffLowerUp = 1u << 16;
enum OperState : uint8_t {
    kOperUnknown,
    kOperNotPresent,
    kOperDown,
    kOperLowerLayerDown,
    kOperTesting,
    kOperDormant,
    kOperUp,
};

// procfs files claim a size of 0: read until the end. O_NONBLOCK so a FIFO
// planted under a test root cannot hang us.
std::optional<std::string> readFile(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        return std::nullopt;
    }
    std::string text;
    char buffer[4096];
    for (;;) {
        ssize_t length = ::read(fd, buffer, sizeof(buffer));
        if (length < 0) {
            ::close(fd);
            return std::nullopt;
        }
        if (length == 0) {
            break;
        }
        text.append(buffer, static_cast<size_t>(length));
        if (text.size() > (1u << 20)) {
            break; // no file we read is this large
        }
    }
    ::close(fd);
    return text;
}

std::optional<int> readInteger(const std::string& path) {
    auto text = readFile(path);
    if (!text) {
        return std::nullopt;
    }
    int value = 0;
    const char* begin = text->data();
    while (begin < text->data() + text->size() &&
           std::isspace(static_cast<unsigned char>(*begin))) {
        ++begin;
    }
    auto [end, error] = std::from_chars(begin, text->data() + text->size(), value);
    if (error != std::errc()) {
        return std::nullopt;
    }
    return value;
}

bool isPlainName(const std::string& name) {
    return !name.empty() && name != "." && name != ".." && name.find('/') == std::string::npos;
}

// Effective rp_filter: the kernel uses the larger of `all` and the interface's.
int effectiveRpFilter(const std::string& procRoot, const std::string& interface) {
    if (!isPlainName(interface)) {
        return -1;
    }
    const std::string base = procRoot + "/sys/net/ipv4/conf/";
    auto all = readInteger(base + "all/rp_filter");
    auto own = readInteger(base + interface + "/rp_filter");
    if (!all || !own) {
        return -1;
    }
    return std::max(*all, *own);
}

void gatherInterfaces(Rtnetlink& rtnl, const SnapshotOptions& options, SystemSnapshot& snapshot) {
    auto links = rtnl.links();
    if (!links) {
        snapshot.gaps.push_back("the interfaces could not be listed: " + links.error().describe());
        return;
    }
    snapshot.rpFilterAll =
        readInteger(options.procRoot + "/sys/net/ipv4/conf/all/rp_filter").value_or(-1);
    for (const Link& link : *links) {
        InterfaceState state;
        state.index = link.index;
        state.name = link.name;
        state.flags = link.flags;
        state.operState = link.operState;
        // Older kernels have no IFLA_CARRIER; IFF_LOWER_UP says the same.
        state.carrier = link.carrier.value_or((link.flags & kIffLowerUp) != 0);
        state.rpFilter = effectiveRpFilter(options.procRoot, link.name);
        snapshot.interfaces.push_back(std::move(state));
    }
    auto addresses = rtnl.addresses();
    if (!addresses) {
        snapshot.gaps.push_back("the addresses could not be listed: " +
                                addresses.error().describe());
        return;
    }
    for (const Address& address : *addresses) {
        auto found = std::find_if(
            snapshot.interfaces.begin(), snapshot.interfaces.end(),
            [&](const InterfaceState& state) { return state.index == address.interface; });
        if (found != snapshot.interfaces.end()) {
            found->addresses.push_back({address.address, address.prefixLength, address.flags});
        }
    }
}

void gatherRoutes(Rtnetlink& rtnl, SystemSnapshot& snapshot) {
    std::set<uint32_t> tables;
    for (int family : {AF_INET, AF_INET6}) {
        auto routes = rtnl.routes(family);
        if (!routes) {
            snapshot.gaps.push_back("the routing tables could not be read: " +
                                    routes.error().describe());
            continue;
        }
        for (Route& route : *routes) {
            tables.insert(route.table);
            if (route.prefixLength == 0 && route.type == RTN_UNICAST) {
                snapshot.defaultRoutes.push_back(std::move(route));
            }
        }
        auto rules = rtnl.rules(family);
        if (!rules) {
            snapshot.gaps.push_back("the routing rules could not be read: " +
                                    rules.error().describe());
            continue;
        }
        for (Rule& rule : *rules) {
            tables.insert(rule.table);
            snapshot.rules.push_back(std::move(rule));
        }
    }
    snapshot.tablesInUse.assign(tables.begin(), tables.end());
}

RouteLookup lookUp(Rtnetlink& rtnl, const IpAddress& source, const IpAddress& probe,
                   int32_t interface) {
    RouteLookup lookup;
    lookup.source = source;
    lookup.restrictedTo = interface;
    auto route = rtnl.lookup(source, probe, interface);
    if (!route) {
        lookup.error = route.error().code();
        return lookup;
    }
    lookup.found = true;
    lookup.table = route->table;
    lookup.prefixLength = route->prefixLength;
    // A multipath route: the nexthop through the interface asked for, if any.
    auto hop = route->nexthops.begin();
    if (interface > 0) {
        hop = std::find_if(route->nexthops.begin(), route->nexthops.end(),
                           [&](const Nexthop& nexthop) { return nexthop.interface == interface; });
        if (hop == route->nexthops.end()) {
            hop = route->nexthops.begin();
        }
    }
    if (hop != route->nexthops.end()) {
        lookup.interface = hop->interface;
        lookup.gateway = hop->gateway;
    }
    return lookup;
}

void gatherEndpointRouting(Rtnetlink& rtnl, const SnapshotOptions& options,
                           SystemSnapshot& snapshot) {
    for (const mptcp::Endpoint& endpoint : snapshot.endpoints) {
        auto holders = snapshot.interfacesWith(endpoint.address);
        if (holders.empty()) {
            continue; // a missing address has no route to look at
        }
        EndpointRouting routing;
        routing.endpointId = endpoint.id;
        routing.interface = endpoint.ifindex ? endpoint.ifindex : holders.front()->index;
        const IpAddress& probe =
            endpoint.address.family == AF_INET6 ? options.probe6 : options.probe4;
        routing.unrestricted = lookUp(rtnl, endpoint.address, probe, 0);
        routing.restricted = lookUp(rtnl, endpoint.address, probe, routing.interface);
        snapshot.routing.push_back(routing);
    }
}

void gatherPathManager(const SnapshotOptions& options, SystemSnapshot& snapshot) {
    auto socket = mptcp::NetlinkSocket::open(NETLINK_GENERIC);
    if (!socket) {
        snapshot.gaps.push_back("generic netlink could not be opened: " +
                                socket.error().describe());
        return;
    }
    auto family = mptcp::resolveGenlFamily(*socket, options.pathManagerFamily.c_str());
    if (!family) {
        const mptcp::Error& error = family.error();
        snapshot.mptcpUnavailableReason = !error.kernelMessage().empty() ? error.kernelMessage()
                                          : error.code() ? std::strerror(error.code())
                                                         : error.advice();
        return;
    }
    snapshot.mptcpAvailable = true;
    auto manager = mptcp::PathManager::open();
    if (!manager) {
        snapshot.gaps.push_back("the path manager could not be opened: " +
                                manager.error().describe());
        return;
    }
    if (auto endpoints = manager->endpoints()) {
        snapshot.endpoints = std::move(endpoints).value();
    } else {
        snapshot.gaps.push_back("the endpoints could not be read: " + endpoints.error().describe());
    }
    if (auto limits = manager->limits()) {
        snapshot.limits = *limits;
    } else {
        snapshot.gaps.push_back("the limits could not be read: " + limits.error().describe());
    }
}

} // namespace

// --- snapshot accessors ----------------------------------------------------

bool AddressState::tentative() const {
    return flags & IFA_F_TENTATIVE;
}
bool AddressState::dadFailed() const {
    return flags & IFA_F_DADFAILED;
}
bool AddressState::deprecated() const {
    return flags & IFA_F_DEPRECATED;
}

bool InterfaceState::administrativelyUp() const {
    return flags & IFF_UP;
}
bool InterfaceState::loopback() const {
    return flags & IFF_LOOPBACK;
}
bool InterfaceState::pointToPoint() const {
    return flags & (IFF_POINTOPOINT | IFF_NOARP);
}

bool InterfaceState::usable() const {
    if (!administrativelyUp() || !carrier) {
        return false;
    }
    // "unknown" is what drivers without operational state report: usable.
    return operState != kOperDown && operState != kOperLowerLayerDown &&
           operState != kOperNotPresent && operState != kOperDormant;
}

std::string InterfaceState::operStateName() const {
    static constexpr const char* kNames[] = {"unknown", "notpresent", "down", "lowerlayerdown",
                                             "testing", "dormant",    "up"};
    return operState < std::size(kNames) ? kNames[operState] : "state " + std::to_string(operState);
}

const InterfaceState* SystemSnapshot::interfaceByIndex(int32_t index) const {
    for (const auto& state : interfaces) {
        if (state.index == index) {
            return &state;
        }
    }
    return nullptr;
}

std::vector<const InterfaceState*> SystemSnapshot::interfacesWith(const IpAddress& address) const {
    std::vector<const InterfaceState*> holders;
    for (const auto& state : interfaces) {
        for (const auto& own : state.addresses) {
            if (own.address == address) {
                holders.push_back(&state);
                break;
            }
        }
    }
    return holders;
}

const AddressState* SystemSnapshot::addressState(const IpAddress& address) const {
    for (const auto& state : interfaces) {
        for (const auto& own : state.addresses) {
            if (own.address == address) {
                return &own;
            }
        }
    }
    return nullptr;
}

const EndpointRouting* SystemSnapshot::routingOf(uint8_t endpointId) const {
    for (const auto& entry : routing) {
        if (entry.endpointId == endpointId) {
            return &entry;
        }
    }
    return nullptr;
}

std::string SystemSnapshot::interfaceName(int32_t index) const {
    if (const InterfaceState* state = interfaceByIndex(index)) {
        return state->name;
    }
    return "if" + std::to_string(index);
}

std::string SystemSnapshot::sysctl(const std::string& name) const {
    auto found = sysctls.find(name);
    return found != sysctls.end() ? found->second : std::string();
}

uint64_t SystemSnapshot::counter(const std::string& name) const {
    auto found = mptcpCounters.find(name);
    if (found == mptcpCounters.end()) {
        return 0;
    }
    auto base = counterBaseline.find(name);
    const uint64_t baseline = base != counterBaseline.end() ? base->second : 0;
    return found->second > baseline ? found->second - baseline : 0;
}

// --- parsers ---------------------------------------------------------------

std::map<std::string, std::map<std::string, uint64_t>> parseNetstat(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream stream(text);
    for (std::string line; std::getline(stream, line);) {
        lines.push_back(std::move(line));
    }
    auto prefixOf = [](const std::string& line) { return line.substr(0, line.find(' ')); };
    std::map<std::string, std::map<std::string, uint64_t>> tables;
    size_t index = 0;
    while (index + 1 < lines.size()) {
        const std::string prefix = prefixOf(lines[index]);
        if (prefix.size() < 2 || prefix.back() != ':' || prefixOf(lines[index + 1]) != prefix) {
            ++index; // out of step: try the next line as a header
            continue;
        }
        auto& table = tables[prefix.substr(0, prefix.size() - 1)];
        std::istringstream names(lines[index].substr(prefix.size()));
        std::istringstream numbers(lines[index + 1].substr(prefix.size()));
        std::string name;
        std::string number;
        while (names >> name && numbers >> number) {
            uint64_t value = 0;
            const char* end = number.data() + number.size();
            auto [stop, error] = std::from_chars(number.data(), end, value);
            if (error == std::errc() && stop == end) {
                table[name] = value;
            }
        }
        index += 2;
    }
    return tables;
}

std::vector<std::string> runningPrograms(const std::string& processRoot,
                                         const std::vector<std::string>& names) {
    std::set<std::string> found;
    DIR* directory = opendir(processRoot.c_str());
    if (!directory) {
        return {};
    }
    while (const dirent* entry = readdir(directory)) {
        const std::string pid = entry->d_name;
        if (pid.empty() || !std::all_of(pid.begin(), pid.end(), [](char c) {
                return std::isdigit(static_cast<unsigned char>(c));
            })) {
            continue;
        }
        auto comm = readFile(processRoot + "/" + pid + "/comm");
        if (!comm) {
            continue; // it exited meanwhile
        }
        while (!comm->empty() && (comm->back() == '\n' || comm->back() == ' ')) {
            comm->pop_back();
        }
        if (std::find(names.begin(), names.end(), *comm) != names.end()) {
            found.insert(*comm);
        }
    }
    closedir(directory);
    return {found.begin(), found.end()};
}

// --- taking it -------------------------------------------------------------

SystemSnapshot takeSnapshot(const SnapshotOptions& options) {
    SystemSnapshot snapshot;
    gatherPathManager(options, snapshot);

    if (auto values = mptcp::readMptcpSysctls(options.procRoot + "/sys/net/mptcp")) {
        snapshot.sysctls = std::move(values).value();
    } else if (snapshot.mptcpAvailable) {
        snapshot.gaps.push_back("the net.mptcp settings could not be read: " +
                                values.error().describe());
    }

    if (auto rtnl = Rtnetlink::open()) {
        gatherInterfaces(*rtnl, options, snapshot);
        gatherRoutes(*rtnl, snapshot);
        gatherEndpointRouting(*rtnl, options, snapshot);
    } else {
        snapshot.gaps.push_back("rtnetlink could not be opened: " + rtnl.error().describe());
    }

    if (auto netstat = readFile(options.procRoot + "/net/netstat")) {
        auto tables = parseNetstat(*netstat);
        snapshot.mptcpCounters = std::move(tables["MPTcpExt"]);
    } else if (snapshot.mptcpAvailable) {
        snapshot.gaps.push_back("the kernel's MPTCP counters (" + options.procRoot +
                                "/net/netstat) could not be read");
    }

    if (snapshot.mptcpAvailable) {
        mptcp::ConnectionQuery query;
        query.includeListeners = true;
        if (auto connections = mptcp::listConnections(query)) {
            snapshot.connections = std::move(connections).value();
            snapshot.connectionsKnown = true;
        } else {
            snapshot.gaps.push_back("the live connections could not be listed: " +
                                    connections.error().describe());
        }
    }

    snapshot.otherManagers = runningPrograms(options.processRoot, {"mptcpd", "NetworkManager"});
    return snapshot;
}

} // namespace doctor
