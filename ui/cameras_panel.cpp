#include "ui/cameras_panel.h"

#include <imgui.h>

namespace ct::ui {

namespace {

const char* modeHint(window::CameraMode mode) {
    switch (mode) {
        case window::CameraMode::Fly:
            return "WASD and QE fly, drag looks, Shift faster";
        case window::CameraMode::Walk:
            return "WASD walks at eye height, drag looks, Shift jogs, wheel steps";
        case window::CameraMode::Orbit:
            break;
    }
    return "left drag orbits, right drag looks, middle drag pans, wheel dollies";
}

}  // namespace

void CamerasPanel::draw(const CampusView& view, CampusCommands& commands) {
    if (!ImGui::Begin(title())) {
        ImGui::End();
        return;
    }
    int mode = static_cast<int>(view.cameraMode);
    bool changed = ImGui::RadioButton("Orbit", &mode, static_cast<int>(window::CameraMode::Orbit));
    ImGui::SameLine();
    changed |= ImGui::RadioButton("Fly (F)", &mode, static_cast<int>(window::CameraMode::Fly));
    ImGui::SameLine();
    changed |= ImGui::RadioButton("Walk (G)", &mode, static_cast<int>(window::CameraMode::Walk));
    if (changed) commands.setCameraMode(static_cast<window::CameraMode>(mode));
    hint(modeHint(view.cameraMode));
    for (const Bookmark& mark : view.bookmarks.all()) {
        ImGui::PushID(mark.name.c_str());
        if (ImGui::Button(mark.name.c_str(), ImVec2(ImGui::GetFontSize() * 9.0f, 0.0f))) commands.flyTo(mark.name);
        if (mark.userSaved) {
            ImGui::SameLine();
            if (ImGui::SmallButton("remove")) commands.removeView(mark.name);
        } else {
            ImGui::SameLine();
            ImGui::TextDisabled("scenario");
        }
        ImGui::PopID();
    }
    ImGui::Separator();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9.0f);
    const bool entered = ImGui::InputText("##name", name_.data(), name_.size(), ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if ((ImGui::Button("Save view") || entered) && name_[0] != '\0') {
        commands.saveView(name_.data());
        name_[0] = '\0';
    }
    ImGui::Separator();
    if (ImGui::Button(view.tourPlaying ? "Stop tour" : "Play tour")) commands.setTourPlaying(!view.tourPlaying);
    ImGui::SameLine();
    if (ImGui::Button("Presentation (P)")) commands.setPresentation(true);
    ImGui::End();
}

}  // namespace ct::ui
