// The campus at each phase, headless at 1920x1080 from the overview camera: the time to load
// and compose it, and the frame time (median of 3 repetitions after a warm-up frame), with draw
// calls and instances drawn. Draw calls must stay flat as panels grow.
#include "campus/campus_scene.h"
#include "render/data_dir.h"
#include "render/renderer.h"
#include "twin/scenario_loader.h"

#include <benchmark/benchmark.h>

#include <chrono>

namespace {

void campusFrame(benchmark::State& state) {
    const int phase = static_cast<int>(state.range(0));
    const ct::twin::ScenarioResult loaded = ct::twin::loadScenario(std::string(CT_SCENARIO_DIR) + "/abilene.json");
    if (!loaded.ok()) {
        state.SkipWithError(loaded.error.c_str());
        return;
    }
    const auto composeStart = std::chrono::steady_clock::now();
    const ct::campus::CampusResult composed = ct::campus::composeCampus(*loaded.scenario, phase);
    if (!composed.campus) {
        state.SkipWithError(composed.error.c_str());
        return;
    }
    ct::vk::Context context({.quiet = true});
    ct::render::Renderer renderer(context, ct::render::shaderDir(), {.extent = {1920, 1080}});
    renderer.setScene(composed.campus->scene);
    const double loadSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - composeStart).count();
    const auto camera = ct::campus::scenarioCamera(*loaded.scenario, "overview", composed.campus->scene.bounds);
    ct::render::FrameRing frames(context);
    const ct::render::Lighting lighting;
    auto renderOne = [&] {
        ct::render::Frame& frame = frames.begin();
        const ct::render::FrameStats stats = renderer.record(frame, *camera, lighting);
        context.waitFor(frames.submit(frame));
        return stats;
    };
    ct::render::FrameStats stats = renderOne();
    for (auto _ : state)
        stats = renderOne();
    state.counters["load_and_upload_s"] = loadSeconds;
    state.counters["draw_calls"] = stats.drawCalls;
    state.counters["instances"] = static_cast<double>(stats.instances);
    state.counters["drawn"] = static_cast<double>(stats.visibleInstances);
    state.counters["panels"] = static_cast<double>(composed.campus->panelCount);
}

}  // namespace

BENCHMARK(campusFrame)
    ->DenseRange(1, 4)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->MinTime(1.0)
    ->Repetitions(3)
    ->ReportAggregatesOnly(true);
