// What each quality preset costs (render/render_quality.h): the Abilene build-out (composeCampus
// phase 4) headless at 1920x1080 from the overview camera at golden hour (2026-07-16 00:30 UTC,
// 19:30 local), atmosphere and shadows on, in three cases:
//   0  draft         1 sample per pixel, 2048 shadow map
//   1  standard      4x MSAA
//   2  presentation  4x MSAA, 4096 shadow map, rendered at 3840x2160 (2x2 supersampling; the
//                    CPU's shrink to 1080p is not counted)
// Each iteration renders one draft frame and then one frame of the case on the same device, so
// the ratio (case / draft, the counter `ratio`) is paired frame by frame and holds on a loaded
// machine. Counters `<pass>_ms` are the case's GPU time per pass (timestamps), averaged.
// One frame = record + submit + wait, no readback.
#include "campus/campus_options.h"
#include "campus/campus_scene.h"
#include "campus/sun_lighting.h"
#include "render/data_dir.h"
#include "render/frame_report.h"
#include "render/render_quality.h"
#include "render/renderer.h"
#include "twin/civil_time.h"
#include "twin/scenario_loader.h"

#include <benchmark/benchmark.h>

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>

namespace {

constexpr int kBuildOut = 4;
constexpr VkExtent2D k1080p{1920, 1080};

std::unique_ptr<ct::render::Renderer> makeRenderer(ct::vk::Context& context, ct::render::QualityPreset preset) {
    const ct::render::RenderQuality q = ct::render::renderQuality(preset);
    return std::make_unique<ct::render::Renderer>(
        context, ct::render::shaderDir(),
        ct::render::rendererOptions(q, {k1080p.width * q.supersample, k1080p.height * q.supersample}));
}

struct QualityStage {
    std::string error;
    std::optional<ct::campus::CampusScene> campus;
    std::unique_ptr<ct::vk::Context> context;
    std::unique_ptr<ct::render::FrameRing> frames;
    std::map<ct::render::QualityPreset, std::unique_ptr<ct::render::Renderer>> renderers;
    std::optional<ct::render::Camera> camera;
    ct::render::Lighting lighting;

    QualityStage() {
        ct::twin::ScenarioResult loaded = ct::twin::loadScenario(std::string(CT_SCENARIO_DIR) + "/abilene.json");
        if (!loaded.ok()) {
            error = loaded.error;
            return;
        }
        const ct::twin::Scenario& scenario = *loaded.scenario;
        ct::campus::CampusResult composed = ct::campus::composeCampus(scenario, kBuildOut);
        if (!composed.campus) {
            error = composed.error;
            return;
        }
        campus = std::move(composed.campus);
        camera = ct::campus::scenarioCamera(scenario, "overview", campus->scene.bounds);
        if (!camera) {
            error = "abilene.json has no overview camera";
            return;
        }
        lighting = ct::campus::stillLighting(ct::campus::LightingOptions{}, scenario.site,
                                             static_cast<double>(*ct::twin::parseIsoUtc("2026-07-16T00:30")));
        if (campus->groundAlbedo) lighting.groundColor = *campus->groundAlbedo;
        context = std::make_unique<ct::vk::Context>(ct::vk::ContextOptions{.quiet = true});
        frames = std::make_unique<ct::render::FrameRing>(*context);
        for (const auto preset : {ct::render::QualityPreset::Draft, ct::render::QualityPreset::Standard,
                                  ct::render::QualityPreset::Presentation}) {
            renderers[preset] = makeRenderer(*context, preset);
            // Whole frames: the same still view would otherwise reuse its shadow map.
            renderers[preset]->setShadowCaching(false);
            renderers[preset]->setScene(campus->scene);
        }
    }

    // One frame with `preset`'s renderer: its seconds, and its GPU time per pass.
    double frame(ct::render::QualityPreset preset, std::vector<ct::render::PassTime>& passes) {
        ct::render::Renderer& renderer = *renderers.at(preset);
        const auto start = std::chrono::steady_clock::now();
        ct::render::Frame& f = frames->begin();
        ct::render::FrameStats stats = renderer.record(f, *camera, lighting);
        context->waitFor(frames->submit(f));
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        renderer.completeStats(f.slot, stats);
        passes = std::move(stats.passes);
        return seconds;
    }
};

QualityStage& stage() {
    static QualityStage s;
    return s;
}

void qualityPresetFrame(benchmark::State& state) {
    const auto preset = static_cast<ct::render::QualityPreset>(state.range(0));
    QualityStage& s = stage();
    if (!s.error.empty()) {
        state.SkipWithError(s.error.c_str());
        return;
    }
    state.SetLabel(ct::render::presetName(preset));
    std::vector<ct::render::PassTime> passes;
    s.frame(ct::render::QualityPreset::Draft, passes);  // warm-up of both
    s.frame(preset, passes);
    double draft_s = 0.0;
    double case_s = 0.0;
    std::map<std::string, double> passMs;
    for (auto _ : state) {
        draft_s += s.frame(ct::render::QualityPreset::Draft, passes);
        const double seconds = s.frame(preset, passes);
        for (const ct::render::PassTime& pass : passes)
            passMs[ct::render::reportedPassName(pass.name)] += pass.ms;
        case_s += seconds;
        state.SetIterationTime(seconds);
    }
    const double frames = static_cast<double>(state.iterations());
    state.counters["draft_ms"] = 1000.0 * draft_s / frames;
    state.counters["ratio"] = case_s / draft_s;
    for (const auto& [name, ms] : passMs)
        state.counters[name + "_ms"] = ms / frames;
    state.counters["samples"] = static_cast<double>(s.renderers.at(preset)->samples());
}

}  // namespace

BENCHMARK(qualityPresetFrame)
    ->DenseRange(0, 2)
    ->Unit(benchmark::kMillisecond)
    ->UseManualTime()
    ->MinTime(2.0)
    ->Repetitions(3)
    ->ReportAggregatesOnly(true);
