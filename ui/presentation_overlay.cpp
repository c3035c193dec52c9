#include "ui/presentation_overlay.h"

#include "ui/imgui_layer.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace ct::ui {

namespace {

constexpr ImGuiWindowFlags kBare = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                   ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoInputs;

}  // namespace

void PresentationOverlay::drawCaption(const CampusView& view) {
    if (view.caption.empty() || view.captionAlpha <= 0.0f) return;
    const ImGuiViewport* screen = ImGui::GetMainViewport();
    const float width = screen->Size.x * 0.7f;
    ImGui::SetNextWindowPos({screen->Pos.x + screen->Size.x * 0.5f, screen->Pos.y + screen->Size.y * 0.86f},
                            ImGuiCond_Always, {0.5f, 1.0f});
    ImGui::SetNextWindowSize({width, 0.0f});
    ImGui::SetNextWindowBgAlpha(0.55f * view.captionAlpha);
    ImGui::PushStyleVar(ImGuiStyleVar_Alpha, view.captionAlpha);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {ImGui::GetFontSize() * 1.2f, ImGui::GetFontSize() * 0.8f});
    if (ImGui::Begin("##caption", nullptr, kBare)) {
        // Captions are larger than panel text: read from across a room.
        ImGui::SetWindowFontScale(1.6f);
        ImGui::PushTextWrapPos(0.0f);
        const float textWidth = ImGui::CalcTextSize(view.caption.c_str(), nullptr, false, width * 0.95f).x;
        ImGui::SetCursorPosX((ImGui::GetWindowSize().x - textWidth) * 0.5f);
        ImGui::TextUnformatted(view.caption.c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::End();
    ImGui::PopStyleVar(2);
}

void PresentationOverlay::drawKpiStrip(const CampusView& view) {
    const ImGuiViewport* screen = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(screen->Pos);
    ImGui::SetNextWindowSize({screen->Size.x, 0.0f});
    ImGui::SetNextWindowBgAlpha(0.6f);
    if (ImGui::Begin("##kpistrip", nullptr, kBare)) {
        const twin::CampusKpis& k = view.state.campus;
        char text[256];
        std::snprintf(text, sizeof text,
                      "%s   |   IT %.0f MW   Facility %.0f MW   PUE %.2f   Renewable %.0f %%   Solar %.0f MW   "
                      "Wind %.0f MW   Gas %.0f MW   Grid %.0f MW   |   %.1f degC",
                      formatLocal(view.scenario.site, view.clock.now()).c_str(), k.it_mw, k.facility_mw, k.pue,
                      k.renewableShare * 100.0, k.solar_mw, k.wind_mw, k.gas_mw, k.grid_mw,
                      view.state.weather.ambient_c);
        const float w = ImGui::CalcTextSize(text).x;
        ImGui::SetCursorPosX(std::max(ImGui::GetStyle().WindowPadding.x, (screen->Size.x - w) * 0.5f));
        ImGui::TextUnformatted(text);
    }
    ImGui::End();
}

}  // namespace ct::ui
