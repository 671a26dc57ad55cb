#include "autostart_entry.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QStandardPaths>

namespace {

constexpr char kFileName[] = "mptcp-manager.desktop";

// Desktop entry Exec values quote arguments with double quotes.
QString quotedExec(const QString& executable) {
    QString escaped = executable;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char('"'), QLatin1String("\\\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

} // namespace

AutostartEntry::AutostartEntry(QString directory) : directory_(std::move(directory)) {
    if (directory_.isEmpty()) {
        directory_ = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
                     QStringLiteral("/autostart");
    }
}

QString AutostartEntry::path() const {
    return directory_ + QLatin1Char('/') + QLatin1String(kFileName);
}

bool AutostartEntry::isEnabled() const {
    return QFile::exists(path());
}

bool AutostartEntry::setEnabled(bool enabled, const QString& executable, QString* error) {
    const auto fail = [&](const QString& why) {
        if (error) {
            *error = why;
        }
        return false;
    };
    if (!enabled) {
        if (QFile::exists(path()) && !QFile::remove(path())) {
            return fail(
                QCoreApplication::translate("AutostartEntry", "Cannot remove %1.").arg(path()));
        }
        return true;
    }
    if (!QDir().mkpath(directory_)) {
        return fail(
            QCoreApplication::translate("AutostartEntry", "Cannot create %1.").arg(directory_));
    }
    QSaveFile file(path());
    if (!file.open(QIODevice::WriteOnly)) {
        return fail(file.errorString());
    }
    const QString entry = QStringLiteral("[Desktop Entry]\n"
                                         "Type=Application\n"
                                         "Name=MPTCP Manager\n"
                                         "Comment=Multipath TCP paths in the system tray\n"
                                         "Exec=%1 --minimized\n"
                                         "Icon=network-wireless\n"
                                         "Terminal=false\n"
                                         "X-GNOME-Autostart-enabled=true\n")
                              .arg(quotedExec(executable));
    file.write(entry.toUtf8());
    if (!file.commit()) {
        return fail(file.errorString());
    }
    return true;
}
