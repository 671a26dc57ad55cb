// Builds netlink messages in memory as the kernel would send them, so the
// decoders can be tested (and broken) without a kernel.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace testing_support {

class MessageBuilder {
public:
    MessageBuilder(uint16_t type, uint8_t genlCommand);

    MessageBuilder& u8(uint16_t type, uint8_t value);
    MessageBuilder& u16(uint16_t type, uint16_t value);
    MessageBuilder& u32(uint16_t type, uint32_t value);
    MessageBuilder& bytes(uint16_t type, const void* data, size_t length);
    MessageBuilder& beginNest(uint16_t type);
    MessageBuilder& endNest();

    std::span<const char> message() const;

private:
    std::vector<uint64_t> storage_;
    void* header_;
    std::vector<void*> nests_;
};

} // namespace testing_support
