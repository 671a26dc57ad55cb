// The Activity page: the event log, filtered by kind and connection, with
// pause, copy and export; where events were lost, a row says so.
#pragma once

#include <QSet>

#include <QWidget>

class EventFilterModel;
class HelperSession;
class QComboBox;
class QLabel;
class QPushButton;
class QTableView;
struct LogEntry;

class ActivityPage : public QWidget {
    Q_OBJECT

public:
    explicit ActivityPage(HelperSession& session, QWidget* parent = nullptr);

    QTableView* table() const { return table_; }
    QPushButton* pauseButton() const { return pause_; }
    QComboBox* typeFilter() const { return type_; }
    QComboBox* connectionFilter() const { return connection_; }
    EventFilterModel* filter() const { return filter_; }
    // The rows the filter lets through, oldest first (what export writes).
    QList<LogEntry> visibleEntries() const;
    bool exportTo(const QString& path, QString* error = nullptr) const;

signals:
    void message(const QString& text);

private:
    void copySelection();
    void exportLog();
    void updateConnections();
    void updateHeld(int count);

    HelperSession& session_;
    EventFilterModel* filter_;
    QTableView* table_;
    QComboBox* type_;
    QComboBox* connection_;
    QSet<uint> listedTokens_; // tokens already in connection_
    QPushButton* pause_;
    QPushButton* copy_;
    QPushButton* export_;
    QPushButton* clear_;
    QLabel* held_;
};
