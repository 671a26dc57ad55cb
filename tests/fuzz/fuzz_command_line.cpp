// mptcpctl's parser with arbitrary words: every input is either a command or
// a usage error with a message, never a crash.
#include "command_line.h"

#include <cstdlib>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::vector<std::string> words(1);
    for (size_t i = 0; i < size; ++i) {
        if (data[i] == 0) {
            words.emplace_back();
        } else {
            words.back() += static_cast<char>(data[i]);
        }
    }
    auto parsed = mptcpctl::parseCommandLine(words);
    if (auto* error = std::get_if<mptcpctl::UsageError>(&parsed); error && error->message.empty()) {
        std::abort();
    }
    return 0;
}
