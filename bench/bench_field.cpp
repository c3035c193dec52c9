// The campus air field: cell updates per second at 512 x 512 and 2048 x 2048, for the GPU solver
// (one step = record + submit + wait), the CPU reference (twin::HeatFieldCpu::step) and the
// memory-bandwidth bound of the GPU.
//
// The bound: the device's copy bandwidth, measured once per run with vkCmdCopyBuffer of a
// 256 MiB buffer (bytes read + bytes written per second), divided by the bytes one cell update
// must move. Assumption: every pass reads its input once and writes its output once, 4 bytes
// each, and the blur's 2r + 1 taps come from cache: 8 bytes x 4 passes = 32 bytes per cell
// update. (The source pass also reads the rate, so 36 would be stricter; the bound is an upper
// limit either way.)
//
// The scheme's cost depends on the blur's width: both sizes use 8 m cells, K = 30 m^2/s and
// dt = 60 s, so sigma = 7.5 cells and the kernel (4 sigma each side) has 61 taps, reported as
// kernel_taps; 7 m/s wind from 200 deg.
#include "compute/advection_diffusion_solver.h"
#include "render/data_dir.h"
#include "twin/heat_field.h"
#include "vk/check.h"
#include "vk/resources.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>

namespace {

constexpr double kBytesPerCellUpdate = 32.0;

struct FieldSetup {
    ct::twin::HeatFieldGrid grid;
    ct::twin::HeatFieldStep step;
    std::vector<float> rate;
};

FieldSetup fieldSetup(int cells) {
    FieldSetup setup;
    setup.grid = {.nx = cells, .nz = cells, .cellSize_m = 8.0, .originX_m = -4.0 * cells, .originZ_m = -4.0 * cells};
    const ct::twin::HeatFieldPhysics physics{
        .diffusivity_m2s = 30.0, .mixingHeight_m = 50.0, .relaxationTime_s = 900.0};
    setup.step = ct::twin::makeHeatFieldStep(setup.grid, physics, 7.0, 200.0, 60.0);
    std::vector<ct::twin::HeatSource> sources;
    for (int k = 0; k < 20; ++k)
        sources.push_back({(k % 5 - 2) * 0.6 * cells, (k / 5 - 1.5) * 0.6 * cells, 50e6});
    setup.rate = ct::twin::heatSourceRate(setup.grid, physics, sources);
    return setup;
}

// Read + write bytes per second of vkCmdCopyBuffer between two 256 MiB device-local buffers;
// the best of a few submissions of several copies each. Measured once per run.
double copyBandwidth() {
    static const double measured = [] {
        ct::vk::Context context({.quiet = true});
        constexpr VkDeviceSize kBytes = 256ull << 20;
        ct::vk::Buffer a(context, {kBytes, VK_BUFFER_USAGE_TRANSFER_SRC_BIT | VK_BUFFER_USAGE_TRANSFER_DST_BIT,
                                   ct::vk::MemoryUsage::DeviceLocal, "bandwidth a"});
        ct::vk::Buffer b(context, {kBytes, VK_BUFFER_USAGE_TRANSFER_SRC_BIT | VK_BUFFER_USAGE_TRANSFER_DST_BIT,
                                   ct::vk::MemoryUsage::DeviceLocal, "bandwidth b"});
        constexpr int kCopiesPerSubmit = 4;
        auto copies = [&](VkCommandBuffer cmd) {
            const VkBufferCopy region{0, 0, kBytes};
            for (int k = 0; k < kCopiesPerSubmit; ++k) {
                // Alternate directions so each copy depends on the last and none can be skipped.
                if (k % 2 == 0)
                    vkCmdCopyBuffer(cmd, a.get(), b.get(), 1, &region);
                else
                    vkCmdCopyBuffer(cmd, b.get(), a.get(), 1, &region);
                ct::vk::memoryBarrier(
                    cmd, VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT | VK_ACCESS_2_TRANSFER_READ_BIT,
                    VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT | VK_ACCESS_2_TRANSFER_READ_BIT);
            }
        };
        context.runOnce([&](VkCommandBuffer cmd) {  // first touch of the memory, off the clock
            vkCmdFillBuffer(cmd, a.get(), 0, VK_WHOLE_SIZE, 0);
            vkCmdFillBuffer(cmd, b.get(), 0, VK_WHOLE_SIZE, 0);
        });
        double best = 0.0;
        for (int attempt = 0; attempt < 3; ++attempt) {
            const auto start = std::chrono::steady_clock::now();
            context.runOnce(copies);
            const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - start;
            best = std::max(best, 2.0 * static_cast<double>(kBytes) * kCopiesPerSubmit / seconds.count());
        }
        return best;
    }();
    return measured;
}

void reportRates(benchmark::State& state, std::int64_t cellsPerIteration) {
    state.counters["cells_per_s"] = benchmark::Counter(
        static_cast<double>(cellsPerIteration) * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

void fieldStepGpu(benchmark::State& state) {
    const int cells = static_cast<int>(state.range(0));
    const FieldSetup setup = fieldSetup(cells);
    const double bandwidth = copyBandwidth();
    ct::vk::Context context({.quiet = true});
    ct::compute::AdvectionDiffusionSolver solver(context, ct::render::shaderDir(), cells, cells);
    solver.setSourceRate(setup.rate);
    const ct::compute::FieldStepParams params{
        static_cast<float>(setup.step.shiftX_cells), static_cast<float>(setup.step.shiftZ_cells), setup.step.kernel,
        static_cast<float>(setup.step.decay), static_cast<float>(setup.step.gain_s)};
    solver.step(params);  // warm-up: first-use costs (pipelines, the source upload)
    context.waitFor(solver.lastSubmission());
    double seconds = 0.0;
    for (auto _ : state) {
        const auto start = std::chrono::steady_clock::now();
        solver.step(params);
        context.waitFor(solver.lastSubmission());
        seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    }
    const double cellUpdates = static_cast<double>(cells) * cells * static_cast<double>(state.iterations());
    const double rate = cellUpdates / seconds;
    const double bound = bandwidth / kBytesPerCellUpdate;
    reportRates(state, static_cast<std::int64_t>(cells) * cells);
    state.counters["copy_GBps"] = bandwidth / 1e9;
    state.counters["bound_cells_per_s"] = bound;
    state.counters["fraction_of_bound"] = rate / bound;
    state.counters["kernel_taps"] = static_cast<double>(setup.step.kernel.size());
    state.SetLabel(context.deviceInfo().name);
}

void fieldStepCpu(benchmark::State& state) {
    const int cells = static_cast<int>(state.range(0));
    const FieldSetup setup = fieldSetup(cells);
    ct::twin::HeatFieldCpu field(setup.grid);
    for (auto _ : state) {
        field.step(setup.step, setup.rate);
        benchmark::DoNotOptimize(field.excess().data());
    }
    reportRates(state, static_cast<std::int64_t>(cells) * cells);
    state.counters["kernel_taps"] = static_cast<double>(setup.step.kernel.size());
}

}  // namespace

BENCHMARK(fieldStepGpu)->Arg(512)->Arg(2048)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(fieldStepCpu)->Arg(512)->Arg(2048)->Unit(benchmark::kMillisecond)->UseRealTime();
