// The real app on a system bus where no helper is installed (run by
// run_with_helper.py --no-helper): it says so in words, offers to retry, and
// keeps every control that would need the helper switched off.
#include "doctor_page.h"
#include "endpoints_page.h"
#include "kernel_oracle.h"
#include "limits_page.h"
#include "main_window.h"
#include "manager_app.h"
#include "status_banner.h"
#include "tray_icon.h"

#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QTest>

#include <memory>

class TestAppWithoutHelper : public QObject {
    Q_OBJECT

private slots:
    void saysTheHelperIsMissing() {
        if (!oracle::available()) {
            QSKIP("needs the world of run_with_helper.py (root, namespaces, a test bus)");
        }
        QCoreApplication::setOrganizationName(QStringLiteral("mptcp-manager-tests"));
        ManagerApp app(QDBusConnection::systemBus(), QDBusConnection::sessionBus());
        app.start(false);
        QTRY_COMPARE_WITH_TIMEOUT(app.session().status().availability, HelperAvailability::Absent,
                                  30000);
        StatusBanner* banner = app.window().banner();
        QTRY_VERIFY(banner->isVisible());
        QCOMPARE(banner->content().severity, BannerContent::Severity::Error);
        QCOMPARE(banner->content().action, BannerContent::Action::Retry);
        QVERIFY2(banner->content().text.contains(QLatin1String("not installed")),
                 qPrintable(banner->content().text));
        QVERIFY(!app.window().endpointsPage()->addButton()->isEnabled());
        QVERIFY(!app.window().limitsPage()->subflowsSlider()->isEnabled());
        QVERIFY(app.tray().toolTip().contains(QLatin1String("not available")));
        // The doctor does not claim all is well when it could not look.
        QVERIFY2(app.window().doctorPage()->verdict()->text().contains(
                     QLatin1String("nothing was checked")),
                 qPrintable(app.window().doctorPage()->verdict()->text()));
    }
};

QTEST_MAIN(TestAppWithoutHelper)
#include "app_without_helper.moc"
