// Asks polkit, over its documented D-Bus API, whether the caller of a D-Bus
// message may perform an action. Asynchronous: the helper keeps serving other
// callers while one sees a password prompt. Any polkit error or timeout is a
// denial.
#pragma once

#include <QDBusConnection>
#include <QDBusMessage>
#include <QObject>
#include <QStringList>

#include <functional>

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

private:
    void checkNext(const QString& caller, bool interactive, QStringList actions,
                   Decision decision);

    QDBusConnection bus_;
};
