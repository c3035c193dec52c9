#include "ui/time_panel.h"

#include "twin/civil_time.h"

#include <imgui.h>

#include <cmath>
#include <cstdio>
#include <vector>

namespace ct::ui {

void TimePanel::draw(const CampusView& view, CampusCommands& commands) {
    if (!ImGui::Begin(title())) {
        ImGui::End();
        return;
    }
    const TimeControl& clock = view.clock;
    const twin::Site& site = view.scenario.site;
    ImGui::Text("%s local", formatLocal(site, clock.now()).c_str());
    ImGui::TextDisabled("%s", twin::formatIsoUtc(static_cast<twin::UtcSeconds>(clock.now())).c_str());
    if (ImGui::Button(clock.playing() ? "Pause" : "Play", ImVec2(ImGui::GetFontSize() * 5.0f, 0.0f)))
        commands.setPlaying(!clock.playing());
    ImGui::SameLine();
    // The slider moves in decades: log10 of the speed.
    float decades = static_cast<float>(std::log10(clock.speed()));
    char label[32];
    std::snprintf(label, sizeof label, "%.0fx", clock.speed());
    ImGui::SetNextItemWidth(-1.0f);
    if (ImGui::SliderFloat("##speed", &decades, 0.0f, 5.0f, label))
        commands.setSpeed(std::pow(10.0, std::round(decades * 4.0) / 4.0));
    hint(clock.speed() >= 3600 ? "one wall second = hours simulated"
         : clock.speed() >= 60 ? "one wall second = minutes simulated"
                               : "one wall second = seconds simulated");

    ImGui::Separator();
    if (date_[0] == '\0') {
        const twin::CivilTime local = twin::toLocal(site, static_cast<twin::UtcSeconds>(clock.now()));
        std::snprintf(date_.data(), date_.size(), "%04d-%02d-%02d", local.year, local.month, local.day);
    }
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7.0f);
    ImGui::InputText("date", date_.data(), date_.size());
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.0f);
    ImGui::SliderFloat("hour", &hour_, 0.0f, 23.75f, "%.2f h");
    if (ImGui::Button("Jump")) badDate_ = !commands.jumpToLocal(date_.data(), hour_);
    if (badDate_) {
        ImGui::SameLine();
        ImGui::TextColored({1.0f, 0.5f, 0.4f, 1.0f}, "date: YYYY-MM-DD");
    }

    ImGui::Separator();
    ImGui::TextUnformatted("Scenario preset");
    const std::string current = clock.presetName();
    const std::vector<std::string> names = timePresetNames();
    for (std::size_t i = 0; i < names.size(); ++i) {  // two columns
        if (i % 2 == 1) ImGui::SameLine(ImGui::GetFontSize() * 11.0f);
        if (ImGui::RadioButton(names[i].c_str(), current == names[i])) commands.applyPreset(names[i]);
    }
    ImGui::End();
}

}  // namespace ct::ui
