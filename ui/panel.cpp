#include "ui/panel.h"

#include "twin/civil_time.h"

#include <imgui.h>

#include <cmath>
#include <cstdio>

namespace ct::ui {

std::string formatMw(double mw) {
    char text[32];
    std::snprintf(text, sizeof text, std::abs(mw) < 10.0 ? "%.2f MW" : "%.1f MW", mw);
    return text;
}

std::string formatLocal(const twin::Site& site, double utcSeconds, const char* pattern) {
    const twin::CivilTime c = twin::toLocal(site, static_cast<twin::UtcSeconds>(std::floor(utcSeconds)));
    char text[48];
    if (std::string(pattern) == "%H:%M")
        std::snprintf(text, sizeof text, "%02d:%02d", c.hour, c.minute);
    else
        std::snprintf(text, sizeof text, "%04d-%02d-%02d %02d:%02d", c.year, c.month, c.day, c.hour, c.minute);
    return text;
}

void hint(const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", text);
    ImGui::PopStyleColor();
}

bool isMeasured(const twin::StateSnapshot& state, const std::string& entity, const std::string& quantity) {
    return state.measured.count({entity, quantity}) > 0;
}

void provenanceTag(bool measured) {
    if (measured)
        ImGui::TextColored({0.35f, 0.9f, 0.45f, 1.0f}, "measured");
    else
        ImGui::TextDisabled("simulated");
}

void measuredSummary(const twin::StateSnapshot& state) {
    if (state.measured.empty()) {
        hint("All values simulated (no telemetry)");
        return;
    }
    ImGui::TextColored({0.35f, 0.9f, 0.45f, 1.0f}, "%zu quantities measured", state.measured.size());
    ImGui::SameLine();
    ImGui::TextDisabled("(the rest simulated)");
}

}  // namespace ct::ui
