#include "helper_error.h"

#include "helper_types.h"

#include <QCoreApplication>

namespace {

// Gives the strings of this file a translation context lupdate can see.
struct HelperErrorText {
    Q_DECLARE_TR_FUNCTIONS(HelperErrorText)
};

} // namespace

HelperError HelperError::fromDBus(const QDBusError& error) {
    HelperError result;
    result.name = error.name();
    result.message = error.message();
    if (!error.isValid()) {
        return result;
    }
    const QString& name = result.name;
    if (name == QLatin1String(HelperErrors::kInvalidArgument)) {
        result.kind = Kind::InvalidArgument;
    } else if (name == QLatin1String(HelperErrors::kNotAuthorized)) {
        result.kind = Kind::NotAuthorized;
    } else if (name == QLatin1String(HelperErrors::kKernel)) {
        result.kind = Kind::Kernel;
    } else if (name == QLatin1String(HelperErrors::kUnsupported)) {
        result.kind = Kind::Unsupported;
    } else if (error.type() == QDBusError::ServiceUnknown ||
               name == QLatin1String("org.freedesktop.DBus.Error.NameHasNoOwner") ||
               name.startsWith(QLatin1String("org.freedesktop.DBus.Error.Spawn."))) {
        result.kind = Kind::HelperAbsent;
        // The bus's own text names the service file; ours says what it means.
        result.message =
            HelperErrorText::tr("The MPTCP Manager helper is not installed or cannot be started "
                                "(%1).")
                .arg(error.message());
    } else if (error.type() == QDBusError::AccessDenied) {
        result.kind = Kind::HelperAbsent;
        result.message = HelperErrorText::tr("The system bus does not let this program talk to the "
                                             "helper; is the helper's bus policy installed? (%1)")
                             .arg(error.message());
    } else if (error.type() == QDBusError::Disconnected) {
        result.kind = Kind::HelperAbsent;
        result.message = HelperErrorText::tr("This program lost its connection to the system bus.");
    } else if (error.type() == QDBusError::NoReply || error.type() == QDBusError::Timeout ||
               error.type() == QDBusError::TimedOut) {
        result.kind = Kind::NoReply;
        result.message = HelperErrorText::tr("The helper did not answer in time.");
    } else {
        result.kind = Kind::Other;
    }
    return result;
}
