// Keeps the active profile true: applies a profile (all or nothing, like
// ApplyConfiguration), reconciles after the network changed, and reports
// what it did, what it skipped and why. Qt-free: the helper drives it from
// its event loop (socket notifier on fd(), a debounce timer, a timer for
// recheckAt()), the tests drive it directly in a network namespace.
#pragma once

#include "ledger.h"
#include "link_watcher.h"
#include "other_managers.h"
#include "path_manager.h"
#include "profile.h"
#include "reconciler.h"
#include "sysctl.h"

#include <ctime>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace profiles {

struct EngineOptions {
    LinkWatcherOptions links;
    OtherManagersOptions others;
    std::string ledgerDirectory = LedgerFile::kDefaultDirectory;
    std::string sysctlRoot = mptcp::kMptcpSysctlRoot;
    Clock::duration grace = kDefaultCarrierGrace;
};

struct ProfileStatus {
    std::optional<std::string> active; // the active profile's name
    // The last activation or reconciliation went through without an error.
    bool healthy = true;
    std::vector<std::string> errors;  // of the last pass, as sentences
    std::vector<LedgerEntry> managed; // the endpoints it keeps now
    std::vector<HeldEndpoint> held;   // of those, kept while a carrier is away
    std::vector<Skipped> skipped;
    std::vector<std::string> notes;
    // Endpoints it made that someone else changed or deleted since.
    std::vector<LedgerEntry> disowned;
    // What the last pass did: "added 10.0.0.1 on wlan0 (id 3, subflow)", ...
    std::vector<std::string> actions;
    std::time_t lastPass = 0; // wall-clock time of the last pass; 0: none yet
};

class ProfileEngine {
public:
    // Called after the kernel took the new configuration and before it is
    // final: a failure here (e.g. the active profile's name cannot be
    // written) rolls everything back.
    using Commit = std::function<mptcp::Status()>;

    static mptcp::Result<ProfileEngine> open(mptcp::PathManager& pathManager,
                                             EngineOptions options = {});

    // Makes `profile` the active one: endpoints, limits and sysctls. All or
    // nothing: on any failure (or a failing `commit`) the endpoints, limits
    // and sysctls are put back as they were and the previous profile stays
    // active. Endpoints already ours are kept or changed in place.
    mptcp::Status activate(const Profile& profile, Clock::time_point now,
                           const Commit& commit = {});
    // Deletes every endpoint the profile made (limits and sysctls keep their
    // values). All or nothing, like activate.
    mptcp::Status deactivate(const Commit& commit = {});
    // Brings the kernel back in line with the active profile after a change
    // of links, addresses or routes (or when recheckAt() arrives). Each step
    // stands alone: a failing one is reported and tried again next time.
    mptcp::Status reconcile(Clock::time_point now);
    // What activating `profile` would do right now, without doing it.
    mptcp::Result<Plan> preview(const Profile& profile, Clock::time_point now);

    const ProfileStatus& status() const { return status_; }
    const std::optional<Profile>& activeProfile() const { return active_; }
    std::optional<Clock::time_point> recheckAt() const { return recheckAt_; }
    const Ledger& ledger() const { return ledger_; }

    // Link, address and route notifications (see LinkWatcher).
    mptcp::Status subscribe() { return watcher_.subscribe(); }
    int fd() const { return watcher_.fd(); }
    mptcp::Result<LinkChanges> readChanges() { return watcher_.readChanges(); }

private:
    ProfileEngine(mptcp::PathManager& pathManager, LinkWatcher watcher, EngineOptions options,
                  Ledger ledger, std::optional<std::string> ledgerError);

    struct Observed {
        LinkSnapshot links;
        std::vector<mptcp::Endpoint> endpoints;
        OtherManagers others;
    };
    mptcp::Result<Observed> observe(Clock::time_point now);
    PlanInput planInput(const Profile& profile, const Observed& observed,
                        Clock::time_point now) const;
    mptcp::Status transact(const std::optional<Profile>& target, Clock::time_point now,
                           const Commit& commit);
    void record(const Plan& plan, const std::optional<std::string>& active);

    mptcp::PathManager* pathManager_;
    LinkWatcher watcher_;
    EngineOptions options_;
    LedgerFile ledgerFile_;
    Ledger ledger_;
    std::optional<Profile> active_;
    std::map<int32_t, Clock::time_point> carrierLostAt_;
    std::optional<Clock::time_point> recheckAt_;
    ProfileStatus status_;
};

// "added 10.0.0.1 on wlan0 (subflow)" and friends, for status lines.
std::string describeEntry(const LedgerEntry& entry);

} // namespace profiles
