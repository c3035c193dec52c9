// The campus air-temperature field: a 2D grid over the site holding the near-surface air's
// temperature excess over ambient, theta (K), carried by the wind, spread by turbulence, heated
// by the dry coolers and relaxing back to ambient. docs/heatmap.md states the physics; this
// header fixes the discrete scheme, which the GPU solver (engine/compute) reproduces exactly:
//
//   d(theta)/dt + u . grad(theta) = K laplacian(theta) + q - theta / tau,   q = S / (rho c_p H)
//
// One step of dt, by operator splitting, in this order:
//   1. sources and relaxation, integrated exactly over dt for constant q:
//      theta = theta * decay + q * gain, decay = exp(-dt / tau), gain = tau (1 - decay)
//      (with relaxation off: decay = 1, gain = dt);
//   2. advection, semi-Lagrangian: theta*(cell) = bilinear(theta, cell centre - u dt / dx), with
//      theta = 0 (ambient air) outside the grid;
//   3. diffusion, by its exact propagator: a separable Gaussian blur with sigma = sqrt(2 K dt) / dx
//      cells, along x then z, kernel weights from diffusionKernel() (sampled and normalised, taps
//      falling outside the grid read 0).
// Sources come first so a step's heat is carried by that step: the field never holds a
// cooler's fresh heat unmoved in its own cell, where the cooler's inlet would read it back.
// Each step is unconditionally stable: no CFL limit on wind speed or time step.
//
// Cells: index = j * nx + i, i along +x (east), j along +z (south); cell (i, j) is centred at
// (originX + (i + 0.5) dx, originZ + (j + 0.5) dx).
#pragma once

#include <cstdint>
#include <vector>

namespace ct::twin {

struct HeatFieldGrid {
    int nx = 512;
    int nz = 512;
    double cellSize_m = 8.0;
    double originX_m = -2048.0;  // west edge
    double originZ_m = -2048.0;  // north edge
};

struct HeatFieldPhysics {
    double diffusivity_m2s = 30.0;    // K: turbulent (eddy) diffusivity near the ground
    double mixingHeight_m = 50.0;     // H: depth of air the coolers' heat mixes into
    double relaxationTime_s = 900.0;  // tau; <= 0 turns relaxation off
    double airDensity_kgm3 = 1.2;
    double airHeatCapacity_JkgK = 1005.0;
};

struct HeatSource {
    double x_m = 0.0;
    double z_m = 0.0;
    double power_w = 0.0;  // heat rejected into the air
};

// Everything one step needs, in grid units: what the GPU solver is given.
struct HeatFieldStep {
    double shiftX_cells = 0.0;  // u_x dt / dx: the backtrace is cell centre minus this
    double shiftZ_cells = 0.0;
    std::vector<float> kernel;  // odd length, centre tap in the middle, sums to 1
    double decay = 1.0;
    double gain_s = 0.0;  // multiplies q (K/s)
};

// Wind from `windFrom_deg` (clockwise from north) at `speed_ms` blows towards the opposite
// direction: u_x = -speed sin(from), u_z = speed cos(from) (north is -z).
HeatFieldStep makeHeatFieldStep(const HeatFieldGrid& grid, const HeatFieldPhysics& physics, double windSpeed_ms,
                                double windFrom_deg, double dt_s);

// Sampled Gaussian of standard deviation sigma (cells), truncated at ceil(4 sigma) taps each
// side and normalised; a single tap of 1 when sigma is below 1e-3 cells.
std::vector<float> diffusionKernel(double sigma_cells);

// q per cell (K/s): each source's power spread bilinearly over the four cells around it, divided
// by the cell's air heat capacity (rho c_p H dx^2). Sources outside the grid are dropped.
std::vector<float> heatSourceRate(const HeatFieldGrid& grid, const HeatFieldPhysics& physics,
                                  const std::vector<HeatSource>& sources);

// The CPU reference solver.
class HeatFieldCpu {
public:
    explicit HeatFieldCpu(const HeatFieldGrid& grid);

    void step(const HeatFieldStep& step, const std::vector<float>& sourceRate);
    const std::vector<float>& excess() const { return theta_; }  // K above ambient, per cell
    std::vector<float>& excess() { return theta_; }
    const HeatFieldGrid& grid() const { return grid_; }
    // Bilinear sample of the excess at a point (0 outside the grid).
    double sample(double x_m, double z_m) const;
    double totalHeat() const;  // sum of theta over cells (K cells), for conservation checks

private:
    HeatFieldGrid grid_;
    std::vector<float> theta_;
    std::vector<float> scratch_;
};

}  // namespace ct::twin
