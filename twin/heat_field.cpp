#include "twin/heat_field.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>
#include <string>

namespace ct::twin {

namespace {

void requireValidGrid(const HeatFieldGrid& grid) {
    if (grid.nx <= 0 || grid.nz <= 0) throw std::invalid_argument("heat field: the grid needs at least one cell");
    if (!(grid.cellSize_m > 0.0) || !std::isfinite(grid.cellSize_m))
        throw std::invalid_argument("heat field: the cell size must be a positive number of metres");
}

// Bilinear interpolation between the four cell centres around a point given in cell coordinates
// (cell (i, j) has its centre at (i, j)); neighbours outside the grid are ambient air, 0.
// The weights are formed in double and rounded to float once, the form the GPU solver mirrors.
struct BilinearStencil {
    long long i0 = 0;  // the lower-left of the four cells
    long long j0 = 0;
    float w00 = 0.f, w10 = 0.f, w01 = 0.f, w11 = 0.f;
};

BilinearStencil bilinearStencil(double px, double pz) {
    double fi = std::floor(px);
    double fj = std::floor(pz);
    double fx = px - fi;
    double fz = pz - fj;
    BilinearStencil s;
    s.i0 = static_cast<long long>(fi);
    s.j0 = static_cast<long long>(fj);
    s.w00 = static_cast<float>((1.0 - fx) * (1.0 - fz));
    s.w10 = static_cast<float>(fx * (1.0 - fz));
    s.w01 = static_cast<float>((1.0 - fx) * fz);
    s.w11 = static_cast<float>(fx * fz);
    return s;
}

float cellOrAmbient(const std::vector<float>& theta, int nx, int nz, long long i, long long j) {
    if (i < 0 || j < 0 || i >= nx || j >= nz) return 0.f;
    return theta[static_cast<std::size_t>(j * nx + i)];
}

float applyStencil(const BilinearStencil& s, const std::vector<float>& theta, int nx, int nz, long long i,
                   long long j) {
    return s.w00 * cellOrAmbient(theta, nx, nz, i, j) + s.w10 * cellOrAmbient(theta, nx, nz, i + 1, j) +
           s.w01 * cellOrAmbient(theta, nx, nz, i, j + 1) + s.w11 * cellOrAmbient(theta, nx, nz, i + 1, j + 1);
}

// Step 1: semi-Lagrangian advection. The shift is the same for every cell, so the backtrace's
// integer offset and fractional weights are computed once; per cell this equals
// bilinear(theta, (i - shiftX, j - shiftZ)). A shift larger than the grid reads only ambient air,
// so it is clamped first: that keeps the integer conversion defined for any wind and time step.
void advect(const std::vector<float>& theta, std::vector<float>& out, int nx, int nz, double shiftX, double shiftZ) {
    double limitX = nx + 2.0;
    double limitZ = nz + 2.0;
    BilinearStencil s = bilinearStencil(std::clamp(-shiftX, -limitX, limitX), std::clamp(-shiftZ, -limitZ, limitZ));
    for (int j = 0; j < nz; ++j) {
        for (int i = 0; i < nx; ++i) {
            out[static_cast<std::size_t>(j) * nx + i] = applyStencil(s, theta, nx, nz, i + s.i0, j + s.j0);
        }
    }
}

// Step 2a: blur along x. Taps are summed in ascending order, those outside the row skipped
// (ambient air reads 0, so the heat they would carry has left the grid).
void blurAlongX(const std::vector<float>& in, std::vector<float>& out, int nx, int nz,
                const std::vector<float>& kernel) {
    int r = static_cast<int>(kernel.size() / 2);
    for (int j = 0; j < nz; ++j) {
        const float* row = in.data() + static_cast<std::size_t>(j) * nx;
        float* dst = out.data() + static_cast<std::size_t>(j) * nx;
        for (int i = 0; i < nx; ++i) {
            int kLo = std::max(-r, -i);
            int kHi = std::min(r, nx - 1 - i);
            float sum = 0.f;
            for (int k = kLo; k <= kHi; ++k)
                sum += kernel[k + r] * row[i + k];
            dst[i] = sum;
        }
    }
}

// Step 2b: blur along z, the same per-cell sum (taps in ascending k), looped row by row so the
// inner loop runs along contiguous memory.
void blurAlongZ(const std::vector<float>& in, std::vector<float>& out, int nx, int nz,
                const std::vector<float>& kernel) {
    int r = static_cast<int>(kernel.size() / 2);
    for (int j = 0; j < nz; ++j) {
        float* dst = out.data() + static_cast<std::size_t>(j) * nx;
        std::fill(dst, dst + nx, 0.f);
        int kLo = std::max(-r, -j);
        int kHi = std::min(r, nz - 1 - j);
        for (int k = kLo; k <= kHi; ++k) {
            const float* src = in.data() + static_cast<std::size_t>(j + k) * nx;
            float w = kernel[k + r];
            for (int i = 0; i < nx; ++i)
                dst[i] += w * src[i];
        }
    }
}

}  // namespace

HeatFieldStep makeHeatFieldStep(const HeatFieldGrid& grid, const HeatFieldPhysics& physics, double windSpeed_ms,
                                double windFrom_deg, double dt_s) {
    requireValidGrid(grid);
    if (!(dt_s >= 0.0) || !std::isfinite(dt_s)) throw std::invalid_argument("heat field: dt must be >= 0 s");
    if (!(windSpeed_ms >= 0.0) || !std::isfinite(windSpeed_ms) || !std::isfinite(windFrom_deg))
        throw std::invalid_argument("heat field: the wind speed must be >= 0 m/s and its direction finite");
    if (!(physics.diffusivity_m2s >= 0.0)) throw std::invalid_argument("heat field: the diffusivity must be >= 0");

    double from = windFrom_deg * std::numbers::pi / 180.0;
    double ux = -windSpeed_ms * std::sin(from);  // the air moves away from where the wind comes from
    double uz = windSpeed_ms * std::cos(from);   // from the north (0 deg) blows towards +z (south)

    HeatFieldStep step;
    step.shiftX_cells = ux * dt_s / grid.cellSize_m;
    step.shiftZ_cells = uz * dt_s / grid.cellSize_m;
    // Diffusion over dt spreads a point into a Gaussian of variance 2 K dt along each axis.
    step.kernel = diffusionKernel(std::sqrt(2.0 * physics.diffusivity_m2s * dt_s) / grid.cellSize_m);
    if (physics.relaxationTime_s > 0.0) {
        double x = dt_s / physics.relaxationTime_s;
        step.decay = std::exp(-x);
        // tau (1 - exp(-dt/tau)), via expm1 so that dt << tau keeps its digits.
        step.gain_s = -physics.relaxationTime_s * std::expm1(-x);
    } else {
        step.decay = 1.0;
        step.gain_s = dt_s;
    }
    return step;
}

std::vector<float> diffusionKernel(double sigma_cells) {
    if (!(sigma_cells >= 1e-3)) return {1.f};  // also catches NaN: no spreading rather than poison
    // Past a few million cells of radius the blur is meaningless anyway; the cap keeps the size finite.
    double radius = std::min(std::ceil(4.0 * sigma_cells), 1.0e6);
    int r = static_cast<int>(radius);
    std::vector<double> weights(static_cast<std::size_t>(2 * r + 1));
    double sum = 0.0;
    for (int k = -r; k <= r; ++k) {
        double w = std::exp(-0.5 * (k / sigma_cells) * (k / sigma_cells));
        weights[static_cast<std::size_t>(k + r)] = w;
        sum += w;
    }
    std::vector<float> kernel(weights.size());
    for (std::size_t n = 0; n < weights.size(); ++n)
        kernel[n] = static_cast<float>(weights[n] / sum);
    return kernel;
}

std::vector<float> heatSourceRate(const HeatFieldGrid& grid, const HeatFieldPhysics& physics,
                                  const std::vector<HeatSource>& sources) {
    requireValidGrid(grid);
    double cellHeatCapacity_JK = physics.airDensity_kgm3 * physics.airHeatCapacity_JkgK * physics.mixingHeight_m *
                                 grid.cellSize_m * grid.cellSize_m;
    if (!(cellHeatCapacity_JK > 0.0)) throw std::invalid_argument("heat field: rho c_p H must be positive");

    std::vector<double> rate(static_cast<std::size_t>(grid.nx) * grid.nz, 0.0);
    for (const HeatSource& source : sources) {
        double gx = (source.x_m - grid.originX_m) / grid.cellSize_m;  // 0 at the west edge, nx at the east
        double gz = (source.z_m - grid.originZ_m) / grid.cellSize_m;
        if (!(gx >= 0.0 && gx < grid.nx && gz >= 0.0 && gz < grid.nz)) continue;  // outside (or NaN): dropped
        // In cell-centre coordinates. Within half a cell of an edge there is no centre beyond, so
        // the point is held on the outermost centres: every watt of a source on the grid lands on it.
        double px = std::clamp(gx - 0.5, 0.0, grid.nx - 1.0);
        double pz = std::clamp(gz - 0.5, 0.0, grid.nz - 1.0);
        int i0 = std::min(static_cast<int>(px), grid.nx - 1);
        int j0 = std::min(static_cast<int>(pz), grid.nz - 1);
        double fx = px - i0;
        double fz = pz - j0;
        int i1 = std::min(i0 + 1, grid.nx - 1);  // only reached with fx == 0 on the last column
        int j1 = std::min(j0 + 1, grid.nz - 1);
        double q = source.power_w / cellHeatCapacity_JK;
        auto at = [&](int i, int j) -> double& { return rate[static_cast<std::size_t>(j) * grid.nx + i]; };
        at(i0, j0) += q * (1.0 - fx) * (1.0 - fz);
        at(i1, j0) += q * fx * (1.0 - fz);
        at(i0, j1) += q * (1.0 - fx) * fz;
        at(i1, j1) += q * fx * fz;
    }
    return std::vector<float>(rate.begin(), rate.end());
}

HeatFieldCpu::HeatFieldCpu(const HeatFieldGrid& grid) : grid_(grid) {
    requireValidGrid(grid);
    std::size_t cells = static_cast<std::size_t>(grid.nx) * grid.nz;
    theta_.assign(cells, 0.f);
    scratch_.assign(cells, 0.f);
}

void HeatFieldCpu::step(const HeatFieldStep& step, const std::vector<float>& sourceRate) {
    int nx = grid_.nx;
    int nz = grid_.nz;
    if (step.kernel.empty() || step.kernel.size() % 2 == 0)
        throw std::invalid_argument("heat field: the diffusion kernel must have an odd number of taps");
    if (!sourceRate.empty() && sourceRate.size() != theta_.size())
        throw std::invalid_argument("heat field: " + std::to_string(sourceRate.size()) + " source rates for " +
                                    std::to_string(theta_.size()) + " cells");

    // Sources first, so the heat released during the step is carried and spread by it: a cell
    // never holds a step's worth of a cooler's heat unmoved (which its own inlet would read).
    float decay = static_cast<float>(step.decay);
    float gain = static_cast<float>(step.gain_s);
    for (std::size_t n = 0; n < theta_.size(); ++n) {
        float q = sourceRate.empty() ? 0.f : sourceRate[n];
        scratch_[n] = theta_[n] * decay + q * gain;
    }
    advect(scratch_, theta_, nx, nz, step.shiftX_cells, step.shiftZ_cells);
    // A single tap of 1 is the identity: the blur is skipped and the result equals it exactly.
    if (step.kernel.size() > 1) {
        blurAlongX(theta_, scratch_, nx, nz, step.kernel);
        blurAlongZ(scratch_, theta_, nx, nz, step.kernel);
    }
}

double HeatFieldCpu::sample(double x_m, double z_m) const {
    double gx = (x_m - grid_.originX_m) / grid_.cellSize_m;
    double gz = (z_m - grid_.originZ_m) / grid_.cellSize_m;
    if (!(gx >= 0.0 && gx <= grid_.nx && gz >= 0.0 && gz <= grid_.nz)) return 0.0;
    BilinearStencil s = bilinearStencil(gx - 0.5, gz - 0.5);
    return applyStencil(s, theta_, grid_.nx, grid_.nz, s.i0, s.j0);
}

double HeatFieldCpu::totalHeat() const {
    double sum = 0.0;
    for (float t : theta_)
        sum += t;
    return sum;
}

}  // namespace ct::twin
