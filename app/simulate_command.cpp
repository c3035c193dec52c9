#include "simulate_command.h"

#include "campus/campus_scene.h"
#include "campus/heat_coupling.h"
#include "twin/scenario_loader.h"
#include "twin/simulation.h"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>

namespace ct::app {

using namespace ct::campus;  // the campus library these commands call

namespace {

// A progress bar on stderr, for runs long enough to wait for.
class Progress {
public:
    explicit Progress(long long total) : total_(total), enabled_(total >= 5000) {}
    void update(long long done) {
        if (!enabled_) return;
        const int percent = static_cast<int>(done * 100 / total_);
        if (percent == shown_) return;
        shown_ = percent;
        const int filled = percent / 4;
        std::fprintf(stderr, "\r[%.*s%*s] %3d%%", filled, "#########################", 25 - filled, "", percent);
        if (done == total_) std::fprintf(stderr, "\n");
    }

private:
    long long total_;
    bool enabled_;
    int shown_ = -1;
};

void writeHeader(std::ostream& out, const twin::Scenario& scenario) {
    out << "time,sun_zenith_deg,sun_azimuth_deg,ambient_c,wind_speed_ms,wind_direction_deg,ghi_wm2,"
           "solar_mw,wind_mw,gas_mw,grid_mw,battery_mw,it_mw,cooling_mw,facility_mw,pue,load_shed_mw,"
           "curtailed_mw,renewable_share,co2_t_per_h";
    for (const twin::Building& b : scenario.buildings)
        out << ',' << b.id << "_it_mw," << b.id << "_supply_c," << b.id << "_return_c," << b.id << "_inlet_c," << b.id
            << "_pue";
    out << '\n';
}

void writeRow(std::ostream& out, const twin::StateSnapshot& s) {
    char buffer[64];
    auto put = [&](double value, int decimals) {
        std::snprintf(buffer, sizeof buffer, ",%.*f", decimals, std::abs(value) < 1e-12 ? 0.0 : value);
        out << buffer;
    };
    const twin::CampusKpis& k = s.campus;
    out << twin::formatIsoUtc(s.time);
    put(s.sun.zenith_deg, 4);
    put(s.sun.azimuth_deg, 4);
    put(s.weather.ambient_c, 3);
    put(s.weather.wind10m_ms, 3);
    put(s.weather.windFrom_deg, 2);
    put(s.ghi_wm2, 2);
    for (double mw : {k.solar_mw, k.wind_mw, k.gas_mw, k.grid_mw, k.battery_mw, k.it_mw, k.cooling_mw, k.facility_mw})
        put(mw, 4);
    put(k.pue, 5);
    put(k.loadShed_mw, 4);
    put(k.curtailed_mw, 4);
    put(k.renewableShare, 5);
    put(k.co2_tPerH, 4);
    for (const twin::BuildingSnapshot& b : s.buildings) {
        put(b.it_mw, 4);
        put(b.supply_c, 3);
        put(b.return_c, 3);
        // The mean air the building's coolers draw in: ambient unless the heat field is coupled.
        double inlet = 0.0;
        for (double t : b.bankInlet_c)
            inlet += t;
        put(b.bankInlet_c.empty() ? 0.0 : inlet / static_cast<double>(b.bankInlet_c.size()), 3);
        put(b.pue, 5);
    }
    out << '\n';
}

}  // namespace

Outcome runSimulate(const SimulateOptions& o) {
    const twin::ScenarioResult loaded = twin::loadScenario(o.scenario);
    if (!loaded.ok()) return badInput(loaded.error);
    const twin::Scenario& scenario = *loaded.scenario;
    twin::SimulationOptions options;
    const auto start = twin::parseIsoUtc(o.start);
    if (!start) return badInput("--start " + o.start + ": not an ISO 8601 time (YYYY-MM-DDTHH:MM)");
    options.start = *start;
    options.step_s = o.step_s;
    options.seed = o.seed;
    if (o.phase > 0) {
        if (o.phase > static_cast<int>(scenario.phases.size()))
            return badInput("--phase " + std::to_string(o.phase) + ": the scenario has phases 1.." +
                                            std::to_string(scenario.phases.size()));
        options.phase = o.phase;
    }
    if (!o.preset.empty()) {
        const auto preset = twin::parseWeatherPreset(o.preset);
        if (!preset)
            return badInput("--preset " + o.preset + ": unknown preset (" + twin::presetNames() + ")");
        options.preset = *preset;
    }
    if (!o.weather.empty()) {
        if (!o.preset.empty()) return badInput("--weather and --preset cannot be combined");
        twin::WeatherFileResult weather = twin::loadWeatherFile(o.weather);
        if (!weather.source) return badInput(weather.error);
        options.weather = std::move(weather.source);
    }

    std::ofstream file;
    if (!o.out.empty()) {
        file.open(o.out, std::ios::binary);
        if (!file) return badInput(o.out + ": cannot open for writing");
    }
    std::ostream& out = o.out.empty() ? std::cout : file;
    const long long steps = static_cast<long long>(std::llround(o.hours * 3600.0 / o.step_s));
    const std::optional<int> phase = options.phase;
    twin::Simulation simulation(scenario, std::move(options));

    // With the heat field on, the coolers of every building built by the run's end breathe the
    // field's air; the field is stepped with the twin.
    std::optional<CampusScene> campus;
    std::unique_ptr<vk::Context> gpu;
    std::unique_ptr<HeatCoupling> coupling;
    if (o.heatField != "off") {
        const twin::UtcSeconds end = simulation.current().time + static_cast<twin::UtcSeconds>(o.hours * 3600.0);
        const int builtBy = phase ? *phase : std::max(1, twin::phaseEnergisedAt(scenario, end));
        CampusResult composed = composeCampus(scenario, builtBy);
        if (!composed.campus) return badInput(composed.error);
        campus = std::move(*composed.campus);
        FieldDevice device = openFieldDevice(o.heatField, vk::ContextOptions{.quiet = true});
        gpu = std::move(device.context);
        HeatCouplingOptions heat;
        heat.backend = device.choice.backend;
        std::fprintf(stderr, "%s\n", describe(device.choice).c_str());
        coupling = std::make_unique<HeatCoupling>(scenario, *campus, heat, gpu.get());
    }
    writeHeader(out, scenario);
    Progress progress(steps);
    writeRow(out, simulation.current());
    for (long long i = 1; i <= steps; ++i) {
        if (coupling) coupling->step(simulation, o.step_s);
        writeRow(out, simulation.advance());
        progress.update(i);
    }
    out.flush();
    if (!out) return badInput((o.out.empty() ? std::string("standard output") : o.out) + ": write failed");
    if (!o.out.empty()) std::fprintf(stderr, "%lld steps written to %s\n", steps + 1, o.out.c_str());
    return done();
}

}  // namespace ct::app
