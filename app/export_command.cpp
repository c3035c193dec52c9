#include "export_command.h"

#include "campus/campus_export.h"
#include "campus/campus_scene.h"
#include "twin/scenario_loader.h"

#include <cstdio>
#include <filesystem>

namespace ct::app {

using namespace ct::campus;  // the campus library these commands call

Outcome runExport(const ExportOptions& o) {
    const twin::ScenarioResult loaded = twin::loadScenario(o.scenario);
    if (!loaded.ok()) return badInput(loaded.error);
    const twin::Scenario& scenario = *loaded.scenario;
    const Result<int> chosen = phaseOption(scenario, o.phase, o.scenario);
    if (!chosen) return chosen.problem();
    const int phase = *chosen;
    // Checked before the campus is composed (seconds for the build-out), not after.
    if (const std::string problem = scene::gltfOutputProblem(o.out); !problem.empty())
        return badInput("--out " + o.out + ": " + problem);

    CampusResult composed = composeCampus(scenario, phase, {.trackerTilt_deg = o.trackerTilt_deg});
    if (!composed.campus) return badInput(composed.error);
    const CampusScene& campus = *composed.campus;
    const Result<scene::WriteResult> written = exportCampus(campus, o.out);
    if (!written) return written.problem();
    std::printf("%s\n", std::filesystem::absolute(o.out).string().c_str());
    std::fprintf(stderr, "%s, %s: %zu nodes, %zu meshes, %zu drawn instances (%zu of them solar panels), %.1f MB%s\n",
                 scenario.name.c_str(), scenario.phases[phase - 1].name.c_str(), written->nodes, written->meshes,
                 written->instances, campus.panelCount, static_cast<double>(written->bytes) / 1e6,
                 campus.panelCount > 0 ? "; the solar rows' far stand-ins left out" : "");
    return done();
}

}  // namespace ct::app
