#include "tray_icon.h"

#include "state_icons.h"

#include <QAction>
#include <QActionGroup>
#include <QMenu>

TrayIcon::TrayIcon(QObject* parent) : QObject(parent), menu_(new QMenu) {
    QAction* open = menu_->addAction(tr("&Open MPTCP Manager"), this, &TrayIcon::openRequested);
    menu_->setDefaultAction(open);
    doctor_ = menu_->addAction(QString(), this, &TrayIcon::doctorRequested);
    profiles_ = menu_->addMenu(tr("P&rofile"));
    profileGroup_ = new QActionGroup(this);
    profileGroup_->setExclusive(true);
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
    icon_.setIcon(stateIcon(summary.condition, summary.subflows, summary.problems > 0));
    doctor_->setVisible(summary.problems > 0);
    doctor_->setText(summary.problems == 1 ? tr("&Doctor: 1 problem")
                                           : tr("&Doctor: %1 problems").arg(summary.problems));
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

void TrayIcon::setProfiles(const ProfileSummaryList& profiles) {
    profiles_->clear();
    for (QAction* action : profileGroup_->actions()) {
        profileGroup_->removeAction(action);
    }
    const auto add = [this](const QString& text, const QString& name, bool active) {
        QAction* action = profiles_->addAction(text);
        action->setCheckable(true);
        action->setChecked(active);
        action->setData(name);
        profileGroup_->addAction(action);
        connect(action, &QAction::triggered, this, [this, name, active] {
            if (!active) {
                emit profileRequested(name);
            }
        });
    };
    bool anyActive = false;
    for (const auto& profile : profiles) {
        // Names may hold '&'; the menu must not read it as a shortcut.
        QString text = profile.name;
        add(text.replace(QLatin1Char('&'), QLatin1String("&&")), profile.name, profile.active);
        anyActive = anyActive || profile.active;
    }
    profiles_->addSeparator();
    add(tr("&None (endpoints as they are)"), QString(), !anyActive);
    profiles_->setEnabled(!profiles.isEmpty());
}
