// Asks polkit, over its documented D-Bus API, whether the caller of a D-Bus
// message may perform an action. Asynchronous: the helper keeps serving other
// callers while one sees a password prompt. Any polkit error or timeout is a
// denial.
//
// Checks are queued: at most kMaxInFlight wait for polkit at once, at most
// kMaxInFlightPerCaller of them for one caller, the rest wait here in order.
// The system bus lets one connection wait for at most 128 replies
// (max_replies_per_connection) and answers any call beyond that at once with
// LimitsExceeded; without the queue, a burst of calls (or a caller keeping
// password prompts open) turned into refusals for callers polkit allows.
#pragma once

#include <QDBusConnection>
#include <QDBusMessage>
#include <QObject>
#include <QStringList>

#include <QHash>

#include <functional>
#include <list>

class PolkitAuthorizer : public QObject {
    Q_OBJECT
public:
    // `authorized` is false on denial; `reason` then says why in words.
    using Decision = std::function<void(bool authorized, const QString& reason)>;

    PolkitAuthorizer(QDBusConnection bus, QObject* parent = nullptr);

    // Checks every action in turn (all must be granted). The subject is the
    // caller's unique bus name taken from `call`, never a PID.
    void check(const QDBusMessage& call, const QStringList& actions, Decision decision);

    // How long a user may take to answer a password prompt.
    static constexpr int kTimeoutMilliseconds = 5 * 60 * 1000;
    static constexpr int kMaxInFlight = 64;
    static constexpr int kMaxInFlightPerCaller = 8;

    // Requests waiting for polkit, and waiting for their turn (for tests).
    int inFlight() const { return inFlight_; }
    int queued() const { return static_cast<int>(queue_.size()); }

private:
    struct Request {
        QString caller;
        bool interactive = false;
        QStringList actions;
        Decision decision;
    };

    void startQueued();
    void checkNext(Request request);
    void finish(Request& request, bool authorized, const QString& reason);

    QDBusConnection bus_;
    std::list<Request> queue_;
    int inFlight_ = 0;
    QHash<QString, int> inFlightPerCaller_;
    bool starting_ = false;
};
