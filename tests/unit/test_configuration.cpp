// ApplyConfiguration's engine against the real kernel: all or nothing.
#include "configuration.h"
#include "namespace_fixture.h"

namespace {

mptcp::Endpoint endpoint(const char* address, uint8_t id, uint32_t flags, uint16_t port = 0) {
    mptcp::Endpoint result;
    result.address = *mptcp::IpAddress::parse(address);
    result.id = id;
    result.flags = flags;
    result.port = port;
    return result;
}

class ConfigurationTest : public testing_support::FreshNetworkNamespace {
protected:
    void SetUp() override {
        FreshNetworkNamespace::SetUp();
        shell("ip link add test0 type veth peer name test1 && ip link set test0 up");
        // Signal endpoints with a port listen on their address: it must be local.
        shell("ip address add 10.0.0.2/24 dev test0 && ip address add 10.0.1.2/24 dev test0");
        shell("ip mptcp endpoint add 10.0.0.1 id 7 subflow backup dev test0");
        shell("ip mptcp endpoint add 10.0.0.2 id 3 signal port 4000");
        shell("ip mptcp limits set subflows 3 add_addr_accepted 1");
        auto opened = mptcp::PathManager::open();
        ASSERT_TRUE(opened);
        pm_.emplace(std::move(opened).value());
        before_ = shell("ip mptcp endpoint show; ip mptcp limits show");
    }
    std::optional<mptcp::PathManager> pm_;
    std::string before_;
};

TEST_F(ConfigurationTest, ReplacesEverything) {
    helper::Configuration wanted{{endpoint("10.0.1.1", 5, mptcp::kFlagSubflow),
                                  endpoint("10.0.1.2", 9, mptcp::kFlagSignal, 5000)},
                                 {2, 4}};
    ASSERT_TRUE(helper::applyConfiguration(*pm_, wanted));
    EXPECT_EQ(shell("ip mptcp endpoint show; ip mptcp limits show"),
              "10.0.1.1 id 5 subflow \n10.0.1.2 port 5000 id 9 signal \n"
              "add_addr_accepted 4 subflows 2 \n");
}

TEST_F(ConfigurationTest, FailureMidwayRestoresThePreviousStateExactly) {
    // The second endpoint repeats the first one's address: only the kernel
    // can see that, after the first was already added.
    helper::Configuration wanted{{endpoint("10.0.1.1", 0, mptcp::kFlagSubflow),
                                  endpoint("10.0.1.1", 0, mptcp::kFlagSubflow)},
                                 {1, 1}};
    mptcp::Status applied = helper::applyConfiguration(*pm_, wanted);
    ASSERT_FALSE(applied);
    EXPECT_NE(applied.error().advice().find("already exists"), std::string::npos)
        << applied.error().describe();
    EXPECT_EQ(shell("ip mptcp endpoint show; ip mptcp limits show"), before_);
}

TEST_F(ConfigurationTest, RefusedLimitRestoresEndpointsToo) {
    helper::Configuration wanted{{endpoint("10.0.1.1", 0, mptcp::kFlagSubflow)}, {9, 0}};
    ASSERT_FALSE(helper::applyConfiguration(*pm_, wanted));
    EXPECT_EQ(shell("ip mptcp endpoint show; ip mptcp limits show"), before_);
}

} // namespace
