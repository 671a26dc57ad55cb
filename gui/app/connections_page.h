// The Connections page: every live MPTCP connection with its paths
// (subflows) as a tree, and a live chart of the selected connection's
// throughput per path.
#pragma once

#include <QWidget>

class HelperSession;
class QLabel;
class QTreeView;
class ThroughputChart;

class ConnectionsPage : public QWidget {
    Q_OBJECT

public:
    explicit ConnectionsPage(HelperSession& session, QWidget* parent = nullptr);

    QTreeView* tree() const { return tree_; }
    ThroughputChart* chart() const { return chart_; }
    uint selectedToken() const;

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void onSample(qint64 milliseconds);
    void onSelection();
    void updateEmptyState();

    HelperSession& session_;
    QTreeView* tree_;
    ThroughputChart* chart_;
    QLabel* empty_;
};
