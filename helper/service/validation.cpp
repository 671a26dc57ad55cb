#include "validation.h"

#include <net/if.h>

#include <set>

namespace helper {

namespace {

ValidationError invalid(std::string message) {
    return {Refusal::InvalidArgument, std::move(message)};
}

// Untrusted text goes into error messages: keep it short and printable.
std::string quoted(const std::string& text) {
    std::string shown;
    for (char c : text.substr(0, 64)) {
        shown += (c >= 0x20 && c < 0x7f) ? c : '?';
    }
    return "\"" + shown + (text.size() > 64 ? "...\"" : "\"");
}

std::string flagNames(uint32_t flags) {
    std::string names;
    for (const auto& flag : mptcp::kEndpointFlagNames) {
        if (flags & flag.bit) {
            names += (names.empty() ? "" : ", ") + std::string(flag.name);
        }
    }
    return names;
}

} // namespace

uint32_t lookupInterface(const char* name) { return if_nametoindex(name); }

Validated<mptcp::IpAddress> validateAddress(const std::string& text) {
    auto address = mptcp::IpAddress::parse(text);
    if (!address) {
        return invalid(quoted(text) + " is not an IPv4 or IPv6 address");
    }
    if (address->isUnspecified()) {
        return invalid(text + " is the unspecified address; an endpoint needs an address of this "
                              "machine that peers can reach");
    }
    if (address->isMulticast()) {
        return invalid(text + " is a multicast address; an endpoint needs a unicast address");
    }
    if (address->isBroadcast()) {
        return invalid(text + " is the broadcast address; an endpoint needs a unicast address");
    }
    if (address->isLoopback()) {
        return invalid(text + " is a loopback address, which no other machine can reach");
    }
    return *address;
}

Validated<mptcp::Endpoint> validateNewEndpoint(const std::string& address, uint16_t port,
                                               const std::string& ifname, uint32_t id,
                                               uint32_t flags, InterfaceLookup lookup) {
    mptcp::Endpoint endpoint;
    auto parsed = validateAddress(address);
    if (auto* error = std::get_if<ValidationError>(&parsed)) {
        return *error;
    }
    endpoint.address = std::get<mptcp::IpAddress>(parsed);
    if (id > 255) {
        return invalid("endpoint id " + std::to_string(id) +
                       " is out of range: use 1 to 255, or 0 to let the kernel choose");
    }
    endpoint.id = static_cast<uint8_t>(id);
    if (flags & mptcp::kFlagImplicit) {
        return invalid("the implicit flag is set by the kernel only and cannot be requested");
    }
    if (flags & ~mptcp::kUserEndpointFlags) {
        return invalid("unknown endpoint flag bits 0x" +
                       [&] {
                           char hex[16];
                           std::snprintf(hex, sizeof(hex), "%x", flags & ~mptcp::kUserEndpointFlags);
                           return std::string(hex);
                       }() +
                       "; known flags are signal, subflow, backup, fullmesh and laminar");
    }
    if ((flags & mptcp::kFlagSignal) && (flags & mptcp::kFlagFullmesh)) {
        return invalid("an endpoint cannot be both signal and fullmesh: fullmesh applies to "
                       "subflow endpoints only");
    }
    if (port != 0 && !(flags & mptcp::kFlagSignal)) {
        return invalid("a port can only be given to a signal endpoint (it is the port announced "
                       "to peers)");
    }
    if (port != 0 && (flags & mptcp::kFlagSubflow)) {
        return invalid("a port cannot be used with a subflow endpoint: outgoing subflows pick "
                       "their own source port");
    }
    endpoint.port = port;
    endpoint.flags = flags;
    if (!ifname.empty()) {
        if (ifname.size() > kMaxInterfaceNameBytes) {
            return invalid("interface name " + quoted(ifname) + " is longer than 15 bytes");
        }
        if (ifname.find_first_of("/ \t\n") != std::string::npos || ifname == "." ||
            ifname == "..") {
            return invalid(quoted(ifname) + " is not a valid interface name");
        }
        endpoint.ifindex = static_cast<int32_t>(lookup(ifname.c_str()));
        if (endpoint.ifindex == 0) {
            return invalid("there is no interface " + quoted(ifname) + " on this machine");
        }
    }
    return endpoint;
}

Validated<RemoveRequest> validateRemoval(uint32_t id, const std::string& address) {
    if (id > 255) {
        return invalid("endpoint id " + std::to_string(id) + " is out of range: use 1 to 255");
    }
    if (id != 0 && !address.empty()) {
        return invalid("an address is only given with id 0; endpoint " + std::to_string(id) +
                       " is named by its id alone");
    }
    if (id == 0) {
        if (address.empty()) {
            return invalid("id 0 needs the address whose initial subflows should stop being used");
        }
        auto parsed = mptcp::IpAddress::parse(address);
        if (!parsed) {
            return invalid(quoted(address) + " is not an IPv4 or IPv6 address");
        }
        return RemoveRequest{0, *parsed};
    }
    return RemoveRequest{static_cast<uint8_t>(id), {}};
}

Validated<uint8_t> validateFlagChange(uint32_t id, uint32_t flags) {
    if (id == 0 || id > 255) {
        return invalid("endpoint id " + std::to_string(id) + " is out of range: use 1 to 255");
    }
    if (flags & ~mptcp::kChangeableEndpointFlags) {
        std::string named = flagNames(flags & ~mptcp::kChangeableEndpointFlags);
        return invalid("only backup and fullmesh can be changed on an existing endpoint" +
                       (named.empty() ? std::string() : " (not " + named + ")") +
                       "; delete and re-add it to change the others");
    }
    return static_cast<uint8_t>(id);
}

Validated<mptcp::Limits> validateLimits(uint32_t subflows, uint32_t addAddrAccepted) {
    if (subflows > kMaxLimit) {
        return invalid("subflows limit " + std::to_string(subflows) +
                       " is above the kernel's maximum of 8");
    }
    if (addAddrAccepted > kMaxLimit) {
        return invalid("add_addr_accepted limit " + std::to_string(addAddrAccepted) +
                       " is above the kernel's maximum of 8");
    }
    return mptcp::Limits{subflows, addAddrAccepted};
}

} // namespace helper
