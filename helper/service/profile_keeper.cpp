#include "profile_keeper.h"

#include <cstdio>

namespace {

profiles::Clock::time_point now() {
    return profiles::Clock::now();
}

} // namespace

ProfileKeeper::ProfileKeeper(QDBusConnection bus, ProfileKeeperOptions options, QObject* parent)
    : QObject(parent), bus_(bus), options_(std::move(options)), store_(options_.configDirectory) {
    debounce_.setSingleShot(true);
    connect(&debounce_, &QTimer::timeout, this, &ProfileKeeper::reconcileNow);
    recheck_.setSingleShot(true);
    connect(&recheck_, &QTimer::timeout, this, &ProfileKeeper::reconcileNow);
    // After a resume addresses and carriers may all have changed while no
    // notification could be trusted to tell: look again. (Absent logind, as
    // on a test bus, this connects to nothing.)
    bus_.connect(QStringLiteral("org.freedesktop.login1"),
                 QStringLiteral("/org/freedesktop/login1"),
                 QStringLiteral("org.freedesktop.login1.Manager"),
                 QStringLiteral("PrepareForSleep"), this, SLOT(onPrepareForSleep(bool)));
}

void ProfileKeeper::log(const std::string& text) const {
    std::fprintf(stderr, "mptcp-manager-helper: profile: %s\n", text.c_str());
}

bool ProfileKeeper::available() {
    return ensureEngine().ok();
}

mptcp::Status ProfileKeeper::ensureEngine() {
    if (engine_) {
        return {};
    }
    if (!pathManager_) {
        auto opened = mptcp::PathManager::open();
        if (!opened) {
            return opened.error();
        }
        pathManager_.emplace(std::move(opened).value());
    }
    profiles::EngineOptions engineOptions;
    engineOptions.others = options_.others;
    engineOptions.ledgerDirectory = options_.stateDirectory;
    auto engine = profiles::ProfileEngine::open(*pathManager_, engineOptions);
    if (!engine) {
        return engine.error();
    }
    engine_.emplace(std::move(engine).value());
    return {};
}

bool ProfileKeeper::keepsProfile() const {
    // Without an engine (no MPTCP here) there is nothing to keep true.
    return engine_ && (pending_.has_value() || engine_->activeProfile().has_value());
}

std::optional<std::string> ProfileKeeper::activeName() const {
    auto name = store_.active();
    return name ? *name : std::nullopt;
}

void ProfileKeeper::start() {
    auto name = store_.active();
    if (!name) {
        lastError_ = name.error().describe();
        log(lastError_);
        return;
    }
    if (!*name) {
        return;
    }
    pending_ = **name;
    reconcileNow(); // applies the pending profile
    if (pending_) {
        watch(true); // retried on the next change
    }
    emit keepingChanged(keepsProfile());
}

void ProfileKeeper::watch(bool on) {
    if (!on || notifier_ || !engine_) {
        return;
    }
    if (auto subscribed = engine_->subscribe(); !subscribed) {
        log("cannot follow address changes: " + subscribed.error().describe());
        return;
    }
    notifier_ = std::make_unique<QSocketNotifier>(engine_->fd(), QSocketNotifier::Read);
    connect(notifier_.get(), &QSocketNotifier::activated, this, &ProfileKeeper::onNotification);
}

void ProfileKeeper::onNotification() {
    auto changes = engine_->readChanges();
    if (!changes) {
        log("reading address changes failed (" + changes.error().describe() + "); looking again");
        scheduleReconcile();
        return;
    }
    if (changes->overflow) {
        log("address change notifications were lost; looking at everything again");
    }
    if ((changes->relevant > 0 || changes->overflow) && keepsProfile()) {
        scheduleReconcile();
    }
}

void ProfileKeeper::endpointsChanged() {
    if (keepsProfile()) {
        scheduleReconcile();
    }
}

void ProfileKeeper::onPrepareForSleep(bool sleeping) {
    if (!sleeping && keepsProfile()) {
        log("resumed from suspend; looking at the network again");
        scheduleReconcile();
    }
}

void ProfileKeeper::scheduleReconcile() {
    if (!pendingSince_.isValid()) {
        pendingSince_.start();
    }
    const bool overdue = pendingSince_.elapsed() >= options_.maxDelayMilliseconds;
    debounce_.start(overdue ? 0 : options_.debounceMilliseconds);
}

void ProfileKeeper::scheduleRecheck() {
    recheck_.stop();
    if (!engine_ || !engine_->recheckAt()) {
        return;
    }
    const auto wait =
        std::chrono::duration_cast<std::chrono::milliseconds>(*engine_->recheckAt() - now());
    recheck_.start(static_cast<int>(std::max<int64_t>(0, wait.count()) + 50));
}

void ProfileKeeper::reconcileNow() {
    pendingSince_.invalidate();
    if (pending_) {
        auto profile = store_.load(*pending_);
        mptcp::Status applied = profile ? ensureEngine() : mptcp::Status(profile.error());
        if (applied) {
            applied = engine_->activate(*profile, now());
        }
        if (!applied) {
            const std::string error = "the active profile \"" + *pending_ +
                                      "\" could not be applied: " + applied.error().describe();
            if (error != lastError_) {
                log(error + " (tried again when the network changes)");
            }
            lastError_ = error;
            emit statusChanged();
            return;
        }
        log("applied \"" + *pending_ + "\"");
        pending_.reset();
        lastError_.clear();
        watch(true);
    } else if (engine_ && engine_->activeProfile()) {
        (void)engine_->reconcile(now());
    } else {
        return;
    }
    for (const auto& action : engine_->status().actions) {
        log(action);
    }
    for (const auto& error : engine_->status().errors) {
        log(error);
    }
    scheduleRecheck();
    emit statusChanged();
}

mptcp::Status ProfileKeeper::activate(const profiles::Profile& profile) {
    if (auto ready = ensureEngine(); !ready) {
        return ready;
    }
    const std::string name = profile.name;
    mptcp::Status applied =
        engine_->activate(profile, now(), [this, &name] { return store_.setActive(name); });
    if (applied) {
        const bool was = keepsProfile();
        pending_.reset();
        lastError_.clear();
        watch(true);
        scheduleRecheck();
        log("activated \"" + name + "\"");
        for (const auto& action : engine_->status().actions) {
            log(action);
        }
        if (!was) {
            emit keepingChanged(true);
        }
    }
    emit statusChanged();
    return applied;
}

mptcp::Status ProfileKeeper::deactivate() {
    mptcp::Status done;
    if (engine_) {
        done = engine_->deactivate([this] { return store_.setActive(std::nullopt); });
    } else {
        done = store_.setActive(std::nullopt);
    }
    if (done) {
        pending_.reset();
        lastError_.clear();
        recheck_.stop();
        debounce_.stop();
        log("deactivated the profile");
        emit keepingChanged(keepsProfile());
    }
    emit statusChanged();
    return done;
}

mptcp::Status ProfileKeeper::save(const profiles::Profile& profile) {
    const bool isActive =
        engine_ && engine_->activeProfile() && engine_->activeProfile()->name == profile.name;
    if (!isActive) {
        return store_.save(profile);
    }
    // The active profile changed: the kernel follows, or neither changes.
    mptcp::Status applied =
        engine_->activate(profile, now(), [this, &profile] { return store_.save(profile); });
    if (applied) {
        scheduleRecheck();
        for (const auto& action : engine_->status().actions) {
            log(action);
        }
    }
    emit statusChanged();
    return applied;
}

mptcp::Result<profiles::Plan> ProfileKeeper::preview(const profiles::Profile& profile) {
    if (auto ready = ensureEngine(); !ready) {
        return ready.error();
    }
    return engine_->preview(profile, now());
}

profiles::ProfileStatus ProfileKeeper::status() const {
    profiles::ProfileStatus status;
    if (engine_) {
        status = engine_->status();
    }
    if (pending_) {
        status.active = *pending_;
        status.healthy = false;
    }
    if (!lastError_.empty()) {
        status.healthy = false;
        status.errors.insert(status.errors.begin(), lastError_);
    }
    return status;
}
