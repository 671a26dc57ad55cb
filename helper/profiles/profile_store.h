// Where profiles live: one JSON file per profile and the name of the active
// one, in a directory only root writes (default /etc/mptcp-manager). Callers
// give names, never paths: every name is validated before it becomes a file
// name, and built-in presets are never written (their names are reserved).
//
//   CONFIG/profiles/NAME.json   a saved profile (0644)
//   CONFIG/active               the active profile's name and a newline;
//                               absent when none is active (the boot unit
//                               is conditioned on this file)
#pragma once

#include "error.h"
#include "profile.h"

#include <optional>
#include <string>
#include <vector>

namespace profiles {

struct ProfileSummary {
    std::string name;
    bool builtin = false;
    bool active = false;
};

class ProfileStore {
public:
    static constexpr const char* kDefaultDirectory = "/etc/mptcp-manager";

    explicit ProfileStore(std::string directory = kDefaultDirectory);

    // The presets first, then saved profiles by name. A file that does not
    // parse is listed under its name (its error shows when it is loaded).
    mptcp::Result<std::vector<ProfileSummary>> list() const;
    // A preset or a saved profile. ENOENT when there is none of that name.
    mptcp::Result<Profile> load(const std::string& name) const;
    // Validates and writes (atomically). Replaces a saved profile of the same
    // name; a preset's name is refused (EEXIST).
    mptcp::Status save(const Profile& profile);
    // ENOENT when absent, EPERM for a preset, EBUSY for the active profile.
    mptcp::Status remove(const std::string& name);

    // The active profile's name; nullopt when none is active.
    mptcp::Result<std::optional<std::string>> active() const;
    // nullopt clears it.
    mptcp::Status setActive(const std::optional<std::string>& name);

    const std::string& directory() const { return directory_; }
    std::string activePath() const { return directory_ + "/active"; }

private:
    std::string profilePath(const std::string& name) const;

    std::string directory_;
};

} // namespace profiles
