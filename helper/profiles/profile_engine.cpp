#include "profile_engine.h"

#include <cerrno>

namespace profiles {

namespace {

using mptcp::Error;
using mptcp::Result;
using mptcp::Status;

std::string flagText(uint32_t flags) {
    std::string text;
    for (const auto& name : flagNames(flags)) {
        text += (text.empty() ? "" : " ") + name;
    }
    return text.empty() ? "no flags" : text;
}

mptcp::Endpoint endpointOf(const LedgerEntry& entry) {
    mptcp::Endpoint endpoint;
    endpoint.id = entry.id;
    endpoint.address = entry.address;
    endpoint.port = entry.port;
    endpoint.flags = entry.flags;
    endpoint.ifindex = entry.ifindex;
    return endpoint;
}

std::string trimmed(const std::string& text) {
    const size_t start = text.find_first_not_of(" \t\n");
    const size_t end = text.find_last_not_of(" \t\n");
    return start == std::string::npos ? std::string() : text.substr(start, end - start + 1);
}

Error withRestoreFailures(const Error& error, const std::vector<std::string>& failures) {
    if (failures.empty()) {
        return error;
    }
    std::string text = error.advice() + "; putting the previous configuration back also failed:";
    for (const auto& failure : failures) {
        text += " " + failure + ";";
    }
    text.pop_back();
    return Error(error.code(), text, error.kernelMessage());
}

} // namespace

std::string describeEntry(const LedgerEntry& entry) {
    std::string text = entry.address.toString();
    if (entry.port != 0) {
        text += " port " + std::to_string(entry.port);
    }
    if (!entry.interface.empty()) {
        text += " on " + entry.interface;
    }
    return text + " (id " + std::to_string(entry.id) + ", " + flagText(entry.flags) + ")";
}

Result<ProfileEngine> ProfileEngine::open(mptcp::PathManager& pathManager, EngineOptions options) {
    auto watcher = LinkWatcher::open(options.links);
    if (!watcher) {
        return watcher.error();
    }
    LedgerFile file(options.ledgerDirectory);
    auto ledger = file.load();
    std::optional<std::string> ledgerError;
    if (!ledger) {
        ledgerError = ledger.error().describe();
    }
    return ProfileEngine(pathManager, std::move(watcher).value(), std::move(options),
                         ledger ? *ledger : Ledger{}, ledgerError);
}

ProfileEngine::ProfileEngine(mptcp::PathManager& pathManager, LinkWatcher watcher,
                             EngineOptions options, Ledger ledger,
                             std::optional<std::string> ledgerError)
    : pathManager_(&pathManager), watcher_(std::move(watcher)), options_(std::move(options)),
      ledgerFile_(options_.ledgerDirectory), ledger_(std::move(ledger)) {
    if (ledgerError) {
        status_.healthy = false;
        status_.errors.push_back(*ledgerError);
    }
}

Result<ProfileEngine::Observed> ProfileEngine::observe(Clock::time_point now) {
    Observed observed;
    auto links = watcher_.snapshot();
    if (!links) {
        return links.error();
    }
    observed.links = std::move(links).value();
    auto endpoints = pathManager_->endpoints();
    if (!endpoints) {
        return endpoints.error();
    }
    observed.endpoints = std::move(endpoints).value();
    observed.others = detectOtherManagers(observed.links, options_.others);
    trackCarrier(carrierLostAt_, observed.links, now);
    return observed;
}

PlanInput ProfileEngine::planInput(const Profile& profile, const Observed& observed,
                                   Clock::time_point now) const {
    PlanInput input;
    input.profile = profile;
    input.links = observed.links;
    input.kernelEndpoints = observed.endpoints;
    input.ledger = ledger_;
    input.others = observed.others;
    input.carrierLostAt = carrierLostAt_;
    input.now = now;
    input.grace = options_.grace;
    return input;
}

Result<Plan> ProfileEngine::preview(const Profile& profile, Clock::time_point now) {
    auto observed = observe(now);
    if (!observed) {
        return observed.error();
    }
    return planReconciliation(planInput(profile, *observed, now));
}

void ProfileEngine::record(const Plan& plan, const std::optional<std::string>& active) {
    status_.active = active;
    status_.managed = ledger_.entries;
    status_.held = plan.held;
    status_.skipped = plan.skipped;
    status_.notes = plan.notes;
    for (const auto& entry : plan.disowned) {
        status_.disowned.push_back(entry);
    }
    // Only the latest few matter to a person.
    if (status_.disowned.size() > 16) {
        status_.disowned.erase(status_.disowned.begin(), status_.disowned.end() - 16);
    }
    for (const auto& entry : plan.disowned) {
        status_.actions.push_back("no longer managing " + describeEntry(entry) +
                                  ": someone else changed or deleted it");
    }
    status_.lastPass = std::time(nullptr);
    recheckAt_ = plan.recheckAt;
}

// What the ledger remembers of an endpoint we added and the kernel numbered.
static LedgerEntry entryOf(const PlannedAdd& addition, uint8_t id) {
    const mptcp::Endpoint& endpoint = addition.endpoint;
    return {id, endpoint.address, endpoint.port, endpoint.ifindex, addition.interface,
            endpoint.flags};
}

// Finds the id the kernel gave an endpoint we just added.
static std::optional<uint8_t> assignedId(mptcp::PathManager& pathManager,
                                         const mptcp::Endpoint& added) {
    auto endpoints = pathManager.endpoints();
    if (!endpoints) {
        return std::nullopt;
    }
    for (const auto& endpoint : *endpoints) {
        if (endpoint.address == added.address && endpoint.port == added.port &&
            endpoint.ifindex == added.ifindex && endpoint.flags == added.flags) {
            return endpoint.id;
        }
    }
    return std::nullopt;
}

Status ProfileEngine::transact(const std::optional<Profile>& target, Clock::time_point now,
                               const Commit& commit) {
    auto observed = observe(now);
    if (!observed) {
        status_.healthy = false;
        status_.errors = {observed.error().describe()};
        return observed.error();
    }
    const Profile nothing; // deactivation: the profile that wants no endpoint
    const Plan plan = planReconciliation(planInput(target ? *target : nothing, *observed, now));
    mptcp::PathManager& pm = *pathManager_;

    std::vector<std::function<Status()>> undo;
    std::vector<std::string> actions;
    Ledger next;
    next.entries = plan.kept;

    auto fail = [&](const Error& error) -> Status {
        std::vector<std::string> failures;
        for (auto step = undo.rbegin(); step != undo.rend(); ++step) {
            if (Status undone = (*step)(); !undone) {
                failures.push_back(undone.error().describe());
            }
        }
        Error reported = withRestoreFailures(error, failures);
        status_.healthy = false;
        status_.errors = {reported.describe()};
        return reported;
    };

    for (const auto& removal : plan.deletes) {
        if (Status removed = pm.removeEndpoint(removal.entry.id); !removed) {
            return fail(removed.error());
        }
        undo.push_back([&pm, entry = removal.entry] { return pm.addEndpoint(endpointOf(entry)); });
        actions.push_back("deleted " + describeEntry(removal.entry) + ": " + removal.reason);
    }
    for (const auto& change : plan.changes) {
        if (Status changed = pm.changeEndpoint({change.entry.id, {}, 0}, change.flags); !changed) {
            return fail(changed.error());
        }
        undo.push_back([&pm, entry = change.entry] {
            return pm.changeEndpoint({entry.id, {}, 0}, entry.flags);
        });
        LedgerEntry entry = change.entry;
        entry.flags = change.flags;
        next.entries.push_back(entry);
        actions.push_back("changed " + describeEntry(change.entry) + " to " +
                          flagText(change.flags));
    }
    for (const auto& addition : plan.adds) {
        if (Status added = pm.addEndpoint(addition.endpoint); !added) {
            return fail(added.error());
        }
        auto id = assignedId(pm, addition.endpoint);
        if (!id) {
            return fail(Error(EBADMSG, "the kernel accepted " +
                                           addition.endpoint.address.toString() +
                                           " but does not list it"));
        }
        undo.push_back([&pm, id = *id] { return pm.removeEndpoint(id); });
        const LedgerEntry entry = entryOf(addition, *id);
        next.entries.push_back(entry);
        actions.push_back("added " + describeEntry(entry) + " for " + addition.origin);
    }
    if (target && !target->limits.empty()) {
        auto previous = pm.limits();
        if (!previous) {
            return fail(previous.error());
        }
        if (Status set = pm.setLimits(target->limits.subflows, target->limits.addAddrAccepted);
            !set) {
            return fail(set.error());
        }
        undo.push_back([&pm, limits = *previous] {
            return pm.setLimits(limits.subflows, limits.addAddrAccepted);
        });
        actions.push_back("set the limits");
    }
    if (target && !target->sysctls.empty()) {
        auto current = mptcp::readMptcpSysctls(options_.sysctlRoot);
        if (!current) {
            return fail(current.error());
        }
        for (const auto& [name, value] : target->sysctls) {
            auto found = current->find(name);
            if (found != current->end() && trimmed(found->second) == trimmed(value)) {
                continue;
            }
            if (Status written = mptcp::writeMptcpSysctl(name, value, options_.sysctlRoot);
                !written) {
                return fail(Error(written.error().code(),
                                  "net.mptcp." + name + ": " + written.error().advice(),
                                  written.error().kernelMessage()));
            }
            if (found != current->end()) {
                undo.push_back([root = options_.sysctlRoot, name = name, old = found->second] {
                    return mptcp::writeMptcpSysctl(name, old, root);
                });
            }
            actions.push_back("set net.mptcp." + name + " to " + trimmed(value));
        }
    }
    if (Status saved = ledgerFile_.save(next); !saved) {
        return fail(saved.error());
    }
    undo.push_back([this] { return ledgerFile_.save(ledger_); });
    if (commit) {
        if (Status committed = commit(); !committed) {
            return fail(committed.error());
        }
    }
    ledger_ = std::move(next);
    active_ = target;
    status_.healthy = true;
    status_.errors.clear();
    status_.actions = std::move(actions);
    record(plan, target ? std::optional<std::string>(target->name) : std::nullopt);
    return {};
}

Status ProfileEngine::activate(const Profile& profile, Clock::time_point now,
                               const Commit& commit) {
    if (Status valid = validateProfile(profile); !valid) {
        return valid;
    }
    return transact(profile, now, commit);
}

Status ProfileEngine::deactivate(const Commit& commit) {
    return transact(std::nullopt, Clock::now(), commit);
}

Status ProfileEngine::reconcile(Clock::time_point now) {
    if (!active_) {
        return {};
    }
    auto observed = observe(now);
    if (!observed) {
        status_.healthy = false;
        status_.errors = {observed.error().describe()};
        return observed.error();
    }
    const Plan plan = planReconciliation(planInput(*active_, *observed, now));
    mptcp::PathManager& pm = *pathManager_;
    Ledger next;
    next.entries = plan.kept;
    std::vector<std::string> errors;
    std::vector<std::string> actions;

    for (const auto& removal : plan.deletes) {
        Status removed = pm.removeEndpoint(removal.entry.id);
        if (!removed && removed.error().code() != ENOENT) {
            // Still ours; tried again next time.
            next.entries.push_back(removal.entry);
            errors.push_back("deleting " + describeEntry(removal.entry) + ": " +
                             removed.error().describe());
            continue;
        }
        actions.push_back("deleted " + describeEntry(removal.entry) + ": " + removal.reason);
    }
    for (const auto& change : plan.changes) {
        LedgerEntry entry = change.entry;
        if (Status changed = pm.changeEndpoint({entry.id, {}, 0}, change.flags); !changed) {
            errors.push_back("changing " + describeEntry(entry) + ": " +
                             changed.error().describe());
        } else {
            actions.push_back("changed " + describeEntry(entry) + " to " + flagText(change.flags));
            entry.flags = change.flags;
        }
        next.entries.push_back(entry);
    }
    for (const auto& addition : plan.adds) {
        if (Status added = pm.addEndpoint(addition.endpoint); !added) {
            errors.push_back("adding " + addition.endpoint.address.toString() +
                             (addition.interface.empty() ? "" : " on " + addition.interface) +
                             ": " + added.error().describe());
            continue;
        }
        auto id = assignedId(pm, addition.endpoint);
        if (!id) {
            errors.push_back("the kernel accepted " + addition.endpoint.address.toString() +
                             " but does not list it");
            continue;
        }
        const LedgerEntry entry = entryOf(addition, *id);
        next.entries.push_back(entry);
        actions.push_back("added " + describeEntry(entry) + " for " + addition.origin);
    }
    ledger_ = std::move(next);
    if (Status saved = ledgerFile_.save(ledger_); !saved) {
        errors.push_back(saved.error().describe());
    }
    status_.healthy = errors.empty();
    status_.errors = errors;
    status_.actions = std::move(actions);
    record(plan, active_->name);
    if (!errors.empty()) {
        return Error(0, errors.front());
    }
    return {};
}

} // namespace profiles
