// The GPU air-field solver (engine/compute) against the CPU reference (twin/heat_field): the same
// scheme, step for step, so after 100 steps on lavapipe the fields agree to well under 0.05 K,
// and the few values the twin samples agree too. Every case runs with validation on and
// requires it to stay silent.
#include "compute/advection_diffusion_solver.h"
#include "render/data_dir.h"
#include "twin/heat_field.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

using ct::compute::AdvectionDiffusionSolver;
using ct::compute::FieldStepParams;
using namespace ct::twin;

namespace {

FieldStepParams toGpu(const HeatFieldStep& step) {
    return {static_cast<float>(step.shiftX_cells), static_cast<float>(step.shiftZ_cells), step.kernel,
            static_cast<float>(step.decay), static_cast<float>(step.gain_s)};
}

// p = (x - originX) / dx - 0.5: the cell coordinates sample() takes, computed in double.
glm::vec2 cellCoordinates(const HeatFieldGrid& grid, double x_m, double z_m) {
    return {static_cast<float>((x_m - grid.originX_m) / grid.cellSize_m - 0.5),
            static_cast<float>((z_m - grid.originZ_m) / grid.cellSize_m - 0.5)};
}

struct Difference {
    double largest = 0.0;
    double largestValue = 0.0;  // the largest |theta| in the reference, for scale
};

Difference compare(const std::vector<float>& gpu, const std::vector<float>& cpu) {
    REQUIRE(gpu.size() == cpu.size());
    Difference d;
    for (std::size_t n = 0; n < cpu.size(); ++n) {
        d.largest = std::max(d.largest, std::abs(static_cast<double>(gpu[n]) - cpu[n]));
        d.largestValue = std::max(d.largestValue, std::abs(static_cast<double>(cpu[n])));
    }
    return d;
}

// Cooler banks of a few MW spread over the grid, between cell centres, two of them near edges
// so heat leaves it.
std::vector<HeatSource> campusSources(const HeatFieldGrid& grid) {
    const double w = grid.nx * grid.cellSize_m;
    const double h = grid.nz * grid.cellSize_m;
    const double x0 = grid.originX_m;
    const double z0 = grid.originZ_m;
    return {{x0 + 0.30 * w, z0 + 0.40 * h, 3e6},       {x0 + 0.33 * w, z0 + 0.42 * h, 3e6},
            {x0 + 0.55 * w + 3.7, z0 + 0.60 * h, 8e6}, {x0 + 0.70 * w, z0 + 0.25 * h + 5.1, 5e6},
            {x0 + 0.02 * w, z0 + 0.50 * h, 2e6},       {x0 + 0.50 * w, z0 + 0.97 * h, 2e6}};
}

}  // namespace

TEST_CASE("GPU and CPU air fields agree after 100 steps in a varying wind", "[compute][heatmap]") {
    ct::vk::Context context({.validation = true, .quiet = true});
    {
        const HeatFieldGrid grid{.nx = 512, .nz = 512, .cellSize_m = 8.0, .originX_m = -2048.0, .originZ_m = -2048.0};
        const HeatFieldPhysics physics{.diffusivity_m2s = 30.0, .mixingHeight_m = 50.0, .relaxationTime_s = 900.0};
        const std::vector<float> rate = heatSourceRate(grid, physics, campusSources(grid));

        HeatFieldCpu cpu(grid);
        AdvectionDiffusionSolver gpu(context, ct::render::shaderDir(), grid.nx, grid.nz);
        gpu.setSourceRate(rate);
        const VkBuffer field = gpu.fieldBuffer();

        for (int n = 0; n < 100; ++n) {
            // 7 m/s from 200 deg, gusting by 1.5 m/s and veering by 15 deg over the run.
            const double speed = 7.0 + 1.5 * std::sin(0.13 * n);
            const double from = 200.0 + 15.0 * std::sin(0.05 * n);
            const HeatFieldStep step = makeHeatFieldStep(grid, physics, speed, from, 60.0);
            cpu.step(step, rate);
            gpu.step(toGpu(step));
            CHECK(gpu.fieldBuffer() == field);  // a renderer binds it once
        }
        CHECK(gpu.lastSubmission() > 0);

        const Difference d = compare(gpu.download(), cpu.excess());
        std::printf("GPU vs CPU after 100 steps (512 x 512): largest |difference| %.3g K, largest excess %.3g K\n",
                    d.largest, d.largestValue);
        INFO("largest difference " << d.largest << " K; largest excess " << d.largestValue << " K");
        CHECK(d.largestValue >
              0.1);  // a real field, not an empty one  // the comparison is of a field with something in it
        CHECK(d.largest < 0.05);

        // The coolers' inlets: on the plumes, between cells, near and off the edges.
        std::vector<std::pair<double, double>> points = {{-600.0, -400.0},  {300.3, 400.7}, {-1700.0, 10.0},
                                                         {1000.0, -1000.0}, {-2045.0, 0.0}, {0.0, 2046.5},
                                                         {-2100.0, 0.0},    {0.0, 2100.0},  {150.0, 450.25}};
        for (const HeatSource& s : campusSources(grid))
            points.emplace_back(s.x_m + 40.0, s.z_m + 60.0);
        std::vector<glm::vec2> cells;
        for (const auto& [x, z] : points)
            cells.push_back(cellCoordinates(grid, x, z));
        const std::vector<float> sampled = gpu.sample(cells);
        REQUIRE(sampled.size() == points.size());
        double largestSampleDifference = 0.0;
        for (std::size_t k = 0; k < points.size(); ++k) {
            const double expected = cpu.sample(points[k].first, points[k].second);
            INFO("point (" << points[k].first << ", " << points[k].second << ")");
            CHECK(std::abs(sampled[k] - expected) < 0.05);
            largestSampleDifference = std::max(largestSampleDifference, std::abs(sampled[k] - expected));
        }
        std::printf("GPU vs CPU samples: largest |difference| %.3g K over %zu points\n", largestSampleDifference,
                    points.size());
    }
    context.waitIdle();
    REQUIRE(context.validationCounts().total() == 0);
}

TEST_CASE("an uneven grid, a changing time step and a new source rate agree with the CPU", "[compute][heatmap]") {
    ct::vk::Context context({.validation = true, .quiet = true});
    {
        // Not a multiple of the 16 x 16 workgroup along either axis; cells of 20 m so the kernel
        // is narrow at first, then wide (dt grows), then a single tap (dt 0).
        const HeatFieldGrid grid{.nx = 101, .nz = 37, .cellSize_m = 20.0, .originX_m = -1000.0, .originZ_m = 250.0};
        const HeatFieldPhysics physics{.diffusivity_m2s = 30.0, .mixingHeight_m = 50.0, .relaxationTime_s = 900.0};
        std::vector<HeatSource> sources = {{-500.0, 500.0, 5e6}, {400.0, 700.0, 8e6}};
        std::vector<float> rate = heatSourceRate(grid, physics, sources);

        HeatFieldCpu cpu(grid);
        std::vector<float> initial(static_cast<std::size_t>(grid.nx * grid.nz));
        for (std::size_t n = 0; n < initial.size(); ++n)
            initial[n] = static_cast<float>(n % 7) * 0.25f;
        cpu.excess() = initial;
        AdvectionDiffusionSolver gpu(context, ct::render::shaderDir(), grid.nx, grid.nz);
        gpu.upload(initial);
        CHECK(compare(gpu.download(), cpu.excess()).largest == 0.0);
        gpu.setSourceRate(rate);

        const double timeSteps[] = {10.0, 10.0, 120.0, 120.0, 600.0, 0.0, 60.0};
        for (int n = 0; n < 40; ++n) {
            if (n == 20) {  // a cooler bank starts up mid-run
                sources.push_back({0.0, 400.0, 20e6});
                rate = heatSourceRate(grid, physics, sources);
                gpu.setSourceRate(rate);
            }
            const HeatFieldStep step = makeHeatFieldStep(grid, physics, 4.0 + n % 5, 37.0 * n, timeSteps[n % 7]);
            cpu.step(step, rate);
            gpu.step(toGpu(step));
        }
        const Difference d = compare(gpu.download(), cpu.excess());
        INFO("largest difference " << d.largest << " K; largest excess " << d.largestValue << " K");
        CHECK(d.largest < 1e-3);
    }
    context.waitIdle();
    REQUIRE(context.validationCounts().total() == 0);
}

TEST_CASE("the tiled kernels agree with the CPU on grids that are not multiples of their tiles", "[compute][heatmap]") {
    // The passes work in row segments of 128 cells (pass 1) and blocks of 32 x 32 (pass 2), and
    // hold 256 (pass 1) and 64 (pass 2) cells of a kernel's reach in shared memory at a time.
    // Grids of one cell, one more than a tile, less than one, and uneven both ways; kernels of one
    // tap, a few, and wider than a chunk of either pass (dt of an hour at 8 m cells: radius 233),
    // so the halo is walked in several chunks and partial tiles sit at every edge.
    ct::vk::Context context({.validation = true, .quiet = true});
    {
        const HeatFieldPhysics physics{.diffusivity_m2s = 30.0, .mixingHeight_m = 50.0, .relaxationTime_s = 900.0};
        const std::pair<int, int> sizes[] = {{1, 1}, {129, 33}, {31, 130}, {300, 70}, {257, 65}};
        const double timeSteps[] = {3600.0, 600.0, 60.0, 1.0, 0.0};  // light winds: the air stays on the grid
        for (const auto& [nx, nz] : sizes) {
            const HeatFieldGrid grid{.nx = nx, .nz = nz, .cellSize_m = 8.0, .originX_m = 0.0, .originZ_m = 0.0};
            const std::vector<float> rate = heatSourceRate(grid, physics, campusSources(grid));
            HeatFieldCpu cpu(grid);
            std::vector<float> initial(static_cast<std::size_t>(nx) * static_cast<std::size_t>(nz));
            for (std::size_t n = 0; n < initial.size(); ++n)
                initial[n] = static_cast<float>((n * 7919) % 13) * 0.5f;
            cpu.excess() = initial;
            AdvectionDiffusionSolver gpu(context, ct::render::shaderDir(), nx, nz);
            gpu.upload(initial);
            gpu.setSourceRate(rate);
            for (int n = 0; n < 10; ++n) {
                const HeatFieldStep step =
                    makeHeatFieldStep(grid, physics, 0.3 + 0.2 * n, 30.0 + 71.0 * n, timeSteps[n % 5]);
                cpu.step(step, rate);
                gpu.step(toGpu(step));
            }
            const Difference d = compare(gpu.download(), cpu.excess());
            INFO(nx << " x " << nz << ": largest difference " << d.largest << " K; largest excess " << d.largestValue
                    << " K");
            CHECK(d.largestValue > 0.0);
            CHECK(d.largest <= 1e-5 * std::max(1.0, d.largestValue));
        }
    }
    context.waitIdle();
    REQUIRE(context.validationCounts().total() == 0);
}

TEST_CASE("sampling follows the CPU's convention for cell coordinates", "[compute][heatmap]") {
    ct::vk::Context context({.validation = true, .quiet = true});
    {
        const HeatFieldGrid grid{.nx = 4, .nz = 3, .cellSize_m = 10.0, .originX_m = 0.0, .originZ_m = 0.0};
        HeatFieldCpu cpu(grid);
        cpu.excess() = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        AdvectionDiffusionSolver gpu(context, ct::render::shaderDir(), grid.nx, grid.nz);
        gpu.upload(cpu.excess());
        // Cell centres, midpoints, the half cell beyond the last centre (fading to ambient) and
        // points off the grid (0).
        const std::vector<std::pair<double, double>> points = {{5.0, 5.0},   {15.0, 5.0}, {10.0, 10.0}, {35.0, 25.0},
                                                               {38.0, 28.0}, {2.0, 1.0},  {-1.0, 5.0},  {41.0, 5.0}};
        std::vector<glm::vec2> cells;
        for (const auto& [x, z] : points)
            cells.push_back(cellCoordinates(grid, x, z));
        const std::vector<float> sampled = gpu.sample(cells);
        for (std::size_t k = 0; k < points.size(); ++k) {
            INFO("point (" << points[k].first << ", " << points[k].second << ")");
            CHECK(sampled[k] == Approx(cpu.sample(points[k].first, points[k].second)).margin(1e-6));
        }
        CHECK(sampled[0] == Approx(1.0));
        CHECK(sampled[2] == Approx((1 + 2 + 5 + 6) / 4.0));
        CHECK(sampled[6] == 0.0f);
        CHECK(sampled[7] == 0.0f);
    }
    context.waitIdle();
    REQUIRE(context.validationCounts().total() == 0);
}

TEST_CASE("the GPU solver refuses inputs that do not fit its grid", "[compute][heatmap]") {
    ct::vk::Context context({.validation = true, .quiet = true});
    {
        AdvectionDiffusionSolver gpu(context, ct::render::shaderDir(), 8, 8);
        CHECK_THROWS_AS(gpu.upload(std::vector<float>(63)), std::invalid_argument);
        CHECK_THROWS_AS(gpu.setSourceRate(std::vector<float>(65)), std::invalid_argument);
        CHECK_THROWS_AS(gpu.step({0.f, 0.f, {0.5f, 0.5f}, 1.f, 0.f}), std::invalid_argument);
        CHECK_THROWS_AS(gpu.step({0.f, 0.f, {}, 1.f, 0.f}), std::invalid_argument);
        CHECK(gpu.sample({}).empty());
        // A wind that crosses the whole grid in one step leaves only ambient air (and the sources).
        gpu.upload(std::vector<float>(64, 3.0f));
        gpu.step({1.0e9f, -1.0e9f, {1.0f}, 1.0f, 0.0f});
        const std::vector<float> field = gpu.download();
        CHECK(*std::max_element(field.begin(), field.end()) == 0.0f);
    }
    context.waitIdle();
    REQUIRE(context.validationCounts().total() == 0);
}
