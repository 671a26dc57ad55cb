#include "endpoints_page.h"

#include "add_endpoint_dialog.h"
#include "flag_help.h"
#include "helper_session.h"
#include "page_header.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

EndpointsPage::EndpointsPage(HelperSession& session, QWidget* parent)
    : QWidget(parent), session_(session), table_(new QTableView(this)),
      add_(new QPushButton(tr("&Add…"), this)), delete_(new QPushButton(tr("&Delete"), this)),
      flush_(new QPushButton(tr("Delete a&ll…"), this)),
      undo_(new QPushButton(tr("&Undo “Delete all”"), this)),
      refresh_(new QPushButton(tr("&Refresh"), this)), empty_(new QLabel(this)) {
    auto* layout = new QVBoxLayout(this);
    addPageHeader(layout, tr("Endpoints"),
                  tr("Addresses of this computer that MPTCP may use besides the one a "
                     "connection starts on. For Wi-Fi and mobile data together, add the "
                     "mobile address with “Open paths” on the computer that connects out."));

    auto* buttons = new QHBoxLayout;
    for (auto* button : {add_, delete_, flush_, undo_, refresh_}) {
        buttons->addWidget(button);
    }
    buttons->addStretch();
    add_->setAccessibleName(tr("Add endpoint"));
    delete_->setAccessibleName(tr("Delete selected endpoints"));
    flush_->setAccessibleName(tr("Delete all endpoints"));
    undo_->setAccessibleName(tr("Undo delete all"));
    undo_->setToolTip(tr("Puts back the endpoints that “Delete all” removed."));
    refresh_->setAccessibleName(tr("Refresh endpoints"));
    refresh_->setToolTip(tr("Read the endpoints again (changes made with “ip mptcp” show up "
                            "within a few seconds anyway)."));
    layout->addLayout(buttons);

    auto* proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(&session_.endpoints());
    proxy->setSortRole(EndpointModel::IdRole);
    table_->setModel(proxy);
    table_->setSortingEnabled(true);
    table_->sortByColumn(EndpointModel::IdColumn, Qt::AscendingOrder);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setAlternatingRowColors(true);
    table_->verticalHeader()->setVisible(false);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setAccessibleName(tr("Endpoints"));
    table_->setAccessibleDescription(tr("One row per endpoint; the flag columns are check "
                                        "boxes, Backup and Full mesh can be changed with Space."));

    auto* help = new QTextBrowser(this);
    help->setAccessibleName(tr("What the flags mean"));
    help->setOpenExternalLinks(false);
    help->setHtml(QStringLiteral("<h3>%1</h3><p>%2</p>%3")
                      .arg(tr("What the columns mean").toHtmlEscaped(),
                           tr("A connection has two sides: the one that connects out "
                              "(a laptop, a phone) and the one that accepts (a server). "
                              "Some settings matter on one side only.")
                               .toHtmlEscaped(),
                           allFlagsHelp()));

    empty_->setWordWrap(true);
    empty_->setAccessibleName(tr("No endpoints"));

    // The table gets the full width (ten columns); the help sits below it.
    auto* splitter = new QSplitter(Qt::Vertical, this);
    auto* left = new QWidget(splitter);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(table_);
    leftLayout->addWidget(empty_);
    splitter->addWidget(left);
    splitter->addWidget(help);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    layout->addWidget(splitter, 1);

    connect(add_, &QPushButton::clicked, this, &EndpointsPage::openAddDialog);
    connect(delete_, &QPushButton::clicked, this, &EndpointsPage::deleteSelected);
    connect(flush_, &QPushButton::clicked, this, &EndpointsPage::confirmFlush);
    connect(undo_, &QPushButton::clicked, this, [this] {
        session_.undoFlush([this](const HelperError& error) {
            if (!error.isError()) {
                emit message(tr("The endpoints are back."));
            }
        });
    });
    connect(refresh_, &QPushButton::clicked, &session_.client(), &HelperClient::refreshEndpoints);
    connect(&session_.endpoints(), &EndpointModel::flagsChangeRequested, this,
            [this](uint id, uint flags) { session_.client().setEndpointFlags(id, flags); });
    connect(&session_, &HelperSession::statusChanged, this, &EndpointsPage::updateButtons);
    connect(&session_, &HelperSession::undoAvailableChanged, this, &EndpointsPage::updateButtons);
    connect(&session_.endpoints(), &QAbstractItemModel::rowsInserted, this,
            &EndpointsPage::updateButtons);
    connect(&session_.endpoints(), &QAbstractItemModel::rowsRemoved, this,
            &EndpointsPage::updateButtons);
    connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &EndpointsPage::updateButtons);
    updateButtons();
}

void EndpointsPage::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    session_.setWatchingEndpoints(true);
}

void EndpointsPage::hideEvent(QHideEvent* event) {
    QWidget::hideEvent(event);
    session_.setWatchingEndpoints(false);
}

void EndpointsPage::updateButtons() {
    const bool editable = session_.status().canChangePathManager();
    const bool any = session_.endpoints().rowCount() > 0;
    add_->setEnabled(editable);
    delete_->setEnabled(editable && table_->selectionModel()->hasSelection());
    flush_->setEnabled(editable && any);
    undo_->setVisible(session_.canUndoFlush());
    undo_->setEnabled(editable);
    table_->setVisible(any);
    empty_->setVisible(!any);
    if (session_.status().availability != HelperAvailability::Running) {
        empty_->setText(tr("The endpoints cannot be read right now; the message at the top "
                           "says why."));
    } else if (!editable) {
        empty_->setText(tr("No endpoints: connections use only the address they start on."));
    } else {
        empty_->setText(tr("No endpoints yet: connections use only the address they start on. "
                           "Press “Add…” to let MPTCP use another network as well."));
    }
}

void EndpointsPage::openAddDialog() {
    if (dialog_) {
        dialog_->raise();
        return;
    }
    dialog_ = new AddEndpointDialog(this);
    dialog_->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog_, &QObject::destroyed, this, [this] { dialog_ = nullptr; });
    connect(dialog_, &AddEndpointDialog::addRequested, this,
            [this](const EndpointRecord& endpoint) {
                dialog_->setBusy(true);
                session_.client().addEndpoint(endpoint,
                                              [this, dialog = QPointer<AddEndpointDialog>(dialog_)](
                                                  const HelperError& error, uint id) {
                                                  if (!dialog) {
                                                      return;
                                                  }
                                                  if (error.isError()) {
                                                      dialog->setBusy(false);
                                                      dialog->showRefusal(error.message);
                                                      return;
                                                  }
                                                  emit message(tr("Endpoint %1 added.").arg(id));
                                                  dialog->accept();
                                              });
            });
    dialog_->open();
}

void EndpointsPage::deleteSelected() {
    const QModelIndexList rows = table_->selectionModel()->selectedRows();
    for (const QModelIndex& row : rows) {
        const uint id = row.data(EndpointModel::IdRole).toUInt();
        session_.client().removeEndpoint(id, {});
    }
}

void EndpointsPage::confirmFlush() {
    const int count = session_.endpoints().rowCount();
    // Window-modal, not exec(): the event loop (and the helper's answers) go on.
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Delete all endpoints?"),
                                tr("All %1 endpoints will be deleted, and connections stop "
                                   "opening extra paths. You can undo this once with “Undo "
                                   "‘Delete all’”.")
                                    .arg(count),
                                QMessageBox::Cancel, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(QStringLiteral("confirmFlush"));
    QPushButton* confirm = box->addButton(tr("Delete all"), QMessageBox::DestructiveRole);
    confirm->setObjectName(QStringLiteral("confirmFlushButton"));
    confirm->setAccessibleName(tr("Delete all"));
    box->setDefaultButton(QMessageBox::Cancel);
    connect(confirm, &QPushButton::clicked, this, [this] {
        session_.flushEndpoints([this](const HelperError& error) {
            if (!error.isError()) {
                emit message(tr("All endpoints deleted. “Undo” puts them back."));
            }
        });
    });
    box->open();
}
