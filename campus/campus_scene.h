// The campus as built at one phase: every placed entity of the scenario (buildings, solar
// farms, turbines, gas plant, substation, batteries, terrain) composed into one renderable
// scene. Each entity's root node is named by its entity id and its model's nodes
// "<entity id>/<model node name>", which is what the scenario's bindings point at.
//
// Solar farms are not one model copy but rows built here: each row is one node whose panel
// instances (EXT_mesh_gpu_instancing-style) stand along it. Its far level of detail is one quad
// a row pitch wide, textured with the row (panels in the middle, ground either side), whose
// mipmaps shade distant rows to their mean colour instead of aliasing into moire. So a
// 240,000-panel campus costs per frame about what its pixels cost.
#pragma once

#include "campus/outcome.h"
#include "render/camera.h"
#include "render/lamps.h"
#include "scene/scene.h"
#include "twin/campus_at_phase.h"
#include "twin/scenario.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ct::campus {

// How wide a turbine's tower and blades stay on screen at any distance (scene::Node::minPixelWidth).
constexpr float kTurbineMinPixelWidth = 1.0f;

struct CampusOptions {
    double trackerTilt_deg = 0.0;  // panels' rotation about the rows' axis (+: facing west)
    float solarRowLodDistance_m = 350.0f;
};

struct CampusScene {
    scene::Scene scene;
    std::map<std::string, int> entityRoots;  // entity id -> its root node
    // Building id -> the root of its construction equipment ("<id>/works": tower cranes, a laydown
    // yard; campus/site_works.h), a tree of its own beside the building's, drawn only on demand
    // (campus/campus_animation.h shows it while the building is being built).
    std::map<std::string, int> worksRoots;
    int buildingCount = 0;
    std::size_t panelCount = 0;
    int turbineCount = 0;
    double trackerTilt_deg = 0.0;  // the solar rows' tilt as composed (CampusOptions::trackerTilt_deg)
    // The terrain's colour (its first material, linear): the plain drawn beyond the terrain and
    // the light the ground bounces take it, so the two meet without a seam.
    std::optional<glm::vec3> groundAlbedo;
    // The site's lamps at night (campus/site_lamps.h); set on the renderer after the scene.
    std::vector<render::Lamp> lamps;
};

struct CampusResult {
    std::optional<CampusScene> campus;
    std::string error;  // one line: the file, the place, the problem
};

// Places what stands (twin/campus_at_phase.h), each model loaded once; an error is a model that
// does not load or a binding that names no node of the composed scene.
CampusResult composeCampus(const twin::CampusAtPhase& standing, const CampusOptions& options = {});
// The same for the campus at `phase` of a loaded scenario.
CampusResult composeCampus(const twin::Scenario& scenario, int phase, const CampusOptions& options = {});

// The phase a command asked for, 0 meaning the last (the full build-out); nullopt when the
// scenario has no such phase.
std::optional<int> chosenPhase(const twin::Scenario& scenario, int requested);
// The same for a command's --phase option, the scenario read from `file`: the phase, or the bad
// input "--phase 7: abilene.json has phases 1..4".
Result<int> phaseOption(const twin::Scenario& scenario, int requested, const std::string& file);

// The entity a node belongs to: its name up to the first '/'.
std::string entityOfNode(const scene::Scene& scene, int node);

// An entity's nodes (its root's subtree, and the far stand-ins of those, which hang outside it)
// and the world bounds of all they draw, every instance included.
struct EntityExtent {
    std::vector<int> nodes;
    scene::Bounds bounds;
};
EntityExtent entityExtent(const scene::Scene& scene, int root);

// Per entity id, the top centre of its entityExtent: where a label over it stands.
std::map<std::string, glm::vec3> entityTops(const CampusScene& campus);

// A named camera of the scenario, with depth range fitted to the scene; nullopt if unknown.
std::optional<render::Camera> scenarioCamera(const twin::Scenario& scenario, const std::string& name,
                                             const scene::Bounds& bounds);

}  // namespace ct::campus
