// CampusAnimator: turns the construction animation's looks and the layer switches into the
// renderer's per-node animations for one composed campus. Each entity moves as a whole: its
// subtree's nodes share one lift and one scaffold line, taken from the entity's world bounds,
// so a hall and the cooling units on its roof rise together. The selected building is tinted.
// While a building is being built (scaffolding shown), its construction equipment stands beside
// it (CampusScene::worksRoots): tower cranes and a laydown yard.
//
//   CampusAnimator animator(scenario, campus);            // once per composed campus
//   renderer.setNodeAnimations(animator.animations(looks, layers));
#pragma once

#include "campus/campus_scene.h"
#include "render/node_animation.h"
#include "ui/campus_commands.h"
#include "ui/construction_animation.h"

#include <string>
#include <vector>

namespace ct::campus {

class CampusAnimator {
public:
    CampusAnimator(const twin::Scenario& scenario, const CampusScene& campus);

    // `selected`: a building id to highlight (empty: none).
    std::vector<render::NodeAnimation> animations(const ui::ConstructionAnimation& looks,
                                                  const ui::LayerSettings& layers,
                                                  const std::string& selected = {}) const;

private:
    enum class Kind { Building, Site, Farm, Terrain, Fixed };
    struct Entity {
        std::string id;
        Kind kind = Kind::Fixed;
        int index = 0;  // Building: index into scenario.buildings; Site and Farm: the phase
        std::vector<int> nodes;
        std::vector<int> works;  // a building's construction equipment
        float bottom = 0.0f;  // world y
        float height = 0.0f;
    };

    std::size_t nodeCount_ = 0;
    std::vector<Entity> entities_;
};

}  // namespace ct::campus
