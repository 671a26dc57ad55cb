// The system tray icon: its picture says off / idle / active / degraded, its
// tooltip gives the numbers, its menu opens the window, pauses
// notifications or quits, and it shows a balloon when no desktop
// notification service is running.
#pragma once

#include "notification_policy.h"
#include "tray_state.h"

#include <QObject>
#include <QSystemTrayIcon>

class QAction;
class QMenu;

class TrayIcon : public QObject {
    Q_OBJECT

public:
    explicit TrayIcon(QObject* parent = nullptr);
    ~TrayIcon() override;

    void setSummary(const TraySummary& summary);
    void setNotificationsPaused(bool paused);
    void showBalloon(const Notification& notification);
    void setVisible(bool visible) { icon_.setVisible(visible); }
    QString toolTip() const { return icon_.toolTip(); }
    QMenu* menu() const { return menu_; }

signals:
    void openRequested();
    void notificationsPausedChanged(bool paused);
    void quitRequested();

private:
    QSystemTrayIcon icon_;
    QMenu* menu_;
    QAction* pause_;
    TraySummary summary_;
};
