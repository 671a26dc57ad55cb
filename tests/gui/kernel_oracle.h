// The GUI tests' view of the world outside the app, as run_with_helper.py
// sets it up: the kernel read directly (`ip mptcp`, unprivileged, in the
// helper's namespace) and the root-side oracle for what an ordinary user
// cannot do (add an endpoint with `ip`, kill the helper, open connections).
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace oracle {

// False when the test runs on its own, outside run_with_helper.py.
bool available();

// One request to the root side; the event loop keeps running while it waits,
// so the app under test goes on answering.
QJsonObject request(const QJsonObject& request, int timeoutMilliseconds = 120000);

// `ip -j mptcp endpoint show` in the test's own namespace.
QJsonArray kernelEndpoints();
// `ip mptcp limits show` as {"subflows": N, "add_addr_accepted": M}.
QJsonObject kernelLimits();
// /proc/sys/net/mptcp/NAME.
QString kernelSysctl(const QString& name);

} // namespace oracle
