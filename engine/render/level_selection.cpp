#include "render/level_selection.h"

#include <algorithm>

namespace ct::render {

namespace {

// Nearer than this the error is taken as seen from this far: any level but the full one would
// cover more than a pixel anyway.
constexpr float kNearest_m = 1e-3f;

}  // namespace

int nextLevel(int current, std::span<const float> errors_m, float pixelsPerMetre) {
    const int count = static_cast<int>(errors_m.size());
    int level = std::clamp(current, 0, std::max(count - 1, 0));
    const float take = kLevelErrorPixels * (1.0f - kLevelHysteresis);
    const float giveUp = kLevelErrorPixels * (1.0f + kLevelHysteresis);
    while (level + 1 < count && errors_m[static_cast<std::size_t>(level + 1)] * pixelsPerMetre < take)
        ++level;
    while (level > 0 && errors_m[static_cast<std::size_t>(level)] * pixelsPerMetre > giveUp)
        --level;
    return level;
}

void coarsenForTexel(const GpuScene& scene, std::span<const std::uint8_t> levels, float texel_m,
                     std::vector<std::uint8_t>& out) {
    out.assign(levels.begin(), levels.end());
    for (const LevelledInstances& set : scene.levelledInstances()) {
        for (std::uint32_t i = 0; i < set.count && set.first + i < out.size(); ++i) {
            std::uint8_t coarsest = 0;
            while (coarsest + 1u < set.error_m.size() && set.error_m[coarsest + 1u] * set.scale[i] <= texel_m)
                ++coarsest;
            std::uint8_t& level = out[set.first + i];
            level = std::max(level, coarsest);
        }
    }
}

void LevelSelection::update(const GpuScene& scene, const DetailView& view) {
    if (lastView_ == view && levels_.size() == scene.stats().instances) return;
    lastView_ = view;
    levels_.resize(scene.stats().instances, 0);
    bool changed = false;
    for (const LevelledInstances& set : scene.levelledInstances()) {
        for (std::uint32_t i = 0; i < set.count; ++i) {
            // Seen from the nearest point of the instance's bounds, as its nearest part shows
            // the error largest.
            const scene::Bounds& bounds = set.bounds[i];
            float pixelsPerMetre = view.pixelsPerUnit * set.scale[i];
            if (!view.orthographic) {
                const glm::vec3 nearest = glm::clamp(view.eye, bounds.min, bounds.max);
                pixelsPerMetre /= std::max(glm::length(nearest - view.eye), kNearest_m);
            }
            std::uint8_t& level = levels_[set.first + i];
            const auto next = static_cast<std::uint8_t>(nextLevel(level, set.error_m, pixelsPerMetre));
            changed |= next != level;
            level = next;
        }
    }
    if (changed) ++version_;
}

void LevelSelection::reset() {
    levels_.clear();
    lastView_.reset();
    ++version_;
}

}  // namespace ct::render
