#include "campus/campus_options.h"

#include "twin/civil_time.h"
#include "twin/weather.h"

namespace ct::campus {

std::string coupledFieldError(const CoupledFieldOptions& o) {
    if (!twin::parseIsoUtc(o.time)) return "--time " + o.time + ": not an ISO 8601 time (YYYY-MM-DDTHH:MM)";
    if (o.preset != "none" && !twin::parseWeatherPreset(o.preset))
        return "--preset " + o.preset + ": unknown preset (" + twin::presetNames() + ", none)";
    return {};
}

}  // namespace ct::campus
