// The profile engine against the kernel, each test in a fresh network
// namespace with veth links whose kinds come from a made-up sysfs (wl0 is
// Wi-Fi, ww0 is WWAN): addresses become endpoints and stop being ones, a
// carrier lost keeps them for the grace period, foreign endpoints are never
// touched, changed ones are disowned, 8 endpoints at most, switching
// profiles is all or nothing, and a live subflow survives a flag change.
#include "connections.h"
#include "namespace_fixture.h"
#include "profile_engine.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <thread>

namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using profiles::Clock;

#ifndef IPPROTO_MPTCP
constexpr int IPPROTO_MPTCP = 262;
#endif

profiles::Profile laptopProfile(const char* name = "laptop",
                                uint32_t wifiFlags = mptcp::kFlagSubflow,
                                uint32_t wwanFlags = mptcp::kFlagSubflow | mptcp::kFlagBackup) {
    profiles::Profile profile;
    profile.name = name;
    profile.interfaces = {{"kind:wifi", wifiFlags, profiles::Families::Both, false},
                          {"kind:wwan", wwanFlags, profiles::Families::Both, false}};
    return profile;
}

class ProfileEngineTest : public testing_support::FreshNetworkNamespace {
protected:
    void SetUp() override {
        FreshNetworkNamespace::SetUp();
        if (HasFatalFailure()) {
            return;
        }
        char pattern[] = "/tmp/mptcp-engine-XXXXXX";
        root_ = mkdtemp(pattern);
        fs::create_directories(root_ + "/sys/class/net/wl0/phy80211");
        fs::create_directories(root_ + "/sys/class/net/ww0");
        std::ofstream(root_ + "/sys/class/net/ww0/uevent") << "DEVTYPE=wwan\n";
        fs::create_directories(root_ + "/proc"); // no mptcpd, no NetworkManager
        shell("ip link add wl0 type veth peer name wl0p");
        shell("ip link add ww0 type veth peer name ww0p");
        shell("ip link set wl0 up && ip link set wl0p up && ip link set ww0 up && "
              "ip link set ww0p up");
        auto opened = mptcp::PathManager::open();
        ASSERT_TRUE(opened) << opened.error().describe();
        pm_.emplace(std::move(opened).value());
        engine_ = openEngine();
        ASSERT_TRUE(engine_);
        waitForCarrier("wl0");
        waitForCarrier("ww0");
    }
    void TearDown() override { fs::remove_all(root_); }

    profiles::EngineOptions options() const {
        profiles::EngineOptions options;
        options.links.sysfsRoot = root_ + "/sys";
        options.others.processRoot = root_ + "/proc";
        options.others.networkManagerRunDirectory = root_ + "/run/NetworkManager";
        options.ledgerDirectory = root_ + "/run/mptcp-manager";
        options.grace = 5s;
        return options;
    }

    std::optional<profiles::ProfileEngine> openEngine() {
        auto opened = profiles::ProfileEngine::open(*pm_, options());
        EXPECT_TRUE(opened) << opened.error().describe();
        if (!opened) {
            return std::nullopt;
        }
        return std::move(opened).value();
    }

    void waitForCarrier(const std::string& name, bool up = true) {
        for (int i = 0; i < 200; ++i) {
            // (/sys shows the host's namespace: ask ip.)
            const std::string link = shell("ip -o link show dev " + name);
            const bool running = link.find("state UP") != std::string::npos;
            if (running == up) {
                return;
            }
            std::this_thread::sleep_for(10ms);
        }
        ADD_FAILURE() << name << " did not get " << (up ? "a" : "rid of its") << " carrier";
    }

    std::string endpoints() { return shell("ip mptcp endpoint show"); }

    void activate(const profiles::Profile& profile) {
        auto status = engine_->activate(profile, now_);
        ASSERT_TRUE(status) << status.error().describe();
    }
    void reconcile() {
        auto status = engine_->reconcile(now_);
        ASSERT_TRUE(status) << status.error().describe();
    }
    bool skippedWith(profiles::SkipReason reason, const std::string& address) const {
        for (const auto& skipped : engine_->status().skipped) {
            if (skipped.reason == reason && skipped.address.toString() == address) {
                return true;
            }
        }
        return false;
    }

    std::string root_;
    std::optional<mptcp::PathManager> pm_;
    std::optional<profiles::ProfileEngine> engine_;
    Clock::time_point now_ = Clock::time_point(1000s);
};

TEST_F(ProfileEngineTest, AnAddressOnAMatchedInterfaceBecomesAnEndpoint) {
    activate(laptopProfile());
    EXPECT_EQ(endpoints(), "") << "no address yet";
    ASSERT_TRUE(engine_->subscribe());

    shell("ip address add 10.1.0.1/24 dev wl0");
    shell("ip address add 10.2.0.1/24 dev ww0");
    pollfd entry{engine_->fd(), POLLIN, 0};
    ASSERT_EQ(poll(&entry, 1, 2000), 1) << "the change was announced";
    auto changes = engine_->readChanges();
    ASSERT_TRUE(changes);
    EXPECT_GE(changes->relevant, 1u);
    reconcile();
    EXPECT_EQ(endpoints(), "10.1.0.1 id 1 subflow dev wl0 \n"
                           "10.2.0.1 id 2 subflow backup dev ww0 \n");
    EXPECT_EQ(engine_->status().managed.size(), 2u);
    EXPECT_EQ(engine_->status().active, "laptop");
    EXPECT_TRUE(engine_->status().healthy);
    ASSERT_EQ(engine_->status().actions.size(), 2u);
    EXPECT_NE(engine_->status().actions[0].find("added 10.1.0.1 on wl0 (id 1, subflow)"),
              std::string::npos)
        << engine_->status().actions[0];
    EXPECT_NE(engine_->status().actions[0].find("interfaces[0] (kind:wifi)"), std::string::npos);

    // Nothing changed: nothing happens.
    reconcile();
    EXPECT_TRUE(engine_->status().actions.empty());
}

TEST_F(ProfileEngineTest, ARemovedAddressLosesItsEndpoint) {
    shell("ip address add 10.1.0.1/24 dev wl0");
    shell("ip address add 10.1.0.2/24 dev wl0");
    activate(laptopProfile());
    EXPECT_EQ(endpoints(), "10.1.0.1 id 1 subflow dev wl0 \n10.1.0.2 id 2 subflow dev wl0 \n");
    shell("ip address del 10.1.0.2/24 dev wl0");
    reconcile();
    EXPECT_EQ(endpoints(), "10.1.0.1 id 1 subflow dev wl0 \n");
    ASSERT_EQ(engine_->status().actions.size(), 1u);
    EXPECT_NE(engine_->status().actions[0].find("the address is gone"), std::string::npos);
}

TEST_F(ProfileEngineTest, LinkDownAndUpFollowTheGracePeriod) {
    shell("ip address add 10.1.0.1/24 dev wl0");
    activate(laptopProfile());
    const std::string before = endpoints();
    ASSERT_EQ(before, "10.1.0.1 id 1 subflow dev wl0 \n");

    shell("ip link set wl0p down"); // wl0 loses its carrier, keeps its address
    waitForCarrier("wl0", false);
    reconcile();
    EXPECT_EQ(endpoints(), before) << "kept during the grace period";
    ASSERT_EQ(engine_->status().held.size(), 1u);
    ASSERT_TRUE(engine_->recheckAt());
    EXPECT_EQ(*engine_->recheckAt(), now_ + 5s);

    now_ += 4s;
    reconcile();
    EXPECT_EQ(endpoints(), before) << "4 s of 5";

    now_ += 1s;
    reconcile();
    EXPECT_EQ(endpoints(), "") << "deleted when the grace period ends";
    EXPECT_FALSE(engine_->recheckAt());
    EXPECT_TRUE(skippedWith(profiles::SkipReason::NoCarrier, "10.1.0.1"));

    shell("ip link set wl0p up");
    waitForCarrier("wl0");
    now_ += 60s;
    reconcile();
    EXPECT_EQ(endpoints(), "10.1.0.1 id 1 subflow dev wl0 \n") << "re-added with the carrier";
}

TEST_F(ProfileEngineTest, AShortOutageKeepsTheEndpoint) {
    shell("ip address add 10.1.0.1/24 dev wl0");
    activate(laptopProfile());
    shell("ip link set wl0p down");
    waitForCarrier("wl0", false);
    reconcile();
    shell("ip link set wl0p up");
    waitForCarrier("wl0");
    now_ += 2s;
    reconcile();
    EXPECT_EQ(endpoints(), "10.1.0.1 id 1 subflow dev wl0 \n");
    EXPECT_TRUE(engine_->status().actions.empty()) << "nothing was deleted or re-added";
    EXPECT_FALSE(engine_->recheckAt());
}

TEST_F(ProfileEngineTest, AForeignEndpointIsNeverTouched) {
    shell("ip address add 10.1.0.1/24 dev wl0");
    shell("ip address add 10.1.0.2/24 dev wl0");
    shell("ip mptcp endpoint add 10.1.0.1 id 50 signal");
    shell("ip mptcp endpoint add 203.0.113.7 id 51 subflow backup");
    activate(laptopProfile());
    EXPECT_EQ(endpoints(), "10.1.0.1 id 50 signal \n203.0.113.7 id 51 subflow backup \n"
                           "10.1.0.2 id 52 subflow dev wl0 \n");
    EXPECT_TRUE(skippedWith(profiles::SkipReason::ForeignEndpoint, "10.1.0.1"));

    // Its address going away is not a reason to touch it either.
    shell("ip address del 10.1.0.1/24 dev wl0");
    reconcile();
    ASSERT_TRUE(engine_->deactivate());
    EXPECT_EQ(endpoints(), "10.1.0.1 id 50 signal \n203.0.113.7 id 51 subflow backup \n");
}

TEST_F(ProfileEngineTest, AChangedEndpointIsDisowned) {
    shell("ip address add 10.1.0.1/24 dev wl0");
    activate(laptopProfile());
    ASSERT_EQ(endpoints(), "10.1.0.1 id 1 subflow dev wl0 \n");
    shell("ip mptcp endpoint change id 1 fullmesh");
    reconcile();
    EXPECT_EQ(endpoints(), "10.1.0.1 id 1 subflow fullmesh dev wl0 \n") << "not changed back";
    EXPECT_TRUE(engine_->ledger().entries.empty());
    ASSERT_EQ(engine_->status().disowned.size(), 1u);
    EXPECT_EQ(engine_->status().disowned[0].id, 1);
    EXPECT_TRUE(skippedWith(profiles::SkipReason::ForeignEndpoint, "10.1.0.1"));
    ASSERT_TRUE(engine_->deactivate());
    EXPECT_EQ(endpoints(), "10.1.0.1 id 1 subflow fullmesh dev wl0 \n") << "not ours to delete";
}

TEST_F(ProfileEngineTest, EightEndpointsAtMostAndTheRestIsReported) {
    for (int i = 1; i <= 6; ++i) {
        shell("ip mptcp endpoint add 203.0.113." + std::to_string(i) + " subflow");
    }
    shell("ip address add 10.1.0.1/24 dev wl0 && ip address add 10.1.0.2/24 dev wl0 && "
          "ip address add 10.1.0.3/24 dev wl0");
    shell("ip address add 10.2.0.1/24 dev ww0 && ip address add 10.2.0.2/24 dev ww0");
    activate(laptopProfile());
    const std::string shown = endpoints();
    EXPECT_EQ(std::count(shown.begin(), shown.end(), '\n'), 8) << shown;
    EXPECT_NE(shown.find("10.1.0.1 id 7 subflow dev wl0"), std::string::npos) << shown;
    EXPECT_NE(shown.find("10.2.0.1 id 8 subflow backup dev ww0"), std::string::npos) << shown;
    for (const char* left : {"10.1.0.2", "10.1.0.3", "10.2.0.2"}) {
        EXPECT_TRUE(skippedWith(profiles::SkipReason::NoRoom, left)) << left;
    }
    // Room made by someone else is used on the next pass.
    shell("ip mptcp endpoint delete id 1");
    reconcile();
    EXPECT_NE(endpoints().find("10.1.0.2 id 9 subflow dev wl0"), std::string::npos) << endpoints();
}

TEST_F(ProfileEngineTest, SwitchingProfilesChangesFlagsInPlace) {
    shell("ip address add 10.1.0.1/24 dev wl0");
    shell("ip address add 10.2.0.1/24 dev ww0");
    activate(laptopProfile("together", mptcp::kFlagSubflow, mptcp::kFlagSubflow));
    EXPECT_EQ(endpoints(), "10.1.0.1 id 1 subflow dev wl0 \n10.2.0.1 id 2 subflow dev ww0 \n");
    activate(
        laptopProfile("backup", mptcp::kFlagSubflow, mptcp::kFlagSubflow | mptcp::kFlagBackup));
    EXPECT_EQ(endpoints(), "10.1.0.1 id 1 subflow dev wl0 \n"
                           "10.2.0.1 id 2 subflow backup dev ww0 \n")
        << "same ids: changed, not re-added";
    ASSERT_EQ(engine_->status().actions.size(), 1u);
    EXPECT_EQ(engine_->status().actions[0].rfind("changed 10.2.0.1 on ww0 (id 2, subflow) to "
                                                 "subflow backup",
                                                 0),
              0u)
        << engine_->status().actions[0];
    EXPECT_EQ(engine_->status().active, "backup");
}

TEST_F(ProfileEngineTest, AFailedSwitchChangesNothing) {
    shell("ip address add 10.1.0.1/24 dev wl0");
    shell("ip address add 10.2.0.1/24 dev ww0");
    shell("ip link add busy0 type veth peer name busy0p && ip link set busy0 up && "
          "ip link set busy0p up && ip address add 10.9.0.1/32 dev busy0");
    waitForCarrier("busy0");
    profiles::Profile first = laptopProfile("first");
    first.limits = {3, 1};
    activate(first);
    shell("ip mptcp endpoint add 203.0.113.9 id 77 signal");
    const std::string endpointsBefore = endpoints();
    const std::string limitsBefore = shell("ip mptcp limits show");
    const std::string timeoutBefore = shell("cat /proc/sys/net/mptcp/add_addr_timeout");
    const profiles::Ledger ledgerBefore = engine_->ledger();

    // A plain TCP listener holds the port a signal endpoint wants: the
    // kernel refuses that endpoint after the flag changes went through.
    int listener = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    ASSERT_GE(listener, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(5700);
    inet_pton(AF_INET, "10.9.0.1", &address.sin_addr);
    ASSERT_EQ(bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof(address)), 0);
    ASSERT_EQ(listen(listener, 1), 0);

    profiles::Profile second =
        laptopProfile("second", mptcp::kFlagSubflow | mptcp::kFlagBackup, mptcp::kFlagSubflow);
    second.limits = {5, 4};
    second.sysctls = {{"add_addr_timeout", "77"}};
    second.endpoints = {{*mptcp::IpAddress::parse("10.9.0.1"), 5700, "busy0", mptcp::kFlagSignal}};
    auto failed = engine_->activate(second, now_);
    ASSERT_FALSE(failed);
    EXPECT_EQ(failed.error().code(), EADDRINUSE) << failed.error().describe();
    EXPECT_EQ(endpoints(), endpointsBefore);
    EXPECT_EQ(shell("ip mptcp limits show"), limitsBefore);
    EXPECT_EQ(engine_->status().active, "first");
    EXPECT_FALSE(engine_->status().healthy);
    EXPECT_EQ(engine_->ledger(), ledgerBefore);
    close(listener);

    // A failure after the kernel took everything (the caller's commit step)
    // puts limits and sysctls back too.
    second.endpoints.clear();
    auto refused = engine_->activate(second, now_, [] {
        return mptcp::Status(mptcp::Error(EROFS, "cannot record the active profile"));
    });
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().advice(), "cannot record the active profile");
    EXPECT_EQ(endpoints(), endpointsBefore);
    EXPECT_EQ(shell("ip mptcp limits show"), limitsBefore);
    EXPECT_EQ(shell("cat /proc/sys/net/mptcp/add_addr_timeout"), timeoutBefore);
    EXPECT_EQ(engine_->ledger(), ledgerBefore);
    auto onDisk = profiles::LedgerFile(root_ + "/run/mptcp-manager").load();
    ASSERT_TRUE(onDisk);
    EXPECT_EQ(*onDisk, ledgerBefore);

    // And the same switch without the obstacle goes through.
    activate(second);
    EXPECT_EQ(shell("ip mptcp limits show"), "add_addr_accepted 4 subflows 5 \n");
    EXPECT_EQ(shell("cat /proc/sys/net/mptcp/add_addr_timeout"), "77\n");
    EXPECT_EQ(endpoints(), "10.1.0.1 id 1 subflow backup dev wl0 \n"
                           "10.2.0.1 id 2 subflow dev ww0 \n"
                           "203.0.113.9 id 77 signal \n");
}

TEST_F(ProfileEngineTest, ARestartedEngineKeepsWhatIsOurs) {
    shell("ip address add 10.1.0.1/24 dev wl0");
    activate(laptopProfile());
    const std::string before = endpoints();
    engine_.reset();
    engine_ = openEngine(); // the ledger in "/run" says what is ours
    ASSERT_TRUE(engine_);
    EXPECT_EQ(engine_->ledger().entries.size(), 1u);
    activate(laptopProfile());
    EXPECT_EQ(endpoints(), before);
    EXPECT_TRUE(engine_->status().actions.empty()) << "nothing re-made";
    ASSERT_TRUE(engine_->deactivate());
    EXPECT_EQ(endpoints(), "");
    EXPECT_FALSE(engine_->status().active);
}

TEST_F(ProfileEngineTest, StandsAsideWhenMptcpdRuns) {
    shell("ip address add 10.1.0.1/24 dev wl0");
    fs::create_directories(root_ + "/proc/4242");
    std::ofstream(root_ + "/proc/4242/comm") << "mptcpd\n";
    activate(laptopProfile());
    EXPECT_EQ(endpoints(), "");
    EXPECT_TRUE(skippedWith(profiles::SkipReason::Mptcpd, "10.1.0.1"));
    ASSERT_FALSE(engine_->status().notes.empty());
    EXPECT_NE(engine_->status().notes[0].find("mptcpd is running"), std::string::npos);
}

// --- a live connection ------------------------------------------------------------

// A server namespace made with `ip netns add`, joined to the test's own by
// two veth links, with an MPTCP listener in a forked child.
class LiveConnection : public ProfileEngineTest {
protected:
    void SetUp() override {
        ProfileEngineTest::SetUp();
        if (HasFatalFailure()) {
            return;
        }
        server_ = "mptcp-prof-" + std::to_string(getpid());
        shell("ip netns add " + server_);
        shell("ip -n " + server_ + " link set lo up");
        shell("ip link add c1 type veth peer name s1 netns " + server_);
        shell("ip link add c2 type veth peer name s2 netns " + server_);
        shell("ip address add 10.7.1.2/24 dev c1 && ip address add 10.7.2.2/24 dev c2");
        shell("ip -n " + server_ + " address add 10.7.1.1/24 dev s1");
        shell("ip -n " + server_ + " address add 10.7.2.1/24 dev s2");
        shell("ip link set c1 up && ip link set c2 up");
        shell("ip -n " + server_ + " link set s1 up && ip -n " + server_ + " link set s2 up");
        waitForCarrier("c1");
        waitForCarrier("c2");
        startServer();
    }
    void TearDown() override {
        if (serverPid_ > 0) {
            kill(serverPid_, SIGKILL);
            waitpid(serverPid_, nullptr, 0);
        }
        if (client_ >= 0) {
            close(client_);
        }
        shell("ip netns del " + server_, true);
        ProfileEngineTest::TearDown();
    }

    void startServer() {
        int ready[2];
        ASSERT_EQ(pipe2(ready, O_CLOEXEC), 0);
        serverPid_ = fork();
        ASSERT_GE(serverPid_, 0);
        if (serverPid_ == 0) {
            // The child: never returns into gtest.
            close(ready[0]);
            const std::string path = "/run/netns/" + server_;
            int ns = open(path.c_str(), O_RDONLY | O_CLOEXEC);
            if (ns < 0 || setns(ns, CLONE_NEWNET) < 0) {
                _exit(1);
            }
            int listener = socket(AF_INET, SOCK_STREAM, IPPROTO_MPTCP);
            int on = 1;
            setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on));
            sockaddr_in address{};
            address.sin_family = AF_INET;
            address.sin_port = htons(5000);
            inet_pton(AF_INET, "10.7.1.1", &address.sin_addr);
            if (listener < 0 ||
                bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof(address)) < 0 ||
                listen(listener, 4) < 0) {
                _exit(2);
            }
            (void)!write(ready[1], "r", 1);
            int connection = accept(listener, nullptr, nullptr);
            char buffer[4096];
            while (connection >= 0 && read(connection, buffer, sizeof(buffer)) > 0) {
            }
            _exit(0);
        }
        close(ready[1]);
        char byte = 0;
        pollfd entry{ready[0], POLLIN, 0};
        ASSERT_EQ(poll(&entry, 1, 5000), 1) << "the server did not start";
        ASSERT_EQ(read(ready[0], &byte, 1), 1) << "the server could not listen";
        close(ready[0]);
    }

    void connectClient() {
        client_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, IPPROTO_MPTCP);
        ASSERT_GE(client_, 0) << std::strerror(errno);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(5000);
        inet_pton(AF_INET, "10.7.1.1", &address.sin_addr);
        ASSERT_EQ(connect(client_, reinterpret_cast<sockaddr*>(&address), sizeof(address)), 0)
            << std::strerror(errno);
        const std::string data(4096, 'x');
        ASSERT_EQ(write(client_, data.data(), data.size()), static_cast<ssize_t>(data.size()));
    }

    // The established subflow from `local`, once the connection has `count`.
    std::optional<mptcp::Subflow> subflowFrom(const char* local, size_t count) {
        for (int i = 0; i < 300; ++i) {
            auto connections = mptcp::listConnections();
            if (connections) {
                for (const auto& connection : *connections) {
                    size_t established = 0;
                    std::optional<mptcp::Subflow> found;
                    for (const auto& subflow : connection.subflows) {
                        if (subflow.state == mptcp::kTcpEstablished) {
                            ++established;
                            if (subflow.localAddress.toString() == local) {
                                found = subflow;
                            }
                        }
                    }
                    if (established == count && found) {
                        return found;
                    }
                }
            }
            std::this_thread::sleep_for(20ms);
        }
        return std::nullopt;
    }

    std::string server_;
    pid_t serverPid_ = -1;
    int client_ = -1;
};

TEST_F(LiveConnection, AnExtraSubflowSurvivesAProfileFlagChange) {
    profiles::Profile together;
    together.name = "together";
    together.interfaces = {{"c2", mptcp::kFlagSubflow, profiles::Families::IPv4, false}};
    activate(together);
    EXPECT_EQ(endpoints(), "10.7.2.2 id 1 subflow dev c2 \n");

    connectClient();
    auto extra = subflowFrom("10.7.2.2", 2);
    ASSERT_TRUE(extra) << "no second subflow from 10.7.2.2:\n" << shell("ss -tni");
    EXPECT_FALSE(extra->backupLocal);

    profiles::Profile backup = together;
    backup.name = "backup";
    backup.interfaces[0].flags = mptcp::kFlagSubflow | mptcp::kFlagBackup;
    activate(backup);
    EXPECT_EQ(endpoints(), "10.7.2.2 id 1 subflow backup dev c2 \n");
    ASSERT_EQ(engine_->status().actions.size(), 1u);
    EXPECT_EQ(engine_->status().actions[0].rfind("changed", 0), 0u) << engine_->status().actions[0];

    // The same subflow (same port) is still there, now a backup.
    std::optional<mptcp::Subflow> after;
    for (int i = 0; i < 100 && !(after && after->backupLocal); ++i) {
        after = subflowFrom("10.7.2.2", 2);
        std::this_thread::sleep_for(20ms);
    }
    ASSERT_TRUE(after) << "the extra subflow was closed:\n" << shell("ss -tni");
    EXPECT_EQ(after->localPort, extra->localPort) << "it is the same subflow, not a new one";
    EXPECT_TRUE(after->backupLocal) << shell("ss -tni");

    // And back again.
    activate(together);
    auto back = subflowFrom("10.7.2.2", 2);
    ASSERT_TRUE(back);
    EXPECT_EQ(back->localPort, extra->localPort);
}

} // namespace
