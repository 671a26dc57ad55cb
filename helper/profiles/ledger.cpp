#include "ledger.h"

#include "json.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace profiles {

namespace {

using mptcp::Error;
using mptcp::Result;
using mptcp::Status;

Error systemError(const std::string& what, const std::string& path) {
    const int saved = errno;
    return Error(saved, what + " " + path + " failed: " + std::strerror(saved));
}

Error corrupt(const std::string& what) {
    return Error(EBADMSG, "the ledger of endpoints MPTCP Manager made is damaged (" + what +
                              "); it is ignored, so those endpoints are left alone");
}

class FileDescriptor {
public:
    explicit FileDescriptor(int fd) : fd_(fd) {}
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    ~FileDescriptor() {
        if (fd_ >= 0) {
            ::close(fd_);
        }
    }
    int get() const { return fd_; }
    int release() {
        int fd = fd_;
        fd_ = -1;
        return fd;
    }

private:
    int fd_;
};

std::string parentOf(const std::string& path) {
    const size_t slash = path.rfind('/');
    if (slash == std::string::npos) {
        return ".";
    }
    return slash == 0 ? "/" : path.substr(0, slash);
}

} // namespace

// --- entries ---------------------------------------------------------------

bool LedgerEntry::sameAs(const mptcp::Endpoint& endpoint) const {
    return endpoint.id == id && endpoint.address == address && endpoint.port == port &&
           endpoint.ifindex == ifindex && (endpoint.flags & ~mptcp::kFlagImplicit) == flags &&
           !(endpoint.flags & mptcp::kFlagImplicit);
}

const LedgerEntry* Ledger::owner(const mptcp::Endpoint& endpoint) const {
    for (const auto& entry : entries) {
        if (entry.sameAs(endpoint)) {
            return &entry;
        }
    }
    return nullptr;
}

std::string writeLedger(const Ledger& ledger) {
    json::Array entries;
    for (const auto& entry : ledger.entries) {
        json::Object object;
        object.emplace_back("id", uint32_t{entry.id});
        object.emplace_back("address", entry.address.toString());
        object.emplace_back("port", uint32_t{entry.port});
        object.emplace_back("ifindex", int64_t{entry.ifindex});
        object.emplace_back("interface", entry.interface);
        object.emplace_back("flags", entry.flags);
        entries.emplace_back(std::move(object));
    }
    json::Object root;
    root.emplace_back("version", 1);
    root.emplace_back("endpoints", std::move(entries));
    return json::write(json::Value(std::move(root)));
}

Result<Ledger> parseLedger(std::string_view text) {
    auto parsed = json::parse(text);
    if (auto* error = std::get_if<json::ParseError>(&parsed)) {
        return corrupt(error->describe());
    }
    const json::Value& root = std::get<json::Value>(parsed);
    const json::Value* version = root.find("version");
    const json::Value* endpoints = root.find("endpoints");
    if (!version || !version->isInteger() || version->integer() != 1 || !endpoints ||
        !endpoints->isArray()) {
        return corrupt("no version 1 list of endpoints");
    }
    Ledger ledger;
    for (const auto& item : endpoints->array()) {
        auto number = [&item](const char* key, int64_t low,
                              int64_t high) -> std::optional<int64_t> {
            const json::Value* value = item.find(key);
            if (!value || !value->isInteger() || value->integer() < low ||
                value->integer() > high) {
                return std::nullopt;
            }
            return value->integer();
        };
        const json::Value* address = item.find("address");
        const json::Value* interface = item.find("interface");
        auto id = number("id", 1, 255);
        auto port = number("port", 0, 65535);
        auto ifindex = number("ifindex", 0, INT32_MAX);
        auto flags = number("flags", 0, mptcp::kUserEndpointFlags);
        if (!address || !address->isString() || !interface || !interface->isString() || !id ||
            !port || !ifindex || !flags || (*flags & ~int64_t{mptcp::kUserEndpointFlags})) {
            return corrupt("an entry lacks a field or has one out of range");
        }
        auto parsedAddress = mptcp::IpAddress::parse(address->string());
        if (!parsedAddress) {
            return corrupt("\"" + address->string() + "\" is not an address");
        }
        LedgerEntry entry;
        entry.id = static_cast<uint8_t>(*id);
        entry.address = *parsedAddress;
        entry.port = static_cast<uint16_t>(*port);
        entry.ifindex = static_cast<int32_t>(*ifindex);
        entry.interface = interface->string();
        entry.flags = static_cast<uint32_t>(*flags);
        ledger.entries.push_back(std::move(entry));
    }
    return ledger;
}

// --- files -----------------------------------------------------------------

Status makeDirectories(const std::string& path, unsigned mode) {
    if (path.empty()) {
        return Error(EINVAL, "no directory given");
    }
    std::string partial;
    size_t position = 0;
    while (position != std::string::npos) {
        position = path.find('/', position + 1);
        partial = path.substr(0, position);
        if (partial.empty()) {
            continue;
        }
        if (mkdir(partial.c_str(), static_cast<mode_t>(mode)) < 0 && errno != EEXIST) {
            return systemError("creating the directory", partial);
        }
    }
    struct stat status;
    if (stat(path.c_str(), &status) < 0) {
        return systemError("reading", path);
    }
    if (!S_ISDIR(status.st_mode)) {
        return Error(ENOTDIR, path + " exists and is not a directory");
    }
    return {};
}

Status writeFileAtomically(const std::string& path, const std::string& text, unsigned mode) {
    const std::string temporary = path + ".tmp";
    FileDescriptor fd(open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW,
                           static_cast<mode_t>(mode)));
    if (fd.get() < 0) {
        return systemError("creating", temporary);
    }
    // The umask must not widen or narrow what the caller asked for.
    if (fchmod(fd.get(), static_cast<mode_t>(mode)) < 0) {
        return systemError("setting the mode of", temporary);
    }
    size_t written = 0;
    while (written < text.size()) {
        const ssize_t step = write(fd.get(), text.data() + written, text.size() - written);
        if (step < 0) {
            if (errno == EINTR) {
                continue;
            }
            Error error = systemError("writing", temporary);
            unlink(temporary.c_str());
            return error;
        }
        written += static_cast<size_t>(step);
    }
    if (fsync(fd.get()) < 0) {
        Error error = systemError("flushing", temporary);
        unlink(temporary.c_str());
        return error;
    }
    if (::close(fd.release()) < 0) {
        Error error = systemError("closing", temporary);
        unlink(temporary.c_str());
        return error;
    }
    if (rename(temporary.c_str(), path.c_str()) < 0) {
        Error error = systemError("renaming " + temporary + " to", path);
        unlink(temporary.c_str());
        return error;
    }
    // The rename itself is durable once the directory is flushed.
    FileDescriptor directory(open(parentOf(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (directory.get() >= 0) {
        (void)fsync(directory.get());
    }
    return {};
}

Result<std::string> readWholeFile(const std::string& path, size_t maxBytes) {
    FileDescriptor fd(open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
    if (fd.get() < 0) {
        return systemError("reading", path);
    }
    std::string text;
    char buffer[8192];
    for (;;) {
        const ssize_t length = read(fd.get(), buffer, sizeof(buffer));
        if (length < 0) {
            if (errno == EINTR) {
                continue;
            }
            return systemError("reading", path);
        }
        if (length == 0) {
            return text;
        }
        text.append(buffer, static_cast<size_t>(length));
        if (text.size() > maxBytes) {
            return Error(EFBIG, path + " is larger than " + std::to_string(maxBytes) +
                                    " bytes; it is not read");
        }
    }
}

LedgerFile::LedgerFile(std::string directory)
    : directory_(std::move(directory)), path_(directory_ + "/ledger.json") {}

Result<Ledger> LedgerFile::load() const {
    auto text = readWholeFile(path_);
    if (!text) {
        if (text.error().code() == ENOENT) {
            return Ledger{};
        }
        return text.error();
    }
    return parseLedger(*text);
}

Status LedgerFile::save(const Ledger& ledger) const {
    if (Status made = makeDirectories(directory_); !made) {
        return made;
    }
    return writeFileAtomically(path_, writeLedger(ledger), 0644);
}

} // namespace profiles
