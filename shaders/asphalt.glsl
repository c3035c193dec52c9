// Asphalt (scene::ProceduralSurface::Asphalt): a site road or car park at eye level reads as a
// worn surface, not a sheet of grey. Patches of older and newer surfacing (9 m and 31 m), the
// aggregate's grain (5 cm, near the camera only); on a road, in each lane the two wheel paths a
// little lighter (the traffic polishes them) with the drip line between them darker, and a white
// edge line 0.12 m wide 0.25 m in from each edge. Lines and bands are box-filtered to the pixel
// (bands.glsl's reasoning), the worn bands and noise fade to its mean before it is smaller than a pixel or two, so
// far away the road is its base colour with the lines at their share. Sizes assumed, after common
// US practice (docs/campus-facts.md, "Site works").
//
// `across` and `along` are the road's own coordinates (m from its centre line, m along it: the
// vertices' first texture coordinates), `params` Material::proceduralParams: x the half width (0
// for an area, a car park, which has neither lanes nor lines), y the lanes (1 or 2).
#ifndef CT_ASPHALT_GLSL
#define CT_ASPHALT_GLSL

#include "grassland.glsl"

const float kEdgeLineWidth_m = 0.12;
const float kEdgeLineInset_m = 0.25;
const float kEdgeLinePaint = 0.62;  // albedo of weathered white road paint
const float kWheelTrack_m = 1.8;    // between a car's wheels
const float kWheelPath_m = 0.6;
const float kDripLine_m = 0.8;

// The share of the pixel [x - f/2, x + f/2] a band [a, b] covers.
float asphaltBand(float x, float a, float b, float footprint) {
    float f = max(footprint, 1e-4);
    return clamp((min(x + 0.5 * f, b) - max(x - 0.5 * f, a)) / f, 0.0, 1.0);
}

vec3 asphaltAlbedo(vec3 base, vec2 xz, float across, vec4 params, float footprint) {
    float patches = 0.6 * grassLayer(xz, 9.0, footprint) + 0.4 * grassLayer(xz, 31.0, footprint);
    float grain = grassLayer(xz, 0.05, footprint);
    vec3 albedo = base * (1.0 + 0.22 * (patches - 0.5)) * (1.0 + 0.3 * (grain - 0.5));
    float halfWidth = params.x;
    if (halfWidth <= 0.0) return albedo;
    // Lanes side by side across the road; in each, the wheel paths either side of its middle.
    float lanes = max(params.y, 1.0);
    float laneWidth = 2.0 * halfWidth / lanes;
    float inLane = mod(across + halfWidth, laneWidth) - 0.5 * laneWidth;  // from the lane's middle
    // Soft-edged (worn, not painted): Gaussian across, faded to nothing before a pixel spans one.
    float wear = 1.0 - smoothstep(0.25, 0.6, footprint);
    float drip = exp(-pow(inLane / (0.5 * kDripLine_m), 2.0));
    float wheels = exp(-pow((abs(inLane) - 0.5 * kWheelTrack_m) / (0.5 * kWheelPath_m), 2.0));
    albedo *= 1.0 + wear * (0.07 * wheels - 0.12 * drip);
    float inner = halfWidth - kEdgeLineInset_m;
    float line = asphaltBand(abs(across), inner - kEdgeLineWidth_m, inner, footprint);
    return mix(albedo, vec3(kEdgeLinePaint), line);
}

#endif
