#include "activity_page.h"

#include "event_filter_model.h"
#include "event_log_export.h"
#include "event_text.h"
#include "helper_session.h"
#include "page_header.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QShortcut>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace {

// "Events lost" rows stand out in bold; their words already say what they are.
class LostRowDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.data(EventLogModel::IsLostRole).toBool()) {
            option->font.setBold(true);
        }
    }
};

} // namespace

ActivityPage::ActivityPage(HelperSession& session, QWidget* parent)
    : QWidget(parent), session_(session), filter_(new EventFilterModel(this)),
      table_(new QTableView(this)), type_(new QComboBox(this)), connection_(new QComboBox(this)),
      pause_(new QPushButton(tr("&Pause"), this)), copy_(new QPushButton(tr("&Copy"), this)),
      export_(new QPushButton(tr("&Export…"), this)), clear_(new QPushButton(tr("C&lear"), this)),
      held_(new QLabel(this)) {
    auto* layout = new QVBoxLayout(this);
    addPageHeader(layout, tr("Activity"),
                  tr("What the kernel's path manager reported, newest last: connections and "
                     "paths opening and closing, addresses the other side announced. The same "
                     "events as “ip mptcp monitor”, in words."));

    auto* controls = new QHBoxLayout;
    auto* typeLabel = new QLabel(tr("&Show:"), this);
    typeLabel->setBuddy(type_);
    type_->setAccessibleName(tr("Event type filter"));
    type_->addItem(tr("All events"));
    for (uchar command : knownEventCommands()) {
        type_->addItem(eventTitle(command), command);
    }
    auto* connectionLabel = new QLabel(tr("C&onnection:"), this);
    connectionLabel->setBuddy(connection_);
    connection_->setAccessibleName(tr("Connection filter"));
    connection_->addItem(tr("All connections"));
    connection_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    pause_->setCheckable(true);
    pause_->setAccessibleName(tr("Pause the log"));
    pause_->setToolTip(tr("Stop adding rows while you read; new events wait and are added "
                          "when you resume."));
    copy_->setAccessibleName(tr("Copy selected events"));
    export_->setAccessibleName(tr("Export the log"));
    export_->setToolTip(tr("Save the events shown as CSV or JSON."));
    clear_->setAccessibleName(tr("Clear the log"));
    for (QWidget* widget : std::initializer_list<QWidget*>{
             typeLabel, type_, connectionLabel, connection_, pause_, copy_, export_, clear_}) {
        controls->addWidget(widget);
    }
    controls->addStretch();
    layout->addLayout(controls);
    held_->setAccessibleName(tr("Events waiting"));
    held_->setVisible(false);
    layout->addWidget(held_);

    filter_->setSourceModel(&session_.eventLog());
    table_->setModel(filter_);
    table_->setItemDelegate(new LostRowDelegate(table_));
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setAlternatingRowColors(true);
    table_->verticalHeader()->setVisible(false);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setWordWrap(false);
    table_->setAccessibleName(tr("Event log"));
    table_->setColumnWidth(EventLogModel::TimeColumn, 95);
    table_->setColumnWidth(EventLogModel::EventColumn, 185);
    table_->setColumnWidth(EventLogModel::ConnectionColumn, 85);
    table_->setColumnWidth(EventLogModel::LocalColumn, 135);
    table_->setColumnWidth(EventLogModel::RemoteColumn, 135);
    // One line per event: a log is read by scanning down it.
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 8);
    layout->addWidget(table_, 1);

    connect(type_, &QComboBox::currentIndexChanged, this, [this] {
        const QVariant command = type_->currentData();
        filter_->setCommand(command.isValid() ? std::optional<uchar>(command.value<uchar>())
                                              : std::nullopt);
    });
    connect(connection_, &QComboBox::currentIndexChanged, this, [this] {
        const QVariant token = connection_->currentData();
        filter_->setToken(token.isValid() ? std::optional<uint>(token.toUInt()) : std::nullopt);
    });
    connect(pause_, &QPushButton::toggled, this, [this](bool paused) {
        session_.eventLog().setPaused(paused);
        pause_->setText(paused ? tr("&Resume") : tr("&Pause"));
        pause_->setAccessibleName(paused ? tr("Resume the log") : tr("Pause the log"));
    });
    connect(&session_.eventLog(), &EventLogModel::heldCountChanged, this,
            &ActivityPage::updateHeld);
    connect(copy_, &QPushButton::clicked, this, &ActivityPage::copySelection);
    connect(export_, &QPushButton::clicked, this, &ActivityPage::exportLog);
    connect(clear_, &QPushButton::clicked, &session_.eventLog(), &EventLogModel::clear);
    auto* copyShortcut = new QShortcut(QKeySequence::Copy, table_);
    copyShortcut->setContext(Qt::WidgetShortcut);
    connect(copyShortcut, &QShortcut::activated, this, &ActivityPage::copySelection);
    connect(&session_, &HelperSession::eventsArrived, this, &ActivityPage::updateConnections);
    // Follow the newest row, unless the reader scrolled up to look at older ones.
    connect(filter_, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
        QScrollBar* bar = table_->verticalScrollBar();
        table_->setProperty("followNewest", bar->value() >= bar->maximum() - 2);
    });
    connect(filter_, &QAbstractItemModel::rowsInserted, this, [this] {
        if (table_->property("followNewest").toBool()) {
            table_->scrollToBottom();
        }
    });
}

// Runs for every batch of events: only tokens not listed yet are looked at,
// so a burst does not rescan the combo box once per token ever seen.
void ActivityPage::updateConnections() {
    const QSet<uint> seen = session_.tokensSeen();
    QList<uint> fresh;
    for (uint token : seen) {
        if (token != 0 && !listedTokens_.contains(token)) {
            fresh.append(token);
        }
    }
    std::sort(fresh.begin(), fresh.end());
    for (uint token : fresh) {
        listedTokens_.insert(token);
        connection_->addItem(QStringLiteral("%1").arg(token, 8, 16, QLatin1Char('0')), token);
    }
}

void ActivityPage::updateHeld(int count) {
    held_->setVisible(count > 0);
    held_->setText(
        tr("Paused: %1 new events are waiting and will be added when you resume.").arg(count));
}

QList<LogEntry> ActivityPage::visibleEntries() const {
    QList<LogEntry> entries;
    entries.reserve(filter_->rowCount());
    for (int row = 0; row < filter_->rowCount(); ++row) {
        entries.append(
            session_.eventLog().entry(filter_->mapToSource(filter_->index(row, 0)).row()));
    }
    return entries;
}

void ActivityPage::copySelection() {
    QModelIndexList rows = table_->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end());
    QList<LogEntry> entries;
    for (const QModelIndex& row : rows) {
        entries.append(session_.eventLog().entry(filter_->mapToSource(row).row()));
    }
    if (entries.isEmpty()) {
        entries = visibleEntries();
    }
    QApplication::clipboard()->setText(eventLogToText(entries));
    emit message(tr("Copied %1 events.").arg(entries.size()));
}

bool ActivityPage::exportTo(const QString& path, QString* error) const {
    const QList<LogEntry> entries = visibleEntries();
    const bool json = path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error) {
            *error = file.errorString();
        }
        return false;
    }
    file.write(json ? eventLogToJson(entries) : eventLogToCsv(entries));
    if (!file.commit()) {
        if (error) {
            *error = file.errorString();
        }
        return false;
    }
    return true;
}

void ActivityPage::exportLog() {
    QString selected;
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export events"), QStringLiteral("mptcp-events.csv"),
                                     tr("CSV (*.csv);;JSON (*.json)"), &selected);
    if (path.isEmpty()) {
        return;
    }
    QString error;
    if (exportTo(path, &error)) {
        emit message(tr("Saved %1.").arg(path));
    } else {
        emit message(tr("Could not save %1: %2").arg(path, error));
    }
}
