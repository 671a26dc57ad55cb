// The one error type of the netlink layer: what the kernel said (errno and
// its extended-ack text, kept verbatim) plus a sentence a person can act on.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace mptcp {

class Error {
public:
    Error(int errnum, std::string advice, std::string kernelMessage = {})
        : errnum_(errnum), advice_(std::move(advice)), kernelMessage_(std::move(kernelMessage)) {}

    // Positive errno value (EINVAL, ERANGE, ...), or 0 for errors found before
    // the kernel was asked (bad input, malformed reply).
    int code() const { return errnum_; }
    // The kernel's extended-ack text, empty when the kernel sent none.
    const std::string& kernelMessage() const { return kernelMessage_; }
    // What went wrong and what to do, in plain words.
    const std::string& advice() const { return advice_; }

    // One line for logs and command-line tools:
    // "the kernel accepts at most 8 endpoints; ... (kernel: too many addresses ...: -34)"
    std::string describe() const;

private:
    int errnum_;
    std::string advice_;
    std::string kernelMessage_;
};

// A value or the Error that prevented it; std::expected is C++23, and this
// project builds as C++20 with Debian 12's GCC 12.
template <class T> class [[nodiscard]] Result {
public:
    Result(T value) : state_(std::move(value)) {}
    Result(Error error) : state_(std::move(error)) {}

    bool ok() const { return state_.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() & { return std::get<0>(state_); }
    const T& value() const& { return std::get<0>(state_); }
    T&& value() && { return std::get<0>(std::move(state_)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    const Error& error() const { return std::get<1>(state_); }

private:
    std::variant<T, Error> state_;
};

template <> class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : error_(std::move(error)), failed_(true) {}

    bool ok() const { return !failed_; }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return error_; }

private:
    Error error_{0, {}};
    bool failed_ = false;
};

using Status = Result<void>;

} // namespace mptcp
