// Instance culling of the Build-out from the overview at 1920x1080: the CPU path
// (render::collectVisibleInstances, what the renderer draws from) against the GPU pass that
// mirrors it (render::GpuCulling, run once and read back: the upload of its per-frame inputs, the
// dispatch, the wait and the readback included). Ratio: GPU over CPU, measured in the same run.
#include "campus/campus_scene.h"
#include "render/data_dir.h"
#include "render/gpu_culling.h"
#include "render/renderer.h"
#include "twin/scenario_loader.h"

#include <benchmark/benchmark.h>

#include <chrono>

namespace {

void instanceCulling(benchmark::State& state) {
    const ct::twin::ScenarioResult loaded = ct::twin::loadScenario(std::string(CT_SCENARIO_DIR) + "/abilene.json");
    if (!loaded.ok()) {
        state.SkipWithError(loaded.error.c_str());
        return;
    }
    const ct::campus::CampusResult composed = ct::campus::composeCampus(*loaded.scenario, 4);
    if (!composed.campus) {
        state.SkipWithError(composed.error.c_str());
        return;
    }
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

}  // namespace

BENCHMARK(instanceCulling)->Unit(benchmark::kMillisecond)->UseManualTime()->MinTime(1.0)->Repetitions(3);
