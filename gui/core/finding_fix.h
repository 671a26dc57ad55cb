// A doctor finding's fix, as the arguments of the helper method it names.
// The finding carries them by the method's argument names (see Finding in
// org.mptcpmanager.Helper1.xml); a call needs them in order and typed.
#pragma once

#include "helper_types.h"

#include <QList>
#include <QVariant>

#include <optional>

// The arguments of `action.method` in order, or nothing when the method is
// not one a fix may call or an argument is missing: the app then shows the
// fix as text only, never a button that would fail.
std::optional<QList<QVariant>> fixCallArguments(const FixActionRecord& action);
