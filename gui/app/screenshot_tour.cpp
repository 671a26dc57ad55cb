#include "screenshot_tour.h"

#include "add_endpoint_dialog.h"
#include "endpoints_page.h"
#include "main_window.h"
#include "manager_app.h"
#include "profile_editor_dialog.h"
#include "profiles_page.h"
#include "state_icons.h"

#include <QDir>
#include <QPainter>
#include <QPushButton>
#include <QTimer>

#include <cstdio>

namespace {

// Time for data and the chart: connections are sampled once a second.
constexpr int kPageSettleMilliseconds = 1500;
constexpr int kChartSettleMilliseconds = 12000;
constexpr int kReadyPollMilliseconds = 200;
constexpr int kReadyTimeoutMilliseconds = 15000;

} // namespace

ScreenshotTour::ScreenshotTour(ManagerApp& app, QString directory, QObject* parent)
    : QObject(parent), app_(app), directory_(std::move(directory)) {}

void ScreenshotTour::start() {
    QDir().mkpath(directory_);
    MainWindow& window = app_.window();
    // File names are fixed (English) so that scripts can find them.
    const QStringList names{QStringLiteral("endpoints"), QStringLiteral("limits"),
                            QStringLiteral("profiles"),  QStringLiteral("connections"),
                            QStringLiteral("activity"),  QStringLiteral("doctor"),
                            QStringLiteral("settings")};
    static_assert(MainWindow::PageCount == 7, "name every page's screenshot");
    // MPTCP_SCREENSHOT_PAGES=endpoints,limits narrows the tour (and leaves
    // out the dialog and the icons); MPTCP_SCREENSHOT_PREFIX names the files.
    const QStringList wanted =
        qEnvironmentVariable("MPTCP_SCREENSHOT_PAGES").split(QLatin1Char(','), Qt::SkipEmptyParts);
    const QString prefix = qEnvironmentVariable("MPTCP_SCREENSHOT_PREFIX");
    for (int page = 0; page < MainWindow::PageCount; ++page) {
        if (!wanted.isEmpty() && !wanted.contains(names[page])) {
            continue;
        }
        steps_.append({0, [&window, page] { window.showPage(page); }});
        const int settle = page == MainWindow::ConnectionsPageIndex ? kChartSettleMilliseconds
                                                                    : kPageSettleMilliseconds;
        steps_.append({settle, [this, &window, page, names, prefix] {
                           save(&window, prefix + QStringLiteral("%1-%2")
                                                      .arg(page + 1, 2, 10, QLatin1Char('0'))
                                                      .arg(names[page]));
                       }});
    }
    if (!wanted.isEmpty()) {
        waitForHelper(0);
        return;
    }
    steps_.append({0, [&window] {
                       window.showPage(MainWindow::EndpointsPageIndex);
                       window.endpointsPage()->openAddDialog();
                   }});
    steps_.append({kPageSettleMilliseconds, [this, &window] {
                       if (AddEndpointDialog* dialog = window.endpointsPage()->addDialog()) {
                           save(dialog, QStringLiteral("08-add-endpoint"));
                           dialog->reject();
                       }
                   }});
    steps_.append({0, [&window] {
                       window.showPage(MainWindow::ProfilesPageIndex);
                       window.profilesPage()->newButton()->click();
                   }});
    steps_.append({kPageSettleMilliseconds, [this, &window] {
                       if (ProfileEditorDialog* editor = window.profilesPage()->editor()) {
                           save(editor, QStringLiteral("09-profile-editor"));
                           editor->reject();
                       }
                   }});
    steps_.append({0, [this] { saveTrayIcons(QStringLiteral("10-tray-icons")); }});
    waitForHelper(0);
}

void ScreenshotTour::waitForHelper(int waited) {
    // Pages are shot once the helper answered and events flow (or it never will).
    const HelperClient& client = app_.session().client();
    const bool ready =
        client.status().availability == HelperAvailability::Running &&
        (client.isSubscribed() || client.status().authorization == HelperAuthorization::Denied);
    const bool hopeless =
        client.status().availability == HelperAvailability::Absent && waited >= 3000;
    if (ready || hopeless || waited >= kReadyTimeoutMilliseconds) {
        QTimer::singleShot(kPageSettleMilliseconds, this, &ScreenshotTour::next);
        return;
    }
    QTimer::singleShot(kReadyPollMilliseconds, this,
                       [this, waited] { waitForHelper(waited + kReadyPollMilliseconds); });
}

void ScreenshotTour::next() {
    if (steps_.isEmpty()) {
        emit finished(allSaved_);
        return;
    }
    const Step step = steps_.takeFirst();
    QTimer::singleShot(step.delayMilliseconds, this, [this, step] {
        step.action();
        next();
    });
}

void ScreenshotTour::save(QWidget* widget, const QString& name) {
    const QString path = directory_ + QLatin1Char('/') + name + QStringLiteral(".png");
    const bool saved = widget->grab().save(path);
    allSaved_ = allSaved_ && saved;
    std::fprintf(stderr, "%s %s\n", saved ? "saved" : "FAILED to save", qPrintable(path));
}

void ScreenshotTour::saveTrayIcons(const QString& name) {
    struct State {
        TrayCondition condition;
        bool doctor;
        QString label;
    };
    const QList<State> states{
        {TrayCondition::Off, false, tr("Off")},
        {TrayCondition::Idle, false, tr("Idle")},
        {TrayCondition::Active, false, tr("Active (3 paths)")},
        {TrayCondition::Degraded, false, tr("Degraded")},
        {TrayCondition::Idle, true, tr("Doctor found a problem")},
    };
    constexpr int kCell = 160;
    QImage image(kCell * static_cast<int>(states.size()), kCell + 80, QImage::Format_ARGB32);
    image.fill(QColor(0xde, 0xe2, 0xe6));
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    int x = 0;
    for (const auto& [condition, doctor, label] : states) {
        const QIcon icon = stateIcon(condition, 3, doctor);
        painter.drawPixmap(x + 16, 8, icon.pixmap(128, 128));
        // The sizes a tray really uses, on a light and on a dark panel.
        painter.fillRect(x + 16, kCell - 20, 60, 30, QColor(0xf5, 0xf5, 0xf5));
        painter.fillRect(x + 84, kCell - 20, 60, 30, QColor(0x30, 0x30, 0x30));
        painter.drawPixmap(x + 35, kCell - 16, icon.pixmap(22, 22));
        painter.drawPixmap(x + 103, kCell - 16, icon.pixmap(22, 22));
        painter.setPen(Qt::black);
        painter.drawText(QRect(x, kCell + 20, kCell, 40), Qt::AlignCenter, label);
        x += kCell;
    }
    painter.end();
    const QString path = directory_ + QLatin1Char('/') + name + QStringLiteral(".png");
    const bool saved = image.save(path);
    allSaved_ = allSaved_ && saved;
    std::fprintf(stderr, "%s %s\n", saved ? "saved" : "FAILED to save", qPrintable(path));
}
