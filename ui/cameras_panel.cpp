#include "ui/cameras_panel.h"

#include <imgui.h>

namespace ct::ui {

void CamerasPanel::draw(const CampusView& view, CampusCommands& commands) {
    if (!ImGui::Begin(title())) {
        ImGui::End();
        return;
    }
    ImGui::TextDisabled("left drag orbit, right drag look, wheel dolly, F fly");
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
    if (ImGui::Button("Presentation (F11)")) commands.setPresentation(true);
    ImGui::End();
}

}  // namespace ct::ui
