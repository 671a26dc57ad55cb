// The Profiles page's and the editor's texts from crafted helper answers:
// each part appears only when there is something to say, names from the
// network are escaped, and the last pass ages.
#include "endpoint.h"
#include "profile_text.h"

#include <QTest>

class TestProfileText : public QObject {
    Q_OBJECT

private slots:
    void endpointsReadAsSentences() {
        QCOMPARE(profileEndpointText({0, QStringLiteral("10.0.0.2"), 0, QStringLiteral("wlan0"),
                                      mptcp::kFlagSubflow | mptcp::kFlagBackup}),
                 QStringLiteral("10.0.0.2 on wlan0 (Open paths, Backup)"));
        QVERIFY(profileEndpointText({0, QStringLiteral("2001:db8::1"), 8080, QString(), 0})
                    .startsWith(QStringLiteral("[2001:db8::1]:8080")));
    }

    void noProfileSaysSo() {
        const QString html = profileStatusHtml({}, QDateTime::currentDateTimeUtc());
        QVERIFY(html.contains(QLatin1String("No profile is in use")));
    }

    void statusListsWhatThereIs() {
        ProfileStatusRecord status;
        status.active = QStringLiteral("Laptop <home>");
        status.healthy = false;
        status.errors = {QStringLiteral("adding 10.0.0.9: the kernel refused")};
        status.managed = {{5, QStringLiteral("10.0.0.2"), 0, QStringLiteral("wl0"), 2}};
        status.skipped = {{QStringLiteral("10.0.0.3"), QStringLiteral("ww0"), 2,
                           QStringLiteral("no-carrier"),
                           QStringLiteral("10.0.0.3 on ww0: the link has no carrier")}};
        const QDateTime now = QDateTime::fromSecsSinceEpoch(1000000, Qt::UTC);
        status.lastPass = now.toSecsSinceEpoch() - 12;
        const QString html = profileStatusHtml(status, now);
        QVERIFY2(html.contains(QLatin1String("Laptop &lt;home&gt;")), qPrintable(html));
        QVERIFY(html.contains(QLatin1String("with errors")));
        QVERIFY(html.contains(QLatin1String("the kernel refused")));
        QVERIFY(html.contains(QLatin1String("10.0.0.2 on wl0")));
        QVERIFY(html.contains(QLatin1String("no carrier")));
        QVERIFY(html.contains(QLatin1String("12 s ago")));
        QVERIFY(html.contains(QLatin1String("nothing to change")));
        QVERIFY2(!html.contains(QLatin1String("Waiting for their link")), qPrintable(html));
        QVERIFY(!html.contains(QLatin1String("no longer managed")));
    }

    void previewSaysWhatWouldHappen() {
        ProfilePreviewRecord preview;
        QVERIFY(profilePreviewHtml(preview).contains(QLatin1String("Nothing would change")));
        preview.adds = {{0, QStringLiteral("10.0.0.2"), 0, QStringLiteral("wl0"), 2}};
        preview.changes = {{3, QStringLiteral("10.0.0.4"), 0, QStringLiteral("ww0"), 6}};
        const QString html = profilePreviewHtml(preview);
        QVERIFY(html.contains(QLatin1String("Would add")));
        QVERIFY(html.contains(QLatin1String("Would change")));
        QVERIFY(!html.contains(QLatin1String("Would delete")));
        QVERIFY(!html.contains(QLatin1String("Nothing would change")));
    }
};

QTEST_GUILESS_MAIN(TestProfileText)
#include "test_profile_text.moc"
