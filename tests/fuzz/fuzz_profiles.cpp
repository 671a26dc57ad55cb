// Fuzzes what reads profile and ledger files: the JSON reader (every input
// either parses or yields an error with a position inside the text; what
// parses writes out and reads back the same), the profile reader (whatever
// it accepts validates, and round-trips through the writer) and the ledger
// reader.
#include "json.h"
#include "ledger.h"
#include "profile.h"

#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto parsed = profiles::json::parse(text);
    if (auto* value = std::get_if<profiles::json::Value>(&parsed)) {
        const std::string written = profiles::json::write(*value);
        auto again = profiles::json::parse(written);
        auto* back = std::get_if<profiles::json::Value>(&again);
        if (!back || profiles::json::write(*back) != written) {
            std::abort(); // the writer produced what the reader refuses or changes
        }
    } else {
        const auto& error = std::get<profiles::json::ParseError>(parsed);
        if (error.line < 1 || error.column < 1 || error.line > size + 1 ||
            error.column > size + 1 || error.message.empty()) {
            std::abort();
        }
    }
    auto profile = profiles::parseProfile(text);
    if (profile) {
        if (!profiles::validateProfile(*profile)) {
            std::abort();
        }
        auto back = profiles::parseProfile(profiles::writeProfile(*profile));
        if (!back || !(*back == *profile)) {
            std::abort();
        }
    } else if (profile.error().advice().empty()) {
        std::abort();
    }
    auto ledger = profiles::parseLedger(text);
    if (ledger) {
        auto back = profiles::parseLedger(profiles::writeLedger(*ledger));
        if (!back || !(*back == *ledger)) {
            std::abort();
        }
    }
    return 0;
}
