// The real app against the real helper, as an authorized ordinary user (run
// by run_with_helper.py --user granted): what the pages do reaches the kernel
// (checked with `ip mptcp` in the same namespace), what others do to the
// kernel reaches the pages, live connections and their notifications show,
// a storm of events stays bounded, and a killed helper is got over.
#include "activity_page.h"
#include "add_endpoint_dialog.h"
#include "connections_page.h"
#include "doctor_page.h"
#include "endpoints_page.h"
#include "event_text.h"
#include "fake_notifications.h"
#include "kernel_oracle.h"
#include "limits_page.h"
#include "main_window.h"
#include "manager_app.h"
#include "profile_editor_dialog.h"
#include "profiles_page.h"
#include "status_banner.h"
#include "throughput_chart.h"
#include "tray_icon.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeView>

#include <unistd.h>

#include <memory>

namespace {

constexpr int kHelperTimeout = 30000;

QJsonObject endpointWithAddress(const QString& address) {
    for (const auto& value : oracle::kernelEndpoints()) {
        if (value.toObject().value(QLatin1String("address")).toString() == address) {
            return value.toObject();
        }
    }
    return {};
}

// `ip -j` writes each flag as a key: {"subflow": true, "backup": true, ...}.
bool hasFlag(const QJsonObject& endpoint, const char* flag) {
    return endpoint.value(QLatin1String(flag)).toBool();
}

int rowOfFinding(const FindingModel& model, const QString& id) {
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row).data(FindingModel::IdRole).toString() == id) {
            return row;
        }
    }
    return -1;
}

QAction* menuAction(const QMenu* menu, const QString& text) {
    for (QAction* action : menu->actions()) {
        if (action->text().remove(QLatin1Char('&')) == text) {
            return action;
        }
    }
    return nullptr;
}

int subflowsOf(const ConnectionModel& model) {
    return model.rowCount() > 0 ? model.rowCount(model.index(0, 0)) : 0;
}

} // namespace

class TestAppWithHelper : public QObject {
    Q_OBJECT

    std::unique_ptr<ManagerApp> app_;
    FakeNotifications notifications_;

    HelperSession& session() { return app_->session(); }
    MainWindow& window() { return app_->window(); }

    bool ready() {
        return session().status().availability == HelperAvailability::Running &&
               session().client().isSubscribed();
    }

    void ask(const QJsonObject& request) {
        const QJsonObject answer = oracle::request(request);
        QVERIFY2(answer.value(QLatin1String("ok")).toBool(),
                 qPrintable(QString::fromUtf8(QJsonDocument(answer).toJson())));
    }

private slots:
    void initTestCase() {
        if (!oracle::available()) {
            QSKIP("needs the world of run_with_helper.py (root, namespaces, a test bus)");
        }
        QVERIFY2(geteuid() != 0, "the GUI test must run as an ordinary user");
        QCoreApplication::setOrganizationName(QStringLiteral("mptcp-manager-tests"));
        QVERIFY(notifications_.registerOnSessionBus());
        app_ = std::make_unique<ManagerApp>(QDBusConnection::systemBus(),
                                            QDBusConnection::sessionBus());
        app_->start(false);
        QTRY_VERIFY_WITH_TIMEOUT(ready(), kHelperTimeout);
        QVERIFY(session().status().mptcpUsable());
        QVERIFY(!window().banner()->isVisible());
    }

    void showsWhatTheKernelHas() {
        QTRY_VERIFY(session().subflowsLimit().has_value());
        const QJsonObject limits = oracle::kernelLimits();
        QCOMPARE(int(*session().subflowsLimit()), limits.value(QLatin1String("subflows")).toInt());
        QTRY_COMPARE(window().limitsPage()->subflowsSpin()->value(),
                     limits.value(QLatin1String("subflows")).toInt());
        QCOMPARE(window().limitsPage()->acceptedSpin()->value(),
                 limits.value(QLatin1String("add_addr_accepted")).toInt());
        QCOMPARE(session().endpoints().rowCount(), int(oracle::kernelEndpoints().size()));
    }

    void addEndpointThroughTheDialog() {
        window().showPage(MainWindow::EndpointsPageIndex);
        EndpointsPage* page = window().endpointsPage();
        QTRY_VERIFY(page->addButton()->isEnabled());
        page->addButton()->click();
        AddEndpointDialog* dialog = page->addDialog();
        QVERIFY(dialog);
        // The picker lists the namespace's interfaces; eth1 fills in its address.
        const int eth1 = dialog->interfacePicker()->findData(QStringLiteral("eth1"));
        QVERIFY2(eth1 > 0, "eth1 missing from the interface picker");
        QVERIFY(dialog->interfacePicker()->itemText(eth1).contains(QLatin1String("10.1.2.2")));
        dialog->interfacePicker()->setCurrentIndex(eth1);
        QCOMPARE(dialog->addressField()->currentText(), QStringLiteral("10.1.2.2"));
        QVERIFY(dialog->flagBox(2)->isChecked()); // "open paths" is the default

        // As-you-type checks: the helper's own rules.
        dialog->addressField()->setEditText(QStringLiteral("10.1.2."));
        QVERIFY(!dialog->check().problem.isEmpty());
        QPushButton* add = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        QVERIFY(!add->isEnabled());
        dialog->addressField()->setEditText(QStringLiteral("10.1.2.2"));
        QVERIFY(add->isEnabled());
        add->click();

        QTRY_VERIFY_WITH_TIMEOUT(page->addDialog() == nullptr, kHelperTimeout);
        const QJsonObject added = endpointWithAddress(QStringLiteral("10.1.2.2"));
        QVERIFY2(!added.isEmpty(), "the endpoint is not in the kernel");
        QVERIFY(hasFlag(added, "subflow"));
        QCOMPARE(added.value(QLatin1String("dev")).toString(), QStringLiteral("eth1"));
        // And the table shows it, from the helper's EndpointsChanged.
        const uint id = static_cast<uint>(added.value(QLatin1String("id")).toInt());
        QTRY_VERIFY(session().endpoints().rowOfId(id) >= 0);
    }

    void endpointAddedWithIpShowsAfterRefresh() {
        QSignalSpy inserted(&session().endpoints(), &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&session().endpoints(), &QAbstractItemModel::modelAboutToBeReset);
        ask({{QStringLiteral("op"), QStringLiteral("ip")},
             {QStringLiteral("args"),
              QJsonArray{QStringLiteral("mptcp"), QStringLiteral("endpoint"), QStringLiteral("add"),
                         QStringLiteral("10.1.1.2"), QStringLiteral("id"), QStringLiteral("9"),
                         QStringLiteral("signal")}}});
        // `ip` sends no signal the app could hear: the page's Refresh reads again.
        for (auto* button : window().endpointsPage()->findChildren<QPushButton*>()) {
            if (button->accessibleName() == QLatin1String("Refresh endpoints")) {
                button->click();
            }
        }
        QTRY_VERIFY_WITH_TIMEOUT(session().endpoints().rowOfId(9) >= 0, 10000);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(reset.count(), 0);
        const int row = session().endpoints().rowOfId(9);
        QCOMPARE(session().endpoints().index(row, EndpointModel::AddressColumn).data().toString(),
                 QStringLiteral("10.1.1.2"));
        QCOMPARE(session()
                     .endpoints()
                     .index(row, EndpointModel::SignalColumn)
                     .data(Qt::CheckStateRole)
                     .toInt(),
                 int(Qt::Checked));
    }

    void backupTickedInPlace() {
        const uint id = static_cast<uint>(
            endpointWithAddress(QStringLiteral("10.1.2.2")).value(QLatin1String("id")).toInt());
        QTableView* table = window().endpointsPage()->table();
        const int sourceRow = session().endpoints().rowOfId(id);
        QAbstractItemModel* view = table->model();
        QModelIndex cell;
        for (int row = 0; row < view->rowCount(); ++row) {
            if (view->index(row, 0).data(EndpointModel::IdRole).toUInt() == id) {
                cell = view->index(row, EndpointModel::BackupColumn);
            }
        }
        QVERIFY(cell.isValid());
        QVERIFY(view->flags(cell) & Qt::ItemIsUserCheckable);
        QSignalSpy changed(&session().endpoints(), &QAbstractItemModel::dataChanged);
        view->setData(cell, Qt::Checked, Qt::CheckStateRole);
        QTRY_VERIFY_WITH_TIMEOUT(hasFlag(endpointWithAddress(QStringLiteral("10.1.2.2")), "backup"),
                                 kHelperTimeout);
        QTRY_COMPARE(session()
                         .endpoints()
                         .index(sourceRow, EndpointModel::BackupColumn)
                         .data(Qt::CheckStateRole)
                         .toInt(),
                     int(Qt::Checked));
        // One cell changed, with its check state; the row was not replaced.
        QVERIFY(changed.count() >= 1);
        for (const auto& arguments : changed) {
            QCOMPARE(arguments.at(0).value<QModelIndex>().column(),
                     int(EndpointModel::BackupColumn));
        }
        // And back, so the connection below uses the path for data.
        view->setData(cell, Qt::Unchecked, Qt::CheckStateRole);
        QTRY_VERIFY_WITH_TIMEOUT(
            !hasFlag(endpointWithAddress(QStringLiteral("10.1.2.2")), "backup"), kHelperTimeout);
    }

    void limitSlidersChangeTheKernelLimits() {
        window().showPage(MainWindow::LimitsPageIndex);
        LimitsPage* page = window().limitsPage();
        QTRY_VERIFY(page->subflowsSlider()->isEnabled());
        QCOMPARE(page->subflowsSlider()->maximum(), int(session().status().support.maxLimit));
        // Keyboard on the slider, typing in the spin box: as a person would.
        page->subflowsSlider()->setFocus();
        page->subflowsSlider()->setValue(0);
        QTest::keyClick(page->subflowsSlider(), Qt::Key_Right);
        QTest::keyClick(page->subflowsSlider(), Qt::Key_Right);
        QTest::keyClick(page->subflowsSlider(), Qt::Key_Right);
        QCOMPARE(page->subflowsSpin()->value(), 3);
        page->acceptedSpin()->setValue(1);
        QTRY_COMPARE_WITH_TIMEOUT(oracle::kernelLimits().value(QLatin1String("subflows")).toInt(),
                                  3, kHelperTimeout);
        QCOMPARE(oracle::kernelLimits().value(QLatin1String("add_addr_accepted")).toInt(), 1);
        QTRY_COMPARE(session().subflowsLimit().value_or(99), 3u);

        // A limit that cannot work says so.
        page->subflowsSpin()->setValue(0);
        QTRY_VERIFY(page->warnings()->isVisible());
        QVERIFY(page->warnings()->text().contains(QLatin1String("No extra paths")));
        page->subflowsSpin()->setValue(2);
        page->acceptedSpin()->setValue(2);
        QTRY_COMPARE_WITH_TIMEOUT(oracle::kernelLimits().value(QLatin1String("subflows")).toInt(),
                                  2, kHelperTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(
            oracle::kernelLimits().value(QLatin1String("add_addr_accepted")).toInt(), 2,
            kHelperTimeout);
        QVERIFY(!page->warnings()->isVisible());
    }

    void deleteAllAndUndo() {
        window().showPage(MainWindow::EndpointsPageIndex);
        EndpointsPage* page = window().endpointsPage();
        const QJsonArray before = oracle::kernelEndpoints();
        QVERIFY(before.size() >= 2);
        QVERIFY(page->flushButton()->isEnabled());
        page->flushButton()->click();
        auto* confirm = page->findChild<QPushButton*>(QStringLiteral("confirmFlushButton"));
        QVERIFY2(confirm, "no confirmation before deleting everything");
        confirm->click();
        QTRY_VERIFY_WITH_TIMEOUT(oracle::kernelEndpoints().isEmpty(), kHelperTimeout);
        QTRY_COMPARE(session().endpoints().rowCount(), 0);
        QTRY_VERIFY(page->undoButton()->isVisible());

        page->undoButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(oracle::kernelEndpoints(), before, kHelperTimeout);
        QTRY_COMPARE(session().endpoints().rowCount(), int(before.size()));
        QTRY_VERIFY(!page->undoButton()->isVisible());
    }

    void liveConnectionShowsWithItsPathsAndIsNotified() {
        window().showPage(MainWindow::ConnectionsPageIndex);
        const qsizetype shownBefore = notifications_.shown().size();
        const int rowsBefore = session().eventLog().rowCount();
        ask({{QStringLiteral("op"), QStringLiteral("stream")}, {QStringLiteral("rate"), 300000}});

        // The connection with its first path, the eth1 path and the path to
        // the address the peer announced.
        QTRY_VERIFY_WITH_TIMEOUT(subflowsOf(session().connections()) >= 2, kHelperTimeout);
        QTreeView* tree = window().connectionsPage()->tree();
        QTRY_VERIFY(tree->isVisible());
        QCOMPARE(tree->model()->rowCount(), 1);
        QVERIFY(tree->model()->rowCount(tree->model()->index(0, 0)) >= 2);
        bool overEth1 = false;
        const QModelIndex connection = tree->model()->index(0, 0);
        for (int row = 0; row < tree->model()->rowCount(connection); ++row) {
            overEth1 =
                overEth1 || tree->model()
                                    ->index(row, ConnectionModel::InterfaceColumn, connection)
                                    .data()
                                    .toString() == QLatin1String("eth1");
        }
        QVERIFY2(overEth1, "no path over eth1 in the tree");

        // Throughput needs two samples; then one line per path.
        QTRY_VERIFY_WITH_TIMEOUT(window().connectionsPage()->chart()->seriesCount() >= 2, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(
            !tree->model()->index(0, ConnectionModel::RateColumn).data().toString().isEmpty(),
            10000);

        // The log has the events, in words.
        QTRY_VERIFY(session().eventLog().rowCount() > rowsBefore);
        bool pathOpened = false;
        for (int row = rowsBefore; row < session().eventLog().rowCount(); ++row) {
            pathOpened = pathOpened || session().eventLog().entry(row).event.command ==
                                           EventCommand::kSubflowEstablished;
        }
        QVERIFY(pathOpened);

        // A desktop notification was asked for on the session bus.
        QTRY_VERIFY_WITH_TIMEOUT(notifications_.shown().size() > shownBefore, 10000);
        const ShownNotification& shown = notifications_.shown().last();
        QVERIFY2(shown.summary == QLatin1String("New path in use") ||
                     shown.summary == QLatin1String("MPTCP paths changed"),
                 qPrintable(shown.summary));
        QVERIFY(app_->tray().toolTip().contains(QLatin1String("Connections: 1")));
    }

    void stormOfEventsStaysResponsiveAndBounded() {
        // Let the previous test's notifications go out first.
        QTest::qWait(NotificationPolicy::kGatherMilliseconds * 2);
        const qsizetype shownBefore = notifications_.shown().size();
        const int rowsBefore = session().eventLog().rowCount();

        // How long the event loop is ever blocked while the storm goes through.
        QElapsedTimer sinceTick;
        qint64 longestGap = 0;
        QTimer ticker;
        ticker.setInterval(20);
        connect(&ticker, &QTimer::timeout, this,
                [&] { longestGap = std::max(longestGap, sinceTick.restart()); });
        sinceTick.start();
        ticker.start();
        ask({{QStringLiteral("op"), QStringLiteral("burst")}, {QStringLiteral("count"), 200}});
        QTRY_VERIFY_WITH_TIMEOUT(session().eventLog().rowCount() - rowsBefore >= 1000, 60000);
        QTest::qWait(NotificationPolicy::kGatherMilliseconds * 3);
        ticker.stop();

        const int events = session().eventLog().rowCount() - rowsBefore;
        const qsizetype notified = notifications_.shown().size() - shownBefore;
        qInfo("%d events, %lld notifications, longest event loop gap %lld ms", events,
              static_cast<long long>(notified), static_cast<long long>(longestGap));
        QVERIFY2(notified >= 1, "a storm of path changes told nothing");
        QVERIFY2(notified <= NotificationPolicy::kBurstNotifications,
                 qPrintable(QStringLiteral("%1 notifications").arg(notified)));
        QVERIFY2(longestGap < 1500,
                 qPrintable(QStringLiteral("the window froze for %1 ms").arg(longestGap)));
    }

    void mptcpTurnedOffIsOfferedBackOn() {
        ask({{QStringLiteral("op"), QStringLiteral("sysctl")},
             {QStringLiteral("name"), QStringLiteral("enabled")},
             {QStringLiteral("value"), QStringLiteral("0")}});
        session().refreshAll(); // F5: nothing announces a sysctl change
        QTRY_VERIFY_WITH_TIMEOUT(window().banner()->isVisible(), 10000);
        QCOMPARE(window().banner()->content().action, BannerContent::Action::EnableMptcp);
        QVERIFY(!window().endpointsPage()->addButton()->isEnabled());

        QPushButton* turnOn = nullptr;
        for (auto* button : window().banner()->findChildren<QPushButton*>()) {
            if (button->isVisible()) {
                turnOn = button;
            }
        }
        QVERIFY(turnOn);
        turnOn->click();
        QTRY_COMPARE_WITH_TIMEOUT(oracle::kernelSysctl(QStringLiteral("enabled")),
                                  QStringLiteral("1"), kHelperTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(!window().banner()->isVisible(), 10000);
        QVERIFY(window().endpointsPage()->addButton()->isEnabled());
    }

    void doctorFindsAFaultAndFixesIt() {
        window().showPage(MainWindow::DoctorPageIndex);
        DoctorPage* page = window().doctorPage();
        FindingModel& findings = session().findings();
        const QString id = QStringLiteral("subflows-limit-too-low");
        QTRY_VERIFY(rowOfFinding(findings, id) < 0);
        // A `subflow` endpoint cannot work with no extra subflow allowed.
        ask({{QStringLiteral("op"), QStringLiteral("ip")},
             {QStringLiteral("args"),
              QJsonArray{QStringLiteral("mptcp"), QStringLiteral("limits"), QStringLiteral("set"),
                         QStringLiteral("subflows"), QStringLiteral("0")}}});
        // `ip` tells nobody: "Check again" is what a person presses.
        page->checkButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(rowOfFinding(findings, id) >= 0, kHelperTimeout);
        const int row = rowOfFinding(findings, id);
        QCOMPARE(findings.index(row).data(FindingModel::SeverityRole).toUInt(), 2u);
        QVERIFY(!page->verdict()->text().startsWith(QLatin1String("Nothing is wrong")));

        // The tray says so: a badge, and the problem in the tooltip and menu.
        QTRY_VERIFY(session().traySummary().problems > 0);
        QTRY_VERIFY(app_->tray().toolTip().contains(QLatin1String("Doctor:")));
        QAction* doctor = nullptr;
        for (QAction* action : app_->tray().menu()->actions()) {
            if (action->text().contains(QLatin1String("Doctor"))) {
                doctor = action;
            }
        }
        QVERIFY(doctor && doctor->isVisible());
        window().showPage(MainWindow::EndpointsPageIndex);
        doctor->trigger();
        QCOMPARE(window().currentPage(), int(MainWindow::DoctorPageIndex));

        page->list()->setCurrentIndex(page->list()->model()->index(row, 0));
        QVERIFY(!page->why()->text().isEmpty());
        QVERIFY(!page->fixText()->toPlainText().isEmpty());
        QVERIFY(page->fixButton()->isVisible());
        QTRY_VERIFY(page->fixButton()->isEnabled());
        page->fixButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(
            oracle::kernelLimits().value(QLatin1String("subflows")).toInt() >= 1, kHelperTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(rowOfFinding(findings, id) < 0, kHelperTimeout);
    }

    void profileMadeInTheEditorIsKeptTrue() {
        // eth0's address is free for the profile; eth1's belongs to someone else.
        const QJsonObject signalEndpoint = endpointWithAddress(QStringLiteral("10.1.1.2"));
        if (!signalEndpoint.isEmpty()) {
            ask({{QStringLiteral("op"), QStringLiteral("ip")},
                 {QStringLiteral("args"),
                  QJsonArray{QStringLiteral("mptcp"), QStringLiteral("endpoint"),
                             QStringLiteral("delete"), QStringLiteral("id"),
                             QString::number(signalEndpoint.value(QLatin1String("id")).toInt())}}});
        }
        const QJsonObject foreign = endpointWithAddress(QStringLiteral("10.1.2.2"));
        QVERIFY2(!foreign.isEmpty(), "the endpoint added through the dialog is gone");

        window().showPage(MainWindow::ProfilesPageIndex);
        ProfilesPage* page = window().profilesPage();
        QTRY_VERIFY_WITH_TIMEOUT(page->list()->count() >= 3, kHelperTimeout); // the presets
        QTRY_VERIFY(page->newButton()->isEnabled());
        page->newButton()->click();
        ProfileEditorDialog* editor = page->editor();
        QVERIFY(editor);

        // A rule the helper refuses: the problem names it, and nothing is saved.
        editor->nameField()->setText(QStringLiteral("Lab"));
        auto* match = qobject_cast<QComboBox*>(
            editor->rules()->cellWidget(0, ProfileEditorDialog::MatchColumn));
        QVERIFY(match);
        match->setCurrentText(QStringLiteral("kind:toaster"));
        QTRY_VERIFY_WITH_TIMEOUT(editor->problem()->text().contains(QLatin1String("interfaces[0]")),
                                 kHelperTimeout);
        editor->saveButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(editor->saveButton()->isEnabled(), kHelperTimeout);
        QVERIFY(page->editor());
        QVERIFY(!page->select(QStringLiteral("Lab")));

        // eth0 opens paths; eth1 would, but its address has a foreign endpoint.
        match->setCurrentText(QStringLiteral("eth0"));
        editor->addRule({QStringLiteral("eth1"), 2 /* subflow */, 4, false});
        editor->subflowsSet()->setChecked(true);
        editor->subflowsSpin()->setValue(2);
        QTRY_VERIFY_WITH_TIMEOUT(editor->problem()->text().isEmpty(), kHelperTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(
            editor->preview()->toPlainText().contains(QLatin1String("10.1.1.2 on eth0")),
            kHelperTimeout);
        QVERIFY2(editor->preview()->toPlainText().contains(QLatin1String("10.1.2.2")),
                 qPrintable(editor->preview()->toPlainText()));
        editor->saveAndUseButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(page->editor() == nullptr, kHelperTimeout);
        // The new profile is selected once the list has it.
        QTRY_VERIFY_WITH_TIMEOUT(
            page->list()->currentItem() &&
                page->list()->currentItem()->text().startsWith(QLatin1String("Lab")),
            kHelperTimeout);

        QTRY_VERIFY_WITH_TIMEOUT(!endpointWithAddress(QStringLiteral("10.1.1.2")).isEmpty(),
                                 kHelperTimeout);
        const QJsonObject made = endpointWithAddress(QStringLiteral("10.1.1.2"));
        QVERIFY(hasFlag(made, "subflow"));
        QCOMPARE(made.value(QLatin1String("dev")).toString(), QStringLiteral("eth0"));
        QCOMPARE(endpointWithAddress(QStringLiteral("10.1.2.2")), foreign); // never touched
        QTRY_COMPARE_WITH_TIMEOUT(session().profileStatus().active, QStringLiteral("Lab"),
                                  kHelperTimeout);
        QTRY_VERIFY(page->statusView()->toPlainText().contains(QLatin1String("In use: Lab")));
        QVERIFY(page->statusView()->toPlainText().contains(QLatin1String("10.1.1.2 on eth0")));
        QVERIFY(page->select(QStringLiteral("Lab")));
        QVERIFY(!page->useButton()->isEnabled());
        QVERIFY(!page->deleteButton()->isEnabled()); // not while in use

        // The tray's switcher ticks it; "None" stops it and its endpoint goes.
        QMenu* profiles = nullptr;
        for (QAction* action : app_->tray().menu()->actions()) {
            if (action->menu() && action->text().contains(QLatin1String("rofile"))) {
                profiles = action->menu();
            }
        }
        QVERIFY(profiles);
        QTRY_VERIFY(menuAction(profiles, QStringLiteral("Lab")) &&
                    menuAction(profiles, QStringLiteral("Lab"))->isChecked());
        QAction* none = nullptr;
        for (QAction* action : profiles->actions()) {
            if (action->text().startsWith(QLatin1String("&None"))) {
                none = action;
            }
        }
        QVERIFY(none && !none->isChecked());
        none->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(endpointWithAddress(QStringLiteral("10.1.1.2")).isEmpty(),
                                 kHelperTimeout);
        QTRY_VERIFY(session().profileStatus().active.isEmpty());
        QCOMPARE(endpointWithAddress(QStringLiteral("10.1.2.2")), foreign);

        // Deleted after a confirmation.
        QTRY_VERIFY(page->select(QStringLiteral("Lab")) && page->deleteButton()->isEnabled());
        page->deleteButton()->click();
        auto* confirm = page->findChild<QMessageBox*>();
        QVERIFY(confirm);
        confirm->button(QMessageBox::Yes)->click();
        QTRY_VERIFY_WITH_TIMEOUT(!page->select(QStringLiteral("Lab")), kHelperTimeout);
    }

    void editorClosedWhileTheHelperWorks() {
        window().showPage(MainWindow::ProfilesPageIndex);
        ProfilesPage* page = window().profilesPage();
        QTRY_VERIFY(page->newButton()->isEnabled());
        page->newButton()->click();
        QPointer<ProfileEditorDialog> editor = page->editor();
        QVERIFY(editor);
        // A preview (asked on opening) and a save are on their way: close now.
        editor->nameField()->setText(QStringLiteral("Closed early"));
        editor->saveButton()->click();
        editor->reject();
        QTRY_VERIFY(editor.isNull());
        // Their answers arrive for a dialog that is gone; the save still happened.
        QTRY_VERIFY_WITH_TIMEOUT(page->select(QStringLiteral("Closed early")), kHelperTimeout);
        bool deleted = false;
        session().client().deleteProfile(QStringLiteral("Closed early"),
                                         [&deleted](const HelperError& error) {
                                             QVERIFY(!error.isError());
                                             deleted = true;
                                         });
        QTRY_VERIFY_WITH_TIMEOUT(deleted, kHelperTimeout);
    }

    void helperKilledAndBack() {
        QSignalSpy status(&session().client(), &HelperClient::statusChanged);
        const int rowsBefore = session().eventLog().rowCount();
        const QJsonObject killed =
            oracle::request({{QStringLiteral("op"), QStringLiteral("kill-helper")}});
        QVERIFY2(killed.value(QLatin1String("ok")).toBool(),
                 qPrintable(QString::fromUtf8(QJsonDocument(killed).toJson())));

        // It noticed (restarting), and came back by itself, subscribed again.
        QTRY_VERIFY_WITH_TIMEOUT(
            std::any_of(status.begin(), status.end(),
                        [](const QList<QVariant>& arguments) {
                            return arguments.at(0).value<HelperStatus>().availability ==
                                   HelperAvailability::Restarting;
                        }),
            10000);
        QTRY_VERIFY_WITH_TIMEOUT(ready(), kHelperTimeout);
        const QJsonObject helper =
            oracle::request({{QStringLiteral("op"), QStringLiteral("helper-pid")}});
        QVERIFY(helper.value(QLatin1String("pid")).toInt() !=
                killed.value(QLatin1String("pid")).toInt());

        // The log says events may be missing.
        bool marked = false;
        for (int row = rowsBefore; row < session().eventLog().rowCount(); ++row) {
            marked = marked ||
                     session().eventLog().entry(row).event.command == EventCommand::kEventsLost;
        }
        QVERIFY(marked);

        // And events flow again: a new connection is logged.
        const int rowsAfter = session().eventLog().rowCount();
        ask({{QStringLiteral("op"), QStringLiteral("stream")}, {QStringLiteral("rate"), 100000}});
        QTRY_VERIFY_WITH_TIMEOUT(session().eventLog().rowCount() > rowsAfter, kHelperTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(session().connections().connectionCount() >= 2, kHelperTimeout);
    }

    void cleanupTestCase() { app_.reset(); }
};

QTEST_MAIN(TestAppWithHelper)
#include "app_with_helper.moc"
