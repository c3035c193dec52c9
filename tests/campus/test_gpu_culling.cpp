// Instance culling on the GPU (render/gpu_culling.h) against the CPU path it mirrors
// (render::collectVisibleInstances): the Build-out campus, its turbines slewed and turning, seen
// from the overview and from the wind farm, in full and with a shadow cascade's minimum size:
// every group lists the same instances, and the draw commands written are those of the batches
// with instances. A frame drawn from the GPU's commands is the frame drawn from the CPU's lists.
#include "campus/campus_motion.h"
#include "campus/campus_scene.h"
#include "campus/sun_lighting.h"
#include "render/data_dir.h"
#include "render/gpu_culling.h"
#include "render/offscreen_capture.h"
#include "support/abilene_scenario.h"
#include "twin/civil_time.h"
#include "twin/simulation.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <tuple>

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

            // One command a batch with instances, in its run, as the batch and its group say.
            const auto commands = culling.lastCommands();
            REQUIRE(commands.size() == culling.runs().size());
            std::size_t commandCount = 0, wrong = 0;
            for (std::size_t r = 0; r < commands.size(); ++r) {
                const ct::render::IndirectRun& run = culling.runs()[r];
                std::vector<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t, std::int32_t, std::uint32_t>>
                    expected, written;
                for (std::uint32_t b = run.firstBatch; b < run.firstBatch + run.batchCount; ++b) {
                    const ct::render::DrawBatch& batch = scene.opaqueBatches()[b];
                    if (ranges[batch.group].count > 0)
                        expected.emplace_back(batch.indexCount, ranges[batch.group].count, batch.firstIndex,
                                              batch.vertexOffset, culling.groupBases()[batch.group]);
                }
                for (const VkDrawIndexedIndirectCommand& c : commands[r])
                    written.emplace_back(c.indexCount, c.instanceCount, c.firstIndex, c.vertexOffset, c.firstInstance);
                std::sort(expected.begin(), expected.end());
                std::sort(written.begin(), written.end());
                wrong += expected != written;
                commandCount += written.size();
            }
            INFO(commandCount << " draw commands in " << commands.size() << " runs of " << scene.opaqueBatches().size()
                              << " batches; runs differing " << wrong);
            CHECK(commandCount > 10);
            CHECK(commandCount < scene.opaqueBatches().size());  // the empty batches left out
            CHECK(wrong == 0);
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

TEST_CASE("runs of batches share everything the passes bind, and cover every batch once", "[render][culling]") {
    std::vector<ct::render::DrawBatch> batches(6);
    batches[1].material = 1;  // a new run
    batches[2].material = 1;
    batches[3].material = 1;
    batches[3].mirrored = true;  // its faces wind the other way: a new run
    batches[4].material = 1;
    batches[4].mirrored = true;
    batches[5].material = 1;
    batches[5].mirrored = true;
    batches[5].flags = 4;  // another shader path
    const std::vector<ct::render::IndirectRun> runs = ct::render::indirectRuns(batches);
    REQUIRE(runs.size() == 4);
    CHECK(runs[0].firstBatch == 0);
    CHECK(runs[0].batchCount == 1);
    CHECK(runs[1].firstBatch == 1);
    CHECK(runs[1].batchCount == 2);
    CHECK(runs[2].firstBatch == 3);
    CHECK(runs[2].batchCount == 2);
    CHECK(runs[3].firstBatch == 5);
    CHECK(runs[3].batchCount == 1);
    CHECK(ct::render::indirectRuns({}).empty());
}

TEST_CASE("a frame drawn from the GPU's indirect draws is the frame drawn from the CPU's lists", "[render][culling]") {
    // The standard preset: shadows, the blended draws after the culled ones, the coverage pass of
    // the reconstructed edges; the Build-out from the overview at dusk, its lamps and windows lit.
    const ct::twin::Scenario& scenario = ct::test::abilene();
    const ct::campus::CampusResult composed = ct::campus::composeCampus(scenario, 4);
    REQUIRE(composed.campus);
    const ct::campus::CampusScene& campus = *composed.campus;
    const auto camera = ct::campus::scenarioCamera(scenario, "overview", campus.scene.bounds);
    REQUIRE(camera);
    ct::render::Lighting lighting =
        ct::campus::stillLighting({}, scenario.site, static_cast<double>(*ct::twin::parseIsoUtc("2026-07-16T01:15Z")));
    if (campus.groundAlbedo) lighting.groundColor = *campus.groundAlbedo;
    const ct::render::RenderQuality standard = ct::render::renderQuality(ct::render::QualityPreset::Standard);

    ct::vk::Context context({.validation = true, .quiet = true});
    REQUIRE(context.indirectDrawing());
    std::vector<ct::render::CapturedFrame> frames;
    for (const ct::render::InstanceCulling culling :
         {ct::render::InstanceCulling::Cpu, ct::render::InstanceCulling::Gpu}) {
        ct::render::RendererOptions options = ct::render::rendererOptions(standard, {480, 270});
        options.culling = culling;
        ct::render::Renderer renderer(context, ct::render::shaderDir(), options);
        CHECK(renderer.culledOnGpu() == (culling == ct::render::InstanceCulling::Gpu));
        renderer.setScene(campus.scene);
        renderer.setLamps(campus.lamps);
        ct::render::OffscreenCapture capture(context, renderer);
        frames.push_back(capture.render(*camera, lighting));
    }
    const ct::render::FrameStats& cpu = frames[0].stats;
    const ct::render::FrameStats& gpu = frames[1].stats;
    CHECK_FALSE(cpu.culledOnGpu);
    CHECK(gpu.culledOnGpu);
    CHECK(cpu.visibleInstances > 1000);
    CHECK(gpu.visibleInstances == cpu.visibleInstances);
    CHECK(gpu.drawCalls == cpu.drawCalls);
    CHECK(gpu.mainTriangles == cpu.mainTriangles);
    CHECK(gpu.coverageTriangles == cpu.coverageTriangles);
    CHECK(cpu.coverageTriangles > 0);
    // The same instances drawn; only the order within a batch is the GPU's, which shows nowhere
    // two surfaces do not meet at the same depth.
    std::size_t differing = 0;
    for (std::size_t i = 0; i < frames[0].rgba.size(); i += 4)
        for (std::size_t c = 0; c < 3; ++c)
            if (std::abs(int(frames[0].rgba[i + c]) - int(frames[1].rgba[i + c])) > 2) {
                ++differing;
                break;
            }
    INFO(differing << " of " << frames[0].rgba.size() / 4 << " pixels differ by more than 2 levels");
    CHECK(differing <= frames[0].rgba.size() / 4 / 1000);
    CHECK(frames[0].ids == frames[1].ids);
    CHECK(context.validationCounts().total() == 0);
}
