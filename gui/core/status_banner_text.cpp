#include "status_banner_text.h"

#include <QCoreApplication>

namespace {

// Gives the strings of this file a translation context lupdate can see.
struct StatusBannerText {
    Q_DECLARE_TR_FUNCTIONS(StatusBannerText)
};

} // namespace

BannerContent bannerFor(const HelperStatus& status) {
    BannerContent banner;
    using Severity = BannerContent::Severity;
    using Action = BannerContent::Action;
    switch (status.availability) {
    case HelperAvailability::Connecting:
        banner = {Severity::Information, StatusBannerText::tr("Connecting"),
                  StatusBannerText::tr("Asking the MPTCP Manager helper for the current settings…"),
                  Action::None, true};
        return banner;
    case HelperAvailability::Absent:
        banner = {
            Severity::Error, StatusBannerText::tr("Helper not available"),
            status.absentReason + QLatin1Char(' ') +
                StatusBannerText::tr("Nothing can be shown or changed until it is. This window "
                                     "retries by itself."),
            Action::Retry, true};
        return banner;
    case HelperAvailability::Restarting:
        banner = {Severity::Warning, StatusBannerText::tr("Helper restarting"),
                  StatusBannerText::tr("The helper stopped and is being started again. The window "
                                       "catches up by itself; nothing you set is lost."),
                  Action::None, true};
        return banner;
    case HelperAvailability::Running:
        break;
    }
    if (status.supportKnown && !status.support.available) {
        banner = {Severity::Error, StatusBannerText::tr("No MPTCP in this kernel"),
                  StatusBannerText::tr("This Linux kernel was built without Multipath TCP, or the "
                                       "helper cannot reach it. Nothing can be set up here."),
                  Action::None, true};
        return banner;
    }
    if (status.authorization == HelperAuthorization::Denied) {
        banner = {
            Severity::Warning, StatusBannerText::tr("Read-only"),
            StatusBannerText::tr("You are not allowed to change MPTCP settings on this computer, "
                                 "so this window only shows them. The system said: %1")
                .arg(status.denialReason),
            Action::Retry, true};
        return banner;
    }
    if (status.supportKnown && !status.support.enabled) {
        banner = {
            Severity::Warning, StatusBannerText::tr("MPTCP is off"),
            StatusBannerText::tr("Multipath TCP is turned off in the kernel, so every connection "
                                 "uses a single path. Endpoints and limits can be changed once it "
                                 "is on."),
            Action::EnableMptcp, true};
        return banner;
    }
    if (!status.kernelError.isEmpty()) {
        banner = {Severity::Error, StatusBannerText::tr("The kernel reported an error"),
                  status.kernelError, Action::Retry, false};
        return banner;
    }
    return banner;
}
