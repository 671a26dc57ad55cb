#include "helper_service.h"

#include "configuration.h"
#include "connections.h"
#include "record_conversions.h"
#include "sysctl.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusMessage>

#include <net/if.h>

namespace {

const QString kManageEndpoints = QStringLiteral("org.mptcpmanager.manage-endpoints");
const QString kSetLimits = QStringLiteral("org.mptcpmanager.set-limits");
const QString kSetSysctl = QStringLiteral("org.mptcpmanager.set-sysctl");
const QString kMonitor = QStringLiteral("org.mptcpmanager.monitor");

QString errorName(helper::Refusal refusal) {
    return QString::fromLatin1(refusal == helper::Refusal::Unsupported
                                   ? HelperErrors::kUnsupported
                                   : HelperErrors::kInvalidArgument);
}

QString describe(const mptcp::Error& error) { return QString::fromStdString(error.describe()); }

template <class T> const helper::ValidationError* refusalOf(const helper::Validated<T>& result) {
    return std::get_if<helper::ValidationError>(&result);
}

// net.mptcp values arrive as variants: integers as u or i, names as s.
std::optional<std::string> sysctlText(const QVariant& value) {
    switch (value.metaType().id()) {
    case QMetaType::UInt:
    case QMetaType::Int:
    case QMetaType::UChar:
    case QMetaType::UShort:
    case QMetaType::Short:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
        return value.toString().toStdString();
    case QMetaType::QString:
        return value.toString().toStdString();
    default:
        return std::nullopt;
    }
}

} // namespace

HelperService::HelperService(QDBusConnection bus, int idleSeconds, QObject* parent)
    : QObject(parent), bus_(bus), authorizer_(bus), relay_(bus) {
    idleTimer_.setSingleShot(true);
    idleTimer_.setInterval(idleSeconds * 1000);
    connect(&idleTimer_, &QTimer::timeout, qApp, &QCoreApplication::quit);
    connect(&relay_, &MonitorRelay::subscribersChanged, this, &HelperService::rearmIdleTimer);
    if (idleSeconds > 0) {
        idleTimer_.start();
    }
}

// --- lifecycle -------------------------------------------------------------

void HelperService::callStarted() {
    ++callsInFlight_;
    idleTimer_.stop();
}

void HelperService::callFinished() {
    --callsInFlight_;
    rearmIdleTimer();
}

void HelperService::rearmIdleTimer() {
    if (idleTimer_.interval() > 0 && callsInFlight_ == 0 && relay_.subscriberCount() == 0) {
        idleTimer_.start();
    } else {
        idleTimer_.stop();
    }
}

// --- the three steps -------------------------------------------------------

void HelperService::refuse(const helper::ValidationError& error) {
    sendErrorReply(errorName(error.kind), QString::fromStdString(error.message));
    rearmIdleTimer();
}

void HelperService::authorizeThen(const QStringList& actions, Action act) {
    setDelayedReply(true);
    const QDBusMessage call = message();
    callStarted();
    authorizer_.check(call, actions,
                      [this, call, act = std::move(act)](bool authorized, const QString& reason) {
                          if (authorized) {
                              act(call);
                          } else {
                              bus_.send(call.createErrorReply(
                                  QString::fromLatin1(HelperErrors::kNotAuthorized), reason));
                          }
                          callFinished();
                      });
}

void HelperService::replyKernelError(const QDBusMessage& call, const mptcp::Error& error) {
    bus_.send(call.createErrorReply(QString::fromLatin1(HelperErrors::kKernel), describe(error)));
}

mptcp::PathManager* HelperService::pathManager(const QDBusMessage& call) {
    if (!pathManager_) {
        auto opened = mptcp::PathManager::open();
        if (!opened) {
            bus_.send(call.createErrorReply(QString::fromLatin1(HelperErrors::kUnsupported),
                                            describe(opened.error())));
            return nullptr;
        }
        pathManager_.emplace(std::move(opened).value());
    }
    return &*pathManager_;
}

std::string HelperService::interfaceName(int32_t ifindex) const {
    char name[IF_NAMESIZE] = {};
    if (ifindex > 0 && if_indextoname(static_cast<unsigned>(ifindex), name)) {
        return name;
    }
    return "if" + std::to_string(ifindex);
}

// --- read-only methods -----------------------------------------------------

EndpointList HelperService::Endpoints() {
    rearmIdleTimer();
    auto* manager = pathManager(message());
    if (!manager) {
        setDelayedReply(true);
        return {};
    }
    auto endpoints = manager->endpoints();
    if (!endpoints) {
        sendErrorReply(QString::fromLatin1(HelperErrors::kKernel), describe(endpoints.error()));
        return {};
    }
    EndpointList records;
    for (const auto& endpoint : *endpoints) {
        records.append(toRecord(endpoint, [this](int32_t index) { return interfaceName(index); }));
    }
    return records;
}

uint HelperService::Limits(uint& addAddrAccepted) {
    rearmIdleTimer();
    auto* manager = pathManager(message());
    if (!manager) {
        setDelayedReply(true);
        return 0;
    }
    auto limits = manager->limits();
    if (!limits) {
        sendErrorReply(QString::fromLatin1(HelperErrors::kKernel), describe(limits.error()));
        return 0;
    }
    addAddrAccepted = limits->addAddrAccepted;
    return limits->subflows;
}

ConnectionList HelperService::Connections() {
    rearmIdleTimer();
    auto connections = mptcp::listConnections();
    if (!connections) {
        sendErrorReply(QString::fromLatin1(HelperErrors::kKernel), describe(connections.error()));
        return {};
    }
    ConnectionList records;
    records.reserve(static_cast<qsizetype>(connections->size()));
    for (const auto& connection : *connections) {
        records.append(
            toRecord(connection, [this](int32_t index) { return interfaceName(index); }));
    }
    return records;
}

QVariantMap HelperService::Sysctls() {
    rearmIdleTimer();
    auto values = mptcp::readMptcpSysctls();
    if (!values) {
        sendErrorReply(QString::fromLatin1(HelperErrors::kUnsupported), describe(values.error()));
        return {};
    }
    QVariantMap map;
    for (const auto& [name, value] : *values) {
        map.insert(QString::fromStdString(name), QString::fromStdString(value));
    }
    return map;
}

KernelSupportInfo HelperService::kernelSupport() const {
    KernelSupportInfo support;
    support.available = mptcp::PathManager::open().ok();
    auto values = mptcp::readMptcpSysctls();
    if (values) {
        auto value = [&](const char* name) {
            auto found = values->find(name);
            return found != values->end() ? found->second : std::string();
        };
        support.enabled = value("enabled") == "1";
        std::string manager = value("path_manager");
        if (manager.empty()) {
            manager = value("pm_type") == "1" ? "userspace" : "kernel";
        }
        support.pathManager = QString::fromStdString(manager);
    }
    support.maxEndpoints = helper::kMaxEndpoints;
    support.maxLimit = helper::kMaxLimit;
    return support;
}

// --- endpoints -------------------------------------------------------------

uint HelperService::AddEndpoint(const QString& address, ushort port, const QString& ifname,
                                uint id, uint flags) {
    auto endpoint = helper::validateNewEndpoint(address.toStdString(), port, ifname.toStdString(),
                                                id, flags);
    if (auto* error = refusalOf(endpoint)) {
        refuse(*error);
        return 0;
    }
    authorizeThen({kManageEndpoints}, [this, endpoint = std::get<mptcp::Endpoint>(endpoint)](
                                          const QDBusMessage& call) {
        auto* manager = pathManager(call);
        if (!manager) {
            return;
        }
        if (auto added = manager->addEndpoint(endpoint); !added) {
            replyKernelError(call, added.error());
            return;
        }
        // The kernel does not say which id it chose: find the endpoint by address.
        uint assigned = endpoint.id;
        if (auto endpoints = manager->endpoints(); endpoints && assigned == 0) {
            for (const auto& existing : *endpoints) {
                if (existing.address == endpoint.address && existing.port == endpoint.port) {
                    assigned = existing.id;
                }
            }
        }
        bus_.send(call.createReply(assigned));
        emit EndpointsChanged();
    });
    return 0;
}

void HelperService::RemoveEndpoint(uint id, const QString& address) {
    auto request = helper::validateRemoval(id, address.toStdString());
    if (auto* error = refusalOf(request)) {
        refuse(*error);
        return;
    }
    authorizeThen({kManageEndpoints}, [this, request = std::get<helper::RemoveRequest>(request)](
                                          const QDBusMessage& call) {
        auto* manager = pathManager(call);
        if (!manager) {
            return;
        }
        if (auto removed = manager->removeEndpoint(request.id, request.address); !removed) {
            replyKernelError(call, removed.error());
            return;
        }
        bus_.send(call.createReply());
        emit EndpointsChanged();
    });
}

void HelperService::SetEndpointFlags(uint id, uint flags) {
    auto endpointId = helper::validateFlagChange(id, flags);
    if (auto* error = refusalOf(endpointId)) {
        refuse(*error);
        return;
    }
    authorizeThen({kManageEndpoints}, [this, endpointId = std::get<uint8_t>(endpointId),
                                       flags](const QDBusMessage& call) {
        auto* manager = pathManager(call);
        if (!manager) {
            return;
        }
        if (auto changed = manager->changeEndpoint({endpointId, {}, 0}, flags); !changed) {
            replyKernelError(call, changed.error());
            return;
        }
        bus_.send(call.createReply());
        emit EndpointsChanged();
    });
}

void HelperService::FlushEndpoints() {
    authorizeThen({kManageEndpoints}, [this](const QDBusMessage& call) {
        auto* manager = pathManager(call);
        if (!manager) {
            return;
        }
        if (auto flushed = manager->flushEndpoints(); !flushed) {
            replyKernelError(call, flushed.error());
            return;
        }
        bus_.send(call.createReply());
        emit EndpointsChanged();
    });
}

// --- limits and whole configurations --------------------------------------

void HelperService::SetLimits(uint subflows, uint addAddrAccepted) {
    auto limits = helper::validateLimits(subflows, addAddrAccepted);
    if (auto* error = refusalOf(limits)) {
        refuse(*error);
        return;
    }
    authorizeThen({kSetLimits}, [this, limits = std::get<mptcp::Limits>(limits)](
                                    const QDBusMessage& call) {
        auto* manager = pathManager(call);
        if (!manager) {
            return;
        }
        if (auto set = manager->setLimits(limits.subflows, limits.addAddrAccepted); !set) {
            replyKernelError(call, set.error());
            return;
        }
        bus_.send(call.createReply());
        emit LimitsChanged();
    });
}

void HelperService::ApplyConfiguration(const EndpointList& endpoints, uint subflows,
                                       uint addAddrAccepted) {
    helper::Configuration wanted;
    if (endpoints.size() > static_cast<qsizetype>(helper::kMaxEndpoints)) {
        refuse({helper::Refusal::InvalidArgument,
                std::to_string(endpoints.size()) +
                    " endpoints requested; the kernel accepts at most 8"});
        return;
    }
    for (const auto& record : endpoints) {
        auto endpoint = helper::validateNewEndpoint(record.address.toStdString(), record.port,
                                                    record.ifname.toStdString(), record.id,
                                                    record.flags);
        if (auto* error = refusalOf(endpoint)) {
            refuse(*error);
            return;
        }
        wanted.endpoints.push_back(std::get<mptcp::Endpoint>(endpoint));
    }
    auto limits = helper::validateLimits(subflows, addAddrAccepted);
    if (auto* error = refusalOf(limits)) {
        refuse(*error);
        return;
    }
    wanted.limits = std::get<mptcp::Limits>(limits);
    authorizeThen({kManageEndpoints, kSetLimits}, [this, wanted](const QDBusMessage& call) {
        auto* manager = pathManager(call);
        if (!manager) {
            return;
        }
        mptcp::Status applied = helper::applyConfiguration(*manager, wanted);
        if (!applied) {
            replyKernelError(call, applied.error());
            return;
        }
        bus_.send(call.createReply());
        emit EndpointsChanged();
        emit LimitsChanged();
    });
}

// --- sysctls ---------------------------------------------------------------

void HelperService::SetSysctl(const QString& name, const QDBusVariant& value) {
    auto text = sysctlText(value.variant());
    if (!text) {
        refuse({helper::Refusal::InvalidArgument,
                "the value of net.mptcp." + name.left(64).toStdString() +
                    " must be a number (u or i) or a name (s), not D-Bus type " +
                    value.variant().metaType().name()});
        return;
    }
    if (auto valid = mptcp::validateMptcpSysctl(name.toStdString(), *text); !valid) {
        refuse({valid.error().code() == EOPNOTSUPP ? helper::Refusal::Unsupported
                                                   : helper::Refusal::InvalidArgument,
                valid.error().advice()});
        return;
    }
    authorizeThen({kSetSysctl}, [this, name = name.toStdString(), text = *text](
                                    const QDBusMessage& call) {
        if (auto written = mptcp::writeMptcpSysctl(name, text); !written) {
            replyKernelError(call, written.error());
            return;
        }
        bus_.send(call.createReply());
    });
}

// --- events ----------------------------------------------------------------

void HelperService::Subscribe() {
    authorizeThen({kMonitor}, [this](const QDBusMessage& call) {
        if (auto subscribed = relay_.subscribe(call.service()); !subscribed) {
            bus_.send(call.createErrorReply(QString::fromLatin1(HelperErrors::kUnsupported),
                                            describe(subscribed.error())));
            return;
        }
        bus_.send(call.createReply());
    });
}

void HelperService::Unsubscribe() {
    relay_.unsubscribe(message().service());
    rearmIdleTimer();
}
