#include "ui/label_projection.h"

#include <cstdio>

namespace ct::ui {

std::optional<glm::vec2> projectToScreen(const glm::mat4& viewProj, const glm::vec3& world, const glm::vec2& viewport,
                                         float margin) {
    const glm::vec4 clip = viewProj * glm::vec4(world, 1.0f);
    if (clip.w <= 1e-6f) return std::nullopt;  // behind the eye (or on its plane)
    const glm::vec3 ndc = glm::vec3(clip) / clip.w;
    if (ndc.z < 0.0f || ndc.z > 1.0f) return std::nullopt;  // nearer than near or beyond far
    const glm::vec2 pixel((ndc.x * 0.5f + 0.5f) * viewport.x, (ndc.y * 0.5f + 0.5f) * viewport.y);
    if (pixel.x < -margin || pixel.y < -margin || pixel.x > viewport.x + margin || pixel.y > viewport.y + margin)
        return std::nullopt;
    return pixel;
}

std::string buildingLabelText(const twin::BuildingSnapshot& building) {
    char values[64];
    if (building.pue > 0.0)
        std::snprintf(values, sizeof values, "%.1f MW IT  PUE %.2f", building.it_mw, building.pue);
    else
        std::snprintf(values, sizeof values, "%.1f MW IT  PUE -", building.it_mw);
    return building.id + "\n" + values;
}

}  // namespace ct::ui
