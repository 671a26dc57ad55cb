// HelperService's profile methods. Like every exported method: validate,
// authorize (org.mptcpmanager.manage-profiles), act, reply. Clients send
// names and typed profiles, never paths; the store builds file names from
// validated names itself.
#include "helper_service.h"

#include "profile_conversions.h"
#include "profile_keeper.h"

#include <QDBusConnection>
#include <QDBusMessage>

namespace {

const QString kManageProfiles = QStringLiteral("org.mptcpmanager.manage-profiles");

QString describe(const mptcp::Error& error) {
    return QString::fromStdString(error.describe());
}

helper::ValidationError invalid(const mptcp::Error& error) {
    return {helper::Refusal::InvalidArgument, error.describe()};
}

} // namespace

void HelperService::setProfileKeeper(ProfileKeeper* keeper) {
    profiles_ = keeper;
    connect(keeper, &ProfileKeeper::keepingChanged, this, &HelperService::rearmIdleTimer);
    connect(keeper, &ProfileKeeper::statusChanged, this, &HelperService::ProfileStatusChanged);
    // An endpoint of the profile deleted by FlushEndpoints or RemoveEndpoint
    // is made again (the profile still wants it); one changed is not ours.
    connect(this, &HelperService::EndpointsChanged, keeper, &ProfileKeeper::endpointsChanged);
}

bool HelperService::keepsProfile() const {
    return profiles_ && profiles_->keepsProfile();
}

bool HelperService::profilesReady() {
    if (profiles_) {
        return true;
    }
    sendErrorReply(QString::fromLatin1(HelperErrors::kUnsupported),
                   QStringLiteral("this helper was started without profile support"));
    return false;
}

ProfileSummaryList HelperService::Profiles() {
    rearmIdleTimer();
    if (!profilesReady()) {
        return {};
    }
    auto list = profiles_->list();
    if (!list) {
        sendErrorReply(QString::fromLatin1(HelperErrors::kKernel), describe(list.error()));
        return {};
    }
    return toRecord(*list);
}

ProfileRecord HelperService::Profile(const QString& name) {
    rearmIdleTimer();
    if (!profilesReady()) {
        return {};
    }
    auto profile = profiles_->load(name.toStdString());
    if (!profile) {
        refuse(invalid(profile.error()));
        return {};
    }
    return toRecord(*profile);
}

ProfileStatusRecord HelperService::ProfileStatus() {
    rearmIdleTimer();
    if (!profilesReady()) {
        return {};
    }
    return toRecord(profiles_->status());
}

ProfilePreviewRecord HelperService::PreviewProfile(const ProfileRecord& record) {
    rearmIdleTimer();
    if (!profilesReady()) {
        return {};
    }
    auto profile = profileFromRecord(record);
    if (profile) {
        if (auto valid = profiles::validateProfile(*profile); !valid) {
            profile = valid.error();
        }
    }
    if (!profile) {
        refuse(invalid(profile.error()));
        return {};
    }
    auto plan = profiles_->preview(*profile);
    if (!plan) {
        sendErrorReply(QString::fromLatin1(HelperErrors::kUnsupported), describe(plan.error()));
        return {};
    }
    return toRecord(*plan);
}

void HelperService::SaveProfile(const ProfileRecord& record) {
    if (!profilesReady()) {
        return;
    }
    auto profile = profileFromRecord(record);
    if (profile) {
        if (auto valid = profiles::validateProfile(*profile); !valid) {
            profile = valid.error();
        } else if (profiles::findBuiltinProfile(profile->name)) {
            profile = mptcp::Error(0, "\"" + profile->name +
                                          "\" is a built-in preset; save your version under "
                                          "another name");
        }
    }
    if (!profile) {
        refuse(invalid(profile.error()));
        return;
    }
    authorizeThen({kManageProfiles}, [this, profile = *profile](const QDBusMessage& call) {
        if (auto saved = profiles_->save(profile); !saved) {
            replyKernelError(call, saved.error());
            return;
        }
        bus_.send(call.createReply());
    });
}

void HelperService::DeleteProfile(const QString& name) {
    if (!profilesReady()) {
        return;
    }
    const std::string text = name.toStdString();
    mptcp::Status deletable = profiles::validateProfileName(text);
    if (deletable && profiles::findBuiltinProfile(text)) {
        deletable = mptcp::Error(0, "\"" + text + "\" is a built-in preset and cannot be deleted");
    } else if (deletable) {
        if (auto existing = profiles_->load(text); !existing && existing.error().code() == ENOENT) {
            deletable = existing.error();
        } else if (profiles_->activeName() == text) {
            deletable = mptcp::Error(0, "\"" + text +
                                            "\" is the active profile; deactivate it "
                                            "first");
        }
    }
    if (!deletable) {
        refuse(invalid(deletable.error()));
        return;
    }
    authorizeThen({kManageProfiles}, [this, text](const QDBusMessage& call) {
        if (auto removed = profiles_->remove(text); !removed) {
            replyKernelError(call, removed.error());
            return;
        }
        bus_.send(call.createReply());
    });
}

void HelperService::ActivateProfile(const QString& name) {
    if (!profilesReady()) {
        return;
    }
    // Read before asking for a password: a name that does not exist, or a
    // profile file that does not parse, is refused at once.
    auto profile = profiles_->load(name.toStdString());
    if (!profile) {
        refuse(invalid(profile.error()));
        return;
    }
    if (!profiles_->available()) {
        refuse({helper::Refusal::Unsupported,
                "this kernel has no MPTCP path manager, so no profile can be applied"});
        return;
    }
    authorizeThen({kManageProfiles}, [this, profile = *profile](const QDBusMessage& call) {
        if (auto activated = profiles_->activate(profile); !activated) {
            replyKernelError(call, activated.error());
            return;
        }
        bus_.send(call.createReply());
        emit EndpointsChanged();
        if (!profile.limits.empty()) {
            emit LimitsChanged();
        }
    });
}

void HelperService::DeactivateProfile() {
    if (!profilesReady()) {
        return;
    }
    authorizeThen({kManageProfiles}, [this](const QDBusMessage& call) {
        if (auto done = profiles_->deactivate(); !done) {
            replyKernelError(call, done.error());
            return;
        }
        bus_.send(call.createReply());
        emit EndpointsChanged();
    });
}
