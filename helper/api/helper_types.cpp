#include "helper_types.h"

#include <QDBusMetaType>

QDBusArgument& operator<<(QDBusArgument& argument, const EndpointRecord& value) {
    argument.beginStructure();
    argument << value.id << value.address << value.port << value.ifname << value.flags;
    argument.endStructure();
    return argument;
}

const QDBusArgument& operator>>(const QDBusArgument& argument, EndpointRecord& value) {
    argument.beginStructure();
    argument >> value.id >> value.address >> value.port >> value.ifname >> value.flags;
    argument.endStructure();
    return argument;
}

QDBusArgument& operator<<(QDBusArgument& argument, const SubflowRecord& value) {
    argument.beginStructure();
    argument << value.localAddress << value.localPort << value.remoteAddress << value.remotePort
             << value.ifname << value.localId << value.remoteId << value.backup
             << value.remoteBackup << value.state << value.bytesSent << value.bytesReceived
             << value.rttMicroseconds;
    argument.endStructure();
    return argument;
}

const QDBusArgument& operator>>(const QDBusArgument& argument, SubflowRecord& value) {
    argument.beginStructure();
    argument >> value.localAddress >> value.localPort >> value.remoteAddress >>
        value.remotePort >> value.ifname >> value.localId >> value.remoteId >> value.backup >>
        value.remoteBackup >> value.state >> value.bytesSent >> value.bytesReceived >>
        value.rttMicroseconds;
    argument.endStructure();
    return argument;
}

QDBusArgument& operator<<(QDBusArgument& argument, const ConnectionRecord& value) {
    argument.beginStructure();
    argument << value.localAddress << value.localPort << value.remoteAddress << value.remotePort
             << value.state << value.token << value.fallback << value.bytesSent
             << value.bytesReceived << value.subflows;
    argument.endStructure();
    return argument;
}

const QDBusArgument& operator>>(const QDBusArgument& argument, ConnectionRecord& value) {
    argument.beginStructure();
    argument >> value.localAddress >> value.localPort >> value.remoteAddress >>
        value.remotePort >> value.state >> value.token >> value.fallback >> value.bytesSent >>
        value.bytesReceived >> value.subflows;
    argument.endStructure();
    return argument;
}

QDBusArgument& operator<<(QDBusArgument& argument, const EventRecord& value) {
    argument.beginStructure();
    argument << value.command << value.attributes;
    argument.endStructure();
    return argument;
}

const QDBusArgument& operator>>(const QDBusArgument& argument, EventRecord& value) {
    argument.beginStructure();
    argument >> value.command >> value.attributes;
    argument.endStructure();
    return argument;
}

QDBusArgument& operator<<(QDBusArgument& argument, const KernelSupportInfo& value) {
    argument.beginStructure();
    argument << value.available << value.enabled << value.pathManager << value.maxEndpoints
             << value.maxLimit;
    argument.endStructure();
    return argument;
}

const QDBusArgument& operator>>(const QDBusArgument& argument, KernelSupportInfo& value) {
    argument.beginStructure();
    argument >> value.available >> value.enabled >> value.pathManager >> value.maxEndpoints >>
        value.maxLimit;
    argument.endStructure();
    return argument;
}

QDBusArgument& operator<<(QDBusArgument& argument, const FixActionRecord& value) {
    argument.beginStructure();
    argument << value.method << value.arguments;
    argument.endStructure();
    return argument;
}

const QDBusArgument& operator>>(const QDBusArgument& argument, FixActionRecord& value) {
    argument.beginStructure();
    argument >> value.method >> value.arguments;
    argument.endStructure();
    return argument;
}

QDBusArgument& operator<<(QDBusArgument& argument, const FindingRecord& value) {
    argument.beginStructure();
    argument << value.id << value.severity << value.summary << value.why << value.fix
             << value.action;
    argument.endStructure();
    return argument;
}

const QDBusArgument& operator>>(const QDBusArgument& argument, FindingRecord& value) {
    argument.beginStructure();
    argument >> value.id >> value.severity >> value.summary >> value.why >> value.fix >>
        value.action;
    argument.endStructure();
    return argument;
}

void registerHelperTypes() {
    // Generated adaptors name the list types by their typedefs; QtDBus matches
    // incoming calls to slots by those names.
    qRegisterMetaType<EndpointList>("EndpointList");
    qRegisterMetaType<ConnectionList>("ConnectionList");
    qRegisterMetaType<EventList>("EventList");
    qDBusRegisterMetaType<EndpointRecord>();
    qDBusRegisterMetaType<EndpointList>();
    qDBusRegisterMetaType<SubflowRecord>();
    qDBusRegisterMetaType<QList<SubflowRecord>>();
    qDBusRegisterMetaType<ConnectionRecord>();
    qDBusRegisterMetaType<ConnectionList>();
    qDBusRegisterMetaType<EventRecord>();
    qDBusRegisterMetaType<EventList>();
    qDBusRegisterMetaType<KernelSupportInfo>();
    qDBusRegisterMetaType<FixActionRecord>();
    qDBusRegisterMetaType<FindingRecord>();
    qDBusRegisterMetaType<FindingList>();
    registerProfileTypes();
}
