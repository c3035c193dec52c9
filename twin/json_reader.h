// Reading a parsed JSON document so that every problem names its place. A JsonNode is a value
// plus its JSON Pointer ("/buildings/3/it_capacity_mw"); its accessors check the type (and the
// range, for numbers) and throw JsonReadError{pointer, problem} on the first thing wrong.
// A JsonObjectReader remembers every key it was asked for, present or not, so finish() can
// reject the keys nobody asked for (typos, stale fields) and suggest the nearest known one.
//
//     JsonObjectReader building(node);
//     double mw = building.number("it_capacity_mw", {0.1, 2000});
//     int banks = building.integerOr("cooler_banks", {1, 200}, 16);
//     building.finish();  // "unknown key 'it_capacty_mw' (did you mean 'it_capacity_mw'?)"
//
// parseJsonWithPositions() turns syntax errors into "line L, column C: ..." and rejects an
// object that names the same key twice (nlohmann::json would silently keep the last one).
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ct::twin {

struct JsonReadError : std::runtime_error {
    JsonReadError(std::string pointer_, std::string problem_)
        : std::runtime_error(pointer_ + ": " + problem_), pointer(std::move(pointer_)), problem(std::move(problem_)) {}
    std::string pointer;  // "/" for the document root
    std::string problem;
};

// Inclusive bounds for a number.
struct Range {
    double lo;
    double hi;
};

// Shortest text that reads back as the same double: 0.1 -> "0.1", 12000 -> "12000".
std::string formatNumber(double value);

// A string from the user's file as it may stand in a one-line message: in JSON quotes with its
// control characters escaped (a "\n" in the file never breaks the line), bytes that are not
// UTF-8 shown as U+FFFD, and cut (at a character boundary) after `maxBytes` with "...".
std::string quotedText(std::string_view text, std::size_t maxBytes = 40);

// base + "/" + token, escaping '~' and '/' as JSON Pointer requires ("bldg-01/rotor" -> "bldg-01~1rotor").
std::string appendPointer(const std::string& base, std::string_view token);

class JsonObjectReader;

class JsonNode {
public:
    JsonNode(const nlohmann::json& value, std::string pointer) : value_(&value), pointer_(std::move(pointer)) {}

    const nlohmann::json& raw() const { return *value_; }
    const std::string& pointer() const { return pointer_; }  // "" for the root; shown as "/"

    double number(Range range) const;
    int integer(int lo, int hi) const;
    bool boolean() const;
    std::string string() const;  // any string, possibly empty
    std::string nonEmptyString() const;
    // An array; with `exactSize`, exactly that many elements.
    std::vector<JsonNode> elements(std::optional<std::size_t> exactSize = std::nullopt) const;
    // The members of an object whose keys are data (a map), not a fixed schema.
    std::vector<std::pair<std::string, JsonNode>> members() const;
    JsonNode child(std::string_view key) const;  // precondition: raw() is an object holding key

    [[noreturn]] void fail(const std::string& problem) const;

private:
    void expectType(bool ok, const char* wanted) const;

    const nlohmann::json* value_;
    std::string pointer_;
};

// A JSON object with a fixed set of keys.
class JsonObjectReader {
public:
    explicit JsonObjectReader(const JsonNode& node);

    const JsonNode& node() const { return node_; }
    bool has(std::string_view key);  // also marks the key as known

    JsonNode required(std::string_view key);
    std::optional<JsonNode> optional(std::string_view key);

    double number(std::string_view key, Range range);
    double numberOr(std::string_view key, Range range, double fallback);
    int integer(std::string_view key, int lo, int hi);
    int integerOr(std::string_view key, int lo, int hi, int fallback);
    std::string string(std::string_view key);  // required, non-empty
    std::string stringOr(std::string_view key, std::string fallback);
    bool booleanOr(std::string_view key, bool fallback);
    // Free text for people ("notes", "sources"): a string or an array of strings; not kept.
    void skipText(std::string_view key);

    // Throws for the first key in the object that was never asked for.
    void finish() const;

private:
    JsonNode node_;
    std::set<std::string, std::less<>> known_;
};

// Parses `text`. Syntax errors and repeated keys throw JsonReadError; for syntax errors the
// pointer is "line L, column C" because no JSON path exists yet.
nlohmann::json parseJsonWithPositions(const std::string& text);

}  // namespace ct::twin
