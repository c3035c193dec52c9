// Loads a glTF 2.0 file (.gltf with external or data-URI buffers, or .glb) into a ct::scene::Scene.
//
// Bad input is an expected outcome, not an exception: the result carries either the scene or
// one line naming the file and what is wrong with it, e.g.
//   "box.gltf: accessors[3]: 24 elements of 12 bytes at offset 64 run past bufferViews[1] (256 bytes)".
// Non-fatal findings (an ignored optional extension, skins drawn in bind pose) go to
// Scene::warnings, each kind once.
#pragma once

#include "scene/scene.h"

#include <filesystem>
#include <optional>
#include <string>

namespace ct::scene {

struct LoadResult {
    std::optional<Scene> scene;
    std::string error;  // set when !scene: "<file>: <what is wrong>", one line

    bool ok() const { return scene.has_value(); }
};

[[nodiscard]] LoadResult loadGltf(const std::filesystem::path& path);

// The extensions the loader understands; a file that *requires* any other is refused.
bool isSupportedExtension(const std::string& name);

}  // namespace ct::scene
