// NotificationPolicy with a clock the test steps: a storm of 1,000 path
// events makes at most a few notifications, a single event is told in full,
// and switched-off kinds and a pause make none.
#include "event_text.h"
#include "notification_policy.h"

#include <QSignalSpy>
#include <QTest>

namespace {

EventRecord pathEvent(uchar command, uint token, QVariantMap extra = {}) {
    QVariantMap attributes{{QStringLiteral("token"), token},
                           {QStringLiteral("saddr"), QStringLiteral("10.1.2.2")},
                           {QStringLiteral("daddr"), QStringLiteral("10.1.2.1")},
                           {QStringLiteral("dport"), QVariant::fromValue(ushort(5000))}};
    attributes.insert(extra);
    return {command, attributes};
}

} // namespace

class TestNotificationPolicy : public QObject {
    Q_OBJECT

    qint64 now_ = 0;

private slots:
    void init() { now_ = 1'000'000; }

    void stormMakesAFewSummaries() {
        NotificationPolicy policy(nullptr, [this] { return now_; });
        QSignalSpy ready(&policy, &NotificationPolicy::notificationReady);
        // 1,000 events over 10 seconds, in batches of 10 as the helper sends them.
        for (int batch = 0; batch < 100; ++batch) {
            EventList events;
            for (int i = 0; i < 10; ++i) {
                const uchar command =
                    (i % 2) ? EventCommand::kSubflowClosed : EventCommand::kSubflowEstablished;
                events.append(pathEvent(command, uint(batch * 10 + i)));
            }
            policy.addEvents(events);
            now_ += 100;
            policy.flush(); // as if the gather timer fired every time
        }
        QVERIFY2(ready.count() <= NotificationPolicy::kBurstNotifications,
                 qPrintable(QString::number(ready.count())));
        QVERIFY(ready.count() >= 1);
        // Whatever was not told yet waits for the next token, gathered into one.
        QVERIFY(policy.pendingEventCount() > 0);
        now_ += NotificationPolicy::kRefillMilliseconds;
        policy.flush();
        const qsizetype told = ready.count();
        QVERIFY(told <= NotificationPolicy::kBurstNotifications + 1);
        int eventsTold = 0;
        for (const auto& arguments : ready) {
            eventsTold += arguments.at(0).value<Notification>().eventCount;
        }
        QCOMPARE(eventsTold, 1000);
        const auto last = ready.last().at(0).value<Notification>();
        QCOMPARE(last.kind, NotificationKind::PathClosed);
        QVERIFY2(last.body.contains(QLatin1String("paths closed")), qPrintable(last.body));
    }

    void stormWithTheRealTimerStaysBounded() {
        NotificationPolicy policy; // real clock, real gather timer
        QSignalSpy ready(&policy, &NotificationPolicy::notificationReady);
        for (int i = 0; i < 1000; ++i) {
            policy.addEvents({pathEvent(EventCommand::kSubflowEstablished, uint(i))});
        }
        QVERIFY(ready.wait(NotificationPolicy::kGatherMilliseconds * 3));
        QTest::qWait(NotificationPolicy::kGatherMilliseconds * 2);
        QCOMPARE(ready.count(), 1);
        QCOMPARE(ready.first().at(0).value<Notification>().eventCount, 1000);
    }

    void singleEventIsToldInFull() {
        NotificationPolicy policy(nullptr, [this] { return now_; });
        policy.setInterfaceOfAddress([](const QString& address) {
            return address == QLatin1String("10.1.2.2") ? QStringLiteral("wwan0") : QString();
        });
        QSignalSpy ready(&policy, &NotificationPolicy::notificationReady);
        policy.addEvents(
            {pathEvent(EventCommand::kSubflowClosed, 7, {{QStringLiteral("reset_reason"), 5u}})});
        policy.flush();
        QCOMPARE(ready.count(), 1);
        const auto notification = ready.first().at(0).value<Notification>();
        QCOMPARE(notification.kind, NotificationKind::PathClosed);
        QVERIFY2(notification.body.contains(QLatin1String("wwan0")), qPrintable(notification.body));
        QVERIFY2(notification.body.contains(QLatin1String("unacceptable performance")),
                 qPrintable(notification.body));
    }

    void otherEventsAreNotNotifications() {
        NotificationPolicy policy(nullptr, [this] { return now_; });
        QSignalSpy ready(&policy, &NotificationPolicy::notificationReady);
        policy.addEvents({pathEvent(EventCommand::kCreated, 1),
                          pathEvent(EventCommand::kEstablished, 1),
                          pathEvent(EventCommand::kAnnounced, 1)});
        policy.flush();
        QCOMPARE(ready.count(), 0);
    }

    void switchedOffKindsAndPauseAreSilent() {
        NotificationPolicy policy(nullptr, [this] { return now_; });
        QSignalSpy ready(&policy, &NotificationPolicy::notificationReady);
        policy.setKindEnabled(NotificationKind::PathOpened, false);
        policy.addEvents({pathEvent(EventCommand::kSubflowEstablished, 1)});
        policy.flush();
        QCOMPARE(ready.count(), 0);

        policy.setPaused(true);
        policy.addEvents({pathEvent(EventCommand::kSubflowClosed, 1)});
        policy.flush();
        QCOMPARE(ready.count(), 0);

        policy.setPaused(false);
        policy.addEvents({pathEvent(EventCommand::kSubflowPriority, 1,
                                    {{QStringLiteral("backup"), QVariant::fromValue(uchar(1))}})});
        policy.flush();
        QCOMPARE(ready.count(), 1);
        QCOMPARE(ready.first().at(0).value<Notification>().kind, NotificationKind::BackupSwitched);
    }
};

QTEST_GUILESS_MAIN(TestNotificationPolicy)
#include "test_notification_policy.moc"
