#include "ui/phases_panel.h"

#include "twin/civil_time.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <optional>

namespace ct::ui {

namespace {

const char* stateLabel(twin::BuildingState state) {
    switch (state) {
        case twin::BuildingState::Energised:
            return "energised";
        case twin::BuildingState::UnderConstruction:
            return "under construction";
        default:
            return "not built";
    }
}

ImVec4 stateColor(twin::BuildingState state) {
    switch (state) {
        case twin::BuildingState::Energised:
            return {0.45f, 0.85f, 0.45f, 1.0f};
        case twin::BuildingState::UnderConstruction:
            return {0.95f, 0.75f, 0.30f, 1.0f};
        default:
            return {0.6f, 0.6f, 0.6f, 1.0f};
    }
}

// The slider spans from half a year before the first construction to half a year after the
// last energisation.
std::pair<twin::UtcSeconds, twin::UtcSeconds> sliderSpan(const PhaseModel& phases) {
    twin::UtcSeconds first = 0;
    twin::UtcSeconds last = 0;
    bool any = false;
    for (int p = 1; p <= phases.phaseCount(); ++p)
        for (const std::string* date : {&phases.phase(p).constructionStart, &phases.phase(p).energised})
            if (const auto t = twin::parseIsoUtc(*date)) {
                first = any ? std::min(first, *t) : *t;
                last = any ? std::max(last, *t) : *t;
                any = true;
            }
    const twin::UtcSeconds half = 182 * twin::kSecondsPerDay;
    return {first - half, last + half};
}

}  // namespace

void PhasesPanel::draw(const CampusView& view, CampusCommands& commands) {
    if (!ImGui::Begin(title())) {
        ImGui::End();
        return;
    }
    const PhaseModel& phases = view.phases;
    for (int p = 1; p <= phases.phaseCount(); ++p) {
        const twin::Phase& phase = phases.phase(p);
        bool shown = phases.phaseShown(p);
        ImGui::PushID(p);
        if (ImGui::Checkbox(phase.name.c_str(), &shown)) commands.setPhaseShown(p, shown);
        ImGui::SameLine();
        const twin::BuildingState state = phases.phaseState(p);
        ImGui::TextColored(stateColor(state), "%s", stateLabel(state));
        int buildings = 0;
        double mw = 0.0;
        for (const twin::Building& b : view.scenario.buildings)
            if (b.phase == p) {
                ++buildings;
                mw += b.itCapacity_mw;
            }
        char text[160];
        ImGui::Indent();
        std::snprintf(text, sizeof text, "construction %s, energised %s", phase.constructionStart.c_str(),
                      phase.energised.c_str());
        hint(text);
        std::snprintf(text, sizeof text, "%d building%s, %.0f MW IT", buildings, buildings == 1 ? "" : "s", mw);
        hint(text);
        ImGui::Unindent();
        ImGui::PopID();
    }
    ImGui::Separator();
    const auto [first, last] = sliderSpan(phases);
    const int days = static_cast<int>((last - first) / twin::kSecondsPerDay);
    if (phases.asOf())
        asOfDay_ = static_cast<int>((*phases.asOf() - first) / twin::kSecondsPerDay);
    else if (asOfDay_ < 0)
        asOfDay_ = days;
    const std::string label =
        twin::formatIsoUtc(first + static_cast<twin::UtcSeconds>(asOfDay_) * twin::kSecondsPerDay).substr(0, 10);
    ImGui::TextUnformatted("As of date");
    ImGui::SetNextItemWidth(-1.0f);
    if (ImGui::SliderInt("##asof", &asOfDay_, 0, days, label.c_str()))
        commands.setAsOf(first + static_cast<twin::UtcSeconds>(asOfDay_) * twin::kSecondsPerDay);
    hint(phases.asOf() ? "phases follow the date" : "manual: the toggles above");
    if (ImGui::Button("Show all")) commands.showThrough(phases.phaseCount());
    ImGui::End();
}

}  // namespace ct::ui
