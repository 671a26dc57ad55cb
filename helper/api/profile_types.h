// The profile part of the org.mptcpmanager.Helper1 contract: value types and
// their D-Bus marshalling. Signatures are documented in
// org.mptcpmanager.Helper1.xml ("Profiles").
#pragma once

#include "helper_types.h"

#include <QDBusArgument>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

using StringMap = QMap<QString, QString>;

// (suyb): which interfaces, with which endpoint flags.
struct ProfileRuleRecord {
    QString match;    // "wlan0", "wl*", "kind:wifi", "kind:ethernet", "kind:wwan"
    uint flags = 0;   // endpoint flag bits
    uchar family = 0; // 0 both, 4 IPv4 only, 6 IPv6 only
    bool temporary = false;

    friend bool operator==(const ProfileRuleRecord&, const ProfileRuleRecord&) = default;
};
using ProfileRuleList = QList<ProfileRuleRecord>;

// (s(bubu)a(suyb)a(usqsu)a{ss})
struct ProfileRecord {
    QString name;
    bool hasSubflows = false;
    uint subflows = 0;
    bool hasAddAddrAccepted = false;
    uint addAddrAccepted = 0;
    ProfileRuleList interfaces;
    EndpointList endpoints; // fixed endpoints; id is always 0
    StringMap sysctls;      // net.mptcp.NAME → value

    friend bool operator==(const ProfileRecord&, const ProfileRecord&) = default;
};

// (sbb)
struct ProfileSummaryRecord {
    QString name;
    bool builtin = false;
    bool active = false;
};
using ProfileSummaryList = QList<ProfileSummaryRecord>;

// (ssuss): an address a profile wants but did not get, and why.
struct SkippedRecord {
    QString address;
    QString ifname;
    uint flags = 0;
    QString reason; // "no-carrier", "no-room", "foreign-endpoint", ...
    QString text;   // a sentence
};
using SkippedList = QList<SkippedRecord>;

// (sbasa(usqsu)a(usqsu)a(ssuss)asasa(usqsu)x)
struct ProfileStatusRecord {
    QString active; // "" when no profile is active
    bool healthy = true;
    QStringList errors;
    EndpointList managed; // the endpoints the profile keeps now
    EndpointList held;    // of those, kept while their carrier is away
    SkippedList skipped;
    QStringList notes;   // other managers, missing default routes, ...
    QStringList actions; // what the last pass did
    EndpointList disowned;
    qlonglong lastPass = 0; // seconds since the epoch; 0 = never
};

// (a(usqsu)a(usqsu)a(usqsu)a(usqsu)a(ssuss)as)
struct ProfilePreviewRecord {
    EndpointList adds;    // id 0: the kernel will choose
    EndpointList changes; // with the flags they would get
    EndpointList deletes;
    EndpointList kept;
    SkippedList skipped;
    QStringList notes;
};

Q_DECLARE_METATYPE(ProfileRuleRecord)
Q_DECLARE_METATYPE(ProfileRecord)
Q_DECLARE_METATYPE(ProfileSummaryRecord)
Q_DECLARE_METATYPE(SkippedRecord)
Q_DECLARE_METATYPE(ProfileStatusRecord)
Q_DECLARE_METATYPE(ProfilePreviewRecord)

QDBusArgument& operator<<(QDBusArgument& argument, const ProfileRuleRecord& value);
const QDBusArgument& operator>>(const QDBusArgument& argument, ProfileRuleRecord& value);
QDBusArgument& operator<<(QDBusArgument& argument, const ProfileRecord& value);
const QDBusArgument& operator>>(const QDBusArgument& argument, ProfileRecord& value);
QDBusArgument& operator<<(QDBusArgument& argument, const ProfileSummaryRecord& value);
const QDBusArgument& operator>>(const QDBusArgument& argument, ProfileSummaryRecord& value);
QDBusArgument& operator<<(QDBusArgument& argument, const SkippedRecord& value);
const QDBusArgument& operator>>(const QDBusArgument& argument, SkippedRecord& value);
QDBusArgument& operator<<(QDBusArgument& argument, const ProfileStatusRecord& value);
const QDBusArgument& operator>>(const QDBusArgument& argument, ProfileStatusRecord& value);
QDBusArgument& operator<<(QDBusArgument& argument, const ProfilePreviewRecord& value);
const QDBusArgument& operator>>(const QDBusArgument& argument, ProfilePreviewRecord& value);

// Registers the types above; registerHelperTypes() calls it.
void registerProfileTypes();
