#include "connection_model.h"

#include "display_format.h"
#include "row_runs.h"

#include <QSet>

namespace {

// Linux older than 6.5 does not count a connection's bytes; its subflows'
// counters still add up to something a person can use.
qulonglong connectionBytes(const ConnectionRecord& connection, bool sent) {
    qulonglong own = sent ? connection.bytesSent : connection.bytesReceived;
    if (own != 0) {
        return own;
    }
    qulonglong sum = 0;
    for (const auto& subflow : connection.subflows) {
        sum += sent ? subflow.bytesSent : subflow.bytesReceived;
    }
    return sum;
}

QString interfacesOf(const ConnectionRecord& connection) {
    QStringList names;
    for (const auto& subflow : connection.subflows) {
        if (!subflow.ifname.isEmpty() && !names.contains(subflow.ifname)) {
            names.append(subflow.ifname);
        }
    }
    return names.join(QStringLiteral(", "));
}

} // namespace

ConnectionModel::ConnectionModel(QObject* parent) : QAbstractItemModel(parent) {}

ConnectionModel::~ConnectionModel() = default;

int ConnectionModel::subflowCount() const {
    int count = 0;
    for (const auto& node : nodes_) {
        count += static_cast<int>(node->record.subflows.size());
    }
    return count;
}

void ConnectionModel::setConnections(const ConnectionList& connections) {
    QSet<ConnectionKey> wanted;
    for (const auto& connection : connections) {
        wanted.insert(ConnectionKey::of(connection));
    }
    QList<int> gone;
    for (int row = 0; row < static_cast<int>(nodes_.size()); ++row) {
        if (!wanted.contains(ConnectionKey::of(nodes_[row]->record))) {
            gone.append(row);
        }
    }
    for (const RowRun& run : runsFromLast(gone)) {
        beginRemoveRows({}, run.first, run.last);
        nodes_.erase(nodes_.begin() + run.first, nodes_.begin() + run.last + 1);
        // Before endRemoveRows: parent() of the remaining subflows reads it.
        reindexConnections();
        endRemoveRows();
    }
    std::vector<std::unique_ptr<Node>> added;
    for (const auto& connection : connections) {
        const ConnectionKey key = ConnectionKey::of(connection);
        const auto found = rowOfConnection_.constFind(key);
        if (found != rowOfConnection_.constEnd()) {
            updateConnection(*found, connection);
            continue;
        }
        auto node = std::make_unique<Node>();
        node->record = connection;
        node->subflowRates.resize(connection.subflows.size());
        reindexSubflows(*node);
        added.push_back(std::move(node));
    }
    if (added.empty()) {
        return;
    }
    // New connections arrive with their subflows, all in one insert: a
    // storm of a hundred connections is one signal, not a hundred.
    const int first = static_cast<int>(nodes_.size());
    beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
    for (auto& node : added) {
        rowOfConnection_.insert(ConnectionKey::of(node->record), static_cast<int>(nodes_.size()));
        nodes_.push_back(std::move(node));
    }
    endInsertRows();
}

void ConnectionModel::changed(const QModelIndex& parent, int row, int column) {
    const QModelIndex cell = index(row, column, parent);
    emit dataChanged(cell, cell, {Qt::DisplayRole, Qt::AccessibleTextRole, SortRole});
}

void ConnectionModel::updateConnection(int row, const ConnectionRecord& connection) {
    Node& node = *nodes_[row];
    const ConnectionRecord before = node.record;
    node.record.localAddress = connection.localAddress;
    node.record.localPort = connection.localPort;
    node.record.remoteAddress = connection.remoteAddress;
    node.record.remotePort = connection.remotePort;
    node.record.state = connection.state;
    node.record.fallback = connection.fallback;
    node.record.bytesSent = connection.bytesSent;
    node.record.bytesReceived = connection.bytesReceived;
    updateSubflows(row, connection.subflows);

    const ConnectionRecord& after = node.record;
    if (SubflowKey::of(before) != SubflowKey::of(after)) {
        changed({}, row, PathColumn);
    }
    if (before.subflows.size() != after.subflows.size() ||
        interfacesOf(before) != interfacesOf(after)) {
        changed({}, row, InterfaceColumn);
    }
    if (before.state != after.state || before.fallback != after.fallback) {
        changed({}, row, StateColumn);
    }
    if (connectionBytes(before, true) != connectionBytes(after, true)) {
        changed({}, row, SentColumn);
    }
    if (connectionBytes(before, false) != connectionBytes(after, false)) {
        changed({}, row, ReceivedColumn);
    }
}

void ConnectionModel::updateSubflows(int row, const QList<SubflowRecord>& subflows) {
    Node& node = *nodes_[row];
    const QModelIndex parent = index(row, 0);
    QSet<SubflowKey> wanted;
    for (const auto& subflow : subflows) {
        wanted.insert(SubflowKey::of(subflow));
    }
    QList<int> gone;
    for (int child = 0; child < node.record.subflows.size(); ++child) {
        if (!wanted.contains(SubflowKey::of(node.record.subflows[child]))) {
            gone.append(child);
        }
    }
    for (const RowRun& run : runsFromLast(gone)) {
        const qsizetype count = run.last - run.first + 1;
        beginRemoveRows(parent, run.first, run.last);
        node.record.subflows.remove(run.first, count);
        node.subflowRates.remove(run.first, count);
        reindexSubflows(node);
        endRemoveRows();
    }
    for (const auto& subflow : subflows) {
        const SubflowKey key = SubflowKey::of(subflow);
        const auto found = node.rowOfSubflow.constFind(key);
        if (found == node.rowOfSubflow.constEnd()) {
            const int child = static_cast<int>(node.record.subflows.size());
            beginInsertRows(parent, child, child);
            node.record.subflows.append(subflow);
            node.subflowRates.append(std::nullopt);
            node.rowOfSubflow.insert(key, child);
            endInsertRows();
            continue;
        }
        const int child = *found;
        SubflowRecord& current = node.record.subflows[child];
        const SubflowRecord before = current;
        current = subflow;
        if (before.ifname != subflow.ifname) {
            changed(parent, child, InterfaceColumn);
        }
        if (before.state != subflow.state) {
            changed(parent, child, StateColumn);
        }
        if (before.backup != subflow.backup || before.remoteBackup != subflow.remoteBackup) {
            changed(parent, child, BackupColumn);
        }
        if (before.bytesSent != subflow.bytesSent) {
            changed(parent, child, SentColumn);
        }
        if (before.bytesReceived != subflow.bytesReceived) {
            changed(parent, child, ReceivedColumn);
        }
        if (before.rttMicroseconds != subflow.rttMicroseconds) {
            changed(parent, child, RttColumn);
        }
    }
}

void ConnectionModel::setRates(const ThroughputSampler& sampler) {
    for (int row = 0; row < static_cast<int>(nodes_.size()); ++row) {
        Node& node = *nodes_[row];
        const QModelIndex parent = index(row, 0);
        for (int child = 0; child < node.record.subflows.size(); ++child) {
            auto rate = sampler.rate(SubflowKey::of(node.record.subflows[child]));
            if (rate != node.subflowRates[child]) {
                node.subflowRates[child] = rate;
                changed(parent, child, RateColumn);
            }
        }
        // The connection's rate is the sum of its subflows' (no second lookup).
        std::optional<Throughput> rate;
        for (const auto& subflowRate : node.subflowRates) {
            if (subflowRate) {
                Throughput total = rate.value_or(Throughput{});
                total.sentPerSecond += subflowRate->sentPerSecond;
                total.receivedPerSecond += subflowRate->receivedPerSecond;
                rate = total;
            }
        }
        if (rate != node.rate) {
            node.rate = rate;
            changed({}, row, RateColumn);
        }
    }
}

void ConnectionModel::reindexConnections() {
    rowOfConnection_.clear();
    for (int row = 0; row < static_cast<int>(nodes_.size()); ++row) {
        rowOfConnection_.insert(ConnectionKey::of(nodes_[row]->record), row);
    }
}

void ConnectionModel::reindexSubflows(Node& node) {
    node.rowOfSubflow.clear();
    for (int child = 0; child < node.record.subflows.size(); ++child) {
        node.rowOfSubflow.insert(SubflowKey::of(node.record.subflows[child]), child);
    }
}

const ConnectionRecord* ConnectionModel::connectionAt(const QModelIndex& index) const {
    if (!index.isValid() || index.model() != this) {
        return nullptr;
    }
    if (auto* node = static_cast<const Node*>(index.internalPointer())) {
        return &node->record;
    }
    return index.row() < static_cast<int>(nodes_.size()) ? &nodes_[index.row()]->record : nullptr;
}

QModelIndex ConnectionModel::indexOfToken(uint token) const {
    for (int row = 0; row < static_cast<int>(nodes_.size()); ++row) {
        if (nodes_[row]->record.token == token) {
            return index(row, 0);
        }
    }
    return {};
}

// Connection rows carry no pointer; subflow rows point at their connection's
// node, which stays put while rows around it come and go.
QModelIndex ConnectionModel::index(int row, int column, const QModelIndex& parent) const {
    if (row < 0 || column < 0 || column >= ColumnCount) {
        return {};
    }
    if (!parent.isValid()) {
        return row < static_cast<int>(nodes_.size()) ? createIndex(row, column, nullptr)
                                                     : QModelIndex();
    }
    if (parent.internalPointer() != nullptr || parent.row() >= static_cast<int>(nodes_.size())) {
        return {};
    }
    Node* node = nodes_[parent.row()].get();
    return row < node->record.subflows.size() ? createIndex(row, column, node) : QModelIndex();
}

QModelIndex ConnectionModel::parent(const QModelIndex& child) const {
    auto* node = child.isValid() ? static_cast<const Node*>(child.internalPointer()) : nullptr;
    if (node == nullptr) {
        return {};
    }
    const int row = rowOfConnection_.value(ConnectionKey::of(node->record), -1);
    return row >= 0 ? createIndex(row, 0, nullptr) : QModelIndex();
}

int ConnectionModel::rowCount(const QModelIndex& parent) const {
    if (!parent.isValid()) {
        return static_cast<int>(nodes_.size());
    }
    if (parent.internalPointer() != nullptr || parent.column() != 0 ||
        parent.row() >= static_cast<int>(nodes_.size())) {
        return 0;
    }
    return static_cast<int>(nodes_[parent.row()]->record.subflows.size());
}

int ConnectionModel::columnCount(const QModelIndex&) const {
    return ColumnCount;
}

QVariant ConnectionModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid()) {
        return {};
    }
    if (auto* node = static_cast<const Node*>(index.internalPointer())) {
        return subflowData(*node, index.row(), index.column(), role);
    }
    if (index.row() >= static_cast<int>(nodes_.size())) {
        return {};
    }
    return connectionData(*nodes_[index.row()], index.column(), role);
}

QVariant ConnectionModel::connectionData(const Node& node, int column, int role) const {
    const ConnectionRecord& connection = node.record;
    if (role == TokenRole) {
        return connection.token;
    }
    if (role == IsSubflowRole) {
        return false;
    }
    if (role == Qt::ToolTipRole && column == PathColumn) {
        return tr("MPTCP connection, token %1 (paths: %2)")
            .arg(connection.token, 8, 16, QLatin1Char('0'))
            .arg(connection.subflows.size());
    }
    if (role == Qt::TextAlignmentRole && column >= SentColumn) {
        return int(Qt::AlignRight | Qt::AlignVCenter);
    }
    const bool sorting = role == SortRole;
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole && !sorting) {
        return {};
    }
    switch (column) {
    case PathColumn:
        return tr("%1 → %2").arg(formatEndpoint(connection.localAddress, connection.localPort),
                                 formatEndpoint(connection.remoteAddress, connection.remotePort));
    case InterfaceColumn: {
        const QString names = interfacesOf(connection);
        return names.isEmpty() ? tr("paths: %1").arg(connection.subflows.size())
                               : tr("paths: %1 (%2)").arg(connection.subflows.size()).arg(names);
    }
    case StateColumn:
        return connection.fallback ? tr("Plain TCP (the peer has no MPTCP)")
                                   : tcpStateText(connection.state);
    case BackupColumn:
        return QString();
    case SentColumn: {
        const qulonglong bytes = connectionBytes(connection, true);
        return sorting ? QVariant(bytes) : QVariant(formatBytes(bytes));
    }
    case ReceivedColumn: {
        const qulonglong bytes = connectionBytes(connection, false);
        return sorting ? QVariant(bytes) : QVariant(formatBytes(bytes));
    }
    case RateColumn:
        if (!node.rate) {
            return sorting ? QVariant(0.0) : QVariant(QString());
        }
        return sorting ? QVariant(node.rate->total()) : QVariant(formatRate(node.rate->total()));
    default:
        return {};
    }
}

QVariant ConnectionModel::subflowData(const Node& node, int row, int column, int role) const {
    if (row >= node.record.subflows.size()) {
        return {};
    }
    const SubflowRecord& subflow = node.record.subflows[row];
    if (role == TokenRole) {
        return node.record.token;
    }
    if (role == IsSubflowRole) {
        return true;
    }
    if (role == Qt::ToolTipRole && column == PathColumn) {
        return tr("Path (subflow) with local id %1 and remote id %2")
            .arg(subflow.localId)
            .arg(subflow.remoteId);
    }
    if (role == Qt::TextAlignmentRole && column >= SentColumn) {
        return int(Qt::AlignRight | Qt::AlignVCenter);
    }
    const bool sorting = role == SortRole;
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole && !sorting) {
        return {};
    }
    switch (column) {
    case PathColumn:
        return tr("%1 → %2").arg(formatEndpoint(subflow.localAddress, subflow.localPort),
                                 formatEndpoint(subflow.remoteAddress, subflow.remotePort));
    case InterfaceColumn:
        if (!subflow.ifname.isEmpty()) {
            return subflow.ifname;
        }
        // Not bound to a device: the routing table picks the way out.
        return role == Qt::AccessibleTextRole ? tr("chosen by routing") : tr("(routing)");
    case StateColumn:
        return tcpStateText(subflow.state);
    case BackupColumn:
        if (subflow.backup && subflow.remoteBackup) {
            return tr("Backup (both sides)");
        }
        if (subflow.backup) {
            return tr("Backup (this side)");
        }
        if (subflow.remoteBackup) {
            return tr("Backup (peer asked)");
        }
        return role == Qt::AccessibleTextRole ? tr("Not a backup") : QString();
    case SentColumn:
        return sorting ? QVariant(subflow.bytesSent) : QVariant(formatBytes(subflow.bytesSent));
    case ReceivedColumn:
        return sorting ? QVariant(subflow.bytesReceived)
                       : QVariant(formatBytes(subflow.bytesReceived));
    case RateColumn: {
        const auto& rate = node.subflowRates.value(row);
        if (!rate) {
            return sorting ? QVariant(0.0) : QVariant(QString());
        }
        return sorting ? QVariant(rate->total()) : QVariant(formatRate(rate->total()));
    }
    case RttColumn:
        if (sorting) {
            return subflow.rttMicroseconds;
        }
        return subflow.rttMicroseconds == 0
                   ? QString()
                   : tr("%1 ms").arg(static_cast<double>(subflow.rttMicroseconds) / 1000.0, 0, 'f',
                                     1);
    default:
        return {};
    }
}

QVariant ConnectionModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal) {
        return {};
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case RateColumn:
            return tr("Bytes sent and received per second, both directions together");
        case RttColumn:
            return tr("Round-trip time the kernel measured on this path");
        case BackupColumn:
            return tr("A backup path carries data only when the other paths fail");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case PathColumn:
        return tr("Connection / path");
    case InterfaceColumn:
        return tr("Interface");
    case StateColumn:
        return tr("State");
    case BackupColumn:
        return tr("Backup");
    case SentColumn:
        return tr("Sent");
    case ReceivedColumn:
        return tr("Received");
    case RateColumn:
        return tr("Throughput");
    case RttColumn:
        return tr("Round trip");
    default:
        return {};
    }
}
