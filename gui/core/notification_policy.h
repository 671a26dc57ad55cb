// Decides which path changes become desktop notifications, and how many.
// Events are gathered for a short while and told as one notification; a
// token bucket bounds how many notifications can follow each other, so a
// storm of a thousand events makes a handful at most, each a summary.
#pragma once

#include "helper_types.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>

enum class NotificationKind { PathOpened, PathClosed, BackupSwitched };

struct Notification {
    NotificationKind kind = NotificationKind::PathOpened; // the most important one told
    QString title;
    QString body;
    int eventCount = 0;
};

class NotificationPolicy : public QObject {
    Q_OBJECT

public:
    using Clock = std::function<qint64()>; // milliseconds, monotonic
    using InterfaceOfAddress = std::function<QString(const QString& address)>;

    static constexpr int kGatherMilliseconds = 1500;
    static constexpr int kBurstNotifications = 3;
    static constexpr int kRefillMilliseconds = 30000;

    // Without a clock, QElapsedTimer's monotonic time is used.
    explicit NotificationPolicy(QObject* parent = nullptr, Clock clock = {});

    void setKindEnabled(NotificationKind kind, bool enabled);
    bool isKindEnabled(NotificationKind kind) const;
    // Paused: events are dropped, not saved for later.
    void setPaused(bool paused);
    bool isPaused() const { return paused_; }
    void setInterfaceOfAddress(InterfaceOfAddress lookup) { interfaceOf_ = std::move(lookup); }

    void addEvents(const EventList& events);
    // Tells what was gathered if the bucket allows it now, else waits for
    // the next token. The gather timer calls it; tests call it directly.
    void flush();
    int pendingEventCount() const { return opened_ + closed_ + switched_; }

signals:
    void notificationReady(const Notification& notification);

private:
    void refill();
    QString describePath(const EventRecord& event) const;
    Notification compose() const;

    Clock clock_;
    InterfaceOfAddress interfaceOf_;
    QTimer gatherTimer_;
    bool enabled_[3] = {true, true, true};
    bool paused_ = false;
    double tokens_ = kBurstNotifications;
    qint64 lastRefill_ = 0;
    int opened_ = 0;
    int closed_ = 0;
    int switched_ = 0;
    EventRecord firstEvent_; // told in full when it is the only one
};
