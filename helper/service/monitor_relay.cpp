#include "monitor_relay.h"

#include "record_conversions.h"

#include <QDBusMessage>

MonitorRelay::MonitorRelay(QDBusConnection bus, QObject* parent)
    : QObject(parent), bus_(bus), watcher_(QString(), bus, QDBusServiceWatcher::WatchForUnregistration) {
    // A subscriber that leaves the bus (even by crashing) is dropped.
    connect(&watcher_, &QDBusServiceWatcher::serviceUnregistered, this,
            &MonitorRelay::unsubscribe);
    batchTimer_.setSingleShot(true);
    batchTimer_.setInterval(kBatchMilliseconds);
    connect(&batchTimer_, &QTimer::timeout, this, &MonitorRelay::flush);
}

mptcp::Status MonitorRelay::subscribe(const QString& busName) {
    if (!monitor_) {
        auto opened = mptcp::EventMonitor::open();
        if (!opened) {
            return opened.error();
        }
        monitor_.emplace(std::move(opened).value());
        notifier_ = std::make_unique<QSocketNotifier>(monitor_->fd(), QSocketNotifier::Read);
        connect(notifier_.get(), &QSocketNotifier::activated, this, &MonitorRelay::readKernel);
    }
    if (!subscribers_.contains(busName)) {
        subscribers_.insert(busName);
        watcher_.addWatchedService(busName);
        emit subscribersChanged(subscriberCount());
    }
    return {};
}

void MonitorRelay::unsubscribe(const QString& busName) {
    if (!subscribers_.remove(busName)) {
        return;
    }
    watcher_.removeWatchedService(busName);
    if (subscribers_.isEmpty()) {
        stopListening();
    }
    emit subscribersChanged(subscriberCount());
}

void MonitorRelay::stopListening() {
    notifier_.reset();
    monitor_.reset();
    batchTimer_.stop();
    pending_.clear();
}

void MonitorRelay::readKernel() {
    auto events = monitor_->read(false);
    if (!events) {
        // The socket failed: report it as lost events so subscribers resync.
        pending_.append(EventRecord{});
    } else {
        for (const auto& event : *events) {
            pending_.append(toRecord(event));
        }
    }
    if (pending_.size() >= kBatchSize) {
        flush();
    } else if (!pending_.isEmpty() && !batchTimer_.isActive()) {
        batchTimer_.start();
    }
}

void MonitorRelay::flush() {
    batchTimer_.stop();
    while (!pending_.isEmpty()) {
        EventList batch = pending_.mid(0, kBatchSize);
        pending_.remove(0, batch.size());
        for (const QString& subscriber : std::as_const(subscribers_)) {
            QDBusMessage signal = QDBusMessage::createTargetedSignal(
                subscriber, QString::fromLatin1(HelperNames::kPath),
                QString::fromLatin1(HelperNames::kInterface), QStringLiteral("Events"));
            signal << QVariant::fromValue(batch);
            bus_.send(signal);
        }
    }
}
