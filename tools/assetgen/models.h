// Every campus model the generator writes, one function per model; each family lives in its own
// model_*.cpp. Sizes are plausible, not surveyed (see docs/campus-facts.md and
// assets/campus/README.md).
//
// Conventions all of them follow: metres, Y up, -Z north, the footprint centred on the origin
// and standing on y = 0; every part the twin binds to (cooler banks, rotor, transformers...) is
// a node with a fixed name, listed in the function's comment.
#pragma once

#include "gltf_writer.h"

#include <vector>

namespace ct::assetgen {

// `building` (the shell), children `cooler_bank_01`..`_16` (8 per wing, numbered north to south,
// west wing first; each with a child `cooler_fans_NN`, its sixteen fans as instances of one mesh
// centred on its axis), `transformer_yard`, `generators`, `loading_docks`.
GltfWriter makeDcBuilding();
// The later phases' building: the same names, 24 cooler banks.
GltfWriter makeDcBuildingLarge();

// `panel` (one tracker module, its origin on the tracker axis) and `row_strip` (a whole row
// merged, for far views), both at the axis height.
GltfWriter makeSolarRow();
// 100 rows x 100 panels drawn from one `panel` mesh through EXT_mesh_gpu_instancing (node
// `panels`), plus `inverter_station`.
GltfWriter makeSolarBlock();

// `tower`, yaw node `nacelle` (its body `nacelle_body`), `rotor` turning about the nacelle's local
// -Z (forward) axis, `hub`, `blade_1`..`blade_3`.
GltfWriter makeWindTurbine1_5MW();
GltfWriter makeWindTurbine5MW();

// `gas_plant`, `unit_01`..`unit_10` (each with `exhaust_NN` at its stack's mouth), `control_building`, `fence`.
GltfWriter makeGasPlant();
// `substation`, `transformer_1`..`_4`, `busbars`, `control_house`, `fence`.
GltfWriter makeSubstation();
// `battery` (the containers), `inverters`.
GltfWriter makeBattery();
// `terrain`: 16 km x 16 km of gently rolling ground, flat near the campus.
GltfWriter makeTerrain();

struct ModelRecipe {
    const char* fileName;  // written into the output folder, with `<stem>.bin` beside it
    GltfWriter (*build)();
};

// In a fixed order, so the generator's log is stable too.
const std::vector<ModelRecipe>& allModels();

}  // namespace ct::assetgen
