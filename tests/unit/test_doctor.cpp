// The doctor against the real kernel. Each test builds exactly one fault in a
// fresh network namespace (peers live in a second, named one), sees the
// finding appear, fixes the fault (with the finding's own fix or action where
// it has one) and sees the finding go. The clean two-path setup at the end
// gives no warning at all while a connection really uses both paths.
#include "checks.h"
#include "connections.h"
#include "namespace_fixture.h"
#include "path_manager.h"
#include "sysctl.h"
#include "system_snapshot.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <net/if.h>
#include <netinet/in.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <thread>

namespace {

using namespace doctor;
using std::chrono::milliseconds;

bool eventually(const std::function<bool()>& condition, milliseconds timeout = milliseconds(8000)) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!condition()) {
        if (std::chrono::steady_clock::now() > deadline) {
            return false;
        }
        std::this_thread::sleep_for(milliseconds(50));
    }
    return true;
}

std::string describe(const std::vector<Finding>& findings) {
    std::string text;
    for (const auto& finding : findings) {
        text += "\n  [" + std::string(severityName(finding.severity)) + "] " + finding.id + ": " +
                finding.summary + "\n    fix: " + finding.fix;
    }
    return text.empty() ? " (none)" : text;
}

sockaddr_in socketAddress(const char* address, uint16_t port) {
    sockaddr_in result{};
    result.sin_family = AF_INET;
    result.sin_port = htons(port);
    inet_pton(AF_INET, address, &result.sin_addr);
    return result;
}

// An owned file descriptor.
class Socket {
public:
    explicit Socket(int fd = -1) : fd_(fd) {}
    Socket(Socket&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
    Socket& operator=(Socket&& other) noexcept {
        std::swap(fd_, other.fd_);
        return *this;
    }
    ~Socket() { reset(); }
    void reset() {
        if (fd_ >= 0) {
            close(fd_);
        }
        fd_ = -1;
    }
    int fd() const { return fd_; }

private:
    int fd_;
};

Socket listenOn(const char* address, uint16_t port, int protocol) {
    Socket listener(socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, protocol));
    int on = 1;
    setsockopt(listener.fd(), SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on));
    sockaddr_in where = socketAddress(address, port);
    EXPECT_EQ(bind(listener.fd(), reinterpret_cast<sockaddr*>(&where), sizeof(where)), 0)
        << std::strerror(errno);
    EXPECT_EQ(listen(listener.fd(), 16), 0);
    return listener;
}

// Connects and sends a little, so the connection is fully established.
Socket connectTo(const char* address, uint16_t port, int protocol) {
    Socket client(socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, protocol));
    sockaddr_in where = socketAddress(address, port);
    EXPECT_EQ(connect(client.fd(), reinterpret_cast<sockaddr*>(&where), sizeof(where)), 0)
        << "connect to " << address << ":" << port << ": " << std::strerror(errno);
    EXPECT_EQ(send(client.fd(), "hello", 5, MSG_NOSIGNAL), 5);
    return client;
}

// A server in a forked child, in network namespace `netns` (made by `ip netns
// add`; empty: this one). It accepts everything and reads until killed.
class Server {
public:
    Server(const std::string& netns, const char* address, uint16_t port, int protocol) {
        int ready[2];
        if (pipe2(ready, O_CLOEXEC) < 0) {
            ADD_FAILURE() << "pipe2: " << std::strerror(errno);
            return;
        }
        pid_ = fork();
        if (pid_ == 0) {
            close(ready[0]);
            serve(netns, address, port, protocol, ready[1]);
        }
        close(ready[1]);
        char byte = 0;
        if (pid_ < 0 || read(ready[0], &byte, 1) != 1) {
            ADD_FAILURE() << "the server for " << address << ":" << port << " did not start";
            stop();
        }
        close(ready[0]);
    }
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;
    ~Server() { stop(); }

    void stop() {
        if (pid_ > 0) {
            kill(pid_, SIGKILL);
            waitpid(pid_, nullptr, 0);
        }
        pid_ = -1;
    }

private:
    [[noreturn]] static void serve(const std::string& netns, const char* address, uint16_t port,
                                   int protocol, int ready) {
        if (!netns.empty()) {
            int fd = open(("/run/netns/" + netns).c_str(), O_RDONLY | O_CLOEXEC);
            if (fd < 0 || setns(fd, CLONE_NEWNET) < 0) {
                _exit(1);
            }
        }
        int listener = socket(AF_INET, SOCK_STREAM, protocol);
        int on = 1;
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on));
        sockaddr_in where = socketAddress(address, port);
        if (bind(listener, reinterpret_cast<sockaddr*>(&where), sizeof(where)) < 0 ||
            listen(listener, 16) < 0 || write(ready, "r", 1) != 1) {
            _exit(2);
        }
        pollfd fds[64] = {{listener, POLLIN, 0}};
        nfds_t count = 1;
        char buffer[65536];
        for (;;) {
            if (poll(fds, count, -1) < 0) {
                continue;
            }
            for (nfds_t i = 1; i < count; ++i) {
                if (fds[i].fd >= 0 && (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) &&
                    read(fds[i].fd, buffer, sizeof(buffer)) <= 0) {
                    fds[i].fd = -1; // kept open: the peer closes first
                }
            }
            if ((fds[0].revents & POLLIN) && count < 64) {
                int accepted = accept(listener, nullptr, nullptr);
                if (accepted >= 0) {
                    fds[count++] = {accepted, POLLIN, 0};
                }
            }
        }
    }

    pid_t pid_ = -1;
};

// A copy of /bin/sleep under another name: to the doctor, a running program
// of that name (it reads /proc/PID/comm, which is the file's name).
class FakeProgram {
public:
    explicit FakeProgram(const std::string& name) {
        char pattern[] = "/tmp/doctor-fakeXXXXXX";
        if (!mkdtemp(pattern)) {
            ADD_FAILURE() << "mkdtemp: " << std::strerror(errno);
            return;
        }
        directory_ = pattern;
        const std::string path = directory_ + "/" + name;
        std::filesystem::copy_file("/bin/sleep", path);
        std::filesystem::permissions(path, std::filesystem::perms::owner_all);
        pid_ = fork();
        if (pid_ == 0) {
            execl(path.c_str(), name.c_str(), "120", static_cast<char*>(nullptr));
            _exit(127);
        }
        const std::string comm = "/proc/" + std::to_string(pid_) + "/comm";
        EXPECT_TRUE(eventually([&] {
            std::ifstream file(comm);
            std::string text;
            std::getline(file, text);
            return text == name;
        })) << name
            << " did not start";
    }
    ~FakeProgram() {
        if (pid_ > 0) {
            kill(pid_, SIGKILL);
            waitpid(pid_, nullptr, 0);
        }
        if (!directory_.empty()) {
            std::filesystem::remove_all(directory_);
        }
    }

private:
    std::string directory_;
    pid_t pid_ = -1;
};

class DoctorTest : public testing_support::FreshNetworkNamespace {
protected:
    void SetUp() override {
        FreshNetworkNamespace::SetUp();
        if (HasFatalFailure()) {
            return;
        }
        auto opened = mptcp::PathManager::open();
        ASSERT_TRUE(opened) << opened.error().describe();
        pm_.emplace(std::move(opened).value());
        // Running programs are seen machine-wide, not per namespace: other
        // tests of this suite run fake managers meanwhile (ctest -j), and a
        // real NetworkManager here is no fault of any setup. Only the
        // other-manager tests look at the real /proc.
        char empty[] = "/tmp/doctor-noprocXXXXXX";
        ASSERT_NE(mkdtemp(empty), nullptr) << std::strerror(errno);
        noProcesses_ = empty;
        options_.processRoot = noProcesses_;
    }

    void TearDown() override {
        servers_.clear();
        if (!peer_.empty()) {
            shell("ip netns del " + peer_, true);
        }
        if (!noProcesses_.empty()) {
            std::filesystem::remove_all(noProcesses_);
        }
    }

    std::vector<Finding> diagnose() {
        SystemSnapshot snapshot = takeSnapshot(options_);
        snapshot.counterBaseline = baseline_;
        return runChecks(snapshot);
    }

    std::vector<Finding> withId(const std::string& id) {
        std::vector<Finding> found;
        for (auto& finding : diagnose()) {
            if (finding.id == id) {
                found.push_back(std::move(finding));
            }
        }
        return found;
    }

    // The one finding with this id; fails the test (with every finding) otherwise.
    Finding expectOne(const std::string& id) {
        auto all = diagnose();
        std::vector<Finding> found;
        std::copy_if(all.begin(), all.end(), std::back_inserter(found),
                     [&](const Finding& finding) { return finding.id == id; });
        EXPECT_EQ(found.size(), 1u) << "findings:" << describe(all);
        return found.empty() ? Finding{} : found.front();
    }

    void expectGone(const std::string& id) {
        bool gone = eventually([&] { return withId(id).empty(); });
        EXPECT_TRUE(gone) << id << " is still reported:" << describe(diagnose());
    }

    // A veth pair NAME <-> NAMEp inside this namespace, both up, NAME with
    // `address` (IPv4, /24). The peer end gives NAME its carrier.
    void link(const std::string& name, const std::string& address = {}) {
        shell("ip link add " + name + " type veth peer name " + name + "p");
        if (!address.empty()) {
            shell("ip addr add " + address + "/24 dev " + name);
        }
        shell("ip link set " + name + "p up && ip link set " + name + " up");
        waitForState(name, "UP");
    }

    // A named namespace for peers, deleted in TearDown.
    const std::string& peer() {
        if (peer_.empty()) {
            peer_ = "doctor-peer-" + std::to_string(getpid());
            shell("ip netns add " + peer_);
            shell("ip -n " + peer_ + " link set lo up");
        }
        return peer_;
    }

    // LOCAL (here, with localAddress/24) <-> REMOTE (in the peer namespace).
    void linkToPeer(const std::string& local, const std::string& localAddress,
                    const std::string& remote, const std::string& remoteAddress) {
        const std::string& ns = peer();
        shell("ip link add " + local + " type veth peer name " + remote + " netns " + ns);
        shell("ip addr add " + localAddress + "/24 dev " + local);
        shell("ip -n " + ns + " addr add " + remoteAddress + "/24 dev " + remote);
        shell("ip -n " + ns + " link set " + remote + " up && ip link set " + local + " up");
        waitForState(local, "UP");
    }

    void waitForState(const std::string& name, const std::string& state) {
        EXPECT_TRUE(eventually([&] {
            return shell("ip -o link show dev " + name).find(" state " + state + " ") !=
                   std::string::npos;
        })) << name
            << " never reached state " << state << ": " << shell("ip -o link show dev " + name);
    }

    // What the helper does when a person presses the finding's fix button.
    void apply(const std::optional<FixAction>& action) {
        ASSERT_TRUE(action) << "the finding offers no action";
        mptcp::Status done = std::visit(
            Overloaded{
                [](const SetSysctlFix& fix) {
                    return mptcp::writeMptcpSysctl(fix.name, fix.value);
                },
                [this](const SetLimitsFix& fix) {
                    return pm_->setLimits(fix.subflows, fix.addAddrAccepted);
                },
                [this](const RemoveEndpointFix& fix) { return pm_->removeEndpoint(fix.id); },
                [this](const SetEndpointFlagsFix& fix) {
                    return pm_->changeEndpoint({fix.id, {}, 0}, fix.flags);
                },
            },
            *action);
        ASSERT_TRUE(done) << done.error().describe();
    }

    // Runs the command lines of a fix that start with `ip `, GATEWAY replaced.
    void runIpLines(const std::string& fix, const std::string& gateway = {}) {
        std::istringstream lines(fix);
        int ran = 0;
        for (std::string line; std::getline(lines, line);) {
            if (line.rfind("ip ", 0) != 0) {
                continue;
            }
            if (auto at = line.find("GATEWAY"); at != std::string::npos) {
                ASSERT_FALSE(gateway.empty()) << "the fix needs a gateway: " << line;
                line.replace(at, 7, gateway);
            }
            shell(line);
            ++ran;
        }
        EXPECT_GT(ran, 0) << "no ip command in the fix:\n" << fix;
    }

    uint64_t counter(const char* name) { return takeSnapshot(options_).mptcpCounters[name]; }

    // An MPTCP connection with at least `count` established subflows?
    static bool hasSubflows(size_t count) {
        auto connections = mptcp::listConnections();
        if (!connections) {
            return false;
        }
        for (const auto& connection : *connections) {
            size_t established =
                std::count_if(connection.subflows.begin(), connection.subflows.end(),
                              [](const mptcp::Subflow& subflow) {
                                  return subflow.state == mptcp::kTcpEstablished;
                              });
            if (connection.state == mptcp::kTcpEstablished && established >= count) {
                return true;
            }
        }
        return false;
    }

    Server& serveInPeer(const char* address, uint16_t port) {
        servers_.push_back(std::make_unique<Server>(peer(), address, port, IPPROTO_MPTCP));
        return *servers_.back();
    }

    std::optional<mptcp::PathManager> pm_;
    SnapshotOptions options_;
    std::map<std::string, uint64_t> baseline_;
    std::string peer_;
    std::string noProcesses_;
    std::vector<std::unique_ptr<Server>> servers_;
};

// --- the kernel and the path manager ----------------------------------------

TEST_F(DoctorTest, MptcpMissing) {
    // MPTCP is built into this kernel (CONFIG_MPTCP cannot be a module), so
    // the snapshot asks for a family that does not exist: the kernel answers
    // exactly as one without MPTCP answers for "mptcp_pm" (ENOENT).
    options_.pathManagerFamily = "mptcp_pm_absent";
    auto findings = diagnose();
    ASSERT_EQ(findings.size(), 1u) << describe(findings);
    EXPECT_EQ(findings[0].id, "mptcp-missing");
    EXPECT_EQ(findings[0].severity, Severity::Error);
    EXPECT_NE(findings[0].why.find("No such file or directory"), std::string::npos)
        << findings[0].why;
    options_.pathManagerFamily = "mptcp_pm";
    expectGone("mptcp-missing");
}

TEST_F(DoctorTest, MptcpDisabled) {
    EXPECT_TRUE(withId("mptcp-disabled").empty());
    shell("sysctl -qw net.mptcp.enabled=0");
    Finding finding = expectOne("mptcp-disabled");
    EXPECT_EQ(finding.severity, Severity::Error);
    apply(finding.action);
    EXPECT_EQ(shell("sysctl -n net.mptcp.enabled"), "1\n");
    expectGone("mptcp-disabled");
}

TEST_F(DoctorTest, UserspacePathManagerWithEndpoints) {
    link("d1", "10.1.1.2");
    shell("ip mptcp endpoint add 10.1.1.2 dev d1 subflow");
    EXPECT_TRUE(withId("userspace-pm-with-endpoints").empty());
    shell("sysctl -qw net.mptcp.path_manager=userspace");
    Finding finding = expectOne("userspace-pm-with-endpoints");
    EXPECT_EQ(finding.severity, Severity::Warning);
    apply(finding.action);
    EXPECT_EQ(shell("sysctl -n net.mptcp.path_manager"), "kernel\n");
    expectGone("userspace-pm-with-endpoints");
}

// The fake programs of tests running in parallel share /proc, so each test
// looks only at the findings that name its own program.
std::vector<Finding> naming(const std::string& program, const std::vector<Finding>& findings) {
    std::vector<Finding> named;
    for (const auto& finding : findings) {
        if (finding.summary.find(program) != std::string::npos) {
            named.push_back(finding);
        }
    }
    return named;
}

void checkOtherManager(const std::string& program,
                       const std::function<std::vector<Finding>()>& findManagers) {
    if (!naming(program, findManagers()).empty()) {
        GTEST_SKIP() << "a real " << program << " runs on this machine";
    }
    std::vector<Finding> found;
    {
        FakeProgram fake(program);
        found = naming(program, findManagers());
        ASSERT_EQ(found.size(), 1u) << describe(found);
        EXPECT_EQ(found[0].severity, Severity::Warning) << "endpoints exist";
        EXPECT_NE(found[0].summary.find(program + " is running"), std::string::npos);
    }
    for (const auto& finding : findManagers()) {
        EXPECT_EQ(finding.summary.find(program), std::string::npos) << finding.summary;
    }
}

TEST_F(DoctorTest, OtherManagerMptcpd) {
    options_.processRoot = "/proc";
    link("d1", "10.1.1.2");
    shell("ip mptcp endpoint add 10.1.1.2 dev d1 subflow");
    checkOtherManager("mptcpd", [this] { return withId("other-manager"); });
}

TEST_F(DoctorTest, OtherManagerNetworkManager) {
    options_.processRoot = "/proc";
    link("d1", "10.1.1.2");
    shell("ip mptcp endpoint add 10.1.1.2 dev d1 subflow");
    checkOtherManager("NetworkManager", [this] { return withId("other-manager"); });
}

// --- limits ------------------------------------------------------------------

TEST_F(DoctorTest, SubflowsLimitTooLow) {
    link("d1", "10.1.1.2");
    link("d2", "10.1.2.2");
    shell("ip mptcp endpoint add 10.1.1.2 dev d1 subflow");
    shell("ip mptcp endpoint add 10.1.2.2 dev d2 subflow");
    shell("ip mptcp limits set subflows 2 add_addr_accepted 1");
    EXPECT_TRUE(withId("subflows-limit-too-low").empty());
    shell("ip mptcp limits set subflows 1");
    EXPECT_EQ(expectOne("subflows-limit-too-low").severity, Severity::Warning);
    shell("ip mptcp limits set subflows 0");
    Finding finding = expectOne("subflows-limit-too-low");
    EXPECT_EQ(finding.severity, Severity::Error);
    apply(finding.action);
    EXPECT_EQ(shell("ip mptcp limits show"), "add_addr_accepted 1 subflows 2 \n");
    expectGone("subflows-limit-too-low");
}

TEST_F(DoctorTest, AddAddrAcceptedZero) {
    // The kernel's defaults: subflows 2, add_addr_accepted 0, no endpoint.
    Finding finding = expectOne("add-addr-accepted-zero");
    EXPECT_EQ(finding.severity, Severity::Warning) << "nothing can make a second subflow";
    apply(finding.action);
    EXPECT_EQ(shell("ip mptcp limits show"), "add_addr_accepted 2 subflows 2 \n");
    expectGone("add-addr-accepted-zero");
}

TEST_F(DoctorTest, SignalWithoutListener) {
    link("d1", "10.1.1.2");
    shell("ip mptcp endpoint add 10.1.1.2 dev d1 signal");
    // With a port the kernel listens itself; that is no server.
    shell("ip mptcp endpoint add 10.1.1.2 port 7000 signal");
    Finding finding = expectOne("signal-without-listener");
    EXPECT_NE(finding.summary.find("Endpoint 1 (10.1.1.2) and endpoint 2 (10.1.1.2) are signal"),
              std::string::npos)
        << finding.summary;
    {
        Socket server = listenOn("0.0.0.0", 8080, IPPROTO_MPTCP);
        expectGone("signal-without-listener");
    }
    expectOne("signal-without-listener");
}

// --- endpoints ---------------------------------------------------------------

TEST_F(DoctorTest, EndpointAddressMissing) {
    link("d1", "10.1.1.2");
    shell("ip mptcp endpoint add 10.9.9.9 subflow");
    Finding finding = expectOne("endpoint-address-missing");
    EXPECT_EQ(finding.severity, Severity::Error);
    shell("ip addr add 10.9.9.9/32 dev d1");
    expectGone("endpoint-address-missing");
    // The action removes the endpoint instead.
    shell("ip mptcp endpoint add 10.9.9.8 id 7 subflow");
    finding = expectOne("endpoint-address-missing");
    ASSERT_TRUE(finding.action);
    EXPECT_EQ(*finding.action, FixAction(RemoveEndpointFix{7}));
    apply(finding.action);
    EXPECT_EQ(shell("ip mptcp endpoint show"), "10.9.9.9 id 1 subflow \n");
    expectGone("endpoint-address-missing");
}

TEST_F(DoctorTest, EndpointAddressFailedDuplicateDetection) {
    // Two interfaces on one link: the second to claim the address loses DAD.
    link("d1");
    shell("ip -6 addr add 2001:db8:9::1/64 dev d1p");
    ASSERT_TRUE(eventually(
        [&] { return shell("ip -6 addr show dev d1p").find("tentative") == std::string::npos; }));
    shell("ip -6 addr add 2001:db8:9::1/64 dev d1");
    ASSERT_TRUE(eventually([&] {
        return shell("ip -6 addr show dev d1").find("dadfailed") != std::string::npos;
    })) << shell("ip -6 addr show dev d1");
    shell("ip mptcp endpoint add 2001:db8:9::1 dev d1 subflow");
    Finding finding = expectOne("endpoint-address-missing");
    EXPECT_NE(finding.summary.find("failed duplicate address detection"), std::string::npos)
        << finding.summary;
    // The other machine gives the address up; d1 tries again.
    shell("ip -6 addr del 2001:db8:9::1/64 dev d1p");
    shell("ip -6 addr del 2001:db8:9::1/64 dev d1");
    shell("ip -6 addr add 2001:db8:9::1/64 dev d1");
    expectGone("endpoint-address-missing");
}

TEST_F(DoctorTest, EndpointAddressOnOtherInterface) {
    link("d1", "10.1.1.2");
    link("d2", "10.1.2.2");
    shell("ip mptcp endpoint add 10.1.1.2 dev d2 subflow");
    Finding finding = expectOne("endpoint-address-on-other-interface");
    EXPECT_NE(finding.fix.find("mptcpctl endpoint add 10.1.1.2 dev d1 id 1 subflow"),
              std::string::npos)
        << finding.fix;
    shell("ip addr del 10.1.1.2/24 dev d1 && ip addr add 10.1.1.2/24 dev d2");
    expectGone("endpoint-address-on-other-interface");
}

TEST_F(DoctorTest, EndpointInterfaceWithoutCarrier) {
    link("d1", "10.1.1.2");
    shell("ip mptcp endpoint add 10.1.1.2 dev d1 subflow");
    EXPECT_TRUE(withId("endpoint-interface-down").empty());
    shell("ip link set d1p down"); // the cable is pulled at the other end
    waitForState("d1", "LOWERLAYERDOWN");
    Finding finding = expectOne("endpoint-interface-down");
    EXPECT_NE(finding.summary.find("d1, which has no carrier"), std::string::npos)
        << finding.summary;
    shell("ip link set d1p up");
    expectGone("endpoint-interface-down");
}

TEST_F(DoctorTest, EndpointInterfaceDown) {
    link("d1", "10.1.1.2");
    shell("ip mptcp endpoint add 10.1.1.2 subflow");
    shell("ip link set d1 down");
    Finding finding = expectOne("endpoint-interface-down");
    EXPECT_NE(finding.summary.find("d1, which is down"), std::string::npos) << finding.summary;
    runIpLines(finding.fix.substr(finding.fix.find("ip link")));
    expectGone("endpoint-interface-down");
}

// --- routing -----------------------------------------------------------------

TEST_F(DoctorTest, EndpointRouteLeavesElsewhere) {
    link("d1", "10.1.1.2");
    link("d2", "10.1.2.2");
    shell("ip route add default via 10.1.1.1 dev d1");
    shell("ip route add default via 10.1.2.1 dev d2 metric 200");
    shell("ip mptcp endpoint add 10.1.2.2 subflow"); // no dev
    Finding finding = expectOne("endpoint-route-leaves-elsewhere");
    EXPECT_NE(finding.summary.find("leaves through d1, not through d2"), std::string::npos)
        << finding.summary;
    const std::string table = std::to_string(100 + if_nametoindex("d2"));
    EXPECT_NE(finding.fix.find("ip rule add from 10.1.2.2 table " + table +
                               "\nip route add default via 10.1.2.1 dev d2 table " + table),
              std::string::npos)
        << "the real gateway, in a table of its own:\n"
        << finding.fix;
    runIpLines(finding.fix);
    EXPECT_NE(shell("ip route get 192.0.2.1 from 10.1.2.2").find("dev d2"), std::string::npos);
    expectGone("endpoint-route-leaves-elsewhere");
    EXPECT_TRUE(withId("interface-without-default-route").empty());
}

TEST_F(DoctorTest, InterfaceWithoutDefaultRoute) {
    link("d1", "10.1.1.2");
    link("d2", "10.1.2.2");
    shell("ip route add default via 10.1.1.1 dev d1");
    shell("ip mptcp endpoint add 10.1.2.2 dev d2 subflow");
    Finding finding = expectOne("interface-without-default-route");
    EXPECT_EQ(finding.summary,
              "Interface d2 has no default route of its own for traffic from 10.1.2.2.");
    EXPECT_NE(finding.fix.find("via GATEWAY dev d2"), std::string::npos)
        << "no gateway is known for d2:\n"
        << finding.fix;
    runIpLines(finding.fix, "10.1.2.1");
    expectGone("interface-without-default-route");
}

TEST_F(DoctorTest, InterfaceWithDefaultRouteNoRuleReaches) {
    link("d1", "10.1.1.2");
    link("d2", "10.1.2.2");
    shell("ip route add default via 10.1.1.1 dev d1");
    shell("ip route add default via 10.1.2.1 dev d2 table 7");
    shell("ip mptcp endpoint add 10.1.2.2 dev d2 subflow");
    Finding finding = expectOne("interface-without-default-route");
    EXPECT_NE(finding.fix.find("\nip rule add from 10.1.2.2 table 7"), std::string::npos)
        << "only the rule is missing:\n"
        << finding.fix;
    EXPECT_EQ(finding.fix.find("ip route"), std::string::npos) << finding.fix;
    runIpLines(finding.fix);
    expectGone("interface-without-default-route");
}

TEST_F(DoctorTest, StrictReversePathFilter) {
    link("d1", "10.1.1.2");
    shell("ip mptcp endpoint add 10.1.1.2 dev d1 subflow");
    EXPECT_TRUE(withId("strict-rp-filter").empty());
    shell("sysctl -qw net.ipv4.conf.d1.rp_filter=1");
    Finding finding = expectOne("strict-rp-filter");
    EXPECT_NE(finding.fix.find("sysctl -w net.ipv4.conf.d1.rp_filter=2"), std::string::npos)
        << finding.fix;
    shell("sysctl -qw net.ipv4.conf.d1.rp_filter=2");
    expectGone("strict-rp-filter");
    // The larger of `all` and the interface's value is the one that counts.
    shell("sysctl -qw net.ipv4.conf.d1.rp_filter=0 net.ipv4.conf.all.rp_filter=1");
    finding = expectOne("strict-rp-filter");
    EXPECT_NE(finding.fix.find("net.ipv4.conf.all.rp_filter=0"), std::string::npos) << finding.fix;
    shell("sysctl -qw net.ipv4.conf.all.rp_filter=0");
    expectGone("strict-rp-filter");
}

// --- traffic -----------------------------------------------------------------

TEST_F(DoctorTest, AddressFamilyMismatch) {
    linkToPeer("c1", "10.1.1.2", "s1", "10.1.1.1");
    shell("ip -6 addr add 2001:db8:5::2/64 dev c1 nodad");
    shell("ip mptcp endpoint add 2001:db8:5::2 dev c1 subflow");
    {
        // Loopback connections do not count: multipath means nothing there.
        Socket listener = listenOn("127.0.0.1", 6010, IPPROTO_MPTCP);
        Socket local = connectTo("127.0.0.1", 6010, IPPROTO_MPTCP);
        Socket accepted(accept(listener.fd(), nullptr, nullptr));
        EXPECT_TRUE(withId("address-family-mismatch").empty()) << describe(diagnose());
    }
    serveInPeer("10.1.1.1", 5000);
    Socket client = connectTo("10.1.1.1", 5000, IPPROTO_MPTCP);
    Finding finding = expectOne("address-family-mismatch");
    EXPECT_EQ(finding.summary,
              "The endpoints are all IPv6, but 1 live connection goes to IPv4 peers.");
    EXPECT_NE(finding.fix.find("mptcpctl endpoint add 10.1.1.2 dev c1 subflow"), std::string::npos)
        << finding.fix;
    shell("ip mptcp endpoint add 10.1.1.2 dev c1 subflow");
    expectGone("address-family-mismatch");
}

TEST_F(DoctorTest, JoinFailures) {
    // The peer announces a second address but accepts nothing there: every
    // join towards it is refused (the kernel counts MPJoinSynTx without a
    // MPJoinSynAckRx).
    linkToPeer("c1", "10.1.1.2", "s1", "10.1.1.1");
    linkToPeer("c2", "10.1.2.2", "s2", "10.1.2.1");
    shell("ip mptcp limits set subflows 2 add_addr_accepted 2");
    shell("ip -n " + peer() + " mptcp endpoint add 10.1.2.1 signal");
    EXPECT_TRUE(withId("join-failures").empty());
    {
        Server server(peer(), "10.1.1.1", 5000, IPPROTO_MPTCP);
        Socket client = connectTo("10.1.1.1", 5000, IPPROTO_MPTCP);
        ASSERT_TRUE(eventually([&] {
            return counter("MPJoinSynTx") >= 1 && counter("MPJoinSynAckRx") == 0;
        })) << "no join was attempted";
        Finding finding = expectOne("join-failures");
        EXPECT_NE(finding.why.find("1 of the 1 sent got no answer"), std::string::npos)
            << finding.why;
    }
    // Fixed: the peer accepts on every address. Past failures stay counted,
    // so the diagnosis looks only at what happens after this point.
    baseline_ = takeSnapshot(options_).mptcpCounters;
    EXPECT_TRUE(withId("join-failures").empty());
    Server server(peer(), "0.0.0.0", 5001, IPPROTO_MPTCP);
    Socket client = connectTo("10.1.1.1", 5001, IPPROTO_MPTCP);
    ASSERT_TRUE(eventually([] { return hasSubflows(2); }))
        << "the join towards the announced address should succeed now";
    EXPECT_TRUE(withId("join-failures").empty()) << describe(diagnose());
}

TEST_F(DoctorTest, FallbackToTcp) {
    linkToPeer("c1", "10.1.1.2", "s1", "10.1.1.1");
    {
        Server plain(peer(), "10.1.1.1", 5000, IPPROTO_TCP); // a server without MPTCP
        Socket client = connectTo("10.1.1.1", 5000, IPPROTO_MPTCP);
        Finding finding = expectOne("fallback-to-tcp");
        EXPECT_EQ(finding.severity, Severity::Warning);
        EXPECT_EQ(finding.summary, "1 connection to 10.1.1.1 fell back to plain TCP.");
    }
    expectGone("fallback-to-tcp");
    {
        // On loopback it does not matter: there is one path anyway.
        Socket listener = listenOn("127.0.0.1", 6020, IPPROTO_TCP);
        Socket client = connectTo("127.0.0.1", 6020, IPPROTO_MPTCP);
        Socket accepted(accept(listener.fd(), nullptr, nullptr));
        EXPECT_TRUE(withId("fallback-to-tcp").empty()) << describe(diagnose());
    }
    // The other way round, a plain TCP client of an MPTCP server, is normal:
    // Linux hands the server a plain TCP socket, and nothing is reported.
    Socket listener = listenOn("10.1.1.2", 6021, IPPROTO_MPTCP);
    Socket client = connectTo("10.1.1.2", 6021, IPPROTO_TCP);
    Socket accepted(accept(listener.fd(), nullptr, nullptr));
    EXPECT_TRUE(withId("fallback-to-tcp").empty()) << describe(diagnose());
}

// --- all well ------------------------------------------------------------------

TEST_F(DoctorTest, CleanTwoPathSetupHasNoWarning) {
    linkToPeer("c1", "10.1.1.2", "s1", "10.1.1.1");
    linkToPeer("c2", "10.1.2.2", "s2", "10.1.2.1");
    // Each interface has a default route of its own, reached by a rule from its address.
    shell("ip route add default via 10.1.1.1 dev c1");
    shell("ip rule add from 10.1.1.2 table 101");
    shell("ip route add default via 10.1.1.1 dev c1 table 101");
    shell("ip rule add from 10.1.2.2 table 102");
    shell("ip route add default via 10.1.2.1 dev c2 table 102");
    shell("ip mptcp endpoint add 10.1.1.2 dev c1 subflow");
    shell("ip mptcp endpoint add 10.1.2.2 dev c2 subflow");
    shell("ip mptcp limits set subflows 2 add_addr_accepted 1");

    serveInPeer("10.1.1.1", 5000);
    Socket client = connectTo("10.1.1.1", 5000, IPPROTO_MPTCP);
    ASSERT_TRUE(eventually([] { return hasSubflows(2); }))
        << "the setup should carry a second subflow over c2";

    auto findings = diagnose();
    EXPECT_FALSE(somethingWrong(findings)) << "findings:" << describe(findings);
}

} // namespace
