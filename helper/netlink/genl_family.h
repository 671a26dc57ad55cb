// Generic netlink families are numbered at run time: resolve one by name.
#pragma once

#include "error.h"

#include <cstdint>
#include <map>
#include <string>

struct nlmsghdr;

namespace mptcp {

class NetlinkSocket;

struct GenlFamily {
    uint16_t id = 0;
    uint32_t version = 0;
    std::map<std::string, uint32_t> multicastGroups;
};

Result<GenlFamily> resolveGenlFamily(NetlinkSocket& socket, const char* name);

// Parses one CTRL_CMD_NEWFAMILY reply. Exposed for the fuzzers.
Result<GenlFamily> decodeGenlFamily(const nlmsghdr* message);

} // namespace mptcp
