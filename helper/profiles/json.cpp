#include "json.h"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace profiles::json {

// --- values ----------------------------------------------------------------

Value::Type Value::type() const {
    switch (data_.index()) {
    case 0:
        return Type::Null;
    case 1:
        return Type::Boolean;
    case 2:
        return Type::Integer;
    case 3:
        return Type::Number;
    case 4:
        return Type::String;
    case 5:
        return Type::ArrayValue;
    default:
        return Type::ObjectValue;
    }
}

double Value::number() const {
    if (isInteger()) {
        return static_cast<double>(integer());
    }
    return std::get<double>(data_);
}

const Value* Value::find(std::string_view key) const {
    if (!isObject()) {
        return nullptr;
    }
    for (const auto& [name, value] : object()) {
        if (name == key) {
            return &value;
        }
    }
    return nullptr;
}

bool operator==(const Value& a, const Value& b) {
    if (a.type() != b.type()) {
        return false;
    }
    switch (a.type()) {
    case Value::Type::Null:
        return true;
    case Value::Type::Boolean:
        return a.boolean() == b.boolean();
    case Value::Type::Integer:
        return a.integer() == b.integer();
    case Value::Type::Number:
        return a.number() == b.number();
    case Value::Type::String:
        return a.string() == b.string();
    case Value::Type::ArrayValue:
        return a.array() == b.array();
    case Value::Type::ObjectValue:
        return a.object() == b.object();
    }
    return false;
}

const char* typeName(Value::Type type) {
    switch (type) {
    case Value::Type::Null:
        return "null";
    case Value::Type::Boolean:
        return "true or false";
    case Value::Type::Integer:
        return "an integer";
    case Value::Type::Number:
        return "a number";
    case Value::Type::String:
        return "a string";
    case Value::Type::ArrayValue:
        return "an array";
    case Value::Type::ObjectValue:
        return "an object";
    }
    return "a value";
}

std::string ParseError::describe() const {
    return "line " + std::to_string(line) + ", column " + std::to_string(column) + ": " + message;
}

// --- reading ---------------------------------------------------------------

namespace {

class Parser {
public:
    Parser(std::string_view text, const ParseLimits& limits) : text_(text), limits_(limits) {}

    std::variant<Value, ParseError> run() {
        if (text_.size() > limits_.maxBytes) {
            return ParseError{1, 1,
                              "the text is " + std::to_string(text_.size()) +
                                  " bytes long; at most " + std::to_string(limits_.maxBytes) +
                                  " are read"};
        }
        // A UTF-8 byte order mark is tolerated, as editors write one.
        if (text_.substr(0, 3) == "\xEF\xBB\xBF") {
            position_ = 3;
        }
        skipSpace();
        Value value;
        if (!parseValue(value, 0)) {
            return error_;
        }
        skipSpace();
        if (position_ != text_.size()) {
            fail("unexpected text after the end of the document");
            return error_;
        }
        return value;
    }

private:
    bool fail(std::string message) { return failAt(position_, std::move(message)); }

    bool failAt(size_t offset, std::string message) {
        ParseError error;
        error.message = std::move(message);
        for (size_t i = 0; i < offset && i < text_.size(); ++i) {
            if (text_[i] == '\n') {
                ++error.line;
                error.column = 1;
            } else {
                ++error.column;
            }
        }
        error_ = std::move(error);
        return false;
    }

    bool atEnd() const { return position_ >= text_.size(); }
    char peek() const { return text_[position_]; }

    void skipSpace() {
        while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) {
            ++position_;
        }
    }

    // What stands at the current position, for "expected X, found Y".
    std::string found() const {
        if (atEnd()) {
            return "the end of the text";
        }
        const auto c = static_cast<unsigned char>(peek());
        if (c >= 0x20 && c < 0x7f) {
            return std::string("'") + peek() + "'";
        }
        char buffer[16];
        std::snprintf(buffer, sizeof(buffer), "byte 0x%02x", c);
        return buffer;
    }

    bool literal(std::string_view word, Value value, Value& out) {
        if (text_.substr(position_, word.size()) != word) {
            return fail("expected a value, found " + found());
        }
        position_ += word.size();
        out = std::move(value);
        return true;
    }

    bool parseValue(Value& out, size_t depth) {
        if (atEnd()) {
            return fail("expected a value, found the end of the text");
        }
        switch (peek()) {
        case '{':
            return parseObject(out, depth + 1);
        case '[':
            return parseArray(out, depth + 1);
        case '"': {
            std::string text;
            if (!parseString(text)) {
                return false;
            }
            out = Value(std::move(text));
            return true;
        }
        case 't':
            return literal("true", Value(true), out);
        case 'f':
            return literal("false", Value(false), out);
        case 'n':
            return literal("null", Value(nullptr), out);
        default:
            if (peek() == '-' || (peek() >= '0' && peek() <= '9')) {
                return parseNumber(out);
            }
            return fail("expected a value, found " + found());
        }
    }

    bool enter(size_t depth) {
        if (depth > limits_.maxDepth) {
            return fail("nested deeper than " + std::to_string(limits_.maxDepth) + " levels");
        }
        return true;
    }

    bool parseObject(Value& out, size_t depth) {
        if (!enter(depth)) {
            return false;
        }
        ++position_; // {
        Object members;
        skipSpace();
        if (!atEnd() && peek() == '}') {
            ++position_;
            out = Value(std::move(members));
            return true;
        }
        for (;;) {
            skipSpace();
            if (atEnd() || peek() != '"') {
                return fail("expected a member name in double quotes, found " + found());
            }
            const size_t keyStart = position_;
            std::string key;
            if (!parseString(key)) {
                return false;
            }
            for (const auto& member : members) {
                if (member.first == key) {
                    return failAt(keyStart, "the member \"" + key + "\" appears twice");
                }
            }
            skipSpace();
            if (atEnd() || peek() != ':') {
                return fail("expected ':' after the member name, found " + found());
            }
            ++position_;
            skipSpace();
            Value value;
            if (!parseValue(value, depth)) {
                return false;
            }
            members.emplace_back(std::move(key), std::move(value));
            skipSpace();
            if (!atEnd() && peek() == ',') {
                ++position_;
                skipSpace();
                if (!atEnd() && peek() == '}') {
                    return fail("a comma must be followed by another member (no trailing commas)");
                }
                continue;
            }
            if (!atEnd() && peek() == '}') {
                ++position_;
                out = Value(std::move(members));
                return true;
            }
            return fail("expected ',' or '}' after a member, found " + found());
        }
    }

    bool parseArray(Value& out, size_t depth) {
        if (!enter(depth)) {
            return false;
        }
        ++position_; // [
        Array elements;
        skipSpace();
        if (!atEnd() && peek() == ']') {
            ++position_;
            out = Value(std::move(elements));
            return true;
        }
        for (;;) {
            skipSpace();
            Value value;
            if (!parseValue(value, depth)) {
                return false;
            }
            elements.push_back(std::move(value));
            skipSpace();
            if (!atEnd() && peek() == ',') {
                ++position_;
                skipSpace();
                if (!atEnd() && peek() == ']') {
                    return fail("a comma must be followed by another element (no trailing commas)");
                }
                continue;
            }
            if (!atEnd() && peek() == ']') {
                ++position_;
                out = Value(std::move(elements));
                return true;
            }
            return fail("expected ',' or ']' after an element, found " + found());
        }
    }

    static void appendUtf8(std::string& out, uint32_t code) {
        if (code < 0x80) {
            out += static_cast<char>(code);
        } else if (code < 0x800) {
            out += static_cast<char>(0xC0 | (code >> 6));
            out += static_cast<char>(0x80 | (code & 0x3F));
        } else if (code < 0x10000) {
            out += static_cast<char>(0xE0 | (code >> 12));
            out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (code & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (code >> 18));
            out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (code & 0x3F));
        }
    }

    bool hex4(uint32_t& code) {
        if (text_.size() - position_ < 4) {
            return fail("a \\u escape needs four hexadecimal digits");
        }
        code = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = text_[position_ + static_cast<size_t>(i)];
            uint32_t digit;
            if (c >= '0' && c <= '9') {
                digit = static_cast<uint32_t>(c - '0');
            } else if (c >= 'a' && c <= 'f') {
                digit = static_cast<uint32_t>(c - 'a' + 10);
            } else if (c >= 'A' && c <= 'F') {
                digit = static_cast<uint32_t>(c - 'A' + 10);
            } else {
                return fail("a \\u escape needs four hexadecimal digits");
            }
            code = code * 16 + digit;
        }
        position_ += 4;
        return true;
    }

    // One UTF-8 sequence starting at the current byte, checked as RFC 3629
    // says (no overlong forms, no surrogates, nothing above U+10FFFF).
    bool copyUtf8(std::string& out) {
        const auto lead = static_cast<unsigned char>(peek());
        size_t length;
        uint32_t code = 0;
        if (lead < 0x80) {
            length = 1;
            code = lead;
        } else if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
            code = lead & 0x1Fu;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            code = lead & 0x0Fu;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            code = lead & 0x07u;
        } else {
            return fail("invalid UTF-8 (" + found() + ")");
        }
        if (text_.size() - position_ < length) {
            return fail("invalid UTF-8: a sequence is cut short");
        }
        for (size_t i = 1; i < length; ++i) {
            const auto next = static_cast<unsigned char>(text_[position_ + i]);
            if ((next & 0xC0) != 0x80) {
                return fail("invalid UTF-8: a sequence is cut short");
            }
            code = (code << 6) | (next & 0x3Fu);
        }
        const bool overlong = (length == 3 && code < 0x800) || (length == 4 && code < 0x10000);
        if (overlong || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) {
            return fail("invalid UTF-8 (overlong form, surrogate or beyond U+10FFFF)");
        }
        out.append(text_.substr(position_, length));
        position_ += length;
        return true;
    }

    bool parseString(std::string& out) {
        ++position_; // "
        for (;;) {
            if (atEnd()) {
                return fail("a string is not closed with '\"'");
            }
            const char c = peek();
            if (c == '"') {
                ++position_;
                return true;
            }
            if (static_cast<unsigned char>(c) < 0x20) {
                return fail("control characters (here " + found() +
                            ") must be escaped inside strings");
            }
            if (c != '\\') {
                if (!copyUtf8(out)) {
                    return false;
                }
                continue;
            }
            ++position_;
            if (atEnd()) {
                return fail("a string is not closed with '\"'");
            }
            const char escape = peek();
            ++position_;
            switch (escape) {
            case '"':
                out += '"';
                break;
            case '\\':
                out += '\\';
                break;
            case '/':
                out += '/';
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            case 't':
                out += '\t';
                break;
            case 'u': {
                uint32_t code = 0;
                if (!hex4(code)) {
                    return false;
                }
                if (code >= 0xDC00 && code <= 0xDFFF) {
                    return fail("a \\u escape holds a lone low surrogate");
                }
                if (code >= 0xD800 && code <= 0xDBFF) {
                    if (text_.substr(position_, 2) != "\\u") {
                        return fail("a high surrogate must be followed by a \\u low surrogate");
                    }
                    position_ += 2;
                    uint32_t low = 0;
                    if (!hex4(low)) {
                        return false;
                    }
                    if (low < 0xDC00 || low > 0xDFFF) {
                        return fail("a high surrogate must be followed by a \\u low surrogate");
                    }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                }
                if (code == 0) {
                    return fail("strings may not contain \\u0000");
                }
                appendUtf8(out, code);
                break;
            }
            default:
                position_ -= 2; // at the backslash
                return fail("unknown escape '\\" + std::string(1, escape) + "'");
            }
        }
    }

    bool digits() {
        const size_t start = position_;
        while (!atEnd() && peek() >= '0' && peek() <= '9') {
            ++position_;
        }
        return position_ > start;
    }

    bool parseNumber(Value& out) {
        const size_t start = position_;
        bool integral = true;
        if (peek() == '-') {
            ++position_;
        }
        if (atEnd() || !(peek() >= '0' && peek() <= '9')) {
            return fail("expected a digit, found " + found());
        }
        if (peek() == '0') {
            ++position_;
            if (!atEnd() && peek() >= '0' && peek() <= '9') {
                return fail("numbers may not have leading zeros");
            }
        } else {
            digits();
        }
        if (!atEnd() && peek() == '.') {
            integral = false;
            ++position_;
            if (!digits()) {
                return fail("expected a digit after the decimal point, found " + found());
            }
        }
        if (!atEnd() && (peek() == 'e' || peek() == 'E')) {
            integral = false;
            ++position_;
            if (!atEnd() && (peek() == '+' || peek() == '-')) {
                ++position_;
            }
            if (!digits()) {
                return fail("expected a digit in the exponent, found " + found());
            }
        }
        const std::string_view token = text_.substr(start, position_ - start);
        if (integral) {
            int64_t value = 0;
            auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), value);
            if (ec == std::errc() && end == token.data() + token.size()) {
                out = Value(value);
                return true;
            }
            // Too large for 64 bits: kept as a floating-point number.
        }
        const std::string copy(token);
        errno = 0;
        char* end = nullptr;
        const double value = std::strtod(copy.c_str(), &end);
        if (end != copy.c_str() + copy.size() || !std::isfinite(value)) {
            return failAt(start, "the number " + copy + " is out of range");
        }
        out = Value(value);
        return true;
    }

    std::string_view text_;
    ParseLimits limits_;
    size_t position_ = 0;
    ParseError error_;
};

// --- writing ---------------------------------------------------------------

void writeString(std::string& out, const std::string& text) {
    out += '"';
    for (const char c : text) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char buffer[8];
                std::snprintf(buffer, sizeof(buffer), "\\u%04x", static_cast<unsigned>(c));
                out += buffer;
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

void writeValue(std::string& out, const Value& value, size_t indent) {
    const std::string inner(2 * (indent + 1), ' ');
    const std::string outer(2 * indent, ' ');
    switch (value.type()) {
    case Value::Type::Null:
        out += "null";
        break;
    case Value::Type::Boolean:
        out += value.boolean() ? "true" : "false";
        break;
    case Value::Type::Integer:
        out += std::to_string(value.integer());
        break;
    case Value::Type::Number: {
        if (!std::isfinite(value.number())) {
            out += "null"; // JSON has no infinities
            break;
        }
        char buffer[32];
        std::snprintf(buffer, sizeof(buffer), "%.17g", value.number());
        out += buffer;
        // Keeps a number a number when read back (1.0 is not the integer 1).
        if (std::strpbrk(buffer, ".eE") == nullptr) {
            out += ".0";
        }
        break;
    }
    case Value::Type::String:
        writeString(out, value.string());
        break;
    case Value::Type::ArrayValue: {
        const Array& array = value.array();
        if (array.empty()) {
            out += "[]";
            break;
        }
        // Arrays of scalars stay on one line: ["subflow", "backup"].
        bool flat = true;
        for (const auto& element : array) {
            flat = flat && !element.isArray() && !element.isObject();
        }
        out += flat ? "[" : "[\n";
        for (size_t i = 0; i < array.size(); ++i) {
            if (!flat) {
                out += inner;
            }
            writeValue(out, array[i], indent + 1);
            if (i + 1 < array.size()) {
                out += flat ? ", " : ",\n";
            }
        }
        out += flat ? "]" : "\n" + outer + "]";
        break;
    }
    case Value::Type::ObjectValue: {
        const Object& object = value.object();
        if (object.empty()) {
            out += "{}";
            break;
        }
        out += "{\n";
        for (size_t i = 0; i < object.size(); ++i) {
            out += inner;
            writeString(out, object[i].first);
            out += ": ";
            writeValue(out, object[i].second, indent + 1);
            out += i + 1 < object.size() ? ",\n" : "\n";
        }
        out += outer + "}";
        break;
    }
    }
}

} // namespace

std::variant<Value, ParseError> parse(std::string_view text, const ParseLimits& limits) {
    return Parser(text, limits).run();
}

std::string write(const Value& value) {
    std::string out;
    writeValue(out, value, 0);
    out += '\n';
    return out;
}

} // namespace profiles::json
