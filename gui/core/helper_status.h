// What the app knows about the helper and the kernel behind it, in one value
// so the banner, the tray and read-only mode all decide from the same facts.
#pragma once

#include "helper_types.h"

#include <QString>

enum class HelperAvailability {
    Connecting, // nothing answered yet
    Running,    // answers; it may exit when idle, D-Bus starts it again on the next call
    Restarting, // left the bus while the app was subscribed; coming back
    Absent,     // cannot be reached or started
};

enum class HelperAuthorization {
    Unknown, // nothing asked yet (or the last answer came from a previous helper)
    Granted, // polkit said yes to something (monitoring or a change)
    Denied,  // polkit said no to monitoring: changes would be refused too
};

struct HelperStatus {
    HelperAvailability availability = HelperAvailability::Connecting;
    QString absentReason;
    bool supportKnown = false;
    KernelSupportInfo support;
    HelperAuthorization authorization = HelperAuthorization::Unknown;
    QString denialReason;
    QString kernelError; // the last kernel error of a read, in the kernel's words

    bool mptcpUsable() const { return supportKnown && support.available && support.enabled; }
    // Sysctls (MPTCP on/off included) can be changed whenever the helper answers.
    bool canChangeSettings() const {
        return availability == HelperAvailability::Running &&
               authorization != HelperAuthorization::Denied;
    }
    // Endpoints and limits need a kernel with MPTCP on, too.
    bool canChangePathManager() const { return canChangeSettings() && mptcpUsable(); }

    friend bool operator==(const HelperStatus& left, const HelperStatus& right);
};
