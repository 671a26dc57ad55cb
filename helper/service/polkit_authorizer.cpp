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
    if (actions.isEmpty()) {
        decision(true, {});
        return;
    }
    queue_.push_back(
        {call.service(), call.isInteractiveAuthorizationAllowed(), actions, std::move(decision)});
    startQueued();
}

void PolkitAuthorizer::startQueued() {
    if (starting_) {
        return; // a decision made while starting: the loop below goes on
    }
    starting_ = true;
    for (auto it = queue_.begin(); it != queue_.end() && inFlight_ < kMaxInFlight;) {
        if (inFlightPerCaller_.value(it->caller) >= kMaxInFlightPerCaller) {
            ++it;
            continue;
        }
        Request request = std::move(*it);
        it = queue_.erase(it);
        ++inFlight_;
        ++inFlightPerCaller_[request.caller];
        checkNext(std::move(request));
    }
    starting_ = false;
}

void PolkitAuthorizer::finish(Request& request, bool authorized, const QString& reason) {
    --inFlight_;
    auto count = inFlightPerCaller_.find(request.caller);
    if (count != inFlightPerCaller_.end() && --count.value() <= 0) {
        inFlightPerCaller_.erase(count);
    }
    Decision decision = std::move(request.decision);
    decision(authorized, reason);
    startQueued();
}

void PolkitAuthorizer::checkNext(Request request) {
    const QString action = request.actions.takeFirst();
    PolkitSubject subject{QStringLiteral("system-bus-name"),
                          {{QStringLiteral("name"), request.caller}}};
    QDBusMessage message =
        QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.PolicyKit1"),
                                       QStringLiteral("/org/freedesktop/PolicyKit1/Authority"),
                                       QStringLiteral("org.freedesktop.PolicyKit1.Authority"),
                                       QStringLiteral("CheckAuthorization"));
    message << QVariant::fromValue(subject) << action
            << QVariant::fromValue(QMap<QString, QString>{})
            << uint(request.interactive ? kAllowUserInteraction : 0) << QString();
    auto* watcher =
        new QDBusPendingCallWatcher(bus_.asyncCall(message, kTimeoutMilliseconds), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, watcher, action, request = std::move(request)]() mutable {
                watcher->deleteLater();
                QDBusPendingReply<PolkitResult> reply = *watcher;
                if (reply.isError()) {
                    finish(request, false,
                           QStringLiteral("polkit could not decide (%1), so the request "
                                          "was refused; check that polkitd is running")
                               .arg(reply.error().message()));
                    return;
                }
                if (!reply.value().isAuthorized) {
                    finish(
                        request, false,
                        QStringLiteral("not authorized for %1%2")
                            .arg(action, reply.value().isChallenge
                                             ? QStringLiteral(": authentication is required, and "
                                                              "the call did not allow interactive "
                                                              "authorization")
                                             : QStringLiteral(": ask an administrator, or sign in "
                                                              "as a user allowed to manage "
                                                              "MPTCP")));
                    return;
                }
                if (request.actions.isEmpty()) {
                    finish(request, true, {});
                    return;
                }
                checkNext(std::move(request)); // the next action, same slot
            });
}
