#include "heatmap_command.h"

#include "campus/coupled_field.h"
#include "campus/scene_output.h"
#include "render/colormap.h"
#include "render/image_file.h"
#include "twin/scenario_loader.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <optional>
#include <sstream>

namespace ct::app {

using namespace ct::campus;  // the campus library these commands call

Outcome runHeatmap(const GlobalOptions& global, const HeatmapOptions& o) {
    const std::string extension = std::filesystem::path(o.out).extension().string();
    if (extension != ".png" && extension != ".csv")
        return badInput("--out " + o.out + ": expected a .png or .csv file");
    double rangeLo = 0.0;
    double rangeHi = 0.0;
    const bool fixedRange = !o.range.empty();
    if (fixedRange) {
        std::istringstream in(o.range);
        char comma = 0;
        if (!(in >> rangeLo >> comma >> rangeHi) || comma != ',' || !(rangeHi > rangeLo))
            return badInput("--range " + o.range + ": expected lo,hi with lo < hi");
    }
    const twin::ScenarioResult loaded = twin::loadScenario(o.scenario);
    if (!loaded.ok()) return badInput(loaded.error);
    const twin::Scenario& scenario = *loaded.scenario;
    const Result<int> chosen = phaseOption(scenario, o.field.phase, o.scenario);
    if (!chosen) return chosen.problem();
    const int phase = *chosen;
    CampusResult composed = composeCampus(scenario, phase);
    if (!composed.campus) return badInput(composed.error);
    // The device decides the solver under --backend auto; the CPU reference needs none.
    FieldDevice device = openFieldDevice(
        o.field.backend, vk::ContextOptions{.validation = global.validate, .deviceIndex = global.device});
    std::unique_ptr<vk::Context> context = std::move(device.context);
    CoupledFieldOptions field = o.field;
    field.backend = fieldBackendName(device.choice.backend);
    const auto computed = runCoupledField(scenario, *composed.campus, phase, field, context.get());
    if (!computed) return computed.problem();
    (*computed)->solver = device.choice;  // with the reason auto gave, not "set explicitly"
    const CoupledField* run = computed->get();

    const twin::HeatFieldGrid& grid = run->coupling->grid();
    const double ambient = run->simulation->current().weather.ambient_c;
    const std::vector<float> excess = run->coupling->excess();
    const float hottest = *std::max_element(excess.begin(), excess.end());
    std::fprintf(
        stderr, "%s at %s: ambient %.1f C, hottest cell +%.2f K, %zu cooler banks, %dx%d cells of %.1f m; %s\n",
        scenario.phases[phase - 1].name.c_str(), twin::formatIsoUtc(run->simulation->current().time).c_str(), ambient,
        hottest, run->coupling->bankCount(), grid.nx, grid.nz, grid.cellSize_m, describe(run->solver).c_str());
    if (o.stats) std::fprintf(stderr, "%s\n", fieldStats(*run).c_str());
    if (extension == ".csv") {
        std::ofstream csv(o.out, std::ios::binary);
        if (!csv) return badInput(o.out + ": cannot open for writing");
        csv << "# campus air temperature, degrees C; time " << twin::formatIsoUtc(run->simulation->current().time)
            << "\n# origin_x_m=" << grid.originX_m << " origin_z_m=" << grid.originZ_m
            << " cell_size_m=" << grid.cellSize_m << " nx=" << grid.nx << " nz=" << grid.nz << " ambient_c=" << ambient
            << "\n# one row per grid row from north (z = origin_z) to south; cells west to east\n";
        char value[32];
        for (int j = 0; j < grid.nz; ++j) {
            for (int i = 0; i < grid.nx; ++i) {
                std::snprintf(value, sizeof value, "%s%.3f", i ? "," : "",
                              ambient + excess[static_cast<std::size_t>(j) * grid.nx + i]);
                csv << value;
            }
            csv << '\n';
        }
        if (!csv) return badInput(o.out + ": write failed");
    } else {
        if (!fixedRange) {
            rangeLo = ambient;
            rangeHi = ambient + std::max(hottest, 0.5f);
        }
        const render::Colormap map = *render::parseColormap(o.colormap);
        render::RgbaImage image{static_cast<std::uint32_t>(grid.nx), static_cast<std::uint32_t>(grid.nz), {}};
        image.rgba.reserve(excess.size() * 4);
        for (float e : excess) {
            const glm::vec3 c =
                render::colormapColor(map, static_cast<float>((ambient + e - rangeLo) / (rangeHi - rangeLo)));
            image.rgba.insert(image.rgba.end(), {static_cast<std::uint8_t>(c.r * 255.0f + 0.5f),
                                                 static_cast<std::uint8_t>(c.g * 255.0f + 0.5f),
                                                 static_cast<std::uint8_t>(c.b * 255.0f + 0.5f), 255});
        }
        if (const std::string error = render::writePng(o.out, image); !error.empty()) return badInput(error);
    }
    std::printf("%s\n", std::filesystem::absolute(o.out).string().c_str());
    return context ? validationOutcome(global.validate, context->validationCounts()) : done();
}

}  // namespace ct::app
