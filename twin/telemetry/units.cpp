#include "twin/telemetry/units.h"

#include <array>

namespace ct::twin::telemetry {

namespace {

// A unit as an affine map onto its dimension's base unit: base = value * scale + offset.
struct UnitDef {
    std::string_view name;
    std::string_view dimension;
    double scale;
    double offset;
};

constexpr std::array kUnits{
    UnitDef{"W", "power", 1e-6, 0.0},         UnitDef{"kW", "power", 1e-3, 0.0},
    UnitDef{"MW", "power", 1.0, 0.0},         UnitDef{"GW", "power", 1e3, 0.0},
    UnitDef{"degC", "temperature", 1.0, 0.0}, UnitDef{"degF", "temperature", 5.0 / 9.0, -32.0 * 5.0 / 9.0},
    UnitDef{"1", "fraction", 1.0, 0.0},       UnitDef{"%", "fraction", 0.01, 0.0},
};

const UnitDef* find(std::string_view name) {
    for (const UnitDef& u : kUnits)
        if (u.name == name) return &u;
    return nullptr;
}

}  // namespace

std::optional<UnitConversion> unitConversion(std::string_view from, std::string_view to) {
    if (from == to) return UnitConversion{};
    // Absolute kelvin converts to degC/degF; the twin's own "K" (a difference) takes only "K".
    if (to == "K") return std::nullopt;
    UnitDef kelvin{"K", "temperature", 1.0, -273.15};
    const UnitDef* f = from == "K" ? &kelvin : find(from);
    const UnitDef* t = find(to);
    if (!f || !t || f->dimension != t->dimension) return std::nullopt;
    // value -> base -> target: ((v * fs + fo) - to) / ts
    return UnitConversion{f->scale / t->scale, (f->offset - t->offset) / t->scale};
}

}  // namespace ct::twin::telemetry
