// What the tray icon says at a glance: MPTCP off, idle, N connections over M
// paths, or degraded (a path failed recently, or a backup carries the data).
// Fed with the same facts as the window; the time is passed in so tests can
// step it.
#pragma once

#include "helper_status.h"
#include "helper_types.h"

#include <QString>

enum class TrayCondition { Off, Idle, Active, Degraded };

struct TraySummary {
    TrayCondition condition = TrayCondition::Off;
    int connections = 0;
    int subflows = 0;
    QString reason;   // why Off or Degraded, in words
    int problems = 0; // the doctor's warnings and errors: a badge on the icon
    QString problem;  // the most fundamental of them, in one sentence

    friend bool operator==(const TraySummary&, const TraySummary&) = default;
};

class TrayState {
public:
    // How long a failed path keeps the state degraded.
    static constexpr qint64 kFailureMemoryMilliseconds = 2 * 60 * 1000;

    void setStatus(const HelperStatus& status) { status_ = status; }
    void setConnections(const ConnectionList& connections) { connections_ = connections; }
    void addEvents(const EventList& events, qint64 nowMilliseconds);
    void setDoctor(int problems, const QString& first) {
        problems_ = problems;
        firstProblem_ = first;
    }

    TraySummary summary(qint64 nowMilliseconds) const;

private:
    HelperStatus status_;
    ConnectionList connections_;
    qint64 lastFailure_ = -1;
    QString lastFailureText_;
    int problems_ = 0;
    QString firstProblem_;
};

QString trayToolTip(const TraySummary& summary);
