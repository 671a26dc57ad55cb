#include "record_conversions.h"

#include <netinet/in.h>

#include <optional>
#include <variant>

namespace {

QString text(const mptcp::IpAddress& address) {
    return QString::fromStdString(address.toString());
}

mptcp::IpAddress address(const QString& text) {
    return mptcp::IpAddress::parse(text.toStdString()).value_or(mptcp::IpAddress{});
}

// Attribute names as `ip mptcp monitor` prints them.
template <class T> void put(QVariantMap& map, const char* key, const std::optional<T>& value) {
    if (value) {
        map.insert(QLatin1String(key), QVariant::fromValue(*value));
    }
}

template <class T> void take(const QVariantMap& map, const char* key, std::optional<T>& value) {
    auto found = map.constFind(QLatin1String(key));
    if (found != map.constEnd() && found->canConvert<T>()) {
        value = found->value<T>();
    }
}

QVariantMap actionArguments(const doctor::FixAction& action) {
    QVariantMap map;
    std::visit(doctor::Overloaded{
                   [&](const doctor::SetSysctlFix& fix) {
                       map.insert(QStringLiteral("name"), QString::fromStdString(fix.name));
                       map.insert(QStringLiteral("value"), QString::fromStdString(fix.value));
                   },
                   [&](const doctor::SetLimitsFix& fix) {
                       map.insert(QStringLiteral("subflows"), uint(fix.subflows));
                       map.insert(QStringLiteral("addAddrAccepted"), uint(fix.addAddrAccepted));
                   },
                   [&](const doctor::RemoveEndpointFix& fix) {
                       map.insert(QStringLiteral("id"), uint(fix.id));
                       map.insert(QStringLiteral("address"), QString());
                   },
                   [&](const doctor::SetEndpointFlagsFix& fix) {
                       map.insert(QStringLiteral("id"), uint(fix.id));
                       map.insert(QStringLiteral("flags"), uint(fix.flags));
                   },
               },
               action);
    return map;
}

std::optional<doctor::FixAction> actionFrom(const FixActionRecord& record) {
    const QVariantMap& map = record.arguments;
    auto number = [&](const char* key) { return map.value(QLatin1String(key)).toUInt(); };
    auto string = [&](const char* key) {
        return map.value(QLatin1String(key)).toString().toStdString();
    };
    if (record.method == QLatin1String("SetSysctl")) {
        return doctor::SetSysctlFix{string("name"), string("value")};
    }
    if (record.method == QLatin1String("SetLimits")) {
        return doctor::SetLimitsFix{number("subflows"), number("addAddrAccepted")};
    }
    if (record.method == QLatin1String("RemoveEndpoint")) {
        return doctor::RemoveEndpointFix{static_cast<uint8_t>(number("id"))};
    }
    if (record.method == QLatin1String("SetEndpointFlags")) {
        return doctor::SetEndpointFlagsFix{static_cast<uint8_t>(number("id")), number("flags")};
    }
    return std::nullopt;
}

} // namespace

EndpointRecord toRecord(const mptcp::Endpoint& endpoint, const InterfaceNameOf& nameOf) {
    EndpointRecord record;
    record.id = endpoint.id;
    record.address = text(endpoint.address);
    record.port = endpoint.port;
    record.ifname = endpoint.ifindex ? QString::fromStdString(nameOf(endpoint.ifindex)) : QString();
    record.flags = endpoint.flags;
    return record;
}

ConnectionRecord toRecord(const mptcp::Connection& connection, const InterfaceNameOf& nameOf) {
    ConnectionRecord record;
    record.localAddress = text(connection.localAddress);
    record.localPort = connection.localPort;
    record.remoteAddress = text(connection.remoteAddress);
    record.remotePort = connection.remotePort;
    record.state = connection.state;
    record.token = connection.token;
    record.fallback = connection.fallback();
    record.bytesSent = connection.bytesSent.value_or(0);
    record.bytesReceived = connection.bytesReceived.value_or(0);
    for (const auto& subflow : connection.subflows) {
        SubflowRecord sub;
        sub.localAddress = text(subflow.localAddress);
        sub.localPort = subflow.localPort;
        sub.remoteAddress = text(subflow.remoteAddress);
        sub.remotePort = subflow.remotePort;
        if (subflow.ifindex) {
            sub.ifname = QString::fromStdString(nameOf(static_cast<int32_t>(subflow.ifindex)));
        }
        sub.localId = subflow.localId;
        sub.remoteId = subflow.remoteId;
        sub.backup = subflow.backupLocal;
        sub.remoteBackup = subflow.backupRemote;
        sub.state = subflow.state;
        sub.bytesSent = subflow.bytesSent;
        sub.bytesReceived = subflow.bytesReceived;
        sub.rttMicroseconds = subflow.rttMicroseconds;
        record.subflows.append(sub);
    }
    return record;
}

EventRecord toRecord(const mptcp::Event& event) {
    EventRecord record;
    if (event.eventsLost) {
        return record; // command 0: the kernel dropped events
    }
    record.command = event.command;
    QVariantMap& map = record.attributes;
    put(map, "token", event.token);
    put(map, "family", event.family);
    put(map, "locid", event.localId);
    put(map, "remid", event.remoteId);
    if (event.sourceAddress.isSet()) {
        map.insert(QStringLiteral("saddr"), text(event.sourceAddress));
    }
    if (event.destinationAddress.isSet()) {
        map.insert(QStringLiteral("daddr"), text(event.destinationAddress));
    }
    put(map, "sport", event.sourcePort);
    put(map, "dport", event.destinationPort);
    put(map, "backup", event.backup);
    put(map, "error", event.error);
    put(map, "flags", event.flags);
    put(map, "timeout", event.timeout);
    put(map, "ifindex", event.ifindex);
    put(map, "reset_reason", event.resetReason);
    put(map, "reset_flags", event.resetFlags);
    put(map, "server_side", event.serverSide);
    return record;
}

mptcp::Event fromRecord(const EventRecord& record) {
    mptcp::Event event;
    if (record.command == 0) {
        event.eventsLost = true;
        return event;
    }
    event.command = record.command;
    const QVariantMap& map = record.attributes;
    take(map, "token", event.token);
    take(map, "family", event.family);
    take(map, "locid", event.localId);
    take(map, "remid", event.remoteId);
    event.sourceAddress = address(map.value(QStringLiteral("saddr")).toString());
    event.destinationAddress = address(map.value(QStringLiteral("daddr")).toString());
    take(map, "sport", event.sourcePort);
    take(map, "dport", event.destinationPort);
    take(map, "backup", event.backup);
    take(map, "error", event.error);
    take(map, "flags", event.flags);
    take(map, "timeout", event.timeout);
    take(map, "ifindex", event.ifindex);
    take(map, "reset_reason", event.resetReason);
    take(map, "reset_flags", event.resetFlags);
    take(map, "server_side", event.serverSide);
    return event;
}

int32_t InterfaceNameTable::indexFor(const QString& name) {
    if (name.isEmpty()) {
        return 0;
    }
    auto [entry, added] =
        indexes_.try_emplace(name.toStdString(), static_cast<int32_t>(indexes_.size() + 1));
    if (added) {
        names_[entry->second] = entry->first;
    }
    return entry->second;
}

std::string InterfaceNameTable::nameOf(int32_t index) const {
    auto found = names_.find(index);
    return found != names_.end() ? found->second : "if" + std::to_string(index);
}

mptcp::Endpoint fromRecord(const EndpointRecord& record, InterfaceNameTable& names) {
    mptcp::Endpoint endpoint;
    endpoint.id = static_cast<uint8_t>(record.id);
    endpoint.address = address(record.address);
    endpoint.port = record.port;
    endpoint.flags = record.flags;
    endpoint.ifindex = names.indexFor(record.ifname);
    return endpoint;
}

mptcp::Connection fromRecord(const ConnectionRecord& record, InterfaceNameTable& names) {
    mptcp::Connection connection;
    connection.localAddress = address(record.localAddress);
    connection.localPort = record.localPort;
    connection.remoteAddress = address(record.remoteAddress);
    connection.remotePort = record.remotePort;
    connection.state = record.state;
    connection.token = record.token;
    // MPTCP_INFO_FLAG_FALLBACK
    connection.flags = record.fallback ? 1u : 0u;
    if (record.bytesSent || record.bytesReceived) {
        connection.bytesSent = record.bytesSent;
        connection.bytesReceived = record.bytesReceived;
    }
    for (const auto& sub : record.subflows) {
        mptcp::Subflow subflow;
        subflow.localAddress = address(sub.localAddress);
        subflow.localPort = sub.localPort;
        subflow.remoteAddress = address(sub.remoteAddress);
        subflow.remotePort = sub.remotePort;
        subflow.ifindex = static_cast<uint32_t>(names.indexFor(sub.ifname));
        subflow.localId = sub.localId;
        subflow.remoteId = sub.remoteId;
        subflow.backupLocal = sub.backup;
        subflow.backupRemote = sub.remoteBackup;
        subflow.state = sub.state;
        subflow.bytesSent = sub.bytesSent;
        subflow.bytesReceived = sub.bytesReceived;
        subflow.rttMicroseconds = sub.rttMicroseconds;
        subflow.token = record.token;
        connection.subflows.push_back(subflow);
    }
    return connection;
}

FindingRecord toRecord(const doctor::Finding& finding) {
    FindingRecord record;
    record.id = QString::fromStdString(finding.id);
    record.severity = static_cast<uint>(finding.severity);
    record.summary = QString::fromStdString(finding.summary);
    record.why = QString::fromStdString(finding.why);
    record.fix = QString::fromStdString(finding.fix);
    if (finding.action) {
        const std::string_view method = doctor::actionMethod(*finding.action);
        record.action.method =
            QString::fromUtf8(method.data(), static_cast<qsizetype>(method.size()));
        record.action.arguments = actionArguments(*finding.action);
    }
    return record;
}

doctor::Finding fromRecord(const FindingRecord& record) {
    doctor::Finding finding;
    finding.id = record.id.toStdString();
    finding.severity = record.severity == 0   ? doctor::Severity::Info
                       : record.severity == 1 ? doctor::Severity::Warning
                                              : doctor::Severity::Error;
    finding.summary = record.summary.toStdString();
    finding.why = record.why.toStdString();
    finding.fix = record.fix.toStdString();
    finding.action = actionFrom(record.action);
    return finding;
}
