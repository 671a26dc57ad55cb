// The tray and window icons, drawn rather than shipped so they stay sharp at
// every size. The states differ in shape, not only in colour: a crossed
// circle (off), an outlined fork of paths (idle), a filled fork with a count
// badge (active) and a fork with a warning triangle (degraded); a red cross
// in the top right corner when the doctor found a problem.
#pragma once

#include "tray_state.h"

#include <QIcon>

QIcon stateIcon(TrayCondition condition, int subflows = 0, bool doctorBadge = false);
