#include "helper_status.h"

bool operator==(const HelperStatus& left, const HelperStatus& right) {
    const auto sameSupport = [](const KernelSupportInfo& a, const KernelSupportInfo& b) {
        return a.available == b.available && a.enabled == b.enabled &&
               a.pathManager == b.pathManager && a.maxEndpoints == b.maxEndpoints &&
               a.maxLimit == b.maxLimit;
    };
    return left.availability == right.availability && left.absentReason == right.absentReason &&
           left.supportKnown == right.supportKnown && sameSupport(left.support, right.support) &&
           left.authorization == right.authorization && left.denialReason == right.denialReason &&
           left.kernelError == right.kernelError;
}
