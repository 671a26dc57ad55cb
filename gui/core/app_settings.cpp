#include "app_settings.h"

namespace {

QString notifyKey(NotificationKind kind) {
    switch (kind) {
    case NotificationKind::PathOpened:
        return QStringLiteral("notifications/pathOpened");
    case NotificationKind::PathClosed:
        return QStringLiteral("notifications/pathClosed");
    case NotificationKind::BackupSwitched:
        return QStringLiteral("notifications/backupSwitched");
    }
    return {};
}

} // namespace

bool AppSettings::notifyAbout(NotificationKind kind) const {
    return settings_.value(notifyKey(kind), true).toBool();
}

void AppSettings::setNotifyAbout(NotificationKind kind, bool enabled) {
    settings_.setValue(notifyKey(kind), enabled);
}

bool AppSettings::notificationsPaused() const {
    return settings_.value(QStringLiteral("notifications/paused"), false).toBool();
}

void AppSettings::setNotificationsPaused(bool paused) {
    settings_.setValue(QStringLiteral("notifications/paused"), paused);
}

bool AppSettings::startMinimized() const {
    return settings_.value(QStringLiteral("startMinimized"), false).toBool();
}

void AppSettings::setStartMinimized(bool minimized) {
    settings_.setValue(QStringLiteral("startMinimized"), minimized);
}

QByteArray AppSettings::windowGeometry() const {
    return settings_.value(QStringLiteral("window/geometry")).toByteArray();
}

void AppSettings::setWindowGeometry(const QByteArray& geometry) {
    settings_.setValue(QStringLiteral("window/geometry"), geometry);
}

QByteArray AppSettings::headerState(const QString& view) const {
    return settings_.value(QStringLiteral("headers/") + view).toByteArray();
}

void AppSettings::setHeaderState(const QString& view, const QByteArray& state) {
    settings_.setValue(QStringLiteral("headers/") + view, state);
}

int AppSettings::currentPage() const {
    return settings_.value(QStringLiteral("window/page"), 0).toInt();
}

void AppSettings::setCurrentPage(int page) {
    settings_.setValue(QStringLiteral("window/page"), page);
}

bool AppSettings::closeToTrayExplained() const {
    return settings_.value(QStringLiteral("window/closeToTrayExplained"), false).toBool();
}

void AppSettings::setCloseToTrayExplained(bool explained) {
    settings_.setValue(QStringLiteral("window/closeToTrayExplained"), explained);
}
