// The doctor's findings as a list: one row per finding, in the helper's
// order (most fundamental first). A new Diagnose() answer changes only the
// rows that differ, so a view keeps its selection while the doctor looks
// again every few seconds.
#pragma once

#include "helper_types.h"

#include <QAbstractListModel>

class FindingModel : public QAbstractListModel {
    Q_OBJECT

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        SeverityRole,
        WhyRole,
        FixRole,
        HasActionRole, // the helper can make the fix: the page offers a button
    };

    explicit FindingModel(QObject* parent = nullptr);

    // Removals, moves, inserts and dataChanged only; never a reset.
    void setFindings(const FindingList& findings);
    const FindingList& findings() const { return rows_; }
    // Warnings and errors: what the tray's badge counts.
    int problemCount() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;

    static QString severityName(uint severity);

private:
    QList<FindingRecord> rows_;
};

// Rows are matched by id and sentence: one check may report several
// endpoints, each its own finding with the same id.
bool sameFinding(const FindingRecord& left, const FindingRecord& right);
