#include "twin/power_dispatch.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace ct::twin {

namespace {

// Numbers below this many MW are noise from floating-point arithmetic.
constexpr double kTolerance_mw = 1e-9;

double nonNegative(double value) {
    return value > 0.0 ? value : 0.0;
}

// Energy capacity treated as empty: a battery without energy can neither charge nor discharge.
bool hasEnergy(const Battery& battery) {
    return battery.energy_mwh > 0.0 && battery.power_mw > 0.0;
}

}  // namespace

PowerDispatcher::PowerDispatcher(const GasPlant& gas, const Substation& substation, std::vector<Battery> batteries,
                                 DispatchOptions options)
    : gas_(gas), substation_(substation), batteries_(std::move(batteries)), options_(options) {
    gas_.units = std::max(0, gas_.units);
    gas_.unitCapacity_mw = nonNegative(gas_.unitCapacity_mw);
    gas_.minLoadFraction = std::clamp(gas_.minLoadFraction, 0.0, 1.0);
    gas_.rampRate_mwPerMin = nonNegative(gas_.rampRate_mwPerMin);
    gas_.startTime_min = nonNegative(gas_.startTime_min);
    substation_.gridImportLimit_mw = nonNegative(substation_.gridImportLimit_mw);
    units_.resize(static_cast<std::size_t>(gas_.units));
    soc_.reserve(batteries_.size());
    for (Battery& b : batteries_) {
        b.roundTripEfficiency = std::clamp(b.roundTripEfficiency, 1e-3, 1.0);
        soc_.push_back(std::clamp(b.initialSoc, 0.0, 1.0));
    }
}

double PowerDispatcher::storedEnergy_mwh() const {
    double total = 0.0;
    for (std::size_t i = 0; i < batteries_.size(); ++i)
        total += soc_[i] * nonNegative(batteries_[i].energy_mwh);
    return total;
}

double PowerDispatcher::batteryBridge_mw() const {
    double horizon_h = options_.batteryBridgeStarts * gas_.startTime_min / 60.0;
    double bridge = 0.0;
    for (std::size_t i = 0; i < batteries_.size(); ++i) {
        const Battery& b = batteries_[i];
        if (!hasEnergy(b)) continue;
        double energy = soc_[i] * b.energy_mwh;
        bridge += horizon_h > 0.0 ? std::min(b.power_mw, energy / horizon_h) : (energy > 0.0 ? b.power_mw : 0.0);
    }
    return bridge;
}

void PowerDispatcher::warmStart(const DispatchInput& first) {
    const double renewables = nonNegative(first.solar_mw) + nonNegative(first.wind_mw);
    commitUnits(nonNegative(first.demand_mw), renewables, first.dt_s);
    const auto starting = std::count_if(units_.begin(), units_.end(),
                                        [](const GasUnitState& u) { return u.status == GasUnitStatus::Starting; });
    if (starting == 0) return;
    // Each unit starts at its share of what the grid and renewables leave, within its range.
    const double deficit = nonNegative(first.demand_mw) - renewables - substation_.gridImportLimit_mw;
    const double share = std::clamp(deficit / static_cast<double>(starting),
                                    gas_.minLoadFraction * gas_.unitCapacity_mw, gas_.unitCapacity_mw);
    for (GasUnitState& u : units_) {
        if (u.status != GasUnitStatus::Starting) continue;
        u.status = GasUnitStatus::Online;
        u.startRemaining_s = 0.0;
        u.output_mw = share;
    }
}

void PowerDispatcher::commitUnits(double demand_mw, double renewables_mw, double dt_s) {
    if (units_.empty() || gas_.unitCapacity_mw <= 0.0) return;
    // Gas is last in merit order: start units for what renewables, the grid and batteries (for as
    // long as they can bridge a start) cannot carry.
    double needGas = demand_mw - renewables_mw - substation_.gridImportLimit_mw - batteryBridge_mw();
    int needed = needGas > kTolerance_mw ? static_cast<int>(std::ceil(needGas / gas_.unitCapacity_mw - 1e-9)) : 0;
    needed = std::clamp(needed, 0, gas_.units);
    int committed = static_cast<int>(std::count_if(
        units_.begin(), units_.end(), [](const GasUnitState& u) { return u.status != GasUnitStatus::Offline; }));

    if (committed < needed) {
        surplusUnitsFor_s_ = 0.0;
        int toStart = needed - committed;
        for (GasUnitState& u : units_) {
            if (toStart == 0) break;
            if (u.status != GasUnitStatus::Offline) continue;
            u.status = GasUnitStatus::Starting;
            u.startRemaining_s = gas_.startTime_min * 60.0;
            u.output_mw = 0.0;
            --toStart;
        }
        return;
    }
    if (committed == needed) {
        surplusUnitsFor_s_ = 0.0;
        return;
    }
    surplusUnitsFor_s_ += dt_s;
    if (surplusUnitsFor_s_ < options_.keepOnline_s) return;
    surplusUnitsFor_s_ = 0.0;
    // Stop one unit: a start still under way first, else the online unit producing least.
    auto starting = std::find_if(units_.begin(), units_.end(),
                                 [](const GasUnitState& u) { return u.status == GasUnitStatus::Starting; });
    auto victim = starting;
    if (victim == units_.end()) {
        for (auto it = units_.begin(); it != units_.end(); ++it) {
            if (it->status != GasUnitStatus::Online) continue;
            if (victim == units_.end() || it->output_mw < victim->output_mw) victim = it;
        }
    }
    if (victim != units_.end()) *victim = GasUnitState{};
}

void PowerDispatcher::bringStartedUnitsOnline() {
    for (GasUnitState& u : units_) {
        if (u.status == GasUnitStatus::Starting && u.startRemaining_s <= 0.0) {
            // A start ends with the unit synchronised and loaded to its minimum.
            u.status = GasUnitStatus::Online;
            u.output_mw = gas_.minLoadFraction * gas_.unitCapacity_mw;
            u.startRemaining_s = 0.0;
        }
    }
}

double PowerDispatcher::chargeBatteries(double surplus_mw, double dt_h) {
    std::vector<double> limit(batteries_.size(), 0.0);
    for (std::size_t i = 0; i < batteries_.size(); ++i) {
        const Battery& b = batteries_[i];
        if (!hasEnergy(b)) continue;
        double room_mwh = (1.0 - soc_[i]) * b.energy_mwh;
        limit[i] = std::min(b.power_mw, room_mwh / (b.roundTripEfficiency * dt_h));
    }
    double total = std::accumulate(limit.begin(), limit.end(), 0.0);
    double charge = std::min(surplus_mw, total);
    if (charge <= 0.0) return 0.0;
    for (std::size_t i = 0; i < batteries_.size(); ++i) {
        if (limit[i] <= 0.0) continue;
        double share = limit[i] * (charge / total);
        const Battery& b = batteries_[i];
        soc_[i] = std::clamp(soc_[i] + share * b.roundTripEfficiency * dt_h / b.energy_mwh, 0.0, 1.0);
    }
    return charge;
}

double PowerDispatcher::dischargeBatteries(double deficit_mw, double dt_h) {
    std::vector<double> limit(batteries_.size(), 0.0);
    for (std::size_t i = 0; i < batteries_.size(); ++i) {
        const Battery& b = batteries_[i];
        if (!hasEnergy(b)) continue;
        limit[i] = std::min(b.power_mw, soc_[i] * b.energy_mwh / dt_h);
    }
    double total = std::accumulate(limit.begin(), limit.end(), 0.0);
    double discharge = std::min(deficit_mw, total);
    if (discharge <= 0.0) return 0.0;
    for (std::size_t i = 0; i < batteries_.size(); ++i) {
        if (limit[i] <= 0.0) continue;
        double share = limit[i] * (discharge / total);
        soc_[i] = std::clamp(soc_[i] - share * dt_h / batteries_[i].energy_mwh, 0.0, 1.0);
    }
    return discharge;
}

DispatchResult PowerDispatcher::step(const DispatchInput& input) {
    if (!(input.dt_s > 0.0) || !std::isfinite(input.dt_s))
        throw std::invalid_argument("PowerDispatcher::step: dt_s must be a positive number of seconds");
    if (!std::isfinite(input.demand_mw) || !std::isfinite(input.solar_mw) || !std::isfinite(input.wind_mw))
        throw std::invalid_argument("PowerDispatcher::step: demand, solar and wind must be finite");

    DispatchResult r;
    const double demand = nonNegative(input.demand_mw);
    r.solar_mw = nonNegative(input.solar_mw);
    r.wind_mw = nonNegative(input.wind_mw);
    const double renewables = r.solar_mw + r.wind_mw;
    const double dt_h = input.dt_s / 3600.0;

    commitUnits(demand, renewables, input.dt_s);
    bringStartedUnitsOnline();

    // Each online unit's range this step: minimum load and ramp limits around its last output.
    const double unitCap = gas_.unitCapacity_mw;
    const double minLoad = gas_.minLoadFraction * unitCap;
    const double ramp = gas_.rampRate_mwPerMin * input.dt_s / 60.0;
    std::vector<double> lo(units_.size(), 0.0);
    std::vector<double> hi(units_.size(), 0.0);
    auto computeBounds = [&](double& sumLo, double& sumHi) {
        sumLo = 0.0;
        sumHi = 0.0;
        for (std::size_t i = 0; i < units_.size(); ++i) {
            lo[i] = hi[i] = 0.0;
            if (units_[i].status != GasUnitStatus::Online) continue;
            hi[i] = std::min(unitCap, units_[i].output_mw + ramp);
            lo[i] = std::min(hi[i], std::max(minLoad, units_[i].output_mw - ramp));
            sumLo += lo[i];
            sumHi += hi[i];
        }
    };
    double gasLo = 0.0;
    double gasHi = 0.0;
    computeBounds(gasLo, gasHi);

    // Never over-supply: if the units' least output exceeds the demand, stop units (largest least
    // output first, so the fewest go) until it fits.
    while (gasLo > demand + kTolerance_mw) {
        std::size_t victim = units_.size();
        for (std::size_t i = 0; i < units_.size(); ++i)
            if (units_[i].status == GasUnitStatus::Online && (victim == units_.size() || lo[i] > lo[victim]))
                victim = i;
        if (victim == units_.size()) break;
        units_[victim] = GasUnitState{};
        computeBounds(gasLo, gasHi);
    }

    // Merit order. Gas at its least output comes first (it cannot go lower), then renewables,
    // batteries, grid, the rest of the gas range, and finally load shed.
    double need = nonNegative(demand - gasLo);
    double extra = 0.0;
    if (renewables >= need) {
        double surplus = renewables - need;
        double charge = chargeBatteries(surplus, dt_h);
        r.battery_mw = -charge;
        r.curtailed_mw = surplus - charge;
    } else {
        double deficit = need - renewables;
        r.battery_mw = dischargeBatteries(deficit, dt_h);
        deficit -= r.battery_mw;
        r.grid_mw = std::min(nonNegative(deficit), substation_.gridImportLimit_mw);
        deficit -= r.grid_mw;
        extra = std::min(nonNegative(deficit), nonNegative(gasHi - gasLo));
        deficit -= extra;
        r.loadShed_mw = nonNegative(deficit);
    }
    r.gas_mw = gasLo + extra;
    // Share the extra among the online units in proportion to their headroom this step.
    const double headroom = gasHi - gasLo;
    for (std::size_t i = 0; i < units_.size(); ++i) {
        if (units_[i].status != GasUnitStatus::Online) continue;
        units_[i].output_mw = lo[i] + (headroom > 0.0 ? (hi[i] - lo[i]) * (extra / headroom) : 0.0);
    }

    for (GasUnitState& u : units_) {
        if (u.status == GasUnitStatus::Online) ++r.gasUnitsOnline;
        if (u.status == GasUnitStatus::Starting) {
            ++r.gasUnitsStarting;
            u.startRemaining_s -= input.dt_s;  // counts from the step the start was ordered
        }
    }
    r.co2_tPerH = r.gas_mw * gas_.co2_tPerMwh + r.grid_mw * substation_.gridCo2_tPerMwh;
    r.batteryStored_mwh = storedEnergy_mwh();
    return r;
}

PowerDispatcher makePowerDispatcher(const Scenario& scenario, int phase, DispatchOptions options) {
    GasPlant gas = scenario.gasPlant;
    if (gas.phase > phase) gas.units = 0;  // not built yet
    std::vector<Battery> batteries;
    for (const Battery& b : scenario.batteries)
        if (b.phase <= phase) batteries.push_back(b);
    Substation substation = scenario.substation;
    substation.gridImportLimit_mw = substation.importLimitAt(phase);
    return PowerDispatcher(gas, substation, std::move(batteries), options);
}

}  // namespace ct::twin
