// The app's only way to the helper: asynchronous calls through the proxy
// generated from the contract, a status that the banner and the tray read,
// and the bookkeeping that makes a helper which exits when idle, crashes or
// is upgraded look like one that never went away (re-read, re-subscribe).
#pragma once

#include "helper_error.h"
#include "helper_status.h"
#include "helper_types.h"
#include "profile_types.h"

#include <QDBusConnection>
#include <QDBusServiceWatcher>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

class HelperProxy;
class QDBusPendingCall;

class HelperClient : public QObject {
    Q_OBJECT

public:
    using Completion = std::function<void(const HelperError& error)>;
    using AddCompletion = std::function<void(const HelperError& error, uint assignedId)>;
    using ProfileCompletion =
        std::function<void(const HelperError& error, const ProfileRecord& profile)>;
    using PreviewCompletion =
        std::function<void(const HelperError& error, const ProfilePreviewRecord& preview)>;

    explicit HelperClient(QDBusConnection bus, QObject* parent = nullptr);
    ~HelperClient() override;

    const HelperStatus& status() const { return status_; }
    bool isSubscribed() const { return subscribed_; }

    // Reads everything and, when wanted, subscribes: the first contact, and
    // what happens again whenever the helper comes back.
    void resynchronize();

    // Each read answers with its signal below; a read asked for while the
    // same read is on its way is folded into one more read after it.
    void refreshEndpoints();
    void refreshLimits();
    void refreshConnections();
    void refreshSysctls();
    void refreshKernelSupport();
    void refreshDiagnosis();
    void refreshProfiles();
    void refreshProfileStatus();
    // One-off reads for the profile editor (no folding: each asks for its own).
    void readProfile(const QString& name, ProfileCompletion done);
    void previewProfile(const ProfileRecord& profile, PreviewCompletion done);

    // While true the helper relays events here, and is re-subscribed after
    // it comes back.
    void setEventsWanted(bool wanted);

    // Changes. Each may open polkit's password dialog, so they wait long.
    // A failure is passed to `done` and announced with changeFailed().
    void addEndpoint(const EndpointRecord& endpoint, AddCompletion done = {});
    void removeEndpoint(uint id, const QString& address, Completion done = {});
    void setEndpointFlags(uint id, uint flags, Completion done = {});
    void flushEndpoints(Completion done = {});
    void setLimits(uint subflows, uint addAddrAccepted, Completion done = {});
    void applyConfiguration(const EndpointList& endpoints, uint subflows, uint addAddrAccepted,
                            Completion done = {});
    void setSysctl(const QString& name, const QVariant& value, Completion done = {});
    // The fix a doctor finding offers, through the same authorized method a
    // person would use by hand.
    void runFix(const FindingRecord& finding, Completion done = {});
    void saveProfile(const ProfileRecord& profile, Completion done = {});
    void deleteProfile(const QString& name, Completion done = {});
    void activateProfile(const QString& name, Completion done = {});
    void deactivateProfile(Completion done = {});

signals:
    void statusChanged(const HelperStatus& status);
    void endpointsRead(const EndpointList& endpoints);
    void limitsRead(uint subflows, uint addAddrAccepted);
    void connectionsRead(const ConnectionList& connections);
    void sysctlsRead(const QVariantMap& values);
    void diagnosisRead(const FindingList& findings);
    void profilesRead(const ProfileSummaryList& profiles);
    void profileStatusRead(const ProfileStatusRecord& status);
    void eventsReceived(const EventList& events);
    // Events between these two moments never reached the app.
    void eventsMissed(const QString& why);
    void changeFailed(const QString& what, const HelperError& error);

private:
    enum Read {
        EndpointsRead,
        LimitsRead,
        ConnectionsRead,
        SysctlsRead,
        SupportRead,
        DiagnosisRead,
        ProfilesRead,
        ProfileStatusRead,
        ReadCount
    };
    struct ReadSlot {
        bool inFlight = false;
        bool again = false;
    };

    bool beginRead(Read read);
    void endRead(Read read);
    void onReadFailed(Read read, const HelperError& error);
    void onReachable();
    void watch(const QDBusPendingCall& call, std::function<void(const QDBusPendingCall&)> handler);
    // Sends one change with "interactive authorization allowed", which the
    // generated proxy cannot set in Qt 6.4; its name, path and interface are
    // taken from the proxy. A failure is announced with changeFailed(what)
    // unless `what` is empty.
    void change(const QString& method, const QList<QVariant>& arguments, const QString& what,
                std::function<void(const QDBusPendingCall&, const HelperError&)> done);

    // A completion that may be called whether or not the caller gave one.
    static Completion orNothing(Completion done);
    void subscribe();
    void onServiceRegistered();
    void onServiceUnregistered();
    void setAvailability(HelperAvailability availability, const QString& reason = {});
    void setStatus(const HelperStatus& status);
    void scheduleRetry();

    QDBusConnection bus_;
    std::unique_ptr<HelperProxy> proxy_;
    QDBusServiceWatcher watcher_;
    QTimer retryTimer_;
    int retryDelaySeconds_ = 0;
    HelperStatus status_;
    ReadSlot reads_[ReadCount];
    bool eventsWanted_ = false;
    bool subscribed_ = false;
    bool subscribeInFlight_ = false;
};
