// Power dispatch: every step balances to 1e-6 MW with every term inside its limits; shortfalls
// become load shed; gas start delays and ramps hold; batteries stay within their energy.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <random>
#include <stdexcept>
#include <vector>

#include "twin/power_dispatch.h"

using namespace ct::twin;

namespace {

Battery battery(double power_mw, double energy_mwh, double soc) {
    Battery b;
    b.id = "bess";
    b.power_mw = power_mw;
    b.energy_mwh = energy_mwh;
    b.initialSoc = soc;
    return b;
}

double sumOfSupply(const DispatchResult& r) {
    return r.solar_mw + r.wind_mw - r.curtailed_mw + r.battery_mw + r.grid_mw + r.gas_mw + r.loadShed_mw;
}

// The test's own uniform numbers, independent of the standard library's distributions.
double uniform(std::mt19937_64& rng, double lo, double hi) {
    return lo + (hi - lo) * static_cast<double>(rng() >> 11) * 0x1.0p-53;
}

}  // namespace

TEST_CASE("every step balances within 1e-6 MW over seeded random runs", "[twin][dispatch]") {
    GasPlant gas;           // 10 x 36.05 MW (facts file)
    Substation substation;  // 200 MW
    std::vector<Battery> batteries = {battery(50.0, 200.0, 0.8), battery(100.0, 400.0, 0.1)};
    const double steps[] = {1.0, 60.0, 900.0};
    for (std::uint64_t seed : {1u, 2u, 3u}) {
        PowerDispatcher dispatch(gas, substation, batteries);
        std::mt19937_64 rng(seed);
        std::vector<GasUnitState> before = dispatch.gasUnits();
        int shedSteps = 0, curtailSteps = 0, chargeSteps = 0, dischargeSteps = 0, gasSteps = 0, unitStops = 0;
        for (int i = 0; i < 10000; ++i) {
            DispatchInput in;
            // Slow regimes with fast noise, so units start, ramp, idle and stop.
            double regime = (i / 500) % 4;
            in.demand_mw = uniform(rng, 0.0, 150.0) + regime * 250.0;
            in.solar_mw = (i / 300) % 2 ? uniform(rng, 0.0, 600.0) : 0.0;
            in.wind_mw = uniform(rng, 0.0, 120.0);
            in.dt_s = steps[(i / 2000) % 3];
            DispatchResult r = dispatch.step(in);
            INFO("seed " << seed << " step " << i);
            REQUIRE(std::abs(sumOfSupply(r) - in.demand_mw) < 1e-6);
            CHECK(r.curtailed_mw >= 0.0);
            CHECK(r.curtailed_mw <= r.solar_mw + r.wind_mw + 1e-9);
            CHECK(r.battery_mw >= -150.0 - 1e-9);
            CHECK(r.battery_mw <= 150.0 + 1e-9);
            CHECK(r.grid_mw >= 0.0);
            CHECK(r.grid_mw <= 200.0 + 1e-9);
            CHECK(r.gas_mw >= 0.0);
            CHECK(r.gas_mw <= 10 * 36.05 + 1e-9);
            CHECK(r.loadShed_mw >= 0.0);
            CHECK(r.gasUnitsOnline + r.gasUnitsStarting <= 10);
            for (std::size_t b = 0; b < dispatch.batteryCount(); ++b) {
                CHECK(dispatch.batterySoc(b) >= 0.0);
                CHECK(dispatch.batterySoc(b) <= 1.0);
            }
            shedSteps += r.loadShed_mw > 0.0;
            curtailSteps += r.curtailed_mw > 0.0;
            chargeSteps += r.battery_mw < 0.0;
            dischargeSteps += r.battery_mw > 0.0;
            gasSteps += r.gas_mw > 0.0;
            const std::vector<GasUnitState>& after = dispatch.gasUnits();
            double ramp = gas.rampRate_mwPerMin * in.dt_s / 60.0;
            for (std::size_t u = 0; u < after.size(); ++u) {
                if (after[u].status != GasUnitStatus::Online) continue;
                CHECK(after[u].output_mw >= gas.minLoadFraction * gas.unitCapacity_mw - 1e-9);
                CHECK(after[u].output_mw <= gas.unitCapacity_mw + 1e-9);
                if (before[u].status == GasUnitStatus::Online)
                    CHECK(std::abs(after[u].output_mw - before[u].output_mw) <= ramp + 1e-9);
            }
            for (std::size_t u = 0; u < after.size(); ++u)
                unitStops += before[u].status == GasUnitStatus::Online && after[u].status == GasUnitStatus::Offline;
            before = after;
        }
        // The run visits every branch: shortfalls, surpluses, both battery directions, gas cycling.
        CHECK(shedSteps > 100);
        CHECK(curtailSteps > 100);
        CHECK(chargeSteps > 100);
        CHECK(dischargeSteps > 100);
        CHECK(gasSteps > 1000);
        CHECK(unitStops > 5);
    }
}

TEST_CASE("a shortfall is shed, never created", "[twin][dispatch]") {
    // 3 GW of demand on 200 MW of grid and 360.5 MW of gas, no renewables, no batteries.
    PowerDispatcher dispatch(GasPlant{}, Substation{}, {});
    DispatchResult r;
    for (int i = 0; i < 60; ++i) {
        r = dispatch.step({3000.0, 0.0, 0.0, 60.0});
        CHECK(r.loadShed_mw == Approx(3000.0 - r.grid_mw - r.gas_mw));
        CHECK(r.grid_mw == Approx(200.0));
    }
    CHECK(r.gasUnitsOnline == 10);
    CHECK(r.gas_mw == Approx(360.5));
    CHECK(r.loadShed_mw == Approx(3000.0 - 200.0 - 360.5));
    CHECK(r.co2_tPerH == Approx(360.5 * 0.55 + 200.0 * 0.37));
}

TEST_CASE("gas units produce only after their start time, then ramp", "[twin][dispatch]") {
    GasPlant gas;  // 10 minute start, 10 MW/min ramp, 30 % minimum load
    PowerDispatcher dispatch(gas, Substation{}, {});
    const double minLoad = gas.minLoadFraction * gas.unitCapacity_mw;
    // 300 MW on a 200 MW grid: 100 MW of gas, so three units.
    for (int i = 0; i < 10; ++i) {
        DispatchResult r = dispatch.step({300.0, 0.0, 0.0, 60.0});
        INFO("minute " << i);
        CHECK(r.gas_mw == 0.0);
        CHECK(r.gasUnitsStarting == 3);
        CHECK(r.loadShed_mw == Approx(100.0));
    }
    DispatchResult first = dispatch.step({300.0, 0.0, 0.0, 60.0});  // t = 10 min
    CHECK(first.gasUnitsOnline == 3);
    CHECK(first.gas_mw == Approx(3 * (minLoad + 10.0)));  // from minimum load, one minute of ramp
    DispatchResult second = dispatch.step({300.0, 0.0, 0.0, 60.0});
    CHECK(second.gas_mw == Approx(3 * (minLoad + 20.0)));
    DispatchResult later;
    for (int i = 0; i < 10; ++i)
        later = dispatch.step({300.0, 0.0, 0.0, 60.0});
    CHECK(later.gas_mw == Approx(100.0));
    CHECK(later.loadShed_mw == Approx(0.0).margin(1e-9));
}

TEST_CASE("units stay online through a short dip and stop after a long one", "[twin][dispatch]") {
    GasPlant gas;
    gas.startTime_min = 0.0;
    PowerDispatcher dispatch(gas, Substation{}, {});
    for (int i = 0; i < 10; ++i)
        dispatch.step({300.0, 0.0, 0.0, 60.0});
    CHECK(dispatch.step({300.0, 0.0, 0.0, 60.0}).gasUnitsOnline == 3);
    // Ten minutes at 220 MW: gas not needed beyond minimum load, but kept (hysteresis).
    DispatchResult dip;
    for (int i = 0; i < 10; ++i)
        dip = dispatch.step({220.0, 0.0, 0.0, 60.0});
    CHECK(dip.gasUnitsOnline == 3);
    CHECK(std::abs(sumOfSupply(dip) - 220.0) < 1e-6);
    // An hour at 100 MW: the units' minimum (32 MW) still fits, but they are stopped one by one.
    DispatchResult lull;
    for (int i = 0; i < 60; ++i)
        lull = dispatch.step({100.0, 0.0, 0.0, 60.0});
    CHECK(lull.gasUnitsOnline == 0);
    CHECK(lull.grid_mw == Approx(100.0));
}

TEST_CASE("gas never over-supplies: units stop when their minimum exceeds demand", "[twin][dispatch]") {
    GasPlant gas;
    gas.startTime_min = 0.0;
    PowerDispatcher dispatch(gas, Substation{}, {});
    for (int i = 0; i < 20; ++i)
        dispatch.step({500.0, 0.0, 0.0, 60.0});
    DispatchResult r = dispatch.step({5.0, 0.0, 0.0, 60.0});  // below one unit's minimum load
    CHECK(std::abs(sumOfSupply(r) - 5.0) < 1e-6);
    CHECK(r.gas_mw <= 5.0 + 1e-9);
    CHECK(r.loadShed_mw == Approx(0.0).margin(1e-9));
    // Renewables above demand with gas at its minimum: the renewables are curtailed.
    for (int i = 0; i < 20; ++i)
        dispatch.step({500.0, 0.0, 0.0, 60.0});
    DispatchResult sunny = dispatch.step({300.0, 400.0, 0.0, 60.0});
    CHECK(sunny.gas_mw > 0.0);
    CHECK(sunny.curtailed_mw == Approx(sunny.gas_mw + 100.0));
    CHECK(std::abs(sumOfSupply(sunny) - 300.0) < 1e-6);
}

TEST_CASE("batteries charge from surplus with losses, within their limits", "[twin][dispatch]") {
    GasPlant noGas;
    noGas.units = 0;
    PowerDispatcher dispatch(noGas, Substation{}, {battery(50.0, 200.0, 0.5)});
    // 10 MW of surplus for an hour: 8.8 MWh stored at 88 % round trip.
    DispatchResult r = dispatch.step({100.0, 110.0, 0.0, 3600.0});
    CHECK(r.battery_mw == Approx(-10.0));
    CHECK(r.curtailed_mw == Approx(0.0).margin(1e-12));
    CHECK(dispatch.batterySoc(0) == Approx(0.5 + 8.8 / 200.0));
    // A big surplus: charge at most 50 MW, curtail the rest, never above full.
    for (int i = 0; i < 20; ++i) {
        r = dispatch.step({100.0, 500.0, 0.0, 3600.0});
        CHECK(r.battery_mw >= -50.0 - 1e-9);
        CHECK(dispatch.batterySoc(0) <= 1.0);
        CHECK(std::abs(sumOfSupply(r) - 100.0) < 1e-6);
    }
    CHECK(dispatch.batterySoc(0) == Approx(1.0));
    CHECK(r.battery_mw == Approx(0.0).margin(1e-9));
    CHECK(r.curtailed_mw == Approx(400.0));
    CHECK(r.batteryStored_mwh == Approx(200.0));
    // A deficit: discharge first (before the grid), at most 50 MW, never below empty.
    r = dispatch.step({300.0, 0.0, 0.0, 3600.0});
    CHECK(r.battery_mw == Approx(50.0));
    CHECK(r.grid_mw == Approx(200.0));
    CHECK(r.loadShed_mw == Approx(50.0));
    for (int i = 0; i < 10; ++i) {
        r = dispatch.step({300.0, 0.0, 0.0, 3600.0});
        CHECK(dispatch.batterySoc(0) >= 0.0);
        CHECK(std::abs(sumOfSupply(r) - 300.0) < 1e-6);
    }
    CHECK(dispatch.batterySoc(0) == Approx(0.0).margin(1e-12));
    CHECK(r.battery_mw == Approx(0.0).margin(1e-9));
    CHECK(r.loadShed_mw == Approx(100.0));
}

TEST_CASE("a phase includes only what is built by then, bad steps are rejected", "[twin][dispatch]") {
    Scenario s;
    s.gasPlant.phase = 3;
    Battery early = battery(50.0, 200.0, 0.5);
    early.phase = 1;
    Battery late = battery(100.0, 400.0, 0.5);
    late.phase = 3;
    s.batteries = {early, late};
    PowerDispatcher phase1 = makePowerDispatcher(s, 1);
    CHECK(phase1.gasUnits().empty());
    CHECK(phase1.batteryCount() == 1);
    PowerDispatcher phase3 = makePowerDispatcher(s, 3);
    CHECK(phase3.gasUnits().size() == 10);
    CHECK(phase3.batteryCount() == 2);

    CHECK_THROWS_AS(phase1.step({100.0, 0.0, 0.0, 0.0}), std::invalid_argument);
    CHECK_THROWS_AS(phase1.step({NAN, 0.0, 0.0, 60.0}), std::invalid_argument);
}
