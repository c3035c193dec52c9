// Live labels over the buildings: each built building's id, IT load and PUE drawn on ImGui's
// background list (under the panels) above its roof, hidden when the roof is behind the camera
// or off screen, and left out where it would overlap a nearer building's label.
// Shown when the Layers panel's "labels" box is on, in presentation mode too (all buildings:
// the tour's shots frame the buildings they talk about, and the rest read as context).
#pragma once

#include "twin/state.h"

#include <glm/glm.hpp>

#include <map>
#include <string>

namespace ct::ui {

// roofs: building id -> the world point its label stands on (the top centre of its model).
void drawBuildingLabels(const twin::StateSnapshot& state, const std::map<std::string, glm::vec3>& roofs,
                        const glm::mat4& viewProj);

}  // namespace ct::ui
