// mptcpctl: the `ip mptcp` grammar and output, for scripts.
#include "commands.h"
#include "direct_backend.h"
#include "helper_module.h"

#include <dlfcn.h>
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
        std::fprintf(stderr, "mptcpctl: cannot enter network namespace \"%s\": %s\n", name.c_str(),
                     std::strerror(saved));
        return false;
    }
    return true;
}

// The helper client lives in a module (see helper_module.h): found next to
// this executable in a build tree, in the library directory when installed.
int runThroughHelper(int argc, char** argv) {
    std::vector<std::string> candidates;
    char self[4096];
    const ssize_t length = readlink("/proc/self/exe", self, sizeof(self) - 1);
    if (length > 0) {
        std::string directory(self, static_cast<size_t>(length));
        directory.erase(directory.rfind('/') + 1);
        candidates.push_back(directory + kHelperModuleName);
    }
    candidates.push_back(std::string(MPTCPCTL_MODULE_DIR) + "/" + kHelperModuleName);
    std::string failures;
    for (const auto& path : candidates) {
        if (access(path.c_str(), F_OK) != 0) {
            continue;
        }
        void* module = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!module) {
            failures += std::string(failures.empty() ? "" : "; ") + dlerror();
            continue;
        }
        auto* run = reinterpret_cast<int (*)(int, char**)>(dlsym(module, kHelperModuleEntry));
        if (!run) {
            failures += std::string(failures.empty() ? "" : "; ") + dlerror();
            continue;
        }
        return run(argc, argv);
    }
    std::fprintf(stderr,
                 "mptcpctl: cannot load its helper client %s (%s); reinstall mptcp-manager, or "
                 "use --direct as root to talk to the kernel yourself\n",
                 candidates.back().c_str(), failures.empty() ? "not found" : failures.c_str());
    return 2;
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
        return runThroughHelper(argc, argv);
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
