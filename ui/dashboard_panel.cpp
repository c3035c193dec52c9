#include "ui/dashboard_panel.h"

#include <imgui.h>

#include <cstdio>

namespace ct::ui {

namespace {

void kpi(const KpiHistory& history, CampusSeries series, const char* format, double value) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(seriesLabel(series));
    ImGui::TableNextColumn();
    ImGui::Text(format, value);
    ImGui::TableNextColumn();
    const RingBuffer& values = history.campus(series);
    if (values.size() < 2) return;
    const std::vector<float> data = values.toVector();
    ImGui::PushID(static_cast<int>(series));
    ImGui::PlotLines("##spark", data.data(), static_cast<int>(data.size()), 0, nullptr, values.min(),
                     values.max() + 1e-3f, ImVec2(-1.0f, ImGui::GetTextLineHeight()));
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
    const KpiHistory& h = view.history;
    if (ImGui::BeginTable("kpis", 3, ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("name", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn("history", ImGuiTableColumnFlags_WidthStretch, 1.4f);
        kpi(h, CampusSeries::ItMw, "%.1f MW", k.it_mw);
        kpi(h, CampusSeries::FacilityMw, "%.1f MW", k.facility_mw);
        kpi(h, CampusSeries::Pue, "%.3f", k.pue);
        kpi(h, CampusSeries::RenewableShare, "%.0f %%", k.renewableShare * 100.0);
        kpi(h, CampusSeries::SolarMw, "%.1f MW", k.solar_mw);
        kpi(h, CampusSeries::WindMw, "%.1f MW", k.wind_mw);
        kpi(h, CampusSeries::GasMw, "%.1f MW", k.gas_mw);
        kpi(h, CampusSeries::GridMw, "%.1f MW", k.grid_mw);
        ImGui::EndTable();
    }
    ImGui::Text("Battery %+.1f MW, %.0f MWh stored", k.battery_mw, k.batteryStored_mwh);
    if (k.loadShed_mw > 0.0) ImGui::TextColored({1.0f, 0.45f, 0.35f, 1.0f}, "Load shed %.1f MW", k.loadShed_mw);
    ImGui::Text("Ambient %.1f degC, wind %.1f m/s", view.state.weather.ambient_c, view.state.weather.wind10m_ms);
    ImGui::Separator();
    ImGui::TextUnformatted("Headroom by phase (IT capacity unused)");
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
