#include "manager_app.h"

#include "main_window.h"
#include "network_interfaces.h"
#include "settings_page.h"
#include "tray_icon.h"

#include <QSystemTrayIcon>

namespace {

// Events name addresses; people know their interfaces by name.
QString interfaceOfAddress(const QString& address) {
    for (const auto& interface : listNetworkInterfaces()) {
        if (interface.addresses.contains(address)) {
            return interface.name;
        }
    }
    return {};
}

} // namespace

ManagerApp::ManagerApp(QDBusConnection systemBus, QDBusConnection sessionBus, QObject* parent)
    : QObject(parent), session_(systemBus), notifier_(sessionBus),
      window_(std::make_unique<MainWindow>(session_, settings_)),
      tray_(std::make_unique<TrayIcon>()), hasTray_(QSystemTrayIcon::isSystemTrayAvailable()) {
    window_->setKeepRunningInTray(hasTray_);
    session_.notifications().setInterfaceOfAddress(interfaceOfAddress);
    applyNotificationChoices();

    connect(&session_, &HelperSession::traySummaryChanged, tray_.get(), &TrayIcon::setSummary);
    connect(&session_.notifications(), &NotificationPolicy::notificationReady, &notifier_,
            &DesktopNotifier::show);
    connect(&notifier_, &DesktopNotifier::noServiceFor, tray_.get(), &TrayIcon::showBalloon);
    connect(tray_.get(), &TrayIcon::openRequested, this, &ManagerApp::showWindow);
    connect(tray_.get(), &TrayIcon::quitRequested, this, &ManagerApp::quitRequested);
    connect(tray_.get(), &TrayIcon::doctorRequested, this, [this] {
        window_->showPage(MainWindow::DoctorPageIndex);
        showWindow();
    });
    connect(&session_, &HelperSession::profilesRead, tray_.get(), &TrayIcon::setProfiles);
    connect(tray_.get(), &TrayIcon::profileRequested, this, [this](const QString& name) {
        // The window, which would show the error, may be hidden: say it here.
        const auto tell = [this](const HelperError& error) {
            if (error.isError() && !window_->isVisible()) {
                Notification failed;
                failed.kind = NotificationKind::PathClosed; // shown as a warning
                failed.title = tr("Profile not switched");
                failed.body = error.message;
                tray_->showBalloon(failed);
            }
        };
        if (name.isEmpty()) {
            session_.client().deactivateProfile(tell);
        } else {
            session_.client().activateProfile(name, tell);
        }
    });
    connect(tray_.get(), &TrayIcon::notificationsPausedChanged, this, [this](bool paused) {
        settings_.setNotificationsPaused(paused);
        window_->settingsPage()->updateNotificationBox(paused);
        applyNotificationChoices();
    });
    connect(window_->settingsPage(), &SettingsPage::notificationChoicesChanged, this,
            &ManagerApp::applyNotificationChoices);
    connect(window_.get(), &MainWindow::quitRequested, this, &ManagerApp::quitRequested);
}

ManagerApp::~ManagerApp() {
    window_->saveViewState();
}

void ManagerApp::start(bool minimized) {
    tray_->setSummary(session_.traySummary());
    tray_->setVisible(hasTray_);
    if (!(minimized && hasTray_)) {
        window_->show();
    }
    session_.start();
}

void ManagerApp::showWindow() {
    window_->show();
    window_->raise();
    window_->activateWindow();
}

void ManagerApp::applyNotificationChoices() {
    NotificationPolicy& policy = session_.notifications();
    for (auto kind : {NotificationKind::PathOpened, NotificationKind::PathClosed,
                      NotificationKind::BackupSwitched}) {
        policy.setKindEnabled(kind, settings_.notifyAbout(kind));
    }
    policy.setPaused(settings_.notificationsPaused());
    tray_->setNotificationsPaused(settings_.notificationsPaused());
}
