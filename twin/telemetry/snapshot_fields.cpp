#include "twin/telemetry/snapshot_fields.h"

#include <charconv>
#include <optional>
#include <utility>

namespace ct::twin::telemetry {

namespace {

double* campusField(StateSnapshot& s, std::string_view name) {
    CampusKpis& k = s.campus;
    if (name == "it_power") return &k.it_mw;
    if (name == "facility_power") return &k.facility_mw;
    if (name == "pue") return &k.pue;
    if (name == "solar_power") return &k.solar_mw;
    if (name == "wind_power") return &k.wind_mw;
    if (name == "gas_power") return &k.gas_mw;
    if (name == "grid_import") return &k.grid_mw;
    if (name == "battery_power") return &k.battery_mw;
    if (name == "load_shed") return &k.loadShed_mw;
    if (name == "renewable_share") return &k.renewableShare;
    if (name == "co2_rate") return &k.co2_tPerH;
    if (name == "water") return &k.water_m3PerH;
    return nullptr;
}

double* weatherField(StateSnapshot& s, std::string_view name) {
    if (name == "ambient_temperature") return &s.weather.ambient_c;
    if (name == "wind_speed") return &s.weather.wind10m_ms;
    if (name == "wind_direction") return &s.weather.windFrom_deg;
    if (name == "ghi") return &s.ghi_wm2;
    return nullptr;
}

double* buildingField(BuildingSnapshot& b, std::string_view name) {
    if (name == "it_power") return &b.it_mw;
    if (name == "cooling_power") return &b.cooling_mw;
    if (name == "pue") return &b.pue;
    if (name == "coolant_supply_temperature") return &b.supply_c;
    if (name == "coolant_return_temperature") return &b.return_c;
    if (name == "power_headroom") return &b.powerHeadroom_mw;
    if (name == "thermal_headroom") return &b.thermalHeadroom_c;
    return nullptr;
}

// The index of part "<owner><marker>NN" (1-based NN) and the owner's id; nullopt if not so named.
std::optional<std::pair<std::string_view, std::size_t>> partOf(std::string_view entity, std::string_view marker) {
    const std::size_t slash = entity.find(marker);
    if (slash == std::string_view::npos) return std::nullopt;
    const std::string_view number = entity.substr(slash + marker.size());
    int part = 0;
    const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), part);
    if (ec != std::errc() || end != number.data() + number.size() || part < 1) return std::nullopt;
    return std::pair{entity.substr(0, slash), static_cast<std::size_t>(part - 1)};
}

// "solar-a/block-03" -> the block index 2 of farm "solar-a".
double* blockField(StateSnapshot& s, std::string_view entity, std::string_view name) {
    const auto part = partOf(entity, "/block-");
    if (!part) return nullptr;
    for (SolarFarmSnapshot& f : s.solarFarms) {
        if (f.id != part->first || part->second >= f.blocks.size()) continue;
        SolarBlockSnapshot& block = f.blocks[part->second];
        if (name == "ac_power") return &block.ac_mw;
        if (name == "cloud_shade") return &block.cloudShade;
        return nullptr;
    }
    return nullptr;
}

// "bldg-01/cooler-03" -> the bank index 2 of building "bldg-01".
double* coolerField(StateSnapshot& s, std::string_view entity, std::string_view name) {
    const auto part = partOf(entity, "/cooler-");
    if (!part) return nullptr;
    const std::string_view owner = part->first;
    const std::size_t index = part->second;
    for (BuildingSnapshot& b : s.buildings) {
        if (b.id != owner) continue;
        if (name == "heat_rejected" && index < b.bankHeat_mw.size()) return &b.bankHeat_mw[index];
        if (name == "inlet_air_temperature" && index < b.bankInlet_c.size()) return &b.bankInlet_c[index];
        if (name == "fan_speed" && index < b.bankFan_rpm.size()) return &b.bankFan_rpm[index];
        return nullptr;
    }
    return nullptr;
}

}  // namespace

double* quantityField(StateSnapshot& s, std::string_view entity, std::string_view name) {
    if (entity == "campus") return campusField(s, name);
    if (entity == "weather") return weatherField(s, name);
    if (entity.find("/cooler-") != std::string_view::npos) return coolerField(s, entity, name);
    if (entity.find("/block-") != std::string_view::npos) return blockField(s, entity, name);
    for (BuildingSnapshot& b : s.buildings)
        if (b.id == entity) return buildingField(b, name);
    for (TurbineSnapshot& t : s.turbines) {
        if (t.id != entity) continue;
        if (name == "power") return &t.power_mw;
        if (name == "hub_wind_speed") return &t.hubWind_ms;
        if (name == "rotor_speed") return &t.rotor_rpm;
        if (name == "yaw") return &t.yaw_deg;
        return nullptr;
    }
    for (SolarFarmSnapshot& f : s.solarFarms) {
        if (f.id != entity) continue;
        if (name == "ac_power") return &f.ac_mw;
        if (name == "plane_of_array_irradiance") return &f.poa_wm2;
        if (name == "tracker_angle") return &f.trackerAngle_deg;
        if (name == "cell_temperature") return &f.cellTemp_c;
        return nullptr;
    }
    return nullptr;
}

}  // namespace ct::twin::telemetry
