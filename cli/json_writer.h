// A small streaming JSON writer: enough for mptcpctl's arrays of flat objects,
// with the compact layout of iproute2's -j output (and -p for indentation).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mptcpctl {

class JsonWriter {
public:
    explicit JsonWriter(bool pretty = false) : pretty_(pretty) {}

    void beginObject(std::string_view key = {});
    void endObject();
    void beginArray(std::string_view key = {});
    void endArray();
    void string(std::string_view key, std::string_view value);
    void number(std::string_view key, uint64_t value);
    void signedNumber(std::string_view key, int64_t value);
    void boolean(std::string_view key, bool value);

    const std::string& text() const { return text_; }

    static std::string quote(std::string_view value);

private:
    void prefix(std::string_view key);
    void newline();

    bool pretty_;
    std::string text_;
    std::vector<bool> hasMember_;
};

} // namespace mptcpctl
