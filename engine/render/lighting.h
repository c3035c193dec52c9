// The sun and sky: one directional light with a shadow map fitted to the scene, and a
// two-colour sky that lights everything the sun does not.
#pragma once

#include "scene/scene.h"

#include <glm/glm.hpp>

#include <cstdint>
#include <optional>

namespace ct::render {

// A layer of cumulus: drawn in the sky and casting its shadow on everything under it (the pattern
// of shaders/cloud_field.glsl, whose CPU reference belongs to whoever models the clouds: the
// campus's twin). `opacity` 0: no clouds.
struct CloudLayer {
    std::uint32_t seed = 0;
    float threshold = 1.0f;   // the pattern's value where cloud begins
    float edge = 0.06f;       // the pattern's value from no cloud to a cloud's core
    float cell_m = 3000.0f;   // the pattern's largest cell
    float base_m = 2500.0f;   // the cloud base above the ground
    glm::vec2 drift_m{0.0f};  // how far the pattern has moved (x east, z south)
    float opacity = 0.0f;     // the share of the light a core takes: a storm's bases are darker
    float cover = 0.0f;       // the share of the sky covered: the exposure opens under an overcast
};

struct Lighting {
    glm::vec3 sunDirection = glm::normalize(glm::vec3(0.45f, 0.8f, 0.4f));  // towards the sun
    glm::vec3 sunColor{1.0f, 0.96f, 0.9f};
    float sunIntensity = 3.0f;
    glm::vec3 skyZenith{0.22f, 0.42f, 0.85f};
    glm::vec3 skyHorizon{0.62f, 0.72f, 0.85f};
    glm::vec3 groundColor{0.28f, 0.25f, 0.22f};
    float skyIntensity = 0.45f;  // scales the sky's light on surfaces, not the sky itself
    // The automatic exposure's base (it opens from here as the light fails, with the
    // atmosphere); a set camera exposure (EV at ISO 100, render/tone_curve.h) replaces it.
    float exposure = 1.0f;
    std::optional<float> ev100;
    bool shadows = true;
    // The sky from the atmosphere's tables (render/atmosphere_luts.h) instead of the two colours:
    // the sky drawn, the sun's colour through the air and the ambient light all follow the sun.
    // skyZenith/skyHorizon then serve as the night sky's floor, weighted by `night`.
    bool atmosphere = false;
    glm::vec3 atmosphereSunDirection{0.0f};  // the true sun (may be below the horizon); 0: sunDirection
    float groundAltitude_km = 0.0f;          // of the site above the sea, where the viewer's altitude starts
    float night = 0.0f;                      // 0 by day, 1 at full night
    // The lamps (render/lamps.h), 0 off to 1 on, as a photocell switches them at dusk; and the
    // clock flashing lamps keep time by (seconds, so that a tour's frames agree).
    float siteLights = 0.0f;
    float clock_s = 0.0f;
    CloudLayer clouds;
};

// Direction towards the sun from its elevation above the horizon and its azimuth measured
// clockwise from north (-Z is north, +X east, +Y up).
glm::vec3 sunDirectionFromAngles(float elevationDegrees, float azimuthDegrees);

// An orthographic light view-projection that encloses `bounds`, looking along -sunDirection.
glm::mat4 fitSunShadow(const scene::Bounds& bounds, const glm::vec3& sunDirection);
// The same across `casters` only, as the sun sees them (where every shadow falls), and deep
// enough to hold `receivers` too (the ground a long shadow reaches lies beyond the casters).
glm::mat4 fitSunShadow(const scene::Bounds& casters, const scene::Bounds& receivers, const glm::vec3& sunDirection);

}  // namespace ct::render
