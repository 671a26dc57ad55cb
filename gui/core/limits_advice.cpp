#include "limits_advice.h"

#include "endpoint.h"

#include <QCoreApplication>

namespace {

// Gives the strings of this file a translation context lupdate can see.
struct LimitsAdvice {
    Q_DECLARE_TR_FUNCTIONS(LimitsAdvice)
};

} // namespace

QStringList limitsWarnings(const LimitsFacts& facts) {
    QStringList warnings;
    int subflowEndpoints = 0;
    for (const auto& endpoint : facts.endpoints) {
        if (endpoint.flags & mptcp::kFlagSubflow) {
            ++subflowEndpoints;
        }
    }
    if (subflowEndpoints > 0 && facts.subflows == 0) {
        warnings.append(LimitsAdvice::tr("No extra paths can open: “Paths per connection” is 0, so "
                                         "the endpoints set to open paths are not used."));
    } else if (static_cast<uint>(subflowEndpoints) > facts.subflows) {
        warnings.append(
            LimitsAdvice::tr("Only %1 of the endpoints that open paths (%2 in all) can be "
                             "used at once: raise “Paths per connection” to use them all.")
                .arg(facts.subflows)
                .arg(subflowEndpoints));
    }
    if (facts.addAddrAccepted > 0 && facts.subflows == 0) {
        warnings.append(
            LimitsAdvice::tr("Addresses the other side announces are accepted but never "
                             "used, because “Paths per connection” is 0."));
    }
    if (facts.addAddrAccepted == 0 && facts.addressesAnnouncedByPeers > 0) {
        warnings.append(LimitsAdvice::tr("The other side announced addresses (%1 so far), but "
                                         "“Accepted announcements” is 0, so no path opens towards "
                                         "them.")
                            .arg(facts.addressesAnnouncedByPeers));
    }
    return warnings;
}
