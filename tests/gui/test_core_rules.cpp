// The small pure rules of the app core: tray state, throughput, limit
// warnings, the banner, the endpoint form's checks, interface kinds from a
// fake sysfs, and the autostart entry.
#include "autostart_entry.h"
#include "endpoint.h"
#include "endpoint_input.h"
#include "event_text.h"
#include "limits_advice.h"
#include "network_interfaces.h"
#include "status_banner_text.h"
#include "sysctl_catalog.h"
#include "throughput_sampler.h"
#include "tray_state.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {

HelperStatus runningStatus() {
    HelperStatus status;
    status.availability = HelperAvailability::Running;
    status.supportKnown = true;
    status.support = {true, true, QStringLiteral("kernel"), 8, 8};
    return status;
}

ConnectionRecord connectionWith(QList<bool> backups) {
    ConnectionRecord connection;
    connection.token = 1;
    ushort port = 40000;
    for (bool backup : backups) {
        SubflowRecord subflow;
        subflow.localAddress = QStringLiteral("10.0.0.2");
        subflow.localPort = port++;
        subflow.remoteAddress = QStringLiteral("10.0.0.1");
        subflow.remotePort = 80;
        subflow.backup = backup;
        connection.subflows.append(subflow);
    }
    return connection;
}

void writeFile(const QString& path, const QByteArray& text) {
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}

} // namespace

class TestCoreRules : public QObject {
    Q_OBJECT

private slots:
    void trayIsOffIdleActiveDegraded() {
        TrayState tray;
        HelperStatus status = runningStatus();
        status.support.enabled = false;
        tray.setStatus(status);
        QCOMPARE(tray.summary(0).condition, TrayCondition::Off);

        tray.setStatus(runningStatus());
        QCOMPARE(tray.summary(0).condition, TrayCondition::Idle);

        tray.setConnections({connectionWith({false, true}), connectionWith({false})});
        TraySummary summary = tray.summary(0);
        QCOMPARE(summary.condition, TrayCondition::Active);
        QCOMPARE(summary.connections, 2);
        QCOMPARE(summary.subflows, 3);
        QVERIFY(trayToolTip(summary).contains(QLatin1String("Connections: 2")));
        QVERIFY(trayToolTip(summary).contains(QLatin1String("paths: 3")));

        // A backup took over.
        tray.setConnections({connectionWith({true})});
        QCOMPARE(tray.summary(0).condition, TrayCondition::Degraded);

        // A path failed: degraded for a while, then not.
        tray.setConnections({connectionWith({false})});
        tray.addEvents({{EventCommand::kSubflowClosed,
                         {{QStringLiteral("saddr"), QStringLiteral("10.0.0.3")},
                          {QStringLiteral("reset_reason"), 6u}}}},
                       1000);
        summary = tray.summary(2000);
        QCOMPARE(summary.condition, TrayCondition::Degraded);
        QVERIFY(summary.reason.contains(QLatin1String("middlebox")));
        QCOMPARE(tray.summary(1000 + TrayState::kFailureMemoryMilliseconds + 1).condition,
                 TrayCondition::Active);

        // A clean close is not a failure.
        TrayState clean;
        clean.setStatus(runningStatus());
        clean.addEvents({{EventCommand::kSubflowClosed, {}}}, 0);
        QCOMPARE(clean.summary(1).condition, TrayCondition::Idle);
    }

    void trayCarriesTheDoctorsBadge() {
        TrayState tray;
        tray.setStatus(runningStatus());
        QCOMPARE(tray.summary(0).problems, 0);
        QVERIFY(!trayToolTip(tray.summary(0)).contains(QLatin1String("Doctor")));
        tray.setDoctor(1, QStringLiteral("MPTCP is turned off."));
        QCOMPARE(tray.summary(0).problems, 1);
        QVERIFY(
            trayToolTip(tray.summary(0)).contains(QLatin1String("Doctor: MPTCP is turned off.")));
        tray.setDoctor(3, QStringLiteral("Paths per connection: 0."));
        QVERIFY(trayToolTip(tray.summary(0)).contains(QLatin1String("3 problems")));
        // Without a helper nobody diagnoses: no stale badge.
        HelperStatus absent = runningStatus();
        absent.availability = HelperAvailability::Absent;
        tray.setStatus(absent);
        QCOMPARE(tray.summary(0).problems, 0);
    }

    void throughputFromCounters() {
        ThroughputSampler sampler;
        ConnectionRecord connection = connectionWith({false, false});
        const auto rateOf = [&](int subflow) {
            const auto rate = sampler.rate(SubflowKey::of(connection.subflows[subflow]));
            return rate ? *rate : Throughput{-1, -1};
        };
        connection.subflows[0].bytesSent = 1000;
        sampler.addSnapshot({connection}, 0);
        QVERIFY(!sampler.rate(SubflowKey::of(connection.subflows[0])));
        // Too soon after the first answer: no rate from a few milliseconds.
        connection.subflows[0].bytesSent = 3000;
        connection.subflows[1].bytesReceived = 500;
        sampler.addSnapshot({connection}, 100);
        QVERIFY(!sampler.rate(SubflowKey::of(connection.subflows[0])));
        sampler.addSnapshot({connection}, 1000);
        QCOMPARE(rateOf(0).sentPerSecond, 2000.0);
        QCOMPARE(rateOf(1).receivedPerSecond, 500.0);
        QCOMPARE(sampler.rate(connection).value_or(Throughput{}).total(), 2500.0);
        // A burst right after keeps the rate measured over the longer interval.
        connection.subflows[0].bytesSent = 900000;
        sampler.addSnapshot({connection}, 1050);
        QCOMPARE(rateOf(0).sentPerSecond, 2000.0);
        // A counter that went back is a new socket: no made-up rate.
        connection.subflows[0].bytesSent = 10;
        sampler.addSnapshot({connection}, 2000);
        QCOMPARE(rateOf(0).sentPerSecond, 0.0);
        // Closed subflows are forgotten.
        sampler.addSnapshot({}, 3000);
        QVERIFY(sampler.rates().isEmpty());
        // Cleared (the live view closed): the next answer is a baseline, not
        // a rate averaged over the time nobody looked.
        sampler.addSnapshot({connection}, 4000);
        sampler.clear();
        connection.subflows[0].bytesSent = 50000;
        sampler.addSnapshot({connection}, 600000);
        QVERIFY(!sampler.rate(SubflowKey::of(connection.subflows[0])));
        connection.subflows[0].bytesSent = 52000;
        sampler.addSnapshot({connection}, 601000);
        QCOMPARE(rateOf(0).sentPerSecond, 2000.0);
    }

    void limitsWarnWhenTheyCannotWork() {
        LimitsFacts facts;
        facts.endpoints = {{1, QStringLiteral("10.0.0.2"), 0, {}, mptcp::kFlagSubflow},
                           {2, QStringLiteral("10.0.0.3"), 0, {}, mptcp::kFlagSubflow}};
        facts.subflows = 0;
        QStringList warnings = limitsWarnings(facts);
        QCOMPARE(warnings.size(), 1);
        QVERIFY(warnings[0].contains(QLatin1String("is 0")));

        facts.subflows = 1;
        warnings = limitsWarnings(facts);
        QCOMPARE(warnings.size(), 1);
        QVERIFY(warnings[0].contains(
            QLatin1String("Only 1 of the endpoints that open paths (2 in all)")));

        facts.subflows = 2;
        QVERIFY(limitsWarnings(facts).isEmpty());

        facts.addressesAnnouncedByPeers = 3;
        warnings = limitsWarnings(facts);
        QCOMPARE(warnings.size(), 1);
        QVERIFY(warnings[0].contains(QLatin1String("3 so far")));
    }

    void bannerSaysWhyItIsReadOnly() {
        QCOMPARE(bannerFor(runningStatus()).severity, BannerContent::Severity::None);

        HelperStatus denied = runningStatus();
        denied.authorization = HelperAuthorization::Denied;
        denied.denialReason = QStringLiteral("polkit said no");
        BannerContent banner = bannerFor(denied);
        QVERIFY(banner.readOnly);
        QVERIFY(banner.text.contains(QLatin1String("polkit said no")));
        QVERIFY(!denied.canChangeSettings());

        HelperStatus off = runningStatus();
        off.support.enabled = false;
        banner = bannerFor(off);
        QCOMPARE(banner.action, BannerContent::Action::EnableMptcp);
        QVERIFY(off.canChangeSettings());
        QVERIFY(!off.canChangePathManager());

        HelperStatus absent;
        absent.availability = HelperAvailability::Absent;
        absent.absentReason = QStringLiteral("Not installed.");
        banner = bannerFor(absent);
        QCOMPARE(banner.severity, BannerContent::Severity::Error);
        QVERIFY(banner.text.startsWith(QLatin1String("Not installed.")));

        HelperStatus kernel = runningStatus();
        kernel.kernelError = QStringLiteral("the kernel said: Invalid argument");
        banner = bannerFor(kernel);
        QCOMPARE(banner.text, kernel.kernelError);
        QVERIFY(!banner.readOnly);
    }

    void endpointFormUsesTheHelpersRules() {
        EndpointCheck check =
            checkEndpointInput({QStringLiteral("10.0.0.2"), {}, {}, {}, mptcp::kFlagSubflow});
        QVERIFY2(check.problem.isEmpty(), qPrintable(check.problem));
        QCOMPARE(check.endpoint.address, QStringLiteral("10.0.0.2"));

        check = checkEndpointInput({QStringLiteral("10.0.0."), {}, {}, {}, mptcp::kFlagSubflow});
        QVERIFY(check.problem.contains(QLatin1String("not an IPv4 or IPv6 address")));
        check = checkEndpointInput({QStringLiteral("127.0.0.1"), {}, {}, {}, 2});
        QVERIFY(check.problem.contains(QLatin1String("loopback")));
        check = checkEndpointInput(
            {QStringLiteral("10.0.0.2"), QStringLiteral("80"), {}, {}, mptcp::kFlagSubflow});
        QVERIFY(check.problem.contains(QLatin1String("port")));
        check = checkEndpointInput(
            {QStringLiteral("10.0.0.2"), {}, {}, {}, mptcp::kFlagSignal | mptcp::kFlagFullmesh});
        QVERIFY(check.problem.contains(QLatin1String("fullmesh")));
        check = checkEndpointInput({QStringLiteral("10.0.0.2"), {}, {}, QStringLiteral("300"), 1});
        QVERIFY(check.problem.contains(QLatin1String("out of range")));
        check = checkEndpointInput(
            {QStringLiteral("10.0.0.2"), {}, QStringLiteral("no-such-if0"), {}, 2});
        QVERIFY(check.problem.contains(QLatin1String("no interface")));
        check = checkEndpointInput({QStringLiteral("10.0.0.2"), {}, {}, {}, 0});
        QVERIFY(check.problem.isEmpty());
        QVERIFY(!check.hint.isEmpty());
    }

    void interfaceKindsFromSysfs() {
        QTemporaryDir sysfs;
        const QString root = sysfs.path();
        writeFile(root + QStringLiteral("/wlp2s0/type"), "1\n");
        writeFile(root + QStringLiteral("/wlp2s0/uevent"), "DEVTYPE=wlan\nINTERFACE=wlp2s0\n");
        writeFile(root + QStringLiteral("/wlan1/type"), "1\n");
        writeFile(root + QStringLiteral("/wlan1/phy80211/name"), "phy1\n");
        writeFile(root + QStringLiteral("/wwan0/type"), "65534\n");
        writeFile(root + QStringLiteral("/wwan0/uevent"), "DEVTYPE=wwan\n");
        writeFile(root + QStringLiteral("/enp3s0/type"), "1\n");
        writeFile(root + QStringLiteral("/enp3s0/uevent"), "INTERFACE=enp3s0\n");
        writeFile(root + QStringLiteral("/br0/type"), "1\n");
        writeFile(root + QStringLiteral("/br0/uevent"), "DEVTYPE=bridge\n");
        writeFile(root + QStringLiteral("/lo/type"), "772\n");

        QCOMPARE(interfaceKind(root, QStringLiteral("wlp2s0")), InterfaceKind::WiFi);
        QCOMPARE(interfaceKind(root, QStringLiteral("wlan1")), InterfaceKind::WiFi);
        QCOMPARE(interfaceKind(root, QStringLiteral("wwan0")), InterfaceKind::MobileBroadband);
        QCOMPARE(interfaceKind(root, QStringLiteral("enp3s0")), InterfaceKind::Ethernet);
        QCOMPARE(interfaceKind(root, QStringLiteral("br0")), InterfaceKind::Other);

        const QList<NetworkInterface> interfaces = listNetworkInterfaces(root);
        QStringList names;
        for (const auto& interface : interfaces) {
            names.append(interface.name);
        }
        // Loopback left out; Wi-Fi, then Ethernet, then mobile, then the rest.
        QCOMPARE(names, (QStringList{QStringLiteral("wlan1"), QStringLiteral("wlp2s0"),
                                     QStringLiteral("enp3s0"), QStringLiteral("wwan0"),
                                     QStringLiteral("br0")}));
    }

    void autostartEntryComesAndGoes() {
        QTemporaryDir config;
        AutostartEntry entry(config.path() + QStringLiteral("/autostart"));
        QVERIFY(!entry.isEnabled());
        QString error;
        QVERIFY2(entry.setEnabled(true, QStringLiteral("/opt/my apps/mptcp-manager"), &error),
                 qPrintable(error));
        QVERIFY(entry.isEnabled());
        QFile file(entry.path());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY(text.contains(QLatin1String("Exec=\"/opt/my apps/mptcp-manager\" --minimized")));
        QVERIFY(entry.setEnabled(false, {}));
        QVERIFY(!entry.isEnabled());
    }

    void everySysctlHasWords() {
        const QList<SysctlEntry> entries = sysctlEntries();
        QVERIFY(!entries.isEmpty());
        QCOMPARE(entries.first().name, QStringLiteral("enabled"));
        QCOMPARE(entries.first().type, SysctlEntry::Type::OnOff);
        for (const auto& entry : entries) {
            QVERIFY2(!entry.explanation.isEmpty(), qPrintable(entry.name));
            QVERIFY2(entry.title != entry.name, qPrintable(entry.name));
        }
        const QVariantMap values{
            {QStringLiteral("scheduler"), QStringLiteral("default")},
            {QStringLiteral("available_schedulers"), QStringLiteral("default bpf_burst")}};
        for (const auto& entry : entries) {
            if (entry.name == QLatin1String("scheduler")) {
                QCOMPARE(sysctlChoices(entry, values),
                         (QStringList{QStringLiteral("default"), QStringLiteral("bpf_burst")}));
            }
        }
        QVERIFY(
            !choiceExplanation(QStringLiteral("scheduler"), QStringLiteral("default")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCoreRules)
#include "test_core_rules.moc"
