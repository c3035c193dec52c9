// Unit conversion for telemetry: a measured value arrives in the unit its meter speaks (kW, degF)
// and the twin keeps every quantity in one unit (MW, degC; see StateSnapshot::quantities()).
// A conversion is resolved once per binding and applied per value: twin = value * scale + offset.
//
//   auto c = unitConversion("kW", "MW");   // {scale 0.001, offset 0}
//   if (!c) error("kW cannot be converted to MW");
//   double mw = c->apply(1500.0);          // 1.5
#pragma once

#include <optional>
#include <string_view>

namespace ct::twin::telemetry {

struct UnitConversion {
    double scale = 1.0;
    double offset = 0.0;
    double apply(double value) const { return value * scale + offset; }
};

// From `from` to `to`; nullopt when the two measure different things. Power (W, kW, MW, GW),
// absolute temperature (degC, K, degF), dimensionless ("1", "%"), and otherwise identity only.
// The twin's "K" quantities (thermal_headroom) are temperature differences, so nothing but "K"
// converts to "K": an absolute degC reading there would be off by 273.15.
std::optional<UnitConversion> unitConversion(std::string_view from, std::string_view to);

}  // namespace ct::twin::telemetry
