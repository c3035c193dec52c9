// glTF load time against the time to read the same bytes from disk: the ratio is what the
// loader costs beyond I/O (parsing, validation, conversion to the canonical vertex format).
#include "scene/load_gltf.h"

#include <benchmark/benchmark.h>

#include <fstream>
#include <vector>

namespace {

const std::string kFile = std::string(CT_TEST_DATA_DIR) + "/instanced_100k.gltf";
const std::string kBuffer = std::string(CT_TEST_DATA_DIR) + "/instanced_100k.bin";

// The fastest plain read: size, one allocation, one read call.
std::vector<char> readAll(const std::string& path) {
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    std::vector<char> bytes(static_cast<std::size_t>(in.tellg()));
    in.seekg(0);
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return bytes;
}

void readBytes(benchmark::State& state) {
    std::size_t bytes = 0;
    for (auto _ : state) {
        const auto json = readAll(kFile);
        const auto bin = readAll(kBuffer);
        bytes = json.size() + bin.size();
        benchmark::DoNotOptimize(bin.data());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
}

void loadGltf(benchmark::State& state) {
    std::size_t instances = 0;
    for (auto _ : state) {
        const ct::scene::LoadResult result = ct::scene::loadGltf(kFile);
        if (!result.ok()) {
            state.SkipWithError(result.error.c_str());
            return;
        }
        instances = result.scene->nodes[0].instances.size();
        benchmark::DoNotOptimize(result.scene->bounds);
    }
    state.counters["instances"] = static_cast<double>(instances);
    const std::size_t bytes = readAll(kFile).size() + readAll(kBuffer).size();
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
}

}  // namespace

BENCHMARK(readBytes)->Unit(benchmark::kMillisecond)->Repetitions(3)->ReportAggregatesOnly(true);
BENCHMARK(loadGltf)->Unit(benchmark::kMillisecond)->Repetitions(3)->ReportAggregatesOnly(true);
