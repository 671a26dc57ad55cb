// The event log: batches appended in one insert, the oldest rows trimmed in
// one removal, pause holding events back, "events lost" markers that no
// filter hides, and exports that keep every field.
#include "event_filter_model.h"
#include "event_log_export.h"
#include "event_log_model.h"
#include "event_text.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

namespace {

EventRecord makeEvent(uchar command, uint token, const char* source = "10.0.0.2") {
    return {command,
            {{QStringLiteral("token"), token},
             {QStringLiteral("saddr"), QString::fromLatin1(source)},
             {QStringLiteral("sport"), QVariant::fromValue(ushort(40000))},
             {QStringLiteral("daddr"), QStringLiteral("10.1.1.1")},
             {QStringLiteral("dport"), QVariant::fromValue(ushort(5000))}}};
}

EventList burst(int count) {
    EventList events;
    for (int i = 0; i < count; ++i) {
        events.append(makeEvent(EventCommand::kSubflowEstablished, uint(i)));
    }
    return events;
}

} // namespace

class TestEventLog : public QObject {
    Q_OBJECT

private slots:
    void appendsABatchInOneInsert() {
        EventLogModel model;
        QAbstractItemModelTester tester(&model);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelAboutToBeReset);
        model.addEvents(burst(1000));
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.at(0).at(2).toInt(), 999);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(model.index(0, EventLogModel::EventColumn).data().toString(),
                 eventTitle(EventCommand::kSubflowEstablished));
        QCOMPARE(model.index(0, EventLogModel::LocalColumn).data().toString(),
                 QStringLiteral("10.0.0.2:40000"));
    }

    void trimsTheOldestWhenFull() {
        EventLogModel model(nullptr, 100);
        QAbstractItemModelTester tester(&model);
        model.addEvents(burst(80));
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        model.addEvents(burst(50));
        QCOMPARE(model.rowCount(), 100);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.at(0).at(2).toInt(), 29); // rows 0..29 went
        // A batch bigger than the log keeps its newest part.
        model.addEvents(burst(250));
        QCOMPARE(model.rowCount(), 100);
        QCOMPARE(model.index(99, EventLogModel::ConnectionColumn).data().toString(),
                 QStringLiteral("000000f9"));
    }

    void pauseHoldsEventsBack() {
        EventLogModel model;
        QSignalSpy held(&model, &EventLogModel::heldCountChanged);
        model.setPaused(true);
        model.addEvents(burst(5));
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.heldCount(), 5);
        QCOMPARE(held.last().at(0).toInt(), 5);
        model.setPaused(false);
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.heldCount(), 0);
    }

    void pauseOverflowIsToldAsLost() {
        EventLogModel model(nullptr, 10);
        model.setPaused(true);
        model.addEvents(burst(15));
        model.setPaused(false);
        QCOMPARE(model.rowCount(), 10);
        // The first row says how many did not fit: 5, and 1 more for the marker's place.
        QVERIFY(model.index(0, 0).data(EventLogModel::IsLostRole).toBool());
        QVERIFY(model.index(0, EventLogModel::DetailsColumn)
                    .data()
                    .toString()
                    .endsWith(QLatin1String(": 6.")));
    }

    void lostMarkersPassEveryFilter() {
        EventLogModel model;
        EventFilterModel filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester tester(&filter);
        model.addEvents({makeEvent(EventCommand::kCreated, 1), makeEvent(EventCommand::kCreated, 2),
                         EventRecord{EventCommand::kEventsLost, {}},
                         makeEvent(EventCommand::kSubflowClosed, 1)});
        model.addLostMarker(QStringLiteral("helper restarted"));
        QCOMPARE(filter.rowCount(), 5);

        filter.setToken(1u);
        QCOMPARE(filter.rowCount(), 4); // two of connection 1, two markers
        filter.setCommand(EventCommand::kSubflowClosed);
        QCOMPARE(filter.rowCount(), 3);
        QCOMPARE(filter.index(0, 0).data(EventLogModel::IsLostRole).toBool(), true);
        QVERIFY(filter.index(0, EventLogModel::EventColumn)
                    .data()
                    .toString()
                    .contains(eventTitle(EventCommand::kEventsLost)));
        filter.setToken(std::nullopt);
        filter.setCommand(std::nullopt);
        QCOMPARE(filter.rowCount(), 5);
    }

    void exportsKeepTheFields() {
        const QDateTime when =
            QDateTime::fromString(QStringLiteral("2024-05-01T10:00:00.000"), Qt::ISODateWithMs);
        EventRecord closed = makeEvent(EventCommand::kSubflowClosed, 0xbeef);
        closed.attributes.insert(QStringLiteral("reset_reason"), 3u);
        const QList<LogEntry> entries{
            {when, closed, {}},
            {when, EventRecord{EventCommand::kEventsLost, {}}, QStringLiteral("a, \"b\"")}};

        const QString csv = QString::fromUtf8(eventLogToCsv(entries));
        const QStringList lines = csv.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines[1].contains(QLatin1String("SF_CLOSED")));
        QVERIFY(lines[1].contains(QLatin1String("0000beef")));
        QVERIFY(lines[1].contains(QLatin1String("administratively prohibited")));
        QVERIFY(lines[2].contains(QLatin1String("EVENTS_LOST")));
        QVERIFY(lines[2].contains(QLatin1String("\"a, \"\"b\"\"\"")));

        const QJsonArray json = QJsonDocument::fromJson(eventLogToJson(entries)).array();
        QCOMPARE(json.size(), 2);
        const QJsonObject first = json[0].toObject();
        QCOMPARE(first[QLatin1String("type")].toString(), QStringLiteral("SF_CLOSED"));
        QCOMPARE(first[QLatin1String("attributes")].toObject()[QLatin1String("token")].toInteger(),
                 0xbeef);
        QCOMPARE(first[QLatin1String("attributes")].toObject()[QLatin1String("sport")].toInteger(),
                 40000);
        QCOMPARE(json[1].toObject()[QLatin1String("events_lost")].toBool(), true);
    }
};

QTEST_GUILESS_MAIN(TestEventLog)
#include "test_event_log.moc"
