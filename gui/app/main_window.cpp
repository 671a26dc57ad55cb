#include "main_window.h"

#include "activity_page.h"
#include "app_settings.h"
#include "connections_page.h"
#include "doctor_page.h"
#include "endpoints_page.h"
#include "helper_session.h"
#include "limits_page.h"
#include "profiles_page.h"
#include "settings_page.h"
#include "state_icons.h"
#include "status_banner.h"

#include <QAction>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

namespace {

constexpr int kMessageMilliseconds = 8000;

} // namespace

MainWindow::MainWindow(HelperSession& session, AppSettings& settings, QWidget* parent)
    : QMainWindow(parent), session_(session), settings_(settings), banner_(new StatusBanner(this)),
      navigation_(new QListWidget(this)), pages_(new QStackedWidget(this)),
      statusText_(new QLabel(this)), endpoints_(new EndpointsPage(session, pages_)),
      limits_(new LimitsPage(session, pages_)), connections_(new ConnectionsPage(session, pages_)),
      activity_(new ActivityPage(session, pages_)), profiles_(new ProfilesPage(session, pages_)),
      doctor_(new DoctorPage(session, pages_)),
      settingsPage_(new SettingsPage(session, settings, pages_)) {
    setWindowTitle(tr("MPTCP Manager"));
    setWindowIcon(stateIcon(TrayCondition::Active));

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->addWidget(banner_);
    auto* body = new QHBoxLayout;
    navigation_->setAccessibleName(tr("Pages"));
    navigation_->setIconSize(QSize(22, 22));
    navigation_->setSpacing(2);
    const QStyle* style = this->style();
    const QList<QPair<QString, QIcon>> names{
        {tr("Endpoints"), style->standardIcon(QStyle::SP_DriveNetIcon)},
        {tr("Limits"), style->standardIcon(QStyle::SP_FileDialogDetailedView)},
        {tr("Profiles"), style->standardIcon(QStyle::SP_DialogSaveButton)},
        {tr("Connections"), stateIcon(TrayCondition::Active)},
        {tr("Activity"), style->standardIcon(QStyle::SP_FileDialogContentsView)},
        {tr("Doctor"), style->standardIcon(QStyle::SP_MessageBoxQuestion)},
        {tr("Settings"), style->standardIcon(QStyle::SP_ComputerIcon)},
    };
    for (const auto& [name, icon] : names) {
        auto* item = new QListWidgetItem(icon, name, navigation_);
        item->setSizeHint(QSize(150, 34));
    }
    navigation_->setFixedWidth(160);
    for (QWidget* page : std::initializer_list<QWidget*>{
             endpoints_, limits_, profiles_, connections_, activity_, doctor_, settingsPage_}) {
        pages_->addWidget(page);
    }
    body->addWidget(navigation_);
    body->addWidget(pages_, 1);
    layout->addLayout(body, 1);
    setCentralWidget(central);
    statusText_->setAccessibleName(tr("Helper status"));
    statusBar()->addPermanentWidget(statusText_);

    connect(navigation_, &QListWidget::currentRowChanged, this, [this](int row) {
        pages_->setCurrentIndex(row);
        settings_.setCurrentPage(row);
    });
    connect(banner_, &StatusBanner::enableMptcpRequested, this,
            [this] { session_.client().setSysctl(QStringLiteral("enabled"), 1); });
    connect(banner_, &StatusBanner::retryRequested, &session_, &HelperSession::refreshAll);
    connect(&session_, &HelperSession::statusChanged, this, &MainWindow::onStatus);
    connect(&session_.client(), &HelperClient::changeFailed, this,
            [this](const QString& what, const HelperError& error) {
                showMessage(tr("%1 failed: %2").arg(what, error.message));
            });
    connect(endpoints_, &EndpointsPage::message, this, &MainWindow::showMessage);
    connect(activity_, &ActivityPage::message, this, &MainWindow::showMessage);
    connect(profiles_, &ProfilesPage::message, this, &MainWindow::showMessage);
    connect(doctor_, &DoctorPage::message, this, &MainWindow::showMessage);
    connect(settingsPage_, &SettingsPage::message, this, &MainWindow::showMessage);
    buildMenus();

    onStatus(session_.status());
    restoreViews();
    if (!restoreGeometry(settings_.windowGeometry())) {
        resize(1100, 720);
    }
    showPage(std::clamp(settings_.currentPage(), 0, PageCount - 1));
}

void MainWindow::buildMenus() {
    QMenu* app = menuBar()->addMenu(tr("&MPTCP Manager"));
    QAction* refresh = app->addAction(tr("&Refresh"), &session_, &HelperSession::refreshAll);
    refresh->setShortcut(QKeySequence::Refresh);
    app->addSeparator();
    QAction* hide = app->addAction(tr("&Close window"), this, &QWidget::close);
    hide->setShortcut(QKeySequence::Close);
    QAction* quit = app->addAction(tr("&Quit"), this, &MainWindow::quitRequested);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* go = menuBar()->addMenu(tr("&Go"));
    for (int page = 0; page < PageCount; ++page) {
        QAction* action = go->addAction(pageName(page), this, [this, page] { showPage(page); });
        action->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + page)));
    }

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About MPTCP Manager"), this, [this] {
        QMessageBox::about(
            this, tr("About MPTCP Manager"),
            tr("<p><b>MPTCP Manager</b></p><p>Lets one connection use several networks at "
               "once (Multipath TCP): Wi-Fi and mobile data together, or Ethernet with a "
               "backup. Changes go through a small privileged helper that asks the system "
               "whether you may make them.</p>"));
    });
}

void MainWindow::showPage(int page) {
    navigation_->setCurrentRow(page);
    pages_->setCurrentIndex(page);
}

int MainWindow::currentPage() const {
    return pages_->currentIndex();
}

QString MainWindow::pageName(int page) const {
    const QListWidgetItem* item = navigation_->item(page);
    return item ? item->text() : QString();
}

void MainWindow::onStatus(const HelperStatus& status) {
    banner_->show(bannerFor(status));
    QString helper;
    switch (status.availability) {
    case HelperAvailability::Connecting:
        helper = tr("Helper: connecting");
        break;
    case HelperAvailability::Running:
        helper = tr("Helper: running");
        break;
    case HelperAvailability::Restarting:
        helper = tr("Helper: restarting");
        break;
    case HelperAvailability::Absent:
        helper = tr("Helper: not available");
        break;
    }
    QStringList parts{helper};
    if (status.supportKnown) {
        parts.append(!status.support.available ? tr("MPTCP: not in this kernel")
                     : status.support.enabled  ? tr("MPTCP: on")
                                               : tr("MPTCP: off"));
        if (!status.support.pathManager.isEmpty()) {
            parts.append(tr("path manager: %1").arg(status.support.pathManager));
        }
    }
    if (status.authorization == HelperAuthorization::Denied) {
        parts.append(tr("read-only"));
    }
    statusText_->setText(parts.join(QStringLiteral(" · ")));
}

void MainWindow::showMessage(const QString& text) {
    statusBar()->showMessage(text, kMessageMilliseconds);
}

// Column widths and order, as the user left them.
void MainWindow::restoreViews() {
    for (const auto& [key, view] : views()) {
        const QByteArray state = settings_.headerState(key);
        if (!state.isEmpty()) {
            view->restoreState(state);
        }
    }
}

QList<QPair<QString, QHeaderView*>> MainWindow::views() const {
    return {{QStringLiteral("endpoints"), endpoints_->table()->horizontalHeader()},
            {QStringLiteral("connections"), connections_->tree()->header()},
            {QStringLiteral("activity"), activity_->table()->horizontalHeader()}};
}

void MainWindow::saveViewState() {
    settings_.setWindowGeometry(saveGeometry());
    for (const auto& [key, view] : views()) {
        settings_.setHeaderState(key, view->saveState());
    }
}

void MainWindow::closeEvent(QCloseEvent* event) {
    saveViewState();
    if (keepRunningInTray_) {
        event->ignore();
        hide();
        return;
    }
    event->accept();
    emit quitRequested();
}
