#include "helper_profile_client.h"

#include "helper_proxy.h"
#include "profile_conversions.h"

#include <QDBusMessage>
#include <QDBusPendingReply>

namespace mptcpctl {

namespace {

mptcp::Error fromDBus(const QDBusError& error) {
    return mptcp::Error(0, error.message().toStdString());
}

class HelperProfileClient final : public ProfileClient {
public:
    explicit HelperProfileClient(QDBusConnection bus)
        : bus_(bus), proxy_(QString::fromLatin1(HelperNames::kService),
                            QString::fromLatin1(HelperNames::kPath), bus) {
        // Long enough for a person to answer polkit's password prompt.
        proxy_.setTimeout(5 * 60 * 1000);
    }

    mptcp::Result<std::vector<profiles::ProfileSummary>> list() override {
        QDBusPendingReply<ProfileSummaryList> reply = proxy_.Profiles();
        reply.waitForFinished();
        if (reply.isError()) {
            return fromDBus(reply.error());
        }
        return fromRecord(reply.value());
    }
    mptcp::Result<profiles::Profile> load(const std::string& name) override {
        QDBusPendingReply<ProfileRecord> reply = proxy_.Profile(QString::fromStdString(name));
        reply.waitForFinished();
        if (reply.isError()) {
            return fromDBus(reply.error());
        }
        return profileFromRecord(reply.value());
    }
    mptcp::Status save(const profiles::Profile& profile) override {
        return interactive(QStringLiteral("SaveProfile"), {QVariant::fromValue(toRecord(profile))});
    }
    mptcp::Status remove(const std::string& name) override {
        return interactive(QStringLiteral("DeleteProfile"), {QString::fromStdString(name)});
    }
    mptcp::Status activate(const std::string& name) override {
        return interactive(QStringLiteral("ActivateProfile"), {QString::fromStdString(name)});
    }
    mptcp::Status deactivate() override {
        return interactive(QStringLiteral("DeactivateProfile"), {});
    }
    mptcp::Result<profiles::ProfileStatus> status() override {
        QDBusPendingReply<ProfileStatusRecord> reply = proxy_.ProfileStatus();
        reply.waitForFinished();
        if (reply.isError()) {
            return fromDBus(reply.error());
        }
        return fromRecord(reply.value());
    }

private:
    // As in helper_backend.cpp: changing calls allow interactive
    // authorization, which the generated proxy cannot ask for.
    mptcp::Status interactive(const QString& method, const QList<QVariant>& arguments) {
        QDBusMessage call = QDBusMessage::createMethodCall(proxy_.service(), proxy_.path(),
                                                           proxy_.interface(), method);
        call.setArguments(arguments);
        call.setInteractiveAuthorizationAllowed(true);
        QDBusMessage reply = bus_.call(call, QDBus::Block, proxy_.timeout());
        if (reply.type() == QDBusMessage::ErrorMessage) {
            return fromDBus(QDBusError(reply));
        }
        return {};
    }

    QDBusConnection bus_;
    HelperProxy proxy_;
};

} // namespace

std::unique_ptr<ProfileClient> makeHelperProfileClient(QDBusConnection bus) {
    return std::make_unique<HelperProfileClient>(bus);
}

} // namespace mptcpctl
