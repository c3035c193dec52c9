#include "render/shadow_cascades.h"

#include "render/lighting.h"

#include <glm/gtc/matrix_transform.hpp>

#include <algorithm>
#include <cmath>

namespace ct::render {

namespace {

// The share of logarithmic spacing in the split depths (the rest uniform): near slices stay
// small, far ones do not grow without bound.
constexpr float kLogarithmicShare = 0.97f;
// How far inside a cascade's edge the casters must lie for it to hold them all, in its texels:
// mesh.frag skips a cascade within two texels of its edge and offsets the point it looks up by
// a texel and a half along the normal.
constexpr float kHeldMarginTexels = 4.0f;

// The camera's forward direction and the half extents of its view per metre of depth.
struct ViewShape {
    glm::vec3 forward;
    float halfHeight;  // tan(yfov / 2)
    float halfWidth;
};

ViewShape viewShape(const Camera& camera, float aspect) {
    const float halfHeight = std::tan(camera.yfov * 0.5f);
    return {glm::normalize(camera.target - camera.eye), halfHeight, halfHeight * aspect};
}

}  // namespace

ShadowCascades fitShadowCascades(const Camera& camera, float aspect, const scene::Bounds& bounds,
                                 const scene::Bounds& casters, const glm::vec3& sunDirection, int count,
                                 std::uint32_t resolution) {
    ShadowCascades cascades;
    count = std::clamp(count, 1, kMaxShadowCascades);
    const float size = static_cast<float>(std::max(resolution, 1u));
    if (bounds.empty() || casters.empty() || count == 1 || camera.orthographic) {
        cascades.count = 1;
        cascades.viewProj[0] = fitSunShadow(casters.empty() ? bounds : casters, bounds, sunDirection);
        cascades.texel_m[0] = glm::length((casters.empty() ? bounds : casters).size()) / size;
        cascades.far_m[0] = 1e30f;
        return cascades;
    }
    cascades.count = count;
    const ViewShape shape = viewShape(camera, aspect);
    // Depths from the scene's nearest point (0 inside it) to its farthest corner, along the view.
    const glm::vec3 nearestPoint = glm::clamp(camera.eye, bounds.min, bounds.max);
    float nearDepth = std::max(glm::length(nearestPoint - camera.eye) * 0.9f, std::max(camera.znear, 1.0f));
    float farDepth = 0.0f;
    for (int c = 0; c < 8; ++c)
        farDepth = std::max(farDepth, glm::dot(bounds.corner(c) - camera.eye, shape.forward));
    if (camera.zfar > camera.znear) farDepth = std::min(farDepth, camera.zfar);
    farDepth = std::max(farDepth, nearDepth * 1.01f);

    // Light space: oriented by the sun alone, so texel snapping holds whatever the camera does.
    const glm::vec3 toSun = glm::normalize(sunDirection);
    const glm::vec3 up = std::abs(toSun.y) > 0.99f ? glm::vec3(0, 0, -1) : glm::vec3(0, 1, 0);
    const glm::mat4 lightView = glm::lookAt(glm::vec3(0.0f), -toSun, up);
    const scene::Bounds sceneInLight = scene::transformed(bounds, lightView);
    const scene::Bounds castersInLight = scene::transformed(casters, lightView);
    const float pad = glm::length(bounds.size()) * 0.01f;

    float sliceNear = nearDepth;
    for (int i = 0; i < count; ++i) {
        const float t = static_cast<float>(i + 1) / static_cast<float>(count);
        const float logarithmic = nearDepth * std::pow(farDepth / nearDepth, t);
        const float uniform = nearDepth + (farDepth - nearDepth) * t;
        const float sliceFar = i + 1 == count ? farDepth : glm::mix(uniform, logarithmic, kLogarithmicShare);
        // The sphere around the slice, centred on the view axis: its radius is the distance to
        // the slice's far corners or near corners, whichever is farther from the centre.
        const float centreDepth = 0.5f * (sliceNear + sliceFar);
        const auto cornerDistance = [&](float depth) {
            const float x = depth * shape.halfWidth;
            const float y = depth * shape.halfHeight;
            return std::sqrt(x * x + y * y + (depth - centreDepth) * (depth - centreDepth));
        };
        // Rounded up to a sixteenth of its power of two, so that it does not change with float noise.
        float radius = std::max(cornerDistance(sliceNear), cornerDistance(sliceFar));
        const float quantum = std::exp2(std::floor(std::log2(radius))) / 16.0f;
        radius = std::ceil(radius / quantum) * quantum;
        const glm::vec3 centre = camera.eye + shape.forward * centreDepth;
        const float texel = 2.0f * radius / size;
        glm::vec3 inLight = glm::vec3(lightView * glm::vec4(centre, 1.0f));
        inLight.x = std::floor(inLight.x / texel) * texel;
        inLight.y = std::floor(inLight.y / texel) * texel;
        // Depth: every caster of the scene between the sun and the slice (view space looks down -z).
        const glm::mat4 projection =
            glm::ortho(inLight.x - radius, inLight.x + radius, inLight.y - radius, inLight.y + radius,
                       -sceneInLight.max.z - pad, -sceneInLight.min.z + pad);
        cascades.viewProj[i] = projection * lightView;
        cascades.texel_m[i] = texel;
        cascades.far_m[i] = sliceFar;
        sliceNear = sliceFar;
        // All the casters inside, clear of the edge by the shader's filter margin and normal
        // offset with room to spare: the cascades beyond would never be read.
        const float margin = kHeldMarginTexels * texel;
        if (castersInLight.min.x > inLight.x - radius + margin && castersInLight.max.x < inLight.x + radius - margin &&
            castersInLight.min.y > inLight.y - radius + margin && castersInLight.max.y < inLight.y + radius - margin) {
            cascades.count = i + 1;
            break;
        }
    }
    return cascades;
}

}  // namespace ct::render
