// The event log: every event the helper relayed, newest last, with markers
// where events were lost. Appends and trims in batches; the oldest rows go
// when the log is full. Paused, it holds new events back (up to the same
// limit) and adds them when resumed.
#pragma once

#include "helper_types.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>

struct LogEntry {
    QDateTime time;
    EventRecord event; // command 0: events were lost
    QString note;      // why, when the app (not the kernel) noticed the loss
};

class EventLogModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        TimeColumn,
        EventColumn,
        ConnectionColumn,
        LocalColumn,
        RemoteColumn,
        DetailsColumn,
        ColumnCount
    };
    enum Role { CommandRole = Qt::UserRole + 1, TokenRole, IsLostRole };

    static constexpr int kDefaultCapacity = 10000;

    explicit EventLogModel(QObject* parent = nullptr, int capacity = kDefaultCapacity);

    void addEvents(const EventList& events, const QDateTime& when = QDateTime::currentDateTime());
    // A loss the app noticed itself, such as the helper restarting.
    void addLostMarker(const QString& why, const QDateTime& when = QDateTime::currentDateTime());
    void setPaused(bool paused);
    bool isPaused() const { return paused_; }
    int heldCount() const { return static_cast<int>(held_.size()); }
    // Removes every row (a person asked to): rows are removed, not reset.
    void clear();

    const LogEntry& entry(int row) const { return entries_[row]; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QString connectionText(const EventRecord& event);
    static QString timeText(const QDateTime& time);

signals:
    void heldCountChanged(int count);

private:
    void append(const QList<LogEntry>& entries);

    QList<LogEntry> entries_;
    QList<LogEntry> held_;
    int droppedWhilePaused_ = 0;
    int capacity_;
    bool paused_ = false;
};
