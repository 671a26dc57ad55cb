#include "netlink_builder.h"

#include <libmnl/libmnl.h>
#include <linux/genetlink.h>

namespace testing_support {

MessageBuilder::MessageBuilder(uint16_t type, uint8_t genlCommand) : storage_(1024) {
    auto* header = mnl_nlmsg_put_header(storage_.data());
    header->nlmsg_type = type;
    auto* genl = static_cast<genlmsghdr*>(mnl_nlmsg_put_extra_header(header, sizeof(genlmsghdr)));
    genl->cmd = genlCommand;
    genl->version = 1;
    header_ = header;
}

MessageBuilder& MessageBuilder::u8(uint16_t type, uint8_t value) {
    mnl_attr_put_u8(static_cast<nlmsghdr*>(header_), type, value);
    return *this;
}
MessageBuilder& MessageBuilder::u16(uint16_t type, uint16_t value) {
    mnl_attr_put_u16(static_cast<nlmsghdr*>(header_), type, value);
    return *this;
}
MessageBuilder& MessageBuilder::u32(uint16_t type, uint32_t value) {
    mnl_attr_put_u32(static_cast<nlmsghdr*>(header_), type, value);
    return *this;
}
MessageBuilder& MessageBuilder::bytes(uint16_t type, const void* data, size_t length) {
    mnl_attr_put(static_cast<nlmsghdr*>(header_), type, length, data);
    return *this;
}
MessageBuilder& MessageBuilder::beginNest(uint16_t type) {
    nests_.push_back(mnl_attr_nest_start(static_cast<nlmsghdr*>(header_), type));
    return *this;
}
MessageBuilder& MessageBuilder::endNest() {
    mnl_attr_nest_end(static_cast<nlmsghdr*>(header_), static_cast<nlattr*>(nests_.back()));
    nests_.pop_back();
    return *this;
}

std::span<const char> MessageBuilder::message() const {
    const auto* header = static_cast<const nlmsghdr*>(header_);
    return {reinterpret_cast<const char*>(header), header->nlmsg_len};
}

} // namespace testing_support
