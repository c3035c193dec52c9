// The campus air field: one step at 512 x 512 and 2048 x 2048, for the GPU solver (one step =
// record + submit + wait) and the CPU reference (twin::HeatFieldCpu::step), each against the
// memory-bandwidth bound of where it runs.
//
// The bound: bytes one step must move (read + written) against a copy bandwidth measured once
// per run on the same memory: vkCmdCopyBuffer between two 256 MiB device-local buffers for the
// GPU solver, std::memcpy between two 256 MiB host buffers for the CPU reference (read + written
// bytes per second, the best of a few). Bytes a step must move, per cell, counting each pass's
// input and output once (the blur's other taps come from cache):
//   GPU (two fused passes, AdvectionDiffusionSolver::kBytesPerCellUpdate): read theta and q,
//       write the x-blurred field; read it, write the field: 20 bytes;
//   CPU (four passes, twin/heat_field.cpp): sources read theta and q and write (12), advection,
//       blur x and blur z each read and write (8 + 8 + 8): 36 bytes.
// Counters: GBps (bytes moved per step / time per step), copy_GBps (the bandwidth measured in
// this run) and fraction_of_bound (their ratio).
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
#include <cstring>
#include <vector>

namespace {

constexpr double kCpuBytesPerCellUpdate = 36.0;  // see the top of the file

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
double deviceCopyBandwidth() {
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

// Read + write bytes per second of std::memcpy between two 256 MiB host buffers; the best of a
// few copies. Measured once per run.
double hostCopyBandwidth() {
    static const double measured = [] {
        constexpr std::size_t kBytes = 256ull << 20;
        std::vector<char> a(kBytes, 1);  // touched here, off the clock
        std::vector<char> b(kBytes, 2);
        double best = 0.0;
        for (int attempt = 0; attempt < 4; ++attempt) {
            const auto start = std::chrono::steady_clock::now();
            if (attempt % 2 == 0)
                std::memcpy(b.data(), a.data(), kBytes);
            else
                std::memcpy(a.data(), b.data(), kBytes);
            benchmark::ClobberMemory();
            const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - start;
            best = std::max(best, 2.0 * static_cast<double>(kBytes) / seconds.count());
        }
        benchmark::DoNotOptimize(a.data());
        benchmark::DoNotOptimize(b.data());
        return best;
    }();
    return measured;
}

// The bandwidth counters: bytes moved per step over the time per step, against `copyBandwidth`.
void reportBandwidth(benchmark::State& state, double bytesPerStep, double secondsPerStep, double copyBandwidth) {
    const double achieved = bytesPerStep / secondsPerStep;
    state.counters["bytes_per_step"] = bytesPerStep;
    state.counters["GBps"] = achieved / 1e9;
    state.counters["copy_GBps"] = copyBandwidth / 1e9;
    state.counters["fraction_of_bound"] = achieved / copyBandwidth;
}

void reportRates(benchmark::State& state, std::int64_t cellsPerIteration) {
    state.counters["cells_per_s"] = benchmark::Counter(
        static_cast<double>(cellsPerIteration) * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

void fieldStepGpu(benchmark::State& state) {
    const int cells = static_cast<int>(state.range(0));
    const FieldSetup setup = fieldSetup(cells);
    const double bandwidth = deviceCopyBandwidth();
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
    const double cellsPerStep = static_cast<double>(cells) * cells;
    reportRates(state, static_cast<std::int64_t>(cells) * cells);
    reportBandwidth(state, cellsPerStep * ct::compute::AdvectionDiffusionSolver::kBytesPerCellUpdate,
                    seconds / static_cast<double>(state.iterations()), bandwidth);
    state.counters["kernel_taps"] = static_cast<double>(setup.step.kernel.size());
    state.SetLabel(context.deviceInfo().name);
}

void fieldStepCpu(benchmark::State& state) {
    const int cells = static_cast<int>(state.range(0));
    const FieldSetup setup = fieldSetup(cells);
    const double bandwidth = hostCopyBandwidth();
    ct::twin::HeatFieldCpu field(setup.grid);
    double seconds = 0.0;
    for (auto _ : state) {
        const auto start = std::chrono::steady_clock::now();
        field.step(setup.step, setup.rate);
        benchmark::DoNotOptimize(field.excess().data());
        seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    }
    reportRates(state, static_cast<std::int64_t>(cells) * cells);
    reportBandwidth(state, static_cast<double>(cells) * cells * kCpuBytesPerCellUpdate,
                    seconds / static_cast<double>(state.iterations()), bandwidth);
    state.counters["kernel_taps"] = static_cast<double>(setup.step.kernel.size());
}

}  // namespace

BENCHMARK(fieldStepGpu)->Arg(512)->Arg(2048)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(fieldStepCpu)->Arg(512)->Arg(2048)->Unit(benchmark::kMillisecond)->UseRealTime();
