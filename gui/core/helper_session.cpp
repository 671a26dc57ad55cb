#include "helper_session.h"

#include "endpoint.h"
#include "event_text.h"

HelperSession::HelperSession(QDBusConnection systemBus, QObject* parent)
    : QObject(parent), client_(systemBus) {
    clock_.start();
    connect(&client_, &HelperClient::endpointsRead, this, [this](const EndpointList& list) {
        if (list != endpoints_.endpoints()) {
            scheduleDiagnosis();
        }
        endpoints_.setEndpoints(list);
    });
    connect(&client_, &HelperClient::limitsRead, this, [this](uint subflows, uint accepted) {
        if (subflowsLimit_ != subflows || addAddrAcceptedLimit_ != accepted) {
            scheduleDiagnosis();
        }
        subflowsLimit_ = subflows;
        addAddrAcceptedLimit_ = accepted;
        emit limitsRead(subflows, accepted);
    });
    connect(&client_, &HelperClient::sysctlsRead, this, [this](const QVariantMap& values) {
        if (values != sysctls_) {
            scheduleDiagnosis();
        }
        sysctls_ = values;
        emit sysctlsRead(values);
    });
    connect(&client_, &HelperClient::connectionsRead, this, &HelperSession::onConnections);
    connect(&client_, &HelperClient::eventsReceived, this, &HelperSession::onEvents);
    connect(&client_, &HelperClient::eventsMissed, this,
            [this](const QString& why) { eventLog_.addLostMarker(why); });
    connect(&client_, &HelperClient::statusChanged, this, &HelperSession::onStatus);
    connect(&client_, &HelperClient::diagnosisRead, this, [this](const FindingList& findings) {
        findings_.setFindings(findings);
        QString first;
        for (const auto& finding : findings) {
            if (finding.severity >= 1) {
                first = finding.summary;
                break;
            }
        }
        tray_.setDoctor(findings_.problemCount(), first);
        updateTray();
    });
    connect(&client_, &HelperClient::profilesRead, this, [this](const ProfileSummaryList& list) {
        profiles_ = list;
        emit profilesRead(list);
    });
    connect(&client_, &HelperClient::profileStatusRead, this,
            [this](const ProfileStatusRecord& status) {
                profileStatus_ = status;
                emit profileStatusRead(status);
                scheduleDiagnosis(); // the profile may have changed endpoints
            });
    diagnosisTimer_.setSingleShot(true);
    diagnosisTimer_.setInterval(300);
    connect(&diagnosisTimer_, &QTimer::timeout, &client_, &HelperClient::refreshDiagnosis);

    connectionsTimer_.setInterval(kBackgroundIntervalMilliseconds);
    connect(&connectionsTimer_, &QTimer::timeout, &client_, &HelperClient::refreshConnections);
    endpointsTimer_.setInterval(kEndpointsIntervalMilliseconds);
    connect(&endpointsTimer_, &QTimer::timeout, &client_, &HelperClient::refreshEndpoints);
    eventRefreshTimer_.setSingleShot(true);
    eventRefreshTimer_.setInterval(200);
    connect(&eventRefreshTimer_, &QTimer::timeout, &client_, &HelperClient::refreshConnections);
    // Only while a failure is remembered: it ages out without any event.
    trayTimer_.setSingleShot(true);
    trayTimer_.setInterval(TrayState::kFailureMemoryMilliseconds + 100);
    connect(&trayTimer_, &QTimer::timeout, this, &HelperSession::updateTray);
    kernelTimer_.setInterval(kKernelIntervalMilliseconds);
    connect(&kernelTimer_, &QTimer::timeout, this, [this] {
        client_.refreshKernelSupport();
        client_.refreshSysctls();
        // Addresses, routes and counters change without any signal to us.
        client_.refreshDiagnosis();
    });
}

void HelperSession::start() {
    started_ = true;
    client_.setEventsWanted(true);
    refreshAll();
    updateConnectionsPolling();
    kernelTimer_.start();
}

void HelperSession::refreshAll() {
    client_.resynchronize();
}

void HelperSession::setLiveConnections(bool live) {
    if (live_ && !live) {
        // Rates are shown only in a live view; samples taken minutes apart
        // would average over the gap when it opens again.
        sampler_.clear();
        connections_.setRates(sampler_);
    }
    live_ = live;
    updateConnectionsPolling();
    if (live) {
        client_.refreshConnections();
    }
}

void HelperSession::updateConnectionsPolling() {
    // Byte counters change without events: a live view polls. Otherwise
    // events say when connections come and go, and only an app that gets
    // no events (not authorized to monitor) polls, slowly.
    if (live_) {
        connectionsTimer_.start(kLiveIntervalMilliseconds);
    } else if (client_.isSubscribed()) {
        connectionsTimer_.stop();
    } else if (started_) {
        connectionsTimer_.start(kBackgroundIntervalMilliseconds);
    }
}

void HelperSession::setWatchingEndpoints(bool watching) {
    if (watching) {
        client_.refreshEndpoints();
        endpointsTimer_.start();
    } else {
        endpointsTimer_.stop();
    }
}

void HelperSession::onEvents(const EventList& events) {
    eventLog_.addEvents(events);
    tray_.addEvents(events, now());
    notifications_.addEvents(events);
    bool connectionsChanged = false;
    for (const auto& event : events) {
        if (hasToken(event)) {
            tokensSeen_.insert(eventToken(event));
        }
        switch (event.command) {
        case EventCommand::kAnnounced:
            ++announcedByPeers_;
            [[fallthrough]];
        case EventCommand::kCreated:
        case EventCommand::kEstablished:
        case EventCommand::kClosed:
        case EventCommand::kSubflowEstablished:
        case EventCommand::kSubflowClosed:
        case EventCommand::kSubflowPriority:
            connectionsChanged = true;
            break;
        default:
            break;
        }
    }
    if (connectionsChanged && !eventRefreshTimer_.isActive()) {
        eventRefreshTimer_.start();
    }
    emit eventsArrived(events);
    updateTray();
    if (traySummary().condition == TrayCondition::Degraded) {
        trayTimer_.start();
    }
}

void HelperSession::onConnections(const ConnectionList& connections) {
    const qint64 at = now();
    connections_.setConnections(connections);
    if (live_) {
        sampler_.addSnapshot(connections, at);
        connections_.setRates(sampler_);
    }
    for (const auto& connection : connections) {
        tokensSeen_.insert(connection.token);
    }
    tray_.setConnections(connections);
    emit connectionsSampled(at);
    updateTray();
}

void HelperSession::onStatus(const HelperStatus& status) {
    endpoints_.setEditable(status.canChangePathManager());
    tray_.setStatus(status);
    updateConnectionsPolling(); // subscribed or not
    emit statusChanged(status);
    updateTray();
}

void HelperSession::scheduleDiagnosis() {
    if (!diagnosisTimer_.isActive()) {
        diagnosisTimer_.start();
    }
}

TraySummary HelperSession::traySummary() const {
    return tray_.summary(now());
}

void HelperSession::updateTray() {
    const TraySummary summary = traySummary();
    if (summary == lastTray_) {
        return;
    }
    lastTray_ = summary;
    emit traySummaryChanged(summary);
}

void HelperSession::flushEndpoints(HelperClient::Completion done) {
    // The kernel makes "implicit" entries itself and refuses them as input.
    EndpointList previous;
    for (const auto& endpoint : endpoints_.endpoints()) {
        if (!(endpoint.flags & mptcp::kFlagImplicit)) {
            previous.append(endpoint);
        }
    }
    client_.flushEndpoints([this, previous, done](const HelperError& error) {
        if (!error.isError()) {
            setUndo(previous);
        }
        if (done) {
            done(error);
        }
    });
}

void HelperSession::undoFlush(HelperClient::Completion done) {
    if (!undoEndpoints_ || !subflowsLimit_ || !addAddrAcceptedLimit_) {
        return;
    }
    client_.applyConfiguration(*undoEndpoints_, *subflowsLimit_, *addAddrAcceptedLimit_,
                               [this, done](const HelperError& error) {
                                   if (!error.isError()) {
                                       setUndo(std::nullopt);
                                   }
                                   if (done) {
                                       done(error);
                                   }
                               });
}

void HelperSession::setUndo(std::optional<EndpointList> endpoints) {
    const bool had = undoEndpoints_.has_value();
    undoEndpoints_ = std::move(endpoints);
    if (had != undoEndpoints_.has_value()) {
        emit undoAvailableChanged(undoEndpoints_.has_value());
    }
}
