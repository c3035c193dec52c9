#include "plan_command.h"

#include "twin/scenario_loader.h"
#include "twin/simulation.h"

#include <algorithm>
#include <cstdio>
#include <fstream>

namespace ct::app {

using namespace ct::campus;  // the campus library these commands call

std::vector<PhasePlan> planPhases(const twin::Scenario& scenario, std::uint64_t seed) {
    std::vector<PhasePlan> plans;
    // Local midnight (CDT) of a July day: the design day is a whole local day.
    const twin::UtcSeconds dayStart = *twin::parseIsoUtc("2026-07-15T05:00:00Z");
    for (const twin::Phase& phase : scenario.phases) {
        PhasePlan plan;
        plan.phase = phase.number;
        plan.name = phase.name;
        for (const twin::Building* b : twin::buildingsAtPhase(scenario, phase.number)) {
            plan.buildings++;
            plan.itCapacity_mw += b->itCapacity_mw;
        }
        if (twin::gasPlantAtPhase(scenario, phase.number))
            plan.firmSupply_mw += scenario.gasPlant.units * scenario.gasPlant.unitCapacity_mw;
        plan.firmSupply_mw += scenario.substation.importLimitAt(phase.number);
        for (const twin::Battery* battery : twin::batteriesAtPhase(scenario, phase.number))
            plan.firmSupply_mw += battery->power_mw;

        twin::Simulation day(scenario, {.start = dayStart,
                                        .step_s = 60.0,
                                        .phase = phase.number,
                                        .seed = seed,
                                        .preset = twin::WeatherPreset::SummerDesignDay});
        for (int minute = 0; minute <= 24 * 60; ++minute) {
            const twin::StateSnapshot& s = minute == 0 ? day.current() : day.advance();
            if (s.campus.facility_mw > plan.peakFacility_mw) {
                plan.peakFacility_mw = s.campus.facility_mw;
                plan.peakPue = s.campus.pue;
            }
            plan.maxLoadShed_mw = std::max(plan.maxLoadShed_mw, s.campus.loadShed_mw);
        }
        plan.margin_mw = plan.firmSupply_mw - plan.peakFacility_mw;
        plan.verdict = plan.margin_mw < 0.0 ? "short" : plan.margin_mw < 0.1 * plan.peakFacility_mw ? "tight" : "holds";
        plans.push_back(plan);
    }
    return plans;
}

Outcome runPlan(const PlanOptions& o) {
    const twin::ScenarioResult loaded = twin::loadScenario(o.scenario);
    if (!loaded.ok()) return badInput(loaded.error);
    const std::vector<PhasePlan> plans = planPhases(*loaded.scenario, o.seed);
    std::printf(
        "Summer design day (44 C, clear): peak facility power against firm supply (gas + grid import + batteries)\n");
    std::printf("%-6s %-12s %9s %12s %16s %8s %14s %11s %15s  %s\n", "phase", "name", "buildings", "IT MW",
                "peak facility MW", "PUE", "firm supply MW", "margin MW", "max shed MW", "verdict");
    for (const PhasePlan& p : plans)
        std::printf("%-6d %-12s %9d %12.1f %16.1f %8.3f %14.1f %11.1f %15.1f  %s\n", p.phase, p.name.c_str(),
                    p.buildings, p.itCapacity_mw, p.peakFacility_mw, p.peakPue, p.firmSupply_mw, p.margin_mw,
                    p.maxLoadShed_mw, p.verdict.c_str());
    if (!o.out.empty()) {
        std::ofstream csv(o.out, std::ios::binary);
        if (!csv) return badInput(o.out + ": cannot open for writing");
        csv << "phase,name,buildings,it_capacity_mw,peak_facility_mw,peak_pue,firm_supply_mw,margin_mw,max_load_shed_"
               "mw,verdict\n";
        char line[512];
        for (const PhasePlan& p : plans) {
            std::snprintf(line, sizeof line, "%d,%s,%d,%.3f,%.3f,%.4f,%.3f,%.3f,%.3f,%s\n", p.phase, p.name.c_str(),
                          p.buildings, p.itCapacity_mw, p.peakFacility_mw, p.peakPue, p.firmSupply_mw, p.margin_mw,
                          p.maxLoadShed_mw, p.verdict.c_str());
            csv << line;
        }
    }
    return done();
}

}  // namespace ct::app
