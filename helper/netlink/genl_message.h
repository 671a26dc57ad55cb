// Builds one generic netlink request in an owned, correctly aligned buffer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

struct nlattr;
struct nlmsghdr;

namespace mptcp {

class GenlMessage {
public:
    GenlMessage(uint16_t family, uint8_t command, uint8_t version, uint16_t flags);

    nlmsghdr* header() { return header_; }

    void putU8(uint16_t type, uint8_t value);
    void putU16(uint16_t type, uint16_t value);
    void putU32(uint16_t type, uint32_t value);
    void putS32(uint16_t type, int32_t value);
    void putBytes(uint16_t type, const void* data, size_t length);
    void putString(uint16_t type, const char* value);
    nlattr* beginNest(uint16_t type);
    void endNest(nlattr* nest);

private:
    std::vector<uint64_t> storage_;
    nlmsghdr* header_;
};

} // namespace mptcp
