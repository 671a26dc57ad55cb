// HelperClient's reads and changes of the doctor and of profiles.
#include "finding_fix.h"
#include "helper_client.h"
#include "helper_proxy.h"

#include <QDBusPendingReply>

void HelperClient::refreshDiagnosis() {
    if (!beginRead(DiagnosisRead)) {
        return;
    }
    watch(proxy_->Diagnose(), [this](const QDBusPendingCall& call) {
        QDBusPendingReply<FindingList> reply = call;
        if (reply.isError()) {
            onReadFailed(DiagnosisRead, HelperError::fromDBus(reply.error()));
        } else {
            onReachable();
            emit diagnosisRead(reply.value());
        }
        endRead(DiagnosisRead);
    });
}

void HelperClient::refreshProfiles() {
    if (!beginRead(ProfilesRead)) {
        return;
    }
    watch(proxy_->Profiles(), [this](const QDBusPendingCall& call) {
        QDBusPendingReply<ProfileSummaryList> reply = call;
        if (reply.isError()) {
            onReadFailed(ProfilesRead, HelperError::fromDBus(reply.error()));
        } else {
            onReachable();
            emit profilesRead(reply.value());
        }
        endRead(ProfilesRead);
    });
}

void HelperClient::refreshProfileStatus() {
    if (!beginRead(ProfileStatusRead)) {
        return;
    }
    watch(proxy_->ProfileStatus(), [this](const QDBusPendingCall& call) {
        QDBusPendingReply<ProfileStatusRecord> reply = call;
        if (reply.isError()) {
            onReadFailed(ProfileStatusRead, HelperError::fromDBus(reply.error()));
        } else {
            onReachable();
            emit profileStatusRead(reply.value());
        }
        endRead(ProfileStatusRead);
    });
}

void HelperClient::readProfile(const QString& name, ProfileCompletion done) {
    watch(proxy_->Profile(name), [done = std::move(done)](const QDBusPendingCall& call) {
        QDBusPendingReply<ProfileRecord> reply = call;
        if (reply.isError()) {
            done(HelperError::fromDBus(reply.error()), {});
        } else {
            done({}, reply.value());
        }
    });
}

void HelperClient::previewProfile(const ProfileRecord& profile, PreviewCompletion done) {
    watch(proxy_->PreviewProfile(profile), [done = std::move(done)](const QDBusPendingCall& call) {
        QDBusPendingReply<ProfilePreviewRecord> reply = call;
        if (reply.isError()) {
            done(HelperError::fromDBus(reply.error()), {});
        } else {
            done({}, reply.value());
        }
    });
}

void HelperClient::runFix(const FindingRecord& finding, Completion done) {
    done = orNothing(std::move(done));
    const auto arguments = fixCallArguments(finding.action);
    if (!arguments) {
        HelperError error;
        error.kind = HelperError::Kind::InvalidArgument;
        error.message = tr("This problem has no fix the helper can make; follow the steps shown.");
        emit changeFailed(tr("Fix \"%1\"").arg(finding.summary), error);
        done(error);
        return;
    }
    change(finding.action.method, *arguments, tr("Fix \"%1\"").arg(finding.summary),
           [this, done = std::move(done)](const QDBusPendingCall&, const HelperError& error) {
               // A fix may have changed any of these, and no signal tells of sysctls.
               refreshSysctls();
               refreshKernelSupport();
               refreshDiagnosis();
               done(error);
           });
}

void HelperClient::saveProfile(const ProfileRecord& profile, Completion done) {
    change(QStringLiteral("SaveProfile"), {QVariant::fromValue(profile)},
           tr("Save profile \"%1\"").arg(profile.name),
           [this, done = orNothing(std::move(done))](const QDBusPendingCall&,
                                                     const HelperError& error) {
               refreshProfiles();
               done(error);
           });
}

void HelperClient::deleteProfile(const QString& name, Completion done) {
    change(QStringLiteral("DeleteProfile"), {name}, tr("Delete profile \"%1\"").arg(name),
           [this, done = orNothing(std::move(done))](const QDBusPendingCall&,
                                                     const HelperError& error) {
               refreshProfiles();
               done(error);
           });
}

void HelperClient::activateProfile(const QString& name, Completion done) {
    change(QStringLiteral("ActivateProfile"), {name}, tr("Use profile \"%1\"").arg(name),
           [this, done = orNothing(std::move(done))](const QDBusPendingCall&,
                                                     const HelperError& error) {
               refreshProfiles();
               refreshProfileStatus();
               done(error);
           });
}

void HelperClient::deactivateProfile(Completion done) {
    change(QStringLiteral("DeactivateProfile"), {}, tr("Stop using the profile"),
           [this, done = orNothing(std::move(done))](const QDBusPendingCall&,
                                                     const HelperError& error) {
               refreshProfiles();
               refreshProfileStatus();
               done(error);
           });
}
