// The atmosphere seen from the ground (render/atmosphere_luts.h): the sky-view table, and the
// haze between the camera and what it sees. The air near the ground is taken as uniform: along a
// path of d km its transmittance is exp(-extinction d) and the light it scatters in tends, for a
// long path, to the sky's radiance at the horizon in that azimuth, which the table holds. So
// distant farms and the plain fade into the horizon's colour, and the ground meets the sky with
// no edge. Active when frame.atmosphere.x is 1.
#ifndef CT_AERIAL_GLSL
#define CT_AERIAL_GLSL

layout(set = 0, binding = 8) uniform sampler2D skyView;

const float kSkyPi = 3.14159265358979;

// The table's radiance (times the frame's sky scale) looking along `direction`.
vec3 skyViewRadiance(vec3 direction) {
    float zenith = acos(clamp(direction.y, -1.0, 1.0));
    vec2 sunFlat = frame.sunDirection.xz;
    vec2 viewFlat = direction.xz;
    float azimuth = 0.0;
    if (length(sunFlat) > 1e-5 && length(viewFlat) > 1e-5)
        azimuth = acos(clamp(dot(normalize(viewFlat), normalize(sunFlat)), -1.0, 1.0));
    float horizon = frame.atmosphere.y;
    float y = zenith < horizon ? 0.5 * (1.0 - sqrt(max(1.0 - zenith / horizon, 0.0)))
                               : 0.5 + 0.5 * sqrt((zenith - horizon) / (kSkyPi - horizon));
    float x = sqrt(azimuth / kSkyPi);
    vec2 size = vec2(textureSize(skyView, 0));
    vec2 uv = (vec2(x, y) * (size - 1.0) + 0.5) / size;  // texel centres hold the table's ends
    return texture(skyView, uv).rgb * frame.atmosphere.z;
}

// What reaches the camera from a surface of radiance `color` d km away along `direction` (from
// the camera towards the surface).
vec3 aerialPerspective(vec3 color, vec3 direction, float distance_km) {
    if (!kAtmosphere || frame.atmosphere.x < 0.5) return color;
    vec3 transmittance = exp(-frame.haze.rgb * distance_km);
    // The horizon in that azimuth, a hair above it (the table's finest rows).
    vec3 level = normalize(vec3(direction.x, 0.0, direction.z) + vec3(0.0, 0.01, 0.0));
    vec3 inscatter = skyViewRadiance(level) + frame.atmosphere.w * frame.nightHorizon.rgb;
    return color * transmittance + inscatter * (1.0 - transmittance);
}

#endif
