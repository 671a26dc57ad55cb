// The real app against the real helper as a user polkit refuses (run by
// run_with_helper.py --user denied): the window stays useful read-only, says
// why, offers no control that would fail, and the kernel stays as it was.
#include "doctor_page.h"
#include "endpoints_page.h"
#include "kernel_oracle.h"
#include "limits_page.h"
#include "main_window.h"
#include "manager_app.h"
#include "profiles_page.h"
#include "settings_page.h"
#include "status_banner.h"

#include <QJsonArray>
#include <QListWidget>
#include <QPushButton>
#include <QSlider>
#include <QTest>

#include <unistd.h>

#include <memory>

class TestAppDenied : public QObject {
    Q_OBJECT

    std::unique_ptr<ManagerApp> app_;

private slots:
    void initTestCase() {
        if (!oracle::available()) {
            QSKIP("needs the world of run_with_helper.py (root, namespaces, a test bus)");
        }
        QVERIFY2(geteuid() != 0, "the GUI test must run as an ordinary user");
        QCoreApplication::setOrganizationName(QStringLiteral("mptcp-manager-tests"));
        // Something to show: an endpoint made by someone who may.
        const QJsonObject added = oracle::request(
            {{QStringLiteral("op"), QStringLiteral("ip")},
             {QStringLiteral("args"),
              QJsonArray{QStringLiteral("mptcp"), QStringLiteral("endpoint"), QStringLiteral("add"),
                         QStringLiteral("10.1.2.2"), QStringLiteral("id"), QStringLiteral("5"),
                         QStringLiteral("subflow")}}});
        QVERIFY(added.value(QLatin1String("ok")).toBool());
        app_ = std::make_unique<ManagerApp>(QDBusConnection::systemBus(),
                                            QDBusConnection::sessionBus());
        app_->start(false);
        QTRY_VERIFY_WITH_TIMEOUT(
            app_->session().status().authorization == HelperAuthorization::Denied, 30000);
    }

    void saysWhyItIsReadOnly() {
        StatusBanner* banner = app_->window().banner();
        QTRY_VERIFY(banner->isVisible());
        QVERIFY(banner->content().readOnly);
        QCOMPARE(banner->content().title, QStringLiteral("Read-only"));
        // polkit's own reason is kept.
        QVERIFY(!app_->session().status().denialReason.isEmpty());
        QVERIFY(banner->content().text.contains(app_->session().status().denialReason));
    }

    void stillShowsTheKernelsState() {
        QTRY_VERIFY(app_->session().endpoints().rowOfId(5) >= 0);
        QTRY_VERIFY(app_->session().subflowsLimit().has_value());
        QTRY_COMPARE(int(*app_->session().subflowsLimit()),
                     oracle::kernelLimits().value(QLatin1String("subflows")).toInt());
    }

    void offersNoControlThatWouldFail() {
        MainWindow& window = app_->window();
        QVERIFY(!window.endpointsPage()->addButton()->isEnabled());
        QVERIFY(!window.endpointsPage()->flushButton()->isEnabled());
        QVERIFY(!window.limitsPage()->subflowsSlider()->isEnabled());
        QVERIFY(!window.settingsPage()->editorFor(QStringLiteral("enabled"))->isEnabled());
        const int row = app_->session().endpoints().rowOfId(5);
        QVERIFY(!(app_->session().endpoints().flags(
                      app_->session().endpoints().index(row, EndpointModel::BackupColumn)) &
                  Qt::ItemIsUserCheckable));
    }

    // Profiles and the doctor's findings need no authorization to read;
    // using, editing and fixing do.
    void profilesAndDoctorAreReadOnly() {
        MainWindow& window = app_->window();
        ProfilesPage* profiles = window.profilesPage();
        QTRY_VERIFY(profiles->list()->count() >= 3);
        profiles->list()->setCurrentRow(profiles->list()->count() - 1);
        for (QPushButton* button : {profiles->useButton(), profiles->newButton(),
                                    profiles->editButton(), profiles->deleteButton()}) {
            QVERIFY2(!button->isEnabled(), qPrintable(button->text()));
        }
        // Endpoint 5 has a `subflow` flag and the kernel's default limits
        // allow no announcement: the doctor has something to say.
        QTRY_VERIFY_WITH_TIMEOUT(app_->session().findings().rowCount() > 0, 30000);
        DoctorPage* doctor = window.doctorPage();
        for (int row = 0; row < app_->session().findings().rowCount(); ++row) {
            doctor->list()->setCurrentIndex(doctor->list()->model()->index(row, 0));
            QVERIFY(!doctor->fixButton()->isEnabled());
        }
    }

    void theHelperRefusesAndNothingChanges() {
        const QJsonObject before = oracle::kernelLimits();
        const QJsonArray endpointsBefore = oracle::kernelEndpoints();
        HelperError refusal;
        bool answered = false;
        app_->session().client().setLimits(7, 7, [&](const HelperError& error) {
            refusal = error;
            answered = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(answered, 30000);
        QCOMPARE(refusal.kind, HelperError::Kind::NotAuthorized);
        QCOMPARE(oracle::kernelLimits(), before);
        QCOMPARE(oracle::kernelEndpoints(), endpointsBefore);
    }

    void cleanupTestCase() { app_.reset(); }
};

QTEST_MAIN(TestAppDenied)
#include "app_denied.moc"
