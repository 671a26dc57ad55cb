#include "tray_state.h"

#include "event_text.h"

#include <QCoreApplication>

namespace {

// Gives the strings of this file a translation context lupdate can see.
struct TrayStateText {
    Q_DECLARE_TR_FUNCTIONS(TrayStateText)
};

// A backup took over: the connection has paths, and every one is a backup.
bool runsOnBackupOnly(const ConnectionRecord& connection) {
    if (connection.subflows.isEmpty()) {
        return false;
    }
    for (const auto& subflow : connection.subflows) {
        if (!subflow.backup && !subflow.remoteBackup) {
            return false;
        }
    }
    return true;
}

} // namespace

void TrayState::addEvents(const EventList& events, qint64 nowMilliseconds) {
    for (const auto& event : events) {
        if (event.command != EventCommand::kSubflowClosed) {
            continue;
        }
        // A path closed with an error or a reset failed; a clean close did not.
        const QVariant error = event.attributes.value(QLatin1String(EventAttribute::kError));
        const QVariant reset = event.attributes.value(QLatin1String(EventAttribute::kResetReason));
        if ((error.isValid() && error.toUInt() != 0) || reset.isValid()) {
            lastFailure_ = nowMilliseconds;
            const QString local =
                event.attributes.value(QLatin1String(EventAttribute::kSourceAddress)).toString();
            lastFailureText_ = reset.isValid()
                                   ? TrayStateText::tr("A path from %1 failed: %2")
                                         .arg(local, resetReasonText(reset.toUInt()))
                                   : TrayStateText::tr("A path from %1 failed.").arg(local);
        }
    }
}

TraySummary TrayState::summary(qint64 nowMilliseconds) const {
    TraySummary summary;
    if (status_.availability == HelperAvailability::Absent) {
        summary.reason = TrayStateText::tr("The helper is not available.");
        return summary;
    }
    // Only a reachable helper diagnoses; what it said last still holds.
    summary.problems = problems_;
    summary.problem = problems_ > 0 ? firstProblem_ : QString();
    if (status_.supportKnown && !status_.support.available) {
        summary.reason = TrayStateText::tr("This kernel has no MPTCP.");
        return summary;
    }
    if (status_.supportKnown && !status_.support.enabled) {
        summary.reason = TrayStateText::tr("MPTCP is turned off.");
        return summary;
    }
    summary.connections = static_cast<int>(connections_.size());
    for (const auto& connection : connections_) {
        summary.subflows += static_cast<int>(connection.subflows.size());
    }
    summary.condition = summary.connections == 0 ? TrayCondition::Idle : TrayCondition::Active;
    for (const auto& connection : connections_) {
        if (runsOnBackupOnly(connection)) {
            summary.condition = TrayCondition::Degraded;
            summary.reason = TrayStateText::tr("A connection runs on its backup path only.");
            return summary;
        }
    }
    if (lastFailure_ >= 0 && nowMilliseconds - lastFailure_ < kFailureMemoryMilliseconds) {
        summary.condition = TrayCondition::Degraded;
        summary.reason = lastFailureText_;
    }
    return summary;
}

QString trayToolTip(const TraySummary& summary) {
    const QString title = TrayStateText::tr("MPTCP Manager");
    QString state;
    switch (summary.condition) {
    case TrayCondition::Off:
        state = TrayStateText::tr("Off: %1").arg(summary.reason);
        break;
    case TrayCondition::Idle:
        state = TrayStateText::tr("On, no MPTCP connections");
        break;
    case TrayCondition::Active:
    case TrayCondition::Degraded:
        // "Connections: N" reads right for every N, in English without a plural file.
        state = TrayStateText::tr("Connections: %1, paths: %2")
                    .arg(summary.connections)
                    .arg(summary.subflows);
        if (summary.condition == TrayCondition::Degraded) {
            state += QLatin1Char('\n') + TrayStateText::tr("Degraded: %1").arg(summary.reason);
        }
        break;
    }
    if (summary.problems == 1) {
        state += QLatin1Char('\n') + TrayStateText::tr("Doctor: %1").arg(summary.problem);
    } else if (summary.problems > 1) {
        state += QLatin1Char('\n') + TrayStateText::tr("Doctor: %1 problems, first: %2")
                                         .arg(summary.problems)
                                         .arg(summary.problem);
    }
    return title + QLatin1Char('\n') + state;
}
