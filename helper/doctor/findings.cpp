#include "findings.h"

#include <algorithm>

namespace doctor {

std::string_view severityName(Severity severity) {
    switch (severity) {
    case Severity::Info:
        return "info";
    case Severity::Warning:
        return "warning";
    case Severity::Error:
        return "error";
    }
    return "unknown";
}

std::optional<Severity> severityFromName(std::string_view name) {
    for (Severity severity : {Severity::Info, Severity::Warning, Severity::Error}) {
        if (severityName(severity) == name) {
            return severity;
        }
    }
    return std::nullopt;
}

std::string_view actionMethod(const FixAction& action) {
    return std::visit(
        Overloaded{
            [](const SetSysctlFix&) { return std::string_view("SetSysctl"); },
            [](const SetLimitsFix&) { return std::string_view("SetLimits"); },
            [](const RemoveEndpointFix&) { return std::string_view("RemoveEndpoint"); },
            [](const SetEndpointFlagsFix&) { return std::string_view("SetEndpointFlags"); },
        },
        action);
}

bool somethingWrong(const std::vector<Finding>& findings) {
    return std::any_of(findings.begin(), findings.end(),
                       [](const Finding& finding) { return finding.severity != Severity::Info; });
}

} // namespace doctor
