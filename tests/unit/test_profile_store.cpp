// Files of the profiles: the store (names, presets, the active profile),
// the ledger (atomic, corrupt files), the detection of other MPTCP managers
// and the interface kinds, all against temp directories laid out like /etc,
// /run, /proc and /sys.
#include "ledger.h"
#include "link_watcher.h"
#include "other_managers.h"
#include "profile_store.h"

#include <gtest/gtest.h>

#include <linux/if_arp.h>
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace {

namespace fs = std::filesystem;

class TempDir {
public:
    TempDir() {
        char pattern[] = "/tmp/mptcp-profiles-test-XXXXXX";
        path_ = mkdtemp(pattern);
    }
    ~TempDir() { fs::remove_all(path_); }
    const std::string& path() const { return path_; }
    std::string operator/(const std::string& relative) const { return path_ + "/" + relative; }

    void write(const std::string& relative, const std::string& text) const {
        fs::create_directories(fs::path(*this / relative).parent_path());
        std::ofstream(*this / relative) << text;
    }
    void mkdir(const std::string& relative) const { fs::create_directories(*this / relative); }
    std::string read(const std::string& relative) const {
        std::ifstream file(*this / relative);
        return std::string(std::istreambuf_iterator<char>(file), {});
    }

private:
    std::string path_;
};

profiles::Profile sample(const std::string& name) {
    profiles::Profile profile;
    profile.name = name;
    profile.limits.subflows = 2;
    profile.interfaces = {{"wl*", mptcp::kFlagSubflow, profiles::Families::Both, false}};
    return profile;
}

std::vector<std::string> names(const std::vector<profiles::ProfileSummary>& list) {
    std::vector<std::string> out;
    for (const auto& summary : list) {
        out.push_back(summary.name + (summary.builtin ? " [builtin]" : "") +
                      (summary.active ? " [active]" : ""));
    }
    return out;
}

// --- the store ---------------------------------------------------------------------

TEST(ProfileStore, SavesListsLoadsAndDeletes) {
    TempDir dir;
    profiles::ProfileStore store(dir / "etc");
    auto empty = store.list();
    ASSERT_TRUE(empty) << empty.error().describe();
    EXPECT_EQ(names(*empty),
              (std::vector<std::string>{"Wi-Fi + LTE together [builtin]",
                                        "Wi-Fi first, LTE as backup [builtin]",
                                        "Server: announce every address [builtin]"}));

    ASSERT_TRUE(store.save(sample("Office")));
    ASSERT_TRUE(store.save(sample("Caf\xC3\xA9 + LTE")));
    auto listed = store.list();
    ASSERT_TRUE(listed);
    ASSERT_EQ(listed->size(), 5u);
    EXPECT_EQ((*listed)[3].name, "Caf\xC3\xA9 + LTE");
    EXPECT_EQ((*listed)[4].name, "Office");

    auto loaded = store.load("Office");
    ASSERT_TRUE(loaded) << loaded.error().describe();
    EXPECT_EQ(*loaded, sample("Office"));
    struct stat status;
    ASSERT_EQ(stat((dir / "etc/profiles/Office.json").c_str(), &status), 0);
    EXPECT_EQ(status.st_mode & 0777, 0644u);
    EXPECT_FALSE(fs::exists(dir / "etc/profiles/Office.json.tmp")) << "no temporary file left";

    auto changed = sample("Office");
    changed.limits.subflows = 4;
    ASSERT_TRUE(store.save(changed));
    EXPECT_EQ(store.load("Office")->limits.subflows, 4u) << "saving again replaces";

    ASSERT_TRUE(store.remove("Office"));
    auto gone = store.load("Office");
    ASSERT_FALSE(gone);
    EXPECT_EQ(gone.error().code(), ENOENT);
    EXPECT_NE(gone.error().advice().find("there is no profile named \"Office\""),
              std::string::npos);
    EXPECT_EQ(store.remove("Office").error().code(), ENOENT);
}

TEST(ProfileStore, PresetsAreReadOnly) {
    TempDir dir;
    profiles::ProfileStore store(dir.path());
    auto preset = store.load("Wi-Fi first, LTE as backup");
    ASSERT_TRUE(preset);
    EXPECT_EQ(*preset, *profiles::findBuiltinProfile("Wi-Fi first, LTE as backup"));
    auto saved = store.save(*preset);
    ASSERT_FALSE(saved);
    EXPECT_EQ(saved.error().code(), EEXIST);
    EXPECT_EQ(store.remove("Wi-Fi + LTE together").error().code(), EPERM);
    // A file named after a preset is not listed twice nor preferred.
    dir.write("profiles/Wi-Fi + LTE together.json", "{\"name\": \"Wi-Fi + LTE together\"}");
    EXPECT_EQ(store.list()->size(), 3u);
    EXPECT_EQ(*store.load("Wi-Fi + LTE together"),
              *profiles::findBuiltinProfile("Wi-Fi + LTE together"));
}

TEST(ProfileStore, NamesNeverBecomePathsElsewhere) {
    TempDir dir;
    profiles::ProfileStore store(dir / "etc");
    for (const char* name : {"../escape", "a/b", "..", ".", ".hidden", "", "x\ny"}) {
        SCOPED_TRACE(name);
        EXPECT_FALSE(store.load(name));
        EXPECT_FALSE(store.remove(name));
        EXPECT_FALSE(store.setActive(std::string(name)));
        EXPECT_FALSE(store.save(sample(name)));
    }
    EXPECT_FALSE(fs::exists(dir / "escape.json"));
    EXPECT_FALSE(fs::exists(dir / "etc/profiles")) << "nothing was written";
}

TEST(ProfileStore, BrokenFilesAreExplained) {
    TempDir dir;
    profiles::ProfileStore store(dir.path());
    dir.write("profiles/Broken.json", "{\"name\": \"Broken\", }");
    dir.write("profiles/Renamed.json", "{\"name\": \"Other\"}");
    dir.write("profiles/not a profile.txt", "x");
    dir.write("profiles/.Hidden.json.tmp", "x");
    auto listed = store.list();
    ASSERT_TRUE(listed);
    EXPECT_EQ(names(*listed).back(), "Renamed");
    EXPECT_EQ(listed->size(), 5u) << "unreadable profiles are still listed; strays are not";
    auto broken = store.load("Broken");
    ASSERT_FALSE(broken);
    EXPECT_NE(broken.error().advice().find("cannot be read: not valid JSON: line 1, column 20"),
              std::string::npos)
        << broken.error().advice();
    auto renamed = store.load("Renamed");
    ASSERT_FALSE(renamed);
    EXPECT_NE(renamed.error().advice().find("holds a profile named \"Other\""), std::string::npos);
}

TEST(ProfileStore, TheActiveProfile) {
    TempDir dir;
    profiles::ProfileStore store(dir / "etc");
    ASSERT_TRUE(store.active());
    EXPECT_FALSE(*store.active());
    ASSERT_TRUE(store.save(sample("Office")));
    ASSERT_TRUE(store.setActive(std::string("Office")));
    EXPECT_EQ(dir.read("etc/active"), "Office\n");
    EXPECT_EQ(**store.active(), "Office");
    EXPECT_EQ(names(*store.list()).back(), "Office [active]");
    auto busy = store.remove("Office");
    ASSERT_FALSE(busy);
    EXPECT_EQ(busy.error().code(), EBUSY);
    ASSERT_TRUE(store.setActive(std::nullopt));
    EXPECT_FALSE(fs::exists(dir / "etc/active")) << "the boot unit's condition goes with it";
    EXPECT_TRUE(store.setActive(std::nullopt)) << "clearing twice is fine";
    ASSERT_TRUE(store.remove("Office"));
    dir.write("etc/active", "../../etc/passwd\n");
    EXPECT_FALSE(store.active()) << "a damaged active file is an error, not a path";
}

// --- the ledger ---------------------------------------------------------------------

TEST(Ledger, RoundTripsThroughItsFile) {
    TempDir dir;
    profiles::LedgerFile file(dir / "run/mptcp-manager");
    auto empty = file.load();
    ASSERT_TRUE(empty) << "no file: nothing is ours";
    EXPECT_TRUE(empty->entries.empty());

    profiles::Ledger ledger;
    ledger.entries = {{3, *mptcp::IpAddress::parse("10.0.0.2"), 0, 7, "wlan0", mptcp::kFlagSubflow},
                      {9, *mptcp::IpAddress::parse("2001:db8::1"), 8080, 0, "",
                       mptcp::kFlagSignal | mptcp::kFlagBackup}};
    ASSERT_TRUE(file.save(ledger));
    auto back = file.load();
    ASSERT_TRUE(back) << back.error().describe();
    EXPECT_EQ(*back, ledger);
    EXPECT_FALSE(fs::exists(dir / "run/mptcp-manager/ledger.json.tmp"));
    EXPECT_EQ(file.path(), dir / "run/mptcp-manager/ledger.json");
}

TEST(Ledger, ADamagedLedgerOwnsNothing) {
    TempDir dir;
    profiles::LedgerFile file(dir.path());
    for (const char* text :
         {"{", "[]", "{\"version\": 2, \"endpoints\": []}",
          "{\"version\": 1, \"endpoints\": [{\"id\": 0, \"address\": \"10.0.0.1\", \"port\": 0, "
          "\"ifindex\": 1, \"interface\": \"x\", \"flags\": 2}]}",
          "{\"version\": 1, \"endpoints\": [{\"id\": 1, \"address\": \"nope\", \"port\": 0, "
          "\"ifindex\": 1, \"interface\": \"x\", \"flags\": 2}]}",
          "{\"version\": 1, \"endpoints\": [{\"id\": 1, \"address\": \"10.0.0.1\", \"port\": 0, "
          "\"ifindex\": 1, \"interface\": \"x\", \"flags\": 16}]}"}) {
        SCOPED_TRACE(text);
        dir.write("ledger.json", text);
        auto loaded = file.load();
        ASSERT_FALSE(loaded);
        EXPECT_NE(loaded.error().advice().find("damaged"), std::string::npos);
    }
}

TEST(Ledger, OwnershipNeedsAnExactMatch) {
    profiles::LedgerEntry entry{
        4, *mptcp::IpAddress::parse("10.0.0.2"), 0, 3, "wlan0", mptcp::kFlagSubflow};
    mptcp::Endpoint endpoint{4, *mptcp::IpAddress::parse("10.0.0.2"), 0, mptcp::kFlagSubflow, 3};
    EXPECT_TRUE(entry.sameAs(endpoint));
    auto other = endpoint;
    other.id = 5;
    EXPECT_FALSE(entry.sameAs(other));
    other = endpoint;
    other.flags |= mptcp::kFlagBackup;
    EXPECT_FALSE(entry.sameAs(other));
    other = endpoint;
    other.ifindex = 0;
    EXPECT_FALSE(entry.sameAs(other));
    other = endpoint;
    other.port = 1;
    EXPECT_FALSE(entry.sameAs(other));
    other = endpoint;
    other.flags |= mptcp::kFlagImplicit;
    EXPECT_FALSE(entry.sameAs(other));
}

TEST(AtomicWrite, ReplacesWholeFilesOnly) {
    TempDir dir;
    ASSERT_TRUE(profiles::writeFileAtomically(dir / "f", "one", 0600));
    ASSERT_TRUE(profiles::writeFileAtomically(dir / "f", "two", 0600));
    EXPECT_EQ(dir.read("f"), "two");
    struct stat status;
    ASSERT_EQ(stat((dir / "f").c_str(), &status), 0);
    EXPECT_EQ(status.st_mode & 0777, 0600u);
    EXPECT_FALSE(profiles::writeFileAtomically(dir / "missing/f", "x"));
    dir.write("file", "x");
    EXPECT_EQ(profiles::makeDirectories(dir / "file").error().code(), ENOTDIR);
}

// --- other managers ------------------------------------------------------------------

class OtherManagers : public ::testing::Test {
protected:
    void SetUp() override {
        options.processRoot = dir / "proc";
        options.networkManagerRunDirectory = dir / "run/NetworkManager";
        options.connectionDirectories = {dir / "etc/NetworkManager/system-connections"};
        options.configurationFiles = {dir / "etc/NetworkManager/NetworkManager.conf"};
        options.configurationDirectories = {dir / "etc/NetworkManager/conf.d"};
        dir.write("proc/1/comm", "systemd\n");
        dir.write("proc/self/comm", "NetworkManager\n"); // not a PID: ignored
        links.links.resize(3);
        links.links[0].index = 1;
        links.links[0].name = "lo";
        links.links[0].kind = profiles::LinkKind::Loopback;
        links.links[1].index = 2;
        links.links[1].name = "wlan0";
        links.links[1].kind = profiles::LinkKind::Wifi;
        links.links[2].index = 3;
        links.links[2].name = "eth0";
        links.links[2].kind = profiles::LinkKind::Ethernet;
    }

    void networkManagerRuns() { dir.write("proc/812/comm", "NetworkManager\n"); }
    void device(int index, const std::string& uuid, bool managed = true) {
        dir.write("run/NetworkManager/devices/" + std::to_string(index),
                  "[device]\nmanaged=" + std::string(managed ? "true" : "false") +
                      "\nconnection-uuid=" + uuid + "\n");
    }
    void connection(const std::string& id, const std::string& uuid, const std::string& flags) {
        dir.write("etc/NetworkManager/system-connections/" + id + ".nmconnection",
                  "[connection]\nid=" + id + "\nuuid=" + uuid + "\ntype=wifi\n" +
                      (flags.empty() ? "" : "mptcp-flags=" + flags + "\n") +
                      "\n[ipv4]\n"
                      "method=auto\n");
    }

    TempDir dir;
    profiles::OtherManagersOptions options;
    profiles::LinkSnapshot links;
};

TEST_F(OtherManagers, NothingRunning) {
    EXPECT_EQ(profiles::detectOtherManagers(links, options), profiles::OtherManagers{});
}

TEST_F(OtherManagers, Mptcpd) {
    dir.write("proc/77/comm", "mptcpd\n");
    const auto found = profiles::detectOtherManagers(links, options);
    EXPECT_TRUE(found.mptcpd);
    EXPECT_FALSE(found.networkManager);
}

TEST_F(OtherManagers, NetworkManagerDefaultsToManagingMptcp) {
    networkManagerRuns();
    device(2, "u-home");
    connection("Home", "u-home", "");
    device(3, "u-wired");
    connection("Wired", "u-wired", "1"); // disabled
    const auto found = profiles::detectOtherManagers(links, options);
    EXPECT_TRUE(found.networkManager);
    ASSERT_EQ(found.networkManagerInterfaces.size(), 1u);
    EXPECT_EQ(found.networkManagerInterfaces.at(2).connection, "Home");
    EXPECT_TRUE(found.networkManagerInterfaces.at(2).certain);
}

TEST_F(OtherManagers, TheGlobalDefaultCanDisableIt) {
    networkManagerRuns();
    device(2, "u-home");
    connection("Home", "u-home", "0");
    dir.write("etc/NetworkManager/conf.d/mptcp.conf",
              "[connection-mptcp]\nconnection.mptcp-flags=disabled\n");
    EXPECT_TRUE(profiles::detectOtherManagers(links, options).networkManagerInterfaces.empty());
    // ... unless the connection says otherwise.
    connection("Home", "u-home", "enabled,subflow");
    EXPECT_EQ(profiles::detectOtherManagers(links, options).networkManagerInterfaces.size(), 1u);
}

TEST_F(OtherManagers, UnmanagedOrUnknownDevices) {
    networkManagerRuns();
    device(2, "u-home", false);
    EXPECT_TRUE(profiles::detectOtherManagers(links, options).networkManagerInterfaces.empty());
    device(2, "u-gone"); // its connection profile is not on disk
    const auto found = profiles::detectOtherManagers(links, options);
    ASSERT_EQ(found.networkManagerInterfaces.size(), 1u);
    EXPECT_FALSE(found.networkManagerInterfaces.at(2).certain) << "\"may manage\"";
    device(2, "");
    EXPECT_TRUE(profiles::detectOtherManagers(links, options).networkManagerInterfaces.empty())
        << "no active connection";
}

TEST(NetworkManagerFlags, NumbersAndNames) {
    EXPECT_EQ(profiles::parseNetworkManagerMptcpFlags("0"), 0u);
    EXPECT_EQ(profiles::parseNetworkManagerMptcpFlags("1"), 1u);
    EXPECT_EQ(profiles::parseNetworkManagerMptcpFlags("0x22"), 0x22u);
    EXPECT_EQ(profiles::parseNetworkManagerMptcpFlags("34"), 0x22u);
    EXPECT_EQ(profiles::parseNetworkManagerMptcpFlags("enabled,subflow"), 0x22u);
    EXPECT_EQ(profiles::parseNetworkManagerMptcpFlags(" disabled "), 0x1u);
    EXPECT_EQ(profiles::parseNetworkManagerMptcpFlags("enabled, backup fullmesh"), 0xC2u);
    EXPECT_FALSE(profiles::parseNetworkManagerMptcpFlags("sometimes"));
    EXPECT_FALSE(profiles::parseNetworkManagerMptcpFlags("12abc"));
    EXPECT_FALSE(profiles::parseNetworkManagerMptcpFlags(""));
}

// --- interface kinds ------------------------------------------------------------------

TEST(LinkKinds, FromSysfsAndTheDriver) {
    TempDir sys;
    sys.mkdir("class/net/wlan0/phy80211");
    sys.mkdir("class/net/wlp1s0/wireless");
    sys.write("class/net/wwan0/uevent", "INTERFACE=wwan0\nIFINDEX=5\nDEVTYPE=wwan\n");
    sys.mkdir("class/net/rmnet0/device");
    sys.mkdir("class/net/eth0/device");
    using profiles::classifyLink;
    using profiles::LinkKind;
    const std::string& root = sys.path();
    EXPECT_EQ(classifyLink(root, "wlan0", ARPHRD_ETHER, ""), LinkKind::Wifi);
    EXPECT_EQ(classifyLink(root, "wlp1s0", ARPHRD_ETHER, ""), LinkKind::Wifi);
    EXPECT_EQ(classifyLink(root, "wwan0", ARPHRD_ETHER, ""), LinkKind::Wwan);
    EXPECT_EQ(classifyLink(root, "rmnet0", ARPHRD_RAWIP, ""), LinkKind::Wwan);
    EXPECT_EQ(classifyLink(root, "eth0", ARPHRD_ETHER, ""), LinkKind::Ethernet);
    EXPECT_EQ(classifyLink(root, "bond0", ARPHRD_ETHER, "bond"), LinkKind::Ethernet);
    EXPECT_EQ(classifyLink(root, "eth0.7", ARPHRD_ETHER, "vlan"), LinkKind::Ethernet);
    EXPECT_EQ(classifyLink(root, "veth0", ARPHRD_ETHER, "veth"), LinkKind::Virtual);
    EXPECT_EQ(classifyLink(root, "docker0", ARPHRD_ETHER, "bridge"), LinkKind::Virtual);
    EXPECT_EQ(classifyLink(root, "wg0", ARPHRD_NONE, "wireguard"), LinkKind::Virtual);
    EXPECT_EQ(classifyLink(root, "lo", ARPHRD_LOOPBACK, ""), LinkKind::Loopback);
    EXPECT_EQ(classifyLink(root, "sit0", ARPHRD_SIT, ""), LinkKind::Other);
}

} // namespace
