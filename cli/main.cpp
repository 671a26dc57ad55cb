// mptcpctl: the `ip mptcp` grammar and output, for scripts.
#include "commands.h"
#include "direct_backend.h"
#include "helper_backend.h"

#include <QCoreApplication>

#include <fcntl.h>
#include <sched.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

namespace {

// -n NAME: the same as `ip -n NAME`, entering a namespace made by `ip netns add`.
bool enterNetworkNamespace(const std::string& name) {
    if (name.find('/') != std::string::npos || name == "." || name == "..") {
        std::fprintf(stderr, "mptcpctl: \"%s\" is not a network namespace name\n", name.c_str());
        return false;
    }
    const std::string path = "/run/netns/" + name;
    int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        std::fprintf(stderr, "mptcpctl: cannot open network namespace \"%s\": %s\n", name.c_str(),
                     std::strerror(errno));
        return false;
    }
    int result = setns(fd, CLONE_NEWNET);
    int saved = errno;
    close(fd);
    if (result < 0) {
        std::fprintf(stderr, "mptcpctl: cannot enter network namespace \"%s\": %s\n",
                     name.c_str(), std::strerror(saved));
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    auto parsed = mptcpctl::parseCommandLine(args);
    if (auto* usage = std::get_if<mptcpctl::UsageError>(&parsed)) {
        std::fprintf(stderr, "mptcpctl: %s\n", usage->message.c_str());
        return 255;
    }
    auto& commandLine = std::get<mptcpctl::ParsedCommandLine>(parsed);
    if (std::holds_alternative<mptcpctl::Help>(commandLine.command)) {
        std::fputs(mptcpctl::usageText(), stdout);
        return 0;
    }
    if (!commandLine.options.direct) {
        if (!commandLine.options.netns.empty()) {
            std::fprintf(stderr, "mptcpctl: -n works with --direct only: the helper serves the "
                                 "network namespace it runs in\n");
            return 255;
        }
        // The helper path needs an event loop for monitor; nothing else uses it.
        QCoreApplication application(argc, argv);
        auto backend = mptcpctl::makeHelperBackend();
        if (!backend) {
            mptcpctl::printError(stderr, backend.error());
            return 2;
        }
        return mptcpctl::runCommand(**backend, commandLine, stdout, stderr);
    }
    if (!commandLine.options.netns.empty() && !enterNetworkNamespace(commandLine.options.netns)) {
        return 2;
    }
    auto pathManager = mptcp::PathManager::open();
    // The doctor runs without MPTCP in the kernel: then that is its finding.
    if (!pathManager && !std::holds_alternative<mptcpctl::Doctor>(commandLine.command)) {
        mptcpctl::printError(stderr, pathManager.error());
        return 2;
    }
    auto backend = mptcpctl::makeDirectBackend(std::move(pathManager));
    return mptcpctl::runCommand(*backend, commandLine, stdout, stderr);
}
