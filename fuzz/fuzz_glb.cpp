// glTF binary (.glb): header, JSON chunk and BIN chunk in one file.
#include "fuzz_support.h"

#include "scene/load_gltf.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto path = ct::fuzz::writeInput(data, size, "fuzz.glb");
    const ct::scene::LoadResult result = ct::scene::loadGltf(path);
    if (!result.ok()) ct::fuzz::requireOneLineNaming(result.error, "fuzz.glb", "loadGltf");
    return 0;
}
