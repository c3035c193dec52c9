#include "twin/telemetry/snapshot_fields.h"

#include <charconv>

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

// "bldg-01/cooler-03" -> the bank index 2 of building "bldg-01".
double* coolerField(StateSnapshot& s, std::string_view entity, std::string_view name) {
    const std::size_t slash = entity.find("/cooler-");
    if (slash == std::string_view::npos) return nullptr;
    const std::string_view number = entity.substr(slash + 8);
    int bank = 0;
    const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), bank);
    if (ec != std::errc() || end != number.data() + number.size() || bank < 1) return nullptr;
    const std::size_t index = static_cast<std::size_t>(bank - 1);
    for (BuildingSnapshot& b : s.buildings) {
        if (b.id != entity.substr(0, slash)) continue;
        if (name == "heat_rejected" && index < b.bankHeat_mw.size()) return &b.bankHeat_mw[index];
        if (name == "inlet_air_temperature" && index < b.bankInlet_c.size()) return &b.bankInlet_c[index];
        return nullptr;
    }
    return nullptr;
}

}  // namespace

double* quantityField(StateSnapshot& s, std::string_view entity, std::string_view name) {
    if (entity == "campus") return campusField(s, name);
    if (entity == "weather") return weatherField(s, name);
    if (entity.find('/') != std::string_view::npos) return coolerField(s, entity, name);
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
