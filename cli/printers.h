// How mptcpctl shows things: plain text byte-for-byte as iproute2's `ip mptcp`
// (Debian 12's iproute2 6.1) and JSON for scripts.
#pragma once

#include "connections.h"
#include "endpoint.h"
#include "event.h"
#include "findings.h"
#include "json_writer.h"
#include "path_manager.h"

#include <functional>
#include <string>

namespace mptcpctl {

// Maps an interface index to its name; iproute2 prints "if%d" for unknown ones.
using InterfaceNamer = std::function<std::string(int32_t ifindex)>;
std::string localInterfaceName(int32_t ifindex);

std::string formatEndpoint(const mptcp::Endpoint& endpoint, const InterfaceNamer& namer);
void writeEndpoint(JsonWriter& json, const mptcp::Endpoint& endpoint, const InterfaceNamer& namer);

std::string formatLimits(const mptcp::Limits& limits);
void writeLimits(JsonWriter& json, const mptcp::Limits& limits);

std::string formatEvent(const mptcp::Event& event);
void writeEvent(JsonWriter& json, const mptcp::Event& event);

std::string formatConnection(const mptcp::Connection& connection, const InterfaceNamer& namer);
void writeConnection(JsonWriter& json, const mptcp::Connection& connection,
                     const InterfaceNamer& namer);

// One block per finding: "[warning] ID: summary", then the why and the fix
// indented, blocks separated by a blank line; a line saying so when empty.
std::string formatFindings(const std::vector<doctor::Finding>& findings);
// {"id", "severity", "summary", "why", "fix", "action": {"method", "arguments"}}
void writeFinding(JsonWriter& json, const doctor::Finding& finding);

} // namespace mptcpctl
