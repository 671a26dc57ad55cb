#include "endpoint_model.h"

#include "endpoint.h"
#include "flag_help.h"
#include "row_runs.h"

#include <QSet>

EndpointModel::EndpointModel(QObject* parent) : QAbstractTableModel(parent) {}

uint EndpointModel::flagOfColumn(int column) {
    switch (column) {
    case SignalColumn:
        return mptcp::kFlagSignal;
    case SubflowColumn:
        return mptcp::kFlagSubflow;
    case BackupColumn:
        return mptcp::kFlagBackup;
    case FullmeshColumn:
        return mptcp::kFlagFullmesh;
    case LaminarColumn:
        return mptcp::kFlagLaminar;
    case ImplicitColumn:
        return mptcp::kFlagImplicit;
    default:
        return 0;
    }
}

void EndpointModel::setEndpoints(const EndpointList& endpoints) {
    QSet<uint> wanted;
    for (const auto& endpoint : endpoints) {
        wanted.insert(endpoint.id);
    }
    QList<int> gone;
    for (int row = 0; row < rows_.size(); ++row) {
        if (!wanted.contains(rows_[row].id)) {
            gone.append(row);
        }
    }
    for (const RowRun& run : runsFromLast(gone)) {
        beginRemoveRows({}, run.first, run.last);
        rows_.remove(run.first, run.last - run.first + 1);
        // Before endRemoveRows: slots connected to rowsRemoved may look rows up.
        reindex();
        endRemoveRows();
    }
    for (const auto& endpoint : endpoints) {
        const auto found = rowOfId_.constFind(endpoint.id);
        if (found != rowOfId_.constEnd()) {
            updateRow(*found, endpoint);
            continue;
        }
        const int row = static_cast<int>(rows_.size());
        beginInsertRows({}, row, row);
        rows_.append(endpoint);
        rowOfId_.insert(endpoint.id, row);
        endInsertRows();
    }
}

void EndpointModel::updateRow(int row, const EndpointRecord& endpoint) {
    EndpointRecord& current = rows_[row];
    if (current == endpoint) {
        return;
    }
    const auto changedText = [&](int column, bool changed) {
        if (changed) {
            emit dataChanged(index(row, column), index(row, column),
                             {Qt::DisplayRole, Qt::AccessibleTextRole});
        }
    };
    const EndpointRecord before = current;
    current = endpoint;
    changedText(AddressColumn, before.address != endpoint.address);
    changedText(PortColumn, before.port != endpoint.port);
    changedText(InterfaceColumn, before.ifname != endpoint.ifname);
    const uint changedFlags = before.flags ^ endpoint.flags;
    for (int column = SignalColumn; column <= ImplicitColumn; ++column) {
        if (changedFlags & flagOfColumn(column)) {
            emit dataChanged(index(row, column), index(row, column),
                             {Qt::CheckStateRole, Qt::AccessibleTextRole, FlagsRole});
        }
    }
}

void EndpointModel::reindex() {
    rowOfId_.clear();
    for (int row = 0; row < rows_.size(); ++row) {
        rowOfId_.insert(rows_[row].id, row);
    }
}

void EndpointModel::setEditable(bool editable) {
    if (editable == editable_) {
        return;
    }
    editable_ = editable;
    if (!rows_.isEmpty()) {
        // Only the item flags change; views re-ask for them on any dataChanged.
        emit dataChanged(index(0, BackupColumn), index(rowCount() - 1, FullmeshColumn),
                         {Qt::CheckStateRole});
    }
}

int EndpointModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int EndpointModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EndpointModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rows_.size()) {
        return {};
    }
    const EndpointRecord& endpoint = rows_[index.row()];
    const int column = index.column();
    switch (role) {
    case IdRole:
        return endpoint.id;
    case FlagsRole:
        return endpoint.flags;
    case AddressRole:
        return endpoint.address;
    default:
        break;
    }
    if (const uint flag = flagOfColumn(column)) {
        const bool set = endpoint.flags & flag;
        switch (role) {
        case Qt::CheckStateRole:
            return set ? Qt::Checked : Qt::Unchecked;
        case Qt::AccessibleTextRole:
            return set ? tr("%1: on").arg(flagLabel(flag)) : tr("%1: off").arg(flagLabel(flag));
        case Qt::ToolTipRole:
            return flagHelp(flag);
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && (column == IdColumn || column == PortColumn)) {
        return int(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole) {
        return {};
    }
    switch (column) {
    case IdColumn:
        return endpoint.id;
    case AddressColumn:
        return endpoint.address;
    case PortColumn:
        return endpoint.port != 0
                   ? QVariant(endpoint.port)
                   : QVariant(role == Qt::AccessibleTextRole ? tr("none") : QString());
    case InterfaceColumn:
        return endpoint.ifname.isEmpty() ? tr("any") : endpoint.ifname;
    default:
        return {};
    }
}

QVariant EndpointModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal) {
        return {};
    }
    if (const uint flag = flagOfColumn(section)) {
        if (role == Qt::DisplayRole) {
            return flagLabel(flag);
        }
        if (role == Qt::ToolTipRole) {
            return flagHelp(flag);
        }
        return {};
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case IdColumn:
        return tr("ID");
    case AddressColumn:
        return tr("Address");
    case PortColumn:
        return tr("Port");
    case InterfaceColumn:
        return tr("Interface");
    default:
        return {};
    }
}

Qt::ItemFlags EndpointModel::flags(const QModelIndex& index) const {
    if (!index.isValid()) {
        return Qt::NoItemFlags;
    }
    Qt::ItemFlags result = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    const uint flag = flagOfColumn(index.column());
    if (flag == 0) {
        return result;
    }
    result |= Qt::ItemIsUserCheckable;
    const EndpointRecord& endpoint = rows_[index.row()];
    const bool changeable = flag == mptcp::kFlagBackup || (flag == mptcp::kFlagFullmesh &&
                                                           !(endpoint.flags & mptcp::kFlagSignal));
    if (!changeable) {
        // Fixed when the endpoint is made: drawn as a disabled check box.
        return Qt::NoItemFlags;
    }
    if (!editable_) {
        // Read-only mode: shown as it is, a click does nothing.
        result &= ~Qt::ItemIsUserCheckable;
    }
    return result;
}

bool EndpointModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (role != Qt::CheckStateRole || !(flags(index) & Qt::ItemIsUserCheckable)) {
        return false;
    }
    const EndpointRecord& endpoint = rows_[index.row()];
    const uint flag = flagOfColumn(index.column());
    uint wanted = endpoint.flags & mptcp::kChangeableEndpointFlags;
    if (value.value<Qt::CheckState>() == Qt::Checked) {
        wanted |= flag;
    } else {
        wanted &= ~flag;
    }
    emit flagsChangeRequested(endpoint.id, wanted);
    return false;
}
