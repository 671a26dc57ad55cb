#include "polkit_authorizer.h"

#include <QDBusArgument>
#include <QDBusMetaType>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>

namespace {

// polkit's Subject: (sa{sv})
struct PolkitSubject {
    QString kind;
    QVariantMap details;
};

// polkit's AuthorizationResult: (bba{ss})
struct PolkitResult {
    bool isAuthorized = false;
    bool isChallenge = false;
    QMap<QString, QString> details;
};

QDBusArgument& operator<<(QDBusArgument& argument, const PolkitSubject& subject) {
    argument.beginStructure();
    argument << subject.kind << subject.details;
    argument.endStructure();
    return argument;
}

const QDBusArgument& operator>>(const QDBusArgument& argument, PolkitSubject& subject) {
    argument.beginStructure();
    argument >> subject.kind >> subject.details;
    argument.endStructure();
    return argument;
}

QDBusArgument& operator<<(QDBusArgument& argument, const PolkitResult& result) {
    argument.beginStructure();
    argument << result.isAuthorized << result.isChallenge << result.details;
    argument.endStructure();
    return argument;
}

const QDBusArgument& operator>>(const QDBusArgument& argument, PolkitResult& result) {
    argument.beginStructure();
    argument >> result.isAuthorized >> result.isChallenge >> result.details;
    argument.endStructure();
    return argument;
}

// CheckAuthorization flag: let polkit ask the user for a password.
constexpr uint kAllowUserInteraction = 0x1;

} // namespace

Q_DECLARE_METATYPE(PolkitSubject)
Q_DECLARE_METATYPE(PolkitResult)

PolkitAuthorizer::PolkitAuthorizer(QDBusConnection bus, QObject* parent)
    : QObject(parent), bus_(std::move(bus)) {
    qDBusRegisterMetaType<PolkitSubject>();
    qDBusRegisterMetaType<PolkitResult>();
    qDBusRegisterMetaType<QMap<QString, QString>>();
}

void PolkitAuthorizer::check(const QDBusMessage& call, const QStringList& actions,
                             Decision decision) {
    checkNext(call.service(), call.isInteractiveAuthorizationAllowed(), actions,
              std::move(decision));
}

void PolkitAuthorizer::checkNext(const QString& caller, bool interactive, QStringList actions,
                                 Decision decision) {
    if (actions.isEmpty()) {
        decision(true, {});
        return;
    }
    const QString action = actions.takeFirst();
    PolkitSubject subject{QStringLiteral("system-bus-name"),
                          {{QStringLiteral("name"), caller}}};
    QDBusMessage request = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.PolicyKit1"),
        QStringLiteral("/org/freedesktop/PolicyKit1/Authority"),
        QStringLiteral("org.freedesktop.PolicyKit1.Authority"),
        QStringLiteral("CheckAuthorization"));
    request << QVariant::fromValue(subject) << action
            << QVariant::fromValue(QMap<QString, QString>{})
            << uint(interactive ? kAllowUserInteraction : 0) << QString();
    auto* watcher =
        new QDBusPendingCallWatcher(bus_.asyncCall(request, kTimeoutMilliseconds), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, watcher, caller, interactive, action, actions,
             decision = std::move(decision)]() mutable {
                watcher->deleteLater();
                QDBusPendingReply<PolkitResult> reply = *watcher;
                if (reply.isError()) {
                    decision(false, QStringLiteral("polkit could not decide (%1), so the request "
                                                   "was refused; check that polkitd is running")
                                        .arg(reply.error().message()));
                    return;
                }
                if (!reply.value().isAuthorized) {
                    decision(false,
                             QStringLiteral("not authorized for %1%2")
                                 .arg(action,
                                      reply.value().isChallenge
                                          ? QStringLiteral(": authentication is required, and "
                                                           "the call did not allow interactive "
                                                           "authorization")
                                          : QStringLiteral(": ask an administrator, or sign in "
                                                           "as a user allowed to manage "
                                                           "MPTCP")));
                    return;
                }
                checkNext(caller, interactive, actions, std::move(decision));
            });
}
