// gui_probe: the real app (ManagerApp, as gui/app/main.cpp builds it) with
// stopwatches around it, for bench/run. Built by bench/run against a build
// directory that has the GUI libraries; runs as the granted user against the
// bench's private bus, inside the helper's network namespace.
//
//   gui_probe startup
//       Starts the app and prints one JSON line once the window has painted
//       with the first Connections() answer applied (or after 20 s):
//       milliseconds since $MPTCP_PROBE_T0 (CLOCK_MONOTONIC ns, set by the
//       parent just before it spawned this process) to main(), to the first
//       paint, to the first connections applied, and to the first paint after
//       that; then exits.
//   gui_probe updates
//       Starts the app, waits for its first connections, then measures on the
//       UI thread: a Connections() call and its demarshalling (ConnectionList),
//       the app's handling of that list twice (first fill, then a refresh) as
//       HelperClient::connectionsRead delivers it, and a burst of 1,000 events
//       as HelperClient::eventsReceived delivers them; each followed by the
//       repaint it causes. All of it first on the page the window opens on,
//       then with the Connections page (lists) and the Activity page (events)
//       on screen ("_shown"). A 5 ms heartbeat timer records the longest the
//       UI thread went without serving its event loop. One JSON line; exits.
//   gui_probe profile
//       The 10,000-connection refresh ten times in a row, nothing else: for
//       `perf record` when that figure needs explaining.
#include "helper_client.h"
#include "helper_session.h"
#include "helper_types.h"
#include "main_window.h"
#include "manager_app.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusReply>
#include <QElapsedTimer>
#include <QEvent>
#include <QTimer>
#include <QWidget>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>
#include <string>

namespace {

double monotonicMs() {
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

double sinceT0() {
    static const double t0 = qEnvironmentVariable("MPTCP_PROBE_T0").toDouble() / 1e6;
    return monotonicMs() - t0;
}

// Paint events of the main window's widgets, and a heartbeat for stalls.
class Watcher : public QObject {
public:
    explicit Watcher(QWidget* window) : window_(window) {
        heartbeat_.setInterval(5);
        connect(&heartbeat_, &QTimer::timeout, this, [this] {
            const double now = monotonicMs();
            if (last_ > 0) {
                worstGap_ = std::max(worstGap_, now - last_);
            }
            last_ = now;
        });
    }

    bool eventFilter(QObject* object, QEvent* event) override {
        if (event->type() == QEvent::Paint && object->isWidgetType() &&
            static_cast<QWidget*>(object)->window() == window_) {
            lastPaint = sinceT0();
            if (firstPaint < 0) firstPaint = lastPaint;
            if (dataApplied >= 0 && paintAfterData < 0) paintAfterData = lastPaint;
            ++paints;
        }
        return false;
    }

    void startHeartbeat() {
        last_ = monotonicMs();
        worstGap_ = 0;
        heartbeat_.start();
    }
    double worstGap() const { return worstGap_; }

    double firstPaint = -1, dataApplied = -1, paintAfterData = -1, lastPaint = -1;
    long paints = 0;

private:
    QWidget* window_;
    QTimer heartbeat_;
    double last_ = 0, worstGap_ = 0;
};

// Runs the event loop until `done` or `ms` milliseconds pass.
void spin(const std::function<bool()>& done, int ms) {
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < ms) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    }
}

// Lets posted events, layouts and paints that `ms` of idle time bring happen.
double settle(Watcher& watcher, int ms) {
    const long before = watcher.paints;
    const double start = monotonicMs();
    double lastActivity = start;
    while (monotonicMs() - start < ms) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        if (watcher.paints != before) {
            lastActivity = monotonicMs();
        }
    }
    return lastActivity - start;
}

EventList burst(int count) {
    EventList events;
    static const uchar kCycle[] = {1, 2, 10, 3}; // CREATED ESTABLISHED SUB_ESTABLISHED CLOSED
    for (int i = 0; i < count; ++i) {
        EventRecord event;
        event.command = kCycle[i % 4];
        event.attributes.insert(QStringLiteral("token"), uint(0x10000000u + i / 4));
        event.attributes.insert(QStringLiteral("family"), ushort(2));
        event.attributes.insert(QStringLiteral("saddr"), QStringLiteral("10.1.1.2"));
        event.attributes.insert(QStringLiteral("daddr"), QStringLiteral("10.1.1.1"));
        event.attributes.insert(QStringLiteral("sport"), ushort(20000 + i / 4));
        event.attributes.insert(QStringLiteral("dport"), ushort(5000));
        if (event.command == 10) {
            event.attributes.insert(QStringLiteral("locid"), uchar(1));
            event.attributes.insert(QStringLiteral("remid"), uchar(0));
        }
        events.append(event);
    }
    return events;
}

} // namespace

int main(int argc, char** argv) {
    const double atMain = sinceT0();
    const std::string mode = argc > 1 ? argv[1] : "startup";
    QApplication application(argc, argv);
    QApplication::setApplicationName(QStringLiteral("mptcp-manager"));
    QApplication::setOrganizationName(QStringLiteral("mptcp-manager"));
    QApplication::setApplicationDisplayName(QStringLiteral("MPTCP Manager"));

    ManagerApp app(QDBusConnection::systemBus(), QDBusConnection::sessionBus());
    Watcher watcher(&app.window());
    application.installEventFilter(&watcher);
    HelperSession& session = app.session();
    QObject::connect(&session, &HelperSession::connectionsSampled, &watcher, [&] {
        if (watcher.dataApplied < 0) watcher.dataApplied = sinceT0();
    });
    app.start(false);
    spin([&] { return watcher.paintAfterData >= 0; }, 20000);
    if (mode == "startup") {
        std::printf("{\"main\": %.1f, \"first_paint\": %.1f, \"data_applied\": %.1f, "
                    "\"painted_with_data\": %.1f}\n",
                    atMain, watcher.firstPaint, watcher.dataApplied, watcher.paintAfterData);
        return watcher.paintAfterData >= 0 ? 0 : 1;
    }

    // --- updates -------------------------------------------------------------
    settle(watcher, 500);
    QDBusConnection bus = QDBusConnection::systemBus();
    QDBusMessage call = QDBusMessage::createMethodCall(
        QStringLiteral("org.mptcpmanager.Helper1"), QStringLiteral("/org/mptcpmanager/Helper1"),
        QStringLiteral("org.mptcpmanager.Helper1"), QStringLiteral("Connections"));
    QElapsedTimer timer;
    timer.start();
    QDBusMessage reply = bus.call(call, QDBus::Block, 120000);
    const double callMs = timer.nsecsElapsed() / 1e6;
    timer.restart();
    ConnectionList list = qdbus_cast<ConnectionList>(reply.arguments().value(0));
    const double demarshalMs = timer.nsecsElapsed() / 1e6;
    int subflows = 0;
    for (const auto& connection : list) subflows += static_cast<int>(connection.subflows.size());

    HelperClient& client = session.client();
    if (mode == "profile") {
        // For `perf record`: the refresh alone, again and again, no idling.
        for (int round = 0; round < 10; ++round) {
            for (auto& connection : list) connection.bytesSent += 1000;
            QElapsedTimer handler;
            handler.start();
            emit client.connectionsRead(list);
            std::printf("refresh %d: %.1f ms\n", round, handler.nsecsElapsed() / 1e6);
        }
        return 0;
    }
    auto deliver = [&](const std::function<void()>& emitIt) {
        watcher.startHeartbeat();
        QElapsedTimer handler;
        handler.start();
        emitIt();
        const double handlerMs = handler.nsecsElapsed() / 1e6;
        const double paintMs = settle(watcher, 400);
        return std::make_pair(handlerMs, paintMs);
    };
    // Each figure twice: on the page the window opens on (Endpoints for a new
    // user: the connection tree is not on screen), then with the page that
    // shows the data (Connections, Activity), where the views redraw too.
    auto measure = [&](const char* suffix, int connectionsPage, int eventsPage) {
        if (connectionsPage >= 0) {
            app.window().showPage(connectionsPage);
            settle(watcher, 300);
        }
        // From an empty list (what the app showed until now is dropped first).
        deliver([&] { emit client.connectionsRead(ConnectionList{}); });
        auto [fillMs, fillPaintMs] = deliver([&] { emit client.connectionsRead(list); });
        const double fillGap = watcher.worstGap();
        for (auto& connection : list) {
            connection.bytesSent += 1000;
            for (auto& subflow : connection.subflows) subflow.bytesSent += 500;
        }
        auto [refreshMs, refreshPaintMs] = deliver([&] { emit client.connectionsRead(list); });
        const double refreshGap = watcher.worstGap();
        if (eventsPage >= 0) {
            app.window().showPage(eventsPage);
            settle(watcher, 300);
        }
        const EventList events = burst(1000);
        auto [burstMs, burstPaintMs] = deliver([&] { emit client.eventsReceived(events); });
        const double burstGap = watcher.worstGap();
        std::printf("\"fill%s_ms\": %.1f, \"fill%s_paint_ms\": %.1f, \"fill%s_gap_ms\": %.1f, "
                    "\"refresh%s_ms\": %.1f, \"refresh%s_paint_ms\": %.1f, "
                    "\"refresh%s_gap_ms\": %.1f, \"burst%s_ms\": %.1f, "
                    "\"burst%s_paint_ms\": %.1f, \"burst%s_gap_ms\": %.1f",
                    suffix, fillMs, suffix, fillPaintMs, suffix, fillGap, suffix, refreshMs,
                    suffix, refreshPaintMs, suffix, refreshGap, suffix, burstMs, suffix,
                    burstPaintMs, suffix, burstGap);
    };
    std::printf("{\"connections\": %lld, \"subflows\": %d, \"call_ms\": %.1f, "
                "\"demarshal_ms\": %.1f, ",
                static_cast<long long>(list.size()), subflows, callMs, demarshalMs);
    measure("", -1, -1);
    std::printf(", ");
    measure("_shown", MainWindow::ConnectionsPageIndex, MainWindow::ActivityPageIndex);
    std::printf("}\n");
    return 0;
}
