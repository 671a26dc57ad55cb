// Converts between the netlink layer's types and the D-Bus records, both ways,
// so mptcpctl prints the helper's answers exactly as it prints the kernel's.
#pragma once

#include "connections.h"
#include "endpoint.h"
#include "event.h"
#include "findings.h"
#include "helper_types.h"

#include <functional>
#include <map>
#include <string>

using InterfaceNameOf = std::function<std::string(int32_t ifindex)>;

EndpointRecord toRecord(const mptcp::Endpoint& endpoint, const InterfaceNameOf& nameOf);
ConnectionRecord toRecord(const mptcp::Connection& connection, const InterfaceNameOf& nameOf);
EventRecord toRecord(const mptcp::Event& event);
mptcp::Event fromRecord(const EventRecord& record);
FindingRecord toRecord(const doctor::Finding& finding);
// An unknown severity reads as an error; an unknown method as no action.
doctor::Finding fromRecord(const FindingRecord& record);

// Records carry interface names, the netlink types carry indexes: a client
// in another network namespace than the helper cannot map one to the other,
// so it numbers the names it meets and maps them back for printing.
class InterfaceNameTable {
public:
    int32_t indexFor(const QString& name);
    std::string nameOf(int32_t index) const;

private:
    std::map<std::string, int32_t> indexes_;
    std::map<int32_t, std::string> names_;
};

mptcp::Endpoint fromRecord(const EndpointRecord& record, InterfaceNameTable& names);
mptcp::Connection fromRecord(const ConnectionRecord& record, InterfaceNameTable& names);
