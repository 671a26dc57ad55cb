// mptcp-manager: the desktop app and tray icon of MPTCP Manager.
#include "main_window.h"
#include "manager_app.h"
#include "screenshot_tour.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDBusConnection>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace {

void installTranslations(QApplication& application) {
    auto* qt = new QTranslator(&application);
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QApplication::installTranslator(qt);
    }
    // Built into the executable (see gui/CMakeLists.txt).
    auto* own = new QTranslator(&application);
    if (own->load(QLocale(), QStringLiteral("mptcp-manager"), QStringLiteral("_"),
                  QStringLiteral(":/i18n"))) {
        QApplication::installTranslator(own);
    }
}

} // namespace

int main(int argc, char** argv) {
    QApplication application(argc, argv);
    QApplication::setApplicationName(QStringLiteral("mptcp-manager"));
    QApplication::setOrganizationName(QStringLiteral("mptcp-manager"));
    QApplication::setApplicationDisplayName(QStringLiteral("MPTCP Manager"));
    QApplication::setApplicationVersion(QStringLiteral(MPTCP_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("mptcp-manager"));
    installTranslations(application);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Multipath TCP paths, limits and live connections."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption minimized(QStringLiteral("minimized"),
                                 QApplication::translate("main", "Start in the system tray."));
    parser.addOption(minimized);
    parser.process(application);

    ManagerApp app(QDBusConnection::systemBus(), QDBusConnection::sessionBus());
    QObject::connect(&app, &ManagerApp::quitRequested, &application, &QApplication::quit);
    // Closing the window quits only when there is no tray to live in.
    QApplication::setQuitOnLastWindowClosed(!app.hasTray());

    const QString screenshots = qEnvironmentVariable("MPTCP_SCREENSHOT_DIR");
    if (!screenshots.isEmpty()) {
        app.start(false);
        auto* tour = new ScreenshotTour(app, screenshots, &app);
        QObject::connect(tour, &ScreenshotTour::finished, &application,
                         [](bool saved) { QApplication::exit(saved ? 0 : 1); });
        tour->start();
        return application.exec();
    }
    app.start(parser.isSet(minimized) || AppSettings().startMinimized());
    return application.exec();
}
