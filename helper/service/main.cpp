// mptcp-manager-helper: the only privileged process of MPTCP Manager. Started
// by D-Bus activation, it serves org.mptcpmanager.Helper1 on the system bus
// and exits after an idle period.
#include "apply_journal.h"
#include "configuration.h"
#include "helper_adaptor.h"
#include "helper_service.h"
#include "profile_keeper.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDBusConnection>
#include <QSocketNotifier>
#include <QTimer>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <sys/socket.h>
#include <unistd.h>

namespace {

int signalPipe[2] = {-1, -1};

void onTerminationSignal(int) {
    char byte = 1;
    (void)!write(signalPipe[1], &byte, 1);
}

// SIGTERM and SIGINT end the event loop, so the helper leaves the bus cleanly.
void quitOnTerminationSignals(QCoreApplication& application) {
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, signalPipe) != 0) {
        return;
    }
    auto* notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, &application);
    QObject::connect(notifier, &QSocketNotifier::activated, &application,
                     &QCoreApplication::quit);
    struct sigaction action = {};
    action.sa_handler = onTerminationSignal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
}

// Test only: MPTCP_HELPER_TEST_STEP_DELAY_MS=N makes ApplyConfiguration wait N
// ms (at most 10 s) after each endpoint it removes or adds, so that a test can
// kill the helper between two kernel changes. Only whoever starts the helper
// sets its environment (systemd, the bus), never a caller.
void installTestStepDelay() {
    const char* value = std::getenv("MPTCP_HELPER_TEST_STEP_DELAY_MS");
    if (!value || !*value) {
        return;
    }
    const long milliseconds = std::strtol(value, nullptr, 10);
    if (milliseconds <= 0 || milliseconds > 10'000) {
        return;
    }
    std::fprintf(stderr, "mptcp-manager-helper: test hook: %ld ms after each change\n",
                 milliseconds);
    helper::setInstallStepHook([milliseconds] {
        timespec pause{milliseconds / 1000, (milliseconds % 1000) * 1'000'000};
        while (nanosleep(&pause, &pause) != 0) {
        }
    });
}

// Before serving anyone: undo an ApplyConfiguration that a previous helper
// did not finish (it was killed half-way).
void recoverInterruptedApply(helper::ApplyJournal& journal) {
    if (!journal.enabled()) {
        return;
    }
    auto pathManager = mptcp::PathManager::open();
    if (!pathManager) {
        return; // no MPTCP here: nothing to put back
    }
    const std::string outcome = helper::recoverInterruptedApply(journal, *pathManager);
    if (!outcome.empty()) {
        std::fprintf(stderr, "mptcp-manager-helper: %s\n", outcome.c_str());
    }
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication application(argc, argv);
    application.setApplicationName(QStringLiteral("mptcp-manager-helper"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Privileged helper of MPTCP Manager (org.mptcpmanager.Helper1)."));
    parser.addHelpOption();
    QCommandLineOption idleTimeout(
        QStringLiteral("idle-timeout"),
        QStringLiteral("Exit after SECONDS without calls or subscribers (0: never)."),
        QStringLiteral("SECONDS"), QStringLiteral("60"));
    parser.addOption(idleTimeout);
    // Where profiles live. Only whoever starts the helper chooses (tests do);
    // callers never send paths.
    QCommandLineOption configDir(
        QStringLiteral("config-dir"),
        QStringLiteral("Keep profiles and the active profile's name in DIR."), QStringLiteral("DIR"),
        QString::fromLatin1(profiles::ProfileStore::kDefaultDirectory));
    QCommandLineOption stateDir(
        QStringLiteral("state-dir"),
        QStringLiteral("Keep the ledger of endpoints made for a profile in DIR (a tmpfs)."),
        QStringLiteral("DIR"), QString::fromLatin1(profiles::LedgerFile::kDefaultDirectory));
    QCommandLineOption othersRoot(
        QStringLiteral("other-managers-root"),
        QStringLiteral("Tests: look for mptcpd and NetworkManager under DIR/proc, "
                       "DIR/run/NetworkManager and DIR/etc/NetworkManager."),
        QStringLiteral("DIR"));
    parser.addOption(configDir);
    parser.addOption(stateDir);
    parser.addOption(othersRoot);
    parser.process(application);
    ProfileKeeperOptions profileOptions;
    profileOptions.configDirectory = parser.value(configDir).toStdString();
    profileOptions.stateDirectory = parser.value(stateDir).toStdString();
    if (parser.isSet(othersRoot)) {
        const std::string root = parser.value(othersRoot).toStdString();
        profileOptions.others.processRoot = root + "/proc";
        profileOptions.others.networkManagerRunDirectory = root + "/run/NetworkManager";
        profileOptions.others.connectionDirectories = {root +
                                                       "/etc/NetworkManager/system-connections"};
        profileOptions.others.configurationFiles = {root +
                                                    "/etc/NetworkManager/NetworkManager.conf"};
        profileOptions.others.configurationDirectories = {root + "/etc/NetworkManager/conf.d"};
    }
    bool numeric = false;
    const int idleSeconds = parser.value(idleTimeout).toInt(&numeric);
    if (!numeric || idleSeconds < 0) {
        std::fprintf(stderr, "mptcp-manager-helper: --idle-timeout takes a number of seconds\n");
        return 2;
    }

    registerHelperTypes();
    quitOnTerminationSignals(application);
    installTestStepDelay();
    helper::ApplyJournal journal(helper::ApplyJournal::directoryFromEnvironment());
    recoverInterruptedApply(journal);

    QDBusConnection bus = QDBusConnection::systemBus();
    if (!bus.isConnected()) {
        std::fprintf(stderr, "mptcp-manager-helper: cannot connect to the system bus: %s\n",
                     qPrintable(bus.lastError().message()));
        return 1;
    }
    // Declared first: the service refers to it until the end.
    ProfileKeeper profileKeeper(bus, profileOptions);
    HelperService service(bus, idleSeconds, std::move(journal));
    service.setProfileKeeper(&profileKeeper);
    new HelperAdaptor(&service);
    if (!bus.registerObject(QString::fromLatin1(HelperNames::kPath), &service)) {
        std::fprintf(stderr, "mptcp-manager-helper: cannot export %s\n", HelperNames::kPath);
        return 1;
    }
    if (!bus.registerService(QString::fromLatin1(HelperNames::kService))) {
        std::fprintf(stderr, "mptcp-manager-helper: cannot own %s: %s\n", HelperNames::kService,
                     qPrintable(bus.lastError().message()));
        return 1;
    }
    // Another instance (or the bus) took the name: this one has no purpose left.
    bus.connect(QStringLiteral("org.freedesktop.DBus"), QStringLiteral("/org/freedesktop/DBus"),
                QStringLiteral("org.freedesktop.DBus"), QStringLiteral("NameLost"), &application,
                SLOT(quit()));
    // The bus went away (dbus-daemon stopped or restarted): nobody can reach
    // this helper any more, and a new bus starts a new one. Without this a
    // helper with subscribers would stay forever, holding its netlink socket.
    bus.connect(QString(), QStringLiteral("/org/freedesktop/DBus/Local"),
                QStringLiteral("org.freedesktop.DBus.Local"), QStringLiteral("Disconnected"),
                &application, SLOT(quit()));
    // The active profile (after a restart or a reboot), once serving.
    QTimer::singleShot(0, &profileKeeper, &ProfileKeeper::start);
    const int status = application.exec();
    bus.unregisterService(QString::fromLatin1(HelperNames::kService));
    return status;
}
