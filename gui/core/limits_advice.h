// Sentences that warn when the limits and endpoints together cannot do what
// the user probably wants (e.g. "subflow" endpoints with a subflow limit of 0).
#pragma once

#include "helper_types.h"

#include <QStringList>

struct LimitsFacts {
    uint subflows = 0;
    uint addAddrAccepted = 0;
    EndpointList endpoints;
    int addressesAnnouncedByPeers = 0; // ANNOUNCED events seen since the app started
};

QStringList limitsWarnings(const LimitsFacts& facts);
