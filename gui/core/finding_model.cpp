#include "finding_model.h"

#include "finding_fix.h"
#include "row_runs.h"

namespace {

int indexOf(const FindingList& list, const FindingRecord& finding, int from = 0) {
    for (int i = from; i < list.size(); ++i) {
        if (sameFinding(list[i], finding)) {
            return i;
        }
    }
    return -1;
}

bool sameContent(const FindingRecord& left, const FindingRecord& right) {
    return left.severity == right.severity && left.why == right.why && left.fix == right.fix &&
           left.action.method == right.action.method &&
           left.action.arguments == right.action.arguments;
}

} // namespace

bool sameFinding(const FindingRecord& left, const FindingRecord& right) {
    return left.id == right.id && left.summary == right.summary;
}

FindingModel::FindingModel(QObject* parent) : QAbstractListModel(parent) {}

void FindingModel::setFindings(const FindingList& findings) {
    QList<int> gone;
    for (int row = 0; row < rows_.size(); ++row) {
        if (indexOf(findings, rows_[row]) < 0) {
            gone.append(row);
        }
    }
    for (const RowRun& run : runsFromLast(gone)) {
        beginRemoveRows({}, run.first, run.last);
        rows_.remove(run.first, run.last - run.first + 1);
        endRemoveRows();
    }
    // Now every row is wanted; walk the answer and make row i match it.
    for (int i = 0; i < findings.size(); ++i) {
        const FindingRecord& wanted = findings[i];
        if (i < rows_.size() && sameFinding(rows_[i], wanted)) {
            if (!sameContent(rows_[i], wanted)) {
                rows_[i] = wanted;
                emit dataChanged(index(i), index(i));
            }
            continue;
        }
        const int later = indexOf(rows_, wanted, i + 1);
        if (later >= 0) {
            // The helper reordered (a finding grew more severe): move it up.
            beginMoveRows({}, later, later, {}, i);
            rows_.move(later, i);
            endMoveRows();
            if (!sameContent(rows_[i], wanted)) {
                rows_[i] = wanted;
                emit dataChanged(index(i), index(i));
            }
            continue;
        }
        beginInsertRows({}, i, i);
        rows_.insert(i, wanted);
        endInsertRows();
    }
}

int FindingModel::problemCount() const {
    int count = 0;
    for (const auto& finding : rows_) {
        count += finding.severity >= 1 ? 1 : 0;
    }
    return count;
}

int FindingModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QString FindingModel::severityName(uint severity) {
    switch (severity) {
    case 0:
        return tr("Note");
    case 1:
        return tr("Warning");
    default:
        return tr("Problem");
    }
}

QVariant FindingModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rows_.size()) {
        return {};
    }
    const FindingRecord& finding = rows_[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return finding.summary;
    case Qt::ToolTipRole:
        return finding.why;
    case Qt::AccessibleTextRole:
        return tr("%1: %2").arg(severityName(finding.severity), finding.summary);
    case IdRole:
        return finding.id;
    case SeverityRole:
        return finding.severity;
    case WhyRole:
        return finding.why;
    case FixRole:
        return finding.fix;
    case HasActionRole:
        return fixCallArguments(finding.action).has_value();
    default:
        return {};
    }
}
