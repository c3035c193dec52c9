#include "campus/campus_animation.h"

#include <algorithm>
#include <map>

namespace ct::campus {

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
        EntityExtent extent = entityExtent(campus.scene, root);
        entity.nodes = std::move(extent.nodes);
        if (const auto works = campus.worksRoots.find(id); works != campus.worksRoots.end())
            entity.works = entityExtent(campus.scene, works->second).nodes;
        const scene::Bounds& bounds = extent.bounds;
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
        const bool building = look->drawn() && scaffolded && look->solid < 1.0f;
        for (const int node : entity.works)
            result[static_cast<std::size_t>(node)].shown = building;
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

}  // namespace ct::campus
