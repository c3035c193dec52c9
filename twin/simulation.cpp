#include "twin/simulation.h"

#include "twin/cloud_field.h"
#include "twin/cooling.h"
#include "twin/irradiance.h"
#include "twin/pv_system.h"
#include "twin/wind_turbine.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace ct::twin {

namespace {

UtcSeconds dateOrMax(const std::string& isoDate) {
    const auto t = parseIsoUtc(isoDate);
    return t ? *t : std::numeric_limits<UtcSeconds>::max();
}

int initialSupplyPhase(const Scenario& scenario, const SimulationOptions& options) {
    if (options.phase) return *options.phase;
    return std::max(1, phaseEnergisedAt(scenario, options.start));
}

// Seeds per building (and per turbine, from kTurbineSalt) differ but follow from the one seed, so
// runs stay reproducible.
constexpr std::uint64_t kTurbineSalt = 1u << 20;
constexpr std::uint64_t kCloudSalt = 1u << 21;
constexpr std::uint64_t kFanSalt = 1u << 22;  // per building and cooler bank
std::uint64_t mixSeed(std::uint64_t seed, std::uint64_t salt) {
    std::uint64_t z = seed + 0x9e3779b97f4a7c15ull * (salt + 1);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

}  // namespace

int phaseEnergisedAt(const Scenario& scenario, UtcSeconds t) {
    int phase = 0;
    for (const Phase& p : scenario.phases)
        if (dateOrMax(p.energised) <= t) phase = std::max(phase, p.number);
    return phase;
}

Simulation::Simulation(const Scenario& scenario, SimulationOptions options)
    : scenario_(scenario),
      options_(std::move(options)),
      supplyPhase_(initialSupplyPhase(scenario, options_)),
      dispatcher_(makePowerDispatcher(scenario, supplyPhase_)) {
    if (!(options_.step_s >= 1.0 && options_.step_s <= 3600.0))
        throw std::invalid_argument("the step must be between 1 s and 3600 s, not " + std::to_string(options_.step_s));
    weather_ = options_.weather ? options_.weather
                                : std::make_shared<ClimateWeather>(scenario.site, scenario.climate,
                                                                   mixSeed(options_.seed, 0), options_.preset);
    for (std::size_t i = 0; i < scenario.buildings.size(); ++i) {
        loads_.emplace_back(scenario.buildings[i], scenario.cooling, mixSeed(options_.seed, i + 1));
        previousSupply_c_.push_back(scenario.cooling.supplySetpoint_c);
    }
    inletOverride_c_.resize(scenario.buildings.size());
    compute(options_.start);
}

const StateSnapshot& Simulation::advance() {
    compute(state_.time + static_cast<UtcSeconds>(std::llround(options_.step_s)));
    return state_;
}

void Simulation::setCoolerInletAir(std::size_t index, std::vector<double> inlet_c) {
    inletOverride_c_.at(index) = std::move(inlet_c);
}

BuildingState Simulation::stateAt(const Building& building, UtcSeconds t) const {
    if (options_.phase) return building.phase <= *options_.phase ? BuildingState::Energised : BuildingState::NotBuilt;
    for (const Phase& phase : scenario_.phases) {
        if (phase.number != building.phase) continue;
        if (dateOrMax(phase.energised) <= t) return BuildingState::Energised;
        if (dateOrMax(phase.constructionStart) <= t) return BuildingState::UnderConstruction;
    }
    return BuildingState::NotBuilt;
}

void Simulation::compute(UtcSeconds t) {
    const double dt = options_.step_s;
    StateSnapshot& s = state_;
    s.time = t;
    s.weather = weather_->sample(t, dt);

    SolarPositionInput sunInput;
    sunInput.time = t;
    sunInput.deltaT_s = options_.deltaT_s;
    sunInput.latitude_deg = scenario_.site.latitude_deg;
    sunInput.longitude_deg = scenario_.site.longitude_deg;
    sunInput.elevation_m = scenario_.site.elevation_m;
    // Barometric pressure at the site's elevation (scale height about 8.4 km).
    sunInput.pressure_mbar = 1013.25 * std::exp(-scenario_.site.elevation_m / 8434.0);
    sunInput.temperature_c = s.weather.ambient_c;
    s.sun = solarPosition(sunInput);
    const Irradiance clear = clearSkyIneichenPerez(s.sun, scenario_.site.elevation_m);
    const Irradiance sky = s.weather.ghi_wm2 ? erbsDecomposition(*s.weather.ghi_wm2, s.sun)
                                             : cloudySky(clear, s.sun, s.weather.cloudiness);
    s.ghi_wm2 = sky.ghi;
    // The clouds drift with the wind at their base from where the last step left them.
    s.clouds = cloudLayerFor(
        static_cast<std::uint32_t>(mixSeed(options_.seed, kCloudSalt)), s.weather.cloudiness, s.clouds, dt,
        hubWindSpeed(s.weather.wind10m_ms, kCloudBase_m, scenario_.climate.shearExponent), s.weather.windFrom_deg);

    CampusKpis& k = s.campus;
    k = CampusKpis{};
    double solarAvailable = 0.0;
    s.solarFarms.clear();
    for (const SolarFarm& farm : scenario_.solarFarms) {
        if (farm.phase > supplyPhase_) continue;
        SolarFarmSnapshot& snapshot = s.solarFarms.emplace_back();
        snapshot.id = farm.id;
        // Each block under its own sky: the cloud field's shadow where it stands (a measured GHI
        // is the whole site's: every block gets it).
        const int blocks = std::clamp(farm.blocks, 1, std::max(farm.rows, 1));
        for (int b = 0; b < blocks; ++b) {
            const Vec2 centre = solarBlockCentre(farm, b);
            const double shade = s.weather.ghi_wm2 ? 0.0 : cloudShadeAt(s.clouds, centre.x, centre.z, s.sun);
            const Irradiance blockSky = s.weather.ghi_wm2 ? sky : cloudySky(clear, s.sun, shade);
            const PvOutput pv =
                simulatePvFarm(solarBlockFarm(farm, b), s.sun, blockSky, s.weather.ambient_c, s.weather.wind10m_ms);
            snapshot.blocks.push_back({centre.x, centre.z, shade, pv.poa_wm2, pv.ac_mw});
            const double share = 1.0 / blocks;
            snapshot.poa_wm2 += pv.poa_wm2 * share;
            snapshot.cellTemp_c += pv.cellTemp_c * share;
            snapshot.dc_mw += pv.dc_mw;
            snapshot.ac_mw += pv.ac_mw;
            snapshot.trackerAngle_deg = pv.trackerAngle_deg;
        }
        solarAvailable += snapshot.ac_mw;
    }
    double windAvailable = 0.0;
    // The rotors and nacelles move on from where the last step left them (twin::turbinePoseAfter);
    // a turbine new to the run starts facing the wind, its rotor at an angle of its own.
    std::vector<TurbineSnapshot> previous = std::move(s.turbines);
    s.turbines.clear();
    for (std::size_t i = 0; i < scenario_.turbines.size(); ++i) {
        const Turbine& turbine = scenario_.turbines[i];
        if (turbine.phase > supplyPhase_) continue;
        const TurbineType& type = scenario_.turbineTypes.at(turbine.type);
        const double hub = hubWindSpeed(s.weather.wind10m_ms, type.hubHeight_m, scenario_.climate.shearExponent);
        const TurbineOutput out = simulateTurbine(type, hub, s.weather.windFrom_deg);
        TurbineSnapshot& snapshot = s.turbines.emplace_back();
        snapshot = {turbine.id, out.hubWind_ms, out.power_mw, out.rotor_rpm, out.yaw_deg, out.yaw_deg, 0.0};
        const auto last = std::find_if(previous.begin(), previous.end(),
                                       [&](const TurbineSnapshot& p) { return p.id == turbine.id; });
        if (last != previous.end()) {
            const TurbinePose pose = turbinePoseAfter(*last, dt);
            snapshot.yaw_deg = pose.yaw_deg;
            snapshot.rotorAngle_deg = pose.rotorAngle_deg;
        } else {
            snapshot.rotorAngle_deg = static_cast<double>(mixSeed(options_.seed, kTurbineSalt + i) % 360000u) / 1000.0;
        }
        windAvailable += out.power_mw;
    }

    s.buildings.resize(scenario_.buildings.size());
    for (std::size_t i = 0; i < scenario_.buildings.size(); ++i) {
        const Building& building = scenario_.buildings[i];
        BuildingSnapshot& b = s.buildings[i];
        // The fans turn on from where the last step left them; a building's first step finds
        // each bank's fans at an angle of their own.
        std::vector<double> fanAngles(static_cast<std::size_t>(std::max(building.coolerBanks, 1)));
        for (std::size_t k = 0; k < fanAngles.size(); ++k)
            fanAngles[k] = b.bankFanAngle_deg.size() == fanAngles.size()
                               ? coolerFanAngleAfter(b, k, dt)
                               : static_cast<double>(mixSeed(options_.seed, kFanSalt + i * 64 + k) % 72000u) / 1000.0;
        b = BuildingSnapshot{};
        b.bankFanAngle_deg = std::move(fanAngles);
        b.id = building.id;
        b.state = stateAt(building, t);
        b.it_mw = loads_[i].step(t, dt, b.state, previousSupply_c_[i]);
        if (b.state == BuildingState::NotBuilt) continue;
        b.bankInlet_c = inletOverride_c_[i].empty()
                            ? std::vector<double>(std::max(building.coolerBanks, 1), s.weather.ambient_c)
                            : inletOverride_c_[i];
        const CoolingResult cooling = simulateCooling(scenario_.cooling, building, b.it_mw, b.bankInlet_c);
        b.cooling_mw = cooling.total_mw;
        b.facility_mw = cooling.facility_mw;
        b.pue = cooling.pue;
        b.supply_c = cooling.supply_c;
        b.return_c = cooling.return_c;
        b.heatRejected_mw = cooling.heatRejected_mw;
        b.bankHeat_mw = cooling.bankHeat_mw;
        b.bankFan_rpm.resize(cooling.bankFanSpeed.size());
        for (std::size_t k = 0; k < cooling.bankFanSpeed.size(); ++k)
            b.bankFan_rpm[k] = cooling.bankFanSpeed[k] * scenario_.cooling.fanDesign_rpm;
        b.throttling = cooling.throttling;
        b.powerHeadroom_mw =
            b.state == BuildingState::Energised ? std::max(0.0, building.itCapacity_mw - b.it_mw) : 0.0;
        b.thermalHeadroom_c = scenario_.cooling.throttleSupply_c - cooling.supply_c;
        previousSupply_c_[i] = cooling.supply_c;
        k.it_mw += b.it_mw;
        k.cooling_mw += cooling.total_mw;
        k.losses_mw += cooling.electricalLosses_mw;
        k.facility_mw += cooling.facility_mw;
    }

    const DispatchInput supplyNeeded{k.facility_mw, solarAvailable, windAvailable, dt};
    // A run starts with the plant already running for its load, not from a cold start.
    if (t == options_.start) dispatcher_.warmStart(supplyNeeded);
    const DispatchResult d = dispatcher_.step(supplyNeeded);
    // Curtailment falls on solar and wind in proportion to what each offered.
    const double available = solarAvailable + windAvailable;
    const double taken = available > 0.0 ? (available - d.curtailed_mw) / available : 0.0;
    k.solar_mw = solarAvailable * taken;
    k.wind_mw = windAvailable * taken;
    k.curtailed_mw = d.curtailed_mw;
    k.gas_mw = d.gas_mw;
    k.gasUnitsOnline = d.gasUnitsOnline;
    s.gasUnits.clear();
    if (scenario_.gasPlant.phase <= supplyPhase_)
        for (const GasUnitState& unit : dispatcher_.gasUnits())
            s.gasUnits.push_back({unit.status == GasUnitStatus::Starting, unit.status == GasUnitStatus::Online,
                                  unit.output_mw, scenario_.gasPlant.unitCapacity_mw});
    k.grid_mw = d.grid_mw;
    k.battery_mw = d.battery_mw;
    k.batteryStored_mwh = d.batteryStored_mwh;
    k.loadShed_mw = d.loadShed_mw;
    k.co2_tPerH = d.co2_tPerH;
    k.pue = k.it_mw > 0.0 ? k.facility_mw / k.it_mw : 0.0;
    const double served = k.facility_mw - k.loadShed_mw;
    k.renewableShare = served > 0.0 ? std::clamp((k.solar_mw + k.wind_mw) / served, 0.0, 1.0) : 0.0;
    k.water_m3PerH = 0.0;

    const double balance = k.solar_mw + k.wind_mw + k.battery_mw + k.grid_mw + k.gas_mw + k.loadShed_mw - k.facility_mw;
    if (std::abs(balance) > 1e-6)
        throw std::logic_error("power balance off by " + std::to_string(balance) + " MW at " + formatIsoUtc(t));
}

}  // namespace ct::twin
