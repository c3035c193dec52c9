// The heat map overlay with either solver: the CPU reference's field, uploaded into the
// coupling's host-visible buffers, draws the same picture as the GPU solver's field buffer.
// Headless, validation on, and not one message.
#include "campus/campus_scene.h"
#include "campus/heat_coupling.h"
#include "render/data_dir.h"
#include "render/image_file.h"
#include "render/offscreen_capture.h"
#include "support/abilene_scenario.h"
#include "support/pixel_difference.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <set>

namespace {

using ct::test::abilene;

// The twin and a coupled field on `backend`, `steps` one-minute steps from a summer afternoon.
struct Run {
    std::unique_ptr<ct::twin::Simulation> simulation;
    std::unique_ptr<ct::campus::HeatCoupling> coupling;
};

Run coupledRun(const ct::campus::CampusScene& campus, ct::campus::FieldBackend backend, ct::vk::Context& context,
               int steps) {
    const ct::twin::Scenario& scenario = abilene();
    Run run;
    run.simulation = std::make_unique<ct::twin::Simulation>(
        scenario, ct::twin::SimulationOptions{.start = *ct::twin::parseIsoUtc("2026-07-15T20:00"),
                                              .step_s = 60.0,
                                              .phase = 1,
                                              .seed = 5,
                                              .preset = ct::twin::WeatherPreset::SummerDesignDay});
    ct::campus::HeatCouplingOptions options;
    options.backend = backend;
    options.cells = 128;
    run.coupling = std::make_unique<ct::campus::HeatCoupling>(scenario, campus, options, &context);
    for (int i = 0; i < steps; ++i) {
        run.coupling->step(*run.simulation, 60.0);
        run.simulation->advance();
    }
    return run;
}

}  // namespace

TEST_CASE("the heat map overlay draws the same picture with the CPU solver as with the GPU solver",
          "[campus][heatmap][render]") {
    const ct::twin::Scenario& scenario = abilene();
    const ct::campus::CampusResult composed = ct::campus::composeCampus(scenario, 1);
    REQUIRE(composed.campus);
    const ct::campus::CampusScene& campus = *composed.campus;
    ct::vk::Context context({.validation = true, .quiet = true});
    {
        ct::render::Renderer renderer(context, ct::render::shaderDir(), {.extent = {480, 270}});
        renderer.setScene(campus.scene);
        ct::render::OffscreenCapture capture(context, renderer);
        const auto camera = ct::campus::scenarioCamera(scenario, "phase1", campus.scene.bounds);
        REQUIRE(camera);
        const auto plain = capture.render(*camera, {});

        Run gpu = coupledRun(campus, ct::campus::FieldBackend::Gpu, context, 45);
        Run cpu = coupledRun(campus, ct::campus::FieldBackend::Cpu, context, 45);
        const double ambient = gpu.simulation->current().weather.ambient_c;
        auto overlayOf = [&](ct::campus::HeatCoupling& coupling) {
            // A range of 2 K, so the plumes show in several colours, their faint edges too.
            ct::render::GroundOverlay overlay = coupling.overlay(ambient, ambient, ambient + 2.0);
            overlay.opacity = 1.0f;
            return overlay;
        };

        const ct::render::GroundOverlay onGpu = overlayOf(*gpu.coupling);
        REQUIRE(onGpu.enabled);
        renderer.setGroundOverlay(onGpu);
        const auto gpuFrame = capture.render(*camera, {});

        const ct::render::GroundOverlay onCpu = overlayOf(*cpu.coupling);
        REQUIRE(onCpu.enabled);
        CHECK(onCpu.values != onGpu.values);
        CHECK(onCpu.bytes == onGpu.bytes);
        // Asked again with no step between, the same buffer: nothing re-uploaded, no new sets.
        CHECK(overlayOf(*cpu.coupling).values == onCpu.values);
        renderer.setGroundOverlay(onCpu);
        const auto cpuFrame = capture.render(*camera, {});

        const std::filesystem::path dir = std::filesystem::path(CT_TEST_OUTPUT_DIR);
        std::filesystem::create_directories(dir);
        CHECK(ct::render::writePng(dir / "heat_overlay_gpu.png", {gpuFrame.width, gpuFrame.height, gpuFrame.rgba})
                  .empty());
        CHECK(ct::render::writePng(dir / "heat_overlay_cpu.png", {cpuFrame.width, cpuFrame.height, cpuFrame.rgba})
                  .empty());

        // The overlay shows: a good part of the picture changed colour from the plain campus.
        const ct::test::ImageDifference shown = ct::test::compareImages(plain.rgba, gpuFrame.rgba, 12);
        INFO("pixels the overlay changed: " << shown.pixels);
        CHECK(shown.pixels > plain.rgba.size() / 4 / 40);
        // And the two solvers' pictures agree to within a level or two of 255 on any pixel.
        const ct::test::ImageDifference solvers = ct::test::compareImages(gpuFrame.rgba, cpuFrame.rgba, 2);
        INFO("GPU vs CPU solver: " << solvers.pixels << " pixels differ by more than 2, largest " << solvers.largest);
        CHECK(solvers.largest <= 3);
        CHECK(solvers.pixels <= plain.rgba.size() / 4 / 1000);

        // More steps with frames in flight between them: the CPU field goes into a buffer no
        // frame is reading, and the ring stays small.
        for (int i = 0; i < 6; ++i) {
            cpu.coupling->step(*cpu.simulation, 60.0);
            cpu.simulation->advance();
            renderer.setGroundOverlay(overlayOf(*cpu.coupling));
            capture.render(*camera, {});
        }
        renderer.setGroundOverlay({});
    }
    context.waitIdle();
    CHECK(context.validationCounts().total() == 0);
}
