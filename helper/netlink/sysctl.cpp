#include "sysctl.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <climits>
#include <cstring>
#include <filesystem>
#include <optional>
#include <vector>

namespace mptcp {

namespace {

constexpr int64_t kIntMax = INT_MAX;
// Timeouts the kernel keeps in jiffies refuse more than INT_MAX / HZ seconds
// (EINVAL); HZ is at most 1000, so this bound holds on every kernel.
constexpr int64_t kJiffiesSecondsMax = INT_MAX / 1000;
// The kernel stores scheduler and path manager names in 16-byte arrays.
constexpr size_t kChoiceLengthMax = 15;

constexpr SysctlSpec kSpecs[] = {
    {"enabled",
     SysctlType::Integer,
     0,
     1,
     {},
     {},
     "Whether programs in this network namespace may open MPTCP sockets (1) or not (0)."},
    {"path_manager",
     SysctlType::Choice,
     0,
     0,
     "available_path_managers",
     {},
     "Who opens extra subflows and announces addresses: \"kernel\" follows the configured "
     "endpoints, \"userspace\" leaves it to a daemon such as mptcpd."},
    {"pm_type",
     SysctlType::Integer,
     0,
     1,
     {},
     {},
     "The older, numeric form of path_manager: 0 for the in-kernel path manager, 1 for a "
     "userspace daemon."},
    {"scheduler",
     SysctlType::Choice,
     0,
     0,
     "available_schedulers",
     {},
     "The packet scheduler new connections use to pick the subflow that carries the next data."},
    {"checksum_enabled",
     SysctlType::Integer,
     0,
     1,
     {},
     {},
     "Whether new connections protect their data with checksums, which catch middleboxes that "
     "rewrite the stream at some CPU cost."},
    {"allow_join_initial_addr_port",
     SysctlType::Integer,
     0,
     1,
     {},
     {},
     "Whether peers may open extra subflows to the address and port of the first subflow."},
    {"add_addr_timeout",
     SysctlType::Integer,
     0,
     kJiffiesSecondsMax,
     {},
     "seconds",
     "How long to wait for the peer to confirm an address announcement before sending it "
     "again."},
    {"close_timeout",
     SysctlType::Integer,
     0,
     kJiffiesSecondsMax,
     {},
     "seconds",
     "How long a connection that lost its last subflow stays open, waiting for a new one, "
     "before it is closed."},
    {"stale_loss_cnt",
     SysctlType::Integer,
     1,
     kIntMax,
     {},
     {},
     "After how many retransmission timeouts without progress a subflow counts as stale and "
     "the scheduler avoids it."},
    {"blackhole_timeout",
     SysctlType::Integer,
     0,
     kIntMax,
     {},
     "seconds",
     "How long MPTCP stays off after a firewall was found dropping it (growing on repeats); 0 "
     "turns this detection off."},
    // The kernel keeps this one in a u8.
    {"syn_retrans_before_tcp_fallback",
     SysctlType::Integer,
     0,
     UINT8_MAX,
     {},
     {},
     "How many connection attempts carry MPTCP options before the kernel retries as plain "
     "TCP."},
};

Error badInput(std::string advice) {
    return Error(0, std::move(advice));
}

// Appended piecewise: GCC 12 warns falsely (-Wrestrict) on "literal" + string.
// Names and values come from callers (through the helper, from any user on
// the bus) and go back in error messages: at most this much of them, so a
// 10 MB name is not sent back whole.
constexpr size_t kEchoedBytes = 64;

std::string_view echoed(std::string_view text, bool& cut) {
    cut = text.size() > kEchoedBytes;
    return text.substr(0, kEchoedBytes);
}

std::string inQuotes(std::string_view text) {
    bool cut = false;
    std::string result(1, '"');
    result.append(echoed(text, cut)).append(cut ? "...\"" : "\"");
    return result;
}

std::string settingName(std::string_view name) {
    bool cut = false;
    std::string result = "net.mptcp.";
    return result.append(echoed(name, cut)).append(cut ? "..." : "");
}

// Only a bare file name may reach the path: no directories, no "..".
bool isPlainName(const std::string& name) {
    return !name.empty() && name.find('/') == std::string::npos &&
           name.find('\0') == std::string::npos && name.find("..") == std::string::npos;
}

std::string_view trimmed(std::string_view text) {
    constexpr std::string_view kSpace = " \t\n";
    const size_t first = text.find_first_not_of(kSpace);
    if (first == std::string_view::npos) {
        return {};
    }
    return text.substr(first, text.find_last_not_of(kSpace) - first + 1);
}

// procfs files claim a size of 0, so they are read until the end.
std::optional<std::string> readWholeFile(const std::string& path) {
    // O_NONBLOCK: a FIFO planted in the directory must not hang us.
    int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        return std::nullopt;
    }
    std::string text;
    char buffer[4096];
    for (;;) {
        ssize_t length = read(fd, buffer, sizeof(buffer));
        if (length < 0 && errno == EINTR) {
            continue;
        }
        if (length <= 0) {
            close(fd);
            return length == 0 ? std::optional<std::string>(text) : std::nullopt;
        }
        text.append(buffer, static_cast<size_t>(length));
    }
}

std::string withoutTrailingNewlines(std::string text) {
    while (!text.empty() && text.back() == '\n') {
        text.pop_back();
    }
    return text;
}

std::vector<std::string> words(std::string_view text) {
    std::vector<std::string> result;
    size_t position = 0;
    while ((position = text.find_first_not_of(" \t\n", position)) != std::string_view::npos) {
        size_t end = text.find_first_of(" \t\n", position);
        result.emplace_back(text.substr(position, end - position));
        position = end;
    }
    return result;
}

std::string integerRule(const SysctlSpec& spec) {
    if (spec.minimum == 0 && spec.maximum == 1) {
        return "0 or 1";
    }
    std::string kind =
        spec.unit.empty() ? "a whole number" : "a number of " + std::string(spec.unit);
    return kind + " from " + std::to_string(spec.minimum) + " to " + std::to_string(spec.maximum);
}

Status checkInteger(const SysctlSpec& spec, std::string_view value) {
    int64_t number = 0;
    const char* end = value.data() + value.size();
    auto [stop, error] = std::from_chars(value.data(), end, number);
    if (value.empty() || error != std::errc() || stop != end || number < spec.minimum ||
        number > spec.maximum) {
        return badInput(settingName(spec.name) + " takes " + integerRule(spec) + ", not " +
                        inQuotes(value));
    }
    return {};
}

bool isChoiceCharacter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
}

Status checkChoiceShape(const SysctlSpec& spec, std::string_view value) {
    bool plain = !value.empty() && value.size() <= kChoiceLengthMax;
    for (char c : value) {
        plain = plain && isChoiceCharacter(c);
    }
    if (!plain) {
        return badInput(settingName(spec.name) + " takes a name of at most " +
                        std::to_string(kChoiceLengthMax) + " letters, digits, '-' or '_', not " +
                        inQuotes(value));
    }
    return {};
}

std::string alternatives(const std::vector<std::string>& choices) {
    std::string text;
    for (size_t index = 0; index < choices.size(); ++index) {
        if (index > 0) {
            text += index + 1 == choices.size() ? " or " : ", ";
        }
        text += inQuotes(choices[index]);
    }
    return text;
}

// A kernel without the list file (older than the setting itself, or a test
// directory) cannot be asked; the kernel then judges the name on write.
Status checkChoiceOffered(const SysctlSpec& spec, std::string_view value, const std::string& root) {
    std::optional<std::string> list = readWholeFile(root + "/" + std::string(spec.choicesFile));
    if (!list) {
        return {};
    }
    std::vector<std::string> choices = words(*list);
    for (const auto& choice : choices) {
        if (choice == value) {
            return {};
        }
    }
    if (choices.empty()) {
        return {};
    }
    return badInput(settingName(spec.name) + " takes " + alternatives(choices) + " on this " +
                    "kernel, not " + inQuotes(value));
}

Error openError(const std::string& name, int errnum) {
    switch (errnum) {
    case EACCES:
    case EPERM:
        return Error(errnum, "changing " + settingName(name) +
                                 " needs root: run as root, or without --direct so the helper "
                                 "asks for authorization");
    case ENOENT:
        return Error(EOPNOTSUPP, "this kernel has no " + settingName(name));
    default:
        return Error(errnum, "cannot open " + settingName(name) + " for writing");
    }
}

Error writeError(const std::string& name, std::string_view value, int errnum) {
    switch (errnum) {
    case EINVAL:
        return Error(errnum, "the kernel refused " + inQuotes(value) + " for " + settingName(name));
    case ENOENT:
        // How the kernel answers a scheduler or path manager it does not have.
        return Error(errnum, "the kernel refused " + inQuotes(value) + " for " + settingName(name) +
                                 ": it has nothing by that name");
    case EACCES:
    case EPERM:
        return openError(name, errnum);
    default:
        return Error(errnum, "writing " + settingName(name) + " failed");
    }
}

Status writeValue(const std::string& path, const std::string& name, std::string_view value) {
    // O_TRUNC matters only for plain files (tests); procfs ignores it as `echo >` shows.
    int fd = open(path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
    if (fd < 0) {
        return openError(name, errno);
    }
    ssize_t written;
    do {
        written = write(fd, value.data(), value.size());
    } while (written < 0 && errno == EINTR);
    const int saved = errno;
    close(fd);
    if (written < 0) {
        return writeError(name, value, saved);
    }
    if (static_cast<size_t>(written) != value.size()) {
        return Error(EIO, "the kernel took only part of " + inQuotes(value) + " for " +
                              settingName(name));
    }
    return {};
}

} // namespace

std::span<const SysctlSpec> mptcpSysctlSpecs() {
    return kSpecs;
}

const SysctlSpec* findMptcpSysctlSpec(std::string_view name) {
    for (const auto& spec : kSpecs) {
        if (spec.name == name) {
            return &spec;
        }
    }
    return nullptr;
}

Result<std::map<std::string, std::string>> readMptcpSysctls(const std::string& root) {
    namespace fs = std::filesystem;
    std::error_code error;
    fs::directory_iterator entry(root, error);
    if (error) {
        if (error.value() == ENOENT) {
            return Error(ENOENT, "this kernel has no net.mptcp settings (" + root +
                                     " is missing): MPTCP needs Linux 5.6 or newer built with "
                                     "CONFIG_MPTCP=y");
        }
        return Error(error.value(), "cannot list the net.mptcp settings in " + root);
    }
    std::map<std::string, std::string> values;
    // On an error, increment() leaves the iterator at the end.
    for (; entry != fs::directory_iterator(); entry.increment(error)) {
        std::error_code typeError;
        if (!entry->is_regular_file(typeError)) {
            continue;
        }
        if (auto text = readWholeFile(entry->path().string())) {
            values.emplace(entry->path().filename().string(), withoutTrailingNewlines(*text));
        }
    }
    if (error) {
        return Error(error.value(), "cannot list the net.mptcp settings in " + root);
    }
    return values;
}

Status validateMptcpSysctl(const std::string& name, const std::string& value,
                           const std::string& root) {
    if (!isPlainName(name)) {
        return badInput(inQuotes(name) + " is not the name of a net.mptcp setting");
    }
    const SysctlSpec* spec = findMptcpSysctlSpec(name);
    if (!spec) {
        return badInput(settingName(name) + " is not a setting that can be changed here");
    }
    const std::string_view clean = trimmed(value);
    Status valid = spec->type == SysctlType::Integer ? checkInteger(*spec, clean)
                                                     : checkChoiceShape(*spec, clean);
    if (!valid) {
        return valid;
    }
    const std::string path = root + "/" + name;
    struct stat status;
    if (stat(path.c_str(), &status) < 0 && errno == ENOENT) {
        return Error(EOPNOTSUPP, "this kernel has no " + settingName(name));
    }
    if (spec->type == SysctlType::Choice) {
        return checkChoiceOffered(*spec, clean, root);
    }
    return {};
}

Status writeMptcpSysctl(const std::string& name, const std::string& value,
                        const std::string& root) {
    if (Status valid = validateMptcpSysctl(name, value, root); !valid) {
        return valid;
    }
    return writeValue(root + "/" + name, name, trimmed(value));
}

} // namespace mptcp
