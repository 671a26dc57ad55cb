#include "helper_client.h"

#include "helper_proxy.h"

#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>

#include <algorithm>

namespace {

// Long enough for a person to answer polkit's password dialog.
constexpr int kChangeTimeoutMilliseconds = 5 * 60 * 1000;
constexpr int kFirstRetrySeconds = 2;
constexpr int kLastRetrySeconds = 30;

QString service() {
    return QString::fromLatin1(HelperNames::kService);
}

} // namespace

HelperClient::HelperClient(QDBusConnection bus, QObject* parent)
    : QObject(parent), bus_(bus), proxy_(std::make_unique<HelperProxy>(
                                      service(), QString::fromLatin1(HelperNames::kPath), bus)) {
    registerHelperTypes();
    watcher_.setConnection(bus_);
    watcher_.setWatchMode(QDBusServiceWatcher::WatchForRegistration |
                          QDBusServiceWatcher::WatchForUnregistration);
    watcher_.addWatchedService(service());
    connect(&watcher_, &QDBusServiceWatcher::serviceRegistered, this,
            &HelperClient::onServiceRegistered);
    connect(&watcher_, &QDBusServiceWatcher::serviceUnregistered, this,
            &HelperClient::onServiceUnregistered);

    connect(proxy_.get(), &HelperProxy::Events, this, [this](const EventList& events) {
        emit eventsReceived(events);
        // The kernel dropped events: what the app shows may be stale now.
        const bool lost = std::any_of(events.begin(), events.end(),
                                      [](const EventRecord& event) { return event.command == 0; });
        if (lost) {
            refreshConnections();
            refreshEndpoints();
        }
    });
    connect(proxy_.get(), &HelperProxy::EndpointsChanged, this, &HelperClient::refreshEndpoints);
    connect(proxy_.get(), &HelperProxy::LimitsChanged, this, &HelperClient::refreshLimits);
    connect(proxy_.get(), &HelperProxy::ProfileStatusChanged, this, [this] {
        refreshProfileStatus();
        refreshProfiles(); // which one is active
    });

    retryTimer_.setSingleShot(true);
    connect(&retryTimer_, &QTimer::timeout, this, &HelperClient::resynchronize);

    if (!bus_.isConnected()) {
        status_.availability = HelperAvailability::Absent;
        status_.absentReason =
            tr("This program cannot reach the system bus (%1).").arg(bus_.lastError().message());
    }
}

HelperClient::~HelperClient() = default;

// --- reads -------------------------------------------------------------------

void HelperClient::resynchronize() {
    if (!bus_.isConnected()) {
        return;
    }
    refreshKernelSupport();
    refreshEndpoints();
    refreshLimits();
    refreshConnections();
    refreshSysctls();
    refreshDiagnosis();
    refreshProfiles();
    refreshProfileStatus();
    if (eventsWanted_ && !subscribed_) {
        subscribe();
    }
}

bool HelperClient::beginRead(Read read) {
    if (!bus_.isConnected()) {
        return false;
    }
    if (reads_[read].inFlight) {
        reads_[read].again = true;
        return false;
    }
    reads_[read].inFlight = true;
    return true;
}

void HelperClient::endRead(Read read) {
    reads_[read].inFlight = false;
    if (reads_[read].again) {
        reads_[read].again = false;
        switch (read) {
        case EndpointsRead:
            refreshEndpoints();
            break;
        case LimitsRead:
            refreshLimits();
            break;
        case ConnectionsRead:
            refreshConnections();
            break;
        case SysctlsRead:
            refreshSysctls();
            break;
        case SupportRead:
            refreshKernelSupport();
            break;
        case DiagnosisRead:
            refreshDiagnosis();
            break;
        case ProfilesRead:
            refreshProfiles();
            break;
        case ProfileStatusRead:
            refreshProfileStatus();
            break;
        case ReadCount:
            break;
        }
    }
}

void HelperClient::watch(const QDBusPendingCall& call,
                         std::function<void(const QDBusPendingCall&)> handler) {
    auto* watcher = new QDBusPendingCallWatcher(call, this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [watcher, handler = std::move(handler)] {
                handler(*watcher);
                watcher->deleteLater();
            });
}

void HelperClient::onReachable() {
    retryTimer_.stop();
    retryDelaySeconds_ = 0;
    if (status_.availability != HelperAvailability::Running) {
        setAvailability(HelperAvailability::Running);
    }
}

void HelperClient::onReadFailed(Read read, const HelperError& error) {
    HelperStatus next = status_;
    switch (error.kind) {
    case HelperError::Kind::HelperAbsent:
        next.availability = HelperAvailability::Absent;
        next.absentReason = error.message;
        setStatus(next);
        scheduleRetry();
        return;
    case HelperError::Kind::NoReply:
        next.availability = HelperAvailability::Restarting;
        setStatus(next);
        scheduleRetry();
        return;
    case HelperError::Kind::Kernel:
    case HelperError::Kind::Unsupported:
        // The helper answered: it is there, the kernel is what failed.
        next.availability = HelperAvailability::Running;
        if (read != SysctlsRead) {
            next.kernelError = error.message;
        }
        setStatus(next);
        return;
    default:
        next.kernelError = error.message;
        setStatus(next);
        return;
    }
}

void HelperClient::refreshEndpoints() {
    if (!beginRead(EndpointsRead)) {
        return;
    }
    watch(proxy_->Endpoints(), [this](const QDBusPendingCall& call) {
        QDBusPendingReply<EndpointList> reply = call;
        if (reply.isError()) {
            onReadFailed(EndpointsRead, HelperError::fromDBus(reply.error()));
        } else {
            onReachable();
            if (!status_.kernelError.isEmpty()) {
                HelperStatus next = status_;
                next.kernelError.clear();
                setStatus(next);
            }
            emit endpointsRead(reply.value());
        }
        endRead(EndpointsRead);
    });
}

void HelperClient::refreshLimits() {
    if (!beginRead(LimitsRead)) {
        return;
    }
    watch(proxy_->Limits(), [this](const QDBusPendingCall& call) {
        QDBusPendingReply<uint, uint> reply = call;
        if (reply.isError()) {
            onReadFailed(LimitsRead, HelperError::fromDBus(reply.error()));
        } else {
            onReachable();
            emit limitsRead(reply.argumentAt<0>(), reply.argumentAt<1>());
        }
        endRead(LimitsRead);
    });
}

void HelperClient::refreshConnections() {
    if (!beginRead(ConnectionsRead)) {
        return;
    }
    watch(proxy_->Connections(), [this](const QDBusPendingCall& call) {
        QDBusPendingReply<ConnectionList> reply = call;
        if (reply.isError()) {
            onReadFailed(ConnectionsRead, HelperError::fromDBus(reply.error()));
        } else {
            onReachable();
            emit connectionsRead(reply.value());
        }
        endRead(ConnectionsRead);
    });
}

void HelperClient::refreshSysctls() {
    if (!beginRead(SysctlsRead)) {
        return;
    }
    watch(proxy_->Sysctls(), [this](const QDBusPendingCall& call) {
        QDBusPendingReply<QVariantMap> reply = call;
        if (reply.isError()) {
            onReadFailed(SysctlsRead, HelperError::fromDBus(reply.error()));
        } else {
            onReachable();
            emit sysctlsRead(reply.value());
        }
        endRead(SysctlsRead);
    });
}

void HelperClient::refreshKernelSupport() {
    if (!beginRead(SupportRead)) {
        return;
    }
    // The generated property accessor blocks the event loop until the helper
    // answers (and D-Bus may first have to start it), so the property is read
    // with an asynchronous Properties.Get instead.
    QDBusMessage get = QDBusMessage::createMethodCall(
        proxy_->service(), proxy_->path(), QStringLiteral("org.freedesktop.DBus.Properties"),
        QStringLiteral("Get"));
    get.setArguments({proxy_->interface(), QStringLiteral("KernelSupport")});
    watch(bus_.asyncCall(get), [this](const QDBusPendingCall& call) {
        QDBusPendingReply<QDBusVariant> reply = call;
        if (reply.isError()) {
            onReadFailed(SupportRead, HelperError::fromDBus(reply.error()));
        } else {
            onReachable();
            HelperStatus next = status_;
            next.support = qdbus_cast<KernelSupportInfo>(reply.value().variant());
            next.supportKnown = true;
            setStatus(next);
        }
        endRead(SupportRead);
    });
}

// --- events ------------------------------------------------------------------

void HelperClient::setEventsWanted(bool wanted) {
    if (wanted == eventsWanted_) {
        return;
    }
    eventsWanted_ = wanted;
    if (wanted) {
        subscribe();
    } else if (subscribed_) {
        subscribed_ = false;
        proxy_->Unsubscribe();
    }
}

void HelperClient::subscribe() {
    if (subscribeInFlight_ || subscribed_ || !bus_.isConnected()) {
        return;
    }
    subscribeInFlight_ = true;
    // No `what`: a refusal is shown by the banner (read-only mode), not as a failed change.
    change(QStringLiteral("Subscribe"), {}, {},
           [this](const QDBusPendingCall&, const HelperError& error) {
               subscribeInFlight_ = false;
               HelperStatus next = status_;
               if (!error.isError()) {
                   subscribed_ = eventsWanted_;
                   if (!eventsWanted_) {
                       proxy_->Unsubscribe(); // no longer wanted while it was on its way
                   }
                   next.authorization = HelperAuthorization::Granted;
                   next.denialReason.clear();
               } else if (error.kind == HelperError::Kind::NotAuthorized) {
                   next.authorization = HelperAuthorization::Denied;
                   next.denialReason = error.message;
               } else if (error.kind != HelperError::Kind::HelperAbsent &&
                          error.kind != HelperError::Kind::NoReply) {
                   // (A missing helper is told by the availability already.)
                   // Without events the window still works (it polls), but says why.
                   next.kernelError = tr("Live events are not available: %1").arg(error.message);
                   qWarning("mptcp-manager: Subscribe failed: %s: %s", qPrintable(error.name),
                            qPrintable(error.message));
               }
               setStatus(next);
           });
}

void HelperClient::onServiceRegistered() {
    // A helper came (back) on its own or was started by someone's call: an
    // app that lost it, or wants events and has none, catches up now.
    if (status_.availability != HelperAvailability::Running ||
        (eventsWanted_ && !subscribed_ && status_.authorization != HelperAuthorization::Denied)) {
        resynchronize();
    }
}

void HelperClient::onServiceUnregistered() {
    // Idle exits only happen without subscribers, so a helper that leaves
    // while this app is subscribed crashed, was killed or is being replaced.
    // Either way its events are gone, and the next call starts a new one.
    const bool wasSubscribed = subscribed_;
    subscribed_ = false;
    if (!wasSubscribed) {
        return;
    }
    emit eventsMissed(tr("The helper stopped; events until it is back are missing."));
    HelperStatus next = status_;
    next.availability = HelperAvailability::Restarting;
    // A new helper asks polkit afresh.
    next.authorization = HelperAuthorization::Unknown;
    setStatus(next);
    resynchronize();
}

void HelperClient::setAvailability(HelperAvailability availability, const QString& reason) {
    HelperStatus next = status_;
    next.availability = availability;
    next.absentReason = reason;
    setStatus(next);
}

void HelperClient::setStatus(const HelperStatus& status) {
    if (status == status_) {
        return;
    }
    status_ = status;
    emit statusChanged(status_);
}

void HelperClient::scheduleRetry() {
    if (retryTimer_.isActive()) {
        return;
    }
    retryDelaySeconds_ = retryDelaySeconds_ == 0
                             ? kFirstRetrySeconds
                             : std::min(retryDelaySeconds_ * 2, kLastRetrySeconds);
    retryTimer_.start(retryDelaySeconds_ * 1000);
}

// --- changes -----------------------------------------------------------------

void HelperClient::change(const QString& method, const QList<QVariant>& arguments,
                          const QString& what,
                          std::function<void(const QDBusPendingCall&, const HelperError&)> done) {
    QDBusMessage call = QDBusMessage::createMethodCall(proxy_->service(), proxy_->path(),
                                                       proxy_->interface(), method);
    call.setArguments(arguments);
    call.setInteractiveAuthorizationAllowed(true);
    watch(bus_.asyncCall(call, kChangeTimeoutMilliseconds),
          [this, what, done = std::move(done)](const QDBusPendingCall& reply) {
              HelperError error;
              if (reply.isError()) {
                  error = HelperError::fromDBus(reply.error());
                  if (error.kind == HelperError::Kind::HelperAbsent) {
                      onReadFailed(ReadCount, error);
                  }
                  if (!what.isEmpty()) {
                      emit changeFailed(what, error);
                  }
              } else {
                  onReachable();
              }
              done(reply, error);
          });
}

HelperClient::Completion HelperClient::orNothing(Completion done) {
    return done ? done : [](const HelperError&) {};
}

void HelperClient::addEndpoint(const EndpointRecord& endpoint, AddCompletion done) {
    change(QStringLiteral("AddEndpoint"),
           {endpoint.address, QVariant::fromValue(endpoint.port), endpoint.ifname, endpoint.id,
            endpoint.flags},
           tr("Add endpoint %1").arg(endpoint.address),
           [done = std::move(done)](const QDBusPendingCall& call, const HelperError& error) {
               QDBusPendingReply<uint> reply = call;
               if (done) {
                   done(error, error.isError() ? 0u : reply.value());
               }
           });
}

void HelperClient::removeEndpoint(uint id, const QString& address, Completion done) {
    change(QStringLiteral("RemoveEndpoint"), {id, address}, tr("Delete endpoint %1").arg(id),
           [done = orNothing(std::move(done))](const QDBusPendingCall&, const HelperError& error) {
               done(error);
           });
}

void HelperClient::setEndpointFlags(uint id, uint flags, Completion done) {
    change(QStringLiteral("SetEndpointFlags"), {id, flags}, tr("Change endpoint %1").arg(id),
           [done = orNothing(std::move(done))](const QDBusPendingCall&, const HelperError& error) {
               done(error);
           });
}

void HelperClient::flushEndpoints(Completion done) {
    change(QStringLiteral("FlushEndpoints"), {}, tr("Delete every endpoint"),
           [done = orNothing(std::move(done))](const QDBusPendingCall&, const HelperError& error) {
               done(error);
           });
}

void HelperClient::setLimits(uint subflows, uint addAddrAccepted, Completion done) {
    change(QStringLiteral("SetLimits"), {subflows, addAddrAccepted}, tr("Change limits"),
           [done = orNothing(std::move(done))](const QDBusPendingCall&, const HelperError& error) {
               done(error);
           });
}

void HelperClient::applyConfiguration(const EndpointList& endpoints, uint subflows,
                                      uint addAddrAccepted, Completion done) {
    change(QStringLiteral("ApplyConfiguration"),
           {QVariant::fromValue(endpoints), subflows, addAddrAccepted},
           tr("Restore endpoints and limits"),
           [done = orNothing(std::move(done))](const QDBusPendingCall&, const HelperError& error) {
               done(error);
           });
}

void HelperClient::setSysctl(const QString& name, const QVariant& value, Completion done) {
    change(QStringLiteral("SetSysctl"), {name, QVariant::fromValue(QDBusVariant(value))},
           tr("Change net.mptcp.%1").arg(name),
           [this, done = orNothing(std::move(done))](const QDBusPendingCall&,
                                                     const HelperError& error) {
               // No signal tells about sysctls, and "enabled" changes the status.
               refreshSysctls();
               refreshKernelSupport();
               done(error);
           });
}
