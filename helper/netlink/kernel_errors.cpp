#include "kernel_errors.h"

#include <cerrno>
#include <cstdlib>
#include <string>

namespace mptcp {

namespace {

struct Explanation {
    Operation operation;
    int errnum;
    const char* advice;
};

constexpr Explanation kExplanations[] = {
    {Operation::Connect, ENOENT,
     "this kernel has no MPTCP (CONFIG_MPTCP) or it is disabled; MPTCP needs Linux 5.6 or newer "
     "built with CONFIG_MPTCP=y"},
    // Linux answers ERANGE only for a ninth endpoint (a duplicate address is
    // EEXIST, a duplicate id EBUSY), although its message names both.
    {Operation::AddEndpoint, ERANGE, "the kernel accepts at most 8 endpoints; remove one first"},
    {Operation::AddEndpoint, EEXIST,
     "an endpoint with this address or id already exists; delete it or choose another id"},
    {Operation::AddEndpoint, EBUSY,
     "an endpoint with this id already exists; delete it or choose another id"},
    {Operation::AddEndpoint, EINVAL, "the kernel refused this endpoint"},
    {Operation::AddEndpoint, ENODEV, "the interface does not exist"},
    {Operation::AddEndpoint, EADDRNOTAVAIL,
     "a signal endpoint with a port needs its address on one of this machine's interfaces: the "
     "kernel listens on that address and port"},
    {Operation::AddEndpoint, EADDRINUSE,
     "another socket already listens on this address and port; choose another port"},
    {Operation::RemoveEndpoint, EINVAL, "no endpoint has this id (see \"endpoint show\")"},
    {Operation::RemoveEndpoint, ENOENT, "no endpoint has this id (see \"endpoint show\")"},
    {Operation::ShowEndpoint, EINVAL, "no endpoint has this id (see \"endpoint show\")"},
    {Operation::ShowEndpoint, ENOENT, "no endpoint has this id (see \"endpoint show\")"},
    {Operation::ChangeEndpoint, EINVAL, "no endpoint has this id or address, or the change is "
                                        "not allowed for it"},
    {Operation::ChangeEndpoint, ENOENT, "no endpoint has this id or address"},
    {Operation::ChangeEndpoint, EOPNOTSUPP, "this kernel cannot change that flag"},
    {Operation::SetLimits, EINVAL, "the kernel refused the limit"},
};

// "limit greater than maximum (8)" → 8; older and newer kernels word it alike.
std::string limitAdvice(const std::string& kernelMessage) {
    auto open = kernelMessage.rfind('(');
    if (open != std::string::npos) {
        int maximum = std::atoi(kernelMessage.c_str() + open + 1);
        if (maximum > 0) {
            return "the kernel's maximum is " + std::to_string(maximum) +
                   " for each limit; choose a smaller value";
        }
    }
    return {};
}

std::string genericAdvice(int errnum) {
    switch (errnum) {
    case EPERM:
    case EACCES:
        return "changing MPTCP settings needs the CAP_NET_ADMIN capability: run as root, or "
               "without --direct so the helper asks for authorization";
    case EOPNOTSUPP:
        return "this kernel does not support that MPTCP operation";
    default:
        return {};
    }
}

} // namespace

Error explainKernelError(Operation operation, const Error& kernelError) {
    const int errnum = kernelError.code();
    std::string advice;
    if (operation == Operation::SetLimits && errnum == EINVAL) {
        advice = limitAdvice(kernelError.kernelMessage());
    }
    for (const auto& explanation : kExplanations) {
        if (advice.empty() && explanation.operation == operation && explanation.errnum == errnum) {
            advice = explanation.advice;
        }
    }
    if (advice.empty()) {
        advice = genericAdvice(errnum);
    }
    if (advice.empty()) {
        advice = kernelError.advice();
    }
    return Error(errnum, advice, kernelError.kernelMessage());
}

} // namespace mptcp
