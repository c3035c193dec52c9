#include "twin/telemetry/topic_pattern.h"

namespace ct::twin::telemetry {

namespace {

std::vector<std::string_view> levels(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t begin = 0;
    while (true) {
        const std::size_t slash = text.find('/', begin);
        out.push_back(text.substr(begin, slash == std::string_view::npos ? std::string_view::npos : slash - begin));
        if (slash == std::string_view::npos) return out;
        begin = slash + 1;
    }
}

}  // namespace

std::string topicFilterProblem(std::string_view filter) {
    if (filter.empty()) return "empty topic filter";
    const std::vector<std::string_view> parts = levels(filter);
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const std::string_view level = parts[i];
        if (level.find('#') != std::string_view::npos && (level != "#" || i + 1 != parts.size()))
            return "'#' must be a whole level and the last one";
        if (level.find('+') != std::string_view::npos && level != "+") return "'+' must be a whole level";
    }
    return {};
}

std::optional<std::vector<std::string>> matchTopic(std::string_view filter, std::string_view topic) {
    const std::vector<std::string_view> f = levels(filter);
    const std::vector<std::string_view> t = levels(topic);
    std::vector<std::string> captures;
    for (std::size_t i = 0; i < f.size(); ++i) {
        if (f[i] == "#") return captures;
        if (i >= t.size()) return std::nullopt;
        if (f[i] == "+") {
            captures.emplace_back(t[i]);
        } else if (f[i] != t[i]) {
            return std::nullopt;
        }
    }
    if (t.size() != f.size()) return std::nullopt;
    return captures;
}

std::optional<std::string> substituteCaptures(std::string_view text, const std::vector<std::string>& captures) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '{' && i + 2 < text.size() && text[i + 1] >= '1' && text[i + 1] <= '9' && text[i + 2] == '}') {
            const std::size_t index = static_cast<std::size_t>(text[i + 1] - '1');
            if (index >= captures.size()) return std::nullopt;
            out += captures[index];
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

int wildcardCount(std::string_view filter) {
    int n = 0;
    for (std::string_view level : levels(filter))
        n += level == "+";
    return n;
}

}  // namespace ct::twin::telemetry
