// The system tray icon: its picture says off / idle / active / degraded, its
// tooltip gives the numbers, its menu opens the window, pauses
// notifications or quits, and it shows a balloon when no desktop
// notification service is running.
#pragma once

#include "notification_policy.h"
#include "profile_types.h"
#include "tray_state.h"

#include <QObject>
#include <QSystemTrayIcon>

class QAction;
class QActionGroup;
class QMenu;

class TrayIcon : public QObject {
    Q_OBJECT

public:
    explicit TrayIcon(QObject* parent = nullptr);
    ~TrayIcon() override;

    void setSummary(const TraySummary& summary);
    void setNotificationsPaused(bool paused);
    // The profile switcher: every profile, the active one ticked, and "None".
    void setProfiles(const ProfileSummaryList& profiles);
    void showBalloon(const Notification& notification);
    void setVisible(bool visible) { icon_.setVisible(visible); }
    QString toolTip() const { return icon_.toolTip(); }
    QMenu* menu() const { return menu_; }

signals:
    void openRequested();
    void doctorRequested();
    void profileRequested(const QString& name); // "" = none
    void notificationsPausedChanged(bool paused);
    void quitRequested();

private:
    QSystemTrayIcon icon_;
    QMenu* menu_;
    QAction* pause_;
    QAction* doctor_;
    QMenu* profiles_;
    QActionGroup* profileGroup_;
    TraySummary summary_;
};
