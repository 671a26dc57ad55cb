// Turns what the kernel answered into a sentence a person can act on, keeping
// the kernel's own words beside it.
#pragma once

#include "error.h"

namespace mptcp {

enum class Operation {
    Connect,
    AddEndpoint,
    RemoveEndpoint,
    ShowEndpoint,
    ListEndpoints,
    FlushEndpoints,
    ChangeEndpoint,
    ShowLimits,
    SetLimits,
    Monitor,
    ListConnections,
};

Error explainKernelError(Operation operation, const Error& kernelError);

} // namespace mptcp
