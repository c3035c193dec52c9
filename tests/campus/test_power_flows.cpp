// The power-flows layer: which lines the twin's state gives (sources to the substation, the
// substation to the buildings), their widths and directions, and a render of them over the campus.
#include "campus/campus_scene.h"
#include "campus/power_flows.h"
#include "render/data_dir.h"
#include "render/image_file.h"
#include "render/offscreen_capture.h"
#include "support/abilene_scenario.h"
#include "twin/scenario_loader.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

using ct::campus::PowerFlow;
using ct::campus::PowerFlowKind;

namespace {

using ct::test::abilene;

const ct::campus::CampusScene& buildOut() {
    static const ct::campus::CampusResult composed = ct::campus::composeCampus(abilene(), 4);
    INFO(composed.error);
    REQUIRE(composed.campus);
    return *composed.campus;
}

// A state filled by hand: solar-b makes twice solar-a, 1 MW per turbine, no gas, grid import,
// batteries charging; every building 60 MW and up, except bldg-05 at zero.
ct::twin::StateSnapshot handState(const ct::twin::Scenario& scenario) {
    ct::twin::StateSnapshot state;
    state.solarFarms = {{"solar-a", 0, 0, 0, 90.0, 0}, {"solar-b", 0, 0, 0, 180.0, 0}};
    state.campus.solar_mw = 300.0;  // taken: shared 100 / 200
    for (const auto& turbine : scenario.turbines)
        state.turbines.push_back({turbine.id, 10.0, 1.0, 15.0, 0.0});
    state.campus.wind_mw = static_cast<double>(scenario.turbines.size());
    state.campus.gas_mw = 0.0;
    state.campus.grid_mw = 400.0;
    state.campus.battery_mw = -80.0;
    double facility = 60.0;
    for (const auto& building : scenario.buildings) {
        ct::twin::BuildingSnapshot b;
        b.id = building.id;
        b.facility_mw = building.id == "bldg-05" ? 0.0 : facility;
        facility += 5.0;
        state.buildings.push_back(b);
    }
    return state;
}

std::vector<const PowerFlow*> ofKind(const std::vector<PowerFlow>& flows, PowerFlowKind kind) {
    std::vector<const PowerFlow*> result;
    for (const PowerFlow& flow : flows)
        if (flow.kind == kind) result.push_back(&flow);
    return result;
}

const PowerFlow* flowOf(const std::vector<PowerFlow>& flows, const std::string& entity) {
    for (const PowerFlow& flow : flows)
        if (flow.entity == entity) return &flow;
    return nullptr;
}

bool near(glm::vec3 a, glm::vec3 b) {
    return glm::distance(a, b) < 1e-3f;
}

}  // namespace

TEST_CASE("power flow widths grow with the square root of the power, within their clamps", "[campus][flows]") {
    using ct::campus::powerFlowWidth;
    CHECK(powerFlowWidth(100.0) == Approx(15.0f));
    CHECK(powerFlowWidth(400.0) == Approx(30.0f));
    CHECK(powerFlowWidth(-400.0) == Approx(30.0f));
    CHECK(powerFlowWidth(0.5) == Approx(3.0f));
    CHECK(powerFlowWidth(5000.0) == Approx(50.0f));
    float last = 0.0f;
    for (double mw = 0.0; mw < 2000.0; mw += 7.0) {
        CHECK(powerFlowWidth(mw) >= last);
        last = powerFlowWidth(mw);
    }
    // An arc is raised between its ends and meets them exactly.
    const auto arc = ct::campus::powerFlowArc({0, 10, 0}, {1000, 20, 0});
    REQUIRE(arc.size() == static_cast<std::size_t>(ct::campus::kArcSamples));
    CHECK(near(arc.front(), {0, 10, 0}));
    CHECK(near(arc.back(), {1000, 20, 0}));
    CHECK(arc[arc.size() / 2].y == Approx(15.0f + 60.0f).margin(0.01));
}

TEST_CASE("the build-out's flow layout: one wind farm, the bus at the substation, the grid off-site",
          "[campus][flows]") {
    const auto& scenario = abilene();
    const auto& campus = buildOut();
    const ct::campus::PowerFlowLayout layout = ct::campus::powerFlowLayout(scenario, campus);
    const auto tops = ct::campus::entityTops(campus);
    REQUIRE(layout.hasBus);
    CHECK(layout.bus.x == Approx(tops.at("substation").x));
    CHECK(layout.bus.z == Approx(tops.at("substation").z));
    // The Abilene turbines stand 385..860 m apart: one farm of all 58, its anchor at their mean.
    REQUIRE(layout.windFarms.size() == 1);
    CHECK(layout.windFarms[0].turbines.size() == scenario.turbines.size());
    glm::vec2 mean(0.0f);
    for (const auto& turbine : scenario.turbines)
        mean += glm::vec2(turbine.position.x, turbine.position.z);
    mean /= static_cast<float>(scenario.turbines.size());
    CHECK(layout.windFarms[0].anchor.x == Approx(mean.x).margin(5.0));
    CHECK(layout.windFarms[0].anchor.z == Approx(mean.y).margin(5.0));
    CHECK(layout.windFarms[0].anchor.y <= ct::campus::kMaxAnchor_m);
    // The grid arrives 1 km from the substation, away from the buildings (which lie west and south).
    CHECK(glm::distance(layout.gridEntry, layout.bus) == Approx(ct::campus::kGridEntryDistance_m));
    CHECK(layout.gridEntry.x > layout.bus.x);
}

TEST_CASE("power flows: one line per source and building with power, wider for more, reversed when charging",
          "[campus][flows]") {
    const auto& scenario = abilene();
    const auto& campus = buildOut();
    const ct::campus::PowerFlowLayout layout = ct::campus::powerFlowLayout(scenario, campus);
    const auto tops = ct::campus::entityTops(campus);
    const ct::twin::StateSnapshot state = handState(scenario);
    const std::vector<PowerFlow> flows = ct::campus::powerFlows(scenario, layout, state);

    // Solar: solar-b took twice solar-a's share and has the wider line.
    const PowerFlow* a = flowOf(flows, "solar-a");
    const PowerFlow* b = flowOf(flows, "solar-b");
    REQUIRE(a);
    REQUIRE(b);
    CHECK(a->mw == Approx(100.0));
    CHECK(b->mw == Approx(200.0));
    CHECK(b->line.width_m > a->line.width_m);
    CHECK(b->line.width_m == Approx(ct::campus::powerFlowWidth(200.0)));
    // Wind: one farm; gas at zero draws nothing; the grid imports.
    REQUIRE(ofKind(flows, PowerFlowKind::Wind).size() == 1);
    CHECK(ofKind(flows, PowerFlowKind::Wind)[0]->mw == Approx(58.0));
    CHECK(ofKind(flows, PowerFlowKind::Gas).empty());
    const PowerFlow* grid = flowOf(flows, "grid");
    REQUIRE(grid);
    CHECK(grid->line.speed_mps > 0.0f);
    CHECK(grid->line.width_m > b->line.width_m);
    // Batteries charging: each has its share (equal ratings) and dashes running into it.
    const auto batteries = ofKind(flows, PowerFlowKind::Battery);
    REQUIRE(batteries.size() == 2);
    for (const PowerFlow* battery : batteries) {
        CHECK(battery->mw == Approx(-40.0));
        CHECK(battery->line.speed_mps < 0.0f);
        CHECK(battery->line.speed_mps == Approx(-a->line.speed_mps));
    }

    // Every source line runs from its entity's anchor to the bus.
    for (const PowerFlow& flow : flows) {
        if (flow.kind == PowerFlowKind::Load) continue;
        INFO(flow.entity);
        REQUIRE(flow.line.points.size() >= 2);
        CHECK(near(flow.line.points.back(), layout.bus));
        if (flow.kind == PowerFlowKind::Wind) {
            CHECK(near(flow.line.points.front(), layout.windFarms[0].anchor));
        } else if (flow.kind == PowerFlowKind::Grid) {
            CHECK(near(flow.line.points.front(), layout.gridEntry));
        } else {
            const glm::vec3 top = tops.at(flow.entity);
            CHECK(flow.line.points.front().x == Approx(top.x));
            CHECK(flow.line.points.front().z == Approx(top.z));
            CHECK(flow.line.points.front().y == Approx(std::min(top.y, ct::campus::kMaxAnchor_m)));
        }
        // Raised above the straight line between its ends.
        const glm::vec3 middle = flow.line.points[flow.line.points.size() / 2];
        CHECK(middle.y > 0.5f * (flow.line.points.front().y + flow.line.points.back().y) + 10.0f);
    }

    // Loads: every building with facility power gets exactly one line from the bus to it.
    const auto loads = ofKind(flows, PowerFlowKind::Load);
    CHECK(loads.size() == scenario.buildings.size() - 1);
    CHECK_FALSE(flowOf(flows, "bldg-05"));
    for (const auto& building : scenario.buildings) {
        if (building.id == "bldg-05") continue;
        INFO(building.id);
        const auto count =
            std::count_if(loads.begin(), loads.end(), [&](const PowerFlow* f) { return f->entity == building.id; });
        CHECK(count == 1);
        const PowerFlow* load = flowOf(flows, building.id);
        REQUIRE(load);
        CHECK(near(load->line.points.front(), layout.bus));
        const glm::vec3 end = load->line.points.back();
        CHECK(end.x == Approx(tops.at(building.id).x));
        CHECK(end.z == Approx(tops.at(building.id).z));
        // At the building's scenario position (the top centre of its bounds).
        CHECK(glm::distance(glm::vec2(end.x, end.z), glm::vec2(building.position.x, building.position.z)) < 30.0f);
        CHECK(load->line.speed_mps > 0.0f);
    }
    // Buildings with more load have wider lines.
    CHECK(flowOf(flows, "bldg-20")->line.width_m > flowOf(flows, "bldg-01")->line.width_m);
    CHECK(ct::campus::powerFlowLines(scenario, layout, state).size() == flows.size());

    // Discharging batteries send power to the bus; no sun, no lines from the solar farms.
    ct::twin::StateSnapshot night = state;
    night.campus.battery_mw = 120.0;
    night.campus.solar_mw = 0.0;
    for (auto& farm : night.solarFarms)
        farm.ac_mw = 0.0;
    const std::vector<PowerFlow> nightFlows = ct::campus::powerFlows(scenario, layout, night);
    CHECK(ofKind(nightFlows, PowerFlowKind::Solar).empty());
    for (const PowerFlow* battery : ofKind(nightFlows, PowerFlowKind::Battery))
        CHECK(battery->line.speed_mps > 0.0f);
}

TEST_CASE("power flows only connect what stands at the phase", "[campus][flows]") {
    const auto& scenario = abilene();
    const ct::campus::CampusResult composed = ct::campus::composeCampus(scenario, 1);
    REQUIRE(composed.campus);
    const ct::campus::PowerFlowLayout layout = ct::campus::powerFlowLayout(scenario, *composed.campus);
    // Phase 1: two buildings, the gas plant and most turbines; no solar farms, no batteries yet.
    const std::vector<PowerFlow> flows = ct::campus::powerFlows(scenario, layout, handState(scenario));
    CHECK(ofKind(flows, PowerFlowKind::Solar).empty());
    CHECK(ofKind(flows, PowerFlowKind::Battery).empty());
    CHECK(ofKind(flows, PowerFlowKind::Load).size() == 2);
    REQUIRE(layout.windFarms.size() == 1);
    CHECK(layout.windFarms[0].turbines.size() == ct::twin::turbinesAtPhase(scenario, 1).size());
}

TEST_CASE("power flows drawn over the campus change its colours, never its picking ids", "[campus][flows][render]") {
    const auto& scenario = abilene();
    const auto& campus = buildOut();
    ct::vk::Context context({.validation = true, .quiet = true});
    ct::render::Renderer renderer(context, ct::render::shaderDir(), {.extent = {960, 540}});
    renderer.setScene(campus.scene);
    ct::render::OffscreenCapture capture(context, renderer);
    const auto camera = ct::campus::scenarioCamera(scenario, "overview", campus.scene.bounds);
    REQUIRE(camera);
    const auto plain = capture.render(*camera, {});
    ct::twin::StateSnapshot state = handState(scenario);
    state.campus.gas_mw = 150.0;
    const auto lines = ct::campus::powerFlowLines(scenario, campus, state);
    renderer.setFlowLines(lines);
    renderer.setFlowTime(3.0f);
    const auto flowing = capture.render(*camera, {});
    const std::filesystem::path dir = std::filesystem::path(CT_TEST_OUTPUT_DIR);
    std::filesystem::create_directories(dir);
    CHECK(ct::render::writePng(dir / "power_flows.png", {flowing.width, flowing.height, flowing.rgba}).empty());

    CHECK(plain.ids == flowing.ids);
    std::size_t changed = 0;
    for (std::size_t i = 0; i < plain.rgba.size(); i += 4)
        changed += std::abs(plain.rgba[i] - flowing.rgba[i]) + std::abs(plain.rgba[i + 1] - flowing.rgba[i + 1]) +
                               std::abs(plain.rgba[i + 2] - flowing.rgba[i + 2]) >
                           12
                       ? 1
                       : 0;
    INFO("changed pixels " << changed);
    CHECK(changed > 2000);
    CHECK(changed < plain.rgba.size() / 4 / 4);
    CHECK(context.validationCounts().total() == 0);
}
