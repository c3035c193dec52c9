#include "campus/heat_coupling.h"

#include "compute/advection_diffusion_solver.h"
#include "compute/host_field_ring.h"
#include "render/data_dir.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <stdexcept>

namespace ct::campus {

class FieldSolver {
public:
    virtual ~FieldSolver() = default;
    virtual void step(const twin::HeatFieldStep& step, const std::vector<float>& sourceRate) = 0;
    // Excess at points given in cell coordinates (the convention of HeatFieldCpu::sample).
    virtual std::vector<float> sample(const std::vector<glm::vec2>& cells) = 0;
    virtual std::vector<float> excess() = 0;
    // The field in a buffer a renderer can read (VK_NULL_HANDLE: none).
    virtual VkBuffer buffer() = 0;
    virtual VkDeviceSize bytes() const = 0;
};

namespace {

// The CPU reference; with a context, its field goes to the GPU for the overlay when asked for,
// at most once per step (the window asks every frame, and may step many times a frame).
class CpuFieldSolver : public FieldSolver {
public:
    CpuFieldSolver(const twin::HeatFieldGrid& grid, vk::Context* context) : field_(grid) {
        if (context)
            upload_.emplace(*context, static_cast<VkDeviceSize>(field_.excess().size() * sizeof(float)),
                            "air field (CPU solver)");
    }
    void step(const twin::HeatFieldStep& step, const std::vector<float>& rate) override {
        field_.step(step, rate);
        uploaded_ = false;
    }
    std::vector<float> sample(const std::vector<glm::vec2>& cells) override {
        const twin::HeatFieldGrid& g = field_.grid();
        std::vector<float> out;
        for (const glm::vec2& c : cells)
            out.push_back(static_cast<float>(
                field_.sample(g.originX_m + (c.x + 0.5) * g.cellSize_m, g.originZ_m + (c.y + 0.5) * g.cellSize_m)));
        return out;
    }
    std::vector<float> excess() override { return field_.excess(); }
    VkBuffer buffer() override {
        if (!upload_) return VK_NULL_HANDLE;
        if (!uploaded_) upload_->publish(field_.excess());
        uploaded_ = true;
        return upload_->current();
    }
    VkDeviceSize bytes() const override { return upload_ ? upload_->bytes() : 0; }

private:
    twin::HeatFieldCpu field_;
    std::optional<compute::HostFieldRing> upload_;
    bool uploaded_ = false;  // the ring's current buffer holds the field as it is now
};

class GpuFieldSolver : public FieldSolver {
public:
    GpuFieldSolver(vk::Context& context, const twin::HeatFieldGrid& grid)
        : solver_(context, render::shaderDir(), grid.nx, grid.nz) {
        solver_.upload(std::vector<float>(static_cast<std::size_t>(grid.nx) * grid.nz, 0.0f));
    }
    void step(const twin::HeatFieldStep& step, const std::vector<float>& rate) override {
        solver_.setSourceRate(rate);
        solver_.step({static_cast<float>(step.shiftX_cells), static_cast<float>(step.shiftZ_cells), step.kernel,
                      static_cast<float>(step.decay), static_cast<float>(step.gain_s)});
    }
    std::vector<float> sample(const std::vector<glm::vec2>& cells) override { return solver_.sample(cells); }
    std::vector<float> excess() override { return solver_.download(); }
    VkBuffer buffer() override { return solver_.fieldBuffer(); }
    VkDeviceSize bytes() const override { return solver_.fieldBytes(); }

private:
    compute::AdvectionDiffusionSolver solver_;
};

}  // namespace

twin::HeatFieldGrid campusGrid(const twin::Scenario& scenario, const CampusScene& campus, int cells, double margin_m) {
    scene::Bounds bounds;
    for (const twin::Building& b : scenario.buildings) {
        const auto it = campus.entityRoots.find(b.id);
        if (it == campus.entityRoots.end()) continue;
        // The building's own footprint: every node below its root.
        for (std::size_t n = 0; n < campus.scene.nodes.size(); ++n) {
            const std::string& name = campus.scene.nodes[n].name;
            if (name.compare(0, b.id.size() + 1, b.id + "/") != 0 && name != b.id) continue;
            bounds.extend(glm::vec3(campus.scene.nodes[n].world[3]));
        }
    }
    twin::HeatFieldGrid grid;
    grid.nx = grid.nz = cells;
    if (bounds.empty()) return grid;
    const double side = std::max(bounds.size().x, bounds.size().z) + 2.0 * margin_m;
    grid.cellSize_m = side / cells;
    grid.originX_m = bounds.center().x - side / 2.0;
    grid.originZ_m = bounds.center().z - side / 2.0;
    return grid;
}

HeatCoupling::HeatCoupling(const twin::Scenario& scenario, const CampusScene& campus,
                           const HeatCouplingOptions& options, vk::Context* gpu)
    : scenario_(scenario), options_(options), grid_(campusGrid(scenario, campus, options.cells, options.margin_m)) {
    // Where each cooler bank stands: the composed campus's node "<building>/cooler_bank_NN".
    std::map<std::string, int> byName;
    for (std::size_t n = 0; n < campus.scene.nodes.size(); ++n)
        byName[campus.scene.nodes[n].name] = static_cast<int>(n);
    banks_.resize(scenario.buildings.size());
    inlets_.resize(scenario.buildings.size());
    for (std::size_t i = 0; i < scenario.buildings.size(); ++i) {
        const twin::Building& b = scenario.buildings[i];
        for (int k = 1; k <= b.coolerBanks; ++k) {
            char name[64];
            std::snprintf(name, sizeof name, "%s/cooler_bank_%02d", b.id.c_str(), k);
            const auto it = byName.find(name);
            if (it == byName.end()) break;  // not built at this phase
            const scene::Node& node = campus.scene.nodes[it->second];
            glm::vec3 centre(node.world[3]);
            if (node.mesh >= 0) {
                scene::Bounds local;
                for (const auto& prim : campus.scene.meshes[node.mesh].primitives)
                    local.extend(prim.bounds);
                if (!local.empty()) centre = glm::vec3(node.world * glm::vec4(local.center(), 1.0f));
            }
            banks_[i].emplace_back(centre.x, centre.z);
        }
    }
    if (options.backend == FieldBackend::Gpu) {
        if (!gpu) throw std::invalid_argument("HeatCoupling: the GPU backend needs a Vulkan context");
        solver_ = std::make_unique<GpuFieldSolver>(*gpu, grid_);
    } else {
        solver_ = std::make_unique<CpuFieldSolver>(grid_, gpu);
    }
}

HeatCoupling::~HeatCoupling() = default;

std::size_t HeatCoupling::bankCount() const {
    std::size_t count = 0;
    for (const auto& banks : banks_)
        count += banks.size();
    return count;
}

void HeatCoupling::step(twin::Simulation& simulation, double dt_s) {
    const twin::StateSnapshot& state = simulation.current();
    std::vector<twin::HeatSource> sources;
    for (std::size_t i = 0; i < state.buildings.size() && i < banks_.size(); ++i) {
        const twin::BuildingSnapshot& b = state.buildings[i];
        const std::size_t n = std::min(banks_[i].size(), b.bankHeat_mw.size());
        for (std::size_t k = 0; k < n; ++k)
            sources.push_back({banks_[i][k].x, banks_[i][k].y, b.bankHeat_mw[k] * 1e6});
    }
    const std::vector<float> rate = twin::heatSourceRate(grid_, options_.physics, sources);
    solver_->step(
        twin::makeHeatFieldStep(grid_, options_.physics, state.weather.wind10m_ms, state.weather.windFrom_deg, dt_s),
        rate);

    // Read back only what the twin needs: the air each bank draws in, upwind of it.
    const double from = glm::radians(state.weather.windFrom_deg);
    const glm::vec2 downwind(static_cast<float>(-std::sin(from)), static_cast<float>(std::cos(from)));
    const glm::vec2 upwindOffset =
        state.weather.wind10m_ms > 0.2 ? -downwind * static_cast<float>(options_.inletUpwind_m) : glm::vec2(0.0f);
    std::vector<glm::vec2> cells;
    for (const auto& banks : banks_)
        for (const glm::vec2& bank : banks) {
            const glm::vec2 p = bank + upwindOffset;
            cells.emplace_back((p.x - grid_.originX_m) / grid_.cellSize_m - 0.5,
                               (p.y - grid_.originZ_m) / grid_.cellSize_m - 0.5);
        }
    const std::vector<float> excess = cells.empty() ? std::vector<float>{} : solver_->sample(cells);
    std::size_t at = 0;
    for (std::size_t i = 0; i < banks_.size(); ++i) {
        inlets_[i].clear();
        for (std::size_t k = 0; k < banks_[i].size(); ++k)
            inlets_[i].push_back(state.weather.ambient_c + excess.at(at++));
        if (!inlets_[i].empty()) simulation.setCoolerInletAir(i, inlets_[i]);
    }
}

std::vector<float> HeatCoupling::excess() const {
    return solver_->excess();
}

render::GroundOverlay HeatCoupling::overlay(double ambient_c, double rangeMin_c, double rangeMax_c) {
    render::GroundOverlay overlay;
    overlay.values = solver_->buffer();
    overlay.enabled = overlay.values != VK_NULL_HANDLE;
    overlay.bytes = solver_->bytes();
    overlay.nx = grid_.nx;
    overlay.nz = grid_.nz;
    overlay.originX = static_cast<float>(grid_.originX_m);
    overlay.originZ = static_cast<float>(grid_.originZ_m);
    overlay.cellSize = static_cast<float>(grid_.cellSize_m);
    overlay.valueOffset = static_cast<float>(ambient_c);
    overlay.rangeMin = static_cast<float>(rangeMin_c);
    overlay.rangeMax = static_cast<float>(rangeMax_c);
    overlay.contourStep = 0.0f;  // contours are an option of the layer; off by default
    return overlay;
}

}  // namespace ct::campus
