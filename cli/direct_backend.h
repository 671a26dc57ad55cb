// mptcpctl --direct: netlink from this process (needs CAP_NET_ADMIN to write).
#pragma once

#include "backend.h"

#include <memory>

namespace mptcpctl {

std::unique_ptr<Backend> makeDirectBackend(mptcp::PathManager pathManager);

} // namespace mptcpctl
