// Instance culling on the GPU (render/gpu_culling.h) against the CPU path it mirrors
// (render::collectVisibleInstances): the Build-out campus, its turbines slewed and turning, seen
// from the overview and from the wind farm, in full and with a shadow cascade's minimum size:
// every group lists the same instances, and the draw commands written are those of the batches
// with instances. A frame drawn from the GPU's commands is the frame drawn from the CPU's lists.
#include "campus/campus_motion.h"
#include "campus/campus_scene.h"
#include "campus/sun_lighting.h"
#include "render/data_dir.h"
#include "render/depth_occlusion.h"
#include "render/gpu_culling.h"
#include "render/offscreen_capture.h"
#include "support/abilene_scenario.h"
#include "twin/civil_time.h"
#include "twin/simulation.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>
#include <tuple>

namespace {

// The Build-out (phase 4), composed once for the test cases here.
const ct::campus::CampusScene& buildOut() {
    static const ct::campus::CampusResult composed = ct::campus::composeCampus(ct::test::abilene(), 4);
    if (!composed.campus) FAIL("the Build-out does not compose: " << composed.error);
    return *composed.campus;
}

// Abilene's sun and sky at an ISO 8601 time, the Build-out's ground under them.
ct::render::Lighting lightAt(const char* time) {
    ct::render::Lighting lighting =
        ct::campus::stillLighting({}, ct::test::abilene().site, static_cast<double>(*ct::twin::parseIsoUtc(time)));
    if (buildOut().groundAlbedo) lighting.groundColor = *buildOut().groundAlbedo;
    return lighting;
}

// Pixels whose colour differs by more than 2 levels in any channel.
std::size_t differingPixels(const ct::render::CapturedFrame& a, const ct::render::CapturedFrame& b) {
    std::size_t differing = 0;
    for (std::size_t i = 0; i < a.rgba.size() && i < b.rgba.size(); i += 4)
        for (std::size_t c = 0; c < 3; ++c)
            if (std::abs(int(a.rgba[i + c]) - int(b.rgba[i + c])) > 2) {
                ++differing;
                break;
            }
    return differing;
}

}  // namespace

TEST_CASE("the GPU culls the campus's instances to the CPU reference's sets, group by group", "[render][culling]") {
    const ct::twin::Scenario& scenario = ct::test::abilene();
    const ct::campus::CampusScene& campus = buildOut();
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
    const ct::campus::CampusScene& campus = buildOut();
    const auto camera = ct::campus::scenarioCamera(scenario, "overview", campus.scene.bounds);
    REQUIRE(camera);
    const ct::render::Lighting lighting = lightAt("2026-07-16T01:15Z");
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
    const std::size_t differing = differingPixels(frames[0], frames[1]);
    INFO(differing << " of " << frames[0].rgba.size() / 4 << " pixels differ by more than 2 levels");
    CHECK(differing <= frames[0].rgba.size() / 4 / 1000);
    CHECK(frames[0].ids == frames[1].ids);
    CHECK(context.validationCounts().total() == 0);
}

TEST_CASE("occlusion culling: the GPU's pyramid and its verdicts are the CPU reference's, and hide nothing seen",
          "[render][culling][occlusion]") {
    // The Build-out from the overview and from the street, draft (one sample a pixel): a frame
    // draws everything the frustum keeps first (nothing seen yet), the next what the first saw
    // and then what the pyramid shows is not hidden.
    const ct::twin::Scenario& scenario = ct::test::abilene();
    const ct::campus::CampusScene& campus = buildOut();
    const ct::render::Lighting lighting = lightAt("2026-07-15T18:30Z");
    const ct::render::RenderQuality draft = ct::render::renderQuality(ct::render::QualityPreset::Draft);
    constexpr std::uint32_t kWidth = 480, kHeight = 270;
    ct::vk::Context context({.validation = true, .quiet = true});
    std::size_t occludedSomewhere = 0;
    for (const char* view : {"overview", "street"}) {
        const auto camera = ct::campus::scenarioCamera(scenario, view, campus.scene.bounds);
        REQUIRE(camera);
        std::vector<ct::render::CapturedFrame> frames;
        for (const ct::render::InstanceCulling culling :
             {ct::render::InstanceCulling::Cpu, ct::render::InstanceCulling::Gpu}) {
            ct::render::RendererOptions options = ct::render::rendererOptions(draft, {kWidth, kHeight});
            options.culling = culling;
            ct::render::Renderer renderer(context, ct::render::shaderDir(), options);
            renderer.setScene(campus.scene);
            ct::render::OffscreenCapture capture(context, renderer);
            frames.push_back(capture.render(*camera, lighting));
            if (culling == ct::render::InstanceCulling::Cpu) continue;
            REQUIRE(renderer.culledByOcclusion());
            frames.back() = capture.render(*camera, lighting);  // the second frame: the two phases at work

            // The pyramid: each level above the depth as the CPU builds it from the same depth.
            const ct::render::DepthPyramid gpu = renderer.depthPyramid()->read();
            const ct::render::DepthPyramid cpu = ct::render::buildDepthPyramid(gpu.levels[0], kWidth, kHeight);
            REQUIRE(gpu.levels.size() == cpu.levels.size());
            CHECK(gpu.levels.size() == ct::render::depthPyramidLevels({kWidth, kHeight}));
            for (std::size_t level = 1; level < cpu.levels.size(); ++level) {
                INFO("level " << level);
                CHECK(gpu.sizes[level] == cpu.sizes[level]);
                CHECK(gpu.levels[level] == cpu.levels[level]);
            }

            // Each chunk's verdict: seen where drawn, in the frustum and not behind the depth.
            const ct::render::GpuScene& scene = *renderer.gpuScene();
            const glm::mat4 viewProj = camera->projection(float(kWidth) / float(kHeight)) * camera->view();
            const ct::render::Frustum frustum = ct::render::Frustum::fromViewProjection(viewProj);
            const ct::render::DetailView detail =
                ct::render::detailViewOf(*camera, camera->projection(float(kWidth) / float(kHeight)), kHeight);
            std::vector<char> nodeDrawn;
            ct::render::selectLevelsOfDetail(scene, detail, nodeDrawn);
            const std::vector<std::uint32_t> seen = renderer.gpuCulling()->chunksSeen();
            // Where the box's nearest depth is within a few units in the last place of the depth
            // behind it, the GPU's arithmetic may round the other way: a tie, either verdict right.
            constexpr float kTie = 4e-7f;
            std::size_t chunk = 0, inFrustum = 0, occluded = 0, disagree = 0, ties = 0;
            for (const ct::render::InstanceGroup& group : scene.groups())
                for (const ct::render::InstanceChunk& c : group.chunks) {
                    bool expected = nodeDrawn[c.node] && frustum.intersects(c.bounds);
                    inFrustum += expected;
                    const std::optional<float> margin = ct::render::occlusionMargin(cpu, viewProj, c.bounds);
                    // Thin parts drawn wider than their bounds, and layers flat on the ground (whose
                    // ties with the terrain their order decides), are never culled by the depth.
                    const bool neverOccluded = scene.nodeWidenedOnScreen(c.node) || !scene.nodeCastsShadow(c.node);
                    if (expected && !neverOccluded && margin && *margin > 0.0f) {
                        expected = false;
                        ++occluded;
                    }
                    if (expected != (seen[chunk++] != 0)) {
                        if (margin && std::abs(*margin) < kTie)
                            ++ties;
                        else
                            ++disagree;
                    }
                }
            INFO(view << ": " << chunk << " chunks, " << inFrustum << " in the frustum, " << occluded
                      << " occluded by the CPU's verdict; the GPU's differs for " << disagree << " and at a tie for "
                      << ties);
            CHECK(disagree == 0);
            CHECK(ties <= inFrustum / 100);
            occludedSomewhere += occluded;
        }
        // Nothing the CPU-culled frame shows is missing.
        const std::size_t differing = differingPixels(frames[0], frames[1]);
        INFO(view << ": " << differing << " pixels differ by more than 2 levels");
        CHECK(differing == 0);
        // From the air nothing of weight is hidden; from the street the buildings hide most chunks.
        CHECK(frames[1].stats.mainTriangles <= frames[0].stats.mainTriangles);
        if (std::string(view) == "street")
            CHECK(frames[1].stats.mainTriangles < frames[0].stats.mainTriangles * 9 / 10);
    }
    CHECK(occludedSomewhere > 0);
    CHECK(context.validationCounts().total() == 0);
}

TEST_CASE("depth pyramid (CPU reference): each level the farthest of what lies under it", "[render][occlusion]") {
    // 5x3: odd both ways, so the last column and row of level 1 take three below.
    const std::vector<float> depth{0.1f, 0.2f, 0.3f, 0.4f, 0.9f,  //
                                   0.1f, 0.1f, 0.1f, 0.1f, 0.1f,  //
                                   0.5f, 0.1f, 0.1f, 0.1f, 0.1f};
    const ct::render::DepthPyramid pyramid = ct::render::buildDepthPyramid(depth, 5, 3);
    REQUIRE(pyramid.levels.size() == 3);
    CHECK(pyramid.sizes[1] == glm::uvec2(2, 1));
    CHECK(pyramid.sizes[2] == glm::uvec2(1, 1));
    CHECK(pyramid.at(1, 0, 0) == 0.5f);  // columns 0-1, rows 0-2
    CHECK(pyramid.at(1, 1, 0) == 0.9f);  // columns 2-4
    CHECK(pyramid.at(2, 0, 0) == 0.9f);

    // A wall at depth 0.5 over the whole view: a box behind it is occluded, one in front not.
    const std::vector<float> wall(64 * 64, 0.5f);
    const ct::render::DepthPyramid walled = ct::render::buildDepthPyramid(wall, 64, 64);
    const glm::mat4 viewProj(1.0f);  // NDC = world: depth is z
    CHECK(ct::render::boxOccluded(walled, viewProj, {{-0.2f, -0.2f, 0.6f}, {0.2f, 0.2f, 0.8f}}));
    CHECK_FALSE(ct::render::boxOccluded(walled, viewProj, {{-0.2f, -0.2f, 0.4f}, {0.2f, 0.2f, 0.8f}}));
    CHECK_FALSE(ct::render::boxOccluded(walled, viewProj, {{-0.2f, -0.2f, -0.1f}, {0.2f, 0.2f, 0.8f}}));  // near plane
    // A hole where the box is: seen through it.
    std::vector<float> holed = wall;
    holed[32 * 64 + 33] = 1.0f;
    const ct::render::DepthPyramid throughHole = ct::render::buildDepthPyramid(holed, 64, 64);
    CHECK_FALSE(ct::render::boxOccluded(throughHole, viewProj, {{0.0f, 0.0f, 0.6f}, {0.05f, 0.05f, 0.8f}}));
    CHECK(ct::render::boxOccluded(throughHole, viewProj, {{-0.5f, -0.5f, 0.6f}, {-0.4f, -0.4f, 0.8f}}));
}

TEST_CASE("occlusion culling with hardware multisampling: the pyramid from each pixel's farthest sample",
          "[render][culling][occlusion]") {
    // Standard's 4 samples shaded by the device (as on a GPU): the first phase's samples are kept
    // for the second, which resolves them; the frame drawn in two phases is the CPU-culled one.
    const ct::twin::Scenario& scenario = ct::test::abilene();
    const ct::campus::CampusScene& campus = buildOut();
    const auto camera = ct::campus::scenarioCamera(scenario, "street", campus.scene.bounds);
    REQUIRE(camera);
    const ct::render::Lighting lighting = lightAt("2026-07-15T18:30Z");
    const ct::render::RenderQuality standard = ct::render::renderQuality(ct::render::QualityPreset::Standard);
    ct::vk::Context context({.validation = true, .quiet = true});
    std::vector<ct::render::CapturedFrame> frames;
    for (const ct::render::InstanceCulling culling :
         {ct::render::InstanceCulling::Cpu, ct::render::InstanceCulling::Gpu}) {
        ct::render::RendererOptions options = ct::render::rendererOptions(standard, {480, 270});
        options.multisampleShading = ct::render::MultisampleShading::Hardware;
        options.culling = culling;
        ct::render::Renderer renderer(context, ct::render::shaderDir(), options);
        REQUIRE(renderer.samples() == VK_SAMPLE_COUNT_4_BIT);
        REQUIRE_FALSE(renderer.reconstructsEdges());
        renderer.setScene(campus.scene);
        ct::render::OffscreenCapture capture(context, renderer);
        frames.push_back(capture.render(*camera, lighting));
        if (culling == ct::render::InstanceCulling::Gpu) {
            REQUIRE(renderer.culledByOcclusion());
            frames.back() = capture.render(*camera, lighting);
        }
    }
    const std::size_t differing = differingPixels(frames[0], frames[1]);
    INFO(differing << " pixels differ by more than 2 levels; main-pass triangles " << frames[0].stats.mainTriangles
                   << " culled on the CPU, " << frames[1].stats.mainTriangles << " with occlusion");
    CHECK(differing == 0);
    CHECK(frames[0].ids == frames[1].ids);
    CHECK(frames[1].stats.mainTriangles < frames[0].stats.mainTriangles * 9 / 10);
    CHECK(context.validationCounts().total() == 0);
}

TEST_CASE("a resized frame culled on the GPU builds its pyramid anew and still shows everything",
          "[render][culling][occlusion]") {
    // The window's resize: new targets and a new pyramid, which each frame slot's culling set
    // takes up the next time it records; what was seen at the old size stays the first phase's.
    const ct::twin::Scenario& scenario = ct::test::abilene();
    const ct::campus::CampusScene& campus = buildOut();
    const auto camera = ct::campus::scenarioCamera(scenario, "street", campus.scene.bounds);
    REQUIRE(camera);
    const ct::render::Lighting lighting = lightAt("2026-07-15T18:30Z");
    const ct::render::RenderQuality draft = ct::render::renderQuality(ct::render::QualityPreset::Draft);
    ct::vk::Context context({.validation = true, .quiet = true});
    std::vector<ct::render::CapturedFrame> frames;
    for (const ct::render::InstanceCulling culling :
         {ct::render::InstanceCulling::Cpu, ct::render::InstanceCulling::Gpu}) {
        ct::render::RendererOptions options = ct::render::rendererOptions(draft, {320, 180});
        options.culling = culling;
        ct::render::Renderer renderer(context, ct::render::shaderDir(), options);
        renderer.setScene(campus.scene);
        ct::render::OffscreenCapture capture(context, renderer);
        capture.render(*camera, lighting);
        renderer.resize({480, 270});
        for (int frame = 0; frame < 3; ++frame)  // both slots of the ring, and one again
            frames.push_back(capture.render(*camera, lighting));
    }
    for (int frame = 0; frame < 3; ++frame) {
        const ct::render::CapturedFrame& cpu = frames[static_cast<std::size_t>(frame)];
        const ct::render::CapturedFrame& gpu = frames[static_cast<std::size_t>(3 + frame)];
        REQUIRE(gpu.width == 480);
        INFO("frame " << frame << " after the resize");
        CHECK(differingPixels(cpu, gpu) == 0);
        CHECK(gpu.stats.mainTriangles <= cpu.stats.mainTriangles);
    }
    CHECK(frames[5].stats.mainTriangles < frames[2].stats.mainTriangles);
    CHECK(context.validationCounts().total() == 0);
}
