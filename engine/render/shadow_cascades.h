// The sun's shadow in cascades: the camera's view split by depth into up to four slices, each
// with its own orthographic shadow map of the same resolution, so the shadows near the camera get
// texels of centimetres or metres where one map over a 16 km site has texels of 8 m. The maps
// share one atlas image (2x2 tiles for more than one cascade).
//
// Each slice is enclosed by a sphere whose size depends only on the slice's depths and the
// camera's field of view (not on where the camera looks), and the sphere's centre is moved to a
// whole texel of a light space whose orientation depends only on the sun: so turning or moving
// the camera moves the shadow maps by whole texels, and edges do not crawl. The slices run from
// the nearest point of the scene to its farthest (the whole site), split between a logarithmic
// and a uniform spacing. One cascade is the single map fitted to the scene's casters.
//
// A shadow falls, as the sun sees it, within what casts it: a point outside the casters' extent
// in light space is lit. So the single map spans the casters alone (not the plain to the horizon),
// and once a cascade holds all of them the coarser ones would never be read and are left out.
#pragma once

#include "render/camera.h"
#include "scene/bounds.h"

#include <glm/glm.hpp>

#include <array>
#include <cstdint>

namespace ct::render {

constexpr int kMaxShadowCascades = 4;

struct ShadowCascades {
    int count = 1;
    std::array<glm::mat4, kMaxShadowCascades> viewProj{};  // world to each map's clip space
    std::array<float, kMaxShadowCascades> texel_m{};       // one texel's size in the world
    std::array<float, kMaxShadowCascades> far_m{};         // the view depth where each slice ends
};

// `bounds`: the whole scene (what the camera sees and receives shadows); `casters`: what casts them
// (render::GpuScene::casterBounds). `resolution`: texels per side of each cascade's map.
ShadowCascades fitShadowCascades(const Camera& camera, float aspect, const scene::Bounds& bounds,
                                 const scene::Bounds& casters, const glm::vec3& sunDirection, int count,
                                 std::uint32_t resolution);

}  // namespace ct::render
