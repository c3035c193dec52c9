#version 460
// The multiple-scattering table (engine/render/atmosphere_luts.h, Hillaire 2020 section 5.5): per
// texel (sun zenith cosine, altitude), second-order scattering gathered over 64 directions with
// an isotropic phase and the ground reflecting, and the higher orders summed as L2 / (1 - f_ms).
#include "atmosphere.glsl"

layout(local_size_x = 8, local_size_y = 8) in;
layout(set = 0, binding = 0, rgba32f) uniform readonly image2D transmittance;
layout(set = 0, binding = 1, rgba32f) uniform writeonly image2D multipleScatteringOut;

layout(push_constant) uniform Parameters {
    vec4 radii;     // bottom, top (km), Rayleigh and Mie scale heights (km)
    vec4 rayleigh;  // scattering per km (rgb), integration steps along each direction (w)
    vec4 mie;       // scattering, extinction per km, ozone centre and half width (km)
    vec4 ozone;     // absorption per km (rgb), directions (w)
    vec4 view;      // ground albedo (x)
} p;

#include "atmosphere_tables.glsl"

void main() {
    ivec2 size = imageSize(multipleScatteringOut);
    ivec2 texel = ivec2(gl_GlobalInvocationID.xy);
    if (texel.x >= size.x || texel.y >= size.y) return;
    Atmosphere a = atmosphere();
    float x = float(texel.x) / float(size.x - 1);
    float y = float(texel.y) / float(size.y - 1);
    float r = a.bottomRadius + max(y * (a.topRadius - a.bottomRadius), 0.01);
    float sunMu = 2.0 * x - 1.0;
    vec3 sun = vec3(sqrt(max(0.0, 1.0 - sunMu * sunMu)), 0.0, sunMu);
    int directions = int(p.ozone.w);
    int steps = int(p.rayleigh.w);
    float albedo = p.view.x;
    float golden = kAtmospherePi * (3.0 - sqrt(5.0));
    vec3 secondOrder = vec3(0.0);
    vec3 transfer = vec3(0.0);
    for (int k = 0; k < directions; ++k) {
        float cosTheta = 1.0 - 2.0 * (float(k) + 0.5) / float(directions);
        float sinTheta = sqrt(max(0.0, 1.0 - cosTheta * cosTheta));
        float phi = golden * float(k);
        vec3 dir = vec3(sinTheta * cos(phi), sinTheta * sin(phi), cosTheta);
        float ground = distanceToGround(a, r, cosTheta);
        float len = ground >= 0.0 ? ground : distanceToTop(a, r, cosTheta);
        float dt = len / float(steps);
        vec3 throughput = vec3(1.0);
        vec3 light = vec3(0.0);
        vec3 scatteredShare = vec3(0.0);
        for (int i = 0; i < steps; ++i) {
            vec3 point = vec3(0.0, 0.0, r) + dir * ((float(i) + 0.5) * dt);
            float radius = length(point);
            float h = radius - a.bottomRadius;
            vec3 scattering = a.rayleighScattering * exp(-h / a.rayleighScaleHeight) +
                              vec3(a.mieScattering * exp(-h / a.mieScaleHeight));
            vec3 extinction = extinctionAt(a, h);
            vec3 segment = exp(-extinction * dt);
            vec3 toSun = sampleTransmittance(a, radius, dot(point / radius, sun));
            vec3 source = scattering * toSun / (4.0 * kAtmospherePi);
            light += throughput * (source - source * segment) / extinction;
            scatteredShare += throughput * (scattering - scattering * segment) / extinction;
            throughput *= segment;
        }
        if (ground >= 0.0) {
            vec3 point = vec3(0.0, 0.0, r) + dir * len;
            vec3 up = point / length(point);
            float cosSun = dot(up, sun);
            vec3 toSun = sampleTransmittance(a, length(point), cosSun);
            light += throughput * toSun * max(cosSun, 0.0) * (albedo / kAtmospherePi);
        }
        secondOrder += light / float(directions);
        transfer += scatteredShare / float(directions);
    }
    imageStore(multipleScatteringOut, texel, vec4(secondOrder / (1.0 - transfer), 1.0));
}
