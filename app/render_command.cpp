#include "render_command.h"

#include "campus/power_flows.h"

#include "campus/campus_motion.h"
#include "campus/campus_scene.h"
#include "campus/coupled_field.h"
#include "campus/gas_plumes.h"
#include "campus/scene_output.h"
#include "campus/sun_lighting.h"
#include "twin/civil_time.h"
#include "twin/scenario_loader.h"

#ifdef CT_HAVE_UI
#include "campus/campus_window.h"
#include "window/viewer.h"
#endif

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

namespace ct::app {

using namespace ct::campus;  // the campus library these commands call

Outcome runRender(const GlobalOptions& global, const RenderOptions& o) {
    const twin::ScenarioResult loaded = twin::loadScenario(o.scenario);
    if (!loaded.ok()) return badInput(loaded.error);
    const twin::Scenario& scenario = *loaded.scenario;
    const Result<int> chosen = phaseOption(scenario, o.phase, o.scenario);
    if (!chosen) return chosen.problem();
    const int phase = *chosen;
    if (!o.select.empty() && std::none_of(scenario.buildings.begin(), scenario.buildings.end(),
                                          [&](const twin::Building& b) { return b.id == o.select; }))
        return badInput("--select " + o.select + ": no such building in " + o.scenario);
    // --time sets the sun of a still as well as the time of its data layers.
    // --time may carry a fraction of a second (a frame of a video): the twin and its field run to
    // the whole second before it, the sun and the moving parts stand at the moment itself.
    CoupledFieldOptions field = o.field;
    const std::optional<double> moment = twin::parseIsoUtcMoment(o.field.time);
    if (moment) field.time = twin::formatIsoUtc(static_cast<twin::UtcSeconds>(std::floor(*moment)));
    if (const std::string error = coupledFieldError(field); !error.empty()) return badInput(error);
    const double time = moment ? *moment : static_cast<double>(*twin::parseIsoUtc(field.time));
#ifdef CT_HAVE_UI
    // No --out and a display: the live campus with its panels.
    if (o.out.empty() && o.pick.empty() && window::displayAvailable()) {
        CampusWindowLaunch launch;
        launch.title = "Campus Twin - " + scenario.name;
        launch.width = o.width;
        launch.height = o.height;
        launch.frames = o.frames;
        launch.seconds = o.seconds;
        launch.stats = o.stats;
        launch.quality = render::parseQualityPreset(o.quality);
        launch.phase = phase;
        launch.camera = o.camera;
        launch.uiScale = o.uiScale;
        launch.presentation = o.presentation;
        launch.tourFile = o.tour;
        launch.select = o.select;
        launch.monitor = o.monitor;
        launch.heatmap = o.layer == "heatmap";
        launch.fieldBackend = field.backend;
        launch.powerFlows = o.layer == "power_flows";
        launch.colormap = o.colormap;
        launch.telemetry = o.telemetry;
        launch.broker = o.broker;
        launch.replay = o.replay;
        return openCampusWindow(global, scenario, launch);
    }
#endif
    if (!o.telemetry.empty()) return badInput("--telemetry needs the window (a display, no --out or --pick)");
    const auto started = std::chrono::steady_clock::now();
    const bool twinTrackers = std::isnan(o.trackerTilt_deg);
    CampusResult composed = composeCampus(scenario, phase, {.trackerTilt_deg = twinTrackers ? 0.0 : o.trackerTilt_deg});
    if (!composed.campus) return badInput(composed.error);
    const CampusScene& campus = *composed.campus;
    const double loadSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::fprintf(stderr, "%s, %s: %d buildings, %zu solar panels, %d turbines; composed in %.2f s\n",
                 scenario.name.c_str(), scenario.phases[phase - 1].name.c_str(), campus.buildingCount,
                 campus.panelCount, campus.turbineCount, loadSeconds);

    const auto camera = scenarioCamera(scenario, o.camera, campus.scene.bounds);
    if (!camera) {
        std::string names;
        for (const twin::Camera& c : scenario.cameras)
            names += (names.empty() ? "" : ", ") + c.name;
        return badInput("--camera " + o.camera + ": no such camera in " + o.scenario + " (it has: " + names + ")");
    }
    OutputOptions output;
    output.out = o.out;
    output.defaultName = "campus_phase" + std::to_string(phase) + "_" + o.camera;
    output.title = "Campus Twin - " + scenario.name + " - " + scenario.phases[phase - 1].name;
    output.width = o.width;
    output.height = o.height;
    output.tileSize = o.tileSize;
    output.pick = o.pick;
    output.frames = o.frames;
    output.stats = o.stats;
    output.quality = render::parseQualityPreset(o.quality);
    output.lamps = campus.lamps;
    output.describePick = [&](int node, int instance) {
        return "entity \"" + entityOfNode(campus.scene, node) + "\" node \"" + campus.scene.nodes[node].name +
               "\" instance " + std::to_string(instance);
    };
    // The twin's moving parts (rotors, nacelles) where they stand at --time: the twin run over the
    // hour before it (time enough for the nacelles to have turned into the wind) up to its last
    // step at or before --time, on the steps' grid, so that two times within a step see the same
    // run and differ only by the time since its step.
    CoupledFieldOptions twinOnly = field;
    twinOnly.spinupHours = std::min(twinOnly.spinupHours, 1.0);
    twinOnly.time = twin::formatIsoUtc(static_cast<twin::UtcSeconds>(std::floor(time / field.step_s) * field.step_s));
    render::Lighting lighting = stillLighting(o.lighting, scenario.site, time);
    if (Result<std::unique_ptr<twin::Simulation>> ran = runTwin(scenario, phase, twinOnly)) {
        CampusMotion(campus, {.trackers = twinTrackers}).apply((*ran)->current(), time, output.animations);
        lighting.clouds = cloudLayerAt((*ran)->current(), time);
        output.plumes = GasPlumes(campus, scenario).at((*ran)->current());
        const twin::CloudLayer& clouds = (*ran)->current().clouds;
        std::fprintf(stderr, "clouds: %.0f %% of the sky, a core taking %.0f %% of the light, drifting %.1f m/s\n",
                     100.0 * clouds.cover, 100.0 * clouds.coreLoss,
                     std::hypot(clouds.velocityX_ms, clouds.velocityZ_ms));
    }
    if (campus.groundAlbedo) lighting.groundColor = *campus.groundAlbedo;
    const SunAngles sun = sunAnglesAt(scenario.site, time);
    std::fprintf(stderr, "sun at %s: elevation %.1f, azimuth %.1f degrees (the twin's, for the site)%s\n",
                 twin::formatIsoUtc(static_cast<twin::UtcSeconds>(time)).c_str(), sun.elevation_deg, sun.azimuth_deg,
                 std::isnan(o.lighting.sunElevation) && std::isnan(o.lighting.sunAzimuth)
                     ? ""
                     : "; --sun-elevation/--sun-azimuth override it");
    if (o.layer == "heatmap") {
        // Here the field is prepared on the headless renderer's device. The window (above) runs
        // its own coupled field; a build without the UI has no window that could show it.
        output.needsHeadless = true;
        output.prepareRenderer = [&](vk::Context& context, render::Renderer& renderer) -> std::shared_ptr<void> {
            // The solver by --backend and this device (auto: the CPU reference on a CPU device);
            // either way the overlay reads the field from a buffer on this device.
            Result<std::unique_ptr<CoupledField>> computed = runCoupledField(scenario, campus, phase, field, &context);
            // The options were checked before anything was composed.
            if (!computed) throw std::logic_error(computed.problem().message);
            std::shared_ptr<CoupledField> run = std::move(*computed);
            const double ambient = run->simulation->current().weather.ambient_c;
            render::GroundOverlay overlay = run->coupling->overlay(ambient, ambient, ambient + 6.0);
            overlay.colormap = *render::parseColormap(o.colormap);
            renderer.setGroundOverlay(overlay);
            std::fprintf(stderr, "heat map at %s: ambient %.1f C, colour range %.1f .. %.1f C; %s\n",
                         twin::formatIsoUtc(run->simulation->current().time).c_str(), ambient, overlay.rangeMin,
                         overlay.rangeMax, describe(run->solver).c_str());
            if (o.stats) std::fprintf(stderr, "%s\n", fieldStats(*run).c_str());
            return run;
        };
    }
    if (o.layer == "power_flows") {
        output.needsHeadless = true;
        output.prepareRenderer = [&](vk::Context&, render::Renderer& renderer) -> std::shared_ptr<void> {
            // The twin run up to --time as for the heat map, without the field.
            CoupledFieldOptions twinOnly = field;
            twinOnly.spinupHours = std::min(twinOnly.spinupHours, 1.0);
            Result<std::unique_ptr<twin::Simulation>> ran = runTwin(scenario, phase, twinOnly);
            if (!ran) throw std::logic_error(ran.problem().message);  // checked before, as above
            std::shared_ptr<twin::Simulation> sim = std::move(*ran);
            const std::vector<render::FlowLine> lines = powerFlowLines(scenario, campus, sim->current());
            renderer.setFlowLines(lines);
            const twin::CampusKpis& k = sim->current().campus;
            std::fprintf(stderr,
                         "power flows at %s: %zu lines; solar %.0f, wind %.0f, gas %.0f, grid %.0f, battery %.0f MW "
                         "-> facility %.0f MW\n",
                         twin::formatIsoUtc(sim->current().time).c_str(), lines.size(), k.solar_mw, k.wind_mw, k.gas_mw,
                         k.grid_mw, k.battery_mw, k.facility_mw);
            return sim;
        };
    }
    return showScene(global, campus.scene, *camera, lighting, output);
}

}  // namespace ct::app
