// Runs a piece of a test in a forked child inside a new network namespace, so
// the sockets it opens and the sysctls it writes never touch the host's. The
// child reports in words; the parent turns that into gtest results.
#pragma once

#include <gtest/gtest.h>

#include <fcntl.h>
#include <net/if.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <functional>
#include <ostream>
#include <sstream>
#include <string>

namespace mptcp::testing {

// The child's verdict travels as its exit status; the words through a pipe.
enum ChildExit : int { kChildPassed = 0, kChildFailed = 1, kChildSkipped = 77 };

struct ChildOutcome {
    int exit = kChildFailed;
    std::string report;
};

// Collects failed expectations inside the child, where gtest must not run.
class ChildChecks {
public:
    // The returned stream takes details; it discards them when all is well.
    std::ostream& expect(bool condition, const char* text, int line) {
        if (condition) {
            return discard_;
        }
        failed_ = true;
        report_ << "\n  line " << line << ": expected " << text << "; ";
        return report_;
    }
    std::ostream& note() { return report_ << "\n  "; }
    bool failed() const { return failed_; }
    std::string report() const { return report_.str(); }

private:
    bool failed_ = false;
    std::ostringstream report_;
    std::ostream discard_{nullptr};
};

#define CHILD_EXPECT(checks, condition) (checks).expect((condition), #condition, __LINE__)

// What the child body returns: passed, failed, or skipped with a reason.
struct ChildVerdict {
    ChildExit exit;
    std::string report;
};

inline ChildVerdict verdictOf(const ChildChecks& checks) {
    return {checks.failed() ? kChildFailed : kChildPassed, checks.report()};
}

inline ChildVerdict skipChild(std::string reason) {
    return {kChildSkipped, std::move(reason)};
}

inline bool bringLoopbackUp() {
    int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        return false;
    }
    ifreq request{};
    std::strncpy(request.ifr_name, "lo", IFNAMSIZ - 1);
    bool up = ioctl(fd, SIOCGIFFLAGS, &request) == 0;
    request.ifr_flags = static_cast<short>(request.ifr_flags | IFF_UP);
    up = up && ioctl(fd, SIOCSIFFLAGS, &request) == 0;
    close(fd);
    return up;
}

inline void writeAll(int fd, const std::string& text) {
    size_t done = 0;
    while (done < text.size()) {
        ssize_t written = write(fd, text.data() + done, text.size() - done);
        if (written <= 0 && errno != EINTR) {
            return;
        }
        done += written > 0 ? static_cast<size_t>(written) : 0;
    }
}

inline ChildOutcome runInFreshNetworkNamespace(const std::function<ChildVerdict()>& body) {
    int channel[2];
    if (pipe2(channel, O_CLOEXEC) < 0) {
        return {kChildFailed, std::string("pipe: ") + std::strerror(errno)};
    }
    pid_t child = fork();
    if (child < 0) {
        close(channel[0]);
        close(channel[1]);
        return {kChildFailed, std::string("fork: ") + std::strerror(errno)};
    }
    if (child == 0) {
        close(channel[0]);
        ChildVerdict verdict;
        if (unshare(CLONE_NEWNET) < 0) {
            verdict = skipChild(std::string("cannot create a network namespace: ") +
                                std::strerror(errno));
        } else if (!bringLoopbackUp()) {
            verdict = {kChildFailed, std::string("cannot bring lo up: ") + std::strerror(errno)};
        } else {
            verdict = body();
        }
        writeAll(channel[1], verdict.report);
        _exit(verdict.exit); // no gtest teardown, no atexit handlers in the child
    }
    close(channel[1]);
    ChildOutcome outcome;
    char buffer[4096];
    ssize_t length;
    while ((length = read(channel[0], buffer, sizeof(buffer))) != 0) {
        if (length > 0) {
            outcome.report.append(buffer, static_cast<size_t>(length));
        } else if (errno != EINTR) {
            break;
        }
    }
    close(channel[0]);
    int status = 0;
    while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
    if (WIFEXITED(status)) {
        outcome.exit = WEXITSTATUS(status);
    } else {
        outcome.exit = kChildFailed;
        outcome.report += "\n  the child died of signal " + std::to_string(WTERMSIG(status));
    }
    return outcome;
}

} // namespace mptcp::testing

// Runs the body (a callable returning ChildVerdict; commas welcome) in a fresh network namespace
// and reports the outcome in the calling test.
#define RUN_IN_FRESH_NETNS(...)                                                                    \
    do {                                                                                           \
        ::mptcp::testing::ChildOutcome outcome_ =                                                  \
            ::mptcp::testing::runInFreshNetworkNamespace(__VA_ARGS__);                             \
        if (outcome_.exit == ::mptcp::testing::kChildSkipped) {                                    \
            GTEST_SKIP() << outcome_.report;                                                       \
        }                                                                                          \
        EXPECT_EQ(outcome_.exit, ::mptcp::testing::kChildPassed)                                   \
            << "in the child namespace:" << outcome_.report;                                       \
    } while (false)
