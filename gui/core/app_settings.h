// The app's own choices, kept with QSettings under one set of keys so the
// window, the tray and the notifications read the same values.
#pragma once

#include "notification_policy.h"

#include <QByteArray>
#include <QSettings>

class AppSettings {
public:
    bool notifyAbout(NotificationKind kind) const;
    void setNotifyAbout(NotificationKind kind, bool enabled);
    bool notificationsPaused() const;
    void setNotificationsPaused(bool paused);
    bool startMinimized() const;
    void setStartMinimized(bool minimized);
    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray& geometry);
    QByteArray headerState(const QString& view) const;
    void setHeaderState(const QString& view, const QByteArray& state);
    int currentPage() const;
    void setCurrentPage(int page);
    // Once told that closing the window keeps the app in the tray.
    bool closeToTrayExplained() const;
    void setCloseToTrayExplained(bool explained);

private:
    mutable QSettings settings_;
};
