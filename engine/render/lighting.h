// The sun and sky: one directional light with a shadow map fitted to the scene, and a
// two-colour sky that lights everything the sun does not.
#pragma once

#include "scene/scene.h"

#include <glm/glm.hpp>

namespace ct::render {

struct Lighting {
    glm::vec3 sunDirection = glm::normalize(glm::vec3(0.45f, 0.8f, 0.4f));  // towards the sun
    glm::vec3 sunColor{1.0f, 0.96f, 0.9f};
    float sunIntensity = 3.0f;
    glm::vec3 skyZenith{0.22f, 0.42f, 0.85f};
    glm::vec3 skyHorizon{0.62f, 0.72f, 0.85f};
    glm::vec3 groundColor{0.28f, 0.25f, 0.22f};
    float skyIntensity = 0.45f;  // scales the sky's light on surfaces, not the sky itself
    float exposure = 1.0f;
    bool shadows = true;
};

// Direction towards the sun from its elevation above the horizon and its azimuth measured
// clockwise from north (-Z is north, +X east, +Y up).
glm::vec3 sunDirectionFromAngles(float elevationDegrees, float azimuthDegrees);

// An orthographic light view-projection that encloses `bounds`, looking along -sunDirection.
glm::mat4 fitSunShadow(const scene::Bounds& bounds, const glm::vec3& sunDirection);

}  // namespace ct::render
