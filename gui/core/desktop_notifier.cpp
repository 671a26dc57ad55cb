#include "desktop_notifier.h"

#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>

namespace {

const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");
constexpr int kServerDecidesTimeout = -1;

} // namespace

DesktopNotifier::DesktopNotifier(QDBusConnection sessionBus, QObject* parent)
    : QObject(parent), bus_(sessionBus) {}

void DesktopNotifier::show(const Notification& notification) {
    if (!bus_.isConnected()) {
        emit noServiceFor(notification);
        return;
    }
    QDBusMessage notify =
        QDBusMessage::createMethodCall(kService, kPath, kService, QStringLiteral("Notify"));
    // A closed path is worth a daemon's attention (urgency 1, normal); the rest is low (0).
    const uchar urgency = notification.kind == NotificationKind::PathClosed ? 1 : 0;
    const QVariantMap hints{{QStringLiteral("urgency"), QVariant::fromValue(urgency)},
                            {QStringLiteral("category"), QStringLiteral("network")},
                            {QStringLiteral("desktop-entry"), QStringLiteral("mptcp-manager")}};
    notify.setArguments({QStringLiteral("MPTCP Manager"), lastId_,
                         QStringLiteral("network-wireless"), notification.title, notification.body,
                         QStringList(), hints, kServerDecidesTimeout});
    auto* watcher = new QDBusPendingCallWatcher(bus_.asyncCall(notify), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, notification] {
        QDBusPendingReply<uint> reply = *watcher;
        watcher->deleteLater();
        if (reply.isError()) {
            emit noServiceFor(notification);
            return;
        }
        lastId_ = reply.value();
        emit shown(lastId_);
    });
}
