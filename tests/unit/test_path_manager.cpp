// PathManager against the real kernel, in a fresh namespace per test, with
// `ip mptcp` reading back what we wrote.
#include "event_monitor.h"
#include "namespace_fixture.h"
#include "path_manager.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>

namespace {

using mptcp::Endpoint;
using mptcp::IpAddress;

Endpoint makeEndpoint(const char* address, uint32_t flags, uint8_t id = 0) {
    Endpoint endpoint;
    endpoint.address = *IpAddress::parse(address);
    endpoint.flags = flags;
    endpoint.id = id;
    return endpoint;
}

class PathManagerTest : public testing_support::FreshNetworkNamespace {
protected:
    void SetUp() override {
        FreshNetworkNamespace::SetUp();
        auto opened = mptcp::PathManager::open();
        ASSERT_TRUE(opened) << opened.error().describe();
        pm_.emplace(std::move(opened).value());
    }
    mptcp::PathManager& pm() { return *pm_; }

private:
    std::optional<mptcp::PathManager> pm_;
};

TEST_F(PathManagerTest, DefaultsMatchTheKernels) {
    auto limits = pm().limits();
    ASSERT_TRUE(limits);
    EXPECT_EQ(limits->addAddrAccepted, 0u);
    EXPECT_EQ(limits->subflows, 2u);
    auto endpoints = pm().endpoints();
    ASSERT_TRUE(endpoints);
    EXPECT_TRUE(endpoints->empty());
}

TEST_F(PathManagerTest, AddedEndpointsReadBackThroughIp) {
    ASSERT_TRUE(pm().addEndpoint(makeEndpoint("10.0.0.1", mptcp::kFlagSubflow)));
    ASSERT_TRUE(pm().addEndpoint(makeEndpoint("2001:db8::1", mptcp::kFlagSignal, 9)));
    EXPECT_EQ(shell("ip mptcp endpoint show"),
              "10.0.0.1 id 1 subflow \n2001:db8::1 id 9 signal \n");
    auto one = pm().endpoint(9);
    ASSERT_TRUE(one) << one.error().describe();
    EXPECT_EQ(one->address.toString(), "2001:db8::1");
}

TEST_F(PathManagerTest, ReadsWhatIpWrote) {
    // A signal endpoint with a port listens on it: the address must be local.
    shell("ip address add 10.0.0.2/32 dev lo");
    shell("ip mptcp endpoint add 10.0.0.2 id 4 signal port 7000");
    auto endpoints = pm().endpoints();
    ASSERT_TRUE(endpoints);
    ASSERT_EQ(endpoints->size(), 1u);
    EXPECT_EQ((*endpoints)[0].id, 4);
    EXPECT_EQ((*endpoints)[0].port, 7000);
    EXPECT_EQ((*endpoints)[0].flags, mptcp::kFlagSignal);
}

TEST_F(PathManagerTest, NinthEndpointIsRefusedWithAnExplanation) {
    for (int i = 1; i <= 8; ++i) {
        std::string address = "10.0.0." + std::to_string(i);
        ASSERT_TRUE(pm().addEndpoint(makeEndpoint(address.c_str(), mptcp::kFlagSubflow)));
    }
    const std::string before = shell("ip mptcp endpoint show");
    mptcp::Status ninth = pm().addEndpoint(makeEndpoint("10.0.0.9", mptcp::kFlagSubflow));
    ASSERT_FALSE(ninth);
    EXPECT_NE(ninth.error().advice().find("at most 8 endpoints"), std::string::npos)
        << ninth.error().describe();
    EXPECT_FALSE(ninth.error().kernelMessage().empty()) << "the kernel's extack text is kept";
    EXPECT_EQ(shell("ip mptcp endpoint show"), before);
}

TEST(KernelErrors, NinthEndpointSaysTheMaximumAndKeepsTheKernelsWords) {
    mptcp::Error kernel(ERANGE, "Numerical result out of range",
                        "too many addresses or duplicate one: -34");
    EXPECT_EQ(mptcp::explainKernelError(mptcp::Operation::AddEndpoint, kernel).describe(),
              "the kernel accepts at most 8 endpoints; remove one first (kernel: too many "
              "addresses or duplicate one: -34)");
}

TEST_F(PathManagerTest, DuplicateIdIsRefused) {
    ASSERT_TRUE(pm().addEndpoint(makeEndpoint("10.0.0.1", mptcp::kFlagSubflow, 5)));
    mptcp::Status again = pm().addEndpoint(makeEndpoint("10.0.0.2", mptcp::kFlagSubflow, 5));
    ASSERT_FALSE(again);
    EXPECT_NE(again.error().advice().find("an endpoint with this id already exists"),
              std::string::npos)
        << again.error().describe();
    EXPECT_EQ(shell("ip mptcp endpoint show"), "10.0.0.1 id 5 subflow \n");
}

TEST_F(PathManagerTest, DuplicateAddressIsRefused) {
    ASSERT_TRUE(pm().addEndpoint(makeEndpoint("10.0.0.1", mptcp::kFlagSubflow)));
    mptcp::Status again = pm().addEndpoint(makeEndpoint("10.0.0.1", mptcp::kFlagSubflow));
    ASSERT_FALSE(again);
    EXPECT_NE(again.error().advice().find("already exists"), std::string::npos)
        << again.error().describe();
}

TEST_F(PathManagerTest, LimitAboveMaximumIsRefusedNamingTheMaximum) {
    mptcp::Status refused = pm().setLimits(9, std::nullopt);
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().advice().find("maximum is 8"), std::string::npos)
        << refused.error().describe();
    EXPECT_EQ(shell("ip mptcp limits show"), "add_addr_accepted 0 subflows 2 \n");
    ASSERT_TRUE(pm().setLimits(8, 3));
    EXPECT_EQ(shell("ip mptcp limits show"), "add_addr_accepted 3 subflows 8 \n");
    ASSERT_TRUE(pm().setLimits(std::nullopt, 1));
    EXPECT_EQ(shell("ip mptcp limits show"), "add_addr_accepted 1 subflows 8 \n");
}

TEST_F(PathManagerTest, IdsWrapAroundAfter255) {
    ASSERT_TRUE(pm().addEndpoint(makeEndpoint("10.0.0.1", mptcp::kFlagSignal, 255)));
    ASSERT_TRUE(pm().addEndpoint(makeEndpoint("10.0.0.2", mptcp::kFlagSignal)));
    auto second = pm().endpoints();
    ASSERT_TRUE(second);
    ASSERT_EQ(second->size(), 2u);
    EXPECT_EQ((*second)[0].id, 1) << "the next id after 255 wraps to the lowest free one";
}

TEST_F(PathManagerTest, ChangeSetsBackupAndFullmeshExactly) {
    ASSERT_TRUE(pm().addEndpoint(makeEndpoint("10.0.0.1", mptcp::kFlagSubflow)));
    mptcp::EndpointSelector byId{1, {}, 0};
    ASSERT_TRUE(pm().changeEndpoint(byId, mptcp::kFlagBackup | mptcp::kFlagFullmesh));
    EXPECT_EQ(shell("ip mptcp endpoint show"), "10.0.0.1 id 1 subflow backup fullmesh \n");
    ASSERT_TRUE(pm().changeEndpoint(byId, mptcp::kFlagFullmesh));
    EXPECT_EQ(shell("ip mptcp endpoint show"), "10.0.0.1 id 1 subflow fullmesh \n");
    mptcp::EndpointSelector byAddress{0, *IpAddress::parse("10.0.0.1"), 0};
    ASSERT_TRUE(pm().changeEndpoint(byAddress, 0));
    EXPECT_EQ(shell("ip mptcp endpoint show"), "10.0.0.1 id 1 subflow \n");
}

TEST_F(PathManagerTest, RemoveAndFlush) {
    ASSERT_TRUE(pm().addEndpoint(makeEndpoint("10.0.0.1", mptcp::kFlagSubflow)));
    ASSERT_TRUE(pm().addEndpoint(makeEndpoint("10.0.0.2", mptcp::kFlagSubflow)));
    mptcp::Status missing = pm().removeEndpoint(42);
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.error().advice().find("no endpoint has this id"), std::string::npos);
    ASSERT_TRUE(pm().removeEndpoint(1));
    EXPECT_EQ(shell("ip mptcp endpoint show"), "10.0.0.2 id 2 subflow \n");
    ASSERT_TRUE(pm().flushEndpoints());
    EXPECT_EQ(shell("ip mptcp endpoint show"), "");
}

TEST_F(PathManagerTest, SignalPortOnForeignAddressIsExplained) {
    mptcp::Endpoint endpoint = makeEndpoint("10.0.0.3", mptcp::kFlagSignal);
    endpoint.port = 7000;
    mptcp::Status refused = pm().addEndpoint(endpoint);
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().advice().find("needs its address on one of this machine's"),
              std::string::npos)
        << refused.error().describe();
    EXPECT_EQ(shell("ip mptcp endpoint show"), "");
}

TEST_F(PathManagerTest, MissingEndpointLookupFails) {
    auto missing = pm().endpoint(3);
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.error().advice().find("no endpoint has this id"), std::string::npos);
}

TEST_F(PathManagerTest, MonitorSeesALoopbackConnection) {
    auto monitor = mptcp::EventMonitor::open();
    ASSERT_TRUE(monitor) << monitor.error().describe();

    int listener = socket(AF_INET, SOCK_STREAM, IPPROTO_MPTCP);
    ASSERT_GE(listener, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(6001);
    ASSERT_EQ(bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof(address)), 0);
    ASSERT_EQ(listen(listener, 1), 0);
    int client = socket(AF_INET, SOCK_STREAM, IPPROTO_MPTCP);
    ASSERT_EQ(connect(client, reinterpret_cast<sockaddr*>(&address), sizeof(address)), 0);
    int accepted = accept(listener, nullptr, nullptr);
    ASSERT_GE(accepted, 0);
    ASSERT_EQ(write(client, "x", 1), 1);
    char byte;
    ASSERT_EQ(read(accepted, &byte, 1), 1);
    close(client);
    close(accepted);
    close(listener);

    std::vector<mptcp::Event> events;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    auto closedCount = [&events] {
        return std::count_if(events.begin(), events.end(), [](const mptcp::Event& event) {
            return event.type() == mptcp::EventType::Closed;
        });
    };
    while (closedCount() < 2 && std::chrono::steady_clock::now() < deadline) {
        pollfd descriptor{monitor->fd(), POLLIN, 0};
        poll(&descriptor, 1, 100);
        auto batch = monitor->read(false);
        ASSERT_TRUE(batch) << batch.error().describe();
        events.insert(events.end(), batch->begin(), batch->end());
    }
    ASSERT_EQ(closedCount(), 2);
    auto created = std::find_if(events.begin(), events.end(), [](const mptcp::Event& event) {
        return event.type() == mptcp::EventType::Created && event.destinationPort == 6001;
    });
    ASSERT_NE(created, events.end());
    EXPECT_EQ(created->sourceAddress.toString(), "127.0.0.1");
    EXPECT_TRUE(created->token.has_value());
    EXPECT_TRUE(std::any_of(events.begin(), events.end(), [](const mptcp::Event& event) {
        return event.type() == mptcp::EventType::ListenerCreated && event.sourcePort == 6001;
    }));
}

} // namespace
