// mptcpctl's ProfileClient over the system bus (org.mptcpmanager.Helper1).
#pragma once

#include "profile_command.h"

#include <QDBusConnection>

#include <memory>

namespace mptcpctl {

std::unique_ptr<ProfileClient> makeHelperProfileClient(QDBusConnection bus);

} // namespace mptcpctl
