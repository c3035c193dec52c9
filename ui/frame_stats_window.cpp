#include "ui/frame_stats_window.h"

#include <imgui.h>

#include <algorithm>

namespace ct::ui {

std::string groupThousands(std::uint64_t value) {
    const std::string digits = std::to_string(value);
    std::string grouped;
    grouped.reserve(digits.size() + digits.size() / 3);
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) grouped.push_back(',');
        grouped.push_back(digits[i]);
    }
    return grouped;
}

void drawFrameStatsWindow(const render::FrameReport& report, const vk::AllocatorStats& memory, bool* open) {
    // The top right corner, clear of the panels down the left.
    const ImVec2 screen = ImGui::GetMainViewport()->Size;
    ImGui::SetNextWindowPos(ImVec2(screen.x - 16.0f, 16.0f), ImGuiCond_FirstUseEver, ImVec2(1.0f, 0.0f));
    ImGui::SetNextWindowBgAlpha(0.92f);  // readable over whatever panel it is dragged onto
    if (!ImGui::Begin("Frame statistics (F3)", open, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::End();
        return;
    }
    const double cpuMs = report.meanCpuMs();
    ImGui::Text("%.1f ms a frame, %.1f frames a second (mean of %d)", cpuMs, cpuMs > 0.0 ? 1000.0 / cpuMs : 0.0,
                report.frames());
    const std::vector<render::PassTime> passes = report.meanPasses();
    double gpuMs = 0.0;
    for (const render::PassTime& pass : passes)
        gpuMs += pass.ms;
    if (passes.empty()) {
        ImGui::TextDisabled("GPU time per pass: not available on this device");
    } else {
        ImGui::Text("GPU %.1f ms:", gpuMs);
        if (ImGui::BeginTable("passes", 3, ImGuiTableFlags_SizingFixedFit)) {
            const float barWidth = 8.0f * ImGui::GetFontSize();
            for (const render::PassTime& pass : passes) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(pass.name.c_str());
                ImGui::TableNextColumn();
                ImGui::Text("%8.2f ms", pass.ms);
                ImGui::TableNextColumn();
                // The pass's share of the GPU frame: where to look first.
                ImGui::ProgressBar(static_cast<float>(pass.ms / std::max(gpuMs, 1e-9)), ImVec2(barWidth, 0.0f), "");
            }
            ImGui::EndTable();
        }
    }
    const render::FrameStats& last = report.last();
    ImGui::Separator();
    // No shadow draws: the map was kept from an earlier frame (nothing it shows had moved).
    ImGui::Text("draws: main %u, shadow %u%s", last.drawCalls, last.shadowDrawCalls,
                last.shadowDrawCalls == 0 ? " (the shadow map kept)" : "");
    ImGui::Text("triangles: main %s, shadow %s", groupThousands(last.mainTriangles).c_str(),
                groupThousands(last.shadowTriangles).c_str());
    ImGui::Text("instances drawn: %s of %s (the scene: %s triangles)", groupThousands(last.visibleInstances).c_str(),
                groupThousands(last.instances).c_str(), groupThousands(last.triangles).c_str());
    ImGui::Text("exposure: EV100 %.1f (%s)", static_cast<double>(last.exposureEv100),
                last.exposureAuto ? "metered" : "set");
    ImGui::Text("device memory: %.1f MiB in use, %.1f MiB reserved", static_cast<double>(memory.bytesInUse) / (1 << 20),
                static_cast<double>(memory.bytesReserved) / (1 << 20));
    ImGui::End();
}

}  // namespace ct::ui
