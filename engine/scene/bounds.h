// Bounds: an axis-aligned box, empty until something extends it. `transformed` carries a box
// through a matrix by its eight corners, so a rotated box still encloses what it bounded.
#pragma once

#include <glm/glm.hpp>

#include <limits>

namespace ct::scene {

struct Bounds {
    glm::vec3 min{std::numeric_limits<float>::max()};
    glm::vec3 max{std::numeric_limits<float>::lowest()};

    bool empty() const { return min.x > max.x; }
    void extend(const glm::vec3& p) {
        min = glm::min(min, p);
        max = glm::max(max, p);
    }
    void extend(const Bounds& b) {
        if (!b.empty()) {
            extend(b.min);
            extend(b.max);
        }
    }
    glm::vec3 center() const { return (min + max) * 0.5f; }
    glm::vec3 size() const { return max - min; }
    // Corner `index` in 0..7: bit 0 picks max.x, bit 1 max.y, bit 2 max.z.
    glm::vec3 corner(int index) const {
        return {(index & 1) ? max.x : min.x, (index & 2) ? max.y : min.y, (index & 4) ? max.z : min.z};
    }
};

// The smallest axis-aligned box around `local`'s eight corners carried by `m`; empty stays empty.
inline Bounds transformed(const Bounds& local, const glm::mat4& m) {
    Bounds out;
    if (local.empty()) return out;
    for (int corner = 0; corner < 8; ++corner)
        out.extend(glm::vec3(m * glm::vec4(local.corner(corner), 1.0f)));
    return out;
}

}  // namespace ct::scene
