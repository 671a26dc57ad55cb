// Relays the kernel's path manager events to subscribed callers. Listens to
// the kernel only while someone is subscribed, batches what it sends (time-
// and size-bounded) and addresses each signal to one subscriber only.
#pragma once

#include "event_monitor.h"
#include "helper_types.h"

#include <QDBusConnection>
#include <QDBusServiceWatcher>
#include <QObject>
#include <QSet>
#include <QSocketNotifier>
#include <QTimer>

#include <memory>
#include <optional>

class MonitorRelay : public QObject {
    Q_OBJECT
public:
    static constexpr int kBatchMilliseconds = 50;
    static constexpr int kBatchSize = 256;

    explicit MonitorRelay(QDBusConnection bus, QObject* parent = nullptr);

    // Opens the kernel subscription with the first subscriber.
    mptcp::Status subscribe(const QString& busName);
    void unsubscribe(const QString& busName);
    int subscriberCount() const { return static_cast<int>(subscribers_.size()); }

signals:
    void subscribersChanged(int count);

private:
    void readKernel();
    void flush();
    void stopListening();

    QDBusConnection bus_;
    QDBusServiceWatcher watcher_;
    QSet<QString> subscribers_;
    std::optional<mptcp::EventMonitor> monitor_;
    std::unique_ptr<QSocketNotifier> notifier_;
    QTimer batchTimer_;
    EventList pending_;
};
