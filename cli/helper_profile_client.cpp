#include "helper_profile_client.h"

#include "helper_calls.h"
#include "helper_proxy.h"
#include "profile_conversions.h"

#include <QDBusMessage>
#include <QDBusPendingReply>

namespace mptcpctl {

namespace {

class HelperProfileClient final : public ProfileClient {
public:
    explicit HelperProfileClient(QDBusConnection bus)
        : proxy_(QString::fromLatin1(HelperNames::kService),
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
    mptcp::Status interactive(const QString& method, const QList<QVariant>& arguments) {
        return callInteractive(proxy_, method, arguments);
    }

    HelperProxy proxy_;
};

} // namespace

std::unique_ptr<ProfileClient> makeHelperProfileClient(QDBusConnection bus) {
    return std::make_unique<HelperProfileClient>(bus);
}

} // namespace mptcpctl
