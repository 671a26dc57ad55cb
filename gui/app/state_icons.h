// The tray and window icons, drawn rather than shipped so they stay sharp at
// every size. The states differ in shape, not only in colour: a crossed
// circle (off), an outlined fork of paths (idle), a filled fork with a count
// badge (active) and a fork with a warning triangle (degraded).
#pragma once

#include "tray_state.h"

#include <QIcon>

QIcon stateIcon(TrayCondition condition, int subflows = 0);
