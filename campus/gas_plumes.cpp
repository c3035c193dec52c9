#include "campus/gas_plumes.h"

#include "twin/wind_turbine.h"

#include <cmath>
#include <cstdio>
#include <map>

namespace ct::campus {

namespace {

constexpr double kPi = 3.14159265358979323846;
// The height whose wind carries a plume: a 25 m stack's exhaust rises to 50-70 m.
constexpr double kPlumeWindHeight_m = 50.0;

}  // namespace

GasPlumes::GasPlumes(const CampusScene& campus, const twin::Scenario& scenario)
    : shearExponent_(scenario.climate.shearExponent) {
    std::map<std::string, int> nodes;
    for (std::size_t n = 0; n < campus.scene.nodes.size(); ++n)
        nodes[campus.scene.nodes[n].name] = static_cast<int>(n);
    char name[32];
    for (int unit = 1; unit <= scenario.gasPlant.units; ++unit) {
        std::snprintf(name, sizeof name, "/exhaust_%02d", unit);
        const auto found = nodes.find(scenario.gasPlant.id + name);
        if (found == nodes.end()) break;
        mouths_.emplace_back(campus.scene.nodes[static_cast<std::size_t>(found->second)].world[3]);
    }
}

std::vector<render::Plume> GasPlumes::at(const twin::StateSnapshot& state) const {
    std::vector<render::Plume> plumes;
    // Downwind: towards the bearing opposite where the wind comes from (x east, z south).
    const double speed = twin::hubWindSpeed(state.weather.wind10m_ms, kPlumeWindHeight_m, shearExponent_);
    const double from = state.weather.windFrom_deg * kPi / 180.0;
    const glm::vec3 wind(static_cast<float>(-std::sin(from) * speed), 0.0f, static_cast<float>(std::cos(from) * speed));
    for (std::size_t unit = 0; unit < state.gasUnits.size() && unit < mouths_.size(); ++unit) {
        const twin::GasUnitSnapshot& gas = state.gasUnits[unit];
        if (!gas.online) continue;
        render::Plume plume;
        plume.position = mouths_[unit];
        plume.wind = wind;
        plume.strength = gas.capacity_mw > 0.0 ? static_cast<float>(gas.output_mw / gas.capacity_mw) : 1.0f;
        plumes.push_back(plume);
    }
    return plumes;
}

}  // namespace ct::campus
