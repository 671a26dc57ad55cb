#include "configuration.h"

namespace helper {

namespace {

std::function<void()>& installStepHook() {
    static std::function<void()> hook;
    return hook;
}

void afterStep() {
    if (installStepHook()) {
        installStepHook()();
    }
}

mptcp::Status removeUserEndpoints(mptcp::PathManager& pathManager) {
    auto endpoints = pathManager.endpoints();
    if (!endpoints) {
        return endpoints.error();
    }
    for (const auto& endpoint : *endpoints) {
        if (endpoint.flags & mptcp::kFlagImplicit) {
            continue;
        }
        if (auto removed = pathManager.removeEndpoint(endpoint.id); !removed) {
            return removed;
        }
        afterStep();
    }
    return {};
}

} // namespace

void setInstallStepHook(std::function<void()> hook) {
    installStepHook() = std::move(hook);
}

mptcp::Status installConfiguration(mptcp::PathManager& pathManager,
                                   const Configuration& configuration) {
    if (auto removed = removeUserEndpoints(pathManager); !removed) {
        return removed;
    }
    for (const auto& endpoint : configuration.endpoints) {
        if (auto added = pathManager.addEndpoint(endpoint); !added) {
            return added;
        }
        afterStep();
    }
    return pathManager.setLimits(configuration.limits.subflows,
                                 configuration.limits.addAddrAccepted);
}

mptcp::Result<Configuration> currentConfiguration(mptcp::PathManager& pathManager) {
    auto endpoints = pathManager.endpoints();
    if (!endpoints) {
        return endpoints.error();
    }
    auto limits = pathManager.limits();
    if (!limits) {
        return limits.error();
    }
    Configuration configuration{{}, *limits};
    for (const auto& endpoint : *endpoints) {
        if (!(endpoint.flags & mptcp::kFlagImplicit)) {
            configuration.endpoints.push_back(endpoint);
        }
    }
    return configuration;
}

mptcp::Status
applyConfiguration(mptcp::PathManager& pathManager, const Configuration& wanted,
                   const std::function<void(const Configuration& previous)>& beforeChanges) {
    auto previous = currentConfiguration(pathManager);
    if (!previous) {
        return previous.error();
    }
    if (beforeChanges) {
        beforeChanges(*previous);
    }
    mptcp::Status applied = installConfiguration(pathManager, wanted);
    if (applied) {
        return applied;
    }
    // Restore with the ids they had, so nothing that refers to them changes.
    if (mptcp::Status restored = installConfiguration(pathManager, *previous); !restored) {
        return mptcp::Error(applied.error().code(),
                            applied.error().advice() +
                                "; restoring the previous configuration also failed: " +
                                restored.error().describe(),
                            applied.error().kernelMessage());
    }
    return applied;
}

} // namespace helper
