// The gas plant's plumes follow the twin: one plume per unit online at the moment drawn, from
// that unit's stack, none from a unit off or starting; and the renderer draws each of them.
#include "campus/campus_scene.h"
#include "campus/gas_plumes.h"
#include "campus/sun_lighting.h"
#include "render/data_dir.h"
#include "render/offscreen_capture.h"
#include "support/abilene_scenario.h"
#include "twin/simulation.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>

TEST_CASE("the plumes drawn are the gas units online in the twin", "[campus][plumes]") {
    const ct::twin::Scenario& scenario = ct::test::abilene();
    const ct::campus::CampusResult composed = ct::campus::composeCampus(scenario, 2);
    REQUIRE(composed.campus);
    const ct::campus::GasPlumes plumes(*composed.campus, scenario);
    REQUIRE(plumes.stackCount() == static_cast<std::size_t>(scenario.gasPlant.units));

    // The storm-front afternoon at phase 2: find a step with some units online and some not.
    ct::twin::Simulation sim(scenario, {.start = *ct::twin::parseIsoUtc("2026-07-15T19:00"),
                                        .step_s = 300.0,
                                        .phase = 2,
                                        .seed = 3,
                                        .preset = ct::twin::WeatherPreset::StormFront});
    const ct::twin::StateSnapshot* found = nullptr;
    for (int i = 0; i < 60 && !found; ++i) {
        const ct::twin::StateSnapshot& state = sim.advance();
        const int online = state.campus.gasUnitsOnline;
        if (online >= 2 && online <= scenario.gasPlant.units - 2) found = &state;
    }
    REQUIRE(found);
    const int online = found->campus.gasUnitsOnline;
    const std::vector<ct::render::Plume> list = plumes.at(*found);
    CHECK(static_cast<int>(list.size()) == online);
    CHECK(std::count_if(found->gasUnits.begin(), found->gasUnits.end(), [](auto& u) { return u.online; }) == online);

    // Drawn from beside the plant, with and without the plumes.
    const ct::twin::GasPlant& plant = scenario.gasPlant;
    ct::render::Camera camera;
    camera.target = {static_cast<float>(plant.position.x), 40.0f, static_cast<float>(plant.position.z)};
    camera.eye = camera.target + glm::vec3(-260.0f, 80.0f, 330.0f);
    camera.yfov = glm::radians(45.0f);
    camera.znear = 5.0f;
    camera.zfar = 5000.0f;
    ct::vk::Context context({.validation = true, .quiet = true});
    constexpr std::uint32_t kWidth = 480, kHeight = 270;
    ct::render::Renderer renderer(context, ct::render::shaderDir(), {.extent = {kWidth, kHeight}});
    renderer.setScene(composed.campus->scene);
    ct::render::OffscreenCapture capture(context, renderer);
    const double time = static_cast<double>(found->time);
    const ct::render::Lighting lighting = ct::campus::sunLighting(scenario.site, time);
    renderer.setPlumes({});
    const auto bare = capture.render(camera, lighting);
    CHECK(bare.stats.plumes == 0);
    renderer.setPlumes(list);
    const auto smoking = capture.render(camera, lighting);
    CHECK(static_cast<int>(smoking.stats.plumes) == online);
    CHECK(context.validationCounts().total() == 0);

    // Just above each stack's mouth (where no other stack's plume passes in front at this
    // angle), the picture changes for the units online and for no other.
    const glm::mat4 viewProj = camera.projection(static_cast<float>(kWidth) / kHeight) * camera.view();
    const auto changedAbove = [&](const glm::vec3& mouth) {
        const glm::vec4 clip = viewProj * glm::vec4(mouth + glm::vec3(0.0f, 10.0f, 0.0f), 1.0f);
        const glm::vec2 ndc = glm::vec2(clip) / clip.w;
        const int x = static_cast<int>((ndc.x * 0.5f + 0.5f) * kWidth);
        const int y = static_cast<int>((ndc.y * 0.5f + 0.5f) * kHeight);
        int changed = 0;
        for (int j = y - 1; j <= y + 1; ++j)
            for (int i = x - 1; i <= x + 1; ++i) {
                const glm::u8vec4 a = bare.pixel(static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j));
                const glm::u8vec4 b = smoking.pixel(static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j));
                changed += std::abs(int(a.r) - int(b.r)) + std::abs(int(a.g) - int(b.g)) > 6;
            }
        return changed >= 3;
    };
    int agree = 0;
    for (std::size_t unit = 0; unit < found->gasUnits.size(); ++unit) {
        const bool changed = changedAbove(plumes.stacks()[unit]);
        UNSCOPED_INFO("unit " << unit + 1 << (found->gasUnits[unit].online ? " online" : " off") << ", changed "
                              << changed);
        agree += changed == found->gasUnits[unit].online;
    }
    INFO(online << " units online; " << agree << " of " << found->gasUnits.size()
                << " stacks smoke in the picture as the twin says");
    CHECK(agree == static_cast<int>(found->gasUnits.size()));
}
