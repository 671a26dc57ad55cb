// The whole app in one object: the session with the helper, the window, the
// tray and the notifications, wired as a user runs them. main() makes one;
// the tests make one against the test bus and press its buttons.
#pragma once

#include "app_settings.h"
#include "desktop_notifier.h"
#include "helper_session.h"

#include <QDBusConnection>
#include <QObject>

#include <memory>

class MainWindow;
class TrayIcon;

class ManagerApp : public QObject {
    Q_OBJECT

public:
    ManagerApp(QDBusConnection systemBus, QDBusConnection sessionBus, QObject* parent = nullptr);
    ~ManagerApp() override;

    // Shows the window (or only the tray icon when starting minimized with a
    // tray available) and starts talking to the helper.
    void start(bool minimized);

    HelperSession& session() { return session_; }
    MainWindow& window() { return *window_; }
    TrayIcon& tray() { return *tray_; }
    DesktopNotifier& notifier() { return notifier_; }
    bool hasTray() const { return hasTray_; }

signals:
    void quitRequested();

private:
    void applyNotificationChoices();
    void showWindow();

    AppSettings settings_;
    HelperSession session_;
    DesktopNotifier notifier_;
    std::unique_ptr<MainWindow> window_;
    std::unique_ptr<TrayIcon> tray_;
    bool hasTray_ = false;
};
