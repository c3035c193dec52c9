#version 450
// A puff of exhaust: a soft ball of lumps, denser at its heart, its underside in its own shade.
#include "scene_output.glsl"

layout(location = 0) in vec2 inCorner;
layout(location = 1) flat in vec4 inColorOpacity;
layout(location = 2) flat in float inSeed;

layout(location = 0) out vec4 outColor;
layout(location = 1) out vec2 outId;  // masked off by the pipeline: picking sees through plumes

float lattice(vec2 cell) {
    return fract(sin(dot(cell, vec2(127.1, 311.7))) * 43758.5453);
}

// Smooth value noise: the lumps of a billow, a few across the puff.
float lumps(vec2 p) {
    vec2 cell = floor(p);
    vec2 f = p - cell;
    f = f * f * (3.0 - 2.0 * f);
    return mix(mix(lattice(cell), lattice(cell + vec2(1, 0)), f.x), mix(lattice(cell + vec2(0, 1)), lattice(cell + 1.0), f.x),
               f.y);
}

void main() {
    float r = length(inCorner);
    if (r >= 1.0) discard;
    vec2 p = inCorner * 2.2 + vec2(inSeed * 7.31, inSeed * 3.17);
    float billow = 0.55 * lumps(p) + 0.45 * lumps(p * 2.1 + 5.0);
    float density = clamp((1.0 - smoothstep(0.1, 1.0, r)) * (0.45 + 1.1 * billow) - 0.08, 0.0, 1.0);
    // Clip-space y points down (render/camera.h): the lower half is the shaded underside.
    float shade = 0.78 + 0.22 * clamp(-inCorner.y, -1.0, 1.0);
    outColor = vec4(sceneOutput(inColorOpacity.rgb * shade), inColorOpacity.a * density);
    outId = vec2(0.0);
}
