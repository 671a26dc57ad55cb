// Every kernel test runs in a network namespace of its own, made fresh in
// SetUp, so nothing touches the host's MPTCP configuration.
#pragma once

#include <gtest/gtest.h>

#include <string>

namespace testing_support {

class FreshNetworkNamespace : public ::testing::Test {
protected:
    void SetUp() override;

    // Runs a shell command inside the test's namespace; returns its stdout.
    // A non-zero exit fails the test (unless `mayFail`).
    std::string shell(const std::string& command, bool mayFail = false);
};

} // namespace testing_support
