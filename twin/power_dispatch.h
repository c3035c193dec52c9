// Power dispatch: each step, meet the campus demand from renewables, batteries, the grid and the
// gas turbines, in that merit order, and report what is curtailed and what is shed.
//
// The balance holds exactly at every step, by construction:
//   solar + wind - curtailed + battery + grid + gas + loadShed == demand
// A shortfall is load shed, never power created from nothing; a surplus is curtailed renewables
// (grid export is not allowed: the campus substation imports only), never over-supply.
//
// Use: PowerDispatcher dispatch = makePowerDispatcher(scenario, phase);
//      each step: DispatchResult r = dispatch.step({demand_mw, solar_mw, wind_mw, dt_s});
// Deterministic: the result depends only on the parameters and the sequence of inputs.
// Facts behind the defaults (10 units, 360.5 MW of gas; 200 MW substation): docs/campus-facts.md.
#pragma once

#include <cstddef>
#include <vector>

#include "twin/scenario.h"

namespace ct::twin {

struct DispatchInput {
    double demand_mw = 0.0;  // IT + cooling + losses; negative is treated as 0
    double solar_mw = 0.0;   // available renewables; negative is treated as 0
    double wind_mw = 0.0;
    double dt_s = 60.0;  // must be > 0
};

struct DispatchResult {
    double solar_mw = 0.0;      // available solar, before curtailment
    double wind_mw = 0.0;       // available wind, before curtailment
    double curtailed_mw = 0.0;  // renewables not taken
    double battery_mw = 0.0;    // + discharge, - charge
    double grid_mw = 0.0;       // import, 0..gridImportLimit_mw
    double gas_mw = 0.0;
    int gasUnitsOnline = 0;
    int gasUnitsStarting = 0;
    double loadShed_mw = 0.0;        // demand not served
    double co2_tPerH = 0.0;          // gas and grid emissions
    double batteryStored_mwh = 0.0;  // after the step, all batteries
};

struct DispatchOptions {
    // Hysteresis: a unit is stopped only when fewer units have been needed for this long, so a
    // unit needed again soon (after a checkpoint dip, a gust) is still running.
    double keepOnline_s = 15.0 * 60.0;
    // Batteries count towards firm supply when deciding whether to start gas only for the power
    // they could hold this many start times: they bridge a start with margin.
    double batteryBridgeStarts = 2.0;
};

enum class GasUnitStatus { Offline, Starting, Online };

struct GasUnitState {
    GasUnitStatus status = GasUnitStatus::Offline;
    double output_mw = 0.0;
    double startRemaining_s = 0.0;  // while Starting
};

// Gas unit rules: a started unit produces nothing for GasPlant::startTime_min, then comes online at
// minimum load; online it runs between minLoadFraction * capacity and capacity, moving at most
// rampRate_mwPerMin per minute. Stopping is immediate (a unit at minimum load is disconnected).
// If the units' minimum output alone would exceed the demand, units are stopped at once rather
// than over-supplying. Batteries charge only from surplus (renewables that would be curtailed),
// with the round-trip efficiency applied on charge.
class PowerDispatcher {
public:
    PowerDispatcher(const GasPlant& gas, const Substation& substation, std::vector<Battery> batteries,
                    DispatchOptions options = {});

    // Throws std::invalid_argument for dt_s <= 0 or a non-finite input.
    DispatchResult step(const DispatchInput& input);

    // Starts a run as if the plant had been running: the gas units the first step needs are
    // already online at full output (ramping down as needed), instead of the run opening with
    // load shed while they start from cold.
    void warmStart(const DispatchInput& first);

    const std::vector<GasUnitState>& gasUnits() const { return units_; }
    std::size_t batteryCount() const { return batteries_.size(); }
    double batterySoc(std::size_t index) const { return soc_.at(index); }
    const GasPlant& gasPlant() const { return gas_; }
    const Substation& substation() const { return substation_; }

private:
    void commitUnits(double demand_mw, double renewables_mw, double dt_s);
    void bringStartedUnitsOnline();
    double chargeBatteries(double surplus_mw, double dt_h);
    double dischargeBatteries(double deficit_mw, double dt_h);
    double batteryBridge_mw() const;
    double storedEnergy_mwh() const;

    GasPlant gas_;
    Substation substation_;
    std::vector<Battery> batteries_;
    std::vector<double> soc_;
    DispatchOptions options_;
    std::vector<GasUnitState> units_;
    double surplusUnitsFor_s_ = 0.0;
};

// The dispatcher for a scenario at a phase: the gas plant and batteries built by then (phase <= the
// given phase); the substation always.
PowerDispatcher makePowerDispatcher(const Scenario& scenario, int phase, DispatchOptions options = {});

}  // namespace ct::twin
