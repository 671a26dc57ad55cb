// The helper's argument checks with arbitrary strings and numbers: they must
// never crash, and whatever they accept must satisfy the rules they enforce.
#include "endpoint.h"
#include "validation.h"

#include <cstdlib>
#include <cstring>
#include <string>

namespace {

uint32_t fakeLookup(const char* name) { return std::strlen(name) % 3 == 0 ? 5 : 0; }

uint32_t take32(const uint8_t*& data, size_t& size) {
    uint32_t value = 0;
    size_t n = size < 4 ? size : 4;
    std::memcpy(&value, data, n);
    data += n;
    size -= n;
    return value;
}

std::string takeString(const uint8_t*& data, size_t& size) {
    size_t length = size ? data[0] % 48 : 0;
    if (size) {
        ++data;
        --size;
    }
    length = length < size ? length : size;
    std::string text(reinterpret_cast<const char*>(data), length);
    data += length;
    size -= length;
    return text;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const uint32_t id = take32(data, size);
    const uint32_t flags = take32(data, size);
    const uint32_t port = take32(data, size);
    const std::string address = takeString(data, size);
    const std::string ifname = takeString(data, size);

    auto endpoint = helper::validateNewEndpoint(address, static_cast<uint16_t>(port), ifname, id,
                                                flags, fakeLookup);
    if (auto* accepted = std::get_if<mptcp::Endpoint>(&endpoint)) {
        // The rules the helper promises, re-checked on whatever got through.
        if (accepted->flags & ~mptcp::kUserEndpointFlags) std::abort();
        if ((accepted->flags & mptcp::kFlagSignal) && (accepted->flags & mptcp::kFlagFullmesh))
            std::abort();
        if (accepted->port && !(accepted->flags & mptcp::kFlagSignal)) std::abort();
        if (accepted->address.isUnspecified() || accepted->address.isMulticast()) std::abort();
        if (ifname.size() > helper::kMaxInterfaceNameBytes) std::abort();
    } else if (std::get<helper::ValidationError>(endpoint).message.empty()) {
        std::abort();
    }
    (void)helper::validateRemoval(id, address);
    (void)helper::validateFlagChange(id, flags);
    (void)helper::validateLimits(id, flags);
    (void)helper::validateAddress(ifname);
    return 0;
}
