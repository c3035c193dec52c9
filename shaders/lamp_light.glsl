// The lamps' light on the ground (engine/render/lamp_light_map.h): horizontal illuminance in lux
// baked per cell on the CPU, read bilinearly here as LampLightMap::sample reads it, and turned
// into the renderer's radiance units by frame.lampState.y (0 while the lamps are off).
#ifndef CT_LAMP_LIGHT_GLSL
#define CT_LAMP_LIGHT_GLSL
#include "common.glsl"

layout(std430, set = 0, binding = 9) readonly buffer LampLux {
    float lampLux[];
};

// Neutral-warm white, as the lamps' default colour (render/lamps.h).
const vec3 kLampColor = vec3(1.0, 0.86, 0.7);

float lampLuxAt(vec2 xz) {
    int nx = int(frame.lampGrid.w);
    int nz = int(frame.lampState.x);
    if (nx <= 0 || nz <= 0) return 0.0;
    vec2 f = (xz - frame.lampGrid.xy) / frame.lampGrid.z;
    if (f.x < -0.5 || f.y < -0.5 || f.x > float(nx) - 0.5 || f.y > float(nz) - 0.5) return 0.0;
    ivec2 c0 = clamp(ivec2(floor(f)), ivec2(0), ivec2(nx - 1, nz - 1));
    ivec2 c1 = min(c0 + 1, ivec2(nx - 1, nz - 1));
    vec2 t = clamp(f - vec2(c0), 0.0, 1.0);
    float a = mix(lampLux[c0.y * nx + c0.x], lampLux[c0.y * nx + c1.x], t.x);
    float b = mix(lampLux[c1.y * nx + c0.x], lampLux[c1.y * nx + c1.x], t.x);
    return mix(a, b, t.y);
}

// Irradiance from the lamps on a surface at `position` facing `normal`. The map is the light on
// level ground: upward faces take it whole, walls a share (floodlights aim down and out), and it
// fades above the lamps' mounting height, where roofs are not lit by them.
vec3 lampIrradiance(vec3 position, vec3 normal) {
    if (frame.lampState.y <= 0.0) return vec3(0.0);
    float facing = 0.3 + 0.7 * max(normal.y, 0.0);
    float belowLamps = clamp(1.3 - position.y / 10.0, 0.0, 1.0);
    return kLampColor * (lampLuxAt(position.xz) * frame.lampState.y * facing * belowLamps);
}

#endif
