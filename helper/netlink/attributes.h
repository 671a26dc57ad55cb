// Range-for over netlink attributes, bounds-checked like libmnl's iteration
// macros (which are C-only: they assign from void*).
#pragma once

#include <libmnl/libmnl.h>

#include <cstddef>

namespace mptcp {

class Attributes {
public:
    class Iterator {
    public:
        Iterator(const nlattr* attribute, int remaining) : attribute_(attribute), remaining_(remaining) {
            settle();
        }
        const nlattr* operator*() const { return attribute_; }
        Iterator& operator++() {
            remaining_ -= static_cast<int>(MNL_ALIGN(attribute_->nla_len));
            attribute_ = mnl_attr_next(attribute_);
            settle();
            return *this;
        }
        bool operator!=(const Iterator& other) const { return attribute_ != other.attribute_; }

    private:
        // A truncated or overlong attribute ends the iteration.
        void settle() {
            if (attribute_ && !mnl_attr_ok(attribute_, remaining_)) {
                attribute_ = nullptr;
            }
        }
        const nlattr* attribute_;
        int remaining_;
    };

    Attributes(const void* start, size_t length)
        : start_(static_cast<const nlattr*>(start)), length_(static_cast<int>(length)) {}

    // The attributes after a message's fixed header of `headerSize` bytes.
    static Attributes ofMessage(const nlmsghdr* message, size_t headerSize) {
        size_t offset = MNL_ALIGN(headerSize);
        size_t payload = mnl_nlmsg_get_payload_len(message);
        if (payload < offset) {
            return Attributes(nullptr, 0);
        }
        return Attributes(mnl_nlmsg_get_payload_offset(message, headerSize), payload - offset);
    }

    static Attributes nested(const nlattr* nest) {
        return Attributes(mnl_attr_get_payload(nest), mnl_attr_get_payload_len(nest));
    }

    Iterator begin() const { return Iterator(length_ > 0 ? start_ : nullptr, length_); }
    Iterator end() const { return Iterator(nullptr, 0); }

private:
    const nlattr* start_;
    int length_;
};

} // namespace mptcp
