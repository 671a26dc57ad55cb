// Planning, and nothing else: given a profile, the interfaces as they are,
// the kernel's endpoints and the ledger of those we made, say what to add,
// change and delete so the kernel matches the profile. Pure, so every rule
// is unit-tested with hand-made snapshots:
//
// - only usable addresses: global scope, not tentative, DAD-failed or
//   deprecated, not link-local or unique-local, IPv6 temporary ones only when
//   the rule asks; on an interface with a carrier; added with `dev` and the
//   kernel choosing the id;
// - ours are only the endpoints the ledger names exactly (id, address, port,
//   interface, flags); one that someone changed or deleted is "disowned",
//   and an address that has someone else's endpoint is left alone;
// - an address that is gone loses its endpoint at once; an interface
//   without carrier keeps ours for a grace period (the caller says when the
//   carrier went away), then loses them; carrier back: added again;
// - flags that can be changed in place (backup, fullmesh) are, with
//   SET_FLAGS, so live subflows survive; only signal/subflow/laminar
//   changes need delete + add;
// - the kernel keeps at most 8 endpoints, everyone's counted: fixed
//   endpoints first, then the first address of each interface, then the
//   rest, in rule order; what does not fit is reported;
// - mptcpd running, or NetworkManager managing MPTCP on an interface: add
//   nothing there, and say so.
#pragma once

#include "endpoint.h"
#include "ledger.h"
#include "link_state.h"
#include "other_managers.h"
#include "profile.h"

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace profiles {

using Clock = std::chrono::steady_clock;

inline constexpr std::chrono::seconds kDefaultCarrierGrace{10};

struct PlanInput {
    Profile profile;
    LinkSnapshot links;
    std::vector<mptcp::Endpoint> kernelEndpoints; // all of them, implicit ones too
    Ledger ledger;
    OtherManagers others;
    // When each interface without carrier lost it (see trackCarrier).
    std::map<int32_t, Clock::time_point> carrierLostAt;
    Clock::time_point now{};
    Clock::duration grace = kDefaultCarrierGrace;
};

enum class SkipReason {
    UnusableAddress, // see AddressProblem
    NoCarrier,
    ForeignEndpoint, // the address has an endpoint that is not ours
    NoRoom,          // the kernel's 8 endpoints are taken
    Mptcpd,
    NetworkManager,
    NoInterface, // a fixed endpoint's dev does not exist
};

// "unusable-address", "no-carrier", "foreign-endpoint", "no-room", "mptcpd",
// "network-manager", "no-interface": stable, for D-Bus clients.
std::string_view skipReasonName(SkipReason reason);

struct Skipped {
    mptcp::IpAddress address;
    std::string interface;
    uint32_t flags = 0;
    SkipReason reason;
    std::string text; // a sentence for people
};

struct PlannedAdd {
    mptcp::Endpoint endpoint; // id 0: the kernel picks; ifindex = its dev
    std::string interface;    // "" without dev
    std::string origin;       // "interfaces[0] (wl*)", "endpoints[1]"
};

struct PlannedChange {
    LedgerEntry entry; // as it is now
    uint32_t flags;    // what it becomes (differs only in backup/fullmesh)
};

struct PlannedDelete {
    LedgerEntry entry;
    std::string reason;
};

struct HeldEndpoint {
    LedgerEntry entry;
    Clock::time_point until; // deleted then, unless the carrier returns
};

struct Plan {
    std::vector<PlannedDelete> deletes; // run first: they free room
    std::vector<PlannedChange> changes;
    std::vector<PlannedAdd> adds;
    std::vector<LedgerEntry> kept; // ours and already right (held ones too)
    std::vector<HeldEndpoint> held;
    std::vector<Skipped> skipped;
    // Ledger entries that no endpoint matches any more: someone changed or
    // deleted them, so they are not ours now.
    std::vector<LedgerEntry> disowned;
    std::vector<std::string> notes; // standing aside, missing default routes
    // Plan again then (a grace period ends), even if nothing else happens.
    std::optional<Clock::time_point> recheckAt;

    // Nothing to do to the kernel.
    bool idle() const { return deletes.empty() && changes.empty() && adds.empty(); }
};

Plan planReconciliation(const PlanInput& input);

// Keeps `lostAt` current: interfaces without carrier get `now` unless they
// already have a time; interfaces with carrier, or gone, are dropped.
void trackCarrier(std::map<int32_t, Clock::time_point>& lostAt, const LinkSnapshot& links,
                  Clock::time_point now);

} // namespace profiles
