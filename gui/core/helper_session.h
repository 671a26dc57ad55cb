// Everything the window and the tray show, fed from one HelperClient: the
// models, the limits and sysctls, the tray state and the notification
// policy, plus when to read again (events, polling while a live view is
// open). Owns no widget, so tests drive it against the real helper as the
// app does.
#pragma once

#include "connection_model.h"
#include "endpoint_model.h"
#include "event_log_model.h"
#include "finding_model.h"
#include "helper_client.h"
#include "notification_policy.h"
#include "throughput_sampler.h"
#include "tray_state.h"

#include <QElapsedTimer>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <optional>

class HelperSession : public QObject {
    Q_OBJECT

public:
    // How often connections are read while someone watches them, and while not.
    static constexpr int kLiveIntervalMilliseconds = 1000;
    static constexpr int kBackgroundIntervalMilliseconds = 10000;
    static constexpr int kEndpointsIntervalMilliseconds = 5000;
    static constexpr int kKernelIntervalMilliseconds = 30000;

    explicit HelperSession(QDBusConnection systemBus, QObject* parent = nullptr);

    HelperClient& client() { return client_; }
    EndpointModel& endpoints() { return endpoints_; }
    ConnectionModel& connections() { return connections_; }
    EventLogModel& eventLog() { return eventLog_; }
    FindingModel& findings() { return findings_; }
    const ProfileSummaryList& profiles() const { return profiles_; }
    const ProfileStatusRecord& profileStatus() const { return profileStatus_; }
    // The doctor looks again soon (changes come in bursts: one look for all).
    void scheduleDiagnosis();
    NotificationPolicy& notifications() { return notifications_; }
    const ThroughputSampler& sampler() const { return sampler_; }
    const HelperStatus& status() const { return client_.status(); }

    // Reads everything, subscribes to events and starts polling.
    void start();
    void refreshAll();

    // A page showing connections wants them every second (throughput).
    void setLiveConnections(bool live);
    // A page showing endpoints re-reads them now and then: changes made with
    // `ip mptcp` send no signal.
    void setWatchingEndpoints(bool watching);

    std::optional<uint> subflowsLimit() const { return subflowsLimit_; }
    std::optional<uint> addAddrAcceptedLimit() const { return addAddrAcceptedLimit_; }
    const QVariantMap& sysctls() const { return sysctls_; }
    int addressesAnnouncedByPeers() const { return announcedByPeers_; }
    QSet<uint> tokensSeen() const { return tokensSeen_; }
    TraySummary traySummary() const;

    // Flush with a one-step undo: the endpoints before the flush are kept
    // and restored in one ApplyConfiguration.
    void flushEndpoints(HelperClient::Completion done = {});
    bool canUndoFlush() const { return undoEndpoints_.has_value(); }
    void undoFlush(HelperClient::Completion done = {});

signals:
    void statusChanged(const HelperStatus& status);
    void limitsRead(uint subflows, uint addAddrAccepted);
    void sysctlsRead(const QVariantMap& values);
    void connectionsSampled(qint64 milliseconds);
    void traySummaryChanged(const TraySummary& summary);
    void undoAvailableChanged(bool available);
    void eventsArrived(const EventList& events);
    void profilesRead(const ProfileSummaryList& profiles);
    void profileStatusRead(const ProfileStatusRecord& status);

private:
    void onEvents(const EventList& events);
    void onConnections(const ConnectionList& connections);
    void onStatus(const HelperStatus& status);
    void updateTray();
    void updateConnectionsPolling();
    void setUndo(std::optional<EndpointList> endpoints);
    qint64 now() const { return clock_.elapsed(); }

    HelperClient client_;
    EndpointModel endpoints_;
    ConnectionModel connections_;
    EventLogModel eventLog_;
    FindingModel findings_;
    ProfileSummaryList profiles_;
    ProfileStatusRecord profileStatus_;
    QTimer diagnosisTimer_;
    ThroughputSampler sampler_;
    TrayState tray_;
    NotificationPolicy notifications_;
    QElapsedTimer clock_;
    QTimer connectionsTimer_;
    QTimer endpointsTimer_;
    QTimer eventRefreshTimer_; // folds a burst of events into one re-read
    QTimer trayTimer_;         // a remembered failure ages out without new events
    QTimer kernelTimer_;       // sysctls (MPTCP on or off) change without a signal
    TraySummary lastTray_;
    std::optional<uint> subflowsLimit_;
    std::optional<uint> addAddrAcceptedLimit_;
    QVariantMap sysctls_;
    QSet<uint> tokensSeen_;
    int announcedByPeers_ = 0;
    std::optional<EndpointList> undoEndpoints_;
    bool live_ = false;
    bool started_ = false;
};
