#include "ui/building_labels.h"

#include "ui/imgui_layer.h"
#include "ui/label_projection.h"

#include <imgui.h>

#include <algorithm>
#include <vector>

namespace ct::ui {

namespace {

struct Placed {
    const twin::BuildingSnapshot* building;
    glm::vec2 at;
    float depth;  // clip w: distance along the view
    std::string text;
    ImVec2 min, max;
};

}  // namespace

void drawBuildingLabels(const twin::StateSnapshot& state, const std::map<std::string, glm::vec3>& roofs,
                        const glm::mat4& viewProj) {
    const ImVec2 size = ImGui::GetMainViewport()->Size;
    const ImVec2 origin = ImGui::GetMainViewport()->Pos;
    const float pad = ImGui::GetFontSize() * 0.25f;
    std::vector<Placed> labels;
    for (const twin::BuildingSnapshot& building : state.buildings) {
        if (building.state == twin::BuildingState::NotBuilt) continue;
        const auto roof = roofs.find(building.id);
        if (roof == roofs.end()) continue;
        const auto at = projectToScreen(viewProj, roof->second, {size.x, size.y});
        if (!at) continue;
        Placed label{&building, *at, (viewProj * glm::vec4(roof->second, 1.0f)).w, buildingLabelText(building), {}, {}};
        const ImVec2 extent = ImGui::CalcTextSize(label.text.c_str());
        // Centred above the roof point, with a short stem down to it.
        label.min = {origin.x + at->x - extent.x * 0.5f - pad, origin.y + at->y - extent.y - 3.0f * pad};
        label.max = {label.min.x + extent.x + 2.0f * pad, label.min.y + extent.y + 2.0f * pad};
        labels.push_back(std::move(label));
    }
    // Nearest first; a label that would overlap one already placed is left out, so a dense
    // campus seen from afar stays readable (orbit closer to see the rest).
    std::sort(labels.begin(), labels.end(), [](const Placed& a, const Placed& b) { return a.depth < b.depth; });
    std::vector<const Placed*> shown;
    for (const Placed& label : labels) {
        const bool overlaps = std::any_of(shown.begin(), shown.end(), [&](const Placed* other) {
            return label.min.x < other->max.x && other->min.x < label.max.x && label.min.y < other->max.y &&
                   other->min.y < label.max.y;
        });
        if (!overlaps) shown.push_back(&label);
    }
    // Behind the panels: the background list is drawn before every ImGui window.
    ImDrawList* draw = ImGui::GetBackgroundDrawList();
    // Colours given in sRGB, like the panels' (the swapchain is sRGB).
    const ImU32 stem = srgbToLinearU32({1.0f, 1.0f, 1.0f, 0.8f});
    const ImU32 plate = srgbToLinearU32({0.06f, 0.08f, 0.11f, 0.78f});
    const ImU32 ink = srgbToLinearU32({0.94f, 0.96f, 0.98f, 1.0f});
    for (auto it = shown.rbegin(); it != shown.rend(); ++it) {
        const Placed& label = **it;
        const ImVec2 anchor(origin.x + label.at.x, origin.y + label.at.y);
        draw->AddLine({anchor.x, label.max.y}, anchor, stem, 1.5f);
        draw->AddRectFilled(label.min, label.max, plate, pad);
        draw->AddText({label.min.x + pad, label.min.y + pad}, ink, label.text.c_str());
    }
}

}  // namespace ct::ui
