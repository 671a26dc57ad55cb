#include "other_managers.h"

#include "ledger.h"

#include <dirent.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <sstream>

namespace profiles {

namespace {

constexpr uint32_t kNmMptcpDisabled = 0x1;

// [section] → key → value, from an INI-like keyfile (GLib's format).
using Keyfile = std::map<std::string, std::map<std::string, std::string>>;

std::string trim(const std::string& text) {
    size_t start = 0;
    size_t end = text.size();
    while (start < end && std::isspace(static_cast<unsigned char>(text[start]))) {
        ++start;
    }
    while (end > start && std::isspace(static_cast<unsigned char>(text[end - 1]))) {
        --end;
    }
    return text.substr(start, end - start);
}

std::optional<Keyfile> readKeyfile(const std::string& path) {
    auto text = readWholeFile(path, 256 * 1024);
    if (!text) {
        return std::nullopt;
    }
    Keyfile keyfile;
    std::istringstream lines(*text);
    std::string line;
    std::string section;
    while (std::getline(lines, line)) {
        line = trim(line);
        if (line.empty() || line[0] == '#' || line[0] == ';') {
            continue;
        }
        if (line.front() == '[' && line.back() == ']') {
            section = line.substr(1, line.size() - 2);
            continue;
        }
        const size_t equals = line.find('=');
        if (equals != std::string::npos) {
            keyfile[section][trim(line.substr(0, equals))] = trim(line.substr(equals + 1));
        }
    }
    return keyfile;
}

std::vector<std::string> filesIn(const std::string& folder, const std::string& suffix) {
    std::vector<std::string> files;
    DIR* directory = opendir(folder.c_str());
    if (!directory) {
        return files;
    }
    while (const dirent* entry = readdir(directory)) {
        const std::string name = entry->d_name;
        if (name[0] != '.' && name.size() > suffix.size() &&
            name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
            files.push_back(folder + "/" + name);
        }
    }
    closedir(directory);
    std::sort(files.begin(), files.end());
    return files;
}

std::string valueOf(const Keyfile& keyfile, const std::string& section, const std::string& key) {
    auto found = keyfile.find(section);
    if (found == keyfile.end()) {
        return {};
    }
    auto value = found->second.find(key);
    return value == found->second.end() ? std::string() : value->second;
}

// The global default of connection.mptcp-flags: later files win, as in
// NetworkManager (conf.d files are read after NetworkManager.conf).
std::optional<uint32_t> globalDefault(const OtherManagersOptions& options) {
    std::vector<std::string> files = options.configurationFiles;
    for (const auto& folder : options.configurationDirectories) {
        auto more = filesIn(folder, ".conf");
        files.insert(files.end(), more.begin(), more.end());
    }
    std::optional<uint32_t> value;
    for (const auto& file : files) {
        auto keyfile = readKeyfile(file);
        if (!keyfile) {
            continue;
        }
        for (const auto& [section, keys] : *keyfile) {
            if (section.rfind("connection", 0) != 0) {
                continue;
            }
            auto found = keys.find("connection.mptcp-flags");
            if (found != keys.end()) {
                value = parseNetworkManagerMptcpFlags(found->second);
            }
        }
    }
    return value;
}

struct ConnectionProfile {
    std::string id;
    std::optional<uint32_t> mptcpFlags; // nullopt: unreadable value
};

std::optional<ConnectionProfile> findConnection(const OtherManagersOptions& options,
                                                const std::string& uuid) {
    for (const auto& folder : options.connectionDirectories) {
        for (const auto& file : filesIn(folder, ".nmconnection")) {
            auto keyfile = readKeyfile(file);
            if (!keyfile || valueOf(*keyfile, "connection", "uuid") != uuid) {
                continue;
            }
            ConnectionProfile connection;
            connection.id = valueOf(*keyfile, "connection", "id");
            const std::string flags = valueOf(*keyfile, "connection", "mptcp-flags");
            connection.mptcpFlags =
                flags.empty() ? std::optional<uint32_t>(0) : parseNetworkManagerMptcpFlags(flags);
            return connection;
        }
    }
    return std::nullopt;
}

} // namespace

std::vector<std::string> runningPrograms(const std::string& processRoot,
                                         const std::vector<std::string>& names) {
    std::set<std::string> found;
    DIR* directory = opendir(processRoot.c_str());
    if (!directory) {
        return {};
    }
    while (const dirent* entry = readdir(directory)) {
        const std::string pid = entry->d_name;
        if (pid.empty() || !std::all_of(pid.begin(), pid.end(), [](char c) {
                return std::isdigit(static_cast<unsigned char>(c));
            })) {
            continue;
        }
        auto comm = readWholeFile(processRoot + "/" + pid + "/comm", 256);
        if (!comm) {
            continue; // it exited meanwhile
        }
        const std::string name = trim(*comm);
        if (std::find(names.begin(), names.end(), name) != names.end()) {
            found.insert(name);
        }
    }
    closedir(directory);
    return {found.begin(), found.end()};
}

std::optional<uint32_t> parseNetworkManagerMptcpFlags(const std::string& text) {
    const std::string value = trim(text);
    if (value.empty()) {
        return std::nullopt;
    }
    if (std::isdigit(static_cast<unsigned char>(value[0]))) {
        try {
            size_t used = 0;
            const unsigned long number = std::stoul(value, &used, 0);
            if (used != value.size() || number > 0xffffffffUL) {
                return std::nullopt;
            }
            return static_cast<uint32_t>(number);
        } catch (...) {
            return std::nullopt;
        }
    }
    static const std::map<std::string, uint32_t> names = {{"none", 0},
                                                          {"default", 0},
                                                          {"disabled", 0x1},
                                                          {"enabled", 0x2},
                                                          {"also-without-sysctl", 0x4},
                                                          {"also-without-default-route", 0x8},
                                                          {"signal", 0x10},
                                                          {"subflow", 0x20},
                                                          {"backup", 0x40},
                                                          {"fullmesh", 0x80}};
    uint32_t flags = 0;
    std::string word;
    std::istringstream words(value);
    while (std::getline(words, word, ',')) {
        std::istringstream parts(word);
        std::string part;
        while (parts >> part) {
            auto found = names.find(part);
            if (found == names.end()) {
                return std::nullopt;
            }
            flags |= found->second;
        }
    }
    return flags;
}

OtherManagers detectOtherManagers(const LinkSnapshot& links, const OtherManagersOptions& options) {
    OtherManagers managers;
    const auto running = runningPrograms(options.processRoot, {"mptcpd", "NetworkManager"});
    managers.mptcpd = std::find(running.begin(), running.end(), "mptcpd") != running.end();
    managers.networkManager =
        std::find(running.begin(), running.end(), "NetworkManager") != running.end();
    if (!managers.networkManager) {
        return managers;
    }
    std::optional<std::optional<uint32_t>> fallback; // read once, when needed
    for (const auto& link : links.links) {
        if (link.kind == LinkKind::Loopback) {
            continue;
        }
        auto state = readKeyfile(options.networkManagerRunDirectory + "/devices/" +
                                 std::to_string(link.index));
        if (!state) {
            continue; // NetworkManager keeps no state for it: not its device
        }
        if (valueOf(*state, "device", "managed") == "false") {
            continue;
        }
        const std::string uuid = valueOf(*state, "device", "connection-uuid");
        if (uuid.empty()) {
            continue; // managed, but no connection is active on it
        }
        NetworkManagerClaim claim;
        auto connection = findConnection(options, uuid);
        std::optional<uint32_t> flags;
        if (connection) {
            claim.connection = connection->id;
            flags = connection->mptcpFlags;
            if (flags && *flags == 0) {
                if (!fallback) {
                    fallback = globalDefault(options);
                }
                // Without a global default, NetworkManager's own enables MPTCP
                // with subflow endpoints.
                flags = (*fallback && **fallback != 0) ? **fallback : 0x2u | 0x20u;
            }
        }
        if (flags && (*flags & kNmMptcpDisabled)) {
            continue;
        }
        claim.certain = flags.has_value();
        managers.networkManagerInterfaces[link.index] = claim;
    }
    return managers;
}

} // namespace profiles
