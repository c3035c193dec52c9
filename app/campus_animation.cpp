#include "campus_animation.h"

#include <algorithm>
#include <map>
#include <set>

namespace ct::app {

namespace {

// Every node under `root` (itself included) and their meshes' world bounds.
void collectSubtree(const scene::Scene& scene, int root, std::vector<int>& nodes, scene::Bounds& bounds) {
    std::vector<int> stack{root};
    while (!stack.empty()) {
        const int index = stack.back();
        stack.pop_back();
        const scene::Node& node = scene.nodes[static_cast<std::size_t>(index)];
        nodes.push_back(index);
        stack.insert(stack.end(), node.children.begin(), node.children.end());
        if (node.mesh < 0) continue;
        for (const scene::Primitive& primitive : scene.meshes[static_cast<std::size_t>(node.mesh)].primitives) {
            if (primitive.bounds.empty()) continue;
            const std::vector<glm::mat4> single{glm::mat4(1.0f)};
            const std::vector<glm::mat4>& placements = node.instances.empty() ? single : node.instances;
            for (const glm::mat4& instance : placements) {
                const glm::mat4 world = node.world * instance;
                for (int corner = 0; corner < 8; ++corner) {
                    const glm::vec3 p((corner & 1) ? primitive.bounds.max.x : primitive.bounds.min.x,
                                      (corner & 2) ? primitive.bounds.max.y : primitive.bounds.min.y,
                                      (corner & 4) ? primitive.bounds.max.z : primitive.bounds.min.z);
                    bounds.extend(glm::vec3(world * glm::vec4(p, 1.0f)));
                }
            }
        }
    }
}

}  // namespace

CampusAnimator::CampusAnimator(const twin::Scenario& scenario, const CampusScene& campus)
    : nodeCount_(campus.scene.nodes.size()) {
    std::map<std::string, std::pair<Kind, int>> kinds;
    for (std::size_t i = 0; i < scenario.buildings.size(); ++i)
        kinds[scenario.buildings[i].id] = {Kind::Building, static_cast<int>(i)};
    for (const twin::SolarFarm& farm : scenario.solarFarms)
        kinds[farm.id] = {Kind::Farm, farm.phase};
    for (const twin::Turbine& turbine : scenario.turbines)
        kinds[turbine.id] = {Kind::Farm, turbine.phase};
    kinds[scenario.gasPlant.id] = {Kind::Site, scenario.gasPlant.phase};
    for (const twin::Battery& battery : scenario.batteries)
        kinds[battery.id] = {Kind::Site, battery.phase};
    kinds["terrain"] = {Kind::Terrain, 0};

    for (const auto& [id, root] : campus.entityRoots) {
        Entity entity;
        entity.id = id;
        if (const auto it = kinds.find(id); it != kinds.end()) std::tie(entity.kind, entity.index) = it->second;
        scene::Bounds bounds;
        collectSubtree(campus.scene, root, entity.nodes, bounds);
        // Far stand-ins move with the nodes they stand in for.
        std::set<int> members(entity.nodes.begin(), entity.nodes.end());
        const std::size_t own = entity.nodes.size();
        for (std::size_t i = 0; i < own; ++i) {
            const int far = campus.scene.nodes[static_cast<std::size_t>(entity.nodes[i])].lodFar;
            if (far >= 0 && members.insert(far).second) entity.nodes.push_back(far);
        }
        if (!bounds.empty()) {
            entity.bottom = bounds.min.y;
            entity.height = bounds.max.y - bounds.min.y;
        }
        entities_.push_back(std::move(entity));
    }
}

std::vector<render::NodeAnimation> CampusAnimator::animations(const ui::ConstructionAnimation& looks,
                                                              const ui::LayerSettings& layers,
                                                              const std::string& selected) const {
    std::vector<render::NodeAnimation> result(nodeCount_);
    const ui::EntityLook standing;
    for (const Entity& entity : entities_) {
        const ui::EntityLook* look = &standing;
        bool scaffolded = false;
        bool hidden = false;
        switch (entity.kind) {
            case Kind::Building:
                look = &looks.building(static_cast<std::size_t>(entity.index));
                scaffolded = true;
                break;
            case Kind::Farm:
                hidden = !layers.farms;
                look = &looks.site(entity.index);
                break;
            case Kind::Site:
                look = &looks.site(entity.index);
                break;
            case Kind::Terrain:
                hidden = !layers.terrain;
                break;
            case Kind::Fixed:
                break;
        }
        const bool highlighted = !selected.empty() && entity.id == selected;
        if (!hidden && !highlighted && look->risen >= 1.0f && (!scaffolded || look->solid >= 1.0f))
            continue;  // as composed
        render::NodeAnimation animation;
        animation.highlight = highlighted ? 1.0f : 0.0f;
        animation.hidden = hidden || !look->drawn();
        animation.lift_m = -(1.0f - look->risen) * entity.height;
        animation.clipBelowY = entity.bottom;
        if (scaffolded && look->solid < 1.0f)
            animation.scaffoldAboveY = entity.bottom + animation.lift_m + look->solid * entity.height;
        for (const int node : entity.nodes)
            result[static_cast<std::size_t>(node)] = animation;
    }
    return result;
}

}  // namespace ct::app
