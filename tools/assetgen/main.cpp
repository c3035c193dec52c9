// ct_assetgen OUTDIR: writes every campus model (.gltf plus its .bin) into OUTDIR.
//
// The committed copies live in assets/campus/; the `assets: regenerate and compare` test runs
// this into the build folder and checks the bytes match, so after changing a model run
//   ct_assetgen assets/campus
// and commit the result.
#include "models.h"

#include <cstdio>
#include <filesystem>
#include <system_error>

namespace ct::assetgen {

const std::vector<ModelRecipe>& allModels() {
    static const std::vector<ModelRecipe> recipes{
        {"dc_building.gltf", makeDcBuilding},
        {"dc_building_large.gltf", makeDcBuildingLarge},
        {"solar_row.gltf", makeSolarRow},
        {"solar_block.gltf", makeSolarBlock},
        {"wind_turbine_1_5mw.gltf", makeWindTurbine1_5MW},
        {"wind_turbine_5mw.gltf", makeWindTurbine5MW},
        {"gas_plant.gltf", makeGasPlant},
        {"substation.gltf", makeSubstation},
        {"battery.gltf", makeBattery},
        {"terrain.gltf", makeTerrain},
    };
    return recipes;
}

}  // namespace ct::assetgen

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: ct_assetgen OUTDIR\n  writes every campus model (.gltf and .bin) into OUTDIR\n");
        return 2;
    }
    const std::filesystem::path outDir = argv[1];
    std::error_code ec;
    std::filesystem::create_directories(outDir, ec);
    if (ec) {
        std::fprintf(stderr, "ct_assetgen: cannot create %s: %s\n", outDir.string().c_str(), ec.message().c_str());
        return 1;
    }
    for (const auto& recipe : ct::assetgen::allModels()) {
        ct::assetgen::GltfWriter model = recipe.build();
        if (const std::string error = model.write(outDir / recipe.fileName); !error.empty()) {
            std::fprintf(stderr, "ct_assetgen: %s\n", error.c_str());
            return 1;
        }
        std::printf("wrote %s\n", (outDir / recipe.fileName).string().c_str());
    }
    return 0;
}
