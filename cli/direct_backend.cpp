#include "direct_backend.h"

#include "checks.h"
#include "event_monitor.h"

#include <net/if.h>
#include <poll.h>

#include <cerrno>
#include <string>
#include <unordered_map>

namespace mptcpctl {

namespace {

class DirectBackend final : public Backend {
public:
    explicit DirectBackend(mptcp::Result<mptcp::PathManager> pathManager)
        : pathManager_(std::move(pathManager)) {}

    mptcp::Status addEndpoint(const EndpointAdd& add) override {
        mptcp::Endpoint endpoint = add.endpoint;
        if (!add.device.empty()) {
            endpoint.ifindex = static_cast<int32_t>(if_nametoindex(add.device.c_str()));
            if (endpoint.ifindex == 0) {
                return mptcp::Error(ENODEV, "argument \"" + add.device +
                                                "\" is wrong: device does not exist");
            }
        }
        return withManager([&](auto& manager) { return manager.addEndpoint(endpoint); });
    }
    mptcp::Status removeEndpoint(uint8_t id, const mptcp::IpAddress& address) override {
        return withManager([&](auto& manager) { return manager.removeEndpoint(id, address); });
    }
    mptcp::Result<mptcp::Endpoint> endpoint(uint8_t id) override {
        return withManager([&](auto& manager) { return manager.endpoint(id); });
    }
    mptcp::Result<std::vector<mptcp::Endpoint>> endpoints() override {
        return withManager([](auto& manager) { return manager.endpoints(); });
    }
    mptcp::Status flushEndpoints() override {
        return withManager([](auto& manager) { return manager.flushEndpoints(); });
    }
    mptcp::Status changeEndpoint(const mptcp::EndpointSelector& selector,
                                 uint32_t flags) override {
        return withManager([&](auto& manager) { return manager.changeEndpoint(selector, flags); });
    }
    mptcp::Result<mptcp::Limits> limits() override {
        return withManager([](auto& manager) { return manager.limits(); });
    }
    mptcp::Status setLimits(std::optional<uint32_t> subflows,
                            std::optional<uint32_t> addAddrAccepted) override {
        return withManager(
            [&](auto& manager) { return manager.setLimits(subflows, addAddrAccepted); });
    }
    mptcp::Result<std::vector<mptcp::Connection>> connections(bool listeners) override {
        mptcp::ConnectionQuery query;
        query.includeListeners = listeners;
        return mptcp::listConnections(query);
    }
    mptcp::Status monitor(const EventSink& sink) override {
        auto monitor = mptcp::EventMonitor::open();
        if (!monitor) {
            return monitor.error();
        }
        for (;;) {
            auto events = monitor->read(true);
            if (!events) {
                return events.error();
            }
            if (!sink(*events)) {
                return {};
            }
        }
    }
    mptcp::Result<std::vector<doctor::Finding>> diagnose() override {
        // The snapshot opens what it needs itself: a kernel without MPTCP
        // is a finding here, not a failure.
        return doctor::diagnose();
    }
    // Cached for the life of the command: if_indextoname opens and closes a
    // socket per call, which was 40% of listing 10,000 connections.
    std::string interfaceName(int32_t ifindex) override {
        auto [entry, added] = interfaceNames_.try_emplace(ifindex);
        if (added) {
            entry->second = localInterfaceName(ifindex);
        }
        return entry->second;
    }

private:
    // Calls `act` with the path manager, or returns the error opening it gave.
    template <class Act>
    auto withManager(Act act) -> decltype(act(std::declval<mptcp::PathManager&>())) {
        if (!pathManager_) {
            return pathManager_.error();
        }
        return act(*pathManager_);
    }

    mptcp::Result<mptcp::PathManager> pathManager_;
    std::unordered_map<int32_t, std::string> interfaceNames_;
};

} // namespace

std::unique_ptr<Backend> makeDirectBackend(mptcp::Result<mptcp::PathManager> pathManager) {
    return std::make_unique<DirectBackend>(std::move(pathManager));
}

} // namespace mptcpctl
