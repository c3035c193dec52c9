// GroundHeight: the height of a scene's ground under a point, for the walk camera.
//
//   GroundHeight ground(scene);
//   eye.y = ground.at(eye.x, eye.z) + 1.7f;
//
// The ground is every drawn primitive that looks like one: at least half the scene's footprint
// wide in x and in z, and flat (no taller than a tenth of its narrower side). The campus terrain
// qualifies (16 km across, +-2.5 m of relief, flat at y = 0 under the buildings); a building or
// the lone cube of a test scene does not. Its triangles are bucketed in a grid once, so a query
// is a handful of point-in-triangle tests. Where no ground lies under the point (or the scene
// has none), the answer is the lowest point of the scene's bounds.
#pragma once

#include "scene/scene.h"

#include <glm/glm.hpp>

#include <cstdint>
#include <vector>

namespace ct::window {

class GroundHeight {
public:
    explicit GroundHeight(const scene::Scene& scene);

    // The highest ground surface at (x, z); the fallback where there is none.
    float at(float x, float z) const;
    float fallback() const { return fallback_; }
    bool hasGround() const { return !triangles_.empty(); }

private:
    struct Triangle {
        glm::vec3 a, b, c;  // world space
    };
    void bucket();
    int cellOf(float v, float min, float size) const;

    std::vector<Triangle> triangles_;
    float fallback_ = 0.0f;
    // A kGrid x kGrid grid over the ground's xz bounds; each cell lists the triangles whose xz
    // bounds overlap it.
    static constexpr int kGrid = 64;
    glm::vec2 min_{0.0f};
    glm::vec2 cellSize_{1.0f};
    std::vector<std::uint32_t> cellStart_;  // kGrid * kGrid + 1 offsets into cellTriangles_
    std::vector<std::uint32_t> cellTriangles_;
};

}  // namespace ct::window
