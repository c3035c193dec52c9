#include "twin/state.h"

#include <cmath>

namespace ct::twin {

const char* provenanceName(Provenance provenance) {
    switch (provenance) {
        case Provenance::Measured:
            return "measured";
        case Provenance::Assumed:
            return "assumed";
        default:
            return "simulated";
    }
}

const char* buildingStateName(BuildingState state) {
    switch (state) {
        case BuildingState::UnderConstruction:
            return "under construction";
        case BuildingState::Energised:
            return "energised";
        default:
            return "not built";
    }
}

double coolerFanAngleAfter(const BuildingSnapshot& building, std::size_t bank, double elapsed_s) {
    if (bank >= building.bankFanAngle_deg.size()) return 0.0;
    const double rpm = bank < building.bankFan_rpm.size() ? building.bankFan_rpm[bank] : 0.0;
    const double angle = std::fmod(building.bankFanAngle_deg[bank] + rpm * 6.0 * elapsed_s, 360.0);
    return angle < 0.0 ? angle + 360.0 : angle;
}

std::vector<Quantity> StateSnapshot::quantities() const {
    std::vector<Quantity> out;
    auto add = [&](const std::string& entity, const char* name, double value, const char* unit) {
        const bool wasMeasured = measured.count({entity, name}) > 0;
        out.push_back({entity, name, value, unit, wasMeasured ? Provenance::Measured : Provenance::Simulated});
    };
    add("campus", "it_power", campus.it_mw, "MW");
    add("campus", "facility_power", campus.facility_mw, "MW");
    add("campus", "pue", campus.pue, "1");
    add("campus", "solar_power", campus.solar_mw, "MW");
    add("campus", "wind_power", campus.wind_mw, "MW");
    add("campus", "gas_power", campus.gas_mw, "MW");
    add("campus", "grid_import", campus.grid_mw, "MW");
    add("campus", "battery_power", campus.battery_mw, "MW");
    add("campus", "load_shed", campus.loadShed_mw, "MW");
    add("campus", "renewable_share", campus.renewableShare, "1");
    add("campus", "co2_rate", campus.co2_tPerH, "t/h");
    add("campus", "water", campus.water_m3PerH, "m3/h");
    add("weather", "ambient_temperature", weather.ambient_c, "degC");
    add("weather", "wind_speed", weather.wind10m_ms, "m/s");
    add("weather", "wind_direction", weather.windFrom_deg, "deg");
    add("weather", "ghi", ghi_wm2, "W/m2");
    for (const BuildingSnapshot& b : buildings) {
        add(b.id, "it_power", b.it_mw, "MW");
        add(b.id, "cooling_power", b.cooling_mw, "MW");
        add(b.id, "pue", b.pue, "1");
        add(b.id, "coolant_supply_temperature", b.supply_c, "degC");
        add(b.id, "coolant_return_temperature", b.return_c, "degC");
        add(b.id, "power_headroom", b.powerHeadroom_mw, "MW");
        add(b.id, "thermal_headroom", b.thermalHeadroom_c, "K");
        for (std::size_t k = 0; k < b.bankHeat_mw.size(); ++k) {
            const std::string bank = b.id + "/cooler-" + (k < 9 ? "0" : "") + std::to_string(k + 1);
            add(bank, "heat_rejected", b.bankHeat_mw[k], "MW");
            add(bank, "inlet_air_temperature", b.bankInlet_c[k], "degC");
            if (k < b.bankFan_rpm.size()) add(bank, "fan_speed", b.bankFan_rpm[k], "rpm");
        }
    }
    for (const TurbineSnapshot& t : turbines) {
        add(t.id, "power", t.power_mw, "MW");
        add(t.id, "hub_wind_speed", t.hubWind_ms, "m/s");
        add(t.id, "rotor_speed", t.rotor_rpm, "rpm");
        add(t.id, "yaw", t.yaw_deg, "deg");
    }
    for (const SolarFarmSnapshot& f : solarFarms) {
        add(f.id, "ac_power", f.ac_mw, "MW");
        add(f.id, "plane_of_array_irradiance", f.poa_wm2, "W/m2");
        add(f.id, "tracker_angle", f.trackerAngle_deg, "deg");
        add(f.id, "cell_temperature", f.cellTemp_c, "degC");
        for (std::size_t b = 0; b < f.blocks.size(); ++b) {
            const std::string block = f.id + "/block-" + (b < 9 ? "0" : "") + std::to_string(b + 1);
            add(block, "ac_power", f.blocks[b].ac_mw, "MW");
            add(block, "cloud_shade", f.blocks[b].cloudShade, "1");
        }
    }
    return out;
}

}  // namespace ct::twin
