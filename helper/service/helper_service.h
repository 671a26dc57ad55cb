// The privileged side of org.mptcpmanager.Helper1. Every exported method
// (PascalCase, called through the generated adaptor) reads: validate the
// arguments, authorize the caller with polkit, act on the kernel, reply.
#pragma once

#include "apply_journal.h"
#include "helper_types.h"
#include "monitor_relay.h"
#include "path_manager.h"
#include "polkit_authorizer.h"
#include "profile_types.h"
#include "validation.h"

#include <QDBusContext>
#include <QDBusVariant>
#include <QObject>
#include <QTimer>

#include <functional>
#include <optional>

class ProfileKeeper;

class HelperService : public QObject, protected QDBusContext {
    Q_OBJECT
    Q_PROPERTY(KernelSupportInfo KernelSupport READ kernelSupport)

public:
    // idleSeconds 0: never exit for idleness. ApplyConfiguration records
    // what it replaces in `journal` while it runs (see apply_journal.h).
    HelperService(QDBusConnection bus, int idleSeconds, helper::ApplyJournal journal,
                  QObject* parent = nullptr);

    KernelSupportInfo kernelSupport() const;
    // Serves the profile methods through `keeper` (which outlives this);
    // while it keeps a profile, the helper does not exit for idleness.
    void setProfileKeeper(ProfileKeeper* keeper);

public slots:
    EndpointList Endpoints();
    uint AddEndpoint(const QString& address, ushort port, const QString& ifname, uint id,
                     uint flags);
    void RemoveEndpoint(uint id, const QString& address);
    void SetEndpointFlags(uint id, uint flags);
    void FlushEndpoints();
    uint Limits(uint& addAddrAccepted);
    void SetLimits(uint subflows, uint addAddrAccepted);
    void ApplyConfiguration(const EndpointList& endpoints, uint subflows, uint addAddrAccepted);
    ConnectionList Connections();
    QVariantMap Sysctls();
    FindingList Diagnose();
    void SetSysctl(const QString& name, const QDBusVariant& value);
    void Subscribe();
    void Unsubscribe();
    // Profiles (helper_service_profiles.cpp).
    ProfileSummaryList Profiles();
    ProfileRecord Profile(const QString& name);
    void SaveProfile(const ProfileRecord& profile);
    void DeleteProfile(const QString& name);
    void ActivateProfile(const QString& name);
    void DeactivateProfile();
    ProfileStatusRecord ProfileStatus();
    ProfilePreviewRecord PreviewProfile(const ProfileRecord& profile);

signals:
    void EndpointsChanged();
    void LimitsChanged();
    void ProfileStatusChanged();

private:
    using Action = std::function<void(const QDBusMessage& call)>;

    // Defers the reply, asks polkit, then runs `act` or answers NotAuthorized.
    void authorizeThen(const QStringList& actions, Action act);
    // Replies with the D-Bus error for a refused argument; returns a dummy.
    void refuse(const helper::ValidationError& error);
    void replyKernelError(const QDBusMessage& call, const mptcp::Error& error);
    // One line on stderr (the journal, under systemd) per authorization
    // decision: method, caller's bus name and uid, outcome. Refusals are
    // rate-limited so that a caller cannot flood the log.
    void logDecision(const QDBusMessage& call, bool authorized, const QString& reason);
    mptcp::PathManager* pathManager(const QDBusMessage& call);
    std::string interfaceName(int32_t ifindex) const;

    void callStarted();
    void callFinished();
    void rearmIdleTimer();
    bool keepsProfile() const;
    // Replies Unsupported when there is no keeper; false then.
    bool profilesReady();

    QDBusConnection bus_;
    PolkitAuthorizer authorizer_;
    MonitorRelay relay_;
    std::optional<mptcp::PathManager> pathManager_;
    QTimer idleTimer_;
    int callsInFlight_ = 0;
    helper::ApplyJournal journal_;
    qint64 refusalWindowStart_ = 0;
    int refusalsInWindow_ = 0;
    int refusalsSuppressed_ = 0;
    ProfileKeeper* profiles_ = nullptr;
};
