#include "printers.h"

#include <net/if.h>
#include <netinet/in.h>

#include <cstdio>

namespace mptcpctl {

namespace {

std::string printf_(const char* format, auto... values) {
    char buffer[128];
    int length = std::snprintf(buffer, sizeof(buffer), format, values...);
    return std::string(buffer, length > 0 ? static_cast<size_t>(length) : 0);
}

std::string hex(uint32_t value, const char* format = "%02x") { return printf_(format, value); }

std::string hostPort(const mptcp::IpAddress& address, uint16_t port) {
    if (address.family == AF_INET6) {
        return "[" + address.toString() + "]:" + std::to_string(port);
    }
    return address.toString() + ":" + std::to_string(port);
}

} // namespace

std::string localInterfaceName(int32_t ifindex) {
    char name[IF_NAMESIZE] = {};
    if (ifindex > 0 && if_indextoname(static_cast<unsigned>(ifindex), name)) {
        return name;
    }
    return "if" + std::to_string(ifindex);
}

std::string formatEndpoint(const mptcp::Endpoint& endpoint, const InterfaceNamer& namer) {
    std::string line;
    if (endpoint.address.isSet()) {
        line += endpoint.address.toString() + " ";
    }
    if (endpoint.port) {
        line += "port " + std::to_string(endpoint.port) + " ";
    }
    line += "id " + std::to_string(endpoint.id) + " ";
    uint32_t unknown = endpoint.flags;
    for (const auto& flag : mptcp::kEndpointFlagNames) {
        if (endpoint.flags & flag.bit) {
            line += std::string(flag.name) + " ";
        }
        unknown &= ~flag.bit;
    }
    if (unknown) {
        line += "rawflags " + hex(unknown) + " ";
    }
    if (endpoint.ifindex) {
        line += "dev " + namer(endpoint.ifindex) + " ";
    }
    return line + "\n";
}

void writeEndpoint(JsonWriter& json, const mptcp::Endpoint& endpoint,
                   const InterfaceNamer& namer) {
    json.beginObject();
    if (endpoint.address.isSet()) {
        json.string("address", endpoint.address.toString());
    }
    if (endpoint.port) {
        json.number("port", endpoint.port);
    }
    json.number("id", endpoint.id);
    uint32_t unknown = endpoint.flags;
    for (const auto& flag : mptcp::kEndpointFlagNames) {
        if (endpoint.flags & flag.bit) {
            json.boolean(flag.name, true);
        }
        unknown &= ~flag.bit;
    }
    if (unknown) {
        json.string("rawflags", hex(unknown));
    }
    if (endpoint.ifindex) {
        json.string("dev", namer(endpoint.ifindex));
    }
    json.endObject();
}

std::string formatLimits(const mptcp::Limits& limits) {
    return "add_addr_accepted " + std::to_string(limits.addAddrAccepted) + " subflows " +
           std::to_string(limits.subflows) + " \n";
}

void writeLimits(JsonWriter& json, const mptcp::Limits& limits) {
    json.beginObject();
    json.number("add_addr_accepted", limits.addAddrAccepted);
    json.number("subflows", limits.subflows);
    json.endObject();
}

std::string formatEvent(const mptcp::Event& event) {
    if (event.eventsLost) {
        return "[   EVENTS_LOST] the kernel dropped events: the receive queue overflowed\n";
    }
    std::string_view name = mptcp::eventName(event.command);
    // iproute2 6.1 knows neither listener event and prints only their number.
    if (name.empty() || event.command >= 15) {
        return "[UNKNOWN " + std::to_string(event.command) + "]\n";
    }
    std::string line = printf_("[%14s]", std::string(name).c_str());
    if (event.token) line += printf_(" token=%08x", *event.token);
    if (event.remoteId) line += printf_(" remid=%u", unsigned{*event.remoteId});
    if (event.localId) line += printf_(" locid=%u", unsigned{*event.localId});
    const bool v4 = event.sourceAddress.family == AF_INET;
    const bool destinationV4 = event.destinationAddress.family == AF_INET;
    if (v4) line += " saddr4=" + event.sourceAddress.toString();
    if (destinationV4) line += " daddr4=" + event.destinationAddress.toString();
    if (event.sourceAddress.family == AF_INET6) {
        line += " saddr6=" + event.sourceAddress.toString();
    }
    if (event.destinationAddress.family == AF_INET6) {
        line += " daddr6=" + event.destinationAddress.toString();
    }
    if (event.sourcePort) line += printf_(" sport=%u", unsigned{*event.sourcePort});
    if (event.destinationPort) line += printf_(" dport=%u", unsigned{*event.destinationPort});
    if (event.backup) line += printf_(" backup=%d", int{*event.backup});
    if (event.error) line += printf_(" error=%d", int{*event.error});
    if (event.flags) line += printf_(" flags=%x", unsigned{*event.flags});
    if (event.timeout) line += printf_(" timeout=%u", *event.timeout);
    if (event.ifindex) line += printf_(" ifindex=%d", *event.ifindex);
    if (event.resetReason) line += printf_(" reset_reason=%u", *event.resetReason);
    if (event.resetFlags) line += printf_(" reset_flags=0x%x", *event.resetFlags);
    return line + "\n";
}

void writeEvent(JsonWriter& json, const mptcp::Event& event) {
    json.beginObject();
    if (event.eventsLost) {
        json.string("type", "EVENTS_LOST");
        json.endObject();
        return;
    }
    std::string_view name = mptcp::eventName(event.command);
    json.string("type", name.empty() ? "UNKNOWN" : name);
    json.number("command", event.command);
    if (event.token) json.string("token", hex(*event.token, "%08x"));
    if (event.family) json.string("family", *event.family == AF_INET6 ? "inet6" : "inet");
    if (event.remoteId) json.number("remote_id", *event.remoteId);
    if (event.localId) json.number("local_id", *event.localId);
    if (event.sourceAddress.isSet()) json.string("saddr", event.sourceAddress.toString());
    if (event.destinationAddress.isSet()) {
        json.string("daddr", event.destinationAddress.toString());
    }
    if (event.sourcePort) json.number("sport", *event.sourcePort);
    if (event.destinationPort) json.number("dport", *event.destinationPort);
    if (event.backup) json.boolean("backup", *event.backup != 0);
    if (event.error) json.number("error", *event.error);
    if (event.flags) json.number("flags", *event.flags);
    if (event.timeout) json.number("timeout", *event.timeout);
    if (event.ifindex) json.signedNumber("ifindex", *event.ifindex);
    if (event.resetReason) {
        json.number("reset_reason", *event.resetReason);
        json.string("reset_reason_text", mptcp::resetReasonText(*event.resetReason));
    }
    if (event.resetFlags) json.number("reset_flags", *event.resetFlags);
    if (event.serverSide) json.boolean("server_side", *event.serverSide != 0);
    json.endObject();
}

std::string formatConnection(const mptcp::Connection& connection, const InterfaceNamer& namer) {
    std::string text = printf_("%-10s ", mptcp::tcpStateName(connection.state)) +
                       hostPort(connection.localAddress, connection.localPort) + " <-> " +
                       hostPort(connection.remoteAddress, connection.remotePort) + " token " +
                       hex(connection.token, "%08x") + " subflows " +
                       std::to_string(connection.subflows.size());
    if (connection.fallback()) {
        text += " fallback";
    }
    text += "\n";
    for (const auto& subflow : connection.subflows) {
        text += printf_("    %-10s ", mptcp::tcpStateName(subflow.state)) +
                hostPort(subflow.localAddress, subflow.localPort) + " <-> " +
                hostPort(subflow.remoteAddress, subflow.remotePort) + " ids " +
                std::to_string(subflow.localId) + "/" + std::to_string(subflow.remoteId);
        if (subflow.ifindex) {
            text += " dev " + namer(static_cast<int32_t>(subflow.ifindex));
        }
        if (subflow.backupLocal || subflow.backupRemote) {
            text += " backup";
        }
        text += " sent " + std::to_string(subflow.bytesSent) + " received " +
                std::to_string(subflow.bytesReceived) + "\n";
    }
    return text;
}

void writeConnection(JsonWriter& json, const mptcp::Connection& connection,
                     const InterfaceNamer& namer) {
    json.beginObject();
    json.string("state", mptcp::tcpStateName(connection.state));
    json.string("local_address", connection.localAddress.toString());
    json.number("local_port", connection.localPort);
    json.string("remote_address", connection.remoteAddress.toString());
    json.number("remote_port", connection.remotePort);
    json.string("token", hex(connection.token, "%08x"));
    json.boolean("fallback", connection.fallback());
    if (connection.bytesSent) json.number("bytes_sent", *connection.bytesSent);
    if (connection.bytesReceived) json.number("bytes_received", *connection.bytesReceived);
    json.beginArray("subflows");
    for (const auto& subflow : connection.subflows) {
        json.beginObject();
        json.string("state", mptcp::tcpStateName(subflow.state));
        json.string("local_address", subflow.localAddress.toString());
        json.number("local_port", subflow.localPort);
        json.string("remote_address", subflow.remoteAddress.toString());
        json.number("remote_port", subflow.remotePort);
        json.number("local_id", subflow.localId);
        json.number("remote_id", subflow.remoteId);
        if (subflow.ifindex) {
            json.string("dev", namer(static_cast<int32_t>(subflow.ifindex)));
        }
        json.boolean("backup", subflow.backupLocal);
        json.boolean("remote_backup", subflow.backupRemote);
        json.number("bytes_sent", subflow.bytesSent);
        json.number("bytes_received", subflow.bytesReceived);
        json.number("bytes_acked", subflow.bytesAcked);
        json.endObject();
    }
    json.endArray();
    json.endObject();
}

namespace {

// Continuation lines of a multi-line text, indented under its label.
std::string indented(const std::string& label, const std::string& text) {
    std::string result = "    " + label + ": ";
    for (char c : text) {
        result += c;
        if (c == '\n') {
            result += "        ";
        }
    }
    return result + "\n";
}

void writeAction(JsonWriter& json, const doctor::FixAction& action) {
    json.beginObject("action");
    json.string("method", doctor::actionMethod(action));
    json.beginObject("arguments");
    std::visit(doctor::Overloaded{
                   [&](const doctor::SetSysctlFix& fix) {
                       json.string("name", fix.name);
                       json.string("value", fix.value);
                   },
                   [&](const doctor::SetLimitsFix& fix) {
                       json.number("subflows", fix.subflows);
                       json.number("add_addr_accepted", fix.addAddrAccepted);
                   },
                   [&](const doctor::RemoveEndpointFix& fix) { json.number("id", fix.id); },
                   [&](const doctor::SetEndpointFlagsFix& fix) {
                       json.number("id", fix.id);
                       json.number("flags", fix.flags);
                   },
               },
               action);
    json.endObject();
    json.endObject();
}

} // namespace

std::string formatFindings(const std::vector<doctor::Finding>& findings) {
    if (findings.empty()) {
        return "No problems found.\n";
    }
    std::string text;
    for (const auto& finding : findings) {
        if (!text.empty()) {
            text += "\n";
        }
        text += "[" + std::string(doctor::severityName(finding.severity)) + "] " + finding.id +
                ": " + finding.summary + "\n";
        text += indented("why", finding.why);
        text += indented("fix", finding.fix);
    }
    return text;
}

void writeFinding(JsonWriter& json, const doctor::Finding& finding) {
    json.beginObject();
    json.string("id", finding.id);
    json.string("severity", doctor::severityName(finding.severity));
    json.string("summary", finding.summary);
    json.string("why", finding.why);
    json.string("fix", finding.fix);
    if (finding.action) {
        writeAction(json, *finding.action);
    }
    json.endObject();
}

} // namespace mptcpctl
