// The ApplyConfiguration journal (helper/service/apply_journal.h) on its
// own: the file format, strict parsing of anything else, and the file's
// life in a runtime directory. The SIGKILL tests in test_faults.py drive it
// end to end against the kernel.
#include "apply_journal.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

mptcp::Endpoint endpoint(uint8_t id, const char* address, uint16_t port, int32_t ifindex,
                         uint32_t flags) {
    return {id, *mptcp::IpAddress::parse(address), port, flags, ifindex};
}

helper::Configuration sample() {
    return {{endpoint(3, "10.0.1.1", 5601, 4, mptcp::kFlagSignal),
             endpoint(7, "10.0.2.1", 0, 5, mptcp::kFlagSubflow | mptcp::kFlagBackup),
             endpoint(20, "dead:1::1", 0, 0, mptcp::kFlagSubflow | mptcp::kFlagFullmesh),
             endpoint(255, "192.0.2.1", 0, -1, mptcp::kFlagSignal)},
            {3, 5}};
}

void expectSame(const helper::Configuration& a, const helper::Configuration& b) {
    EXPECT_EQ(a.endpoints, b.endpoints);
    EXPECT_EQ(a.limits, b.limits);
}

class TempDir : public ::testing::Test {
protected:
    void SetUp() override {
        char name[] = "/tmp/mptcp-journal-XXXXXX";
        ASSERT_NE(mkdtemp(name), nullptr);
        dir_ = name;
    }
    void TearDown() override {
        std::string command = "rm -rf '" + dir_ + "'";
        EXPECT_EQ(std::system(command.c_str()), 0);
    }
    void write(const std::string& text) { std::ofstream(dir_ + "/apply-journal") << text; }
    bool exists() const { return access((dir_ + "/apply-journal").c_str(), F_OK) == 0; }

    std::string dir_;
};

} // namespace

TEST(ApplyJournalFormat, RoundTrips) {
    const helper::JournalRecord record{4026531840ULL, sample()};
    const std::string text = helper::formatJournal(record);
    EXPECT_EQ(text, "mptcp-manager apply journal 1\n"
                    "netns 4026531840\n"
                    "limits 3 5\n"
                    "endpoint 3 10.0.1.1 5601 4 1\n"
                    "endpoint 7 10.0.2.1 0 5 6\n"
                    "endpoint 20 dead:1::1 0 0 10\n"
                    "endpoint 255 192.0.2.1 0 -1 1\n"
                    "end\n");
    auto parsed = helper::parseJournal(text);
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->netns, record.netns);
    expectSame(parsed->previous, record.previous);
}

TEST(ApplyJournalFormat, EmptyConfigurationRoundTrips) {
    auto parsed = helper::parseJournal(helper::formatJournal({1, {{}, {0, 0}}}));
    ASSERT_TRUE(parsed);
    EXPECT_TRUE(parsed->previous.endpoints.empty());
}

TEST(ApplyJournalFormat, RefusesAnythingElse) {
    const std::string good = helper::formatJournal({7, sample()});
    const std::string header = "mptcp-manager apply journal 1\n";
    const std::vector<std::string> bad = {
        "",
        "\n",
        good.substr(0, good.size() - 1),                  // no final newline
        good.substr(0, good.size() - 4),                  // no "end"
        good + "endpoint 1 10.0.0.1 0 0 1\n",             // after "end"
        "mptcp-manager apply journal 2\n" + good.substr(header.size()),
        header + "limits 3 5\nend\n",                     // no netns
        header + "netns 1\nend\n",                        // no limits
        header + "netns 1\nnetns 1\nlimits 1 1\nend\n",   // twice
        header + "netns 1\nlimits 1 1 1\nend\n",
        header + "netns x\nlimits 1 1\nend\n",
        header + "netns 1\nlimits -1 1\nend\n",
        header + "netns 1\nlimits 1 1\nendpoint 256 10.0.0.1 0 0 1\nend\n",
        header + "netns 1\nlimits 1 1\nendpoint 1 10.0.0.256 0 0 1\nend\n",
        header + "netns 1\nlimits 1 1\nendpoint 1 10.0.0.1 65536 0 1\nend\n",
        header + "netns 1\nlimits 1 1\nendpoint 1 10.0.0.1 0 0\nend\n",
        header + "netns 1\nlimits 1 1\nendpoint 1 10.0.0.1 0 0 1x\nend\n",
        header + "netns 1\nlimits 1 1\nreboot\nend\n",
        header + "netns 1\nlimits 1 1\nend\n" + std::string(5000, '#'),
        std::string("mptcp-manager apply journal 1\0\n", 31),
    };
    for (const auto& text : bad) {
        SCOPED_TRACE(text.substr(0, 200));
        EXPECT_FALSE(helper::parseJournal(text));
    }
}

TEST(ApplyJournalDirectory, FromEnvironment) {
    setenv("RUNTIME_DIRECTORY", "/run/mptcp-manager:/run/other", 1);
    EXPECT_EQ(helper::ApplyJournal::directoryFromEnvironment(), "/run/mptcp-manager");
    setenv("RUNTIME_DIRECTORY", "relative", 1);
    EXPECT_EQ(helper::ApplyJournal::directoryFromEnvironment(), "");
    unsetenv("RUNTIME_DIRECTORY");
    EXPECT_EQ(helper::ApplyJournal::directoryFromEnvironment(), "");
}

TEST_F(TempDir, RecordThenInterruptedThenClear) {
    helper::ApplyJournal journal(dir_);
    ASSERT_TRUE(journal.enabled());
    EXPECT_FALSE(journal.interrupted());
    ASSERT_TRUE(journal.record(sample()));
    EXPECT_TRUE(exists());
    EXPECT_FALSE(access((dir_ + "/apply-journal.new").c_str(), F_OK) == 0);
    auto found = journal.interrupted();
    ASSERT_TRUE(found);
    expectSame(*found, sample());
    journal.clear();
    EXPECT_FALSE(exists());
    EXPECT_FALSE(journal.interrupted());
}

TEST_F(TempDir, IgnoresAnotherNamespacesOrAForeignFile) {
    helper::ApplyJournal journal(dir_);
    write(helper::formatJournal({helper::currentNetns() + 1, sample()}));
    std::string problem;
    EXPECT_FALSE(journal.interrupted(&problem));
    EXPECT_NE(problem.find("another network namespace"), std::string::npos) << problem;
    write("#!/bin/sh\nrm -rf /\n");
    problem.clear();
    EXPECT_FALSE(journal.interrupted(&problem));
    EXPECT_NE(problem.find("not a journal"), std::string::npos) << problem;
}

TEST_F(TempDir, DisabledDoesNothing) {
    helper::ApplyJournal journal("");
    EXPECT_FALSE(journal.enabled());
    EXPECT_TRUE(journal.record(sample()));
    EXPECT_FALSE(journal.interrupted());
    journal.clear();
}

TEST_F(TempDir, UnwritableDirectoryIsAnError) {
    helper::ApplyJournal journal(dir_ + "/missing");
    auto recorded = journal.record(sample());
    EXPECT_FALSE(recorded);
}
