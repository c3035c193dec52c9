// Plumes: exhaust rising from a stack and bending downwind (a gas turbine's, a boiler's). The
// renderer draws each as a stream of soft puffs (render/plume_pass.h) leaving the stack and
// drifting with the wind, lit by the sun and the sky; whoever models the stacks says where each
// plume starts, how the wind blows and how hard the stack is working.
#pragma once

#include <glm/glm.hpp>

namespace ct::render {

struct Plume {
    glm::vec3 position{0.0f};  // the stack's mouth, world metres
    glm::vec3 wind{0.0f};      // the air's velocity there, m/s (the puffs drift with it)
    float strength = 1.0f;     // 0..1: the unit's share of its full output (denser, rising higher)
    float radius_m = 2.5f;     // the stack's mouth
};

}  // namespace ct::render
