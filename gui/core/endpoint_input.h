// The "Add endpoint" form's checks, as the user types. The rules are the
// helper's own (helper/service/validation.h), so the form refuses exactly
// what the helper would; the helper still checks everything it receives.
#pragma once

#include "helper_types.h"

#include <QString>

struct EndpointInput {
    QString address;
    QString port; // empty: none
    QString ifname;
    QString id; // empty: the kernel chooses
    uint flags = 0;
};

struct EndpointCheck {
    EndpointRecord endpoint; // valid when `problem` is empty
    QString problem;         // why the helper would refuse it
    QString hint;            // allowed, but probably not what was meant
};

EndpointCheck checkEndpointInput(const EndpointInput& input);
