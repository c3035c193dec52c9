#include "ui/inspector_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <numeric>
#include <optional>

namespace ct::ui {

namespace {

// One readout; `measured`: empty for a design figure (no tag), else its provenance.
void row(const char* name, const char* format, double value, std::optional<bool> measured = false) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(name);
    ImGui::TableNextColumn();
    ImGui::Text(format, value);
    ImGui::TableNextColumn();
    if (measured) provenanceTag(*measured);
}

// Whether any of the building's cooler banks has `quantity` measured.
bool anyBankMeasured(const twin::StateSnapshot& state, const std::string& id, const char* quantity) {
    for (const auto& [entity, name] : state.measured)
        if (name == quantity && entity.rfind(id + "/", 0) == 0) return true;
    return false;
}

void plot(const KpiHistory& history, const std::string& id, BuildingSeries series, const char* unitFormat) {
    const RingBuffer* values = history.building(id, series);
    if (!values || values->size() == 0) return;
    const std::vector<float> data = values->toVector();
    char overlay[48];
    std::snprintf(overlay, sizeof overlay, unitFormat, static_cast<double>(values->latest()));
    ImGui::TextDisabled("%s, last 24 h", seriesLabel(series));
    const float lo = values->min();
    const float hi = values->max();
    const float pad = std::max(0.01f, (hi - lo) * 0.1f);
    ImGui::PlotLines("##plot", data.data(), static_cast<int>(data.size()), 0, overlay, lo - pad, hi + pad,
                     ImVec2(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 3.0f));
}

}  // namespace

void InspectorPanel::draw(const CampusView& view, CampusCommands& commands) {
    if (!ImGui::Begin(title())) {
        ImGui::End();
        return;
    }
    const auto building = std::find_if(view.scenario.buildings.begin(), view.scenario.buildings.end(),
                                       [&](const twin::Building& b) { return b.id == view.selected; });
    if (view.selected.empty() || building == view.scenario.buildings.end()) {
        ImGui::TextWrapped("Click a building to inspect it.");
        ImGui::End();
        return;
    }
    const std::size_t index = static_cast<std::size_t>(building - view.scenario.buildings.begin());
    ImGui::Text("%s", building->id.c_str());
    ImGui::SameLine();
    ImGui::TextDisabled(
        "phase %d, %s", building->phase,
        index < view.state.buildings.size() ? twin::buildingStateName(view.state.buildings[index].state) : "?");
    ImGui::SameLine(ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 2.0f);
    if (ImGui::SmallButton("close")) commands.select("");
    if (index >= view.state.buildings.size()) {
        ImGui::End();
        return;
    }
    const twin::BuildingSnapshot& b = view.state.buildings[index];
    double inletMean = 0.0;
    double inletMax = 0.0;
    if (!b.bankInlet_c.empty()) {
        inletMean = std::accumulate(b.bankInlet_c.begin(), b.bankInlet_c.end(), 0.0) / b.bankInlet_c.size();
        inletMax = *std::max_element(b.bankInlet_c.begin(), b.bankInlet_c.end());
    } else {
        inletMean = inletMax = view.state.weather.ambient_c;
    }
    const std::string& id = building->id;
    const auto measured = [&](const char* quantity) { return isMeasured(view.state, id, quantity); };
    const bool inletMeasured = anyBankMeasured(view.state, id, "inlet_air_temperature");
    measuredSummary(view.state);
    if (ImGui::BeginTable("building", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
        row("IT load", "%.1f MW", b.it_mw, measured("it_power"));
        row("IT capacity", "%.0f MW", building->itCapacity_mw, std::nullopt);
        row("Cooling power", "%.2f MW", b.cooling_mw, measured("cooling_power"));
        row("Facility power", "%.1f MW", b.facility_mw);
        row("PUE", b.pue > 0.0 ? "%.3f" : "-", b.pue, measured("pue"));
        row("Coolant supply", "%.1f degC", b.supply_c, measured("coolant_supply_temperature"));
        row("Coolant return", "%.1f degC", b.return_c, measured("coolant_return_temperature"));
        row("Cooler inlet air (mean)", "%.1f degC", inletMean, inletMeasured);
        row("Cooler inlet air (hottest)", "%.1f degC", inletMax, inletMeasured);
        row("Heat rejected", "%.1f MW", b.heatRejected_mw, anyBankMeasured(view.state, id, "heat_rejected"));
        row("Racks", "%.0f", static_cast<double>(building->racks), std::nullopt);
        row("Power headroom", "%.1f MW", b.powerHeadroom_mw, measured("power_headroom"));
        row("Thermal headroom", "%.1f K", b.thermalHeadroom_c, measured("thermal_headroom"));
        ImGui::EndTable();
    }
    if (b.throttling) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.45f, 0.35f, 1.0f));
        ImGui::TextWrapped("throttling: supply above the limit");
        ImGui::PopStyleColor();
    }
    ImGui::PushID(building->id.c_str());
    ImGui::PushID(0);
    plot(view.history, building->id, BuildingSeries::ItMw, "%.1f MW");
    ImGui::PopID();
    ImGui::PushID(1);
    plot(view.history, building->id, BuildingSeries::CoolingMw, "%.2f MW");
    ImGui::PopID();
    ImGui::PushID(2);
    plot(view.history, building->id, BuildingSeries::Pue, "PUE %.3f");
    ImGui::PopID();
    ImGui::PushID(3);
    plot(view.history, building->id, BuildingSeries::SupplyC, "%.1f degC");
    ImGui::PopID();
    ImGui::PopID();
    ImGui::End();
}

}  // namespace ct::ui
