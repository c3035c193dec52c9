// The window's frame statistics (F3): what --stats prints, live, for whoever wonders why the view
// is slow: CPU time a frame, GPU time per pass with its share, draws and triangles per pass,
// instances drawn, exposure and device memory. It reads the viewer's report and issues nothing.
#pragma once

#include "render/frame_report.h"
#include "vk/allocator.h"

#include <cstdint>
#include <string>

namespace ct::ui {

// "12,345,678": counts of triangles read at a glance.
std::string groupThousands(std::uint64_t value);

// An ImGui window; `open` is cleared by its close button.
void drawFrameStatsWindow(const render::FrameReport& report, const vk::AllocatorStats& memory, bool* open);

}  // namespace ct::ui
