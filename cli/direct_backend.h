// mptcpctl --direct: netlink from this process (needs CAP_NET_ADMIN to write).
#pragma once

#include "backend.h"

#include <memory>

namespace mptcpctl {

// Without a path manager (this kernel has no MPTCP), only diagnose() works;
// every other call fails with the error that opening it gave.
std::unique_ptr<Backend> makeDirectBackend(mptcp::Result<mptcp::PathManager> pathManager);

} // namespace mptcpctl
