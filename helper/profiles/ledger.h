// The ledger: which of the kernel's endpoints MPTCP Manager created for the
// active profile. Only those are ever changed or deleted; everything else
// (made by `ip mptcp`, NetworkManager, mptcpd, the user through the helper's
// endpoint methods) is left alone. It lives in /run because endpoints do not
// survive a reboot and neither should the claim on them.
#pragma once

#include "endpoint.h"
#include "error.h"
#include "ip_address.h"

#include <cstdint>
#include <string>
#include <vector>

namespace profiles {

// One endpoint we made: address + interface + flags, as the kernel has it.
struct LedgerEntry {
    uint8_t id = 0; // the id the kernel gave it
    mptcp::IpAddress address;
    uint16_t port = 0;
    int32_t ifindex = 0;   // the `dev` it was added with
    std::string interface; // that interface's name then (for people)
    uint32_t flags = 0;    // as set by us (never "implicit")

    // The kernel's endpoint is still exactly what we left: same id,
    // address, port, interface and flags. Anything else is someone else's.
    bool sameAs(const mptcp::Endpoint& endpoint) const;

    friend bool operator==(const LedgerEntry&, const LedgerEntry&) = default;
};

struct Ledger {
    std::vector<LedgerEntry> entries;

    // The entry that claims `endpoint`, or nullptr.
    const LedgerEntry* owner(const mptcp::Endpoint& endpoint) const;

    friend bool operator==(const Ledger&, const Ledger&) = default;
};

std::string writeLedger(const Ledger& ledger);
mptcp::Result<Ledger> parseLedger(std::string_view text);

// Persists the ledger in a directory as ledger.json; writes are atomic
// (temporary file, fsync, rename), so a crash leaves the old or the new one.
class LedgerFile {
public:
    static constexpr const char* kDefaultDirectory = "/run/mptcp-manager";

    explicit LedgerFile(std::string directory = kDefaultDirectory);

    // An absent file is an empty ledger; an unreadable or corrupt one is an
    // Error (the caller then owns nothing, which is the safe side).
    mptcp::Result<Ledger> load() const;
    // Creates the directory (0755) when needed.
    mptcp::Status save(const Ledger& ledger) const;
    const std::string& path() const { return path_; }

private:
    std::string directory_;
    std::string path_;
};

// Writes `text` to `path` atomically: PATH.tmp in the same directory,
// fsync, rename, fsync of the directory. Mode applies to the new file.
mptcp::Status writeFileAtomically(const std::string& path, const std::string& text,
                                  unsigned mode = 0644);
// The whole file; ENOENT keeps its code so callers can tell "absent".
mptcp::Result<std::string> readWholeFile(const std::string& path, size_t maxBytes = 1 << 20);
// mkdir -p with `mode` for the directories it creates.
mptcp::Status makeDirectories(const std::string& path, unsigned mode = 0755);

} // namespace profiles
