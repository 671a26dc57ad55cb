// Where mptcpctl's commands go: straight to the kernel (--direct) or through
// the privileged helper. Both give the same typed answers, so output is
// identical either way.
#pragma once

#include "command_line.h"
#include "connections.h"
#include "event.h"
#include "findings.h"
#include "path_manager.h"
#include "printers.h"

#include <functional>
#include <vector>

namespace mptcpctl {

class Backend {
public:
    // Returns false to stop monitoring.
    using EventSink = std::function<bool(const std::vector<mptcp::Event>&)>;

    virtual ~Backend() = default;

    virtual mptcp::Status addEndpoint(const EndpointAdd& add) = 0;
    virtual mptcp::Status removeEndpoint(uint8_t id, const mptcp::IpAddress& address) = 0;
    virtual mptcp::Result<mptcp::Endpoint> endpoint(uint8_t id) = 0;
    virtual mptcp::Result<std::vector<mptcp::Endpoint>> endpoints() = 0;
    virtual mptcp::Status flushEndpoints() = 0;
    virtual mptcp::Status changeEndpoint(const mptcp::EndpointSelector& selector,
                                         uint32_t flags) = 0;
    virtual mptcp::Result<mptcp::Limits> limits() = 0;
    virtual mptcp::Status setLimits(std::optional<uint32_t> subflows,
                                    std::optional<uint32_t> addAddrAccepted) = 0;
    virtual mptcp::Result<std::vector<mptcp::Connection>> connections(bool listeners) = 0;
    virtual mptcp::Status monitor(const EventSink& sink) = 0;
    // Everything the doctor finds wrong (or worth knowing) on the system.
    virtual mptcp::Result<std::vector<doctor::Finding>> diagnose() = 0;
    // Interface names as the side that talks to the kernel sees them.
    virtual std::string interfaceName(int32_t ifindex) = 0;
    // Profiles are kept by the helper: nullptr when talking to the kernel.
    virtual ProfileClient* profiles() { return nullptr; }
};

} // namespace mptcpctl
