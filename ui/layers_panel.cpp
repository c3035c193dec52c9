#include "ui/layers_panel.h"

#include "ui/imgui_layer.h"

#include <imgui.h>

#include <cstdio>

namespace ct::ui {

void drawColormapLegend(render::Colormap map, float lo, float hi, const char* unit, float width) {
    const float height = ImGui::GetFontSize() * 1.2f;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const int steps = 64;
    for (int i = 0; i < steps; ++i) {
        const glm::vec3 c = render::colormapColor(map, (static_cast<float>(i) + 0.5f) / steps);
        const float x0 = origin.x + width * static_cast<float>(i) / steps;
        const float x1 = origin.x + width * static_cast<float>(i + 1) / steps + 1.0f;
        draw->AddRectFilled({x0, origin.y}, {x1, origin.y + height}, srgbToLinearU32({c.r, c.g, c.b, 1.0f}));
    }
    ImGui::Dummy({width, height});
    char text[32];
    std::snprintf(text, sizeof text, "%.1f %s", hi, unit);
    ImGui::Text("%.1f %s", lo, unit);
    ImGui::SameLine(width - ImGui::CalcTextSize(text).x + ImGui::GetStyle().WindowPadding.x);
    ImGui::TextUnformatted(text);
}

void LayersPanel::draw(const CampusView& view, CampusCommands& commands) {
    if (!ImGui::Begin(title())) {
        ImGui::End();
        return;
    }
    LayerSettings layers = view.layers;
    bool changed = false;
    changed |= ImGui::Checkbox("Labels (id, IT MW, PUE over each building)", &layers.labels);
    changed |= ImGui::Checkbox("Power flows (width by MW)", &layers.powerFlows);
    changed |= ImGui::Checkbox("Solar and wind farms", &layers.farms);
    ImGui::SameLine();
    changed |= ImGui::Checkbox("Terrain", &layers.terrain);
    ImGui::Separator();
    if (!view.heatmapAvailable) ImGui::BeginDisabled();
    changed |= ImGui::Checkbox("Heat map (air temperature)", &layers.heatmap);
    if (!view.heatmapAvailable) {
        ImGui::EndDisabled();
        ImGui::TextDisabled("needs the GPU field solver");
    }
    int map = static_cast<int>(layers.colormap);
    const char* names[] = {"viridis", "inferno", "turbo"};
    if (ImGui::Combo("colour map", &map, names, render::kColormapCount)) {
        layers.colormap = static_cast<render::Colormap>(map);
        changed = true;
    }
    changed |= ImGui::Checkbox("range from ambient", &layers.autoRange);
    if (layers.autoRange) {
        changed |= ImGui::SliderFloat("span", &layers.autoSpan_k, 1.0f, 20.0f, "+%.1f K");
    } else {
        changed |= ImGui::DragFloatRange2("range", &layers.rangeMin_c, &layers.rangeMax_c, 0.1f, -30.0f, 70.0f,
                                          "%.1f degC", "%.1f degC");
    }
    changed |= ImGui::SliderFloat("opacity", &layers.opacity, 0.0f, 1.0f, "%.2f");
    changed |= ImGui::Checkbox("contours", &layers.contours);
    if (layers.contours) {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.0f);
        changed |= ImGui::SliderFloat("##step", &layers.contourStep_k, 0.1f, 5.0f, "every %.1f K");
    }
    if (changed) commands.setLayers(layers);
    ImGui::Separator();
    ImGui::TextUnformatted("Air temperature");
    drawColormapLegend(layers.colormap, view.legendMin_c, view.legendMax_c, "degC", ImGui::GetContentRegionAvail().x);
    ImGui::End();
}

}  // namespace ct::ui
