// Shows notifications through the freedesktop Notifications service on the
// session bus, as desktop environments expect. Where no such service runs,
// it says so (noServiceFor) so the tray can show a balloon instead.
#pragma once

#include "notification_policy.h"

#include <QDBusConnection>
#include <QObject>

class DesktopNotifier : public QObject {
    Q_OBJECT

public:
    explicit DesktopNotifier(QDBusConnection sessionBus, QObject* parent = nullptr);

    void show(const Notification& notification);

signals:
    void noServiceFor(const Notification& notification);
    void shown(uint id);

private:
    QDBusConnection bus_;
    // Each notification replaces the previous one rather than stacking up.
    uint lastId_ = 0;
};
