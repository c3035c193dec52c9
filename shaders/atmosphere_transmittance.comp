#version 460
// The transmittance table (engine/render/atmosphere_luts.h): per texel, the transmittance from
// (r, mu) to the top of the atmosphere, for the sky, the sun's colour and aerial perspective.
#include "atmosphere.glsl"

layout(local_size_x = 8, local_size_y = 8) in;
layout(set = 0, binding = 0, rgba32f) uniform writeonly image2D transmittance;

layout(push_constant) uniform Parameters {
    vec4 radii;     // bottom, top (km), Rayleigh and Mie scale heights (km)
    vec4 rayleigh;  // scattering per km (rgb), integration steps (w)
    vec4 mie;       // scattering, extinction per km, ozone centre and half width (km)
    vec4 ozone;     // absorption per km (rgb)
} p;

void main() {
    ivec2 size = imageSize(transmittance);
    ivec2 texel = ivec2(gl_GlobalInvocationID.xy);
    if (texel.x >= size.x || texel.y >= size.y) return;
    Atmosphere a;
    a.bottomRadius = p.radii.x;
    a.topRadius = p.radii.y;
    a.rayleighScaleHeight = p.radii.z;
    a.mieScaleHeight = p.radii.w;
    a.rayleighScattering = p.rayleigh.xyz;
    a.mieScattering = p.mie.x;
    a.mieExtinction = p.mie.y;
    a.ozoneCentre = p.mie.z;
    a.ozoneHalfWidth = p.mie.w;
    a.ozoneAbsorption = p.ozone.xyz;
    // Texel centres at the ends of the unit range, as the reference lays the table out.
    vec2 rMu = transmittanceLutRadiusAndCosine(a, float(texel.x) / float(size.x - 1),
                                               float(texel.y) / float(size.y - 1));
    imageStore(transmittance, texel, vec4(transmittanceToTop(a, rMu.x, rMu.y, int(p.rayleigh.w)), 1.0));
}
