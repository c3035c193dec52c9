// The gas plant's exhaust plumes from the twin's units: every unit online sends a plume from its
// stack's mouth (the model's `exhaust_NN` nodes), denser and higher the harder it works, drifting
// with the wind at stack height. A unit off or still starting sends none.
//
//   const GasPlumes plumes(campus, scenario);
//   renderer.setPlumes(plumes.at(state));
#pragma once

#include "campus/campus_scene.h"
#include "render/plumes.h"
#include "twin/scenario.h"
#include "twin/state.h"

#include <vector>

namespace ct::campus {

class GasPlumes {
public:
    GasPlumes(const CampusScene& campus, const twin::Scenario& scenario);

    // One plume per unit online in `state` (units beyond the model's stacks have none to leave by).
    std::vector<render::Plume> at(const twin::StateSnapshot& state) const;
    // The stacks' mouths found in the campus (world metres), in unit order.
    const std::vector<glm::vec3>& stacks() const { return mouths_; }
    std::size_t stackCount() const { return mouths_.size(); }

private:
    std::vector<glm::vec3> mouths_;  // world positions, unit order
    double shearExponent_ = 0.14;
};

}  // namespace ct::campus
