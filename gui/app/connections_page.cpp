#include "connections_page.h"

#include "helper_session.h"
#include "page_header.h"
#include "throughput_chart.h"

#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

ConnectionsPage::ConnectionsPage(HelperSession& session, QWidget* parent)
    : QWidget(parent), session_(session), tree_(new QTreeView(this)),
      chart_(new ThroughputChart(this)), empty_(new QLabel(this)) {
    auto* layout = new QVBoxLayout(this);
    addPageHeader(layout, tr("Connections"),
                  tr("Each MPTCP connection of this computer with its paths (subflows): "
                     "which network each path uses, how much it carried and how fast. Pick a "
                     "connection to see its paths share the load below."));
    auto* proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(&session_.connections());
    proxy->setSortRole(ConnectionModel::SortRole);
    tree_->setModel(proxy);
    tree_->setSortingEnabled(true);
    tree_->sortByColumn(-1, Qt::AscendingOrder); // the helper's order until a header is clicked
    tree_->setAlternatingRowColors(true);
    tree_->setUniformRowHeights(true);
    tree_->setAllColumnsShowFocus(true);
    // Fixed starting widths: ResizeToContents would measure every row on
    // every counter tick, which a few hundred connections make slow.
    tree_->header()->setSectionResizeMode(QHeaderView::Interactive);
    tree_->header()->setStretchLastSection(true);
    const int widths[] = {255, 120, 90, 100, 75, 75, 85, 70};
    for (int column = 0; column < ConnectionModel::ColumnCount; ++column) {
        tree_->setColumnWidth(column, widths[column]);
    }
    tree_->setAccessibleName(tr("Connections and their paths"));
    tree_->setAccessibleDescription(tr("Expand a connection to see its paths."));

    empty_->setWordWrap(true);
    empty_->setAccessibleName(tr("No connections"));

    auto* splitter = new QSplitter(Qt::Vertical, this);
    auto* top = new QWidget(splitter);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(tree_);
    topLayout->addWidget(empty_);
    splitter->addWidget(top);
    splitter->addWidget(chart_);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);

    connect(&session_, &HelperSession::connectionsSampled, this, &ConnectionsPage::onSample);
    connect(tree_->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ConnectionsPage::onSelection);
    // New connections arrive with their paths: show them unfolded.
    connect(proxy, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex& inserted, int first, int last) {
                if (!inserted.isValid()) {
                    for (int row = first; row <= last; ++row) {
                        tree_->expand(tree_->model()->index(row, 0));
                    }
                }
                updateEmptyState();
            });
    connect(proxy, &QAbstractItemModel::rowsRemoved, this, &ConnectionsPage::updateEmptyState);
    connect(&session_, &HelperSession::statusChanged, this, &ConnectionsPage::updateEmptyState);
    updateEmptyState();
}

void ConnectionsPage::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    session_.setLiveConnections(true);
}

void ConnectionsPage::hideEvent(QHideEvent* event) {
    QWidget::hideEvent(event);
    session_.setLiveConnections(false);
}

uint ConnectionsPage::selectedToken() const {
    const QModelIndex current = tree_->currentIndex();
    return current.isValid() ? current.data(ConnectionModel::TokenRole).toUInt() : 0;
}

void ConnectionsPage::onSample(qint64 milliseconds) {
    // Hidden, there is nothing to draw, and no rates (see setLiveConnections).
    if (!isVisible()) {
        return;
    }
    // The chart keeps every path's history; the model has the latest answer.
    ConnectionList connections;
    const ConnectionModel& model = session_.connections();
    for (int row = 0; row < model.rowCount(); ++row) {
        connections.append(*model.connectionAt(model.index(row, 0)));
    }
    chart_->addSample(connections, session_.sampler(), milliseconds);
    // Something to look at without a click: the first connection.
    if (!tree_->currentIndex().isValid() && tree_->model()->rowCount() > 0) {
        tree_->setCurrentIndex(tree_->model()->index(0, 0));
    }
}

void ConnectionsPage::onSelection() {
    chart_->showConnection(selectedToken());
}

void ConnectionsPage::updateEmptyState() {
    const bool any = tree_->model()->rowCount() > 0;
    tree_->setVisible(any);
    empty_->setVisible(!any);
    empty_->setText(session_.status().availability == HelperAvailability::Running
                        ? tr("No MPTCP connections right now. Programs use MPTCP when they ask "
                             "for it (or through mptcpize); their connections show up here by "
                             "themselves.")
                        : tr("Connections cannot be read right now; the message at the top "
                             "says why."));
}
