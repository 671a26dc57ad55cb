#include "error.h"

#include <cstring>

namespace mptcp {

std::string Error::describe() const {
    std::string text = advice_;
    if (!kernelMessage_.empty()) {
        text += " (kernel: " + kernelMessage_ + ")";
    } else if (errnum_ != 0 && advice_ != std::strerror(errnum_)) {
        text += std::string(" (") + std::strerror(errnum_) + ")";
    }
    return text;
}

} // namespace mptcp
