// Wall panels (scene::ProceduralSurface::PrecastPanels): a data hall's long walls read, at eye
// level and in a close aerial view, as panels with joints, not as one grey sheet. Panels
// kPanelWidth_m wide, stacked kPanelHeight_m high, with dark joints kJoint_m wide between them,
// each panel a shade lighter or darker than its neighbours (cast on different days), and a
// darker plinth at the foot where rain splashes the dust back. The joints are bands filtered to
// the pixel (bands.glsl), the shades fade to their mean before a panel gets smaller than a
// pixel or two: far away the wall is its base colour, slightly darkened by the joints' share.
// Sizes assumed (docs/campus-facts.md, "Building facades").
#ifndef CT_PRECAST_GLSL
#define CT_PRECAST_GLSL

#include "bands.glsl"

const float kPanelWidth_m = 3.0;
const float kPanelHeight_m = 4.5;
const float kJoint_m = 0.03;
const float kJointShade = 0.4;   // albedo in a joint, of the panel's
const float kPlinth_m = 0.6;
const float kPlinthShade = 0.78;

float precastHash(vec2 p) {
    vec3 p3 = fract(vec3(p.xyx) * 0.1031);
    p3 += dot(p3, p3.yzx + 33.33);
    return fract((p3.x + p3.y) * p3.z);
}

// `position` in the world, `normal` the wall's, `lift` how far the building has been raised (its
// construction animation: the joints move with it), `footprint` a pixel's extent (m).
vec3 precastAlbedo(vec3 base, vec3 position, vec3 normal, float lift, float footprint) {
    if (abs(normal.y) > 0.5) return base;  // the tops of parapets and sills: plain
    // Along the wall (horizontal, in the wall's plane) and up from where it was cast.
    vec3 along = normalize(vec3(-normal.z, 0.0, normal.x));
    float s = dot(position, along);
    float h = position.y - lift;
    // Joints at whole multiples of the panel size: bands centred on the period's middle, shifted.
    float vertical = bandCoverage(s / kPanelWidth_m + 0.5, kJoint_m / kPanelWidth_m, footprint / kPanelWidth_m);
    float horizontal = bandCoverage(h / kPanelHeight_m + 0.5, kJoint_m / kPanelHeight_m, footprint / kPanelHeight_m);
    float joints = 1.0 - (1.0 - vertical) * (1.0 - horizontal);
    vec2 panel = floor(vec2(s / kPanelWidth_m, h / kPanelHeight_m));
    float shade = 1.0 + 0.08 * (precastHash(panel + 0.37 * floor(position.xz / 500.0)) - 0.5);
    shade = mix(1.0, shade, 1.0 - smoothstep(0.5, 1.5, footprint));
    float plinth = mix(kPlinthShade, 1.0, smoothstep(kPlinth_m - footprint, kPlinth_m + footprint, h));
    return base * shade * plinth * mix(1.0, kJointShade, joints);
}

#endif
