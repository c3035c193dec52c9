// Label placement without a window: where a world point lands on screen, if it is in front of
// the camera and on screen, and the text a building's label shows. The window's label layer
// (ui/building_labels.h) draws what this decides; tests check it directly.
//   if (auto at = projectToScreen(viewProj, roofTop, {width, height})) draw label at *at
#pragma once

#include "twin/state.h"

#include <glm/glm.hpp>

#include <optional>
#include <string>

namespace ct::ui {

// Pixel position (x right, y down, origin top left) of `world` under `viewProj` (Vulkan clip
// space: y down, depth 0..1), or nullopt when it is behind the eye or more than `margin` pixels
// outside the viewport.
std::optional<glm::vec2> projectToScreen(const glm::mat4& viewProj, const glm::vec3& world, const glm::vec2& viewport,
                                         float margin = 0.0f);

// "bldg-01\n42.0 MW IT  PUE 1.21" (PUE "-" while the building carries no IT load).
std::string buildingLabelText(const twin::BuildingSnapshot& building);

}  // namespace ct::ui
