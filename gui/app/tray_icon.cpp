#include "tray_icon.h"

#include "state_icons.h"

#include <QAction>
#include <QMenu>

TrayIcon::TrayIcon(QObject* parent) : QObject(parent), menu_(new QMenu) {
    QAction* open = menu_->addAction(tr("&Open MPTCP Manager"), this, &TrayIcon::openRequested);
    menu_->setDefaultAction(open);
    pause_ = menu_->addAction(tr("&Pause notifications"));
    pause_->setCheckable(true);
    connect(pause_, &QAction::toggled, this, &TrayIcon::notificationsPausedChanged);
    menu_->addSeparator();
    menu_->addAction(tr("&Quit"), this, &TrayIcon::quitRequested);
    icon_.setContextMenu(menu_);
    connect(&icon_, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason reason) {
                if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick) {
                    emit openRequested();
                }
            });
    setSummary(summary_);
}

TrayIcon::~TrayIcon() {
    delete menu_;
}

void TrayIcon::setSummary(const TraySummary& summary) {
    summary_ = summary;
    icon_.setIcon(stateIcon(summary.condition, summary.subflows));
    icon_.setToolTip(trayToolTip(summary));
}

void TrayIcon::setNotificationsPaused(bool paused) {
    const QSignalBlocker blocker(pause_);
    pause_->setChecked(paused);
}

void TrayIcon::showBalloon(const Notification& notification) {
    if (!icon_.isVisible() || !QSystemTrayIcon::supportsMessages()) {
        return;
    }
    icon_.showMessage(notification.title, notification.body,
                      notification.kind == NotificationKind::PathClosed
                          ? QSystemTrayIcon::Warning
                          : QSystemTrayIcon::Information);
}
