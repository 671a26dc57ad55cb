// Live MPTCP connections as a tree: each connection (known by its token) with
// its subflows (known by their addresses and ports) as children. Every
// Connections() answer is merged row by row, so a view keeps its selection
// and expanded branches while counters tick.
#pragma once

#include "helper_types.h"
#include "subflow_key.h"
#include "throughput_sampler.h"

#include <QAbstractItemModel>
#include <QHash>

#include <memory>
#include <optional>
#include <vector>

class ConnectionModel : public QAbstractItemModel {
    Q_OBJECT

public:
    enum Column {
        PathColumn,
        InterfaceColumn,
        StateColumn,
        BackupColumn,
        SentColumn,
        ReceivedColumn,
        RateColumn,
        RttColumn,
        ColumnCount
    };
    enum Role {
        TokenRole = Qt::UserRole + 1,
        IsSubflowRole,
        SortRole, // numbers as numbers, for sorting proxies
    };

    explicit ConnectionModel(QObject* parent = nullptr);
    ~ConnectionModel() override;

    void setConnections(const ConnectionList& connections);
    // Updates the throughput column where it changed.
    void setRates(const ThroughputSampler& sampler);

    int connectionCount() const { return static_cast<int>(nodes_.size()); }
    int subflowCount() const;
    // The connection of a connection row or of a subflow row; null otherwise.
    const ConnectionRecord* connectionAt(const QModelIndex& index) const;
    QModelIndex indexOfToken(uint token) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Node {
        ConnectionRecord record; // subflows in row order
        QHash<SubflowKey, int> rowOfSubflow;
        std::optional<Throughput> rate;
        QList<std::optional<Throughput>> subflowRates; // parallel to record.subflows
    };

    void updateConnection(int row, const ConnectionRecord& connection);
    void updateSubflows(int row, const QList<SubflowRecord>& subflows);
    void reindexConnections();
    static void reindexSubflows(Node& node);
    void changed(const QModelIndex& parent, int row, int column);
    QVariant connectionData(const Node& node, int column, int role) const;
    QVariant subflowData(const Node& node, int row, int column, int role) const;

    std::vector<std::unique_ptr<Node>> nodes_;
    QHash<ConnectionKey, int> rowOfConnection_;
};
