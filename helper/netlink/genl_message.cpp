#include "genl_message.h"

#include <libmnl/libmnl.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>

namespace mptcp {

namespace {
// Requests are a handful of attributes; 1 KiB leaves room for every one.
constexpr size_t kRequestBytes = 1024;
} // namespace

GenlMessage::GenlMessage(uint16_t family, uint8_t command, uint8_t version, uint16_t flags)
    : storage_(kRequestBytes / sizeof(uint64_t)) {
    header_ = mnl_nlmsg_put_header(storage_.data());
    header_->nlmsg_type = family;
    header_->nlmsg_flags = static_cast<uint16_t>(NLM_F_REQUEST | flags);
    auto* genl =
        static_cast<genlmsghdr*>(mnl_nlmsg_put_extra_header(header_, sizeof(genlmsghdr)));
    genl->cmd = command;
    genl->version = version;
}

void GenlMessage::putU8(uint16_t type, uint8_t value) { mnl_attr_put_u8(header_, type, value); }
void GenlMessage::putU16(uint16_t type, uint16_t value) { mnl_attr_put_u16(header_, type, value); }
void GenlMessage::putU32(uint16_t type, uint32_t value) { mnl_attr_put_u32(header_, type, value); }

void GenlMessage::putS32(uint16_t type, int32_t value) {
    mnl_attr_put(header_, type, sizeof(value), &value);
}

void GenlMessage::putBytes(uint16_t type, const void* data, size_t length) {
    mnl_attr_put(header_, type, length, data);
}

void GenlMessage::putString(uint16_t type, const char* value) {
    mnl_attr_put_strz(header_, type, value);
}

nlattr* GenlMessage::beginNest(uint16_t type) { return mnl_attr_nest_start(header_, type); }
void GenlMessage::endNest(nlattr* nest) { mnl_attr_nest_end(header_, nest); }

} // namespace mptcp
