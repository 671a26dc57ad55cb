#include "json_writer.h"

#include <cstdio>

namespace mptcpctl {

std::string JsonWriter::quote(std::string_view value) {
    std::string out = "\"";
    for (unsigned char c : value) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        default:
            if (c < 0x20) {
                char escaped[8];
                std::snprintf(escaped, sizeof(escaped), "\\u%04x", c);
                out += escaped;
            } else {
                out += static_cast<char>(c);
            }
        }
    }
    return out + "\"";
}

void JsonWriter::newline() {
    if (pretty_) {
        text_ += '\n';
        text_.append(hasMember_.size() * 4, ' ');
    }
}

void JsonWriter::prefix(std::string_view key) {
    if (!hasMember_.empty()) {
        if (hasMember_.back()) {
            text_ += ',';
        }
        hasMember_.back() = true;
        newline();
    }
    if (!key.empty()) {
        text_ += quote(key);
        text_ += pretty_ ? ": " : ":";
    }
}

void JsonWriter::beginObject(std::string_view key) {
    prefix(key);
    text_ += '{';
    hasMember_.push_back(false);
}

void JsonWriter::endObject() {
    bool hadMembers = hasMember_.back();
    hasMember_.pop_back();
    if (hadMembers) {
        newline();
    }
    text_ += '}';
}

void JsonWriter::beginArray(std::string_view key) {
    prefix(key);
    text_ += '[';
    hasMember_.push_back(false);
}

void JsonWriter::endArray() {
    bool hadMembers = hasMember_.back();
    hasMember_.pop_back();
    if (hadMembers) {
        newline();
    }
    text_ += ']';
}

void JsonWriter::string(std::string_view key, std::string_view value) {
    prefix(key);
    text_ += quote(value);
}

void JsonWriter::number(std::string_view key, uint64_t value) {
    prefix(key);
    text_ += std::to_string(value);
}

void JsonWriter::signedNumber(std::string_view key, int64_t value) {
    prefix(key);
    text_ += std::to_string(value);
}

void JsonWriter::boolean(std::string_view key, bool value) {
    prefix(key);
    text_ += value ? "true" : "false";
}

} // namespace mptcpctl
