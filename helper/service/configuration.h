// Replacing the whole path manager configuration, all or nothing.
#pragma once

#include "path_manager.h"

#include <functional>
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
// interfaces, limits) and the first failure is returned. `beforeChanges`,
// when set, sees the previous configuration before the first change (the
// helper journals it there, see apply_journal.h).
mptcp::Status
applyConfiguration(mptcp::PathManager& pathManager, const Configuration& wanted,
                   const std::function<void(const Configuration& previous)>& beforeChanges = {});

// Puts `configuration` in place as it is (the user's endpoints removed, then
// these added, then the limits), without undoing anything on failure.
mptcp::Status installConfiguration(mptcp::PathManager& pathManager,
                                   const Configuration& configuration);

// Test only: called after each kernel change an install makes, so a test can
// stop the helper between two of them. Unset (the default) costs nothing.
void setInstallStepHook(std::function<void()> hook);

} // namespace helper
