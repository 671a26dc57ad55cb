// Plain output must be byte-for-byte iproute2 6.1's; JSON must be valid and
// carry the same facts.
#include "commands.h"
#include "printers.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <gtest/gtest.h>

namespace {

using namespace mptcpctl;

std::string fakeName(int32_t ifindex) { return "eth" + std::to_string(ifindex); }

mptcp::Endpoint endpoint(const char* address, uint8_t id, uint32_t flags, uint16_t port = 0,
                         int32_t ifindex = 0) {
    mptcp::Endpoint result;
    result.address = *mptcp::IpAddress::parse(address);
    result.id = id;
    result.flags = flags;
    result.port = port;
    result.ifindex = ifindex;
    return result;
}

TEST(Printers, EndpointLinesAsIproute2) {
    EXPECT_EQ(formatEndpoint(endpoint("10.0.0.1", 1, mptcp::kFlagSubflow, 0, 2), fakeName),
              "10.0.0.1 id 1 subflow dev eth2 \n");
    EXPECT_EQ(formatEndpoint(endpoint("10.0.1.1", 1, mptcp::kFlagSignal, 1000), fakeName),
              "10.0.1.1 port 1000 id 1 signal \n");
    EXPECT_EQ(formatEndpoint(endpoint("dead::1", 2,
                                      mptcp::kFlagSubflow | mptcp::kFlagBackup |
                                          mptcp::kFlagFullmesh,
                                      0, 3),
                             fakeName),
              "dead::1 id 2 subflow backup fullmesh dev eth3 \n");
    EXPECT_EQ(formatEndpoint(endpoint("10.0.0.2", 3, 0x100 | mptcp::kFlagImplicit), fakeName),
              "10.0.0.2 id 3 implicit rawflags 100 \n");
}

TEST(Printers, EndpointJsonAsIproute2) {
    JsonWriter json;
    json.beginArray();
    writeEndpoint(json, endpoint("10.0.0.1", 1, mptcp::kFlagSubflow, 0, 2), fakeName);
    writeEndpoint(json, endpoint("10.0.1.1", 4, mptcp::kFlagSignal | 0x40, 1000), fakeName);
    json.endArray();
    EXPECT_EQ(json.text(), "[{\"address\":\"10.0.0.1\",\"id\":1,\"subflow\":true,\"dev\":\"eth2\"},"
                           "{\"address\":\"10.0.1.1\",\"port\":1000,\"id\":4,\"signal\":true,"
                           "\"rawflags\":\"40\"}]");
}

TEST(Printers, Limits) {
    EXPECT_EQ(formatLimits({2, 0}), "add_addr_accepted 0 subflows 2 \n");
    JsonWriter json;
    writeLimits(json, {8, 3});
    EXPECT_EQ(json.text(), "{\"add_addr_accepted\":3,\"subflows\":8}");
}

TEST(Printers, EventLinesAsIproute2) {
    mptcp::Event created;
    created.command = 1;
    created.token = 0x720eb4bb;
    created.remoteId = 0;
    created.localId = 0;
    created.sourceAddress = *mptcp::IpAddress::parse("127.0.0.1");
    created.destinationAddress = *mptcp::IpAddress::parse("127.0.0.1");
    created.sourcePort = 5000;
    created.destinationPort = 36550;
    created.flags = 2;
    EXPECT_EQ(formatEvent(created), "[       CREATED] token=720eb4bb remid=0 locid=0 "
                                    "saddr4=127.0.0.1 daddr4=127.0.0.1 sport=5000 dport=36550 "
                                    "flags=2\n");
    mptcp::Event closed;
    closed.command = 11;
    closed.token = 1;
    closed.sourceAddress = *mptcp::IpAddress::parse("::1");
    closed.backup = 0;
    closed.error = 111;
    closed.resetReason = 1;
    closed.resetFlags = 0;
    EXPECT_EQ(formatEvent(closed), "[     SF_CLOSED] token=00000001 saddr6=::1 backup=0 error=111 "
                                   "reset_reason=1 reset_flags=0x0\n");
    mptcp::Event listener;
    listener.command = 15;
    EXPECT_EQ(formatEvent(listener), "[UNKNOWN 15]\n");
}

TEST(Printers, EventJsonNamesEverything) {
    mptcp::Event listener;
    listener.command = 15;
    listener.sourcePort = 80;
    listener.resetReason = 5;
    JsonWriter json;
    writeEvent(json, listener);
    EXPECT_EQ(json.text(), "{\"type\":\"LISTENER_CREATED\",\"command\":15,\"sport\":80,"
                           "\"reset_reason\":5,\"reset_reason_text\":\"unacceptable performance\"}");
    mptcp::Event lost;
    lost.eventsLost = true;
    JsonWriter lostJson;
    writeEvent(lostJson, lost);
    EXPECT_EQ(lostJson.text(), "{\"type\":\"EVENTS_LOST\"}");
}

TEST(JsonWriter, EscapesAndPrettyPrints) {
    EXPECT_EQ(JsonWriter::quote("a\"b\\c\n\x01"), "\"a\\\"b\\\\c\\n\\u0001\"");
    JsonWriter pretty(true);
    pretty.beginObject();
    pretty.number("a", 1);
    pretty.beginArray("b");
    pretty.endArray();
    pretty.endObject();
    EXPECT_EQ(pretty.text(), "{\n    \"a\": 1,\n    \"b\": []\n}");
}

doctor::Finding finding(const char* id, doctor::Severity severity,
                        std::optional<doctor::FixAction> action = std::nullopt) {
    return {id, severity, "Summary of " + std::string(id) + ".", "Because.", "Do this.", action};
}

TEST(Printers, DoctorPlainBlocks) {
    EXPECT_EQ(formatFindings({}), "No problems found.\n");
    std::vector<doctor::Finding> findings = {
        finding("mptcp-disabled", doctor::Severity::Error),
        finding("add-addr-accepted-zero", doctor::Severity::Info),
    };
    findings[1].fix = "First line:\nip rule add from 10.0.0.1 table 101\nip route add default "
                      "via 10.0.0.254 dev eth1 table 101";
    EXPECT_EQ(formatFindings(findings),
              "[error] mptcp-disabled: Summary of mptcp-disabled.\n"
              "    why: Because.\n"
              "    fix: Do this.\n"
              "\n"
              "[info] add-addr-accepted-zero: Summary of add-addr-accepted-zero.\n"
              "    why: Because.\n"
              "    fix: First line:\n"
              "        ip rule add from 10.0.0.1 table 101\n"
              "        ip route add default via 10.0.0.254 dev eth1 table 101\n");
}

TEST(Printers, DoctorJsonCarriesTheAction) {
    JsonWriter json;
    json.beginArray();
    writeFinding(json, finding("mptcp-disabled", doctor::Severity::Error,
                               doctor::SetSysctlFix{"enabled", "1"}));
    writeFinding(json, finding("subflows-limit-too-low", doctor::Severity::Warning,
                               doctor::SetLimitsFix{4, 1}));
    writeFinding(json, finding("endpoint-address-missing", doctor::Severity::Error,
                               doctor::RemoveEndpointFix{7}));
    writeFinding(json, finding("x", doctor::Severity::Warning,
                               doctor::SetEndpointFlagsFix{3, mptcp::kFlagBackup}));
    writeFinding(json, finding("fallback-to-tcp", doctor::Severity::Info));
    json.endArray();
    auto object = [](const char* id, const char* severity, const std::string& action) {
        return std::string("{\"id\":\"") + id + "\",\"severity\":\"" + severity +
               "\",\"summary\":\"Summary of " + id +
               ".\",\"why\":\"Because.\",\"fix\":\"Do this.\"" + action + "}";
    };
    EXPECT_EQ(json.text(),
              "[" +
                  object("mptcp-disabled", "error",
                         ",\"action\":{\"method\":\"SetSysctl\",\"arguments\":{\"name\":"
                         "\"enabled\",\"value\":\"1\"}}") +
                  "," +
                  object("subflows-limit-too-low", "warning",
                         ",\"action\":{\"method\":\"SetLimits\",\"arguments\":{\"subflows\":4,"
                         "\"add_addr_accepted\":1}}") +
                  "," +
                  object("endpoint-address-missing", "error",
                         ",\"action\":{\"method\":\"RemoveEndpoint\",\"arguments\":{\"id\":7}}") +
                  "," +
                  object("x", "warning",
                         ",\"action\":{\"method\":\"SetEndpointFlags\",\"arguments\":{\"id\":3,"
                         "\"flags\":4}}") +
                  "," + object("fallback-to-tcp", "info", "") + "]");
}

// Answers diagnose() with canned findings; nothing else is called.
class CannedDoctor final : public Backend {
public:
    explicit CannedDoctor(mptcp::Result<std::vector<doctor::Finding>> answer)
        : answer_(std::move(answer)) {}
    mptcp::Result<std::vector<doctor::Finding>> diagnose() override { return answer_; }

    mptcp::Status addEndpoint(const EndpointAdd&) override { return unused(); }
    mptcp::Status removeEndpoint(uint8_t, const mptcp::IpAddress&) override { return unused(); }
    mptcp::Result<mptcp::Endpoint> endpoint(uint8_t) override { return unused(); }
    mptcp::Result<std::vector<mptcp::Endpoint>> endpoints() override { return unused(); }
    mptcp::Status flushEndpoints() override { return unused(); }
    mptcp::Status changeEndpoint(const mptcp::EndpointSelector&, uint32_t) override {
        return unused();
    }
    mptcp::Result<mptcp::Limits> limits() override { return unused(); }
    mptcp::Status setLimits(std::optional<uint32_t>, std::optional<uint32_t>) override {
        return unused();
    }
    mptcp::Result<std::vector<mptcp::Connection>> connections(bool) override { return unused(); }
    mptcp::Status monitor(const EventSink&) override { return unused(); }
    std::string interfaceName(int32_t ifindex) override { return fakeName(ifindex); }

private:
    static mptcp::Error unused() {
        ADD_FAILURE() << "doctor called another backend method";
        return mptcp::Error(ENOSYS, "unused");
    }
    mptcp::Result<std::vector<doctor::Finding>> answer_;
};

struct CommandRun {
    int status;
    std::string out;
    std::string err;
};

CommandRun runDoctor(mptcp::Result<std::vector<doctor::Finding>> answer, bool json) {
    CannedDoctor backend(std::move(answer));
    ParsedCommandLine parsed{{}, Doctor{}};
    parsed.options.json = json;
    char* outText = nullptr;
    char* errText = nullptr;
    size_t outSize = 0;
    size_t errSize = 0;
    FILE* out = open_memstream(&outText, &outSize);
    FILE* err = open_memstream(&errText, &errSize);
    CommandRun run{runCommand(backend, parsed, out, err), {}, {}};
    std::fclose(out);
    std::fclose(err);
    run.out.assign(outText, outSize);
    run.err.assign(errText, errSize);
    std::free(outText);
    std::free(errText);
    return run;
}

TEST(DoctorCommand, ExitStatusSaysWhetherSomethingIsWrong) {
    auto clean = runDoctor(std::vector<doctor::Finding>{}, false);
    EXPECT_EQ(clean.status, 0);
    EXPECT_EQ(clean.out, "No problems found.\n");
    auto informed = runDoctor(std::vector{finding("a", doctor::Severity::Info)}, false);
    EXPECT_EQ(informed.status, 0) << "information alone is nothing wrong";
    auto warned = runDoctor(
        std::vector{finding("a", doctor::Severity::Info), finding("b", doctor::Severity::Warning)},
        true);
    EXPECT_EQ(warned.status, 1);
    EXPECT_EQ(warned.out.front(), '[');
    EXPECT_EQ(warned.out.back(), '\n');
    EXPECT_TRUE(warned.err.empty());
    auto failed = runDoctor(mptcp::Error(EIO, "the snapshot failed"), false);
    EXPECT_EQ(failed.status, 2);
    EXPECT_TRUE(failed.out.empty());
    EXPECT_EQ(failed.err, "mptcpctl: the snapshot failed (Input/output error)\n");
}

TEST(Printers, DoctorSomethingWrongOnlyForWarningsAndErrors) {
    EXPECT_FALSE(doctor::somethingWrong({}));
    EXPECT_FALSE(doctor::somethingWrong({finding("a", doctor::Severity::Info)}));
    EXPECT_TRUE(doctor::somethingWrong(
        {finding("a", doctor::Severity::Info), finding("b", doctor::Severity::Warning)}));
    EXPECT_TRUE(doctor::somethingWrong({finding("c", doctor::Severity::Error)}));
}

} // namespace
