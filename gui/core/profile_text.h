// What a profile keeps, skipped and did, and what activating one would do,
// as HTML for the Profiles page and the editor's preview. Plain sentences;
// every address and interface escaped (names come from the network).
#pragma once

#include "profile_types.h"

#include <QDateTime>
#include <QString>

// "10.0.0.2 on wlan0 (subflow, backup)"
QString profileEndpointText(const EndpointRecord& endpoint);
QString profileFlagsText(uint flags);
// The active profile's state; `now` turns the last pass into "12 s ago".
QString profileStatusHtml(const ProfileStatusRecord& status, const QDateTime& now);
QString profilePreviewHtml(const ProfilePreviewRecord& preview);
