#include "event_filter_model.h"

#include "event_log_model.h"

EventFilterModel::EventFilterModel(QObject* parent) : QSortFilterProxyModel(parent) {}

void EventFilterModel::setCommand(std::optional<uchar> command) {
    if (command == command_) {
        return;
    }
    command_ = command;
    invalidateRowsFilter();
}

void EventFilterModel::setToken(std::optional<uint> token) {
    if (token == token_) {
        return;
    }
    token_ = token;
    invalidateRowsFilter();
}

bool EventFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (index.data(EventLogModel::IsLostRole).toBool()) {
        return true;
    }
    if (command_ && index.data(EventLogModel::CommandRole).toUInt() != *command_) {
        return false;
    }
    if (token_) {
        const QVariant token = index.data(EventLogModel::TokenRole);
        if (!token.isValid() || token.toUInt() != *token_) {
            return false;
        }
    }
    return true;
}
