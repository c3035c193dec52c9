// Scenario JSON, written where the shipped scenario sits relative to the assets
// (scenarios/fuzz.json beside assets/), so its model paths resolve as the real file's do.
#include "fuzz_support.h"

#include "twin/scenario_loader.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    std::error_code ignored;
    std::filesystem::create_symlink(CT_ASSETS_DIR, ct::fuzz::workDir() / "assets", ignored);
    ct::fuzz::linkFilesOf(CT_BAD_SCENARIOS_DIR "/models", ct::fuzz::workDir() / "scenarios" / "models", ".json");
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto path = ct::fuzz::writeInput(data, size, "scenarios/fuzz.json");
    const ct::twin::ScenarioResult result = ct::twin::loadScenario(path);
    if (!result.ok()) ct::fuzz::requireOneLineNaming(result.error, "fuzz.json", "loadScenario");
    return 0;
}
