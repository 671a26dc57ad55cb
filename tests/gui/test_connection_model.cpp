// ConnectionModel against crafted Connections() answers: connections are
// found by token, subflows by addresses and ports, and every change arrives
// as an insert, a removal or a dataChanged of the changed cells only.
#include "connection_model.h"
#include "throughput_sampler.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

namespace {

SubflowRecord subflow(const char* local, ushort localPort, const char* ifname,
                      qulonglong sent = 0) {
    SubflowRecord record;
    record.localAddress = QString::fromLatin1(local);
    record.localPort = localPort;
    record.remoteAddress = QStringLiteral("10.1.1.1");
    record.remotePort = 5000;
    record.ifname = QString::fromLatin1(ifname);
    record.state = 1;
    record.bytesSent = sent;
    return record;
}

ConnectionRecord connection(uint token, QList<SubflowRecord> subflows) {
    ConnectionRecord record;
    record.localAddress =
        subflows.isEmpty() ? QStringLiteral("10.1.1.2") : subflows.first().localAddress;
    record.localPort = subflows.isEmpty() ? ushort(40000) : subflows.first().localPort;
    record.remoteAddress = QStringLiteral("10.1.1.1");
    record.remotePort = 5000;
    record.state = 1;
    record.token = token;
    record.subflows = std::move(subflows);
    return record;
}

} // namespace

class TestConnectionModel : public QObject {
    Q_OBJECT

private slots:
    void buildsTheTree() {
        ConnectionModel model;
        QAbstractItemModelTester tester(&model);
        model.setConnections({connection(
            0xabc, {subflow("10.1.1.2", 40000, "wlan0"), subflow("10.1.2.2", 40001, "wwan0")})});
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex parent = model.index(0, 0);
        QCOMPARE(model.rowCount(parent), 2);
        QCOMPARE(model.index(1, ConnectionModel::InterfaceColumn, parent).data().toString(),
                 QStringLiteral("wwan0"));
        QCOMPARE(model.index(0, ConnectionModel::InterfaceColumn).data().toString(),
                 QStringLiteral("paths: 2 (wlan0, wwan0)"));
        QCOMPARE(model.connectionCount(), 1);
        QCOMPARE(model.subflowCount(), 2);
        QCOMPARE(model.connectionAt(model.index(1, 0, parent))->token, 0xabcu);
        QCOMPARE(model.index(1, 0, parent).data(ConnectionModel::IsSubflowRole).toBool(), true);
    }

    void newSubflowIsAnInsertUnderItsConnection() {
        ConnectionModel model;
        QAbstractItemModelTester tester(&model);
        model.setConnections({connection(1, {subflow("10.1.1.2", 40000, "wlan0")}),
                              connection(2, {subflow("10.1.1.2", 40002, "wlan0")})});
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelAboutToBeReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        model.setConnections({connection(1, {subflow("10.1.1.2", 40000, "wlan0"),
                                             subflow("10.1.2.2", 40001, "wwan0")}),
                              connection(2, {subflow("10.1.1.2", 40002, "wlan0")})});

        QCOMPARE(reset.count(), 0);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.at(0).at(0).value<QModelIndex>(), model.index(0, 0));
        QCOMPARE(inserted.at(0).at(1).toInt(), 1);
        // The connection's interface list changed, nothing else.
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>(),
                 model.index(0, ConnectionModel::InterfaceColumn));
    }

    void counterTickChangesOnlyThatCell() {
        ConnectionModel model;
        QAbstractItemModelTester tester(&model);
        model.setConnections({connection(1, {subflow("10.1.1.2", 40000, "wlan0", 100)})});
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

        model.setConnections({connection(1, {subflow("10.1.1.2", 40000, "wlan0", 900)})});

        QCOMPARE(inserted.count(), 0);
        QCOMPARE(removed.count(), 0);
        // The subflow's sent bytes, and the connection's (summed from its subflows).
        QCOMPARE(changed.count(), 2);
        QList<QModelIndex> cells;
        for (const auto& arguments : changed) {
            cells.append(arguments.at(0).value<QModelIndex>());
            const auto roles = arguments.at(2).value<QList<int>>();
            QVERIFY(roles.contains(Qt::DisplayRole));
            QVERIFY(!roles.contains(Qt::CheckStateRole));
        }
        QVERIFY(cells.contains(model.index(0, ConnectionModel::SentColumn, model.index(0, 0))));
        QVERIFY(cells.contains(model.index(0, ConnectionModel::SentColumn)));
    }

    void removalKeepsPersistentSubflowIndexesRight() {
        ConnectionModel model;
        QAbstractItemModelTester tester(&model);
        model.setConnections({connection(1, {subflow("10.1.1.2", 40000, "wlan0")}),
                              connection(2, {subflow("10.1.1.2", 40002, "eth0"),
                                             subflow("10.1.2.2", 40003, "wwan0")})});
        const QPersistentModelIndex lte =
            model.index(1, ConnectionModel::InterfaceColumn, model.index(1, 0));
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelAboutToBeReset);

        model.setConnections({connection(
            2, {subflow("10.1.1.2", 40002, "eth0"), subflow("10.1.2.2", 40003, "wwan0")})});

        QCOMPARE(reset.count(), 0);
        QCOMPARE(removed.count(), 1);
        QVERIFY(lte.isValid());
        QCOMPARE(lte.parent().row(), 0);
        QCOMPARE(lte.data().toString(), QStringLiteral("wwan0"));

        // A closed subflow goes alone.
        removed.clear();
        model.setConnections({connection(2, {subflow("10.1.2.2", 40003, "wwan0")})});
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.at(0).at(0).value<QModelIndex>(), model.index(0, 0));
        QCOMPARE(lte.row(), 0);
        QCOMPARE(reset.count(), 0);
    }

    void ratesComeFromTwoSnapshots() {
        ThroughputSampler sampler;
        ConnectionModel model;
        QAbstractItemModelTester tester(&model);
        const auto first = ConnectionList{connection(1, {subflow("10.1.1.2", 40000, "wlan0", 0)})};
        const auto second =
            ConnectionList{connection(1, {subflow("10.1.1.2", 40000, "wlan0", 2048)})};
        sampler.addSnapshot(first, 1000);
        model.setConnections(first);
        model.setRates(sampler);
        QVERIFY(model.index(0, ConnectionModel::RateColumn).data().toString().isEmpty());

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        sampler.addSnapshot(second, 3000); // two seconds apart: 1024 bytes/s
        model.setRates(sampler);
        QCOMPARE(changed.count(), 2); // the subflow's rate and the connection's
        QCOMPARE(
            model.index(0, ConnectionModel::RateColumn).data(ConnectionModel::SortRole).toDouble(),
            1024.0);

        // Cleared: no rate is shown rather than a stale one.
        sampler.clear();
        model.setRates(sampler);
        QVERIFY(model.index(0, ConnectionModel::RateColumn).data().toString().isEmpty());
    }

    void connectionRateIsTheSumOfItsSubflows() {
        ThroughputSampler sampler;
        ConnectionModel model;
        const auto at = [](qulonglong wifi, qulonglong lte) {
            return ConnectionList{connection(1, {subflow("10.1.1.2", 40000, "wlan0", wifi),
                                                 subflow("10.1.2.2", 40001, "wwan0", lte)})};
        };
        sampler.addSnapshot(at(0, 0), 0);
        model.setConnections(at(0, 0));
        sampler.addSnapshot(at(3000, 1000), 1000);
        model.setConnections(at(3000, 1000));
        model.setRates(sampler);
        QCOMPARE(
            model.index(0, ConnectionModel::RateColumn).data(ConnectionModel::SortRole).toDouble(),
            4000.0);
    }
};

QTEST_GUILESS_MAIN(TestConnectionModel)
#include "test_connection_model.moc"
