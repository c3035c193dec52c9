#include "ui/export_panel.h"

#include <imgui.h>

#include <algorithm>
#include <iterator>

namespace ct::ui {

namespace {

struct Preset {
    const char* name;
    unsigned width, height;  // 0 x 0: the window's size; custom: the fields below
};

constexpr Preset kPresets[] = {
    {"window size", 0, 0},
    {"1920 x 1080 (HD)", 1920, 1080},
    {"3840 x 2160 (4K)", 3840, 2160},
    {"7680 x 4320 (8K)", 7680, 4320},
    {"custom", 0, 0},
};
constexpr int kCustom = static_cast<int>(std::size(kPresets)) - 1;
constexpr int kMinSide = static_cast<int>(kScreenshotMinSide);
constexpr int kMaxWidth = static_cast<int>(kScreenshotMaxWidth);
constexpr int kMaxHeight = static_cast<int>(kScreenshotMaxHeight);

}  // namespace

ScreenshotRequest ExportPanel::chosen() const {
    ScreenshotRequest request;
    if (preset_ == kCustom) {
        request.width = static_cast<unsigned>(std::clamp(width_, kMinSide, kMaxWidth));
        request.height = static_cast<unsigned>(std::clamp(height_, kMinSide, kMaxHeight));
    } else {
        request.width = kPresets[preset_].width;
        request.height = kPresets[preset_].height;
    }
    request.folder = folder_.data();
    return request;
}

void ExportPanel::draw(const CampusView& view, CampusCommands& commands) {
    if (!ImGui::Begin(title())) {
        ImGui::End();
        return;
    }
    const float field = ImGui::GetFontSize() * 11.0f;
    ImGui::SetNextItemWidth(field);
    ImGui::Combo(
        "size", &preset_,
        [](void*, int i, const char** text) {
            *text = kPresets[i].name;
            return true;
        },
        nullptr, static_cast<int>(std::size(kPresets)));
    if (preset_ == kCustom) {
        ImGui::SetNextItemWidth(field * 0.48f);
        ImGui::InputInt("##width", &width_, 0, 0);
        if (ImGui::IsItemDeactivatedAfterEdit()) width_ = std::clamp(width_, kMinSide, kMaxWidth);
        ImGui::SameLine();
        ImGui::TextUnformatted("x");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(field * 0.48f);
        ImGui::InputInt("##height", &height_, 0, 0);
        if (ImGui::IsItemDeactivatedAfterEdit()) height_ = std::clamp(height_, kMinSide, kMaxHeight);
        ImGui::SameLine();
        ImGui::TextDisabled("max %d x %d", kMaxWidth, kMaxHeight);
    }
    ImGui::SetNextItemWidth(field);
    ImGui::InputTextWithHint("folder", "pictures dir, else cwd", folder_.data(), folder_.size());

    if (view.screenshot.pending) ImGui::BeginDisabled();
    if (ImGui::Button("Screenshot (F12)")) commands.requestScreenshot(chosen());
    if (view.screenshot.pending) {
        ImGui::EndDisabled();
        ImGui::SameLine();
        ImGui::TextDisabled("exporting...");
    }
    if (!view.screenshot.error.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextColored({1.0f, 0.45f, 0.35f, 1.0f}, "%s", view.screenshot.error.c_str());
        ImGui::PopTextWrapPos();
    } else if (!view.screenshot.path.empty()) {
        ImGui::TextDisabled("saved");
        ImGui::SameLine();
        if (ImGui::SmallButton("copy path")) ImGui::SetClipboardText(view.screenshot.path.c_str());
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(view.screenshot.path.c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::End();
}

}  // namespace ct::ui
