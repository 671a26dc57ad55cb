#include "profile_store.h"

#include "ledger.h"

#include <dirent.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace profiles {

namespace {

using mptcp::Error;
using mptcp::Result;
using mptcp::Status;

constexpr std::string_view kSuffix = ".json";

std::string trimmedLine(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) {
        text.pop_back();
    }
    return text;
}

} // namespace

ProfileStore::ProfileStore(std::string directory) : directory_(std::move(directory)) {}

std::string ProfileStore::profilePath(const std::string& name) const {
    return directory_ + "/profiles/" + name + std::string(kSuffix);
}

Result<std::vector<ProfileSummary>> ProfileStore::list() const {
    auto activeName = active();
    const std::optional<std::string> current =
        activeName ? *activeName : std::optional<std::string>{};
    std::vector<ProfileSummary> summaries;
    for (const auto& preset : builtinProfiles()) {
        summaries.push_back({preset.name, true, current == preset.name});
    }
    const std::string folder = directory_ + "/profiles";
    DIR* directory = opendir(folder.c_str());
    if (!directory) {
        if (errno == ENOENT) {
            return summaries;
        }
        const int saved = errno;
        return Error(saved, "cannot list " + folder + ": " + std::strerror(saved));
    }
    std::vector<std::string> names;
    while (const dirent* entry = readdir(directory)) {
        const std::string file = entry->d_name;
        if (file.size() <= kSuffix.size() ||
            file.compare(file.size() - kSuffix.size(), kSuffix.size(), kSuffix) != 0) {
            continue;
        }
        const std::string name = file.substr(0, file.size() - kSuffix.size());
        // Temporary files (".NAME.json.tmp") and strays are not profiles.
        if (validateProfileName(name) && !findBuiltinProfile(name)) {
            names.push_back(name);
        }
    }
    closedir(directory);
    std::sort(names.begin(), names.end());
    for (const auto& name : names) {
        summaries.push_back({name, false, current == name});
    }
    return summaries;
}

Result<Profile> ProfileStore::load(const std::string& name) const {
    if (Status valid = validateProfileName(name); !valid) {
        return valid.error();
    }
    if (const Profile* preset = findBuiltinProfile(name)) {
        return *preset;
    }
    auto text = readWholeFile(profilePath(name), 256 * 1024);
    if (!text) {
        if (text.error().code() == ENOENT) {
            return Error(ENOENT, "there is no profile named \"" + name + "\"");
        }
        return text.error();
    }
    auto profile = parseProfile(*text);
    if (!profile) {
        return Error(EINVAL, "the profile \"" + name + "\" (" + profilePath(name) +
                                 ") cannot be read: " + profile.error().advice());
    }
    if (profile->name != name) {
        return Error(EINVAL, profilePath(name) + " holds a profile named \"" + profile->name +
                                 "\"; a profile's file must be named after it");
    }
    return profile;
}

Status ProfileStore::save(const Profile& profile) {
    if (Status valid = validateProfile(profile); !valid) {
        return valid;
    }
    if (findBuiltinProfile(profile.name)) {
        return Error(EEXIST, "\"" + profile.name +
                                 "\" is a built-in preset; save your version under another name");
    }
    if (Status made = makeDirectories(directory_ + "/profiles"); !made) {
        return made;
    }
    return writeFileAtomically(profilePath(profile.name), writeProfile(profile), 0644);
}

Status ProfileStore::remove(const std::string& name) {
    if (Status valid = validateProfileName(name); !valid) {
        return valid;
    }
    if (findBuiltinProfile(name)) {
        return Error(EPERM, "\"" + name + "\" is a built-in preset and cannot be deleted");
    }
    auto current = active();
    if (current && *current == name) {
        return Error(EBUSY, "\"" + name + "\" is the active profile; deactivate it first");
    }
    if (unlink(profilePath(name).c_str()) < 0) {
        if (errno == ENOENT) {
            return Error(ENOENT, "there is no profile named \"" + name + "\"");
        }
        const int saved = errno;
        return Error(saved, "cannot delete " + profilePath(name) + ": " + std::strerror(saved));
    }
    return {};
}

Result<std::optional<std::string>> ProfileStore::active() const {
    auto text = readWholeFile(activePath(), 4096);
    if (!text) {
        if (text.error().code() == ENOENT) {
            return std::optional<std::string>{};
        }
        return text.error();
    }
    std::string name = trimmedLine(*text);
    if (Status valid = validateProfileName(name); !valid) {
        return Error(EINVAL,
                     activePath() + " does not hold a profile name: " + valid.error().advice());
    }
    return std::optional<std::string>(std::move(name));
}

Status ProfileStore::setActive(const std::optional<std::string>& name) {
    if (!name) {
        if (unlink(activePath().c_str()) < 0 && errno != ENOENT) {
            const int saved = errno;
            return Error(saved, "cannot remove " + activePath() + ": " + std::strerror(saved));
        }
        return {};
    }
    if (Status valid = validateProfileName(*name); !valid) {
        return valid;
    }
    if (Status made = makeDirectories(directory_); !made) {
        return made;
    }
    return writeFileAtomically(activePath(), *name + "\n", 0644);
}

} // namespace profiles
