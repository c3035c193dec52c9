#include "render/data_dir.h"

#include <cstdlib>

namespace ct::render {

std::filesystem::path dataDir() {
    if (const char* overrideDir = std::getenv("CT_DATA_DIR"); overrideDir && *overrideDir) return overrideDir;
    std::error_code error;
    const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", error);
    const std::filesystem::path base = error ? std::filesystem::current_path() : exe.parent_path();
    return base.parent_path() / CT_DATA_SUBDIR;
}

}  // namespace ct::render
