#include "namespace_fixture.h"

#include <sched.h>
#include <sys/wait.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace testing_support {

void FreshNetworkNamespace::SetUp() {
    ASSERT_EQ(unshare(CLONE_NEWNET), 0) << "unshare(CLONE_NEWNET): " << std::strerror(errno)
                                        << " (kernel tests need root)";
    shell("ip link set lo up");
}

std::string FreshNetworkNamespace::shell(const std::string& command, bool mayFail) {
    std::string output;
    FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    if (!pipe) {
        ADD_FAILURE() << "cannot run " << command;
        return output;
    }
    std::array<char, 4096> buffer;
    size_t length;
    while ((length = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) {
        output.append(buffer.data(), length);
    }
    int status = pclose(pipe);
    if (!mayFail) {
        EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0)
            << command << " failed:\n" << output;
    }
    return output;
}

} // namespace testing_support
