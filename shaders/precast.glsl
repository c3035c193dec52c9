// Wall panels (scene::ProceduralSurface::PrecastPanels): a data hall's long walls read, at eye
// level and in a close aerial view, as panels with joints, not as one grey sheet. Panels
// kPanelWidth_m wide, stacked kPanelHeight_m high, with dark joints kJoint_m wide between them,
// each panel a shade lighter or darker than its neighbours (cast on different days), and a
// darker plinth at the foot where rain splashes the dust back. The joints are bands filtered to
// the pixel (bands.glsl), the shades fade to their mean before a panel gets smaller than a
// pixel or two: far away the wall is its base colour, slightly darkened by the joints' share.
// Along the foot, a steel roll-up door every eight panels; in the second course, a louvre bank
// (the halls' air intakes) over two panels of every eight: both box-filtered to the pixel, their
// slats and blades as filtered bands, so far away they are patches of their mean shade.
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
const float kBay_m = 24.0;                          // doors and louvres repeat every eight panels
const float kDoorCentre_m = 16.5;                   // along the bay: the middle of its sixth panel
const vec2 kDoorSize_m = vec2(2.4, 3.0);            // a roll-up door, from the ground
const vec3 kDoorShade = vec3(0.62, 0.66, 0.74);     // painted steel, of the panel's albedo
const float kDoorSlat_m = 0.12;                     // the curtain's slats
const float kLouvreCentre_m = 6.0;                  // along the bay: the second and third panels
const vec3 kLouvreBox_m = vec3(5.4, 5.1, 8.4);      // width, bottom and top (the second course)
const float kLouvreShade = 0.5;                     // dark anodised blades
const float kLouvreBlade_m = 0.15;

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
    vec3 albedo = base * shade * plinth * mix(1.0, kJointShade, joints);

    // Once per bay: bands one bay apart, centred where the feature is.
    float door = bandCoverage((s - kDoorCentre_m) / kBay_m + 0.5, kDoorSize_m.x / kBay_m, footprint / kBay_m) *
                 boxCoverage(h, 0.0, kDoorSize_m.y, footprint);
    float slats = bandCoverage(h / kDoorSlat_m + 0.5, 0.2, footprint / kDoorSlat_m);
    albedo = mix(albedo, base * kDoorShade * mix(1.0, 0.6, slats), door);
    float louvre = bandCoverage((s - kLouvreCentre_m) / kBay_m + 0.5, kLouvreBox_m.x / kBay_m, footprint / kBay_m) *
                   boxCoverage(h, kLouvreBox_m.y, kLouvreBox_m.z, footprint);
    float blades = bandCoverage(h / kLouvreBlade_m + 0.5, 0.5, footprint / kLouvreBlade_m);
    return mix(albedo, base * kLouvreShade * mix(1.0, 0.55, blades), louvre);
}

#endif
