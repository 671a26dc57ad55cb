// The `ip mptcp` grammar: keywords, abbreviations, and iproute2's refusals.
#include "command_line.h"

#include <gtest/gtest.h>

#include <sstream>

namespace {

using namespace mptcpctl;

std::vector<std::string> words(const std::string& line) {
    std::istringstream stream(line);
    std::vector<std::string> result;
    for (std::string word; stream >> word;) {
        result.push_back(word);
    }
    return result;
}

ParsedCommandLine parseOk(const std::string& line) {
    auto parsed = parseCommandLine(words(line));
    if (auto* error = std::get_if<UsageError>(&parsed)) {
        ADD_FAILURE() << line << ": " << error->message;
        return {{}, Help{}};
    }
    return std::get<ParsedCommandLine>(parsed);
}

std::string parseError(const std::string& line) {
    auto parsed = parseCommandLine(words(line));
    if (auto* error = std::get_if<UsageError>(&parsed)) {
        return error->message;
    }
    ADD_FAILURE() << line << " was accepted";
    return {};
}

TEST(CommandLine, EndpointAddWithEverything) {
    auto parsed = parseOk("--direct -j endpoint add 10.0.0.1 dev eth0 id 0x10 port 443 signal backup");
    EXPECT_TRUE(parsed.options.direct);
    EXPECT_TRUE(parsed.options.json);
    const auto& add = std::get<EndpointAdd>(parsed.command);
    EXPECT_EQ(add.endpoint.address.toString(), "10.0.0.1");
    EXPECT_EQ(add.device, "eth0");
    EXPECT_EQ(add.endpoint.id, 16);
    EXPECT_EQ(add.endpoint.port, 443);
    EXPECT_EQ(add.endpoint.flags, mptcp::kFlagSignal | mptcp::kFlagBackup);
}

TEST(CommandLine, AbbreviationsAsIproute2) {
    EXPECT_TRUE(std::holds_alternative<EndpointShow>(parseOk("e").command));
    EXPECT_TRUE(std::holds_alternative<EndpointShow>(parseOk("endp s").command));
    EXPECT_TRUE(std::holds_alternative<EndpointFlush>(parseOk("e f").command));
    EXPECT_TRUE(std::holds_alternative<LimitsShow>(parseOk("l").command));
    EXPECT_TRUE(std::holds_alternative<Monitor>(parseOk("m").command));
    auto set = std::get<LimitsSet>(parseOk("limits set sub 3 add 4").command);
    EXPECT_EQ(set.subflows, 3u);
    EXPECT_EQ(set.addAddrAccepted, 4u);
    auto add = std::get<EndpointAdd>(parseOk("e a ::1 i 3 d lo").command);
    EXPECT_EQ(add.endpoint.id, 3);
    EXPECT_EQ(add.device, "lo");
}

TEST(CommandLine, DeleteRules) {
    auto remove = std::get<EndpointDelete>(parseOk("endpoint delete id 0 10.0.0.1").command);
    EXPECT_EQ(remove.id, 0);
    EXPECT_EQ(remove.address.toString(), "10.0.0.1");
    EXPECT_EQ(parseError("endpoint delete"), "argument \"ID\" is required");
    EXPECT_EQ(parseError("endpoint delete id 3 10.0.0.1"),
              "argument \"ADDRESS\" is wrong: invalid for non-zero id address");
    EXPECT_EQ(parseError("endpoint delete id 0"),
              "argument \"ID\" is wrong: address is needed for deleting id 0 address");
}

TEST(CommandLine, Refusals) {
    EXPECT_EQ(parseError("endpoint add"), "argument \"ADDRESS\" is required");
    EXPECT_EQ(std::get<EndpointAdd>(parseOk("endpoint add 10.0.0.1 id 0").command).endpoint.id, 0);
    EXPECT_EQ(parseError("endpoint add 10.0.0.1 id 256"), "argument \"256\" is wrong: invalid ID");
    EXPECT_EQ(parseError("endpoint add 10.0.0.1 id -1"), "argument \"-1\" is wrong: invalid ID");
    EXPECT_EQ(parseError("endpoint add 10.0.0.1 port 70000 signal"),
              "argument \"70000\" is wrong: expected port");
    EXPECT_EQ(parseError("endpoint add 10.0.0.1 port 80"),
              "argument \"port\" is wrong: flags must have signal when using port");
    EXPECT_EQ(parseError("endpoint add 10.0.0.1 signal fullmesh"),
              "argument \"fullmesh\" is wrong: flags mustn't have both signal and fullmesh");
    EXPECT_EQ(parseError("endpoint add 10.0.0.300"),
              "argument \"10.0.0.300\" is wrong: unknown argument");
    EXPECT_EQ(parseError("endpoint add 10.0.0.1 dev 0123456789abcdef"),
              "argument \"0123456789abcdef\" is wrong: invalid interface name");
    EXPECT_EQ(parseError("endpoint add 10.0.0.1 id"),
              "command line is not complete: \"id\" needs a value");
    EXPECT_EQ(parseError("endpoint change id 1 signal"),
              "argument \"signal\" is wrong: invalid flags, backup and fullmesh only");
    EXPECT_EQ(parseError("endpoint change id 1 port 5 backup"),
              "argument \"port\" is wrong: port can't be used with id");
    EXPECT_EQ(parseError("limits set subflows x"), "argument \"x\" is wrong: invalid subflows");
    EXPECT_EQ(parseError("limits set foo 1"), "argument \"foo\" is wrong: unknown limit");
    EXPECT_EQ(parseError("limits set subflows 4294967296"),
              "argument \"4294967296\" is wrong: invalid subflows");
    EXPECT_EQ(parseError("bogus"), "Command \"bogus\" is unknown, try \"mptcpctl help\".");
    EXPECT_EQ(parseError("endpoint frob"), "Command \"frob\" is unknown, try \"mptcpctl help\".");
    EXPECT_EQ(parseError("--frob endpoint"), "Option \"--frob\" is unknown, try \"mptcpctl help\".");
    EXPECT_EQ(parseError("-n"), "command line is not complete: \"-n\" needs a value");
    EXPECT_EQ(parseError("monitor now"), "Command \"now\" is unknown, try \"mptcpctl help\".");
}

TEST(CommandLine, ChangeClearsWithNoFlags) {
    auto change = std::get<EndpointChange>(parseOk("endpoint change id 2 nobackup nofullmesh").command);
    EXPECT_EQ(change.selector.id, 2);
    EXPECT_EQ(change.flags, 0u);
    auto byAddress = std::get<EndpointChange>(parseOk("endpoint change 10.0.0.1 port 5 backup").command);
    EXPECT_EQ(byAddress.selector.id, 0);
    EXPECT_EQ(byAddress.selector.port, 5);
    EXPECT_EQ(byAddress.flags, mptcp::kFlagBackup);
}

TEST(CommandLine, GlobalOptions) {
    auto parsed = parseOk("-n lab -p -j connections listening");
    EXPECT_EQ(parsed.options.netns, "lab");
    EXPECT_TRUE(parsed.options.pretty);
    EXPECT_TRUE(std::get<Connections>(parsed.command).listeners);
    EXPECT_TRUE(std::holds_alternative<Help>(parseOk("help").command));
    EXPECT_TRUE(std::holds_alternative<Help>(parseOk("").command));
}

TEST(CommandLine, Doctor) {
    auto parsed = parseOk("--direct -n lab -j doctor");
    EXPECT_TRUE(std::holds_alternative<Doctor>(parsed.command));
    EXPECT_TRUE(parsed.options.json);
    EXPECT_EQ(parsed.options.netns, "lab");
    EXPECT_TRUE(std::holds_alternative<Doctor>(parseOk("doc").command));
    EXPECT_TRUE(std::holds_alternative<Doctor>(parseOk("d").command));
    EXPECT_EQ(parseError("doctor now"), "argument \"now\" is wrong: unknown argument");
    const std::string usage = usageText();
    EXPECT_NE(usage.find("mptcpctl [ OPTIONS ] doctor\n"), std::string::npos);
    EXPECT_NE(usage.find("doctor exits 0 when it finds nothing wrong"), std::string::npos);
}

} // namespace
