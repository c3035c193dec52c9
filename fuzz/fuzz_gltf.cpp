// glTF as text (.gltf): the JSON, with external buffers and images resolved beside it (the
// test scenes' .bin and image files are linked into the folder the input is written to).
#include "fuzz_support.h"

#include "scene/load_gltf.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    ct::fuzz::linkFilesOf(CT_TEST_DATA_DIR, ct::fuzz::workDir(), ".gltf");
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto path = ct::fuzz::writeInput(data, size, "fuzz.gltf");
    const ct::scene::LoadResult result = ct::scene::loadGltf(path);
    if (!result.ok()) ct::fuzz::requireOneLineNaming(result.error, "fuzz.gltf", "loadGltf");
    return 0;
}
