// Data shared by every scene shader. Mirrors engine/render/gpu_types.h: change both together.
#ifndef CT_COMMON_GLSL
#define CT_COMMON_GLSL

struct Instance {
    mat4 model;
    vec4 normalMatrix[3];  // columns of transpose(inverse(mat3(model)))
    uvec4 ids;             // x: node index + 1 (0 = nothing), y: instance index within the node,
                           // z: the node's minimum width on screen (px, float bits; 0: none)
};

layout(set = 0, binding = 0) uniform FrameUniforms {
    mat4 viewProj;
    mat4 invViewProj;
    mat4 shadowViewProj[4];  // per cascade of the sun's shadow (engine/render/shadow_cascades.h)
    vec4 cameraPosition;
    vec4 sunDirection;   // towards the sun; w: 1 when shadows are on
    vec4 sunRadiance;    // rgb: sun colour times intensity
    vec4 skyZenith;      // rgb
    vec4 skyHorizon;     // rgb
    vec4 groundColor;    // rgb
    vec4 params;         // x: exposure, y, z: unused,
                         // w: sky (ambient) intensity
    vec4 overlayGrid;    // ground overlay: originX, originZ, cellSize, enabled
    vec4 overlayRange;   // min, max, opacity, contour step (0: none)
    vec4 overlayInfo;    // nx, nz, colour map index, value offset
    vec4 atmosphere;     // on (1/0), horizon zenith angle (rad), sky scale, night (0..1)
    vec4 nightZenith;    // rgb: the night sky's floor overhead
    vec4 nightHorizon;   // rgb: and at the horizon
    vec4 haze;           // rgb: the air's extinction per km at the ground; w: camera height (km)
    vec4 skySun;         // xyz: towards the true sun (the sky's, may be below the horizon)
    vec4 sunDisk;        // rgb: the sun's disk as seen through the air (0 once it has set)
    vec4 lampGrid;       // the lamps' light on the ground: originX, originZ, cell (m), nx
    vec4 lampState;      // nz, lux to radiance units (0: lamps off), clock (s), stars (0..1)
    vec4 viewport;       // width, height (px), |projection[1][1]|, the site's lights (0..1)
    vec4 shadowTexel;    // per cascade: one shadow texel's size in the world (m)
    vec4 shadowAtlas;    // cascades, tiles per side of the atlas, 1 / atlas texels, unused
    vec4 groundBounce;   // rgb: the ground's radiance lighting what faces down, over the sky intensity
    vec4 cloudLayer;     // drift x, z (m), threshold, opacity (0: no clouds); shaders/cloud_field.glsl
    vec4 cloudShape;     // base (m), cell (m), edge, seed (uint bits)
} frame;

layout(std430, set = 0, binding = 1) readonly buffer InstanceBuffer {
    Instance instances[];
};

layout(set = 0, binding = 2) uniform sampler2DShadow shadowMap;

// This frame's visible instances (after culling and level-of-detail selection), one list for
// the camera and one for the sun's shadow map: instance = instances[list[gl_InstanceIndex]].
layout(std430, set = 0, binding = 3) readonly buffer CameraVisibleInstances {
    uint cameraVisible[];
};
layout(std430, set = 0, binding = 4) readonly buffer ShadowVisibleInstances {
    uint shadowVisible[];
};

// The ground overlay's values (one float per cell) and the colour-map lookup table (256 linear
// RGB entries per map; engine/render/colormap.cpp).
layout(std430, set = 0, binding = 5) readonly buffer OverlayValues {
    float overlayValues[];
};
layout(std430, set = 0, binding = 6) readonly buffer ColormapTable {
    vec4 colormapTable[];
};

// Per node (index = ids.x - 1; engine/render/node_animation.h, render::GpuNodeAnimation): its look,
// x: vertical lift (m), y: nothing drawn below this world height, z: scaffold lattice above this
// world height, w: selection highlight 0..1; and its motion, the rows of a rigid 3x4 transform of
// the world (a rotor turning, a tracker tilting); and its turns: x, y the cosine and sine of a turn
// of each instance's mesh about its own +y before its placement (a fan in its shroud), z a turn
// of what a procedural surface draws (a far solar row's trackers), on top of its material's.
struct NodeLookAndMotion {
    vec4 look;
    vec4 motion[3];
    vec4 turns;
};
layout(std430, set = 0, binding = 7) readonly buffer NodeAnimations {
    NodeLookAndMotion nodeAnimations[];
};

// The sky's radiance on spherical harmonics, nine coefficients (rgb) in a uniform buffer
// (engine/render/sky_irradiance_pass.h), written with the atmosphere on as the sun moves.
layout(set = 0, binding = 10) uniform SkyIrradiance {
    vec4 skyIrradianceSh[9];
};

// The sky prefiltered for glossy surfaces, five roughness levels (engine/render/sky_specular_pass.h),
// made again with the harmonics.
layout(set = 0, binding = 11) uniform sampler2D skySpecularMap;

// Whether this pipeline's frames may have the atmosphere (the renderer builds the scene's opaque
// pipelines with it off for frames without, Renderer::opaquePipeline): a CPU device runs both
// sides of a branch for every pixel, so a frame with the two-colour sky must not pay for the
// sky's harmonics, reflections and haze. On, frame.atmosphere.x still decides.
layout(constant_id = 5) const bool kAtmosphere = true;

vec4 nodeAnimation(uint nodeIdPlusOne) { return nodeAnimations[max(nodeIdPlusOne, 1u) - 1u].look; }

// A world point and a world direction moved by the node's motion.
vec3 nodeMotionPoint(uint nodeIdPlusOne, vec3 p) {
    uint n = max(nodeIdPlusOne, 1u) - 1u;
    vec4 h = vec4(p, 1.0);
    return vec3(dot(nodeAnimations[n].motion[0], h), dot(nodeAnimations[n].motion[1], h),
                dot(nodeAnimations[n].motion[2], h));
}
// A mesh point or direction turned by the node's spin, about the mesh's +y.
vec3 nodeSpin(uint nodeIdPlusOne, vec3 v) {
    vec2 cs = nodeAnimations[max(nodeIdPlusOne, 1u) - 1u].turns.xy;
    return vec3(cs.x * v.x + cs.y * v.z, v.y, cs.x * v.z - cs.y * v.x);
}
float nodeSurfaceTurn(uint nodeIdPlusOne) { return nodeAnimations[max(nodeIdPlusOne, 1u) - 1u].turns.z; }
vec3 nodeMotionDirection(uint nodeIdPlusOne, vec3 d) {
    uint n = max(nodeIdPlusOne, 1u) - 1u;
    return vec3(dot(nodeAnimations[n].motion[0].xyz, d), dot(nodeAnimations[n].motion[1].xyz, d),
                dot(nodeAnimations[n].motion[2].xyz, d));
}

layout(push_constant) uniform DrawConstants {
    uint flags;    // bit 0: vertex tangents present; bit 1: alpha mask; bit 2: alpha blend
    uint cascade;  // the shadow pass: which cascade is drawn
} draw;

const uint kFlagHasTangents = 1u;
const uint kFlagAlphaMask = 2u;
const uint kFlagAlphaBlend = 4u;

#endif
