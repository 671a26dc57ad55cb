// The link watcher against the kernel, in a fresh network namespace per
// test: snapshots of veth links and their addresses, notifications, and an
// overflowing notification socket reported as such.
#include "link_watcher.h"
#include "namespace_fixture.h"

#include <linux/if_addr.h>
#include <net/if.h>
#include <poll.h>

#include <filesystem>
#include <fstream>

namespace {

namespace fs = std::filesystem;

class LinkWatcherTest : public testing_support::FreshNetworkNamespace {
protected:
    void SetUp() override {
        FreshNetworkNamespace::SetUp();
        char pattern[] = "/tmp/mptcp-sysfs-XXXXXX";
        sysfs_ = mkdtemp(pattern);
        // sysfs shows the namespace it was mounted in, not this one: kinds
        // come from a directory laid out like /sys.
        fs::create_directories(sysfs_ + "/class/net/wl0/phy80211");
        fs::create_directories(sysfs_ + "/class/net/ww0");
        std::ofstream(sysfs_ + "/class/net/ww0/uevent") << "DEVTYPE=wwan\n";
        shell("ip link add wl0 type veth peer name wl0p");
        shell("ip link add ww0 type veth peer name ww0p");
        shell("ip link set wl0 up && ip link set wl0p up && ip link set ww0 up");
        profiles::LinkWatcherOptions options;
        options.sysfsRoot = sysfs_;
        auto opened = profiles::LinkWatcher::open(options);
        ASSERT_TRUE(opened) << opened.error().describe();
        watcher_.emplace(std::move(opened).value());
    }
    void TearDown() override { fs::remove_all(sysfs_); }

    profiles::LinkSnapshot snapshot() {
        auto taken = watcher_->snapshot();
        EXPECT_TRUE(taken) << taken.error().describe();
        return taken ? *taken : profiles::LinkSnapshot{};
    }

    bool readable(int timeoutMs) {
        pollfd entry{watcher_->fd(), POLLIN, 0};
        return poll(&entry, 1, timeoutMs) == 1;
    }

    std::string sysfs_;
    std::optional<profiles::LinkWatcher> watcher_;
};

TEST_F(LinkWatcherTest, SnapshotHasLinksKindsCarrierAndAddresses) {
    shell("ip address add 10.1.0.1/24 dev wl0");
    shell("ip address add 2001:db8:1::1/64 dev wl0 nodad");
    shell("ip address add 2001:db8:1::2/64 dev wl0 nodad preferred_lft 0");
    shell("ip address add 10.2.0.1/24 dev ww0");
    shell("ip route add default via 10.1.0.254 dev wl0");
    const auto links = snapshot();

    const auto* lo = links.byName("lo");
    ASSERT_NE(lo, nullptr);
    EXPECT_EQ(lo->kind, profiles::LinkKind::Loopback);

    const auto* wl0 = links.byName("wl0");
    ASSERT_NE(wl0, nullptr);
    EXPECT_EQ(wl0->kind, profiles::LinkKind::Wifi);
    EXPECT_EQ(wl0->driverKind, "veth");
    EXPECT_TRUE(wl0->carrierUp()) << "its peer is up";
    EXPECT_TRUE(wl0->defaultRoute4);
    EXPECT_FALSE(wl0->defaultRoute6);
    EXPECT_EQ(links.byIndex(wl0->index), wl0);
    EXPECT_EQ(links.holding(*mptcp::IpAddress::parse("10.1.0.1")), wl0);
    bool sawV4 = false, sawV6 = false, sawDeprecated = false, sawLinkLocal = false;
    for (const auto& address : wl0->addresses) {
        const std::string text = address.address.toString();
        if (text == "10.1.0.1") {
            sawV4 = true;
            EXPECT_EQ(address.prefixLength, 24);
            EXPECT_EQ(address.scope, 0);
            EXPECT_FALSE(profiles::addressProblem(address, false));
        } else if (text == "2001:db8:1::1") {
            sawV6 = true;
            EXPECT_FALSE(address.tentative()) << "nodad";
        } else if (text == "2001:db8:1::2") {
            sawDeprecated = address.deprecated();
        } else if (text.rfind("fe80::", 0) == 0) {
            sawLinkLocal = true;
            EXPECT_EQ(profiles::addressProblem(address, false),
                      profiles::AddressProblem::LinkLocal);
        }
    }
    EXPECT_TRUE(sawV4 && sawV6 && sawDeprecated);
    (void)sawLinkLocal; // appears once DAD of the link-local address is done

    const auto* ww0 = links.byName("ww0");
    ASSERT_NE(ww0, nullptr);
    EXPECT_EQ(ww0->kind, profiles::LinkKind::Wwan);
    EXPECT_FALSE(ww0->carrierUp()) << "its peer is down";
    EXPECT_EQ(links.byName("ww0p")->kind, profiles::LinkKind::Virtual);
}

TEST_F(LinkWatcherTest, TentativeAndFailedAddressesAreFlagged) {
    shell("ip address add 2001:db8:9::1/64 dev wl0"); // DAD runs
    const auto links = snapshot();
    bool found = false;
    for (const auto& address : links.byName("wl0")->addresses) {
        if (address.address.toString() == "2001:db8:9::1") {
            found = true;
            EXPECT_TRUE(address.tentative());
            EXPECT_EQ(profiles::addressProblem(address, false),
                      profiles::AddressProblem::Tentative);
        }
    }
    EXPECT_TRUE(found);
}

TEST_F(LinkWatcherTest, NotificationsSayWhenToLookAgain) {
    // No IPv6 here: link-local addresses and their duplicate address
    // detection would keep notifying for a second or two, at any step.
    for (const char* name : {"wl0", "wl0p", "ww0", "ww0p"}) {
        shell(std::string("sysctl -qw net.ipv6.conf.") + name + ".disable_ipv6=1");
    }
    ASSERT_TRUE(watcher_->subscribe());
    auto quiet = watcher_->readChanges();
    ASSERT_TRUE(quiet);
    EXPECT_EQ(quiet->relevant, 0u);
    EXPECT_FALSE(quiet->overflow);

    shell("ip address add 10.1.0.1/24 dev wl0");
    ASSERT_TRUE(readable(2000));
    auto changes = watcher_->readChanges();
    ASSERT_TRUE(changes) << changes.error().describe();
    EXPECT_GE(changes->relevant, 1u);
    EXPECT_FALSE(changes->overflow);

    shell("ip link set ww0p up");
    ASSERT_TRUE(readable(2000));
    EXPECT_GE(watcher_->readChanges()->relevant, 1u);
    // The peer's carrier comes up to a second later (the kernel's link
    // watch): wait until the link has said everything.
    while (readable(1500)) {
        ASSERT_TRUE(watcher_->readChanges());
    }

    // A route that is not a default route changes nothing a snapshot shows.
    shell("ip route add 10.9.0.0/24 dev wl0");
    ASSERT_TRUE(readable(2000));
    EXPECT_EQ(watcher_->readChanges()->relevant, 0u);
    shell("ip route add default dev wl0");
    ASSERT_TRUE(readable(2000));
    EXPECT_EQ(watcher_->readChanges()->relevant, 1u);
}

TEST_F(LinkWatcherTest, AnOverflowIsReported) {
    profiles::LinkWatcherOptions options;
    options.receiveBufferBytes = 1; // the kernel's minimum
    auto small = profiles::LinkWatcher::open(options);
    ASSERT_TRUE(small);
    ASSERT_TRUE(small->subscribe());
    std::string batch;
    for (int i = 1; i <= 200; ++i) {
        batch += "address add 10.3." + std::to_string(i / 250) + "." + std::to_string(i % 250 + 1) +
                 "/32 dev wl0\n";
    }
    std::ofstream(sysfs_ + "/batch") << batch;
    shell("ip -batch " + sysfs_ + "/batch");
    auto changes = small->readChanges();
    ASSERT_TRUE(changes) << changes.error().describe();
    EXPECT_TRUE(changes->overflow) << "lost notifications must not pass silently";
    // After reading, the socket works again.
    shell("ip address add 10.4.0.1/32 dev wl0");
    pollfd entry{small->fd(), POLLIN, 0};
    ASSERT_EQ(poll(&entry, 1, 2000), 1);
    auto after = small->readChanges();
    ASSERT_TRUE(after);
    EXPECT_FALSE(after->overflow);
    EXPECT_GE(after->relevant, 1u);
}

TEST(LinkDecoders, RefuseWhatIsNotWhole) {
    const char garbage[8] = {};
    EXPECT_FALSE(profiles::decodeLinkMessage({garbage, sizeof(garbage)}));
    EXPECT_FALSE(profiles::decodeAddressMessage({garbage, sizeof(garbage)}));
    EXPECT_FALSE(profiles::decodeRouteMessage({garbage, sizeof(garbage)}));
}

} // namespace
