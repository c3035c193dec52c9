// campus-twin: the one executable and the composition root. Parses the command line and wires
// the engine (and, as they arrive, the twin and the UI) together for each subcommand.
#include "exit_codes.h"
#include "heatmap_command.h"
#include "plan_command.h"
#include "render_command.h"
#include "simulate_command.h"
#include "telemetry_command.h"
#include "tour_command.h"
#include "view_command.h"

#include "vk/check.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <exception>

int main(int argc, char** argv) {
    CLI::App app{"Campus Twin: a digital twin of an AI data-center campus, rendered with Vulkan.", "campus-twin"};
    app.require_subcommand(1);
    ct::app::GlobalOptions global;
    app.add_flag("--validate", global.validate, "Enable the Khronos validation layer and report its messages");
    app.add_option("--device", global.device, "Use Vulkan physical device N (see the device list printed at start)")
        ->check(CLI::NonNegativeNumber);
    ct::app::ViewOptions view;
    ct::app::addViewCommand(app, view);
    ct::app::RenderOptions render;
    ct::app::addRenderCommand(app, render);
    ct::app::SimulateOptions simulate;
    ct::app::addSimulateCommand(app, simulate);
    ct::app::HeatmapOptions heatmap;
    ct::app::addHeatmapCommand(app, heatmap);
    ct::app::PlanOptions plan;
    ct::app::addPlanCommand(app, plan);
    ct::app::TourOptions tour;
    ct::app::addTourCommand(app, tour);
    ct::app::PublishOptions publish;
    ct::app::addPublishCommand(app, publish);
    ct::app::MonitorOptions monitor;
    ct::app::addMonitorCommand(app, monitor);

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::fprintf(stderr, "campus-twin: %s\n", e.what());
        return ct::app::kExitBadInput;
    }

    try {
        if (app.got_subcommand("view")) return ct::app::runView(global, view);
        if (app.got_subcommand("render")) return ct::app::runRender(global, render);
        if (app.got_subcommand("simulate")) return ct::app::runSimulate(simulate);
        if (app.got_subcommand("heatmap")) return ct::app::runHeatmap(global, heatmap);
        if (app.got_subcommand("plan")) return ct::app::runPlan(plan);
        if (app.got_subcommand("tour")) return ct::app::runTour(global, tour);
        if (app.got_subcommand("publish")) return ct::app::runPublish(publish);
        if (app.got_subcommand("monitor")) return ct::app::runMonitor(monitor);
    } catch (const ct::vk::VulkanError& e) {
        std::fprintf(stderr, "campus-twin: Vulkan error: %s\n", e.what());
        return ct::app::kExitFailure;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "campus-twin: %s\n", e.what());
        return ct::app::kExitFailure;
    }
    return ct::app::kExitOk;
}
