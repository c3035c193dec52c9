// `campus-twin export --scenario F [--phase N] --out campus.glb`: the campus as built at a phase,
// written as one glTF file (.glb, or .gltf with a .bin) for Blender and other tools. No Vulkan.
#pragma once

#include "command_line.h"

namespace ct::app {

campus::Outcome runExport(const ExportOptions& options);

}  // namespace ct::app
