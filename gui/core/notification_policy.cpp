#include "notification_policy.h"

#include "display_format.h"
#include "event_text.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace {

qint64 monotonicMilliseconds() {
    static QElapsedTimer timer = [] {
        QElapsedTimer started;
        started.start();
        return started;
    }();
    return timer.elapsed();
}

int indexOf(NotificationKind kind) {
    return static_cast<int>(kind);
}

} // namespace

NotificationPolicy::NotificationPolicy(QObject* parent, Clock clock)
    : QObject(parent), clock_(clock ? std::move(clock) : Clock(monotonicMilliseconds)) {
    lastRefill_ = clock_();
    gatherTimer_.setSingleShot(true);
    connect(&gatherTimer_, &QTimer::timeout, this, &NotificationPolicy::flush);
}

void NotificationPolicy::setKindEnabled(NotificationKind kind, bool enabled) {
    enabled_[indexOf(kind)] = enabled;
}

bool NotificationPolicy::isKindEnabled(NotificationKind kind) const {
    return enabled_[indexOf(kind)];
}

void NotificationPolicy::setPaused(bool paused) {
    paused_ = paused;
    if (paused_) {
        opened_ = closed_ = switched_ = 0;
        gatherTimer_.stop();
    }
}

void NotificationPolicy::addEvents(const EventList& events) {
    if (paused_) {
        return;
    }
    for (const auto& event : events) {
        int* counter = nullptr;
        switch (event.command) {
        case EventCommand::kSubflowEstablished:
            if (isKindEnabled(NotificationKind::PathOpened)) {
                counter = &opened_;
            }
            break;
        case EventCommand::kSubflowClosed:
            if (isKindEnabled(NotificationKind::PathClosed)) {
                counter = &closed_;
            }
            break;
        case EventCommand::kSubflowPriority:
            if (isKindEnabled(NotificationKind::BackupSwitched)) {
                counter = &switched_;
            }
            break;
        default:
            break;
        }
        if (counter == nullptr) {
            continue;
        }
        if (pendingEventCount() == 0) {
            firstEvent_ = event;
        }
        ++*counter;
    }
    if (pendingEventCount() > 0 && !gatherTimer_.isActive()) {
        gatherTimer_.start(kGatherMilliseconds);
    }
}

void NotificationPolicy::refill() {
    const qint64 now = clock_();
    const double earned = static_cast<double>(now - lastRefill_) / kRefillMilliseconds;
    tokens_ = std::min<double>(kBurstNotifications, tokens_ + earned);
    lastRefill_ = now;
}

void NotificationPolicy::flush() {
    if (pendingEventCount() == 0) {
        return;
    }
    refill();
    if (tokens_ < 1.0) {
        // Keep gathering; the summary goes out with the next token.
        const double missing = 1.0 - tokens_;
        gatherTimer_.start(static_cast<int>(std::ceil(missing * kRefillMilliseconds)));
        return;
    }
    tokens_ -= 1.0;
    const Notification notification = compose();
    opened_ = closed_ = switched_ = 0;
    gatherTimer_.stop();
    emit notificationReady(notification);
}

QString NotificationPolicy::describePath(const EventRecord& event) const {
    const QString local =
        event.attributes.value(QLatin1String(EventAttribute::kSourceAddress)).toString();
    const QString remote = eventRemote(event);
    const QString interface = interfaceOf_ ? interfaceOf_(local) : QString();
    if (!interface.isEmpty()) {
        return tr("the path over %1 (%2 → %3)").arg(interface, local, remote);
    }
    return tr("the path %1 → %2").arg(local, remote);
}

Notification NotificationPolicy::compose() const {
    Notification notification;
    notification.eventCount = pendingEventCount();
    // The worst news decides the kind (and the urgency a daemon shows).
    notification.kind = closed_ > 0     ? NotificationKind::PathClosed
                        : switched_ > 0 ? NotificationKind::BackupSwitched
                                        : NotificationKind::PathOpened;
    if (notification.eventCount == 1) {
        const QString path = describePath(firstEvent_);
        switch (firstEvent_.command) {
        case EventCommand::kSubflowEstablished:
            notification.title = tr("New path in use");
            notification.body = tr("An MPTCP connection now also uses %1.").arg(path);
            break;
        case EventCommand::kSubflowClosed: {
            notification.title = tr("Path closed");
            QString why;
            const QVariant reason =
                firstEvent_.attributes.value(QLatin1String(EventAttribute::kResetReason));
            const QVariant error =
                firstEvent_.attributes.value(QLatin1String(EventAttribute::kError));
            if (reason.isValid()) {
                why = tr(" The peer reset it: %1.").arg(resetReasonText(reason.toUInt()));
            } else if (error.isValid() && error.toUInt() != 0) {
                why = tr(" Error: %1.")
                          .arg(QString::fromLocal8Bit(
                              std::strerror(static_cast<int>(error.toUInt()))));
            }
            notification.body = tr("An MPTCP connection stopped using %1.").arg(path) + why;
            break;
        }
        default: {
            const bool backup =
                firstEvent_.attributes.value(QLatin1String(EventAttribute::kBackup)).toUInt() != 0;
            notification.title = backup ? tr("Path is now a backup") : tr("Backup path in use");
            notification.body = backup
                                    ? tr("%1 now carries data only if the others fail.").arg(path)
                                    : tr("%1 now carries data.").arg(path);
            notification.body[0] = notification.body[0].toUpper();
            break;
        }
        }
        return notification;
    }
    notification.title = tr("MPTCP paths changed");
    QStringList parts;
    if (opened_ > 0) {
        parts.append(tr("paths opened: %1").arg(opened_));
    }
    if (closed_ > 0) {
        parts.append(tr("paths closed: %1").arg(closed_));
    }
    if (switched_ > 0) {
        parts.append(tr("backup changes: %1").arg(switched_));
    }
    notification.body = parts.join(QStringLiteral(", ")) + QLatin1Char('.');
    notification.body[0] = notification.body[0].toUpper();
    return notification;
}
