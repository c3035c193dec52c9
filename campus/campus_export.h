// The composed campus written as one glTF file for other tools (scene/write_gltf.h does the
// writing): every node keeps its name, "<entity id>" or "<entity id>/<part>", which is what
// entityOfNode and the scenario's bindings read, and carries the entity id in its extras as well,
// {"entity": "bldg-01"}, where a tool that shows custom properties (Blender does) lists it
// without parsing names.
//
//   const Result<scene::WriteResult> written = exportCampus(campus, "campus.glb");
//   if (!written) return written.problem();   // bad input: the file cannot be written there
#pragma once

#include "campus/campus_scene.h"
#include "campus/outcome.h"
#include "scene/write_gltf.h"

#include <filesystem>

namespace ct::campus {

// The key of a node's entity id in its extras.
inline constexpr const char* kEntityExtrasKey = "entity";

// Writes `campus.scene` at `out` (.glb, or .gltf with a .bin). A file that cannot be written is
// bad input (the user chose where); a scene that cannot be written is a failure.
Result<scene::WriteResult> exportCampus(const CampusScene& campus, const std::filesystem::path& out);

}  // namespace ct::campus
