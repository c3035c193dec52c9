#include "ui/dashboard_panel.h"

#include <imgui.h>

#include <cstdio>

namespace ct::ui {

namespace {

void kpi(const CampusView& view, CampusSeries series, const char* quantity, const char* format, double value) {
    const KpiHistory& history = view.history;
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(seriesLabel(series));
    ImGui::TableNextColumn();
    ImGui::Text(format, value);
    ImGui::TableNextColumn();
    provenanceTag(isMeasured(view.state, "campus", quantity));
    ImGui::TableNextColumn();
    const RingBuffer& values = history.campus(series);
    if (values.size() < 2) return;
    const std::vector<float> data = values.toVector();
    ImGui::PushID(static_cast<int>(series));
    ImGui::PlotLines("##spark", data.data(), static_cast<int>(data.size()), 0, nullptr, values.min(),
                     values.max() + 1e-3f, ImVec2(ImGui::GetContentRegionAvail().x, ImGui::GetTextLineHeight()));
    ImGui::PopID();
}

}  // namespace

std::vector<double> phaseHeadroom(const twin::Scenario& scenario, const twin::StateSnapshot& state) {
    std::vector<double> headroom(scenario.phases.size(), 0.0);
    for (std::size_t i = 0; i < scenario.buildings.size() && i < state.buildings.size(); ++i) {
        const int p = scenario.buildings[i].phase;
        if (p >= 1 && p <= static_cast<int>(headroom.size()) &&
            state.buildings[i].state == twin::BuildingState::Energised)
            headroom[static_cast<std::size_t>(p - 1)] += state.buildings[i].powerHeadroom_mw;
    }
    return headroom;
}

void DashboardPanel::draw(const CampusView& view, CampusCommands&) {
    if (!ImGui::Begin(title())) {
        ImGui::End();
        return;
    }
    const twin::CampusKpis& k = view.state.campus;
    measuredSummary(view.state);
    if (ImGui::BeginTable("kpis", 4, ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("name", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn("source", ImGuiTableColumnFlags_WidthStretch, 0.7f);
        ImGui::TableSetupColumn("history", ImGuiTableColumnFlags_WidthStretch, 1.2f);
        kpi(view, CampusSeries::ItMw, "it_power", "%.1f MW", k.it_mw);
        kpi(view, CampusSeries::FacilityMw, "facility_power", "%.1f MW", k.facility_mw);
        kpi(view, CampusSeries::Pue, "pue", "%.3f", k.pue);
        kpi(view, CampusSeries::RenewableShare, "renewable_share", "%.0f %%", k.renewableShare * 100.0);
        kpi(view, CampusSeries::SolarMw, "solar_power", "%.1f MW", k.solar_mw);
        kpi(view, CampusSeries::WindMw, "wind_power", "%.1f MW", k.wind_mw);
        kpi(view, CampusSeries::GasMw, "gas_power", "%.1f MW", k.gas_mw);
        kpi(view, CampusSeries::GridMw, "grid_import", "%.1f MW", k.grid_mw);
        ImGui::EndTable();
    }
    ImGui::Text("Battery %+.1f MW, %.0f MWh stored", k.battery_mw, k.batteryStored_mwh);
    if (k.loadShed_mw > 0.0) ImGui::TextColored({1.0f, 0.45f, 0.35f, 1.0f}, "Load shed %.1f MW", k.loadShed_mw);
    ImGui::Text("Ambient %.1f degC, wind %.1f m/s", view.state.weather.ambient_c, view.state.weather.wind10m_ms);
    ImGui::Separator();
    ImGui::TextWrapped("Headroom by phase (IT capacity unused)");
    const std::vector<double> headroom = phaseHeadroom(view.scenario, view.state);
    for (std::size_t p = 0; p < headroom.size(); ++p) {
        double capacity = 0.0;
        for (const twin::Building& b : view.scenario.buildings)
            if (b.phase == static_cast<int>(p) + 1) capacity += b.itCapacity_mw;
        const bool energised = view.phases.phaseState(static_cast<int>(p) + 1) == twin::BuildingState::Energised;
        char text[64];
        std::snprintf(text, sizeof text, energised ? "%.0f of %.0f MW" : "not energised", headroom[p], capacity);
        ImGui::TextUnformatted(view.scenario.phases[p].name.c_str());
        ImGui::SameLine(ImGui::GetFontSize() * 7.0f);
        ImGui::ProgressBar(capacity > 0.0 && energised ? static_cast<float>(headroom[p] / capacity) : 0.0f,
                           ImVec2(-1.0f, 0.0f), text);
    }
    ImGui::End();
}

}  // namespace ct::ui
