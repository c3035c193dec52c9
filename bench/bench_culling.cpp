// Instance culling of the Build-out from the overview at 1920x1080:
// - instanceCulling: the CPU path (render::collectVisibleInstances) against the GPU pass that
//   mirrors it (render::GpuCulling, run once and read back: the upload of its per-frame inputs,
//   the dispatch, the wait and the readback included). Ratio: GPU over CPU.
// - culledFrame/<camera>: whole draft frames (record, submit, wait) from the overview (0) and the
//   street (1) drawn from the CPU's lists, from the GPU's indirect draws, and from the GPU's with
//   occlusion culling (its two phases), one of each per iteration on the same device (shadows
//   redrawn every frame). Ratio: GPU-culled with occlusion over CPU-culled; counters: each path's
//   frame, CPU recording time and main-pass triangles.
#include "campus/campus_options.h"
#include "campus/campus_scene.h"
#include "campus/sun_lighting.h"
#include "render/data_dir.h"
#include "render/gpu_culling.h"
#include "render/render_quality.h"
#include "render/renderer.h"
#include "twin/civil_time.h"
#include "twin/scenario_loader.h"

#include <benchmark/benchmark.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>

namespace {

struct BuildOut {
    ct::twin::ScenarioResult loaded;
    ct::campus::CampusResult composed;
};

// The Abilene scenario and its Build-out (phase 4) composed; nothing, the benchmark skipped
// with the reason, where either fails.
std::optional<BuildOut> loadBuildOut(benchmark::State& state) {
    BuildOut out{ct::twin::loadScenario(std::string(CT_SCENARIO_DIR) + "/abilene.json"), {}};
    if (!out.loaded.ok()) {
        state.SkipWithError(out.loaded.error.c_str());
        return std::nullopt;
    }
    out.composed = ct::campus::composeCampus(*out.loaded.scenario, 4);
    if (!out.composed.campus) {
        state.SkipWithError(out.composed.error.c_str());
        return std::nullopt;
    }
    return out;
}

void instanceCulling(benchmark::State& state) {
    const std::optional<BuildOut> buildOut = loadBuildOut(state);
    if (!buildOut) return;
    const ct::twin::ScenarioResult& loaded = buildOut->loaded;
    const ct::campus::CampusResult& composed = buildOut->composed;
    ct::vk::Context context({.quiet = true});
    ct::render::Renderer renderer(context, ct::render::shaderDir(), {.extent = {1920, 1080}});
    renderer.setScene(composed.campus->scene);
    const ct::render::GpuScene& scene = *renderer.gpuScene();
    ct::render::GpuCulling culling(context, ct::render::shaderDir(), scene);
    const auto camera = ct::campus::scenarioCamera(*loaded.scenario, "overview", composed.campus->scene.bounds);
    const glm::mat4 projection = camera->projection(1920.0f / 1080.0f);
    const ct::render::Frustum frustum = ct::render::Frustum::fromViewProjection(projection * camera->view());
    const ct::render::DetailView detail = ct::render::detailViewOf(*camera, projection, 1080);
    std::vector<char> nodeDrawn;
    ct::render::selectLevelsOfDetail(scene, detail, nodeDrawn);
    ct::render::LevelSelection levels;
    levels.update(scene, detail);
    std::vector<std::uint32_t> list;
    std::vector<ct::render::InstanceRange> ranges;
    const auto seconds = [](auto&& work) {
        const auto start = std::chrono::steady_clock::now();
        work();
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    };
    double cpu = 0.0, gpu = 0.0;
    std::size_t listed = 0;
    for (auto _ : state) {
        cpu += seconds([&] {
            list.clear();
            ct::render::collectVisibleInstances(scene, nodeDrawn, levels.levels(), frustum, list, ranges);
        });
        const double once = seconds([&] {
            listed = 0;
            for (const auto& group : culling.run({nodeDrawn, levels.levels(), frustum, 0.0f, {}}))
                listed += group.size();
        });
        gpu += once;
        state.SetIterationTime(once);
    }
    const double n = static_cast<double>(state.iterations());
    state.counters["cpu_ms"] = 1e3 * cpu / n;
    state.counters["gpu_ms"] = 1e3 * gpu / n;
    state.counters["ratio"] = gpu / cpu;
    state.counters["chunks"] = static_cast<double>(culling.chunkCount());
    state.counters["listed_cpu"] = static_cast<double>(list.size());
    state.counters["listed_gpu"] = static_cast<double>(listed);
}

void culledFrame(benchmark::State& state) {
    const std::optional<BuildOut> buildOut = loadBuildOut(state);
    if (!buildOut) return;
    const ct::twin::ScenarioResult& loaded = buildOut->loaded;
    const ct::campus::CampusResult& composed = buildOut->composed;
    const char* view = state.range(0) == 0 ? "overview" : "street";
    const auto camera = ct::campus::scenarioCamera(*loaded.scenario, view, composed.campus->scene.bounds);
    ct::render::Lighting lighting =
        ct::campus::stillLighting(ct::campus::LightingOptions{}, loaded.scenario->site,
                                  static_cast<double>(*ct::twin::parseIsoUtc("2026-07-16T00:30")));
    ct::vk::Context context({.quiet = true});
    if (!context.indirectDrawing()) {
        state.SkipWithError("the device cannot draw indirect with counts");
        return;
    }
    ct::render::FrameRing frames(context);
    const ct::render::RenderQuality draft = ct::render::renderQuality(ct::render::QualityPreset::Draft);
    std::vector<std::unique_ptr<ct::render::Renderer>> renderers;
    for (int path = 0; path < 3; ++path) {
        ct::render::RendererOptions options = ct::render::rendererOptions(draft, {1920, 1080});
        options.culling = path == 0 ? ct::render::InstanceCulling::Cpu : ct::render::InstanceCulling::Gpu;
        options.occlusionCulling = path == 2;
        renderers.push_back(std::make_unique<ct::render::Renderer>(context, ct::render::shaderDir(), options));
        renderers.back()->setShadowCaching(false);
        renderers.back()->setScene(composed.campus->scene);
    }
    double frame[3] = {0, 0, 0}, recording[3] = {0, 0, 0};
    std::uint64_t triangles[3] = {0, 0, 0};
    const auto draw = [&](std::size_t path) {
        const auto start = std::chrono::steady_clock::now();
        ct::render::Frame& f = frames.begin();
        ct::render::FrameStats stats = renderers[path]->record(f, *camera, lighting);
        const auto recorded = std::chrono::steady_clock::now();
        context.waitFor(frames.submit(f));
        const auto end = std::chrono::steady_clock::now();
        renderers[path]->completeStats(f.slot, stats);
        triangles[path] = stats.mainTriangles;
        recording[path] += std::chrono::duration<double>(recorded - start).count();
        const double seconds = std::chrono::duration<double>(end - start).count();
        frame[path] += seconds;
        return seconds;
    };
    // The first frame of each compiles and touches what later frames reuse (and, with occlusion,
    // sees everything before it has seen anything).
    for (std::size_t path = 0; path < 3; ++path)
        draw(path);
    for (std::size_t path = 0; path < 3; ++path)
        frame[path] = recording[path] = 0.0;
    for (auto _ : state) {
        draw(0);
        draw(1);
        state.SetIterationTime(draw(2));
    }
    const double n = static_cast<double>(state.iterations());
    const char* names[3] = {"cpu", "gpu", "occlusion"};
    for (std::size_t path = 0; path < 3; ++path) {
        state.counters[std::string(names[path]) + "_ms"] = 1e3 * frame[path] / n;
        state.counters[std::string(names[path]) + "_record_ms"] = 1e3 * recording[path] / n;
        state.counters[std::string(names[path]) + "_triangles"] = static_cast<double>(triangles[path]);
    }
    state.counters["ratio"] = frame[2] / frame[0];
}

}  // namespace

BENCHMARK(instanceCulling)->Unit(benchmark::kMillisecond)->UseManualTime()->MinTime(1.0)->Repetitions(3);
BENCHMARK(culledFrame)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(6)->Repetitions(2);
