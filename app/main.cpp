// campus-twin: the one executable. Parses the command line once (command_line.h), runs the
// command asked for, and turns how it ended into the exit code, here and nowhere else:
// 0 done, 2 bad input or usage, 1 a runtime failure (README, "Exit codes"). Commands return a
// campus::Outcome whose problem is one line; it is printed here, once, naming the command.
#include "command_line.h"
#include "export_command.h"
#include "heatmap_command.h"
#include "monitor_command.h"
#include "plan_command.h"
#include "publish_command.h"
#include "render_command.h"
#include "simulate_command.h"
#include "tour_command.h"
#include "view_command.h"

#include "vk/check.h"

#include <cstdio>
#include <exception>
#include <string>

namespace {

constexpr int kExitDone = 0;
constexpr int kExitFailure = 1;
constexpr int kExitBadInput = 2;

ct::campus::Outcome run(const ct::app::CommandLine& line) {
    using namespace ct::app;
    if (line.command == "view") return runView(line.global, line.view);
    if (line.command == "render") return runRender(line.global, line.render);
    if (line.command == "simulate") return runSimulate(line.simulate);
    if (line.command == "heatmap") return runHeatmap(line.global, line.heatmap);
    if (line.command == "plan") return runPlan(line.plan);
    if (line.command == "tour") return runTour(line.global, line.tour);
    if (line.command == "publish") return runPublish(line.publish);
    if (line.command == "monitor") return runMonitor(line.monitor);
    if (line.command == "export") return runExport(line.exportCampus);
    return ct::campus::badInput("unknown command " + line.command);
}

int exitCode(const ct::campus::Outcome& outcome, const std::string& command) {
    if (outcome) return kExitDone;
    const ct::campus::Problem& problem = outcome.problem();
    std::fprintf(stderr, "campus-twin%s%s: %s\n", command.empty() ? "" : " ", command.c_str(), problem.message.c_str());
    return problem.kind == ct::campus::Stop::BadInput ? kExitBadInput : kExitFailure;
}

}  // namespace

int main(int argc, char** argv) {
    ct::app::CommandLine line;
    if (const std::optional<ct::campus::Outcome> stop = ct::app::parseCommandLine(argc, argv, line))
        return exitCode(*stop, "");
    try {
        return exitCode(run(line), line.command);
    } catch (const ct::vk::VulkanError& e) {
        return exitCode(ct::campus::failure(std::string("Vulkan error: ") + e.what()), line.command);
    } catch (const std::exception& e) {
        return exitCode(ct::campus::failure(e.what()), line.command);
    }
}
