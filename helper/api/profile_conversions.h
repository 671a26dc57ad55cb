// Between the profiles library's types and the contract's records, both
// ways: the helper answers with them, mptcpctl turns files into them and
// back.
#pragma once

#include "error.h"
#include "profile.h"
#include "profile_engine.h"
#include "profile_store.h"
#include "profile_types.h"
#include "reconciler.h"

#include <vector>

ProfileRecord toRecord(const profiles::Profile& profile);
// Checks what the record's types cannot (addresses, family codes, ids);
// validateProfile() does the rest.
mptcp::Result<profiles::Profile> profileFromRecord(const ProfileRecord& record);

ProfileSummaryList toRecord(const std::vector<profiles::ProfileSummary>& summaries);
ProfileStatusRecord toRecord(const profiles::ProfileStatus& status);
ProfilePreviewRecord toRecord(const profiles::Plan& plan);
EndpointRecord toRecord(const profiles::LedgerEntry& entry);

// The other way, for clients (interfaces are known by name only: ifindex 0;
// held endpoints' deadlines are not sent).
std::vector<profiles::ProfileSummary> fromRecord(const ProfileSummaryList& records);
profiles::ProfileStatus fromRecord(const ProfileStatusRecord& record);
