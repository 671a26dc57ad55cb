// `mptcpctl profile ...`: profiles kept by the helper. The command line
// reads and writes profile files itself (import, export); the helper only
// ever receives names and typed profiles.
#pragma once

#include "error.h"
#include "profile.h"
#include "profile_engine.h"
#include "profile_store.h"

#include <cstdio>
#include <string>
#include <vector>

namespace mptcpctl {

struct GlobalOptions;

struct ProfileCommand {
    enum class Verb { List, Show, Status, Activate, Deactivate, Delete, Import, Export };
    Verb verb = Verb::List;
    std::string name; // show, activate, delete, export
    std::string file; // import ("-": standard input)
};

// The words after "profile". Returns an empty string, or the usage error.
std::string parseProfileCommand(const std::vector<std::string>& words, size_t start,
                                ProfileCommand& command);

// What the helper offers for profiles (org.mptcpmanager.Helper1).
class ProfileClient {
public:
    virtual ~ProfileClient() = default;
    virtual mptcp::Result<std::vector<profiles::ProfileSummary>> list() = 0;
    virtual mptcp::Result<profiles::Profile> load(const std::string& name) = 0;
    virtual mptcp::Status save(const profiles::Profile& profile) = 0;
    virtual mptcp::Status remove(const std::string& name) = 0;
    virtual mptcp::Status activate(const std::string& name) = 0;
    virtual mptcp::Status deactivate() = 0;
    virtual mptcp::Result<profiles::ProfileStatus> status() = 0;
};

// Exit status as for every command: 0, or 2 when it failed.
int runProfileCommand(ProfileClient* client, const ProfileCommand& command,
                      const GlobalOptions& options, std::FILE* out, std::FILE* err);

// The plain text of `show` and `status`, for the tests.
std::string describeProfile(const profiles::Profile& profile);
std::string describeProfileStatus(const profiles::ProfileStatus& status);

} // namespace mptcpctl
