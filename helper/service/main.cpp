// mptcp-manager-helper: the only privileged process of MPTCP Manager. Started
// by D-Bus activation, it serves org.mptcpmanager.Helper1 on the system bus
// and exits after an idle period.
#include "helper_adaptor.h"
#include "helper_service.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDBusConnection>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
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
    parser.process(application);
    bool numeric = false;
    const int idleSeconds = parser.value(idleTimeout).toInt(&numeric);
    if (!numeric || idleSeconds < 0) {
        std::fprintf(stderr, "mptcp-manager-helper: --idle-timeout takes a number of seconds\n");
        return 2;
    }

    registerHelperTypes();
    quitOnTerminationSignals(application);

    QDBusConnection bus = QDBusConnection::systemBus();
    if (!bus.isConnected()) {
        std::fprintf(stderr, "mptcp-manager-helper: cannot connect to the system bus: %s\n",
                     qPrintable(bus.lastError().message()));
        return 1;
    }
    HelperService service(bus, idleSeconds);
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
    const int status = application.exec();
    bus.unregisterService(QString::fromLatin1(HelperNames::kService));
    return status;
}
