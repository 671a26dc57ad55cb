// mptcpctl's default path: the privileged helper on the system bus, so an
// ordinary user can change MPTCP settings when polkit allows it.
#pragma once

#include "backend.h"

#include <memory>

namespace mptcpctl {

// Fails with a sentence when the helper cannot be reached.
mptcp::Result<std::unique_ptr<Backend>> makeHelperBackend();

} // namespace mptcpctl
