// Groups row numbers into runs of neighbours, last run first, so a model
// removes a closed batch with one beginRemoveRows per run (rather than one
// per row), and earlier runs keep their row numbers while later ones go.
#pragma once

#include <QList>

struct RowRun {
    int first = 0;
    int last = 0;
};

// `rows` ascending, without duplicates.
inline QList<RowRun> runsFromLast(const QList<int>& rows) {
    QList<RowRun> runs;
    for (qsizetype i = rows.size() - 1; i >= 0; --i) {
        if (!runs.isEmpty() && runs.last().first == rows[i] + 1) {
            runs.last().first = rows[i];
        } else {
            runs.append({rows[i], rows[i]});
        }
    }
    return runs;
}
