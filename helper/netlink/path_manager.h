// The in-kernel path manager over generic netlink "mptcp_pm": endpoints and
// limits, the job of `ip mptcp endpoint` and `ip mptcp limits`.
#pragma once

#include "endpoint.h"
#include "error.h"
#include "genl_family.h"
#include "kernel_errors.h"
#include "netlink_socket.h"

#include <optional>
#include <span>
#include <vector>

namespace mptcp {

struct Limits {
    uint32_t subflows = 0;
    uint32_t addAddrAccepted = 0;

    friend bool operator==(const Limits&, const Limits&) = default;
};

// Which endpoint "endpoint change" acts on: by id, or (id 0) by address and port.
struct EndpointSelector {
    uint8_t id = 0;
    IpAddress address;
    uint16_t port = 0;
};

class PathManager {
public:
    static Result<PathManager> open();

    Status addEndpoint(const Endpoint& endpoint);
    // Deletes endpoint `id`; with id 0 and an address, the kernel instead
    // stops using that address as the connections' initial subflow.
    Status removeEndpoint(uint8_t id, const IpAddress& address = {});
    Result<Endpoint> endpoint(uint8_t id);
    Result<std::vector<Endpoint>> endpoints();
    Status flushEndpoints();
    // Sets the backup and fullmesh bits to exactly those in `flags`.
    Status changeEndpoint(const EndpointSelector& selector, uint32_t flags);

    Result<Limits> limits();
    Status setLimits(std::optional<uint32_t> subflows, std::optional<uint32_t> addAddrAccepted);

    const GenlFamily& family() const { return family_; }

private:
    PathManager(NetlinkSocket socket, GenlFamily family);
    Status run(Operation operation, GenlMessage& request,
               const NetlinkSocket::MessageHandler& onMessage = {});

    NetlinkSocket socket_;
    GenlFamily family_;
};

// Reads a GET_LIMITS reply (genl header included). Exposed for the fuzzers.
Result<Limits> decodeLimitsMessage(std::span<const char> message);

} // namespace mptcp
