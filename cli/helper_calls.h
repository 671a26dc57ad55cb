// What both of mptcpctl's helper clients need: the helper's D-Bus errors as
// mptcp::Error, and changing calls that allow a password prompt.
#pragma once

#include "error.h"

#include <QDBusError>
#include <QList>
#include <QVariant>

class HelperProxy;

namespace mptcpctl {

// The helper's messages are whole sentences (with the kernel's words kept),
// so no errno text is added to them.
mptcp::Error fromDBus(const QDBusError& error);

// Qt 6.4's generated proxy cannot mark a call as allowing interactive
// authorization, so changing calls are sent as messages built from the
// proxy's own service, path and interface, with that flag set.
mptcp::Status callInteractive(HelperProxy& proxy, const QString& method,
                              const QList<QVariant>& arguments);

} // namespace mptcpctl
