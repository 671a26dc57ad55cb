#include "fake_notifications.h"

bool FakeNotifications::registerOnSessionBus() {
    QDBusConnection bus =
        QDBusConnection::connectToBus(QDBusConnection::SessionBus, QStringLiteral("fake-notify"));
    return bus.isConnected() &&
           bus.registerObject(QStringLiteral("/org/freedesktop/Notifications"), this,
                              QDBusConnection::ExportAllSlots) &&
           bus.registerService(QStringLiteral("org.freedesktop.Notifications"));
}

uint FakeNotifications::Notify(const QString&, uint, const QString&, const QString& summary,
                               const QString& body, const QStringList&, const QVariantMap& hints,
                               int) {
    shown_.append({summary, body, hints});
    return static_cast<uint>(shown_.size());
}

QStringList FakeNotifications::GetCapabilities() {
    return {QStringLiteral("body")};
}

void FakeNotifications::CloseNotification(uint) {}
