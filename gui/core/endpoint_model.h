// The path manager's endpoints as a table: one row per endpoint, the flags as
// check boxes. Rows are updated one by one from each Endpoints() answer, so a
// view keeps its selection and scroll position while the kernel changes.
#pragma once

#include "helper_types.h"

#include <QAbstractTableModel>
#include <QHash>

class EndpointModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        IdColumn,
        AddressColumn,
        PortColumn,
        InterfaceColumn,
        SignalColumn,
        SubflowColumn,
        BackupColumn,
        FullmeshColumn,
        LaminarColumn,
        ImplicitColumn,
        ColumnCount
    };
    enum Role { IdRole = Qt::UserRole + 1, FlagsRole, AddressRole };

    explicit EndpointModel(QObject* parent = nullptr);

    // Brings the rows to `endpoints` with inserts, removals and dataChanged
    // of the cells that differ; never a reset.
    void setEndpoints(const EndpointList& endpoints);
    const EndpointList& endpoints() const { return rows_; }
    int rowOfId(uint id) const { return rowOfId_.value(id, -1); }

    // Whether backup and fullmesh may be ticked (off in read-only mode).
    void setEditable(bool editable);

    static uint flagOfColumn(int column);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    // A tick is a request to the helper, not a local change: the cell flips
    // when the kernel's answer comes back.
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;

signals:
    void flagsChangeRequested(uint id, uint changeableFlags);

private:
    void updateRow(int row, const EndpointRecord& endpoint);
    void reindex();

    EndpointList rows_;
    QHash<uint, int> rowOfId_;
    bool editable_ = false;
};
