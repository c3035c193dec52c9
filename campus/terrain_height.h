// The ground's height under a point of the site, from the terrain model's triangles, for what the
// campus lays on it (roads, fences, power lines, yards): the plain rolls by a few metres beyond
// the flat middle of the site, and a road must not float over it or sink into it.
#pragma once

#include "scene/scene.h"

#include <vector>

namespace ct::campus {

class TerrainHeight {
public:
    TerrainHeight() = default;  // no terrain: level ground at 0
    // `terrain`'s triangles where its nodes place them (node world transforms).
    explicit TerrainHeight(const scene::Scene& terrain);

    // The height at (x, z); 0 off the terrain.
    float at(float x, float z) const;

private:
    struct Triangle {
        glm::vec3 a, b, c;
    };
    static constexpr float kBucket_m = 50.0f;
    std::vector<Triangle> triangles_;
    std::vector<std::vector<int>> buckets_;  // row by row, triangles overlapping each bucket
    glm::vec2 origin_{0.0f};
    int columns_ = 0;
    int rows_ = 0;
};

}  // namespace ct::campus
