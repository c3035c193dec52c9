// Lamps: small bright lights in a scene (floodlights on poles, wall packs, aviation obstruction
// lights). The renderer draws each as a glowing point that stays visible at any distance
// (render/lamp_pass.h) and, for lamps that light the ground, bakes their illuminance on the
// ground into a grid that the scene's shading reads (render/lamp_light_map.h). Lamps switch on
// with Lighting::siteLights (a photocell: the app turns them on at dusk).
#pragma once

#include <glm/glm.hpp>

namespace ct::render {

struct Lamp {
    glm::vec3 position{0.0f};            // world metres
    glm::vec3 color{1.0f, 0.86f, 0.7f};  // linear; neutral-warm white, as a 4000 K LED
    float intensity_cd = 2500.0f;        // luminous intensity towards the ground, candela
    float size_m = 0.6f;                 // the lamp's glowing head
    // > 0: flashes this many times a minute, all lamps with the same rate in unison (aviation
    // obstruction lights), on for the first kFlashDuty of each period.
    float flashesPerMinute = 0.0f;
    bool lightsGround = true;  // floodlights do; signal lights are seen, they light nothing
    int node = -1;             // shown only while this scene node is drawn; -1: always
};

// The share of each flash period a flashing lamp is on (L-864 LED beacons: a short flash).
constexpr float kFlashDuty = 0.3f;

}  // namespace ct::render
