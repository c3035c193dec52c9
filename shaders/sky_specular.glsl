// The prefiltered sky for glass and metal (engine/render/sky_specular.h has the scheme and its
// CPU reference): the map's layout, a texel's direction, the lookup along a mirror direction and
// the environment BRDF's scale and bias.
#ifndef CT_SKY_SPECULAR_GLSL
#define CT_SKY_SPECULAR_GLSL

const int kSkySpecularWidth = 64;
const int kSkySpecularHeight = 32;
const int kSkySpecularLevels = 5;
const float kSkySpecularPi = 3.14159265358979;
const float kSkySpecularLevel1Reach = 0.666;  // rad: render::kSkySpecularLevel1Reach_rad

vec3 skySpecularDirection(float i, float j) {
    float phi = ((i + 0.5) / float(kSkySpecularWidth) - 0.5) * 2.0 * kSkySpecularPi;
    float theta = (j + 0.5) / float(kSkySpecularHeight) * kSkySpecularPi;
    return vec3(sin(theta) * cos(phi), cos(theta), sin(theta) * sin(phi));
}

// The map along `direction` at `roughness`, linear between the two nearest levels; rgb the sky in
// the table's units, alpha the ground's share. The sampler repeats across u (the azimuth wraps)
// and the rows are held inside a level so that levels do not bleed into each other.
vec4 skySpecularLookup(sampler2D map, vec3 direction, float roughness) {
    float u = atan(direction.z, direction.x) / (2.0 * kSkySpecularPi) + 0.5;
    float row = clamp(acos(clamp(direction.y, -1.0, 1.0)) / kSkySpecularPi * float(kSkySpecularHeight), 0.5,
                      float(kSkySpecularHeight) - 0.5);
    float level = clamp(roughness, 0.0, 1.0) * float(kSkySpecularLevels - 1);
    float lower = min(floor(level), float(kSkySpecularLevels - 2));
    float rows = float(kSkySpecularHeight * kSkySpecularLevels);
    vec4 a = texture(map, vec2(u, (lower * float(kSkySpecularHeight) + row) / rows));
    vec4 b = texture(map, vec2(u, ((lower + 1.0) * float(kSkySpecularHeight) + row) / rows));
    return mix(a, b, level - lower);
}

// reflected = environment * (f0 * x + y) (Karis, "Physically Based Shading on Mobile", 2014).
vec2 envBrdfApprox(float roughness, float nDotV) {
    const vec4 c0 = vec4(-1.0, -0.0275, -0.572, 0.022);
    const vec4 c1 = vec4(1.0, 0.0425, 1.04, -0.04);
    vec4 r = roughness * c0 + c1;
    float a004 = min(r.x * r.x, exp2(-9.28 * nDotV)) * r.x + r.y;
    return vec2(a004 * -1.04 + r.z, a004 * 1.04 + r.w);
}

#endif
