#include "helper_backend.h"

#include "helper_profile_client.h"
#include "helper_calls.h"
#include "helper_proxy.h"
#include "record_conversions.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusPendingReply>

#include <cerrno>

namespace mptcpctl {

namespace {

template <class Reply> mptcp::Status statusOf(Reply reply) {
    reply.waitForFinished();
    if (reply.isError()) {
        return fromDBus(reply.error());
    }
    return {};
}

class HelperBackend final : public Backend {
public:
    explicit HelperBackend(QDBusConnection bus)
        : bus_(bus), proxy_(QString::fromLatin1(HelperNames::kService),
                            QString::fromLatin1(HelperNames::kPath), bus) {
        // Long enough for a person to answer polkit's password prompt.
        proxy_.setTimeout(5 * 60 * 1000);
    }

    mptcp::Status addEndpoint(const EndpointAdd& add) override {
        return interactive(QStringLiteral("AddEndpoint"),
                           {QString::fromStdString(add.endpoint.address.toString()),
                            QVariant::fromValue(ushort(add.endpoint.port)),
                            QString::fromStdString(add.device), uint(add.endpoint.id),
                            uint(add.endpoint.flags)});
    }
    mptcp::Status removeEndpoint(uint8_t id, const mptcp::IpAddress& address) override {
        return interactive(QStringLiteral("RemoveEndpoint"),
                           {uint(id), QString::fromStdString(address.toString())});
    }
    mptcp::Result<mptcp::Endpoint> endpoint(uint8_t id) override {
        auto all = endpoints();
        if (!all) {
            return all.error();
        }
        for (const auto& endpoint : *all) {
            if (endpoint.id == id) {
                return endpoint;
            }
        }
        return mptcp::Error(ENOENT, "no endpoint has this id (see \"endpoint show\")");
    }
    mptcp::Result<std::vector<mptcp::Endpoint>> endpoints() override {
        QDBusPendingReply<EndpointList> reply = proxy_.Endpoints();
        reply.waitForFinished();
        if (reply.isError()) {
            return fromDBus(reply.error());
        }
        std::vector<mptcp::Endpoint> list;
        for (const auto& record : reply.value()) {
            list.push_back(fromRecord(record, names_));
        }
        return list;
    }
    mptcp::Status flushEndpoints() override {
        return interactive(QStringLiteral("FlushEndpoints"), {});
    }
    mptcp::Status changeEndpoint(const mptcp::EndpointSelector& selector,
                                 uint32_t flags) override {
        uint8_t id = selector.id;
        if (id == 0) {
            // The contract names endpoints by id; find the one with this address.
            auto all = endpoints();
            if (!all) {
                return all.error();
            }
            for (const auto& endpoint : *all) {
                if (endpoint.address == selector.address &&
                    (selector.port == 0 || endpoint.port == selector.port)) {
                    id = endpoint.id;
                }
            }
            if (id == 0) {
                return mptcp::Error(ENOENT, "no endpoint has this address");
            }
        }
        return interactive(QStringLiteral("SetEndpointFlags"), {uint(id), uint(flags)});
    }
    mptcp::Result<mptcp::Limits> limits() override {
        QDBusPendingReply<uint, uint> reply = proxy_.Limits();
        reply.waitForFinished();
        if (reply.isError()) {
            return fromDBus(reply.error());
        }
        return mptcp::Limits{reply.argumentAt<0>(), reply.argumentAt<1>()};
    }
    mptcp::Status setLimits(std::optional<uint32_t> subflows,
                            std::optional<uint32_t> addAddrAccepted) override {
        // The contract sets both; keep whichever the user did not name.
        if (!subflows || !addAddrAccepted) {
            auto current = limits();
            if (!current) {
                return current.error();
            }
            subflows = subflows.value_or(current->subflows);
            addAddrAccepted = addAddrAccepted.value_or(current->addAddrAccepted);
        }
        return interactive(QStringLiteral("SetLimits"), {uint(*subflows), uint(*addAddrAccepted)});
    }
    mptcp::Result<std::vector<mptcp::Connection>> connections(bool listeners) override {
        if (listeners) {
            return mptcp::Error(EOPNOTSUPP, "listening sockets are shown with --direct only");
        }
        QDBusPendingReply<ConnectionList> reply = proxy_.Connections();
        reply.waitForFinished();
        if (reply.isError()) {
            return fromDBus(reply.error());
        }
        std::vector<mptcp::Connection> list;
        for (const auto& record : reply.value()) {
            list.push_back(fromRecord(record, names_));
        }
        return list;
    }
    mptcp::Status monitor(const EventSink& sink) override {
        mptcp::Status failure;
        QObject::connect(&proxy_, &HelperProxy::Events, qApp, [&](const EventList& records) {
            std::vector<mptcp::Event> events;
            for (const auto& record : records) {
                events.push_back(fromRecord(record));
            }
            if (!sink(events)) {
                QCoreApplication::quit();
            }
        });
        // The helper is gone (crashed, restarted, or idle): say so and stop.
        QObject::connect(bus_.interface(), &QDBusConnectionInterface::serviceUnregistered, qApp,
                         [&](const QString& name) {
                             if (name == QLatin1String(HelperNames::kService)) {
                                 failure = mptcp::Error(ECONNRESET,
                                                        "the helper left the bus; events stopped");
                                 QCoreApplication::quit();
                             }
                         });
        if (auto subscribed = interactive(QStringLiteral("Subscribe"), {}); !subscribed) {
            return subscribed;
        }
        QCoreApplication::exec();
        return failure;
    }
    mptcp::Result<std::vector<doctor::Finding>> diagnose() override {
        QDBusPendingReply<FindingList> reply = proxy_.Diagnose();
        reply.waitForFinished();
        if (reply.isError()) {
            return fromDBus(reply.error());
        }
        std::vector<doctor::Finding> findings;
        for (const auto& record : reply.value()) {
            findings.push_back(fromRecord(record));
        }
        return findings;
    }
    std::string interfaceName(int32_t ifindex) override { return names_.nameOf(ifindex); }
    ProfileClient* profiles() override {
        if (!profiles_) {
            profiles_ = makeHelperProfileClient(bus_);
        }
        return profiles_.get();
    }

private:
    mptcp::Status interactive(const QString& method, const QList<QVariant>& arguments) {
        return callInteractive(proxy_, method, arguments);
    }

    QDBusConnection bus_;
    HelperProxy proxy_;
    InterfaceNameTable names_;
    std::unique_ptr<ProfileClient> profiles_;
};

} // namespace

mptcp::Result<std::unique_ptr<Backend>> makeHelperBackend() {
    registerHelperTypes();
    QDBusConnection bus = QDBusConnection::systemBus();
    if (!bus.isConnected()) {
        return mptcp::Error(ECONNREFUSED,
                            "cannot reach the system bus (" + bus.lastError().message().toStdString() +
                                "); use --direct as root to talk to the kernel yourself");
    }
    return std::unique_ptr<Backend>(std::make_unique<HelperBackend>(bus));
}

} // namespace mptcpctl
