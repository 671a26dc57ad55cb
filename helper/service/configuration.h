// Replacing the whole path manager configuration, all or nothing.
#pragma once

#include "path_manager.h"

#include <vector>

namespace helper {

struct Configuration {
    std::vector<mptcp::Endpoint> endpoints;
    mptcp::Limits limits;
};

// The user's part of the current configuration. Implicit endpoints belong to
// the kernel (it makes them for addresses in use) and are left alone.
mptcp::Result<Configuration> currentConfiguration(mptcp::PathManager& pathManager);

// Replaces the endpoints and limits with `wanted`. On any failure the
// previous configuration is put back exactly (ids, flags, ports,
// interfaces, limits) and the first failure is returned.
mptcp::Status applyConfiguration(mptcp::PathManager& pathManager, const Configuration& wanted);

} // namespace helper
