// The helper's argument checks: each refusal names the problem, each valid
// request comes out typed.
#include "validation.h"

#include <gtest/gtest.h>

namespace {

using namespace helper;

uint32_t fakeLookup(const char* name) { return std::string(name) == "wlan0" ? 3 : 0; }

std::string refusal(const Validated<mptcp::Endpoint>& result) {
    auto* error = std::get_if<ValidationError>(&result);
    return error ? error->message : std::string("accepted");
}

Validated<mptcp::Endpoint> add(const std::string& address, uint16_t port, const std::string& ifname,
                               uint32_t id, uint32_t flags) {
    return validateNewEndpoint(address, port, ifname, id, flags, fakeLookup);
}

TEST(Validation, AcceptsAUsableEndpoint) {
    auto result = add("192.0.2.7", 0, "wlan0", 0, mptcp::kFlagSubflow | mptcp::kFlagBackup);
    ASSERT_TRUE(std::holds_alternative<mptcp::Endpoint>(result)) << refusal(result);
    const auto& endpoint = std::get<mptcp::Endpoint>(result);
    EXPECT_EQ(endpoint.ifindex, 3);
    EXPECT_EQ(endpoint.address.toString(), "192.0.2.7");
    auto signal = add("2001:db8::1", 8080, "", 200, mptcp::kFlagSignal);
    EXPECT_TRUE(std::holds_alternative<mptcp::Endpoint>(signal)) << refusal(signal);
}

TEST(Validation, RefusesUnusableAddresses) {
    EXPECT_EQ(refusal(add("", 0, "", 0, 2)), "\"\" is not an IPv4 or IPv6 address");
    EXPECT_EQ(refusal(add("10.0.0", 0, "", 0, 2)), "\"10.0.0\" is not an IPv4 or IPv6 address");
    EXPECT_NE(refusal(add("0.0.0.0", 0, "", 0, 2)).find("unspecified"), std::string::npos);
    EXPECT_NE(refusal(add("::", 0, "", 0, 2)).find("unspecified"), std::string::npos);
    EXPECT_NE(refusal(add("224.0.0.1", 0, "", 0, 2)).find("multicast"), std::string::npos);
    EXPECT_NE(refusal(add("ff02::1", 0, "", 0, 2)).find("multicast"), std::string::npos);
    EXPECT_NE(refusal(add("255.255.255.255", 0, "", 0, 2)).find("broadcast"), std::string::npos);
    EXPECT_NE(refusal(add("127.0.0.1", 0, "", 0, 2)).find("loopback"), std::string::npos);
    EXPECT_NE(refusal(add("::1", 0, "", 0, 2)).find("loopback"), std::string::npos);
    std::string huge(10000, 'a');
    std::string message = refusal(add(huge, 0, "", 0, 2));
    EXPECT_LT(message.size(), 120u) << "untrusted input is cut short in messages";
}

TEST(Validation, RefusesBadIdsFlagsPortsAndInterfaces) {
    EXPECT_NE(refusal(add("192.0.2.1", 0, "", 256, 2)).find("out of range"), std::string::npos);
    EXPECT_NE(refusal(add("192.0.2.1", 0, "", 0, 0x40)).find("unknown endpoint flag bits 0x40"),
              std::string::npos);
    EXPECT_NE(refusal(add("192.0.2.1", 0, "", 0, mptcp::kFlagImplicit)).find("implicit"),
              std::string::npos);
    EXPECT_NE(refusal(add("192.0.2.1", 0, "", 0, mptcp::kFlagSignal | mptcp::kFlagFullmesh))
                  .find("both signal and fullmesh"),
              std::string::npos);
    EXPECT_NE(refusal(add("192.0.2.1", 80, "", 0, mptcp::kFlagSubflow)).find("signal endpoint"),
              std::string::npos);
    EXPECT_NE(refusal(add("192.0.2.1", 80, "", 0, mptcp::kFlagSignal | mptcp::kFlagSubflow))
                  .find("subflow endpoint"),
              std::string::npos);
    EXPECT_NE(refusal(add("192.0.2.1", 0, "nosuchif0", 0, 2)).find("no interface \"nosuchif0\""),
              std::string::npos);
    EXPECT_NE(refusal(add("192.0.2.1", 0, "0123456789abcdef", 0, 2)).find("longer than 15"),
              std::string::npos);
    EXPECT_NE(refusal(add("192.0.2.1", 0, "../etc", 0, 2)).find("not a valid interface name"),
              std::string::npos);
}

TEST(Validation, RemovalRules) {
    auto byId = validateRemoval(4, "");
    ASSERT_TRUE(std::holds_alternative<RemoveRequest>(byId));
    EXPECT_EQ(std::get<RemoveRequest>(byId).id, 4);
    auto idZero = validateRemoval(0, "10.0.0.1");
    ASSERT_TRUE(std::holds_alternative<RemoveRequest>(idZero));
    EXPECT_TRUE(std::holds_alternative<ValidationError>(validateRemoval(0, "")));
    EXPECT_TRUE(std::holds_alternative<ValidationError>(validateRemoval(0, "nonsense")));
    EXPECT_TRUE(std::holds_alternative<ValidationError>(validateRemoval(3, "10.0.0.1")));
    EXPECT_TRUE(std::holds_alternative<ValidationError>(validateRemoval(256, "")));
}

TEST(Validation, FlagChangesAndLimits) {
    EXPECT_TRUE(std::holds_alternative<uint8_t>(validateFlagChange(1, mptcp::kFlagBackup)));
    EXPECT_TRUE(std::holds_alternative<uint8_t>(validateFlagChange(255, 0)));
    auto signal = validateFlagChange(1, mptcp::kFlagSignal);
    ASSERT_TRUE(std::holds_alternative<ValidationError>(signal));
    EXPECT_NE(std::get<ValidationError>(signal).message.find("not signal"), std::string::npos);
    EXPECT_TRUE(std::holds_alternative<ValidationError>(validateFlagChange(0, 0)));
    EXPECT_TRUE(std::holds_alternative<mptcp::Limits>(validateLimits(8, 8)));
    auto tooMany = validateLimits(9, 0);
    ASSERT_TRUE(std::holds_alternative<ValidationError>(tooMany));
    EXPECT_EQ(std::get<ValidationError>(tooMany).message,
              "subflows limit 9 is above the kernel's maximum of 8");
    EXPECT_TRUE(std::holds_alternative<ValidationError>(validateLimits(0, 0xffffffffu)));
}

} // namespace
