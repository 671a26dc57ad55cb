// Crash safety for ApplyConfiguration. The kernel has no transaction for the
// path manager: replacing the endpoints is one netlink request per endpoint,
// so a helper killed half-way (SIGKILL, OOM, power to the process cut) would
// leave a mix of old and new endpoints. Before its first change the helper
// writes the configuration it is replacing to a journal file in its runtime
// directory (systemd's RuntimeDirectory=, in /run: gone after a reboot, when
// the kernel's configuration is gone too) and removes it when the call is
// over. A journal found at start-up means a call was interrupted: the helper
// puts the recorded configuration back before it serves anyone, so the
// interrupted call had no effect, as its error reply (the caller saw the
// helper vanish) says. Qt-free, like the rest of mptcp_helper_core.
#pragma once

#include "configuration.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace helper {

struct JournalRecord {
    uint64_t netns = 0; // inode of the network namespace it applies to
    Configuration previous;
};

// The file's text: a header line, "netns N", "limits S A", one
// "endpoint ID ADDRESS PORT IFINDEX FLAGS" line each, and "end".
std::string formatJournal(const JournalRecord& record);
// Strict: anything unexpected (a torn or foreign file) is nullopt.
std::optional<JournalRecord> parseJournal(std::string_view text);

// The network namespace this process is in (inode of /proc/self/ns/net).
uint64_t currentNetns();

class ApplyJournal {
public:
    // `directory` empty: journaling is off (nothing written or replayed).
    explicit ApplyJournal(std::string directory);

    // The directory from $RUNTIME_DIRECTORY (set by systemd for
    // RuntimeDirectory=; the first one when there are several), or "".
    static std::string directoryFromEnvironment();

    bool enabled() const { return !path_.empty(); }
    const std::string& path() const { return path_; }

    // Durably records the configuration about to be replaced (write to a
    // temporary file, fsync, rename).
    mptcp::Status record(const Configuration& previous);
    // The call is over (done, or undone in place): forget the record.
    void clear();

    // What an interrupted call left, if anything. A record for another
    // network namespace, or one that does not parse, is reported in
    // `problem` and ignored.
    std::optional<Configuration> interrupted(std::string* problem = nullptr) const;

private:
    std::string path_;
};

// Start-up: if a call was interrupted, put its previous configuration back
// (with the ids, flags, ports, interfaces and limits it had) and forget the
// record. Returns a sentence for the log when something was found, else "".
std::string recoverInterruptedApply(ApplyJournal& journal, mptcp::PathManager& pathManager);

} // namespace helper
