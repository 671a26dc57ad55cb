#include "event_log_model.h"

#include "event_text.h"

#include <algorithm>

EventLogModel::EventLogModel(QObject* parent, int capacity)
    : QAbstractTableModel(parent), capacity_(std::max(capacity, 1)) {}

void EventLogModel::addEvents(const EventList& events, const QDateTime& when) {
    if (events.isEmpty()) {
        return;
    }
    QList<LogEntry> entries;
    entries.reserve(events.size());
    for (const auto& event : events) {
        entries.append({when, event, {}});
    }
    append(entries);
}

void EventLogModel::addLostMarker(const QString& why, const QDateTime& when) {
    append({{when, EventRecord{EventCommand::kEventsLost, {}}, why}});
}

void EventLogModel::append(const QList<LogEntry>& entries) {
    if (paused_) {
        held_.append(entries);
        const qsizetype excess = held_.size() - capacity_;
        if (excess > 0) {
            held_.remove(0, excess);
            droppedWhilePaused_ += static_cast<int>(excess);
        }
        emit heldCountChanged(heldCount());
        return;
    }
    // Only the newest `capacity_` of a huge batch could stay anyway.
    const qsizetype skip = std::max<qsizetype>(0, entries.size() - capacity_);
    const qsizetype adding = entries.size() - skip;
    const qsizetype excess = entries_.size() + adding - capacity_;
    if (excess > 0) {
        beginRemoveRows({}, 0, static_cast<int>(excess) - 1);
        entries_.remove(0, excess);
        endRemoveRows();
    }
    const int first = static_cast<int>(entries_.size());
    beginInsertRows({}, first, first + static_cast<int>(adding) - 1);
    entries_.append(entries.mid(skip));
    endInsertRows();
}

void EventLogModel::setPaused(bool paused) {
    if (paused == paused_) {
        return;
    }
    paused_ = paused;
    if (paused_) {
        return;
    }
    QList<LogEntry> held = std::move(held_);
    held_.clear();
    if (droppedWhilePaused_ > 0) {
        // The marker takes the place of the oldest held event, so it stays
        // in the log even when the held events fill it.
        if (held.size() >= capacity_) {
            held.removeFirst();
            ++droppedWhilePaused_;
        }
        held.prepend(
            {held.isEmpty() ? QDateTime::currentDateTime() : held.first().time,
             EventRecord{EventCommand::kEventsLost, {}},
             tr("Events that did not fit while the log was paused: %1.").arg(droppedWhilePaused_)});
        droppedWhilePaused_ = 0;
    }
    if (!held.isEmpty()) {
        append(held);
    }
    emit heldCountChanged(0);
}

void EventLogModel::clear() {
    if (entries_.isEmpty()) {
        return;
    }
    beginRemoveRows({}, 0, static_cast<int>(entries_.size()) - 1);
    entries_.clear();
    endRemoveRows();
}

int EventLogModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(entries_.size());
}

int EventLogModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString EventLogModel::connectionText(const EventRecord& event) {
    return hasToken(event) ? QStringLiteral("%1").arg(eventToken(event), 8, 16, QLatin1Char('0'))
                           : QString();
}

QString EventLogModel::timeText(const QDateTime& time) {
    return time.toString(QStringLiteral("HH:mm:ss.zzz"));
}

QVariant EventLogModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= entries_.size()) {
        return {};
    }
    const LogEntry& entry = entries_[index.row()];
    const EventRecord& event = entry.event;
    const bool lost = event.command == EventCommand::kEventsLost;
    switch (role) {
    case CommandRole:
        return event.command;
    case TokenRole:
        return hasToken(event) ? QVariant(eventToken(event)) : QVariant();
    case IsLostRole:
        return lost;
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
    case Qt::ToolTipRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case TimeColumn:
        return role == Qt::ToolTipRole ? entry.time.toString(Qt::ISODateWithMs)
                                       : timeText(entry.time);
    case EventColumn:
        // The marker reads as a warning in words, not only by its look.
        return lost ? tr("⚠ %1").arg(eventTitle(event.command)) : eventTitle(event.command);
    case ConnectionColumn:
        return connectionText(event);
    case LocalColumn:
        return eventLocal(event);
    case RemoteColumn:
        return eventRemote(event);
    case DetailsColumn:
        return entry.note.isEmpty() ? eventDetails(event) : entry.note;
    default:
        return {};
    }
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case EventColumn:
        return tr("Event");
    case ConnectionColumn:
        return tr("Connection");
    case LocalColumn:
        return tr("Local");
    case RemoteColumn:
        return tr("Remote");
    case DetailsColumn:
        return tr("Details");
    default:
        return {};
    }
}
