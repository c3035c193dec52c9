#include "ui/caption_fields.h"

#include <cmath>
#include <cstdio>

namespace ct::ui {

namespace {

constexpr std::string_view kGasUnitsOnline = "campus:gas_units_online";
constexpr std::string_view kShareSuffix = ":%";

struct Field {
    std::string name;  // "entity:quantity"
    bool share = false;
};

Field parseField(std::string_view inside) {
    Field field;
    if (inside.size() > kShareSuffix.size() && inside.substr(inside.size() - kShareSuffix.size()) == kShareSuffix) {
        field.share = true;
        inside.remove_suffix(kShareSuffix.size());
    }
    field.name = std::string(inside);
    return field;
}

// The value as its unit is usually read: megawatts whole above ten, temperatures to a tenth.
std::string formatValue(double value, std::string_view unit, bool share) {
    char text[32];
    if (share) {
        std::snprintf(text, sizeof text, "%.0f %%", 100.0 * value);
    } else if (unit == "MW" || unit == "W/m2" || unit == "MWh") {
        std::snprintf(text, sizeof text, std::abs(value) >= 10.0 || unit == "W/m2" ? "%.0f" : "%.1f", value);
    } else if (unit == "1") {
        std::snprintf(text, sizeof text, "%.2f", value);
    } else {
        std::snprintf(text, sizeof text, "%.1f", value);
    }
    // "-0" reads oddly in a caption.
    return std::string(text) == "-0" ? "0" : text;
}

// Calls `each(field)` for every "{...}" in the caption; `text(part)` for what lies between.
template <typename Text, typename Each>
void scan(std::string_view caption, Text text, Each each) {
    std::size_t at = 0;
    while (at < caption.size()) {
        const std::size_t open = caption.find('{', at);
        const std::size_t close = open == std::string_view::npos ? open : caption.find('}', open);
        if (close == std::string_view::npos) {
            text(caption.substr(at));
            return;
        }
        text(caption.substr(at, open - at));
        each(parseField(caption.substr(open + 1, close - open - 1)));
        at = close + 1;
    }
}

}  // namespace

std::set<std::string> captionFieldNames(const twin::StateSnapshot& state) {
    std::set<std::string> names{std::string(kGasUnitsOnline)};
    for (const twin::Quantity& q : state.quantities())
        names.insert(q.entity + ":" + q.name);
    return names;
}

std::optional<std::string> captionFieldProblem(std::string_view caption, const std::set<std::string>& known) {
    std::optional<std::string> problem;
    scan(
        caption, [](std::string_view) {},
        [&](const Field& field) {
            if (!problem && !known.count(field.name))
                problem = "{" + field.name + "}: no such quantity (\"entity:quantity\", e.g. {campus:solar_power})";
        });
    return problem;
}

std::string fillCaption(std::string_view caption, const twin::StateSnapshot& state) {
    if (caption.find('{') == std::string_view::npos) return std::string(caption);
    const std::vector<twin::Quantity> quantities = state.quantities();
    std::string out;
    scan(
        caption, [&](std::string_view part) { out += part; },
        [&](const Field& field) {
            if (field.name == kGasUnitsOnline) {
                out += std::to_string(state.campus.gasUnitsOnline);
                return;
            }
            for (const twin::Quantity& q : quantities)
                if (q.entity + ":" + q.name == field.name) {
                    out += formatValue(q.value, q.unit, field.share);
                    return;
                }
            out += "-";  // an entity not in this phase's campus
        });
    return out;
}

}  // namespace ct::ui
