#version 460
// The sky-view table (engine/render/atmosphere_luts.h): the sky's radiance around the viewer per
// unit of sun illuminance, single scattering by air and aerosols and the higher orders from the
// multiple-scattering table, for the sun and the viewer's
// altitude of this frame. The transmittance table is read texel by texel with bilinear weights
// in float, as the CPU reference (atmosphere_model.cpp) reads it.
#include "atmosphere.glsl"

layout(local_size_x = 8, local_size_y = 8) in;
layout(set = 0, binding = 0, rgba32f) uniform readonly image2D transmittance;
layout(set = 0, binding = 1, rgba32f) uniform writeonly image2D skyView;
layout(set = 0, binding = 2, rgba32f) uniform readonly image2D multipleScattering;

layout(push_constant) uniform Parameters {
    vec4 radii;     // bottom, top (km), Rayleigh and Mie scale heights (km)
    vec4 rayleigh;  // scattering per km (rgb), integration steps (w)
    vec4 mie;       // scattering, extinction per km, ozone centre and half width (km)
    vec4 ozone;     // absorption per km (rgb)
    vec4 view;      // viewer radius (km), sun zenith angle (rad)
} p;

#define CT_READS_MULTIPLE_SCATTERING
#include "atmosphere_tables.glsl"

void main() {
    ivec2 size = imageSize(skyView);
    ivec2 texel = ivec2(gl_GlobalInvocationID.xy);
    if (texel.x >= size.x || texel.y >= size.y) return;
    Atmosphere a = atmosphere();
    float r = p.view.x;
    float sunZenith = p.view.y;
    int steps = int(p.rayleigh.w);
    vec2 zenithAzimuth = skyViewDirection(a, r, float(texel.x) / float(size.x - 1), float(texel.y) / float(size.y - 1));
    vec3 dir = vec3(sin(zenithAzimuth.x) * cos(zenithAzimuth.y), sin(zenithAzimuth.x) * sin(zenithAzimuth.y),
                    cos(zenithAzimuth.x));
    vec3 sun = vec3(sin(sunZenith), 0.0, cos(sunZenith));
    float ground = distanceToGround(a, r, dir.z);
    float dt = (ground >= 0.0 ? ground : distanceToTop(a, r, dir.z)) / float(steps);
    float cosAngle = dot(dir, sun);
    float phaseR = rayleighPhase(cosAngle);
    float phaseM = miePhase(cosAngle);
    vec3 radiance = vec3(0.0);
    vec3 throughput = vec3(1.0);
    for (int i = 0; i < steps; ++i) {
        vec3 point = vec3(0.0, 0.0, r) + dir * ((float(i) + 0.5) * dt);
        float radius = length(point);
        float h = radius - a.bottomRadius;
        vec3 extinction = extinctionAt(a, h);
        float sunMu = dot(point / radius, sun);
        vec3 toSun = sampleTransmittance(a, radius, sunMu);
        vec3 rayleighHere = a.rayleighScattering * exp(-h / a.rayleighScaleHeight);
        float mieHere = a.mieScattering * exp(-h / a.mieScaleHeight);
        vec3 scattered = toSun * (rayleighHere * phaseR + vec3(mieHere * phaseM)) +
                         sampleMultipleScattering(a, radius, sunMu) * (rayleighHere + vec3(mieHere));
        vec3 segment = exp(-extinction * dt);
        radiance += throughput * (scattered - scattered * segment) / extinction;
        throughput *= segment;
    }
    imageStore(skyView, texel, vec4(radiance, 1.0));
}
