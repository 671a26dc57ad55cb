// What the banner at the top of the window says for a helper status, and
// which single action it offers. Empty when all is well.
#pragma once

#include "helper_status.h"

#include <QString>

struct BannerContent {
    enum class Severity { None, Information, Warning, Error };
    enum class Action { None, EnableMptcp, Retry };

    Severity severity = Severity::None;
    QString title;
    QString text;
    Action action = Action::None;
    bool readOnly = false; // the window cannot change anything right now
};

BannerContent bannerFor(const HelperStatus& status);
