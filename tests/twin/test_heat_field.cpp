// The campus air-temperature field's CPU reference (twin/heat_field.h): the analytic Gaussian of
// diffusion, the plume carried at the wind speed, relaxation to ambient, conservation of heat,
// the steady state of a source, stability at any step, and the building blocks (kernel, sources,
// sampling, per-step constants).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <random>
#include <stdexcept>
#include <vector>

#include "twin/heat_field.h"

using namespace ct::twin;

namespace {

// A square grid centred on the site origin.
HeatFieldGrid centredGrid(int n, double cellSize_m) {
    HeatFieldGrid grid;
    grid.nx = n;
    grid.nz = n;
    grid.cellSize_m = cellSize_m;
    grid.originX_m = -0.5 * n * cellSize_m;
    grid.originZ_m = -0.5 * n * cellSize_m;
    return grid;
}

HeatFieldPhysics physicsWith(double diffusivity_m2s, double relaxationTime_s) {
    HeatFieldPhysics physics;
    physics.diffusivity_m2s = diffusivity_m2s;
    physics.relaxationTime_s = relaxationTime_s;
    return physics;
}

float& cell(HeatFieldCpu& field, int i, int j) {
    return field.excess()[static_cast<std::size_t>(j) * field.grid().nx + i];
}

void addGaussianBlob(HeatFieldCpu& field, double ci, double cj, double std_cells, double peak_K) {
    const HeatFieldGrid& g = field.grid();
    for (int j = 0; j < g.nz; ++j)
        for (int i = 0; i < g.nx; ++i) {
            double r2 = (i - ci) * (i - ci) + (j - cj) * (j - cj);
            cell(field, i, j) += static_cast<float>(peak_K * std::exp(-0.5 * r2 / (std_cells * std_cells)));
        }
}

void fillUniformRandom(HeatFieldCpu& field, std::uint64_t seed, double max_K) {
    std::mt19937_64 rng(seed);
    for (float& t : field.excess())
        t = static_cast<float>(max_K * static_cast<double>(rng() >> 11) * 0x1.0p-53);
}

struct Moments {
    double x_m = 0.0, z_m = 0.0;  // theta-weighted mean position
    double varX_cells2 = 0.0, varZ_cells2 = 0.0;
};

Moments moments(const HeatFieldCpu& field) {
    const HeatFieldGrid& g = field.grid();
    double sum = 0.0, si = 0.0, sj = 0.0, sii = 0.0, sjj = 0.0;
    for (int j = 0; j < g.nz; ++j)
        for (int i = 0; i < g.nx; ++i) {
            double t = field.excess()[static_cast<std::size_t>(j) * g.nx + i];
            sum += t;
            si += t * i;
            sj += t * j;
            sii += t * i * i;
            sjj += t * j * j;
        }
    Moments m;
    double mi = si / sum, mj = sj / sum;
    m.x_m = g.originX_m + (mi + 0.5) * g.cellSize_m;
    m.z_m = g.originZ_m + (mj + 0.5) * g.cellSize_m;
    m.varX_cells2 = sii / sum - mi * mi;
    m.varZ_cells2 = sjj / sum - mj * mj;
    return m;
}

float minOf(const HeatFieldCpu& f) {
    return *std::min_element(f.excess().begin(), f.excess().end());
}
float maxOf(const HeatFieldCpu& f) {
    return *std::max_element(f.excess().begin(), f.excess().end());
}
bool allFinite(const HeatFieldCpu& f) {
    return std::all_of(f.excess().begin(), f.excess().end(), [](float t) { return std::isfinite(t); });
}

double kernelVariance(const std::vector<float>& kernel) {
    int r = static_cast<int>(kernel.size() / 2);
    double v = 0.0;
    for (int k = -r; k <= r; ++k)
        v += static_cast<double>(kernel[k + r]) * k * k;
    return v;
}

}  // namespace

TEST_CASE("a point of heat in still air spreads into the analytic Gaussian", "[twin][heatfield]") {
    // Diffusion only, at sigma = 1.01 cells a step (5 taps each side). The kernel test below
    // checks the cut at 4 sigma keeps the variance within 0.1 % at campus sigmas too.
    const double dx = 8.0, diffusivity = 30.0, sigmaPerStep = 1.01;
    const double dt = (sigmaPerStep * dx) * (sigmaPerStep * dx) / (2.0 * diffusivity);
    const int n = 256, c = 128, steps = 100;
    HeatFieldGrid grid = centredGrid(n, dx);
    HeatFieldStep step = makeHeatFieldStep(grid, physicsWith(diffusivity, 0.0), 0.0, 0.0, dt);
    REQUIRE(step.kernel.size() == 11);  // ceil(4 x 1.01) = 5 taps each side
    HeatFieldCpu field(grid);
    cell(field, c, c) = 1.0f;  // one K-cell of heat, on the lattice: variance 0 at t = 0
    for (int s = 0; s < steps; ++s)
        field.step(step, {});

    // Analytic: a Gaussian of variance 2 K t per axis (in cells^2), holding the total heat, 1.
    double variance = 2.0 * diffusivity * dt * steps / (dx * dx);
    double peak = 1.0 / (2.0 * std::numbers::pi * variance);
    double peakError = std::abs(cell(field, c, c) / peak - 1.0);
    CHECK(peakError < 0.02);

    Moments m = moments(field);
    double varianceErrorX = std::abs(m.varX_cells2 / variance - 1.0);
    double varianceErrorZ = std::abs(m.varZ_cells2 / variance - 1.0);
    CHECK(varianceErrorX < 0.02);
    CHECK(varianceErrorZ < 0.02);
    CHECK(field.totalHeat() == Approx(1.0).epsilon(1e-4));  // nothing reached the edges

    // The whole profile, out to 2.5 standard deviations, cell by cell.
    double worstProfileError = 0.0;
    int reach = static_cast<int>(2.5 * std::sqrt(variance));
    for (int j = c - reach; j <= c + reach; ++j)
        for (int i = c - reach; i <= c + reach; ++i) {
            double r2 = (i - c) * (i - c) + (j - c) * (j - c);
            if (r2 > reach * reach) continue;
            double analytic = peak * std::exp(-0.5 * r2 / variance);
            worstProfileError = std::max(worstProfileError, std::abs(cell(field, i, j) / analytic - 1.0));
        }
    CHECK(worstProfileError < 0.02);

    // Symmetric: east equals west, north equals south, and the x profile equals the z profile.
    double worstAsymmetry = 0.0;
    for (int d = 1; d <= 50; ++d) {
        double e = cell(field, c + d, c), w = cell(field, c - d, c);
        double s = cell(field, c, c + d), nth = cell(field, c, c - d);
        double scale = std::max({e, w, s, nth});
        worstAsymmetry =
            std::max({worstAsymmetry, std::abs(e - w) / scale, std::abs(s - nth) / scale, std::abs(e - s) / scale});
    }
    CHECK(worstAsymmetry < 1e-5);
}

TEST_CASE("in a uniform wind the plume's centre moves downwind at the wind speed", "[twin][heatfield]") {
    const double dx = 8.0, speed = 2.0, dt = 30.0;  // 7.5 cells a step: a fractional shift
    const int steps = 10;
    const double travelled = speed * dt * steps;  // 600 m
    HeatFieldGrid grid = centredGrid(256, dx);
    HeatFieldPhysics physics = physicsWith(30.0, 0.0);

    SECTION("from the south, the plume moves north (-z)") {
        HeatFieldCpu field(grid);
        addGaussianBlob(field, 128.0, 180.0, 3.0, 1.0);
        Moments before = moments(field);
        HeatFieldStep step = makeHeatFieldStep(grid, physics, speed, 180.0, dt);
        for (int s = 0; s < steps; ++s)
            field.step(step, {});
        Moments after = moments(field);
        double driftZ = after.z_m - before.z_m;
        double driftX = after.x_m - before.x_m;
        CHECK(std::abs(driftZ - (-travelled)) < 0.5 * dx);
        CHECK(std::abs(driftX) < 0.5 * dx);
        // Bilinear backtracing with a fractional shift f adds f (1 - f) cells^2 of variance a step
        // along the wind (here f = 0.5): the numerical diffusion docs/heatmap.md describes.
        double kernelVar = kernelVariance(step.kernel);
        CHECK(after.varX_cells2 - before.varX_cells2 == Approx(steps * kernelVar).epsilon(1e-3));
        CHECK(after.varZ_cells2 - before.varZ_cells2 == Approx(steps * (kernelVar + 0.25)).epsilon(1e-3));
    }
    SECTION("from the east, the plume moves west (-x)") {
        HeatFieldCpu field(grid);
        addGaussianBlob(field, 180.0, 128.0, 3.0, 1.0);
        Moments before = moments(field);
        HeatFieldStep step = makeHeatFieldStep(grid, physics, speed, 90.0, dt);
        for (int s = 0; s < steps; ++s)
            field.step(step, {});
        Moments after = moments(field);
        CHECK(std::abs((after.x_m - before.x_m) - (-travelled)) < 0.5 * dx);
        CHECK(std::abs(after.z_m - before.z_m) < 0.5 * dx);
    }
}

TEST_CASE("with no sources the field relaxes to ambient", "[twin][heatfield]") {
    const double tau = 900.0, dt = 60.0;
    const int stepsFor10Tau = 150;

    SECTION("the total excess decays as exp(-t / tau)") {
        // Diffusion on, no wind, the blob far from the edges: relaxation is the only loss.
        HeatFieldGrid grid = centredGrid(256, 16.0);
        HeatFieldCpu field(grid);
        addGaussianBlob(field, 128.0, 128.0, 4.0, 3.0);
        HeatFieldStep step = makeHeatFieldStep(grid, physicsWith(10.0, tau), 0.0, 0.0, dt);
        double start = field.totalHeat();
        double worstDecayError = 0.0;
        for (int s = 1; s <= stepsFor10Tau; ++s) {
            field.step(step, {});
            double expected = start * std::exp(-s * dt / tau);
            worstDecayError = std::max(worstDecayError, std::abs(field.totalHeat() / expected - 1.0));
        }
        CHECK(worstDecayError < 0.01);
        CHECK(field.totalHeat() < 1e-4 * start);
    }
    SECTION("any field, with wind and diffusion, comes back to ambient everywhere") {
        HeatFieldGrid grid = centredGrid(128, 8.0);
        HeatFieldCpu field(grid);
        fillUniformRandom(field, 7, 5.0);
        float startMax = maxOf(field);
        HeatFieldStep step = makeHeatFieldStep(grid, physicsWith(30.0, tau), 0.4, 250.0, dt);
        for (int s = 0; s < stepsFor10Tau; ++s)
            field.step(step, {});
        CHECK(maxOf(field) < 1e-4 * startMax);
        CHECK(minOf(field) >= 0.0f);
    }
}

TEST_CASE("with relaxation off the scheme conserves heat", "[twin][heatfield]") {
    // Wind from the south-west (towards the north-east), 1.25 cells a step in all, so the shift has
    // a fraction along both axes; the blob travels 88 cells diagonally and never nears an edge.
    const double dx = 8.0, dt = 10.0, speed = 1.0;
    HeatFieldGrid grid = centredGrid(256, dx);
    HeatFieldCpu field(grid);
    addGaussianBlob(field, 80.0, 176.0, 4.0, 2.0);
    double start = field.totalHeat();
    Moments before = moments(field);
    HeatFieldStep step = makeHeatFieldStep(grid, physicsWith(5.0, 0.0), speed, 225.0, dt);
    double worstConservationError = 0.0;
    for (int s = 0; s < 100; ++s) {
        field.step(step, {});
        worstConservationError = std::max(worstConservationError, std::abs(field.totalHeat() / start - 1.0));
    }
    CHECK(worstConservationError < 1e-3);
    Moments after = moments(field);
    double leg = speed * dt * 100 * std::sqrt(0.5);  // 707 m east and 707 m north
    CHECK(after.x_m - before.x_m == Approx(leg).margin(0.5 * dx));
    CHECK(after.z_m - before.z_m == Approx(-leg).margin(0.5 * dx));
}

TEST_CASE("a steady source with relaxation holds q_total tau of heat", "[twin][heatfield]") {
    // No wind; the diffusion length sqrt(K tau) is 164 m = 10 cells, the edges over 110 cells away
    // (on a 128-cell grid, 5 lengths away, the tail beyond the edges took 0.7 %).
    const double dx = 16.0, tau = 900.0, dt = 60.0;
    HeatFieldGrid grid = centredGrid(256, dx);
    HeatFieldPhysics physics = physicsWith(30.0, tau);
    std::vector<float> q = heatSourceRate(grid, physics, {{0.0, 0.0, 10.0e6}, {200.0, -100.0, 5.0e6}});
    double qTotal = 0.0;
    for (float v : q)
        qTotal += v;
    HeatFieldStep step = makeHeatFieldStep(grid, physics, 0.0, 0.0, dt);
    HeatFieldCpu field(grid);
    double previous = 0.0;
    for (int s = 0; s < 200; ++s) {  // 13 tau: exp(-13) of the way left to go
        previous = field.totalHeat();
        field.step(step, q);
    }
    CHECK(field.totalHeat() == Approx(qTotal * tau).epsilon(1e-3));
    CHECK(std::abs(field.totalHeat() - previous) < 1e-4 * field.totalHeat());  // steady
    CHECK(minOf(field) >= 0.0f);
}

TEST_CASE("large and moderate steps are stable", "[twin][heatfield]") {
    HeatFieldGrid grid = centredGrid(128, 8.0);
    HeatFieldPhysics physics = physicsWith(30.0, 900.0);

    SECTION("30 m/s over 600 s: a shift of 2250 cells carries everything away") {
        std::vector<float> q = heatSourceRate(grid, physics, {{10.0, -30.0, 50.0e6}});
        for (double from : {0.0, 37.0, 90.0, 180.0, 270.0}) {
            HeatFieldCpu field(grid);
            fillUniformRandom(field, 11, 4.0);
            HeatFieldStep step = makeHeatFieldStep(grid, physics, 30.0, from, 600.0);
            for (int s = 0; s < 3; ++s) {
                field.step(step, q);
                INFO("wind from " << from << " deg, step " << s);
                REQUIRE(allFinite(field));
                CHECK(minOf(field) >= -1e-6f);
            }
        }
    }
    SECTION("5 cells a step: the maximum never grows, nothing goes negative") {
        HeatFieldCpu field(grid);
        fillUniformRandom(field, 13, 1.0);
        addGaussianBlob(field, 64.0, 64.0, 2.0, 6.0);
        float startMax = maxOf(field);
        HeatFieldStep step = makeHeatFieldStep(grid, physicsWith(30.0, 0.0), 4.0, 300.0, 10.0);
        REQUIRE(std::hypot(step.shiftX_cells, step.shiftZ_cells) == Approx(5.0));
        float worstMax = 0.0f;
        for (int s = 0; s < 50; ++s) {
            field.step(step, {});
            REQUIRE(allFinite(field));
            worstMax = std::max(worstMax, maxOf(field));
            CHECK(minOf(field) >= -1e-6f);
        }
        // Float rounding of weights that sum to 1 may add a few parts in 1e7 per step.
        CHECK(worstMax <= startMax * (1.0f + 1e-5f));
    }
}

TEST_CASE("diffusionKernel is a normalised, symmetric, sampled Gaussian", "[twin][heatfield]") {
    CHECK(diffusionKernel(0.0) == std::vector<float>{1.0f});
    CHECK(diffusionKernel(5e-4) == std::vector<float>{1.0f});
    CHECK(diffusionKernel(std::nan("")) == std::vector<float>{1.0f});
    for (double sigma : {1e-3, 0.3, 1.0, 1.01, 2.5, 7.5, 23.7}) {
        INFO("sigma " << sigma);
        std::vector<float> k = diffusionKernel(sigma);
        int r = static_cast<int>(std::ceil(4.0 * sigma));
        REQUIRE(k.size() == static_cast<std::size_t>(2 * r + 1));
        double sum = 0.0;
        for (float w : k)
            sum += w;
        CHECK(std::abs(sum - 1.0) < 1e-6);
        for (int d = 1; d <= r; ++d)
            CHECK(k[r + d] == k[r - d]);
        for (int d = 1; d <= r; ++d)
            CHECK(k[r + d] <= k[r + d - 1]);
        if (sigma >= 1.0) {
            // Cutting at 4 sigma removes the tails' share of the variance: under 0.2 %.
            double v = kernelVariance(k) / (sigma * sigma);
            CHECK(v <= 1.0 + 1e-6);
            CHECK(v >= 0.998);
        }
    }
}

TEST_CASE("makeHeatFieldStep follows the wind convention and integrates relaxation exactly", "[twin][heatfield]") {
    HeatFieldGrid grid = centredGrid(64, 8.0);
    SECTION("wind from the south blows north, from the west blows east") {
        HeatFieldStep fromSouth = makeHeatFieldStep(grid, physicsWith(30.0, 900.0), 2.0, 180.0, 30.0);
        CHECK(fromSouth.shiftZ_cells == Approx(-7.5));
        CHECK(fromSouth.shiftX_cells == Approx(0.0).margin(1e-12));
        HeatFieldStep fromWest = makeHeatFieldStep(grid, physicsWith(30.0, 900.0), 2.0, 270.0, 30.0);
        CHECK(fromWest.shiftX_cells == Approx(7.5));
        CHECK(fromWest.shiftZ_cells == Approx(0.0).margin(1e-12));
        // sigma = sqrt(2 K dt) / dx = sqrt(1800) / 8 = 5.3 cells.
        CHECK(fromSouth.kernel.size() == 45);  // ceil(4 sigma) = 22 taps each side
    }
    SECTION("relaxation on: decay exp(-dt/tau), gain tau (1 - decay)") {
        HeatFieldStep s = makeHeatFieldStep(grid, physicsWith(30.0, 900.0), 0.0, 0.0, 60.0);
        CHECK(s.decay == Approx(std::exp(-60.0 / 900.0)).epsilon(1e-14));
        CHECK(s.gain_s == Approx(900.0 * (1.0 - std::exp(-60.0 / 900.0))).epsilon(1e-12));
    }
    SECTION("relaxation off: decay 1, gain dt") {
        for (double tau : {0.0, -5.0}) {
            HeatFieldStep s = makeHeatFieldStep(grid, physicsWith(30.0, tau), 0.0, 0.0, 60.0);
            CHECK(s.decay == 1.0);
            CHECK(s.gain_s == 60.0);
        }
    }
    SECTION("still air and no time: an identity step") {
        HeatFieldStep s = makeHeatFieldStep(grid, physicsWith(30.0, 900.0), 0.0, 0.0, 0.0);
        CHECK(s.kernel == std::vector<float>{1.0f});
        CHECK(s.decay == 1.0);
        CHECK(s.gain_s == 0.0);
    }
    CHECK_THROWS_AS(makeHeatFieldStep(grid, physicsWith(30.0, 900.0), -1.0, 0.0, 60.0), std::invalid_argument);
    CHECK_THROWS_AS(makeHeatFieldStep(grid, physicsWith(30.0, 900.0), 1.0, 0.0, -60.0), std::invalid_argument);
}

TEST_CASE("heatSourceRate splats each source's power bilinearly onto the cells", "[twin][heatfield]") {
    HeatFieldGrid grid = centredGrid(64, 8.0);  // x and z from -256 m to 256 m
    HeatFieldPhysics physics;
    double perCell = 1.0e6 / (physics.airDensity_kgm3 * physics.airHeatCapacity_JkgK * physics.mixingHeight_m * 64.0);
    auto at = [&](const std::vector<float>& q, int i, int j) { return q[static_cast<std::size_t>(j) * 64 + i]; };
    auto total = [](const std::vector<float>& q) {
        double s = 0.0;
        for (float v : q)
            s += v;
        return s;
    };

    SECTION("on a cell centre: all in that cell") {
        std::vector<float> q = heatSourceRate(grid, physics, {{4.0, -12.0, 1.0e6}});  // centre of (32, 30)
        CHECK(at(q, 32, 30) == Approx(perCell).epsilon(1e-6));
        CHECK(total(q) == Approx(perCell).epsilon(1e-6));
    }
    SECTION("on a corner: a quarter in each of the four cells") {
        std::vector<float> q = heatSourceRate(grid, physics, {{0.0, 0.0, 1.0e6}});
        const int corners[4][2] = {{31, 31}, {32, 31}, {31, 32}, {32, 32}};
        for (const auto& c : corners)
            CHECK(at(q, c[0], c[1]) == Approx(0.25 * perCell).epsilon(1e-6));
    }
    SECTION("a quarter of the way between centres: 3/4 and 1/4") {
        std::vector<float> q = heatSourceRate(grid, physics, {{6.0, 4.0, 1.0e6}});  // centres at 4 and 12 m
        CHECK(at(q, 32, 32) == Approx(0.75 * perCell).epsilon(1e-6));
        CHECK(at(q, 33, 32) == Approx(0.25 * perCell).epsilon(1e-6));
    }
    SECTION("sources on the grid keep all their power, even at an edge; sources off it are dropped") {
        std::vector<float> q =
            heatSourceRate(grid, physics, {{-255.0, 255.5, 1.0e6}, {300.0, 0.0, 1.0e6}, {0.0, -256.5, 1.0e6}});
        CHECK(total(q) == Approx(perCell).epsilon(1e-6));
        CHECK(at(q, 0, 63) == Approx(perCell).epsilon(1e-6));
    }
}

TEST_CASE("sample() interpolates the field bilinearly in metres", "[twin][heatfield]") {
    HeatFieldGrid grid = centredGrid(16, 10.0);  // cell (i, j) centred at (-75 + 10 i, -75 + 10 j)
    HeatFieldCpu field(grid);
    cell(field, 8, 8) = 4.0f;
    cell(field, 9, 8) = 2.0f;
    CHECK(field.sample(5.0, 5.0) == Approx(4.0));
    CHECK(field.sample(10.0, 5.0) == Approx(3.0));
    CHECK(field.sample(5.0, 10.0) == Approx(2.0));  // halfway to an empty cell
    CHECK(field.sample(500.0, 0.0) == 0.0);
    CHECK(field.totalHeat() == Approx(6.0));
    // The solver's input checks.
    std::vector<float> wrongSize(10, 0.f);
    CHECK_THROWS_AS(field.step(makeHeatFieldStep(grid, HeatFieldPhysics{}, 1.0, 0.0, 1.0), wrongSize),
                    std::invalid_argument);
    HeatFieldGrid empty = grid;
    empty.nx = 0;
    CHECK_THROWS_AS(HeatFieldCpu{empty}, std::invalid_argument);
}
