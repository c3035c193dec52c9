// Instance culling on the GPU (render/gpu_culling.h) against the CPU path it mirrors
// (render::collectVisibleInstances): the Build-out campus, its turbines slewed and turning, seen
// from the overview and from the wind farm, in full and with a shadow cascade's minimum size:
// every group lists the same instances.
#include "campus/campus_motion.h"
#include "campus/campus_scene.h"
#include "render/data_dir.h"
#include "render/gpu_culling.h"
#include "render/offscreen_capture.h"
#include "support/abilene_scenario.h"
#include "twin/simulation.h"

#include <catch2/catch.hpp>

#include <algorithm>

TEST_CASE("the GPU culls the campus's instances to the CPU reference's sets, group by group", "[render][culling]") {
    const ct::twin::Scenario& scenario = ct::test::abilene();
    const ct::campus::CampusResult composed = ct::campus::composeCampus(scenario, 4);
    REQUIRE(composed.campus);
    const ct::campus::CampusScene& campus = *composed.campus;
    ct::vk::Context context({.validation = true, .quiet = true});
    ct::render::Renderer renderer(context, ct::render::shaderDir(), {.extent = {960, 540}});
    renderer.setScene(campus.scene);
    const ct::render::GpuScene& scene = *renderer.gpuScene();
    ct::render::GpuCulling culling(context, ct::render::shaderDir(), scene);
    CHECK(culling.chunkCount() > 1000);

    // The turbines slewed to a north-westerly and turning: their nacelles and rotors moved.
    ct::twin::Simulation sim(scenario, {.start = 1784138400, .step_s = 60.0, .phase = 4});
    ct::twin::StateSnapshot state = sim.advance();
    for (ct::twin::TurbineSnapshot& t : state.turbines) {
        t.yaw_deg = 315.0;
        t.rotor_rpm = 12.0;
    }
    std::vector<ct::render::NodeAnimation> animations;
    ct::campus::CampusMotion(campus).apply(state, static_cast<double>(state.time) + 3.0, animations);

    std::size_t motionMatters = 0;  // groups whose lists the motion changed
    for (const char* view : {"overview", "wind"}) {
        const auto camera = ct::campus::scenarioCamera(scenario, view, campus.scene.bounds);
        REQUIRE(camera);
        const glm::mat4 projection = camera->projection(960.0f / 540.0f);
        const ct::render::Frustum frustum = ct::render::Frustum::fromViewProjection(projection * camera->view());
        const ct::render::DetailView detail = ct::render::detailViewOf(*camera, projection, 540);
        std::vector<char> nodeDrawn;
        ct::render::selectLevelsOfDetail(scene, detail, nodeDrawn);
        ct::render::LevelSelection levels;
        levels.update(scene, detail);
        for (const float minSize : {0.0f, 4.0f}) {
            std::vector<std::uint32_t> list;
            std::vector<ct::render::InstanceRange> ranges;
            ct::render::collectVisibleInstances(scene, nodeDrawn, levels.levels(), frustum, list, ranges, minSize, {},
                                                ct::render::MovedNodes{&animations});
            const auto gpu = culling.run({nodeDrawn, levels.levels(), frustum, minSize, animations});
            REQUIRE(gpu.size() == ranges.size());
            std::size_t listed = 0, differing = 0;
            for (std::size_t g = 0; g < ranges.size(); ++g) {
                std::vector<std::uint32_t> cpu(list.begin() + ranges[g].first,
                                               list.begin() + ranges[g].first + ranges[g].count);
                std::vector<std::uint32_t> mine = gpu[g];
                std::sort(cpu.begin(), cpu.end());
                std::sort(mine.begin(), mine.end());
                listed += cpu.size();
                differing += cpu != mine;
            }
            INFO(view << ", minimum size " << minSize << " m: " << listed << " instances listed by the CPU in "
                      << ranges.size() << " groups; groups differing " << differing);
            CHECK(listed > 1000);
            CHECK(differing == 0);
            // The motion counts: a rotor's bounds turned with its nacelle decide where it is seen.
            const auto unmoved = culling.run({nodeDrawn, levels.levels(), frustum, minSize, {}});
            std::size_t unmovedDiffering = 0;
            for (std::size_t g = 0; g < ranges.size(); ++g)
                unmovedDiffering += unmoved[g].size() != gpu[g].size();
            motionMatters += unmovedDiffering;
        }
    }
    CHECK(motionMatters > 0);  // the moved rotors and nacelles are culled where they are
    CHECK(context.validationCounts().total() == 0);
}
