// The Settings page: the kernel's net.mptcp settings, each with what it does
// (written through the helper's SetSysctl), and the app's own choices:
// which notifications to show, starting in the tray, starting at login.
#pragma once

#include "sysctl_catalog.h"

#include <QHash>
#include <QWidget>

class AppSettings;
class HelperSession;
class QCheckBox;
class QLabel;
class QVBoxLayout;

class SettingsPage : public QWidget {
    Q_OBJECT

public:
    SettingsPage(HelperSession& session, AppSettings& settings, QWidget* parent = nullptr);

    // The editor of a net.mptcp setting, by name (tests use it).
    QWidget* editorFor(const QString& name) const { return editors_.value(name); }
    QCheckBox* pauseNotificationsBox() const { return pauseNotifications_; }
    // The tray menu paused or resumed notifications: show it here too.
    void updateNotificationBox(bool paused);

signals:
    void message(const QString& text);
    void notificationChoicesChanged();

private:
    void buildKernelRows();
    void onSysctls(const QVariantMap& values);
    void write(const QString& name, const QVariant& value);
    void updateEnabled();
    QWidget* buildAppOptions();

    HelperSession& session_;
    AppSettings& settings_;
    QVBoxLayout* kernelRows_;
    QHash<QString, QWidget*> editors_;
    QHash<QString, QWidget*> rows_; // title, editor and explanation together
    QHash<QString, QLabel*> choiceNotes_;
    QList<SysctlEntry> entries_;
    QCheckBox* pauseNotifications_ = nullptr;
};
