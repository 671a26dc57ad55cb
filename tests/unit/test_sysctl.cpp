// net.mptcp.* sysctls: the rules and every error against a scratch directory,
// then the real files inside a private network namespace (never the host's).
#include "sysctl.h"

#include "fresh_netns.h"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace mptcp {
namespace {

namespace fs = std::filesystem;
using testing::ChildChecks;
using testing::ChildVerdict;

std::string fileText(const fs::path& path) {
    std::ifstream file(path);
    std::stringstream text;
    text << file.rdbuf();
    return text.str();
}

void writeText(const fs::path& path, const std::string& text) {
    std::ofstream(path) << text;
}

// A directory laid out like /proc/sys/net/mptcp on Linux 6.18.
class SysctlDirectory : public ::testing::Test {
protected:
    void SetUp() override {
        char pattern[] = "/tmp/mptcp-sysctl-test-XXXXXX";
        ASSERT_NE(mkdtemp(pattern), nullptr);
        root_ = pattern;
        const std::pair<const char*, const char*> files[] = {
            {"enabled", "1\n"},
            {"scheduler", "default\n"},
            {"available_schedulers", "default redundant\n"},
            {"path_manager", "kernel\n"},
            {"available_path_managers", "kernel userspace\n"},
            {"pm_type", "0\n"},
            {"checksum_enabled", "0\n"},
            {"allow_join_initial_addr_port", "1\n"},
            {"add_addr_timeout", "120\n"},
            {"close_timeout", "60\n"},
            {"stale_loss_cnt", "4\n"},
            {"blackhole_timeout", "3600\n"},
            {"syn_retrans_before_tcp_fallback", "2\n"},
        };
        for (const auto& [name, value] : files) {
            writeText(root_ / name, value);
        }
    }
    void TearDown() override {
        std::error_code ignored;
        fs::remove_all(root_, ignored);
    }

    std::string root() const { return root_.string(); }
    std::string contents(const char* name) const { return fileText(root_ / name); }

    // Asserts that writing fails with `code`, the file keeps its old text,
    // and the advice is exactly `advice`.
    void expectRejected(const std::string& name, const std::string& value, int code,
                        const std::string& advice) {
        const fs::path path = root_ / name;
        const bool existed =
            !name.empty() && name.find('/') == std::string::npos && fs::is_regular_file(path);
        const std::string before = existed ? fileText(path) : std::string();
        Status status = writeMptcpSysctl(name, value, root());
        ASSERT_FALSE(status.ok()) << name << " = " << value;
        EXPECT_EQ(status.error().code(), code) << status.error().describe();
        EXPECT_EQ(status.error().advice(), advice);
        if (existed) {
            EXPECT_EQ(fileText(path), before) << "the file changed";
        }
    }

    fs::path root_;
};

TEST(SysctlSpecs, TableIsWellFormed) {
    std::set<std::string_view> names;
    for (const SysctlSpec& spec : mptcpSysctlSpecs()) {
        EXPECT_TRUE(names.insert(spec.name).second) << spec.name << " twice";
        EXPECT_EQ(findMptcpSysctlSpec(spec.name), &spec);
        ASSERT_FALSE(spec.description.empty()) << spec.name;
        EXPECT_EQ(spec.description.back(), '.') << spec.name;
        EXPECT_EQ(spec.description.find(". "), std::string_view::npos)
            << spec.name << ": one sentence";
        if (spec.type == SysctlType::Choice) {
            EXPECT_TRUE(spec.choicesFile.starts_with("available_")) << spec.name;
        } else {
            EXPECT_LT(spec.minimum, spec.maximum) << spec.name;
            EXPECT_GE(spec.minimum, 0) << spec.name;
        }
    }
    const std::set<std::string_view> expected = {"enabled",
                                                 "scheduler",
                                                 "path_manager",
                                                 "pm_type",
                                                 "checksum_enabled",
                                                 "allow_join_initial_addr_port",
                                                 "add_addr_timeout",
                                                 "close_timeout",
                                                 "stale_loss_cnt",
                                                 "blackhole_timeout",
                                                 "syn_retrans_before_tcp_fallback"};
    EXPECT_EQ(names, expected);
    EXPECT_EQ(findMptcpSysctlSpec("available_schedulers"), nullptr);
    EXPECT_EQ(findMptcpSysctlSpec(""), nullptr);
}

TEST_F(SysctlDirectory, ReadsEveryFileWithoutTrailingNewline) {
    writeText(root_ / "no_newline", "7");
    writeText(root_ / "two_lines", "a\nb\n\n");
    Result<std::map<std::string, std::string>> values = readMptcpSysctls(root());
    ASSERT_TRUE(values.ok()) << values.error().describe();
    EXPECT_EQ(values->size(), 15u);
    EXPECT_EQ(values->at("enabled"), "1");
    EXPECT_EQ(values->at("available_schedulers"), "default redundant");
    EXPECT_EQ(values->at("syn_retrans_before_tcp_fallback"), "2");
    EXPECT_EQ(values->at("no_newline"), "7");
    EXPECT_EQ(values->at("two_lines"), "a\nb");
}

TEST_F(SysctlDirectory, SkipsWhatCannotBeRead) {
    fs::create_symlink(root_ / "nowhere", root_ / "dangling");
    fs::create_directory(root_ / "subdirectory");
    ASSERT_EQ(mkfifo((root_ / "fifo").c_str(), 0600), 0);
    Result<std::map<std::string, std::string>> values = readMptcpSysctls(root());
    ASSERT_TRUE(values.ok()) << values.error().describe();
    EXPECT_EQ(values->count("dangling"), 0u);
    EXPECT_EQ(values->count("subdirectory"), 0u);
    EXPECT_EQ(values->count("fifo"), 0u);
    EXPECT_EQ(values->size(), 13u);
}

TEST_F(SysctlDirectory, MissingOrBrokenRootIsAnError) {
    const std::string missing = root() + "/absent";
    Result<std::map<std::string, std::string>> values = readMptcpSysctls(missing);
    ASSERT_FALSE(values.ok());
    EXPECT_EQ(values.error().code(), ENOENT);
    EXPECT_NE(values.error().advice().find(missing), std::string::npos);
    EXPECT_NE(values.error().advice().find("CONFIG_MPTCP"), std::string::npos);

    Result<std::map<std::string, std::string>> notDirectory = readMptcpSysctls(root() + "/enabled");
    ASSERT_FALSE(notDirectory.ok());
    EXPECT_EQ(notDirectory.error().code(), ENOTDIR);
    EXPECT_NE(notDirectory.error().advice().find("cannot list"), std::string::npos);
}

TEST_F(SysctlDirectory, WritesValuesThatFit) {
    const std::pair<const char*, const char*> writes[] = {
        {"enabled", "0"},
        {"checksum_enabled", "1"},
        {"allow_join_initial_addr_port", "0"},
        {"pm_type", "1"},
        {"scheduler", "redundant"},
        {"path_manager", "userspace"},
        {"add_addr_timeout", "0"},
        {"close_timeout", "2147483"},
        {"stale_loss_cnt", "2147483647"},
        {"blackhole_timeout", "0"},
        {"syn_retrans_before_tcp_fallback", "255"},
    };
    for (const auto& [name, value] : writes) {
        Status status = writeMptcpSysctl(name, value, root());
        ASSERT_TRUE(status.ok()) << name << ": " << status.error().describe();
        EXPECT_EQ(contents(name), value) << name;
    }
}

TEST_F(SysctlDirectory, TrimsSurroundingWhitespace) {
    ASSERT_TRUE(writeMptcpSysctl("stale_loss_cnt", " 12\n", root()).ok());
    EXPECT_EQ(contents("stale_loss_cnt"), "12");
    ASSERT_TRUE(writeMptcpSysctl("scheduler", "\tdefault \n", root()).ok());
    EXPECT_EQ(contents("scheduler"), "default");
}

TEST_F(SysctlDirectory, RejectsNamesThatAreNotPlain) {
    const std::vector<std::string> names = {
        "",         "..",         "../enabled", "a/b",
        "/enabled", "enabled/..", "en..abled",  std::string("en\0abled", 8)};
    for (const std::string& name : names) {
        expectRejected(name, "1", 0, "\"" + name + "\" is not the name of a net.mptcp setting");
    }
}

TEST_F(SysctlDirectory, RejectsNamesNotOnTheList) {
    expectRejected("available_schedulers", "default", 0,
                   "net.mptcp.available_schedulers is not a setting that can be changed here");
    expectRejected("foo", "1", 0, "net.mptcp.foo is not a setting that can be changed here");
    expectRejected("Enabled", "1", 0,
                   "net.mptcp.Enabled is not a setting that can be changed here");
}

TEST_F(SysctlDirectory, RejectsSwitchValuesOtherThanZeroOrOne) {
    for (const char* value : {"7", "-1", "2", "1.0", "abc", "", "0x1", "+1", "1 1"}) {
        expectRejected("enabled", value, 0,
                       std::string("net.mptcp.enabled takes 0 or 1, not \"") + value + "\"");
    }
    // The message quotes the value as judged: without surrounding whitespace.
    expectRejected("enabled", " 7\n", 0, "net.mptcp.enabled takes 0 or 1, not \"7\"");
    expectRejected("enabled", " ", 0, "net.mptcp.enabled takes 0 or 1, not \"\"");
    expectRejected("pm_type", "2", 0, "net.mptcp.pm_type takes 0 or 1, not \"2\"");
    expectRejected("checksum_enabled", "yes", 0,
                   "net.mptcp.checksum_enabled takes 0 or 1, not \"yes\"");
    expectRejected("allow_join_initial_addr_port", "10", 0,
                   "net.mptcp.allow_join_initial_addr_port takes 0 or 1, not \"10\"");
}

TEST_F(SysctlDirectory, RejectsNumbersOutOfRange) {
    const std::string count = "net.mptcp.stale_loss_cnt takes a whole number from 1 to 2147483647";
    expectRejected("stale_loss_cnt", "0", 0, count + ", not \"0\"");
    expectRejected("stale_loss_cnt", "2147483648", 0, count + ", not \"2147483648\"");
    expectRejected("stale_loss_cnt", "99999999999999999999999", 0,
                   count + ", not \"99999999999999999999999\"");
    expectRejected("stale_loss_cnt", "4 seconds", 0, count + ", not \"4 seconds\"");
    expectRejected("add_addr_timeout", "-1", 0,
                   "net.mptcp.add_addr_timeout takes a number of seconds from 0 to 2147483, not "
                   "\"-1\"");
    expectRejected("close_timeout", "2147484", 0,
                   "net.mptcp.close_timeout takes a number of seconds from 0 to 2147483, not "
                   "\"2147484\"");
    expectRejected("blackhole_timeout", "2147483648", 0,
                   "net.mptcp.blackhole_timeout takes a number of seconds from 0 to 2147483647, "
                   "not \"2147483648\"");
    expectRejected("syn_retrans_before_tcp_fallback", "256", 0,
                   "net.mptcp.syn_retrans_before_tcp_fallback takes a whole number from 0 to "
                   "255, not \"256\"");
}

TEST_F(SysctlDirectory, RejectsChoicesTheKernelDoesNotOffer) {
    expectRejected("scheduler", "burst", 0,
                   "net.mptcp.scheduler takes \"default\" or \"redundant\" on this kernel, not "
                   "\"burst\"");
    writeText(root_ / "available_path_managers", "kernel userspace other\n");
    expectRejected("path_manager", "netlink", 0,
                   "net.mptcp.path_manager takes \"kernel\", \"userspace\" or \"other\" on this "
                   "kernel, not \"netlink\"");
    writeText(root_ / "available_schedulers", "default\n");
    expectRejected("scheduler", "redundant", 0,
                   "net.mptcp.scheduler takes \"default\" on this kernel, not \"redundant\"");
}

TEST_F(SysctlDirectory, AcceptsAnyWellFormedChoiceWithoutAList) {
    fs::remove(root_ / "available_schedulers");
    ASSERT_TRUE(writeMptcpSysctl("scheduler", "burst", root()).ok());
    EXPECT_EQ(contents("scheduler"), "burst");
    // An empty list tells nothing either.
    writeText(root_ / "available_path_managers", "\n");
    ASSERT_TRUE(writeMptcpSysctl("path_manager", "mine", root()).ok());
}

TEST_F(SysctlDirectory, RejectsMalformedChoices) {
    const std::string rule =
        "net.mptcp.scheduler takes a name of at most 15 letters, digits, '-' or '_', not ";
    for (const char* value : {"", "a b", "de/fault", "sixteen_letters_", "x;y", "\xc3\xa9"}) {
        expectRejected("scheduler", value, 0, rule + "\"" + value + "\"");
    }
}

TEST_F(SysctlDirectory, SettingMissingFromThisKernelIsNotSupported) {
    fs::remove(root_ / "syn_retrans_before_tcp_fallback");
    expectRejected("syn_retrans_before_tcp_fallback", "3", EOPNOTSUPP,
                   "this kernel has no net.mptcp.syn_retrans_before_tcp_fallback");
    EXPECT_FALSE(fs::exists(root_ / "syn_retrans_before_tcp_fallback")) << "never create files";
    fs::remove(root_ / "scheduler");
    expectRejected("scheduler", "default", EOPNOTSUPP, "this kernel has no net.mptcp.scheduler");
    // The value is judged first, so a bad one is reported as such.
    expectRejected("syn_retrans_before_tcp_fallback", "-3", 0,
                   "net.mptcp.syn_retrans_before_tcp_fallback takes a whole number from 0 to "
                   "255, not \"-3\"");
}

TEST_F(SysctlDirectory, ValidationChecksEverythingButWritesNothing) {
    Status fits = validateMptcpSysctl("enabled", "0", root());
    EXPECT_TRUE(fits.ok()) << fits.error().describe();
    EXPECT_EQ(contents("enabled"), "1\n");
    EXPECT_TRUE(validateMptcpSysctl("scheduler", " redundant\n", root()).ok());
    EXPECT_EQ(contents("scheduler"), "default\n");

    Status range = validateMptcpSysctl("enabled", "7", root());
    ASSERT_FALSE(range.ok());
    EXPECT_EQ(range.error().advice(), "net.mptcp.enabled takes 0 or 1, not \"7\"");
    Status offered = validateMptcpSysctl("scheduler", "burst", root());
    ASSERT_FALSE(offered.ok());
    EXPECT_EQ(offered.error().code(), 0);
    EXPECT_FALSE(validateMptcpSysctl("../enabled", "1", root()).ok());
    EXPECT_FALSE(validateMptcpSysctl("available_schedulers", "x", root()).ok());
    fs::remove(root_ / "close_timeout");
    Status missing = validateMptcpSysctl("close_timeout", "5", root());
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code(), EOPNOTSUPP);
    EXPECT_EQ(missing.error().advice(), "this kernel has no net.mptcp.close_timeout");
}

TEST_F(SysctlDirectory, ReportsFilesThatCannotBeOpened) {
    fs::remove(root_ / "close_timeout");
    fs::create_directory(root_ / "close_timeout");
    expectRejected("close_timeout", "30", EISDIR,
                   "cannot open net.mptcp.close_timeout for writing");
}

TEST_F(SysctlDirectory, ReportsFailedWrites) {
    fs::remove(root_ / "blackhole_timeout");
    fs::create_symlink("/dev/full", root_ / "blackhole_timeout");
    expectRejected("blackhole_timeout", "30", ENOSPC, "writing net.mptcp.blackhole_timeout failed");
}

TEST_F(SysctlDirectory, ReportsMissingPermission) {
    fs::permissions(root_, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                               fs::perms::others_read | fs::perms::others_exec);
    const std::string directory = root();
    const std::string before = contents("enabled");
    RUN_IN_FRESH_NETNS([&] {
        ChildChecks checks;
        const uid_t nobody = 65534;
        if (setgid(nobody) < 0 || setuid(nobody) < 0) {
            return testing::skipChild("cannot become an unprivileged user");
        }
        Status status = writeMptcpSysctl("enabled", "0", directory);
        CHILD_EXPECT(checks, !status.ok());
        if (!status.ok()) {
            CHILD_EXPECT(checks, status.error().code() == EACCES) << status.error().code();
            CHILD_EXPECT(checks, status.error().advice() ==
                                     "changing net.mptcp.enabled needs root: run as root, or "
                                     "without --direct so the helper asks for authorization")
                << status.error().advice();
        }
        return testing::verdictOf(checks);
    });
    EXPECT_EQ(contents("enabled"), before);
}

std::string hostValue(const char* name) {
    return fileText(fs::path(kMptcpSysctlRoot) / name);
}

// The real files of a fresh namespace; the host's stay as they were.
TEST(MptcpSysctlsLive, ReadAndWriteInsideAPrivateNamespace) {
    if (!fs::exists(kMptcpSysctlRoot)) {
        GTEST_SKIP() << "this kernel has no " << kMptcpSysctlRoot;
    }
    const std::string hostEnabled = hostValue("enabled");
    const std::string hostPathManager = hostValue("path_manager");
    RUN_IN_FRESH_NETNS([&] {
        ChildChecks checks;
        Result<std::map<std::string, std::string>> values = readMptcpSysctls();
        CHILD_EXPECT(checks, values.ok()) << (values.ok() ? "" : values.error().describe());
        if (!values.ok()) {
            return testing::verdictOf(checks);
        }
        CHILD_EXPECT(checks, values->count("enabled") && values->at("enabled") == "1");
        CHILD_EXPECT(checks,
                     values->count("available_schedulers") &&
                         values->at("available_schedulers").find("default") != std::string::npos);
        for (const SysctlSpec& spec : mptcpSysctlSpecs()) {
            CHILD_EXPECT(checks, values->count(std::string(spec.name)))
                << "this kernel lacks " << spec.name;
        }
        for (const auto& [name, value] : *values) {
            CHILD_EXPECT(checks, value.empty() || value.back() != '\n') << name;
        }

        Status disabled = writeMptcpSysctl("enabled", "0");
        CHILD_EXPECT(checks, disabled.ok()) << (disabled.ok() ? "" : disabled.error().describe());
        CHILD_EXPECT(checks, readMptcpSysctls()->at("enabled") == "0");
        CHILD_EXPECT(checks, writeMptcpSysctl("scheduler", "default").ok());
        Status unknown = writeMptcpSysctl("scheduler", "nosuchscheduler");
        CHILD_EXPECT(checks, !unknown.ok() &&
                                 unknown.error().advice().find("\"default\"") != std::string::npos);

        // The two path manager settings are one: writing either moves the other.
        CHILD_EXPECT(checks, writeMptcpSysctl("path_manager", "userspace").ok());
        CHILD_EXPECT(checks, readMptcpSysctls()->at("pm_type") == "1");
        CHILD_EXPECT(checks, writeMptcpSysctl("pm_type", "0").ok());
        CHILD_EXPECT(checks, readMptcpSysctls()->at("path_manager") == "kernel");

        // The kernel's own refusals, reached through links that skip our checks.
        char pattern[] = "/tmp/mptcp-sysctl-live-XXXXXX";
        CHILD_EXPECT(checks, mkdtemp(pattern) != nullptr);
        if (checks.failed()) {
            return testing::verdictOf(checks);
        }
        const fs::path links = pattern;
        const std::string real = kMptcpSysctlRoot;
        fs::create_symlink(real + "/enabled", links / "stale_loss_cnt");
        Status refused = writeMptcpSysctl("stale_loss_cnt", "5", links.string());
        CHILD_EXPECT(checks, !refused.ok() && refused.error().code() == EINVAL &&
                                 refused.error().advice() ==
                                     "the kernel refused \"5\" for net.mptcp.stale_loss_cnt")
            << (refused.ok() ? "accepted" : refused.error().describe());
        fs::create_symlink(real + "/scheduler", links / "scheduler");
        Status missing = writeMptcpSysctl("scheduler", "nosuchscheduler", links.string());
        CHILD_EXPECT(checks,
                     !missing.ok() && missing.error().code() == ENOENT &&
                         missing.error().advice().find("nothing by that name") != std::string::npos)
            << (missing.ok() ? "accepted" : missing.error().describe());
        std::error_code ignored;
        fs::remove_all(links, ignored);
        return testing::verdictOf(checks);
    });
    EXPECT_EQ(hostValue("enabled"), hostEnabled) << "the host's setting changed";
    EXPECT_EQ(hostValue("path_manager"), hostPathManager) << "the host's setting changed";
}

} // namespace
} // namespace mptcp
