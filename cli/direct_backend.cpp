#include "direct_backend.h"

#include "event_monitor.h"

#include <net/if.h>
#include <poll.h>

#include <cerrno>

namespace mptcpctl {

namespace {

class DirectBackend final : public Backend {
public:
    explicit DirectBackend(mptcp::PathManager pathManager)
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
        return pathManager_.addEndpoint(endpoint);
    }
    mptcp::Status removeEndpoint(uint8_t id, const mptcp::IpAddress& address) override {
        return pathManager_.removeEndpoint(id, address);
    }
    mptcp::Result<mptcp::Endpoint> endpoint(uint8_t id) override {
        return pathManager_.endpoint(id);
    }
    mptcp::Result<std::vector<mptcp::Endpoint>> endpoints() override {
        return pathManager_.endpoints();
    }
    mptcp::Status flushEndpoints() override { return pathManager_.flushEndpoints(); }
    mptcp::Status changeEndpoint(const mptcp::EndpointSelector& selector,
                                 uint32_t flags) override {
        return pathManager_.changeEndpoint(selector, flags);
    }
    mptcp::Result<mptcp::Limits> limits() override { return pathManager_.limits(); }
    mptcp::Status setLimits(std::optional<uint32_t> subflows,
                            std::optional<uint32_t> addAddrAccepted) override {
        return pathManager_.setLimits(subflows, addAddrAccepted);
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
    std::string interfaceName(int32_t ifindex) override { return localInterfaceName(ifindex); }

private:
    mptcp::PathManager pathManager_;
};

} // namespace

std::unique_ptr<Backend> makeDirectBackend(mptcp::PathManager pathManager) {
    return std::make_unique<DirectBackend>(std::move(pathManager));
}

} // namespace mptcpctl
