// The XDG autostart entry (~/.config/autostart/mptcp-manager.desktop) that
// starts the app in the tray when the user logs in.
#pragma once

#include <QString>

class AutostartEntry {
public:
    // `directory` is for tests; by default $XDG_CONFIG_HOME/autostart.
    explicit AutostartEntry(QString directory = {});

    bool isEnabled() const;
    // Writes or removes the entry; false with `error` set when that failed.
    bool setEnabled(bool enabled, const QString& executable, QString* error = nullptr);
    QString path() const;

private:
    QString directory_;
};
