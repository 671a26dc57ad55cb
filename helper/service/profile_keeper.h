// The helper's side of profiles: the store, the engine that keeps the
// active profile true, and what drives it from the event loop: rtnetlink
// notifications (debounced), grace-period rechecks, a resync after lost
// notifications, and logind's PrepareForSleep(false) after a resume. While a
// profile is active the helper does not exit for idleness.
#pragma once

#include "profile_engine.h"
#include "profile_store.h"

#include <QDBusConnection>
#include <QElapsedTimer>
#include <QObject>
#include <QSocketNotifier>
#include <QString>
#include <QTimer>

#include <memory>
#include <optional>
#include <string>

struct ProfileKeeperOptions {
    std::string configDirectory = profiles::ProfileStore::kDefaultDirectory;
    std::string stateDirectory = profiles::LedgerFile::kDefaultDirectory;
    profiles::OtherManagersOptions others;
    int debounceMilliseconds = 300;
    // A storm of notifications still gets a pass this often.
    int maxDelayMilliseconds = 2000;
};

class ProfileKeeper : public QObject {
    Q_OBJECT
public:
    ProfileKeeper(QDBusConnection bus, ProfileKeeperOptions options, QObject* parent = nullptr);

    // Applies the profile the store names as active (after a restart or a
    // reboot). A failure shows in status() and is tried again on the next
    // change of the network.
    void start();
    // A profile is active (or waits to be applied): the helper must stay.
    bool keepsProfile() const;

    mptcp::Result<std::vector<profiles::ProfileSummary>> list() const { return store_.list(); }
    mptcp::Result<profiles::Profile> load(const std::string& name) const {
        return store_.load(name);
    }
    // Saves; when it is the active profile, applies it too (all or nothing).
    mptcp::Status save(const profiles::Profile& profile);
    mptcp::Status remove(const std::string& name) { return store_.remove(name); }
    // Applies `profile` and records it as the active one, all or nothing.
    mptcp::Status activate(const profiles::Profile& profile);
    mptcp::Status deactivate();
    mptcp::Result<profiles::Plan> preview(const profiles::Profile& profile);
    profiles::ProfileStatus status() const;
    // The active profile's name (the store's word), if any.
    std::optional<std::string> activeName() const;
    // False when this kernel has no MPTCP path manager (nothing can apply).
    bool available();

public slots:
    // Someone changed the endpoints (through the helper's other methods):
    // look again soon, as after a change of the network.
    void endpointsChanged();

signals:
    void statusChanged();
    void keepingChanged(bool keeping);

private slots:
    void onPrepareForSleep(bool sleeping);

private:
    mptcp::Status ensureEngine();
    void watch(bool on);
    void onNotification();
    void scheduleReconcile();
    void reconcileNow();
    void scheduleRecheck();
    void log(const std::string& text) const;

    QDBusConnection bus_;
    ProfileKeeperOptions options_;
    profiles::ProfileStore store_;
    std::optional<mptcp::PathManager> pathManager_;
    std::optional<profiles::ProfileEngine> engine_;
    std::unique_ptr<QSocketNotifier> notifier_;
    QTimer debounce_;
    QTimer recheck_;
    QElapsedTimer pendingSince_;
    // The saved active profile that could not be applied yet.
    std::optional<std::string> pending_;
    std::string lastError_;
};
