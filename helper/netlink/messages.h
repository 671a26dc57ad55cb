// Range-for over the netlink messages of one datagram. libmnl's
// mnl_nlmsg_ok() compares nlmsg_len as a signed int, so a length above 2 GiB
// passes its check; this iteration compares unsigned sizes and stops at the
// first message that does not fit.
#pragma once

#include <libmnl/libmnl.h>
#include <linux/netlink.h>

#include <cstddef>

namespace mptcp {

class Messages {
public:
    class Iterator {
    public:
        Iterator(const char* position, size_t remaining) : position_(position), remaining_(remaining) {
            settle();
        }
        const nlmsghdr* operator*() const { return reinterpret_cast<const nlmsghdr*>(position_); }
        Iterator& operator++() {
            size_t step = NLMSG_ALIGN((**this)->nlmsg_len);
            if (step >= remaining_) {
                position_ = nullptr;
            } else {
                position_ += step;
                remaining_ -= step;
                settle();
            }
            return *this;
        }
        bool operator!=(const Iterator& other) const { return position_ != other.position_; }
        // Bytes from the current message to the end of the datagram.
        size_t remaining() const { return remaining_; }

    private:
        void settle() {
            if (!position_ || remaining_ < sizeof(nlmsghdr)) {
                position_ = nullptr;
                return;
            }
            size_t length = (**this)->nlmsg_len;
            if (length < sizeof(nlmsghdr) || length > remaining_) {
                position_ = nullptr;
            }
        }
        const char* position_;
        size_t remaining_;
    };

    Messages(const char* data, size_t length) : data_(data), length_(length) {}
    Iterator begin() const { return Iterator(data_, length_); }
    Iterator end() const { return Iterator(nullptr, 0); }

private:
    const char* data_;
    size_t length_;
};

} // namespace mptcp
