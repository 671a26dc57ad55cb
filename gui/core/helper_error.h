// A failed helper call, sorted into what the app does about it: an input
// mistake stays next to the input, a refusal or a kernel error goes to the
// banner with the helper's (and the kernel's) own words.
#pragma once

#include <QDBusError>
#include <QString>

struct HelperError {
    enum class Kind {
        None,
        InvalidArgument,
        NotAuthorized,
        Kernel,
        Unsupported,
        HelperAbsent, // nobody owns the name and D-Bus cannot start the helper
        NoReply,      // the helper did not answer in time (hung, or it crashed mid-call)
        Other,
    };

    Kind kind = Kind::None;
    QString name;    // the D-Bus error name, for logs and tests
    QString message; // a sentence to show as is

    bool isError() const { return kind != Kind::None; }

    static HelperError fromDBus(const QDBusError& error);
};
