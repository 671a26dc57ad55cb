// This machine's network interfaces with their addresses and what kind of
// link each is, for the "Add endpoint" picker. Read from sysfs and
// getifaddrs() only: no netlink, no privileges.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

enum class InterfaceKind { WiFi, Ethernet, MobileBroadband, Other };

struct NetworkInterface {
    QString name;
    InterfaceKind kind = InterfaceKind::Other;
    QStringList addresses; // usable as endpoints: no loopback, no link-local
    bool up = false;
};

// Every interface except loopback, sorted by kind (Wi-Fi, Ethernet, mobile)
// then name. `sysfsRoot` is for tests.
QList<NetworkInterface>
listNetworkInterfaces(const QString& sysfsRoot = QStringLiteral("/sys/class/net"));
// Only the sysfs part: the kind of `name` (Wi-Fi when it has a "wireless" or
// "phy80211" entry, mobile broadband when uevent says DEVTYPE=wwan, ...).
InterfaceKind interfaceKind(const QString& sysfsRoot, const QString& name);
QString interfaceKindText(InterfaceKind kind);
