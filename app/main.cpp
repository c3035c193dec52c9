// campus-twin: the one executable. Parses the command line once (command_line.h), runs the
// command asked for, and turns what escapes it into an exit code, here and nowhere else:
// 0 success, 2 bad input or usage, 1 a runtime failure (exit_codes.h).
#include "command_line.h"
#include "campus/exit_codes.h"
#include "heatmap_command.h"
#include "plan_command.h"
#include "render_command.h"
#include "simulate_command.h"
#include "monitor_command.h"
#include "publish_command.h"
#include "tour_command.h"
#include "view_command.h"

#include "vk/check.h"

#include <cstdio>
#include <exception>

namespace {

int run(const ct::app::CommandLine& line) {
    using namespace ct::app;
    using namespace ct::campus;
    if (line.command == "view") return runView(line.global, line.view);
    if (line.command == "render") return runRender(line.global, line.render);
    if (line.command == "simulate") return runSimulate(line.simulate);
    if (line.command == "heatmap") return runHeatmap(line.global, line.heatmap);
    if (line.command == "plan") return runPlan(line.plan);
    if (line.command == "tour") return runTour(line.global, line.tour);
    if (line.command == "publish") return runPublish(line.publish);
    if (line.command == "monitor") return runMonitor(line.monitor);
    std::fprintf(stderr, "campus-twin: unknown command %s\n", line.command.c_str());
    return kExitBadInput;
}

}  // namespace

int main(int argc, char** argv) {
    ct::app::CommandLine line;
    if (const std::optional<int> exit = ct::app::parseCommandLine(argc, argv, line)) return *exit;
    try {
        return run(line);
    } catch (const ct::vk::VulkanError& e) {
        std::fprintf(stderr, "campus-twin: Vulkan error: %s\n", e.what());
        return ct::campus::kExitFailure;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "campus-twin: %s\n", e.what());
        return ct::campus::kExitFailure;
    }
}
