// The value types of the org.mptcpmanager.Helper1 contract and their D-Bus
// marshalling. Signatures are documented in org.mptcpmanager.Helper1.xml.
#pragma once

#include <QDBusArgument>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QVariantMap>

// (usqsu)
struct EndpointRecord {
    uint id = 0;
    QString address;
    ushort port = 0;
    QString ifname;
    uint flags = 0;

    friend bool operator==(const EndpointRecord&, const EndpointRecord&) = default;
};
using EndpointList = QList<EndpointRecord>;

// (sqsqsyybbyttu)
struct SubflowRecord {
    QString localAddress;
    ushort localPort = 0;
    QString remoteAddress;
    ushort remotePort = 0;
    QString ifname;
    uchar localId = 0;
    uchar remoteId = 0;
    bool backup = false;
    bool remoteBackup = false;
    uchar state = 0;
    qulonglong bytesSent = 0;
    qulonglong bytesReceived = 0;
    uint rttMicroseconds = 0;
};

// (sqsqyubtta(sqsqsyybbyttu))
struct ConnectionRecord {
    QString localAddress;
    ushort localPort = 0;
    QString remoteAddress;
    ushort remotePort = 0;
    uchar state = 0;
    uint token = 0;
    bool fallback = false;
    qulonglong bytesSent = 0;
    qulonglong bytesReceived = 0;
    QList<SubflowRecord> subflows;
};
using ConnectionList = QList<ConnectionRecord>;

// (ya{sv}): command 0 marks events the kernel dropped.
struct EventRecord {
    uchar command = 0;
    QVariantMap attributes;
};
using EventList = QList<EventRecord>;

// (bbsuu)
struct KernelSupportInfo {
    bool available = false;
    bool enabled = false;
    QString pathManager;
    uint maxEndpoints = 0;
    uint maxLimit = 0;
};

// (sa{sv}): a call of this interface, its arguments by the method's own
// argument names; an empty method means no call fixes it.
struct FixActionRecord {
    QString method;
    QVariantMap arguments;
};

// (susss(sa{sv}))
struct FindingRecord {
    QString id;
    uint severity = 0; // 0 info, 1 warning, 2 error
    QString summary;
    QString why;
    QString fix;
    FixActionRecord action;
};
using FindingList = QList<FindingRecord>;

Q_DECLARE_METATYPE(EndpointRecord)
Q_DECLARE_METATYPE(SubflowRecord)
Q_DECLARE_METATYPE(ConnectionRecord)
Q_DECLARE_METATYPE(EventRecord)
Q_DECLARE_METATYPE(KernelSupportInfo)
Q_DECLARE_METATYPE(FixActionRecord)
Q_DECLARE_METATYPE(FindingRecord)

QDBusArgument& operator<<(QDBusArgument& argument, const EndpointRecord& value);
const QDBusArgument& operator>>(const QDBusArgument& argument, EndpointRecord& value);
QDBusArgument& operator<<(QDBusArgument& argument, const SubflowRecord& value);
const QDBusArgument& operator>>(const QDBusArgument& argument, SubflowRecord& value);
QDBusArgument& operator<<(QDBusArgument& argument, const ConnectionRecord& value);
const QDBusArgument& operator>>(const QDBusArgument& argument, ConnectionRecord& value);
QDBusArgument& operator<<(QDBusArgument& argument, const EventRecord& value);
const QDBusArgument& operator>>(const QDBusArgument& argument, EventRecord& value);
QDBusArgument& operator<<(QDBusArgument& argument, const KernelSupportInfo& value);
const QDBusArgument& operator>>(const QDBusArgument& argument, KernelSupportInfo& value);
QDBusArgument& operator<<(QDBusArgument& argument, const FixActionRecord& value);
const QDBusArgument& operator>>(const QDBusArgument& argument, FixActionRecord& value);
QDBusArgument& operator<<(QDBusArgument& argument, const FindingRecord& value);
const QDBusArgument& operator>>(const QDBusArgument& argument, FindingRecord& value);

// Registers every type above with QtDBus; call once before any D-Bus use.
void registerHelperTypes();

namespace HelperNames {
inline constexpr char kService[] = "org.mptcpmanager.Helper1";
inline constexpr char kPath[] = "/org/mptcpmanager/Helper1";
inline constexpr char kInterface[] = "org.mptcpmanager.Helper1";
} // namespace HelperNames

namespace HelperErrors {
inline constexpr char kInvalidArgument[] = "org.mptcpmanager.Error.InvalidArgument";
inline constexpr char kNotAuthorized[] = "org.mptcpmanager.Error.NotAuthorized";
inline constexpr char kKernel[] = "org.mptcpmanager.Error.Kernel";
inline constexpr char kUnsupported[] = "org.mptcpmanager.Error.Unsupported";
} // namespace HelperErrors

// The profile records (generated code includes this header only).
#include "profile_types.h"
