#include "helper_service.h"

#include "checks.h"
#include "configuration.h"
#include "connections.h"
#include "record_conversions.h"
#include "sysctl.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>

#include <net/if.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <unordered_map>

namespace {

const QString kManageEndpoints = QStringLiteral("org.mptcpmanager.manage-endpoints");
const QString kSetLimits = QStringLiteral("org.mptcpmanager.set-limits");
const QString kSetSysctl = QStringLiteral("org.mptcpmanager.set-sysctl");
const QString kMonitor = QStringLiteral("org.mptcpmanager.monitor");

// Refusals logged per window; the rest are counted and summed up once.
constexpr int kRefusalsLoggedPerWindow = 20;
constexpr qint64 kRefusalWindowMilliseconds = 10'000;

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

HelperService::HelperService(QDBusConnection bus, int idleSeconds, helper::ApplyJournal journal,
                             QObject* parent)
    : QObject(parent), bus_(bus), authorizer_(bus), relay_(bus), journal_(std::move(journal)) {
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
    if (idleTimer_.interval() > 0 && callsInFlight_ == 0 && relay_.subscriberCount() == 0 &&
        !keepsProfile()) {
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
                          logDecision(call, authorized, reason);
                          if (authorized) {
                              act(call);
                          } else {
                              bus_.send(call.createErrorReply(
                                  QString::fromLatin1(HelperErrors::kNotAuthorized), reason));
                          }
                          callFinished();
                      });
}

void HelperService::logDecision(const QDBusMessage& call, bool authorized,
                                const QString& reason) {
    if (!authorized) {
        const qint64 now = std::chrono::duration_cast<std::chrono::milliseconds>(
                               std::chrono::steady_clock::now().time_since_epoch())
                               .count();
        if (now - refusalWindowStart_ >= kRefusalWindowMilliseconds) {
            if (refusalsSuppressed_ > 0) {
                std::fprintf(stderr, "mptcp-manager-helper: %d more refused calls not logged\n",
                             refusalsSuppressed_);
            }
            refusalWindowStart_ = now;
            refusalsInWindow_ = 0;
            refusalsSuppressed_ = 0;
        }
        if (++refusalsInWindow_ > kRefusalsLoggedPerWindow) {
            ++refusalsSuppressed_;
            return;
        }
    }
    // The uid as the bus knows it (the caller may have left already).
    QString uid = QStringLiteral("?");
    if (QDBusConnectionInterface* driver = bus_.interface()) {
        if (QDBusReply<uint> reply = driver->serviceUid(call.service()); reply.isValid()) {
            uid = QString::number(reply.value());
        }
    }
    std::fprintf(stderr, "mptcp-manager-helper: %s from %s (uid %s): %s\n",
                 qPrintable(call.member()), qPrintable(call.service()), qPrintable(uid),
                 authorized ? "authorized" : qPrintable(QStringLiteral("refused: ") + reason));
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
    // One lookup per interface, not per subflow: if_indextoname opens and
    // closes a socket each time, which was 40% of a 10,000-connection call.
    std::unordered_map<int32_t, std::string> names;
    const InterfaceNameOf nameOf = [this, &names](int32_t index) {
        auto [entry, added] = names.try_emplace(index);
        if (added) {
            entry->second = interfaceName(index);
        }
        return entry->second;
    };
    ConnectionList records;
    records.reserve(static_cast<qsizetype>(connections->size()));
    for (const auto& connection : *connections) {
        records.append(toRecord(connection, nameOf));
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

FindingList HelperService::Diagnose() {
    rearmIdleTimer();
    // Reading only: no authorization. A kernel without MPTCP is a finding.
    doctor::SystemSnapshot snapshot = doctor::takeSnapshot();
    // The unit's ProtectProc=invisible hides NetworkManager's process from
    // the helper; its bus name is in plain sight.
    const auto* driver = bus_.interface();
    if (driver &&
        driver->isServiceRegistered(QStringLiteral("org.freedesktop.NetworkManager")).value() &&
        std::find(snapshot.otherManagers.begin(), snapshot.otherManagers.end(), "NetworkManager") ==
            snapshot.otherManagers.end()) {
        snapshot.otherManagers.push_back("NetworkManager");
    }
    FindingList records;
    for (const auto& finding : doctor::runChecks(snapshot)) {
        records.append(toRecord(finding));
    }
    return records;
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
        // Journaled, so that a helper killed half-way puts the previous
        // configuration back when it starts again (see apply_journal.h).
        mptcp::Status applied = helper::applyConfiguration(
            *manager, wanted, [this](const helper::Configuration& previous) {
                if (auto recorded = journal_.record(previous); !recorded) {
                    std::fprintf(stderr,
                                 "mptcp-manager-helper: ApplyConfiguration goes ahead without "
                                 "a journal: %s\n",
                                 recorded.error().describe().c_str());
                }
            });
        journal_.clear();
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
