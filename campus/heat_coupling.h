// The heat map coupled to the twin: each step the cooler banks' rejected heat (from the
// simulation) heats the campus air field where the banks stand, the field moves with the wind,
// and every bank's inlet air temperature (ambient plus the field's excess there) goes back to
// the simulation's cooling model. That is what lets a downwind building run warmer.
//
//   HeatCoupling coupling(scenario, campus, {.backend = FieldBackend::Gpu}, &context);
//   for (...) { coupling.step(simulation, dt); simulation.advance(); }
//   renderer.setGroundOverlay(coupling.overlay(ambient, lo, hi));  // after the steps, before recording
#pragma once

#include "campus/campus_scene.h"
#include "campus/field_backend.h"
#include "render/ground_overlay.h"
#include "twin/heat_field.h"
#include "twin/simulation.h"
#include "vk/context.h"

#include <memory>
#include <string>
#include <vector>

namespace ct::campus {

struct HeatCouplingOptions {
    FieldBackend backend = FieldBackend::Gpu;
    int cells = 512;          // per side
    double margin_m = 700.0;  // beyond the outermost buildings
    // A cooler draws its air from beside and upwind of it while its exhaust rises: the inlet is
    // sampled this far upwind of the bank, so a bank does not breathe its own exhaust.
    double inletUpwind_m = 25.0;
    twin::HeatFieldPhysics physics;
};

// A square grid over the campus's buildings (as composed), `cells` on a side.
twin::HeatFieldGrid campusGrid(const twin::Scenario& scenario, const CampusScene& campus, int cells, double margin_m);

class FieldSolver;  // CPU or GPU behind one interface (heat_coupling.cpp)

class HeatCoupling {
public:
    // `gpu` must be given for FieldBackend::Gpu and outlive the coupling; with the CPU backend it
    // is optional and only needed for overlay().
    HeatCoupling(const twin::Scenario& scenario, const CampusScene& campus, const HeatCouplingOptions& options,
                 vk::Context* gpu = nullptr);
    ~HeatCoupling();

    // Moves the field on by dt with the current state's heat and wind, then sets every bank's
    // inlet air for the simulation's next step.
    void step(twin::Simulation& simulation, double dt_s);

    const twin::HeatFieldGrid& grid() const { return grid_; }
    std::vector<float> excess() const;  // K above ambient per cell (reads back from the GPU)
    // The field as a renderer overlay, in degrees C; disabled without a Vulkan context. The GPU
    // solver's field buffer, or with the CPU solver the field uploaded into a host-visible buffer
    // (compute/host_field_ring.h) that stays unchanged until the next call: give the result to
    // the renderer before it records again, after every step (CampusStage does each frame).
    render::GroundOverlay overlay(double ambient_c, double rangeMin_c, double rangeMax_c);
    FieldBackend backend() const { return options_.backend; }
    // Inlet air of each bank of building `index` at the last step (empty if not built).
    const std::vector<double>& inletAir(std::size_t index) const { return inlets_.at(index); }
    std::size_t bankCount() const;

private:
    const twin::Scenario& scenario_;
    HeatCouplingOptions options_;
    twin::HeatFieldGrid grid_;
    std::vector<std::vector<glm::vec2>> banks_;  // per building (scenario order), world x, z
    std::vector<std::vector<double>> inlets_;
    std::unique_ptr<FieldSolver> solver_;
};

}  // namespace ct::campus
