// Which level of detail (scene::Mesh::levels) each instance is drawn at, chosen every frame by
// how many pixels its level's geometric error would cover on screen:
//
//   LevelSelection selection;                       // one per renderer, kept between frames
//   selection.update(scene, {camera.eye, pixelsPerRadian, false});
//   collectVisibleInstances(scene, nodeDrawn, selection.levels(), frustum, list, ranges);
//
// An instance takes the coarsest level whose error, seen from the eye, stays under
// kLevelErrorPixels. With hysteresis: a coarser level is taken only once its error is under the
// threshold by kLevelHysteresis, and given up only once it is over by as much, so an instance
// near a switch distance does not flip between two levels as the camera hovers there. The state
// is per instance (the solar panels of one row span 113 m: one decision for the row would be
// wrong at one end or the other) and costs one byte each.
#pragma once

#include "render/gpu_scene.h"

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace ct::render {

// An error is drawn while it covers under this many pixels: below one, no viewer can tell.
inline constexpr float kLevelErrorPixels = 1.0f;
// Taken under kLevelErrorPixels * (1 - h), given up over kLevelErrorPixels * (1 + h): a quarter
// either way is about 30 % of the switch distance for the camera to cross before a level changes
// back.
inline constexpr float kLevelHysteresis = 0.25f;

struct DetailView {
    glm::vec3 eye{0.0f};
    // Perspective: pixels per radian at the centre of the view (the projection's focal length in
    // pixels); orthographic: pixels per metre.
    float pixelsPerUnit = 1.0f;
    bool orthographic = false;
    glm::vec3 forward{0.0f, 0.0f, -1.0f};  // the way the view looks (orthographic: the line of sight)

    // The same view for the mesh levels, which depend on the distance only: turning a
    // perspective camera on the spot changes none.
    bool operator==(const DetailView& other) const {
        return eye == other.eye && pixelsPerUnit == other.pixelsPerUnit && orthographic == other.orthographic &&
               (!orthographic || forward == other.forward);
    }
};

// The level to draw next given the one drawn now; `errors_m` per level (the full mesh's 0 first),
// `pixelsPerMetre` what one metre of error covers on screen where the instance is.
int nextLevel(int current, std::span<const float> errors_m, float pixelsPerMetre);

// The levels a shadow map whose texels are `texel_m` wide draws casters at: each instance's own
// (`levels`, the camera's choice), or the coarsest whose error (times the instance's scale) stays
// within a texel where that is coarser, since the shadow then moves by less than its filter
// blurs. The far cascades' texels are metres: a solar row or a cooler there needs no more than
// its simplest level.
void coarsenForTexel(const GpuScene& scene, std::span<const std::uint8_t> levels, float texel_m,
                     std::vector<std::uint8_t>& out);

class LevelSelection {
public:
    // Moves every levelled instance of `scene` to its level for `view`.
    void update(const GpuScene& scene, const DetailView& view);
    // Forget every choice (a new scene): the next update starts from full detail.
    void reset();
    // Per instance of the scene's instance buffer, its level; 0 for instances of meshes without.
    const std::vector<std::uint8_t>& levels() const { return levels_; }
    // Grows whenever an update changed some instance's level: what was drawn with older levels
    // (a cached shadow map) is out of date.
    std::uint64_t version() const { return version_; }

private:
    std::vector<std::uint8_t> levels_;
    std::uint64_t version_ = 0;
    // The view of the last update: the choice depends on nothing else (it settles in one update),
    // so a still camera, as a stakeholder's window mostly is, skips the walk over every instance.
    std::optional<DetailView> lastView_;
};

}  // namespace ct::render
