#include "event_log_export.h"

#include "event_text.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

QStringList columnsOf(const LogEntry& entry) {
    return {entry.time.toString(Qt::ISODateWithMs),
            eventMonitorName(entry.event.command),
            eventTitle(entry.event.command),
            EventLogModel::connectionText(entry.event),
            eventLocal(entry.event),
            eventRemote(entry.event),
            entry.note.isEmpty() ? eventDetails(entry.event) : entry.note};
}

QString csvField(const QString& field) {
    if (!field.contains(QLatin1Char(',')) && !field.contains(QLatin1Char('"')) &&
        !field.contains(QLatin1Char('\n'))) {
        return field;
    }
    QString quoted = field;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace

QByteArray eventLogToCsv(const QList<LogEntry>& entries) {
    // Column names stay English: they are keys for programs, not labels.
    QString text = QStringLiteral("time,type,description,token,local,remote,details\n");
    for (const auto& entry : entries) {
        QStringList fields;
        for (const auto& column : columnsOf(entry)) {
            fields.append(csvField(column));
        }
        text += fields.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return text.toUtf8();
}

QByteArray eventLogToJson(const QList<LogEntry>& entries) {
    QJsonArray array;
    for (const auto& entry : entries) {
        QJsonObject object;
        object.insert(QStringLiteral("time"), entry.time.toString(Qt::ISODateWithMs));
        object.insert(QStringLiteral("type"), eventMonitorName(entry.event.command));
        object.insert(QStringLiteral("command"), entry.event.command);
        object.insert(QStringLiteral("description"), eventTitle(entry.event.command));
        object.insert(QStringLiteral("attributes"),
                      QJsonObject::fromVariantMap(entry.event.attributes));
        if (entry.event.command == EventCommand::kEventsLost) {
            object.insert(QStringLiteral("events_lost"), true);
        }
        if (!entry.note.isEmpty()) {
            object.insert(QStringLiteral("note"), entry.note);
        }
        array.append(object);
    }
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

QString eventLogToText(const QList<LogEntry>& entries) {
    QString text;
    for (const auto& entry : entries) {
        QStringList columns = columnsOf(entry);
        columns.removeAt(1); // the monitor name: the description says it in words
        columns[0] = EventLogModel::timeText(entry.time);
        text += columns.join(QLatin1Char('\t')) + QLatin1Char('\n');
    }
    return text;
}
