// Where the program's read-only data (compiled shaders, assets) lives: the folder
// `share/campus-twin` next to the executable's `bin/`, in the build tree and after
// `cmake --install` alike. CT_DATA_DIR in the environment overrides it.
#pragma once

#include <filesystem>

namespace ct::render {

std::filesystem::path dataDir();
inline std::filesystem::path shaderDir() {
    return dataDir() / "shaders";
}

}  // namespace ct::render
