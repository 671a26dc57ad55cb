#include "event_text.h"

#include "display_format.h"
#include "event.h"

#include <QCoreApplication>

#include <cstring>

#include <net/if.h>

namespace {

// Gives the strings of this file a translation context lupdate can see.
struct EventText {
    Q_DECLARE_TR_FUNCTIONS(EventText)
};

QVariant attribute(const EventRecord& event, const char* name) {
    return event.attributes.value(QLatin1String(name));
}

QString endpointOf(const EventRecord& event, const char* addressName, const char* portName) {
    const QString address = attribute(event, addressName).toString();
    if (address.isEmpty()) {
        return {};
    }
    const QVariant port = attribute(event, portName);
    return port.isValid() ? formatEndpoint(address, static_cast<ushort>(port.toUInt())) : address;
}

} // namespace

QList<uchar> knownEventCommands() {
    using namespace EventCommand;
    return {kCreated,         kEstablished,        kClosed,        kAnnounced,
            kRemoved,         kSubflowEstablished, kSubflowClosed, kSubflowPriority,
            kListenerCreated, kListenerClosed,     kEventsLost};
}

QString eventTitle(uchar command) {
    switch (command) {
    case EventCommand::kEventsLost:
        return EventText::tr("Events lost");
    case EventCommand::kCreated:
        return EventText::tr("Connection started");
    case EventCommand::kEstablished:
        return EventText::tr("Connection established");
    case EventCommand::kClosed:
        return EventText::tr("Connection closed");
    case EventCommand::kAnnounced:
        return EventText::tr("Peer announced an address");
    case EventCommand::kRemoved:
        return EventText::tr("Peer withdrew an address");
    case EventCommand::kSubflowEstablished:
        return EventText::tr("Path opened");
    case EventCommand::kSubflowClosed:
        return EventText::tr("Path closed");
    case EventCommand::kSubflowPriority:
        return EventText::tr("Path backup setting changed");
    case EventCommand::kListenerCreated:
        return EventText::tr("Listening started");
    case EventCommand::kListenerClosed:
        return EventText::tr("Listening stopped");
    default:
        return EventText::tr("Unknown event %1").arg(command);
    }
}

QString eventMonitorName(uchar command) {
    if (command == EventCommand::kEventsLost) {
        return QStringLiteral("EVENTS_LOST");
    }
    const std::string_view name = mptcp::eventName(command);
    if (name.empty()) {
        return QStringLiteral("UNKNOWN %1").arg(command);
    }
    return QString::fromLatin1(name.data(), static_cast<qsizetype>(name.size()));
}

QString eventLocal(const EventRecord& event) {
    return endpointOf(event, EventAttribute::kSourceAddress, EventAttribute::kSourcePort);
}

QString eventRemote(const EventRecord& event) {
    return endpointOf(event, EventAttribute::kDestinationAddress, EventAttribute::kDestinationPort);
}

QString resetReasonText(uint reason) {
    switch (reason) {
    case 0:
        return EventText::tr("unspecified error");
    case 1:
        return EventText::tr("MPTCP-specific error");
    case 2:
        return EventText::tr("lack of resources");
    case 3:
        return EventText::tr("administratively prohibited");
    case 4:
        return EventText::tr("too much outstanding data");
    case 5:
        return EventText::tr("unacceptable performance");
    case 6:
        return EventText::tr("middlebox interference");
    default:
        return EventText::tr("unknown reason %1").arg(reason);
    }
}

QString eventDetails(const EventRecord& event) {
    if (event.command == EventCommand::kEventsLost) {
        return EventText::tr("The kernel dropped events because they came faster than they "
                             "could be read; the connections and endpoints were read again.");
    }
    QStringList parts;
    const auto add = [&](const char* name, auto describe) {
        const QVariant value = attribute(event, name);
        if (value.isValid()) {
            parts.append(describe(value));
        }
    };
    add(EventAttribute::kLocalId,
        [](const QVariant& v) { return EventText::tr("local id %1").arg(v.toUInt()); });
    add(EventAttribute::kRemoteId,
        [](const QVariant& v) { return EventText::tr("remote id %1").arg(v.toUInt()); });
    // "Not a backup" is only news when a path's backup setting changed.
    const QVariant backup = attribute(event, EventAttribute::kBackup);
    if (backup.isValid() &&
        (backup.toUInt() != 0 || event.command == EventCommand::kSubflowPriority)) {
        parts.append(backup.toUInt() != 0 ? EventText::tr("backup")
                                          : EventText::tr("not a backup"));
    }
    add(EventAttribute::kInterfaceIndex, [](const QVariant& v) {
        // The app and the helper share a network namespace on a real system,
        // so the index names the same interface here.
        char name[IF_NAMESIZE] = {};
        const int index = v.toInt();
        if (index > 0 && if_indextoname(static_cast<unsigned>(index), name)) {
            return EventText::tr("interface %1").arg(QString::fromLocal8Bit(name));
        }
        return EventText::tr("interface #%1").arg(index);
    });
    add(EventAttribute::kError, [](const QVariant& v) {
        const int code = static_cast<int>(v.toUInt());
        return EventText::tr("error: %1 (%2)")
            .arg(QString::fromLocal8Bit(std::strerror(code)))
            .arg(code);
    });
    add(EventAttribute::kResetReason, [](const QVariant& v) {
        return EventText::tr("reset by the peer: %1").arg(resetReasonText(v.toUInt()));
    });
    add(EventAttribute::kResetFlags,
        [](const QVariant& v) { return EventText::tr("reset flags 0x%1").arg(v.toUInt(), 0, 16); });
    add(EventAttribute::kTimeout,
        [](const QVariant& v) { return EventText::tr("timeout %1 s").arg(v.toUInt()); });
    add(EventAttribute::kServerSide, [](const QVariant& v) {
        return v.toUInt() != 0 ? EventText::tr("this side accepted the connection")
                               : EventText::tr("this side started the connection");
    });
    return parts.join(QStringLiteral(", "));
}

bool hasToken(const EventRecord& event) {
    return event.attributes.contains(QLatin1String(EventAttribute::kToken));
}

uint eventToken(const EventRecord& event) {
    return attribute(event, EventAttribute::kToken).toUInt();
}
