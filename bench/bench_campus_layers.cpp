// What the per-node animations and the power-flow lines add to a frame: the Abilene build-out
// (composeCampus phase 4) headless at 1280x720 from the overview camera, in four cases:
//   0  baseline: the campus as composed
//   1  animated: a node-animation vector set every frame, the 10 phase-4 buildings half risen
//      in bare scaffolding (lifted by half their height, clipped at their bottom)
//   2  flows: the twin's power flows (about 27 lines) set every frame, as when the twin steps
//      every frame, with the flow time moving
//   3  both
//   4  moving: the twin's moving parts placed every frame (campus/campus_motion.h: every
//      turbine's nacelle and rotor, every solar row segment about its tube), the clock moving
//      1/30 s a frame, as in the window; the counter `motion_ms` is the CPU time of placing them
//   5  living: case 4 under a drifting cloud layer covering 40 % of the sky (twin/cloud_field.h,
//      its shadows on every surface) with all ten gas units' plumes streaming (render/plume_pass.h)
// Each iteration renders one baseline frame and then one frame of the case, so the ratio
// (case / baseline, the counter `ratio`) is paired frame by frame and holds on a loaded machine;
// the case's frame is the reported time, the paired baseline's the counter `baseline_ms`. Case 0
// pairs the baseline with itself: its ratio shows the noise. One frame = record + submit + wait
// (shadow and main pass), no readback. One renderer, scene and camera serve all cases.
#include "campus/campus_animation.h"
#include "campus/campus_motion.h"
#include "campus/campus_scene.h"
#include "campus/coupled_field.h"
#include "campus/gas_plumes.h"
#include "campus/power_flows.h"
#include "campus/sun_lighting.h"
#include "render/data_dir.h"
#include "render/renderer.h"
#include "twin/scenario_loader.h"
#include "ui/construction_animation.h"
#include "ui/phase_model.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

namespace {

enum Case { Baseline = 0, Animated = 1, Flows = 2, Both = 3, Moving = 4, Living = 5 };
constexpr int kBuildOut = 4;

// The phase-4 buildings half risen in scaffolding. The animator, with phases 1-3 standing, puts
// each phase-4 building in the ground: hidden, lifted down by its height, clipped at its bottom.
// Half of that lift, shown, with nothing solid yet (scaffolding from the lifted bottom up), is
// the look halfway through its rise.
std::vector<ct::render::NodeAnimation> phase4HalfRisen(const ct::twin::Scenario& scenario,
                                                       const ct::campus::CampusScene& campus, int& animatedNodes) {
    ct::ui::PhaseModel phases(scenario);
    phases.showThrough(kBuildOut - 1);
    const ct::ui::ConstructionAnimation sunk(scenario, phases);
    const std::vector<ct::render::NodeAnimation> inGround =
        ct::campus::CampusAnimator(scenario, campus).animations(sunk, ct::ui::LayerSettings{});
    std::set<std::string> phase4;
    for (const ct::twin::Building& building : scenario.buildings)
        if (building.phase == kBuildOut) phase4.insert(building.id);
    std::vector<ct::render::NodeAnimation> result(campus.scene.nodes.size());
    animatedNodes = 0;
    for (std::size_t n = 0; n < result.size(); ++n) {
        if (!phase4.count(ct::campus::entityOfNode(campus.scene, static_cast<int>(n)))) continue;
        const ct::render::NodeAnimation& a = inGround[n];
        const float lift = 0.5f * a.lift_m;
        result[n] = {.lift_m = lift, .clipBelowY = a.clipBelowY, .scaffoldAboveY = a.clipBelowY + lift};
        ++animatedNodes;
    }
    return result;
}

// Everything the cases share, made on first use.
struct OverviewStage {
    std::string error;
    std::unique_ptr<ct::twin::Scenario> scenario;
    std::optional<ct::campus::CampusScene> campus;
    std::unique_ptr<ct::vk::Context> context;
    std::unique_ptr<ct::render::Renderer> renderer;
    std::unique_ptr<ct::render::FrameRing> frames;
    std::optional<ct::render::Camera> camera;
    ct::render::Lighting lighting;
    std::vector<ct::render::NodeAnimation> halfRisen;
    int animatedNodes = 0;
    std::vector<ct::render::FlowLine> flowLines;
    std::size_t flowTriangles = 0;
    double setupSeconds = 0.0;
    float flowTime_s = 0.0f;
    std::unique_ptr<ct::campus::CampusMotion> motion;
    ct::twin::StateSnapshot twinState;
    double motionSeconds = 0.0;  // placing the moving parts, summed over the frames
    int movingFrames = 0;
    std::vector<ct::render::Plume> plumes;  // every gas unit at full output
    ct::twin::StateSnapshot cloudyState;    // twinState under a 40 % cloud cover

    OverviewStage() {
        const auto start = std::chrono::steady_clock::now();
        ct::twin::ScenarioResult loaded = ct::twin::loadScenario(std::string(CT_SCENARIO_DIR) + "/abilene.json");
        if (!loaded.ok()) {
            error = loaded.error;
            return;
        }
        scenario = std::make_unique<ct::twin::Scenario>(std::move(*loaded.scenario));
        ct::campus::CampusResult composed = ct::campus::composeCampus(*scenario, kBuildOut);
        if (!composed.campus) {
            error = composed.error;
            return;
        }
        campus = std::move(composed.campus);
        camera = ct::campus::scenarioCamera(*scenario, "overview", campus->scene.bounds);
        if (!camera) {
            error = "abilene.json has no overview camera";
            return;
        }
        halfRisen = phase4HalfRisen(*scenario, *campus, animatedNodes);
        // The twin run up to a summer afternoon (16:00 local), as `render --layer power_flows` does.
        ct::campus::CoupledFieldOptions twinOnly;
        twinOnly.spinupHours = 1.0;
        const auto twin = ct::campus::runTwin(*scenario, kBuildOut, twinOnly);
        if (!twin) {
            error = twin.problem().message;
            return;
        }
        flowLines = ct::campus::powerFlowLines(*scenario, *campus, (*twin)->current());
        twinState = (*twin)->current();
        motion = std::make_unique<ct::campus::CampusMotion>(*campus);
        cloudyState = twinState;
        cloudyState.clouds = ct::twin::cloudLayerFor(7u, 0.3, {}, 60.0, 8.0, 200.0);
        cloudyState.gasUnits.assign(
            static_cast<std::size_t>(scenario->gasPlant.units),
            {false, true, scenario->gasPlant.unitCapacity_mw, scenario->gasPlant.unitCapacity_mw});
        plumes = ct::campus::GasPlumes(*campus, *scenario).at(cloudyState);
        flowTriangles = ct::render::buildFlowLineMesh(flowLines).indices.size() / 3;
        context = std::make_unique<ct::vk::Context>(ct::vk::ContextOptions{.quiet = true});
        renderer = std::make_unique<ct::render::Renderer>(*context, ct::render::shaderDir(),
                                                          ct::render::RendererOptions{.extent = {1280, 720}});
        renderer->setScene(campus->scene);
        frames = std::make_unique<ct::render::FrameRing>(*context);
        setupSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    }

    // Sets up the renderer for `which`, renders one frame and returns its seconds.
    double frame(Case which, ct::render::FrameStats& stats) {
        const auto start = std::chrono::steady_clock::now();
        const bool animated = which == Animated || which == Both;
        const bool flows = which == Flows || which == Both;
        ct::render::Lighting light = lighting;
        const bool living = which == Living;
        renderer->setPlumes(living ? std::span<const ct::render::Plume>(plumes) : std::span<const ct::render::Plume>());
        if (living) {
            light.clouds = ct::campus::cloudLayerAt(cloudyState, static_cast<double>(cloudyState.time) + flowTime_s);
            light.clock_s = flowTime_s;
        }
        if (which == Moving || living) {
            const auto placing = std::chrono::steady_clock::now();
            std::vector<ct::render::NodeAnimation> animations(campus->scene.nodes.size());
            motion->apply(twinState, static_cast<double>(twinState.time) + flowTime_s, animations);
            renderer->setNodeAnimations(std::move(animations));
            motionSeconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - placing).count();
            ++movingFrames;
        } else {
            renderer->setNodeAnimations(animated ? halfRisen : std::vector<ct::render::NodeAnimation>{});
        }
        renderer->setFlowLines(flows ? std::span<const ct::render::FlowLine>(flowLines)
                                     : std::span<const ct::render::FlowLine>());
        flowTime_s += 1.0f / 30.0f;
        renderer->setFlowTime(flowTime_s);
        ct::render::Frame& f = frames->begin();
        stats = renderer->record(f, *camera, light);
        context->waitFor(frames->submit(f));
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    }
};

OverviewStage& stage() {
    static OverviewStage s;
    return s;
}

void campusLayersFrame(benchmark::State& state) {
    const Case which = static_cast<Case>(state.range(0));
    OverviewStage& s = stage();
    if (!s.error.empty()) {
        state.SkipWithError(s.error.c_str());
        return;
    }
    static const char* const kNames[] = {"baseline", "animated", "flows", "animated+flows", "moving", "living"};
    state.SetLabel(kNames[which]);
    ct::render::FrameStats stats;
    s.frame(Baseline, stats);  // warm-up of both kinds
    s.frame(which, stats);
    double baseline_s = 0.0;
    double case_s = 0.0;
    for (auto _ : state) {
        baseline_s += s.frame(Baseline, stats);
        const double seconds = s.frame(which, stats);
        case_s += seconds;
        state.SetIterationTime(seconds);
    }
    const double frames = static_cast<double>(state.iterations());
    state.counters["baseline_ms"] = 1000.0 * baseline_s / frames;
    state.counters["ratio"] = case_s / baseline_s;
    state.counters["draw_calls"] = stats.drawCalls;
    state.counters["drawn"] = static_cast<double>(stats.visibleInstances);
    const bool animated = which == Animated || which == Both;
    const bool flows = which == Flows || which == Both;
    state.counters["nodes"] = static_cast<double>(s.campus->scene.nodes.size());
    state.counters["animated_nodes"] = animated ? s.animatedNodes : 0;
    state.counters["flow_lines"] = flows ? static_cast<double>(s.flowLines.size()) : 0.0;
    state.counters["flow_triangles"] = flows ? static_cast<double>(s.flowTriangles) : 0.0;
    state.counters["setup_s"] = s.setupSeconds;
    if (which == Living) state.counters["plumes"] = stats.plumes;
    if (which == Moving || which == Living)
        state.counters["motion_ms"] = 1000.0 * s.motionSeconds / std::max(s.movingFrames, 1);
}

}  // namespace

BENCHMARK(campusLayersFrame)
    ->DenseRange(Baseline, Living)
    ->Unit(benchmark::kMillisecond)
    ->UseManualTime()
    ->MinTime(1.0)
    ->Repetitions(3)
    ->ReportAggregatesOnly(true);
