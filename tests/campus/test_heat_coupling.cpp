// The heat map coupled to the twin: a building downwind of others breathes warmer air and pays
// for it in cooling power. The acceptance case: with the wind blowing from a Build-out
// building onto a Phase 1 building, the Phase 1 building's inlet air and PUE are higher than
// with the wind reversed.
#include "campus/campus_scene.h"
#include "campus/heat_coupling.h"
#include "support/abilene_scenario.h"
#include "twin/scenario_loader.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <numeric>

namespace {

using ct::test::abilene;

// Steady weather, so the comparison is about the wind's direction alone.
class SteadyWeather : public ct::twin::WeatherSource {
public:
    explicit SteadyWeather(double windFrom_deg) {
        sample_.ambient_c = 38.0;
        sample_.wind10m_ms = 4.0;
        sample_.windFrom_deg = windFrom_deg;
        sample_.relativeHumidity_pct = 25.0;
        sample_.ghi_wm2 = 800.0;
    }
    ct::twin::WeatherSample sample(ct::twin::UtcSeconds, double) override { return sample_; }

private:
    ct::twin::WeatherSample sample_;
};

struct BuildingAir {
    double inlet_c;    // mean over the building's cooler banks
    double coolest_c;  // the bank breathing the least heated air
    double pue;
};

BuildingAir phase1Building(int phase, double windFrom_deg) {
    const ct::twin::Scenario& scenario = abilene();
    const ct::campus::CampusResult composed = ct::campus::composeCampus(scenario, phase);
    REQUIRE(composed.campus);
    ct::twin::Simulation simulation(scenario, {.start = *ct::twin::parseIsoUtc("2026-07-15T18:00"),
                                               .step_s = 60.0,
                                               .phase = phase,
                                               .seed = 4,
                                               .weather = std::make_shared<SteadyWeather>(windFrom_deg)});
    ct::campus::HeatCouplingOptions options;
    options.backend = ct::campus::FieldBackend::Cpu;
    ct::campus::HeatCoupling coupling(scenario, *composed.campus, options);
    for (int i = 0; i < 90; ++i) {  // 1.5 h: the air crosses 1.5 km in about 6 minutes
        coupling.step(simulation, 60.0);
        simulation.advance();
    }
    const std::vector<double>& inlets = coupling.inletAir(0);  // bldg-01, Phase 1
    REQUIRE_FALSE(inlets.empty());
    const double meanInlet = std::accumulate(inlets.begin(), inlets.end(), 0.0) / inlets.size();
    return {meanInlet, *std::min_element(inlets.begin(), inlets.end()), simulation.current().buildings[0].pue};
}

}  // namespace

TEST_CASE("wind from the Build-out onto Phase 1 warms Phase 1's coolers and raises its PUE",
          "[campus][heatmap][coupling]") {
    REQUIRE(abilene().buildings[0].phase == 1);
    // bldg-12 (Build-out) stands 1.5 km south of bldg-01 (Phase 1), bearing 176 degrees.
    const BuildingAir downwind = phase1Building(4, 176.0);  // wind from the Build-out
    const BuildingAir upwind = phase1Building(4, 356.0);    // reversed
    INFO("inlet downwind " << downwind.inlet_c << " C, PUE " << downwind.pue << "; upwind " << upwind.inlet_c
                           << " C, PUE " << upwind.pue);
    CHECK(downwind.inlet_c > upwind.inlet_c + 0.2);
    CHECK(downwind.pue > upwind.pue);
    // Upwind of everything, the windward banks breathe ambient air (the leeward ones breathe
    // some of their own building's heat, which is real).
    CHECK(upwind.coolest_c == Approx(38.0).margin(0.3));
}

TEST_CASE("the Build-out buildings themselves add to Phase 1's inlet air in a south wind",
          "[campus][heatmap][coupling]") {
    const BuildingAir withBuildOut = phase1Building(4, 176.0);
    const BuildingAir before = phase1Building(3, 176.0);
    INFO("inlet with build-out " << withBuildOut.inlet_c << " C, before " << before.inlet_c << " C");
    CHECK(withBuildOut.inlet_c > before.inlet_c);
    CHECK(withBuildOut.pue >= before.pue);
}
