// FindingModel against crafted Diagnose() answers (rows change one at a time,
// never by a reset; a finding that grows more severe moves, it is not
// removed and inserted) and a finding's fix turned into a typed call.
#include "finding_fix.h"
#include "finding_model.h"

#include <QAbstractItemModelTester>
#include <QDBusVariant>
#include <QSignalSpy>
#include <QTest>

namespace {

FindingRecord finding(const char* id, uint severity, const char* summary = nullptr) {
    FindingRecord record;
    record.id = QString::fromLatin1(id);
    record.severity = severity;
    record.summary = QString::fromLatin1(summary ? summary : id);
    record.why = QStringLiteral("because");
    record.fix = QStringLiteral("do this");
    return record;
}

QString ids(const FindingModel& model) {
    QStringList list;
    for (int row = 0; row < model.rowCount(); ++row) {
        list.append(model.index(row).data(FindingModel::IdRole).toString());
    }
    return list.join(QLatin1Char(','));
}

} // namespace

class TestFindingModel : public QObject {
    Q_OBJECT

private slots:
    void rowsChangeOneByOne() {
        FindingModel model;
        QAbstractItemModelTester tester(&model);
        QSignalSpy reset(&model, &QAbstractItemModel::modelAboutToBeReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        model.setFindings({finding("a", 2), finding("b", 1)});
        QCOMPARE(inserted.count(), 2);
        model.setFindings({finding("a", 2), finding("c", 0), finding("b", 1)});
        QCOMPARE(inserted.count(), 3);
        QCOMPARE(inserted.last().at(1).toInt(), 1);
        QCOMPARE(ids(model), QStringLiteral("a,c,b"));

        FindingRecord reworded = finding("b", 1);
        reworded.why = QStringLiteral("another reason");
        model.setFindings({finding("a", 2), finding("c", 0), reworded});
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.last().at(0).value<QModelIndex>().row(), 2);
        QCOMPARE(model.index(2).data(FindingModel::WhyRole).toString(),
                 QStringLiteral("another reason"));

        model.setFindings({finding("c", 0)});
        QCOMPARE(removed.count(), 2);
        QCOMPARE(ids(model), QStringLiteral("c"));
        QCOMPARE(reset.count(), 0);
    }

    void sameCheckSeveralEndpointsAreSeveralRows() {
        FindingModel model;
        QAbstractItemModelTester tester(&model);
        model.setFindings({finding("endpoint-address-missing", 1, "10.0.0.1 is gone"),
                           finding("endpoint-address-missing", 1, "10.0.0.2 is gone")});
        QCOMPARE(model.rowCount(), 2);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        model.setFindings({finding("endpoint-address-missing", 1, "10.0.0.2 is gone")});
        QCOMPARE(removed.count(), 1);
        QCOMPARE(model.index(0).data().toString(), QStringLiteral("10.0.0.2 is gone"));
    }

    void reorderMovesRows() {
        FindingModel model;
        QAbstractItemModelTester tester(&model);
        model.setFindings({finding("a", 1), finding("b", 1), finding("c", 1)});
        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        model.setFindings({finding("c", 2), finding("a", 1), finding("b", 1)});
        QCOMPARE(ids(model), QStringLiteral("c,a,b"));
        QCOMPARE(moved.count(), 1);
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(removed.count(), 0);
        QCOMPARE(model.index(0).data(FindingModel::SeverityRole).toUInt(), 2u);
    }

    void problemsAreWarningsAndErrors() {
        FindingModel model;
        model.setFindings({finding("a", 0), finding("b", 1), finding("c", 2)});
        QCOMPARE(model.problemCount(), 2);
        QVERIFY(
            model.index(2).data(Qt::AccessibleTextRole).toString().contains(QLatin1String("c")));
    }

    void fixesBecomeTypedCalls() {
        FixActionRecord limits{
            QStringLiteral("SetLimits"),
            {{QStringLiteral("subflows"), 2u}, {QStringLiteral("addAddrAccepted"), 1u}}};
        auto arguments = fixCallArguments(limits);
        QVERIFY(arguments);
        QCOMPARE(arguments->size(), 2);
        QCOMPARE(arguments->at(0).metaType(), QMetaType::fromType<uint>());
        QCOMPARE(arguments->at(0).toUInt(), 2u);
        QCOMPARE(arguments->at(1).toUInt(), 1u);

        FixActionRecord sysctl{QStringLiteral("SetSysctl"),
                               {{QStringLiteral("name"), QStringLiteral("enabled")},
                                {QStringLiteral("value"), QStringLiteral("1")}}};
        arguments = fixCallArguments(sysctl);
        QVERIFY(arguments);
        QCOMPARE(arguments->at(0).toString(), QStringLiteral("enabled"));
        QCOMPARE(arguments->at(1).value<QDBusVariant>().variant().toString(), QStringLiteral("1"));

        // A removal by id alone: the address argument is sent empty.
        FixActionRecord remove{QStringLiteral("RemoveEndpoint"), {{QStringLiteral("id"), 7u}}};
        arguments = fixCallArguments(remove);
        QVERIFY(arguments);
        QCOMPARE(arguments->at(0).toUInt(), 7u);
        QCOMPARE(arguments->at(1).toString(), QString());
    }

    void fixesThatCannotBeCalledAreText() {
        QVERIFY(!fixCallArguments({}));
        QVERIFY(!fixCallArguments({QStringLiteral("FlushEndpoints"), {}}));
        QVERIFY(
            !fixCallArguments({QStringLiteral("SetLimits"), {{QStringLiteral("subflows"), 2u}}}));
        QVERIFY(!fixCallArguments(
            {QStringLiteral("SetEndpointFlags"),
             {{QStringLiteral("id"), QStringLiteral("seven")}, {QStringLiteral("flags"), 4u}}}));
        FindingRecord textOnly = finding("interface-without-default-route", 1);
        FindingModel model;
        model.setFindings({textOnly});
        QVERIFY(!model.index(0).data(FindingModel::HasActionRole).toBool());
    }
};

QTEST_GUILESS_MAIN(TestFindingModel)
#include "test_finding_model.moc"
