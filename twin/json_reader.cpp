#include "twin/json_reader.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

namespace ct::twin {
namespace {

// What a value is, for "expected X, got Y" messages; strings and numbers show their text so
// the reader can find them in the file.
std::string describe(const nlohmann::json& value) {
    switch (value.type()) {
        case nlohmann::json::value_t::string:
            return "string " + quotedText(value.get_ref<const std::string&>());
        case nlohmann::json::value_t::number_integer:
        case nlohmann::json::value_t::number_unsigned:
        case nlohmann::json::value_t::number_float:
            return "number " + formatNumber(value.get<double>());
        case nlohmann::json::value_t::boolean:
            return value.get<bool>() ? "true" : "false";
        case nlohmann::json::value_t::null:
            return "null";
        case nlohmann::json::value_t::object:
            return "an object";
        case nlohmann::json::value_t::array:
            return "an array";
        default:
            return "a binary value";
    }
}

std::size_t editDistance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

// The candidate closest to `word`, if close enough to be a plausible typo: at most two edits,
// so that "latitude_deg" does not suggest "longitude_deg" (three edits apart).
std::optional<std::string> nearest(std::string_view word, const std::vector<std::string>& candidates) {
    std::optional<std::string> best;
    std::size_t bestDistance = 3;
    for (const std::string& candidate : candidates) {
        const std::size_t d = editDistance(word, candidate);
        if (d < bestDistance) {
            bestDistance = d;
            best = candidate;
        }
    }
    return best;
}

std::string joined(const std::vector<std::string>& words) {
    std::string out;
    for (const std::string& w : words)
        out += (out.empty() ? "" : ", ") + w;
    return out;
}

}  // namespace

std::string quotedText(std::string_view text, std::size_t maxBytes) {
    std::string cut(text);
    if (cut.size() > maxBytes) {
        std::size_t end = maxBytes > 3 ? maxBytes - 3 : 0;
        // Back to the start of a UTF-8 sequence, so that a character is never split in two.
        while (end > 0 && (static_cast<unsigned char>(cut[end]) & 0xC0) == 0x80)
            --end;
        cut = cut.substr(0, end) + "...";
    }
    // The serializer escapes quotes and control characters; replace: invalid UTF-8 is shown, not thrown.
    return nlohmann::json(cut).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string formatNumber(double value) {
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

std::string appendPointer(const std::string& base, std::string_view token) {
    std::string out = base + "/";
    for (char c : token) {
        if (c == '~') {
            out += "~0";
        } else if (c == '/') {
            out += "~1";
        } else {
            out += c;
        }
    }
    return out;
}

// --- JsonNode ---

void JsonNode::fail(const std::string& problem) const {
    throw JsonReadError(pointer_.empty() ? "/" : pointer_, problem);
}

void JsonNode::expectType(bool ok, const char* wanted) const {
    if (!ok) fail(std::string("expected ") + wanted + ", got " + describe(*value_));
}

double JsonNode::number(Range range) const {
    expectType(value_->is_number(), "a number");
    const double v = value_->get<double>();
    if (!(v >= range.lo && v <= range.hi)) {
        fail(formatNumber(v) + " is out of range (" + formatNumber(range.lo) + " .. " + formatNumber(range.hi) + ")");
    }
    return v;
}

int JsonNode::integer(int lo, int hi) const {
    expectType(value_->is_number(), "an integer");
    // 694.5 is a number but not a count; 694.0 is rejected too, so files say what they mean.
    expectType(value_->is_number_integer(), "an integer");
    const auto v = value_->get<std::int64_t>();
    if (v < lo || v > hi) {
        fail(std::to_string(v) + " is out of range (" + std::to_string(lo) + " .. " + std::to_string(hi) + ")");
    }
    return static_cast<int>(v);
}

bool JsonNode::boolean() const {
    expectType(value_->is_boolean(), "true or false");
    return value_->get<bool>();
}

std::string JsonNode::string() const {
    expectType(value_->is_string(), "a string");
    return value_->get<std::string>();
}

std::string JsonNode::nonEmptyString() const {
    std::string s = string();
    if (s.empty()) fail("must not be empty");
    return s;
}

std::vector<JsonNode> JsonNode::elements(std::optional<std::size_t> exactSize) const {
    if (exactSize) {
        expectType(value_->is_array(), ("an array of " + std::to_string(*exactSize) + " elements").c_str());
        if (value_->size() != *exactSize) {
            fail("expected an array of " + std::to_string(*exactSize) + " elements, got " +
                 std::to_string(value_->size()));
        }
    } else {
        expectType(value_->is_array(), "an array");
    }
    std::vector<JsonNode> out;
    out.reserve(value_->size());
    for (std::size_t i = 0; i < value_->size(); ++i)
        out.emplace_back((*value_)[i], pointer_ + "/" + std::to_string(i));
    return out;
}

std::vector<std::pair<std::string, JsonNode>> JsonNode::members() const {
    expectType(value_->is_object(), "an object");
    std::vector<std::pair<std::string, JsonNode>> out;
    for (const auto& [key, value] : value_->items())
        out.emplace_back(key, JsonNode(value, appendPointer(pointer_, key)));
    return out;
}

JsonNode JsonNode::child(std::string_view key) const {
    return JsonNode(value_->find(key).value(), appendPointer(pointer_, key));
}

// --- JsonObjectReader ---

JsonObjectReader::JsonObjectReader(const JsonNode& node) : node_(node) {
    if (!node.raw().is_object()) node.fail("expected an object, got " + describe(node.raw()));
}

bool JsonObjectReader::has(std::string_view key) {
    known_.emplace(key);
    return node_.raw().contains(key);
}

JsonNode JsonObjectReader::required(std::string_view key) {
    if (has(key)) return node_.child(key);
    // A missing key is often a misspelt one: point at the key the file has instead.
    std::vector<std::string> unknown;
    for (const auto& item : node_.raw().items()) {
        if (!known_.count(item.key())) unknown.push_back(item.key());
    }
    std::string problem = "missing required key '" + std::string(key) + "'";
    if (auto near = nearest(key, unknown)) problem += " (found '" + *near + "': misspelt?)";
    node_.fail(problem);
}

std::optional<JsonNode> JsonObjectReader::optional(std::string_view key) {
    if (!has(key)) return std::nullopt;
    return node_.child(key);
}

double JsonObjectReader::number(std::string_view key, Range range) {
    return required(key).number(range);
}

double JsonObjectReader::numberOr(std::string_view key, Range range, double fallback) {
    auto node = optional(key);
    return node ? node->number(range) : fallback;
}

int JsonObjectReader::integer(std::string_view key, int lo, int hi) {
    return required(key).integer(lo, hi);
}

int JsonObjectReader::integerOr(std::string_view key, int lo, int hi, int fallback) {
    auto node = optional(key);
    return node ? node->integer(lo, hi) : fallback;
}

std::string JsonObjectReader::string(std::string_view key) {
    return required(key).nonEmptyString();
}

std::string JsonObjectReader::stringOr(std::string_view key, std::string fallback) {
    auto node = optional(key);
    return node ? node->string() : fallback;
}

bool JsonObjectReader::booleanOr(std::string_view key, bool fallback) {
    auto node = optional(key);
    return node ? node->boolean() : fallback;
}

void JsonObjectReader::skipText(std::string_view key) {
    auto node = optional(key);
    if (!node || node->raw().is_string()) return;
    if (!node->raw().is_array()) node->fail("expected a string or an array of strings, got " + describe(node->raw()));
    for (const JsonNode& line : node->elements())
        line.string();
}

void JsonObjectReader::finish() const {
    const std::vector<std::string> known(known_.begin(), known_.end());
    for (const auto& item : node_.raw().items()) {
        if (known_.count(item.key())) continue;
        std::string problem = "unknown key '" + item.key() + "'";
        if (auto near = nearest(item.key(), known)) {
            problem += " (did you mean '" + *near + "'?)";
        } else {
            problem += " (known keys: " + joined(known) + ")";
        }
        throw JsonReadError(appendPointer(node_.pointer(), item.key()), problem);
    }
}

// --- parsing ---

nlohmann::json parseJsonWithPositions(const std::string& text) {
    // The parser callback sees keys as they stream past; a stack of open containers gives
    // both the set of keys seen so far in each object and the JSON Pointer of the current one.
    struct Frame {
        bool isArray = false;
        std::size_t index = 0;  // arrays: the element being parsed
        std::string key;        // objects: the member being parsed
        std::set<std::string> keys;
    };
    std::vector<Frame> stack;
    std::optional<JsonReadError> duplicate;
    auto pointerOfTop = [&stack] {
        std::string pointer;
        for (std::size_t i = 0; i + 1 < stack.size(); ++i) {
            pointer = stack[i].isArray ? pointer + "/" + std::to_string(stack[i].index)
                                       : appendPointer(pointer, stack[i].key);
        }
        return pointer;
    };
    auto elementDone = [&stack] {
        if (!stack.empty() && stack.back().isArray) ++stack.back().index;
    };
    using Event = nlohmann::json::parse_event_t;
    const nlohmann::json::parser_callback_t callback = [&](int, Event event, nlohmann::json& parsed) {
        switch (event) {
            case Event::object_start:
                stack.push_back(Frame{});
                break;
            case Event::array_start:
                stack.push_back(Frame{});
                stack.back().isArray = true;
                break;
            case Event::key: {
                const std::string key = parsed.get<std::string>();
                if (!stack.back().keys.insert(key).second && !duplicate) {
                    duplicate.emplace(appendPointer(pointerOfTop(), key),
                                      "key '" + key + "' appears twice in one object");
                }
                stack.back().key = key;
                break;
            }
            case Event::object_end:
            case Event::array_end:
                stack.pop_back();
                elementDone();
                break;
            case Event::value:
                elementDone();
                break;
        }
        return true;
    };
    nlohmann::json document;
    try {
        document = nlohmann::json::parse(text, callback);
    } catch (const nlohmann::json::parse_error& e) {
        // what(): "[json.exception.parse_error.101] parse error at line 3, column 7: syntax error ..."
        const std::string message = e.what();
        const auto at = message.find("at line ");
        const auto colon = message.find(": ", at == std::string::npos ? 0 : at);
        if (at == std::string::npos || colon == std::string::npos) {
            throw JsonReadError("byte " + std::to_string(e.byte), "invalid JSON: " + message);
        }
        throw JsonReadError(message.substr(at + 3, colon - at - 3), "invalid JSON: " + message.substr(colon + 2));
    } catch (const nlohmann::json::exception& e) {
        // A number too large for a double ("1e30700910", found by fuzz_scenario): nlohmann says
        // out_of_range without a position. what(): "[json.exception.out_of_range.406] number ...".
        const std::string message = e.what();
        const auto close = message.find("] ");
        throw JsonReadError("/", "invalid JSON: " + (close == std::string::npos ? message : message.substr(close + 2)));
    }
    if (duplicate) throw *duplicate;
    return document;
}

}  // namespace ct::twin
