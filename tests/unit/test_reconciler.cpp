// The reconciler's rules, one at a time, on hand-made snapshots: which
// addresses become endpoints, what is ours, grace periods, SET_FLAGS versus
// delete + add, the 8-endpoint limit and standing aside.
#include "reconciler.h"

#include <gtest/gtest.h>

#include <linux/if_addr.h>
#include <linux/rtnetlink.h>
#include <net/if.h>

#include <algorithm>

namespace {

using mptcp::kFlagBackup;
using mptcp::kFlagFullmesh;
using mptcp::kFlagImplicit;
using mptcp::kFlagSignal;
using mptcp::kFlagSubflow;
using profiles::Families;
using profiles::LinkKind;
using profiles::SkipReason;
using namespace std::chrono_literals;

mptcp::IpAddress ip(const char* text) {
    return *mptcp::IpAddress::parse(text);
}

profiles::LinkAddress address(const char* text, uint32_t flags = 0,
                              uint8_t scope = RT_SCOPE_UNIVERSE) {
    profiles::LinkAddress result;
    result.address = ip(text);
    result.prefixLength = result.address.family == AF_INET ? 24 : 64;
    result.flags = flags;
    result.scope = scope;
    return result;
}

profiles::Link link(int32_t index, const char* name, LinkKind kind,
                    std::vector<profiles::LinkAddress> addresses, bool carrier = true) {
    profiles::Link result;
    result.index = index;
    result.name = name;
    result.kind = kind;
    result.flags = IFF_UP | (carrier ? IFF_RUNNING : 0);
    result.addresses = std::move(addresses);
    result.defaultRoute4 = result.defaultRoute6 = true;
    return result;
}

mptcp::Endpoint kernelEndpoint(uint8_t id, const char* text, uint32_t flags, int32_t ifindex,
                               uint16_t port = 0) {
    mptcp::Endpoint endpoint;
    endpoint.id = id;
    endpoint.address = ip(text);
    endpoint.flags = flags;
    endpoint.ifindex = ifindex;
    endpoint.port = port;
    return endpoint;
}

profiles::LedgerEntry ours(uint8_t id, const char* text, uint32_t flags, int32_t ifindex,
                           const char* name) {
    return {id, ip(text), 0, ifindex, name, flags};
}

profiles::InterfaceRule rule(const char* match, uint32_t flags = kFlagSubflow,
                             Families families = Families::Both, bool temporary = false) {
    return {match, flags, families, temporary};
}

// A laptop: lo, eth0 (no rule in most tests), wlan0 and wwan0.
class Reconciler : public ::testing::Test {
protected:
    void SetUp() override {
        input.profile.name = "test";
        input.profile.interfaces = {rule("kind:wifi"),
                                    rule("kind:wwan", kFlagSubflow | kFlagBackup)};
        input.links.links = {
            link(1, "lo", LinkKind::Loopback, {address("127.0.0.1", 0, RT_SCOPE_HOST)}),
            link(2, "eth0", LinkKind::Ethernet, {address("192.0.2.2")}),
            link(3, "wlan0", LinkKind::Wifi,
                 {address("10.0.0.2"), address("fe80::2", 0, RT_SCOPE_LINK),
                  address("2001:db8:1::2")}),
            link(4, "wwan0", LinkKind::Wwan, {address("100.64.0.9")}),
        };
        input.now = profiles::Clock::time_point(1000s);
        input.grace = 10s;
    }

    profiles::Plan plan() { return profiles::planReconciliation(input); }

    profiles::Link& linkNamed(const char* name) {
        for (auto& candidate : input.links.links) {
            if (candidate.name == name) {
                return candidate;
            }
        }
        throw std::runtime_error("no link");
    }

    static std::vector<std::string> addedAddresses(const profiles::Plan& plan) {
        std::vector<std::string> out;
        for (const auto& add : plan.adds) {
            out.push_back(add.endpoint.address.toString());
        }
        return out;
    }

    static const profiles::Skipped* skippedFor(const profiles::Plan& plan, const char* text) {
        for (const auto& skipped : plan.skipped) {
            if (skipped.address == ip(text)) {
                return &skipped;
            }
        }
        return nullptr;
    }

    profiles::PlanInput input;
};

TEST_F(Reconciler, UsableAddressesOfMatchedInterfacesBecomeEndpointsWithDev) {
    const auto result = plan();
    ASSERT_EQ(addedAddresses(result),
              (std::vector<std::string>{"10.0.0.2", "100.64.0.9", "2001:db8:1::2"}));
    for (const auto& add : result.adds) {
        EXPECT_EQ(add.endpoint.id, 0) << "the kernel picks the id";
        EXPECT_EQ(add.endpoint.port, 0);
    }
    EXPECT_EQ(result.adds[0].endpoint.ifindex, 3);
    EXPECT_EQ(result.adds[0].interface, "wlan0");
    EXPECT_EQ(result.adds[0].endpoint.flags, kFlagSubflow);
    EXPECT_EQ(result.adds[0].origin, "interfaces[0] (kind:wifi)");
    EXPECT_EQ(result.adds[1].endpoint.ifindex, 4);
    EXPECT_EQ(result.adds[1].endpoint.flags, kFlagSubflow | kFlagBackup);
    EXPECT_TRUE(result.deletes.empty());
    EXPECT_TRUE(result.changes.empty());
    EXPECT_TRUE(result.skipped.empty()) << result.skipped[0].text;
    EXPECT_FALSE(result.recheckAt);
}

TEST_F(Reconciler, OnlyUsableAddressesAreUsed) {
    linkNamed("wlan0").addresses = {
        address("10.0.0.2", IFA_F_TENTATIVE),
        address("10.0.0.3", IFA_F_DADFAILED | IFA_F_TENTATIVE),
        address("10.0.0.4", IFA_F_DEPRECATED),
        address("2001:db8:1::5", IFA_F_TEMPORARY),
        address("fd00::6"),
        address("169.254.0.7"),
        address("fe80::8", 0, RT_SCOPE_LINK),
        address("10.0.0.9", 0, RT_SCOPE_HOST),
        address("10.0.0.10", IFA_F_PERMANENT | IFA_F_NOPREFIXROUTE),
    };
    const auto result = plan();
    EXPECT_EQ(addedAddresses(result), (std::vector<std::string>{"10.0.0.10", "100.64.0.9"}));
    const std::pair<const char*, const char*> reported[] = {
        {"10.0.0.2", "duplicate address detection is still running"},
        {"10.0.0.3", "duplicate address detection failed"},
        {"10.0.0.4", "deprecated"},
        {"2001:db8:1::5", "temporary (privacy) IPv6 address"},
        {"fd00::6", "unique local"},
    };
    for (const auto& [text, why] : reported) {
        const auto* skipped = skippedFor(result, text);
        ASSERT_NE(skipped, nullptr) << text;
        EXPECT_EQ(skipped->reason, SkipReason::UnusableAddress);
        EXPECT_EQ(skipped->interface, "wlan0");
        EXPECT_NE(skipped->text.find(why), std::string::npos) << skipped->text;
    }
    // Link-local and host addresses exist everywhere: skipped without a word.
    EXPECT_EQ(skippedFor(result, "169.254.0.7"), nullptr);
    EXPECT_EQ(skippedFor(result, "fe80::8"), nullptr);
    EXPECT_EQ(skippedFor(result, "10.0.0.9"), nullptr);
}

TEST_F(Reconciler, SecondaryIpv4AddressesAreNotTemporaryOnes) {
    // IFA_F_SECONDARY and IFA_F_TEMPORARY are the same bit.
    linkNamed("wlan0").addresses = {address("10.0.0.2"), address("10.0.0.3", IFA_F_SECONDARY)};
    EXPECT_EQ(addedAddresses(plan()),
              (std::vector<std::string>{"10.0.0.2", "100.64.0.9", "10.0.0.3"}));
}

TEST_F(Reconciler, TemporaryAddressesOnlyWhenTheRuleAsks) {
    linkNamed("wlan0").addresses = {address("2001:db8:1::5", IFA_F_TEMPORARY)};
    input.profile.interfaces[0].temporary = true;
    EXPECT_EQ(addedAddresses(plan()), (std::vector<std::string>{"2001:db8:1::5", "100.64.0.9"}));
}

TEST_F(Reconciler, FamiliesAreFiltered) {
    input.profile.interfaces[0].families = Families::IPv6;
    EXPECT_EQ(addedAddresses(plan()), (std::vector<std::string>{"2001:db8:1::2", "100.64.0.9"}));
    input.profile.interfaces[0].families = Families::IPv4;
    EXPECT_EQ(addedAddresses(plan()), (std::vector<std::string>{"10.0.0.2", "100.64.0.9"}));
}

TEST_F(Reconciler, TheFirstMatchingRuleDecides) {
    input.profile.interfaces = {rule("wlan*", kFlagSignal), rule("kind:wifi", kFlagSubflow),
                                rule("*", kFlagSubflow | kFlagFullmesh)};
    const auto result = plan();
    ASSERT_EQ(result.adds.size(), 4u);
    for (const auto& add : result.adds) {
        const uint32_t wanted =
            add.interface == "wlan0" ? kFlagSignal : kFlagSubflow | kFlagFullmesh;
        EXPECT_EQ(add.endpoint.flags, wanted) << add.interface;
        EXPECT_NE(add.interface, "lo") << "loopback is never used, even by \"*\"";
    }
}

TEST_F(Reconciler, NoCarrierNoNewEndpoint) {
    linkNamed("wwan0").flags = IFF_UP; // no IFF_RUNNING: no carrier
    const auto result = plan();
    EXPECT_EQ(addedAddresses(result), (std::vector<std::string>{"10.0.0.2", "2001:db8:1::2"}));
    const auto* skipped = skippedFor(result, "100.64.0.9");
    ASSERT_NE(skipped, nullptr);
    EXPECT_EQ(skipped->reason, SkipReason::NoCarrier);
    EXPECT_NE(skipped->text.find("wwan0 has no carrier"), std::string::npos) << skipped->text;
}

TEST_F(Reconciler, CarrierLostKeepsOursForTheGracePeriodThenDeletes) {
    input.kernelEndpoints = {kernelEndpoint(5, "100.64.0.9", kFlagSubflow | kFlagBackup, 4)};
    input.ledger.entries = {ours(5, "100.64.0.9", kFlagSubflow | kFlagBackup, 4, "wwan0")};
    linkNamed("wwan0").flags = IFF_UP;
    input.carrierLostAt[4] = input.now - 3s;

    auto result = plan();
    EXPECT_TRUE(result.deletes.empty());
    ASSERT_EQ(result.held.size(), 1u);
    EXPECT_EQ(result.held[0].entry.id, 5);
    EXPECT_EQ(result.held[0].until, input.now + 7s);
    EXPECT_EQ(result.recheckAt, input.now + 7s) << "the caller plans again when grace ends";
    EXPECT_EQ(result.kept.size(), 1u);

    input.now += 7s;
    result = plan();
    ASSERT_EQ(result.deletes.size(), 1u);
    EXPECT_EQ(result.deletes[0].entry.id, 5);
    EXPECT_NE(result.deletes[0].reason.find("no carrier for more than 10 s"), std::string::npos)
        << result.deletes[0].reason;
    EXPECT_TRUE(result.held.empty());
    EXPECT_FALSE(result.recheckAt);
    ASSERT_NE(skippedFor(result, "100.64.0.9"), nullptr);
    EXPECT_EQ(skippedFor(result, "100.64.0.9")->reason, SkipReason::NoCarrier);
}

TEST_F(Reconciler, CarrierBackReAddsWhatWasDeleted) {
    // The endpoint was deleted when the grace period ended; the ledger no
    // longer names it. The carrier returns: a fresh endpoint.
    const auto added = addedAddresses(plan());
    EXPECT_NE(std::find(added.begin(), added.end(), "100.64.0.9"), added.end());
    // And one held through a short outage is simply kept.
    input.kernelEndpoints = {kernelEndpoint(5, "100.64.0.9", kFlagSubflow | kFlagBackup, 4)};
    input.ledger.entries = {ours(5, "100.64.0.9", kFlagSubflow | kFlagBackup, 4, "wwan0")};
    const auto again = plan();
    EXPECT_EQ(addedAddresses(again), (std::vector<std::string>{"10.0.0.2", "2001:db8:1::2"}));
    EXPECT_TRUE(again.deletes.empty());
    ASSERT_EQ(again.kept.size(), 1u);
    EXPECT_EQ(again.kept[0].id, 5);
}

TEST_F(Reconciler, AnAddressThatIsGoneLosesItsEndpointAtOnce) {
    input.kernelEndpoints = {kernelEndpoint(2, "10.0.0.7", kFlagSubflow, 3)};
    input.ledger.entries = {ours(2, "10.0.0.7", kFlagSubflow, 3, "wlan0")};
    const auto result = plan();
    ASSERT_EQ(result.deletes.size(), 1u);
    EXPECT_EQ(result.deletes[0].entry.id, 2);
    EXPECT_EQ(result.deletes[0].reason, "the address is gone");
    EXPECT_FALSE(result.recheckAt);
}

TEST_F(Reconciler, AnUnusableAddressLosesItsEndpoint) {
    linkNamed("wlan0").addresses = {address("10.0.0.2", IFA_F_DEPRECATED)};
    input.kernelEndpoints = {kernelEndpoint(2, "10.0.0.2", kFlagSubflow, 3)};
    input.ledger.entries = {ours(2, "10.0.0.2", kFlagSubflow, 3, "wlan0")};
    const auto result = plan();
    ASSERT_EQ(result.deletes.size(), 1u);
    EXPECT_NE(result.deletes[0].reason.find("deprecated"), std::string::npos);
}

TEST_F(Reconciler, ForeignEndpointsAreNeverTouched) {
    input.kernelEndpoints = {
        kernelEndpoint(7, "10.0.0.2", kFlagSignal, 0),                   // on our address
        kernelEndpoint(8, "192.0.2.2", kFlagSubflow, 2),                 // on an unmatched one
        kernelEndpoint(9, "203.0.113.1", kFlagSubflow | kFlagBackup, 0), // on none at all
    };
    const auto result = plan();
    EXPECT_EQ(addedAddresses(result), (std::vector<std::string>{"100.64.0.9", "2001:db8:1::2"}));
    EXPECT_TRUE(result.deletes.empty());
    EXPECT_TRUE(result.changes.empty());
    const auto* skipped = skippedFor(result, "10.0.0.2");
    ASSERT_NE(skipped, nullptr);
    EXPECT_EQ(skipped->reason, SkipReason::ForeignEndpoint);
    EXPECT_NE(skipped->text.find("already has an endpoint (id 7) that MPTCP Manager did not make"),
              std::string::npos)
        << skipped->text;
}

TEST_F(Reconciler, AnImplicitEndpointIsReplacedAndTakesNoExtraRoom) {
    input.kernelEndpoints = {kernelEndpoint(1, "10.0.0.2", kFlagImplicit, 0)};
    for (uint8_t id = 2; id <= 7; ++id) {
        const std::string text = "203.0.113." + std::to_string(id);
        input.kernelEndpoints.push_back(kernelEndpoint(id, text.c_str(), kFlagSignal, 0));
    }
    // 7 taken (one implicit): 10.0.0.2 replaces the implicit one, so both
    // it and one more fit.
    const auto result = plan();
    EXPECT_EQ(addedAddresses(result), (std::vector<std::string>{"10.0.0.2", "100.64.0.9"}));
    ASSERT_EQ(result.skipped.size(), 1u);
    EXPECT_EQ(result.skipped[0].reason, SkipReason::NoRoom);
    EXPECT_EQ(result.skipped[0].address, ip("2001:db8:1::2"));
}

TEST_F(Reconciler, AChangedEndpointIsDisownedAndLeftAlone) {
    // We made id 4 as subflow; someone made it subflow + fullmesh.
    input.kernelEndpoints = {kernelEndpoint(4, "10.0.0.2", kFlagSubflow | kFlagFullmesh, 3)};
    input.ledger.entries = {ours(4, "10.0.0.2", kFlagSubflow, 3, "wlan0")};
    const auto result = plan();
    ASSERT_EQ(result.disowned.size(), 1u);
    EXPECT_EQ(result.disowned[0].id, 4);
    EXPECT_TRUE(result.changes.empty()) << "never altered back";
    EXPECT_TRUE(result.deletes.empty()) << "never deleted";
    const auto* skipped = skippedFor(result, "10.0.0.2");
    ASSERT_NE(skipped, nullptr);
    EXPECT_EQ(skipped->reason, SkipReason::ForeignEndpoint);
}

TEST_F(Reconciler, ADeletedEndpointIsDisownedAndTheAddressServedAgain) {
    input.ledger.entries = {ours(4, "10.0.0.2", kFlagSubflow, 3, "wlan0")};
    const auto result = plan();
    ASSERT_EQ(result.disowned.size(), 1u);
    EXPECT_EQ(addedAddresses(result),
              (std::vector<std::string>{"10.0.0.2", "100.64.0.9", "2001:db8:1::2"}));
}

TEST_F(Reconciler, SameIdOtherAddressIsNotOurs) {
    // The id was reused for another address after ours was deleted.
    input.kernelEndpoints = {kernelEndpoint(4, "203.0.113.5", kFlagSubflow, 3)};
    input.ledger.entries = {ours(4, "10.0.0.2", kFlagSubflow, 3, "wlan0")};
    const auto result = plan();
    EXPECT_EQ(result.disowned.size(), 1u);
    EXPECT_TRUE(result.deletes.empty());
}

TEST_F(Reconciler, BackupAndFullmeshChangeInPlace) {
    input.kernelEndpoints = {kernelEndpoint(2, "10.0.0.2", kFlagSubflow, 3),
                             kernelEndpoint(3, "100.64.0.9", kFlagSubflow, 4)};
    input.ledger.entries = {ours(2, "10.0.0.2", kFlagSubflow, 3, "wlan0"),
                            ours(3, "100.64.0.9", kFlagSubflow, 4, "wwan0")};
    input.profile.interfaces[0].flags = kFlagSubflow | kFlagFullmesh;
    const auto result = plan();
    ASSERT_EQ(result.changes.size(), 2u);
    EXPECT_EQ(result.changes[0].entry.id, 2);
    EXPECT_EQ(result.changes[0].flags, kFlagSubflow | kFlagFullmesh);
    EXPECT_EQ(result.changes[1].entry.id, 3);
    EXPECT_EQ(result.changes[1].flags, kFlagSubflow | kFlagBackup);
    EXPECT_TRUE(result.deletes.empty()) << "never delete + add for a flag change";
    EXPECT_EQ(addedAddresses(result), (std::vector<std::string>{"2001:db8:1::2"}));
}

TEST_F(Reconciler, SignalOrSubflowChangesNeedDeleteAndAdd) {
    input.kernelEndpoints = {kernelEndpoint(2, "10.0.0.2", kFlagSubflow, 3)};
    input.ledger.entries = {ours(2, "10.0.0.2", kFlagSubflow, 3, "wlan0")};
    input.profile.interfaces[0].flags = kFlagSignal;
    const auto result = plan();
    ASSERT_EQ(result.deletes.size(), 1u);
    EXPECT_EQ(result.deletes[0].entry.id, 2);
    EXPECT_NE(result.deletes[0].reason.find("cannot do in place"), std::string::npos);
    EXPECT_EQ(result.adds[0].endpoint.address, ip("10.0.0.2"));
    EXPECT_EQ(result.adds[0].endpoint.flags, kFlagSignal);
    EXPECT_TRUE(result.changes.empty());
}

TEST_F(Reconciler, AnAddressThatMovedInterfacesIsReAddedThere) {
    input.kernelEndpoints = {kernelEndpoint(2, "100.64.0.9", kFlagSubflow | kFlagBackup, 3)};
    input.ledger.entries = {ours(2, "100.64.0.9", kFlagSubflow | kFlagBackup, 3, "wlan0")};
    const auto result = plan();
    ASSERT_EQ(result.deletes.size(), 1u);
    EXPECT_NE(result.deletes[0].reason.find("moved to wwan0"), std::string::npos)
        << result.deletes[0].reason;
    const auto added = addedAddresses(result);
    EXPECT_NE(std::find(added.begin(), added.end(), "100.64.0.9"), added.end());
}

TEST_F(Reconciler, EightEndpointsAtMostCountingForeignOnesInPriorityOrder) {
    // Five foreign endpoints leave three slots.
    for (uint8_t id = 1; id <= 5; ++id) {
        const std::string text = "203.0.113." + std::to_string(id);
        input.kernelEndpoints.push_back(kernelEndpoint(id, text.c_str(), kFlagSignal, 0));
    }
    linkNamed("wlan0").addresses = {address("10.0.0.2"), address("10.0.0.3"),
                                    address("2001:db8:1::2")};
    linkNamed("wwan0").addresses = {address("100.64.0.9"), address("100.64.0.10")};
    input.profile.endpoints = {{ip("198.51.100.1"), 0, "", kFlagSubflow}};
    const auto result = plan();
    // The fixed endpoint, then the first address of each interface in rule
    // order (wifi, then wwan); the rest do not fit.
    EXPECT_EQ(addedAddresses(result),
              (std::vector<std::string>{"198.51.100.1", "10.0.0.2", "100.64.0.9"}));
    std::vector<std::string> left;
    for (const auto& skipped : result.skipped) {
        EXPECT_EQ(skipped.reason, SkipReason::NoRoom);
        EXPECT_NE(skipped.text.find("at most 8 endpoints (5 made by others)"), std::string::npos)
            << skipped.text;
        left.push_back(skipped.address.toString());
    }
    EXPECT_EQ(left, (std::vector<std::string>{"10.0.0.3", "2001:db8:1::2", "100.64.0.10"}));
    EXPECT_TRUE(result.deletes.empty()) << "foreign endpoints are never evicted";
}

TEST_F(Reconciler, OursThatNoLongerFitAreDeleted) {
    // Ours: a second wlan0 address. Then six foreign endpoints appear; the
    // first address of each interface comes first.
    linkNamed("wlan0").addresses = {address("10.0.0.2"), address("10.0.0.3")};
    input.kernelEndpoints = {kernelEndpoint(20, "10.0.0.3", kFlagSubflow, 3),
                             kernelEndpoint(21, "10.0.0.2", kFlagSubflow, 3),
                             kernelEndpoint(22, "100.64.0.9", kFlagSubflow | kFlagBackup, 4)};
    input.ledger.entries = {ours(20, "10.0.0.3", kFlagSubflow, 3, "wlan0"),
                            ours(21, "10.0.0.2", kFlagSubflow, 3, "wlan0"),
                            ours(22, "100.64.0.9", kFlagSubflow | kFlagBackup, 4, "wwan0")};
    for (uint8_t id = 1; id <= 6; ++id) {
        const std::string text = "203.0.113." + std::to_string(id);
        input.kernelEndpoints.push_back(kernelEndpoint(id, text.c_str(), kFlagSignal, 0));
    }
    const auto result = plan();
    ASSERT_EQ(result.deletes.size(), 1u);
    EXPECT_EQ(result.deletes[0].entry.id, 20);
    EXPECT_NE(result.deletes[0].reason.find("at most 8 endpoints"), std::string::npos);
    EXPECT_EQ(result.kept.size(), 2u);
    EXPECT_TRUE(result.adds.empty());
}

TEST_F(Reconciler, StandsAsideWhileMptcpdRuns) {
    input.others.mptcpd = true;
    input.kernelEndpoints = {kernelEndpoint(2, "10.0.0.2", kFlagSubflow, 3)};
    input.ledger.entries = {ours(2, "10.0.0.2", kFlagSubflow, 3, "wlan0")};
    const auto result = plan();
    EXPECT_TRUE(result.adds.empty());
    EXPECT_TRUE(result.deletes.empty()) << "ours stay as they are";
    EXPECT_EQ(result.kept.size(), 1u);
    const auto* skipped = skippedFor(result, "100.64.0.9");
    ASSERT_NE(skipped, nullptr);
    EXPECT_EQ(skipped->reason, SkipReason::Mptcpd);
    ASSERT_FALSE(result.notes.empty());
    EXPECT_NE(result.notes[0].find("systemctl disable --now mptcpd"), std::string::npos);
}

TEST_F(Reconciler, StandsAsideWhereNetworkManagerManagesMptcp) {
    input.others.networkManager = true;
    input.others.networkManagerInterfaces[3] = {"Home Wi-Fi", true};
    const auto result = plan();
    EXPECT_EQ(addedAddresses(result), (std::vector<std::string>{"100.64.0.9"}));
    const auto* skipped = skippedFor(result, "10.0.0.2");
    ASSERT_NE(skipped, nullptr);
    EXPECT_EQ(skipped->reason, SkipReason::NetworkManager);
    EXPECT_NE(skipped->text.find("NetworkManager manages MPTCP endpoints on wlan0"),
              std::string::npos)
        << skipped->text;
    bool told = false;
    for (const auto& note : result.notes) {
        told = told || note.find("nmcli connection modify \"Home Wi-Fi\" connection.mptcp-flags "
                                 "disabled") != std::string::npos;
    }
    EXPECT_TRUE(told) << "the note says what to change";
}

TEST_F(Reconciler, NetworkManagerRunningWithoutKnownClaimsIsMentioned) {
    input.others.networkManager = true;
    const auto result = plan();
    EXPECT_EQ(result.adds.size(), 3u);
    ASSERT_EQ(result.notes.size(), 1u);
    EXPECT_NE(result.notes[0].find("NetworkManager is running"), std::string::npos);
}

TEST_F(Reconciler, FixedEndpoints) {
    input.profile.interfaces.clear();
    input.profile.endpoints = {{ip("198.51.100.1"), 0, "", kFlagSubflow},
                               {ip("10.0.0.2"), 7000, "wlan0", kFlagSignal},
                               {ip("198.51.100.3"), 0, "wlan9", kFlagSubflow}};
    const auto result = plan();
    ASSERT_EQ(result.adds.size(), 2u);
    EXPECT_EQ(result.adds[0].endpoint.ifindex, 0) << "no dev: any interface";
    EXPECT_EQ(result.adds[0].origin, "endpoints[0]");
    EXPECT_EQ(result.adds[1].endpoint.ifindex, 3);
    EXPECT_EQ(result.adds[1].endpoint.port, 7000);
    const auto* skipped = skippedFor(result, "198.51.100.3");
    ASSERT_NE(skipped, nullptr);
    EXPECT_EQ(skipped->reason, SkipReason::NoInterface);
}

TEST_F(Reconciler, AnAddressIsWantedOnce) {
    input.profile.endpoints = {{ip("10.0.0.2"), 0, "wlan0", kFlagSubflow | kFlagBackup}};
    const auto result = plan();
    ASSERT_EQ(result.adds.size(), 3u);
    EXPECT_EQ(result.adds[0].origin, "endpoints[0]") << "the fixed endpoint wins";
    EXPECT_EQ(result.adds[0].endpoint.flags, kFlagSubflow | kFlagBackup);
}

TEST_F(Reconciler, DeactivationDeletesOnlyOurs) {
    input.profile = profiles::Profile{};
    input.kernelEndpoints = {kernelEndpoint(2, "10.0.0.2", kFlagSubflow, 3),
                             kernelEndpoint(3, "192.0.2.2", kFlagSubflow, 2)};
    input.ledger.entries = {ours(2, "10.0.0.2", kFlagSubflow, 3, "wlan0")};
    const auto result = plan();
    ASSERT_EQ(result.deletes.size(), 1u);
    EXPECT_EQ(result.deletes[0].entry.id, 2);
    EXPECT_EQ(result.deletes[0].reason, "the profile does not ask for it");
    EXPECT_TRUE(result.adds.empty());
}

TEST_F(Reconciler, MissingDefaultRoutesAreNoted) {
    linkNamed("wwan0").defaultRoute4 = false;
    const auto result = plan();
    ASSERT_EQ(result.notes.size(), 1u);
    EXPECT_NE(result.notes[0].find("wwan0 has no IPv4 default route"), std::string::npos);
}

TEST_F(Reconciler, AnUnchangedWorldIsIdle) {
    auto first = plan();
    // Pretend the adds happened with ids 1, 2, 3.
    uint8_t id = 1;
    for (const auto& add : first.adds) {
        mptcp::Endpoint made = add.endpoint;
        made.id = id;
        input.kernelEndpoints.push_back(made);
        input.ledger.entries.push_back(
            {id, made.address, 0, made.ifindex, add.interface, made.flags});
        ++id;
    }
    const auto second = plan();
    EXPECT_TRUE(second.idle());
    EXPECT_EQ(second.kept.size(), 3u);
}

TEST(TrackCarrier, RemembersWhenTheCarrierWentAway) {
    std::map<int32_t, profiles::Clock::time_point> lost;
    profiles::LinkSnapshot links;
    links.links = {link(3, "wlan0", LinkKind::Wifi, {}, false),
                   link(4, "wwan0", LinkKind::Wwan, {})};
    const auto t0 = profiles::Clock::time_point(100s);
    profiles::trackCarrier(lost, links, t0);
    ASSERT_EQ(lost.size(), 1u);
    EXPECT_EQ(lost.at(3), t0);
    profiles::trackCarrier(lost, links, t0 + 5s);
    EXPECT_EQ(lost.at(3), t0) << "the first time counts";
    links.links[0].flags |= IFF_RUNNING;
    profiles::trackCarrier(lost, links, t0 + 6s);
    EXPECT_TRUE(lost.empty());
    links.links.pop_back();
    links.links[0].flags = 0;
    profiles::trackCarrier(lost, links, t0 + 7s);
    EXPECT_EQ(lost.at(3), t0 + 7s);
}

} // namespace
