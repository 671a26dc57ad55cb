// A stand-in desktop notification service on the test's session bus: it
// records what the app asks org.freedesktop.Notifications to show.
#pragma once

#include <QDBusConnection>
#include <QObject>
#include <QStringList>
#include <QVariantMap>

struct ShownNotification {
    QString summary;
    QString body;
    QVariantMap hints;
};

class FakeNotifications : public QObject {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    // Registers on its own connection, so the app's calls really cross the bus.
    bool registerOnSessionBus();
    const QList<ShownNotification>& shown() const { return shown_; }

public slots:
    uint Notify(const QString& appName, uint replacesId, const QString& appIcon,
                const QString& summary, const QString& body, const QStringList& actions,
                const QVariantMap& hints, int expireTimeout);
    QStringList GetCapabilities();
    void CloseNotification(uint id);

private:
    QList<ShownNotification> shown_;
};
