// A small, strict JSON (RFC 8259) reader and writer for the profile and
// ledger files. Qt-free and exception-free so the helper, mptcpctl, the tests
// and the fuzzers share it. Strict on purpose: no comments, no trailing
// commas, no duplicate keys, UTF-8 only, bounded nesting; every error names
// the line and column where reading stopped.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace profiles::json {

class Value;
using Array = std::vector<Value>;
// Members in the order they were read (or added); keys are unique.
using Object = std::vector<std::pair<std::string, Value>>;

class Value {
public:
    enum class Type { Null, Boolean, Integer, Number, String, ArrayValue, ObjectValue };

    Value() = default; // null
    Value(std::nullptr_t) {}
    Value(bool value) : data_(value) {}
    Value(int value) : data_(int64_t{value}) {}
    Value(int64_t value) : data_(value) {}
    Value(uint32_t value) : data_(int64_t{value}) {}
    Value(double value) : data_(value) {}
    Value(std::string value) : data_(std::move(value)) {}
    Value(const char* value) : data_(std::string(value)) {}
    Value(Array value) : data_(std::make_shared<Array>(std::move(value))) {}
    Value(Object value) : data_(std::make_shared<Object>(std::move(value))) {}

    Type type() const;
    bool isNull() const { return type() == Type::Null; }
    bool isBoolean() const { return type() == Type::Boolean; }
    // A number written without fraction or exponent that fits in 64 bits.
    bool isInteger() const { return type() == Type::Integer; }
    bool isNumber() const { return type() == Type::Integer || type() == Type::Number; }
    bool isString() const { return type() == Type::String; }
    bool isArray() const { return type() == Type::ArrayValue; }
    bool isObject() const { return type() == Type::ObjectValue; }

    // Each accessor requires the matching type.
    bool boolean() const { return std::get<bool>(data_); }
    int64_t integer() const { return std::get<int64_t>(data_); }
    double number() const;
    const std::string& string() const { return std::get<std::string>(data_); }
    const Array& array() const { return *std::get<std::shared_ptr<Array>>(data_); }
    const Object& object() const { return *std::get<std::shared_ptr<Object>>(data_); }

    // The member `key` of an object; nullptr when absent or not an object.
    const Value* find(std::string_view key) const;

    friend bool operator==(const Value& a, const Value& b);

private:
    std::variant<std::nullptr_t, bool, int64_t, double, std::string, std::shared_ptr<Array>,
                 std::shared_ptr<Object>>
        data_;
};

// "integer", "string", ... for error messages.
const char* typeName(Value::Type type);

struct ParseError {
    size_t line = 1;   // from 1
    size_t column = 1; // from 1, in bytes
    std::string message;

    // "line 3, column 14: expected ',' or '}' after a member"
    std::string describe() const;
};

struct ParseLimits {
    size_t maxDepth = 32;
    size_t maxBytes = 1 << 20;
};

std::variant<Value, ParseError> parse(std::string_view text, const ParseLimits& limits = {});

// Two-space indentation and a final newline; keys in their stored order.
std::string write(const Value& value);

} // namespace profiles::json
