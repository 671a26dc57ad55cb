#include "apply_journal.h"

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace helper {

namespace {

constexpr std::string_view kHeader = "mptcp-manager apply journal 1";
constexpr const char* kFileName = "apply-journal";
// A record holds at most 8 endpoints; anything much larger is not ours.
constexpr size_t kMaxJournalBytes = 4096;

std::vector<std::string_view> words(std::string_view line) {
    std::vector<std::string_view> out;
    size_t at = 0;
    while (at < line.size()) {
        size_t end = line.find(' ', at);
        if (end == std::string_view::npos) {
            end = line.size();
        }
        if (end > at) {
            out.push_back(line.substr(at, end - at));
        }
        at = end + 1;
    }
    return out;
}

template <class T> std::optional<T> number(std::string_view text) {
    T value{};
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

mptcp::Error systemError(const std::string& what) {
    int saved = errno;
    return mptcp::Error(saved, what + ": " + std::strerror(saved));
}

} // namespace

std::string formatJournal(const JournalRecord& record) {
    std::ostringstream out;
    out << kHeader << '\n';
    out << "netns " << record.netns << '\n';
    out << "limits " << record.previous.limits.subflows << ' '
        << record.previous.limits.addAddrAccepted << '\n';
    for (const auto& endpoint : record.previous.endpoints) {
        out << "endpoint " << unsigned(endpoint.id) << ' ' << endpoint.address.toString() << ' '
            << endpoint.port << ' ' << endpoint.ifindex << ' ' << endpoint.flags << '\n';
    }
    out << "end\n";
    return out.str();
}

std::optional<JournalRecord> parseJournal(std::string_view text) {
    if (text.size() > kMaxJournalBytes) {
        return std::nullopt;
    }
    JournalRecord record;
    bool sawNetns = false, sawLimits = false, sawEnd = false;
    size_t lineNumber = 0;
    while (!text.empty()) {
        size_t newline = text.find('\n');
        if (newline == std::string_view::npos) {
            return std::nullopt; // every line ends with a newline, the last one too
        }
        std::string_view line = text.substr(0, newline);
        text.remove_prefix(newline + 1);
        if (sawEnd) {
            return std::nullopt;
        }
        if (lineNumber++ == 0) {
            if (line != kHeader) {
                return std::nullopt;
            }
            continue;
        }
        auto fields = words(line);
        if (fields.empty()) {
            return std::nullopt;
        }
        if (fields[0] == "netns" && fields.size() == 2 && !sawNetns) {
            auto inode = number<uint64_t>(fields[1]);
            if (!inode) {
                return std::nullopt;
            }
            record.netns = *inode;
            sawNetns = true;
        } else if (fields[0] == "limits" && fields.size() == 3 && !sawLimits) {
            auto subflows = number<uint32_t>(fields[1]);
            auto accepted = number<uint32_t>(fields[2]);
            if (!subflows || !accepted) {
                return std::nullopt;
            }
            record.previous.limits = {*subflows, *accepted};
            sawLimits = true;
        } else if (fields[0] == "endpoint" && fields.size() == 6) {
            auto id = number<uint8_t>(fields[1]);
            auto address = mptcp::IpAddress::parse(fields[2]);
            auto port = number<uint16_t>(fields[3]);
            auto ifindex = number<int32_t>(fields[4]);
            auto flags = number<uint32_t>(fields[5]);
            if (!id || !address || !port || !ifindex || !flags ||
                record.previous.endpoints.size() >= 255) {
                return std::nullopt;
            }
            record.previous.endpoints.push_back({*id, *address, *port, *flags, *ifindex});
        } else if (fields[0] == "end" && fields.size() == 1) {
            sawEnd = true;
        } else {
            return std::nullopt;
        }
    }
    if (!sawNetns || !sawLimits || !sawEnd) {
        return std::nullopt;
    }
    return record;
}

uint64_t currentNetns() {
    struct stat info {};
    if (stat("/proc/self/ns/net", &info) != 0) {
        return 0;
    }
    return static_cast<uint64_t>(info.st_ino);
}

ApplyJournal::ApplyJournal(std::string directory) {
    if (!directory.empty()) {
        path_ = directory + "/" + kFileName;
    }
}

std::string ApplyJournal::directoryFromEnvironment() {
    const char* value = std::getenv("RUNTIME_DIRECTORY");
    if (!value || value[0] != '/') {
        return {};
    }
    std::string directory(value);
    return directory.substr(0, directory.find(':'));
}

mptcp::Status ApplyJournal::record(const Configuration& previous) {
    if (!enabled()) {
        return {};
    }
    const std::string text = formatJournal({currentNetns(), previous});
    const std::string temporary = path_ + ".new";
    int fd = open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) {
        return systemError("cannot write " + temporary);
    }
    size_t written = 0;
    while (written < text.size()) {
        ssize_t n = write(fd, text.data() + written, text.size() - written);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            mptcp::Error error = systemError("cannot write " + temporary);
            close(fd);
            unlink(temporary.c_str());
            return error;
        }
        written += static_cast<size_t>(n);
    }
    if (fsync(fd) != 0 || close(fd) != 0) {
        mptcp::Error error = systemError("cannot write " + temporary);
        unlink(temporary.c_str());
        return error;
    }
    if (rename(temporary.c_str(), path_.c_str()) != 0) {
        mptcp::Error error = systemError("cannot write " + path_);
        unlink(temporary.c_str());
        return error;
    }
    return {};
}

void ApplyJournal::clear() {
    if (enabled()) {
        unlink(path_.c_str());
    }
}

std::optional<Configuration> ApplyJournal::interrupted(std::string* problem) const {
    if (!enabled()) {
        return std::nullopt;
    }
    int fd = open(path_.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) {
        if (errno != ENOENT && problem) {
            *problem = "cannot read " + path_ + ": " + std::strerror(errno);
        }
        return std::nullopt;
    }
    std::string text;
    char buffer[1024];
    for (;;) {
        ssize_t n = read(fd, buffer, sizeof(buffer));
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0 || text.size() > kMaxJournalBytes) {
            break;
        }
        text.append(buffer, static_cast<size_t>(n));
    }
    close(fd);
    auto record = parseJournal(text);
    if (!record) {
        if (problem) {
            *problem = path_ + " is not a journal this helper wrote; ignored it";
        }
        return std::nullopt;
    }
    if (record->netns != currentNetns()) {
        if (problem) {
            *problem = path_ + " belongs to another network namespace; ignored it";
        }
        return std::nullopt;
    }
    return record->previous;
}

std::string recoverInterruptedApply(ApplyJournal& journal, mptcp::PathManager& pathManager) {
    std::string problem;
    auto previous = journal.interrupted(&problem);
    if (!previous) {
        if (!problem.empty()) {
            journal.clear();
        }
        return problem;
    }
    mptcp::Status restored = installConfiguration(pathManager, *previous);
    // Forgotten either way: a record that cannot be put back now will not
    // do better at the next start, and must not undo later changes then.
    journal.clear();
    if (!restored) {
        return "an interrupted ApplyConfiguration was found, and putting back the configuration "
               "it replaced failed: " +
               restored.error().describe();
    }
    return "an interrupted ApplyConfiguration was found; put back the " +
           std::to_string(previous->endpoints.size()) + " endpoints and the limits it replaced";
}

} // namespace helper
