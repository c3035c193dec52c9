// --stats: where a frame's time goes, in the lines the commands print. One frame (a still), or
// the mean of many (a tour): CPU milliseconds per frame, GPU milliseconds per pass, draws,
// instances and triangles, and the device memory the allocator holds.
#pragma once

#include "render/renderer.h"
#include "vk/allocator.h"

#include <string>
#include <vector>

namespace ct::render {

// The name a pass is reported under: a chain of steps ("bloom down 0", "bloom up 3", ...) as one.
std::string reportedPassName(const std::string& pass);

// Adds frames up; `report` divides by their number.
class FrameReport {
public:
    void add(const FrameStats& stats, double cpuMs);
    int frames() const { return frames_; }
    // Means over the frames added: CPU wall time, and GPU time per pass in the order first seen.
    double meanCpuMs() const { return frames_ ? cpuMs_ / frames_ : 0.0; }
    std::vector<PassTime> meanPasses() const;
    // The last frame's counts (draws, instances, triangles) and exposure.
    const FrameStats& last() const { return last_; }
    // Four lines, each starting "stats: ", no trailing newline; empty with no frame added.
    std::string report(const vk::AllocatorStats& memory) const;

private:
    int frames_ = 0;
    double cpuMs_ = 0.0;
    std::vector<PassTime> passes_;  // summed
    FrameStats last_;
};

}  // namespace ct::render
