#include "reconciler.h"

#include <sys/socket.h>

#include <algorithm>
#include <set>

namespace profiles {

namespace {

// One endpoint the profile wants right now, before room is counted.
struct Candidate {
    mptcp::Endpoint endpoint;
    std::string interface;
    std::string origin;
    int tier = 0;        // 0 fixed, 1 first address of an interface, 2 the rest
    size_t order = 0;    // rule (or fixed endpoint) index
    size_t sequence = 0; // discovery order, for a stable sort
    bool carrier = true; // its interface has a carrier
};

struct OwnedEndpoint {
    LedgerEntry entry;
    bool used = false;
    std::string reason; // why it goes, when it goes for a reason found on the way
};

std::string seconds(Clock::duration duration) {
    return std::to_string(std::chrono::duration_cast<std::chrono::seconds>(duration).count()) +
           " s";
}

std::string describeEndpoint(const mptcp::IpAddress& address, const std::string& interface) {
    return address.toString() + (interface.empty() ? "" : " on " + interface);
}

std::string ruleOrigin(size_t index, const InterfaceRule& rule) {
    return "interfaces[" + std::to_string(index) + "] (" + rule.match + ")";
}

bool wantsFamily(Families families, int family) {
    return families == Families::Both || (families == Families::IPv4 && family == AF_INET) ||
           (families == Families::IPv6 && family == AF_INET6);
}

// Problems worth telling a person about; the rest (link-local, host scope,
// loopback) exist on every machine and would only be noise.
bool worthReporting(AddressProblem problem) {
    return problem != AddressProblem::NotGlobal && problem != AddressProblem::LinkLocal &&
           problem != AddressProblem::Loopback;
}

class Planner {
public:
    explicit Planner(const PlanInput& input) : in_(input) {}

    Plan run() {
        sortOutOwnership();
        gatherFixedEndpoints();
        gatherInterfaceAddresses();
        std::stable_sort(candidates_.begin(), candidates_.end(),
                         [](const Candidate& a, const Candidate& b) {
                             if (a.tier != b.tier) {
                                 return a.tier < b.tier;
                             }
                             if (a.order != b.order) {
                                 return a.order < b.order;
                             }
                             return a.sequence < b.sequence;
                         });
        countForeignRoom();
        for (const Candidate& candidate : candidates_) {
            place(candidate);
        }
        deleteUnwanted();
        noteStandingAside();
        noteMissingDefaultRoutes();
        return std::move(plan_);
    }

private:
    // --- what is ours ------------------------------------------------------

    void sortOutOwnership() {
        std::vector<bool> matched(in_.ledger.entries.size(), false);
        for (const auto& endpoint : in_.kernelEndpoints) {
            bool ours = false;
            for (size_t i = 0; i < in_.ledger.entries.size() && !ours; ++i) {
                if (!matched[i] && in_.ledger.entries[i].sameAs(endpoint)) {
                    matched[i] = true;
                    ours = true;
                    owned_.push_back({in_.ledger.entries[i], false, {}});
                }
            }
            if (!ours) {
                foreign_.push_back(endpoint);
            }
        }
        for (size_t i = 0; i < in_.ledger.entries.size(); ++i) {
            if (!matched[i]) {
                plan_.disowned.push_back(in_.ledger.entries[i]);
            }
        }
    }

    // --- what the profile wants -----------------------------------------------

    void gatherFixedEndpoints() {
        for (size_t i = 0; i < in_.profile.endpoints.size(); ++i) {
            const FixedEndpoint& fixed = in_.profile.endpoints[i];
            Candidate candidate;
            candidate.endpoint.address = fixed.address;
            candidate.endpoint.port = fixed.port;
            candidate.endpoint.flags = fixed.flags;
            candidate.interface = fixed.interface;
            candidate.origin = "endpoints[" + std::to_string(i) + "]";
            candidate.tier = 0;
            candidate.order = i;
            if (!fixed.interface.empty()) {
                const Link* link = in_.links.byName(fixed.interface);
                if (!link) {
                    skip(fixed.address, fixed.interface, fixed.flags, SkipReason::NoInterface,
                         "there is no interface " + fixed.interface +
                             " (yet); the endpoint is added when it appears");
                    continue;
                }
                candidate.endpoint.ifindex = link->index;
                candidate.carrier = link->carrierUp();
            }
            add(std::move(candidate));
        }
    }

    void gatherInterfaceAddresses() {
        for (const Link& link : in_.links.links) {
            if (link.kind == LinkKind::Loopback) {
                continue;
            }
            const InterfaceRule* rule = nullptr;
            size_t ruleIndex = 0;
            for (size_t i = 0; i < in_.profile.interfaces.size() && !rule; ++i) {
                if (in_.profile.interfaces[i].matches(link.name, link.kind)) {
                    rule = &in_.profile.interfaces[i];
                    ruleIndex = i;
                }
            }
            if (!rule) {
                continue;
            }
            matchedLinks_.push_back({&link, rule});
            bool first = true;
            for (const int family : {AF_INET, AF_INET6}) {
                if (!wantsFamily(rule->families, family)) {
                    continue;
                }
                for (const LinkAddress& address : link.addresses) {
                    if (address.address.family != family) {
                        continue;
                    }
                    if (auto problem = addressProblem(address, rule->temporary)) {
                        if (worthReporting(*problem)) {
                            skip(address.address, link.name, rule->flags,
                                 SkipReason::UnusableAddress,
                                 std::string(addressProblemText(*problem)));
                        }
                        continue;
                    }
                    Candidate candidate;
                    candidate.endpoint.address = address.address;
                    candidate.endpoint.flags = rule->flags;
                    candidate.endpoint.ifindex = link.index;
                    candidate.interface = link.name;
                    candidate.origin = ruleOrigin(ruleIndex, *rule);
                    candidate.tier = first ? 1 : 2;
                    candidate.order = ruleIndex;
                    candidate.carrier = link.carrierUp();
                    first = false;
                    add(std::move(candidate));
                }
            }
        }
    }

    void add(Candidate candidate) {
        // The same address twice (a fixed endpoint and a rule, or one address
        // on two interfaces): the first one found is the one.
        for (const auto& existing : candidates_) {
            if (existing.endpoint.address == candidate.endpoint.address &&
                existing.endpoint.port == candidate.endpoint.port) {
                return;
            }
        }
        candidate.sequence = candidates_.size();
        candidates_.push_back(std::move(candidate));
    }

    // --- room --------------------------------------------------------------------

    void countForeignRoom() { used_ = foreign_.size(); }

    const mptcp::Endpoint* foreignWith(const mptcp::Endpoint& endpoint) const {
        for (const auto& other : foreign_) {
            if (other.address == endpoint.address && other.port == endpoint.port) {
                return &other;
            }
        }
        return nullptr;
    }

    OwnedEndpoint* ownedFor(const Candidate& candidate) {
        for (auto& owned : owned_) {
            if (!owned.used && owned.entry.address == candidate.endpoint.address &&
                owned.entry.port == candidate.endpoint.port &&
                owned.entry.ifindex == candidate.endpoint.ifindex) {
                return &owned;
            }
        }
        return nullptr;
    }

    std::optional<Clock::time_point> carrierDeadline(int32_t ifindex) const {
        auto found = in_.carrierLostAt.find(ifindex);
        Clock::time_point lost = found != in_.carrierLostAt.end() ? found->second : in_.now;
        return lost + in_.grace;
    }

    bool standsAside(const Candidate& candidate, std::string& text, SkipReason& reason) const {
        if (in_.others.mptcpd) {
            reason = SkipReason::Mptcpd;
            text = "mptcpd is running and manages the endpoints";
            return true;
        }
        auto claim = in_.others.networkManagerInterfaces.find(candidate.endpoint.ifindex);
        if (candidate.endpoint.ifindex != 0 && claim != in_.others.networkManagerInterfaces.end()) {
            reason = SkipReason::NetworkManager;
            text = "NetworkManager " +
                   std::string(claim->second.certain ? "manages" : "may manage") +
                   " MPTCP endpoints on " + candidate.interface;
            return true;
        }
        return false;
    }

    void place(const Candidate& candidate) {
        const mptcp::Endpoint& wanted = candidate.endpoint;
        OwnedEndpoint* owned = ownedFor(candidate);

        if (!candidate.carrier) {
            const Clock::time_point deadline = *carrierDeadline(wanted.ifindex);
            if (!owned) {
                skip(wanted.address, candidate.interface, wanted.flags, SkipReason::NoCarrier,
                     candidate.interface + " has no carrier; the endpoint is added when it "
                                           "comes back");
                return;
            }
            if (deadline <= in_.now) {
                owned->reason =
                    candidate.interface + " has had no carrier for more than " + seconds(in_.grace);
                skip(wanted.address, candidate.interface, wanted.flags, SkipReason::NoCarrier,
                     owned->reason + "; the endpoint is added again when it comes back");
                return; // not used: deleted below
            }
            if (!fits(candidate, owned)) {
                return;
            }
            owned->used = true;
            plan_.kept.push_back(owned->entry);
            plan_.held.push_back({owned->entry, deadline});
            plan_.recheckAt = plan_.recheckAt ? std::min(*plan_.recheckAt, deadline) : deadline;
            return;
        }

        if (!owned) {
            const mptcp::Endpoint* other = foreignWith(wanted);
            if (other && !(other->flags & mptcp::kFlagImplicit)) {
                skip(wanted.address, candidate.interface, wanted.flags, SkipReason::ForeignEndpoint,
                     wanted.address.toString() + " already has an endpoint (id " +
                         std::to_string(other->id) +
                         ") that MPTCP Manager did not make; it is left alone");
                return;
            }
            std::string text;
            SkipReason reason;
            if (standsAside(candidate, text, reason)) {
                skip(wanted.address, candidate.interface, wanted.flags, reason,
                     text + "; MPTCP Manager adds no endpoint there");
                return;
            }
            // The kernel replaces an implicit endpoint by the one we add
            // (keeping its id): that takes no extra room.
            if (other && replacedImplicit_.insert(other->id).second) {
                --used_;
            }
        }
        if (!fits(candidate, owned)) {
            return;
        }
        if (!owned) {
            plan_.adds.push_back({wanted, candidate.interface, candidate.origin});
            return;
        }
        owned->used = true;
        if (owned->entry.flags == wanted.flags) {
            plan_.kept.push_back(owned->entry);
        } else if (((owned->entry.flags ^ wanted.flags) & ~mptcp::kChangeableEndpointFlags) == 0) {
            plan_.changes.push_back({owned->entry, wanted.flags});
        } else {
            plan_.deletes.push_back({owned->entry,
                                     "its signal/subflow/laminar flags change, which the kernel "
                                     "cannot do in place"});
            plan_.adds.push_back({wanted, candidate.interface, candidate.origin});
        }
    }

    // Takes one of the kernel's endpoint slots for `candidate`, or reports it.
    bool fits(const Candidate& candidate, OwnedEndpoint* owned) {
        if (used_ < kKernelMaxEndpoints) {
            ++used_;
            return true;
        }
        const std::string text =
            "the kernel keeps at most " + std::to_string(kKernelMaxEndpoints) + " endpoints (" +
            std::to_string(foreign_.size()) +
            " made by others) and those that come first in the profile took them";
        skip(candidate.endpoint.address, candidate.interface, candidate.endpoint.flags,
             SkipReason::NoRoom, text);
        if (owned) {
            owned->reason = text;
        }
        return false;
    }

    void deleteUnwanted() {
        for (auto& owned : owned_) {
            if (owned.used) {
                continue;
            }
            std::string reason = owned.reason;
            if (reason.empty()) {
                const Link* link = in_.links.holding(owned.entry.address);
                const LinkAddress* address = nullptr;
                if (link) {
                    for (const auto& held : link->addresses) {
                        if (held.address == owned.entry.address) {
                            address = &held;
                        }
                    }
                }
                if (!link) {
                    reason = "the address is gone";
                } else if (auto problem = addressProblem(*address, true)) {
                    reason = std::string(addressProblemText(*problem));
                } else if (link->index != owned.entry.ifindex && owned.entry.ifindex != 0) {
                    reason = "the address moved to " + link->name;
                } else {
                    reason = "the profile does not ask for it";
                }
            }
            plan_.deletes.push_back({owned.entry, reason});
        }
    }

    // --- notes -------------------------------------------------------------------

    void noteStandingAside() {
        if (in_.others.mptcpd) {
            plan_.notes.push_back(
                "mptcpd is running and manages MPTCP endpoints itself, so this profile adds "
                "none while it runs. Stop it (systemctl disable --now mptcpd) or deactivate the "
                "profile.");
        }
        for (const auto& [link, rule] : matchedLinks_) {
            auto claim = in_.others.networkManagerInterfaces.find(link->index);
            if (claim == in_.others.networkManagerInterfaces.end()) {
                continue;
            }
            const std::string connection = claim->second.connection.empty()
                                               ? "its connection"
                                               : "\"" + claim->second.connection + "\"";
            plan_.notes.push_back(
                "NetworkManager " +
                std::string(claim->second.certain ? "configures" : "may configure") +
                " MPTCP endpoints on " + link->name + " (connection " + connection +
                "), so this profile leaves " + link->name +
                " alone. To let the profile manage it: nmcli connection modify " +
                (claim->second.connection.empty() ? "CONNECTION"
                                                  : "\"" + claim->second.connection + "\"") +
                " connection.mptcp-flags disabled, then reconnect.");
        }
        if (in_.others.networkManager && in_.others.networkManagerInterfaces.empty() &&
            !matchedLinks_.empty()) {
            plan_.notes.push_back(
                "NetworkManager is running; on the interfaces it manages it may configure MPTCP "
                "endpoints itself (connection.mptcp-flags), which this profile leaves alone.");
        }
    }

    void noteMissingDefaultRoutes() {
        std::set<std::pair<int32_t, int>> noted;
        auto check = [&](const mptcp::Endpoint& endpoint, const std::string& interface) {
            if (!(endpoint.flags & mptcp::kFlagSubflow) || endpoint.ifindex == 0) {
                return;
            }
            const Link* link = in_.links.byIndex(endpoint.ifindex);
            const int family = endpoint.address.family;
            if (!link || (family == AF_INET ? link->defaultRoute4 : link->defaultRoute6) ||
                !noted.insert({endpoint.ifindex, family}).second) {
                return;
            }
            plan_.notes.push_back(interface + " has no " + (family == AF_INET ? "IPv4" : "IPv6") +
                                  " default route: subflows from it reach only its own network "
                                  "unless policy routing sends them further.");
        };
        for (const auto& add : plan_.adds) {
            check(add.endpoint, add.interface);
        }
    }

    void skip(const mptcp::IpAddress& address, const std::string& interface, uint32_t flags,
              SkipReason reason, std::string text) {
        plan_.skipped.push_back({address, interface, flags, reason,
                                 describeEndpoint(address, interface) + ": " + text});
    }

    const PlanInput& in_;
    Plan plan_;
    std::vector<OwnedEndpoint> owned_;
    std::vector<mptcp::Endpoint> foreign_;
    std::vector<Candidate> candidates_;
    std::vector<std::pair<const Link*, const InterfaceRule*>> matchedLinks_;
    std::set<uint8_t> replacedImplicit_;
    size_t used_ = 0;
};

} // namespace

std::string_view skipReasonName(SkipReason reason) {
    switch (reason) {
    case SkipReason::UnusableAddress:
        return "unusable-address";
    case SkipReason::NoCarrier:
        return "no-carrier";
    case SkipReason::ForeignEndpoint:
        return "foreign-endpoint";
    case SkipReason::NoRoom:
        return "no-room";
    case SkipReason::Mptcpd:
        return "mptcpd";
    case SkipReason::NetworkManager:
        return "network-manager";
    case SkipReason::NoInterface:
        return "no-interface";
    }
    return "unknown";
}

Plan planReconciliation(const PlanInput& input) {
    return Planner(input).run();
}

void trackCarrier(std::map<int32_t, Clock::time_point>& lostAt, const LinkSnapshot& links,
                  Clock::time_point now) {
    std::map<int32_t, Clock::time_point> current;
    for (const Link& link : links.links) {
        if (link.carrierUp()) {
            continue;
        }
        auto found = lostAt.find(link.index);
        current[link.index] = found != lostAt.end() ? found->second : now;
    }
    lostAt = std::move(current);
}

} // namespace profiles
