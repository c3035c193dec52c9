#include "render/frame_report.h"

#include <algorithm>
#include <cstdio>
#include <string>

namespace ct::render {

std::string reportedPassName(const std::string& pass) {
    return pass.starts_with("bloom ") ? "bloom" : pass;
}

void FrameReport::add(const FrameStats& stats, double cpuMs) {
    ++frames_;
    cpuMs_ += cpuMs;
    for (const PassTime& pass : stats.passes) {
        const std::string name = reportedPassName(pass.name);
        auto same = std::find_if(passes_.begin(), passes_.end(), [&](const PassTime& p) { return p.name == name; });
        if (same == passes_.end())
            passes_.push_back({name, pass.ms});
        else
            same->ms += pass.ms;
    }
    last_ = stats;
}

std::vector<PassTime> FrameReport::meanPasses() const {
    std::vector<PassTime> means = passes_;
    for (PassTime& pass : means)
        pass.ms /= std::max(frames_, 1);
    return means;
}

std::string FrameReport::report(const vk::AllocatorStats& memory) const {
    if (frames_ == 0) return {};
    const double n = frames_;
    char line[256];
    std::string out;
    std::snprintf(line, sizeof line, "stats: %s%.1f ms a frame, wall time on the CPU",
                  frames_ > 1 ? ("mean of " + std::to_string(frames_) + " frames: ").c_str() : "", cpuMs_ / n);
    out += line;
    out += "\nstats: GPU";
    if (passes_.empty()) out += " time per pass not available on this device";
    double gpu = 0.0;
    for (std::size_t i = 0; i < passes_.size(); ++i) {
        std::snprintf(line, sizeof line, "%s %s %.2f ms", i ? "," : "", passes_[i].name.c_str(), passes_[i].ms / n);
        out += line;
        gpu += passes_[i].ms / n;
    }
    if (!passes_.empty()) {
        std::snprintf(line, sizeof line, " (sum %.2f ms)", gpu);
        out += line;
    }
    std::snprintf(line, sizeof line,
                  "; draws: shadow %u, main %u; triangles submitted: shadow %llu, main %llu%s; %llu of %llu instances "
                  "drawn (culled on the %s); %llu triangles in the scene",
                  last_.shadowDrawCalls, last_.drawCalls, static_cast<unsigned long long>(last_.shadowTriangles),
                  static_cast<unsigned long long>(last_.mainTriangles),
                  last_.coverageTriangles > 0 ? (", coverage " + std::to_string(last_.coverageTriangles)).c_str() : "",
                  static_cast<unsigned long long>(last_.visibleInstances),
                  static_cast<unsigned long long>(last_.instances), last_.culledOnGpu ? "GPU" : "CPU",
                  static_cast<unsigned long long>(last_.triangles));
    out += line;
    // Lux from a hundred thousand at noon to tenths under the moon: two decimals where small.
    const auto lux = [](float value) { return value < 10.0f ? 2 : 0; };
    std::snprintf(line, sizeof line,
                  "\nstats: exposure EV100 %.1f (%s); on level ground the sun %.*f lx, the sky %.*f lx",
                  static_cast<double>(last_.exposureEv100), last_.exposureAuto ? "metered" : "set",
                  lux(last_.sunIlluminance_lux), static_cast<double>(last_.sunIlluminance_lux),
                  lux(last_.skyIlluminance_lux), static_cast<double>(last_.skyIlluminance_lux));
    out += line;
    std::snprintf(line, sizeof line,
                  "\nstats: device memory %.1f MiB reserved in %u blocks, %.1f MiB in use by %u allocations",
                  static_cast<double>(memory.bytesReserved) / (1 << 20), memory.blockCount,
                  static_cast<double>(memory.bytesInUse) / (1 << 20), memory.allocationCount);
    out += line;
    return out;
}

}  // namespace ct::render
