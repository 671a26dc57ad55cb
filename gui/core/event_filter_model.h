// Narrows the event log to one kind of event and/or one connection. Markers
// of lost events always pass: a filtered view must not hide that it may be
// incomplete.
#pragma once

#include <QSortFilterProxyModel>

#include <optional>

class EventFilterModel : public QSortFilterProxyModel {
    Q_OBJECT

public:
    explicit EventFilterModel(QObject* parent = nullptr);

    void setCommand(std::optional<uchar> command);
    void setToken(std::optional<uint> token);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    std::optional<uchar> command_;
    std::optional<uint> token_;
};
