// The privileged side of org.mptcpmanager.Helper1. Every exported method
// (PascalCase, called through the generated adaptor) reads: validate the
// arguments, authorize the caller with polkit, act on the kernel, reply.
#pragma once

#include "helper_types.h"
#include "monitor_relay.h"
#include "path_manager.h"
#include "polkit_authorizer.h"
#include "validation.h"

#include <QDBusContext>
#include <QDBusVariant>
#include <QObject>
#include <QTimer>

#include <functional>
#include <optional>

class HelperService : public QObject, protected QDBusContext {
    Q_OBJECT
    Q_PROPERTY(KernelSupportInfo KernelSupport READ kernelSupport)

public:
    // idleSeconds 0: never exit for idleness.
    HelperService(QDBusConnection bus, int idleSeconds, QObject* parent = nullptr);

    KernelSupportInfo kernelSupport() const;

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
    void SetSysctl(const QString& name, const QDBusVariant& value);
    void Subscribe();
    void Unsubscribe();

signals:
    void EndpointsChanged();
    void LimitsChanged();

private:
    using Action = std::function<void(const QDBusMessage& call)>;

    // Defers the reply, asks polkit, then runs `act` or answers NotAuthorized.
    void authorizeThen(const QStringList& actions, Action act);
    // Replies with the D-Bus error for a refused argument; returns a dummy.
    void refuse(const helper::ValidationError& error);
    void replyKernelError(const QDBusMessage& call, const mptcp::Error& error);
    mptcp::PathManager* pathManager(const QDBusMessage& call);
    std::string interfaceName(int32_t ifindex) const;

    void callStarted();
    void callFinished();
    void rearmIdleTimer();

    QDBusConnection bus_;
    PolkitAuthorizer authorizer_;
    MonitorRelay relay_;
    std::optional<mptcp::PathManager> pathManager_;
    QTimer idleTimer_;
    int callsInFlight_ = 0;
};
