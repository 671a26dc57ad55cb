// EndpointModel against crafted Endpoints() answers: rows change one at a
// time (inserts, removals, dataChanged of the changed cells and roles only),
// never by a reset, and a tick is a request, not a local change.
#include "endpoint.h"
#include "endpoint_model.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

namespace {

EndpointRecord endpoint(uint id, const char* address, uint flags, const char* ifname = "") {
    return {id, QString::fromLatin1(address), 0, QString::fromLatin1(ifname), flags};
}

} // namespace

class TestEndpointModel : public QObject {
    Q_OBJECT

private slots:
    void insertsNewEndpointsWithoutReset() {
        EndpointModel model;
        QAbstractItemModelTester tester(&model);
        QSignalSpy reset(&model, &QAbstractItemModel::modelAboutToBeReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

        model.setEndpoints({endpoint(1, "10.0.0.1", mptcp::kFlagSubflow, "wlan0")});
        model.setEndpoints({endpoint(1, "10.0.0.1", mptcp::kFlagSubflow, "wlan0"),
                            endpoint(2, "10.0.0.2", mptcp::kFlagSignal)});

        QCOMPARE(reset.count(), 0);
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(inserted.at(1).at(1).toInt(), 1); // the second one went to row 1
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, EndpointModel::InterfaceColumn).data().toString(),
                 QStringLiteral("wlan0"));
        QCOMPARE(model.index(1, EndpointModel::InterfaceColumn).data().toString(),
                 QStringLiteral("any"));
        QCOMPARE(model.index(1, EndpointModel::SignalColumn).data(Qt::CheckStateRole).toInt(),
                 int(Qt::Checked));
        QCOMPARE(model.rowOfId(2), 1);
    }

    void flagChangeSignalsOnlyThatCell() {
        EndpointModel model;
        QAbstractItemModelTester tester(&model);
        model.setEndpoints({endpoint(1, "10.0.0.1", mptcp::kFlagSubflow),
                            endpoint(2, "10.0.0.2", mptcp::kFlagSubflow)});
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelAboutToBeReset);

        model.setEndpoints({endpoint(1, "10.0.0.1", mptcp::kFlagSubflow),
                            endpoint(2, "10.0.0.2", mptcp::kFlagSubflow | mptcp::kFlagBackup)});

        QCOMPARE(reset.count(), 0);
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(removed.count(), 0);
        QCOMPARE(changed.count(), 1);
        const auto topLeft = changed.at(0).at(0).value<QModelIndex>();
        const auto bottomRight = changed.at(0).at(1).value<QModelIndex>();
        QCOMPARE(topLeft, model.index(1, EndpointModel::BackupColumn));
        QCOMPARE(bottomRight, topLeft);
        const auto roles = changed.at(0).at(2).value<QList<int>>();
        QVERIFY(roles.contains(Qt::CheckStateRole));
        QVERIFY(!roles.contains(Qt::DisplayRole));

        // The same answer again changes nothing at all.
        changed.clear();
        model.setEndpoints({endpoint(1, "10.0.0.1", mptcp::kFlagSubflow),
                            endpoint(2, "10.0.0.2", mptcp::kFlagSubflow | mptcp::kFlagBackup)});
        QCOMPARE(changed.count(), 0);
    }

    void removesVanishedRowsAndKeepsTheIndex() {
        EndpointModel model;
        QAbstractItemModelTester tester(&model);
        model.setEndpoints(
            {endpoint(1, "10.0.0.1", 2), endpoint(2, "10.0.0.2", 2), endpoint(3, "10.0.0.3", 2)});
        const QPersistentModelIndex third = model.index(2, EndpointModel::AddressColumn);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelAboutToBeReset);

        model.setEndpoints({endpoint(1, "10.0.0.1", 2), endpoint(3, "10.0.0.3", 2)});

        QCOMPARE(reset.count(), 0);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.at(0).at(1).toInt(), 1);
        QCOMPARE(third.row(), 1);
        QCOMPARE(third.data().toString(), QStringLiteral("10.0.0.3"));
        QCOMPARE(model.rowOfId(3), 1);
        QCOMPARE(model.rowOfId(2), -1);

        // A replaced set: both goes and comes, still without a reset.
        model.setEndpoints({endpoint(7, "10.0.0.7", 1)});
        QCOMPARE(reset.count(), 0);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.rowOfId(7), 0);
    }

    void tickRequestsAChangeWithoutChangingTheRow() {
        EndpointModel model;
        model.setEndpoints({endpoint(4, "10.0.0.4", mptcp::kFlagSubflow | mptcp::kFlagFullmesh)});
        const QModelIndex backup = model.index(0, EndpointModel::BackupColumn);

        // Read-only: nothing is checkable, nothing is requested.
        QSignalSpy requested(&model, &EndpointModel::flagsChangeRequested);
        QVERIFY(!(model.flags(backup) & Qt::ItemIsUserCheckable));
        QVERIFY(!model.setData(backup, Qt::Checked, Qt::CheckStateRole));
        QCOMPARE(requested.count(), 0);

        model.setEditable(true);
        QVERIFY(model.flags(backup) & Qt::ItemIsUserCheckable);
        QVERIFY(
            !(model.flags(model.index(0, EndpointModel::SubflowColumn)) & Qt::ItemIsUserCheckable));
        model.setData(backup, Qt::Checked, Qt::CheckStateRole);
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.at(0).at(0).toUInt(), 4u);
        // Only the changeable bits go to SetEndpointFlags.
        QCOMPARE(requested.at(0).at(1).toUInt(), uint(mptcp::kFlagBackup | mptcp::kFlagFullmesh));
        QCOMPARE(backup.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    }

    void fullmeshIsNotOfferedOnSignalEndpoints() {
        EndpointModel model;
        model.setEditable(true);
        model.setEndpoints({endpoint(5, "10.0.0.5", mptcp::kFlagSignal)});
        QVERIFY(!(model.flags(model.index(0, EndpointModel::FullmeshColumn)) &
                  Qt::ItemIsUserCheckable));
    }

    void flagCellsSayTheirStateInWords() {
        EndpointModel model;
        model.setEndpoints({endpoint(1, "10.0.0.1", mptcp::kFlagBackup)});
        const QString text =
            model.index(0, EndpointModel::BackupColumn).data(Qt::AccessibleTextRole).toString();
        QVERIFY2(text.contains(QStringLiteral("on")), qPrintable(text));
        QVERIFY(!model.index(0, EndpointModel::BackupColumn)
                     .data(Qt::ToolTipRole)
                     .toString()
                     .isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestEndpointModel)
#include "test_endpoint_model.moc"
