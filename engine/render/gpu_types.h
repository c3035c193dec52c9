// CPU mirrors of the shader-visible structs in shaders/common.glsl and mesh.frag (std140/std430
// layouts; every member is 16-byte aligned, so plain glm types line up). Change both together.
#pragma once

#include <glm/glm.hpp>

#include <cstdint>

namespace ct::render {

struct GpuInstance {
    glm::mat4 model;
    glm::vec4 normalMatrix[3];
    glm::uvec4 ids;  // x: node index + 1, y: instance index within the node, z: minimum width (px, float bits)
};
static_assert(sizeof(GpuInstance) == 128);

// A node's look and motion for the shaders (render/node_animation.h; common.glsl's NodeAnimations).
struct GpuNodeAnimation {
    glm::vec4 look;       // lift (m), nothing drawn below this height, scaffold above it, highlight
    glm::vec4 motion[3];  // the rows of the motion's upper 3x4: world to moved world
    glm::vec4 turns;      // cos, sin of the turn of each instance's mesh about its +y; a surface's turn; unused
    bool operator==(const GpuNodeAnimation&) const = default;
};
static_assert(sizeof(GpuNodeAnimation) == 80);

struct GpuFrameUniforms {
    glm::mat4 viewProj;
    glm::mat4 invViewProj;
    glm::mat4 shadowViewProj[4];  // per cascade (render/shadow_cascades.h)
    glm::vec4 cameraPosition;
    glm::vec4 sunDirection;
    glm::vec4 sunRadiance;
    glm::vec4 skyZenith;
    glm::vec4 skyHorizon;
    glm::vec4 groundColor;
    glm::vec4 params;
    glm::vec4 overlayGrid;   // originX, originZ, cellSize, enabled (1/0)
    glm::vec4 overlayRange;  // min, max, opacity, contour step (0: none)
    glm::vec4 overlayInfo;   // nx, nz, colour map index, value offset
    glm::vec4 atmosphere;    // on (1/0), horizon zenith angle (rad), sky scale, night (0..1)
    glm::vec4 nightZenith;   // rgb: the night sky's floor overhead
    glm::vec4 nightHorizon;  // rgb: and at the horizon
    glm::vec4 haze;          // rgb: the air's extinction per km at the ground; w: camera height (km)
    glm::vec4 skySun;        // xyz: towards the true sun (the sky's, may be below the horizon)
    glm::vec4 sunDisk;       // rgb: the sun's disk as seen through the air (0 once it has set)
    glm::vec4 lampGrid;      // the lamps' light on the ground: originX, originZ, cell (m), nx
    glm::vec4 lampState;     // nz, lux to radiance units (0: lamps off), clock (s), stars (0..1)
    glm::vec4 viewport;      // width, height (px), |projection[1][1]|, the site's lights (0..1)
    glm::vec4 shadowTexel;   // per cascade: one shadow texel's size in the world (m)
    glm::vec4 shadowAtlas;   // cascades, tiles per side of the atlas, 1 / atlas texels, unused
    glm::vec4 groundBounce;  // rgb: the ground's radiance lighting what faces down, over the sky intensity
    glm::vec4 cloudLayer;    // drift x, z (m), threshold, opacity (0: no clouds)
    glm::vec4 cloudShape;    // base (m), cell (m), edge, seed (bits)
};

struct GpuMaterial {
    glm::vec4 baseColorFactor;
    glm::vec4 emissive;
    glm::vec4 factors;
    glm::vec4 alpha;
    glm::uvec4 texCoords;
    glm::uvec4 texCoordsMore;
    glm::vec4 procedural;  // scene::Material::proceduralParams
};

struct DrawConstants {
    std::uint32_t flags;
    std::uint32_t cascade = 0;  // the shadow pass: which cascade is drawn
};
constexpr std::uint32_t kFlagHasTangents = 1u;
constexpr std::uint32_t kFlagAlphaMask = 2u;
constexpr std::uint32_t kFlagAlphaBlend = 4u;

}  // namespace ct::render
