#include "ip_address.h"

#include <arpa/inet.h>
#include <cstring>
#include <netinet/in.h>

namespace mptcp {

std::optional<IpAddress> IpAddress::parse(std::string_view text) {
    if (text.empty() || text.size() >= INET6_ADDRSTRLEN) {
        return std::nullopt;
    }
    std::string copy(text);
    IpAddress address;
    if (inet_pton(AF_INET, copy.c_str(), address.bytes.data()) == 1) {
        address.family = AF_INET;
        return address;
    }
    if (inet_pton(AF_INET6, copy.c_str(), address.bytes.data()) == 1) {
        address.family = AF_INET6;
        return address;
    }
    return std::nullopt;
}

IpAddress IpAddress::fromBytes(int family, const void* data) {
    IpAddress address;
    address.family = family;
    std::memcpy(address.bytes.data(), data, address.length());
    return address;
}

size_t IpAddress::length() const {
    return family == AF_INET ? 4 : family == AF_INET6 ? 16 : 0;
}

std::string IpAddress::toString() const {
    char text[INET6_ADDRSTRLEN] = {};
    if (!isSet() || !inet_ntop(family, bytes.data(), text, sizeof(text))) {
        return {};
    }
    return text;
}

bool IpAddress::isUnspecified() const {
    for (size_t i = 0; i < length(); ++i) {
        if (bytes[i] != 0) {
            return false;
        }
    }
    return true;
}

bool IpAddress::isMulticast() const {
    return family == AF_INET ? (bytes[0] & 0xf0) == 0xe0 : family == AF_INET6 && bytes[0] == 0xff;
}

bool IpAddress::isBroadcast() const {
    return family == AF_INET && bytes[0] == 0xff && bytes[1] == 0xff && bytes[2] == 0xff &&
           bytes[3] == 0xff;
}

bool IpAddress::isLoopback() const {
    if (family == AF_INET) {
        return bytes[0] == 127;
    }
    static const std::array<uint8_t, 16> loopback6 = {0, 0, 0, 0, 0, 0, 0, 0,
                                                      0, 0, 0, 0, 0, 0, 0, 1};
    return family == AF_INET6 && bytes == loopback6;
}

} // namespace mptcp
