// Cascaded shadow maps (render/shadow_cascades.h): what the cascades cover, that they move by
// whole texels as the camera moves, and the sharper shadow they give near the camera.
#include "render/shadow_cascades.h"
#include "render/data_dir.h"
#include "render_harness.h"

#include <catch2/catch.hpp>

#include <cmath>

namespace {

using ct::render::ShadowCascades;

ct::scene::Bounds siteBounds() {
    ct::scene::Bounds b;
    b.extend(glm::vec3(-8000.0f, -3.0f, -8000.0f));
    b.extend(glm::vec3(8000.0f, 150.0f, 8000.0f));
    return b;
}

ct::render::Camera lowCamera(glm::vec3 eye) {
    ct::render::Camera camera;
    camera.eye = eye;
    camera.target = eye + glm::vec3(300.0f, -60.0f, -200.0f);
    camera.yfov = glm::radians(45.0f);
    camera.znear = 1.0f;
    camera.zfar = 30000.0f;
    return camera;
}

const glm::vec3 kSun = glm::normalize(glm::vec3(0.4f, 0.6f, 0.3f));

bool inside(const glm::mat4& viewProj, glm::vec3 p) {
    const glm::vec4 clip = viewProj * glm::vec4(p, 1.0f);
    const glm::vec3 ndc = glm::vec3(clip) / clip.w;
    return std::abs(ndc.x) <= 1.0f && std::abs(ndc.y) <= 1.0f && ndc.z >= 0.0f && ndc.z <= 1.0f;
}

}  // namespace

TEST_CASE("four cascades cover the view from near the camera to the whole site, finest first", "[render][shadow]") {
    const ct::render::Camera camera = lowCamera({0.0f, 40.0f, 0.0f});
    const ShadowCascades cascades =
        ct::render::fitShadowCascades(camera, 16.0f / 9.0f, siteBounds(), siteBounds(), kSun, 4, 2048);
    REQUIRE(cascades.count == 4);
    for (int c = 1; c < 4; ++c) {
        CHECK(cascades.texel_m[c] > cascades.texel_m[c - 1]);
        CHECK(cascades.far_m[c] > cascades.far_m[c - 1]);
    }
    CHECK(cascades.texel_m[0] < 0.2f);  // about a decimetre near the camera (8 m for one map)
    // Every point of the view inside the site, from 2 m out to the far corner, is in a cascade.
    const glm::vec3 forward = glm::normalize(camera.target - camera.eye);
    const glm::vec3 right = glm::normalize(glm::cross(forward, glm::vec3(0, 1, 0)));
    const glm::vec3 up = glm::cross(right, forward);
    const float tanY = std::tan(camera.yfov * 0.5f);
    int tested = 0;
    for (float depth = 2.0f; depth < cascades.far_m[3]; depth *= 1.3f)
        for (const float sx : {-0.99f, 0.0f, 0.99f})
            for (const float sy : {-0.99f, 0.0f, 0.99f}) {
                const glm::vec3 p = camera.eye + forward * depth + right * (sx * depth * tanY * 16.0f / 9.0f) +
                                    up * (sy * depth * tanY);
                const ct::scene::Bounds site = siteBounds();
                if (glm::any(glm::lessThan(p, site.min)) || glm::any(glm::greaterThan(p, site.max))) continue;
                ++tested;
                bool covered = false;
                for (int c = 0; c < 4; ++c)
                    covered = covered || inside(cascades.viewProj[c], p);
                INFO("depth " << depth << " at " << sx << "," << sy);
                CHECK(covered);
            }
    CHECK(tested > 40);
}

TEST_CASE("cascades move by whole texels when the camera moves, and keep their size when it turns",
          "[render][shadow]") {
    const ct::render::Camera a = lowCamera({0.0f, 40.0f, 0.0f});
    ct::render::Camera b = a;
    b.eye += glm::vec3(0.37f, 0.0f, -0.21f);
    b.target += glm::vec3(0.37f, 0.0f, -0.21f);
    ct::render::Camera turned = a;
    turned.target = a.eye + glm::vec3(-200.0f, -60.0f, -300.0f);
    const ShadowCascades ca = ct::render::fitShadowCascades(a, 1.5f, siteBounds(), siteBounds(), kSun, 4, 2048);
    const ShadowCascades cb = ct::render::fitShadowCascades(b, 1.5f, siteBounds(), siteBounds(), kSun, 4, 2048);
    const ShadowCascades ct = ct::render::fitShadowCascades(turned, 1.5f, siteBounds(), siteBounds(), kSun, 4, 2048);
    for (int c = 0; c < 4; ++c) {
        CHECK(cb.texel_m[c] == ca.texel_m[c]);
        CHECK(ct.texel_m[c] == ca.texel_m[c]);
        // A fixed point of the world lands on the same spot within a texel in both maps, shifted
        // by a whole number of texels.
        const glm::vec3 p(50.0f, 0.0f, -30.0f);
        const glm::vec4 pa = ca.viewProj[c] * glm::vec4(p, 1.0f);
        const glm::vec4 pb = cb.viewProj[c] * glm::vec4(p, 1.0f);
        const glm::vec2 shift = (glm::vec2(pb) - glm::vec2(pa)) * 0.5f * 2048.0f;  // in texels
        INFO("cascade " << c << " shifts by " << shift.x << ", " << shift.y << " texels");
        CHECK(std::abs(shift.x - std::round(shift.x)) < 0.02f);
        CHECK(std::abs(shift.y - std::round(shift.y)) < 0.02f);
    }
}

TEST_CASE("the casters alone size the single map and say how many cascades are drawn", "[render][shadow]") {
    // A campus 1.2 km across casting on a 16 km plain that casts nothing.
    ct::scene::Bounds casters;
    casters.extend(glm::vec3(-600.0f, 0.0f, -600.0f));
    casters.extend(glm::vec3(600.0f, 150.0f, 600.0f));
    ct::render::Camera overview;
    overview.eye = {0.0f, 2500.0f, 6000.0f};
    overview.target = {0.0f, 0.0f, 0.0f};
    overview.yfov = glm::radians(40.0f);
    overview.znear = 1.0f;
    overview.zfar = 30000.0f;

    // One map: across the casters, a texel of under a metre where the site's would be 11 m, and
    // deep enough for the ground a low sun's shadow reaches, far beyond them.
    const ShadowCascades single = ct::render::fitShadowCascades(overview, 1.5f, siteBounds(), casters, kSun, 1, 2048);
    REQUIRE(single.count == 1);
    CHECK(single.texel_m[0] < 1.0f);
    for (int c = 0; c < 8; ++c)
        CHECK(inside(single.viewProj[0], casters.corner(c)));
    const glm::vec3 shadowEnd =
        glm::vec3(0.0f, 150.0f, 0.0f) - kSun * (150.0f / kSun.y);  // where the top's shadow lands
    CHECK(inside(single.viewProj[0], shadowEnd));
    CHECK_FALSE(inside(single.viewProj[0], glm::vec3(5000.0f, 0.0f, 0.0f)));

    // Cascades: from afar the first ones already hold every caster, and the rest are not drawn.
    const ShadowCascades trimmed = ct::render::fitShadowCascades(overview, 1.5f, siteBounds(), casters, kSun, 4, 1024);
    const ShadowCascades full =
        ct::render::fitShadowCascades(overview, 1.5f, siteBounds(), siteBounds(), kSun, 4, 1024);
    INFO("cascades drawn: " << trimmed.count << " of " << full.count);
    CHECK(full.count == 4);
    CHECK(trimmed.count < 4);
    for (int c = 0; c < 8; ++c)
        CHECK(inside(trimmed.viewProj[trimmed.count - 1], casters.corner(c)));
    for (int c = 0; c < trimmed.count; ++c)
        CHECK(trimmed.viewProj[c] == full.viewProj[c]);  // those kept are as they were
}

TEST_CASE("with cascades a small caster on a large site throws a sharp shadow", "[render][shadow]") {
    // shadow_plane.gltf (a 2 m cube over a 20 m plane), on a 16 km site: a single map over the
    // site has 8 m texels, so the cube's shadow all but vanishes; the nearest cascade has centimetres.
    ct::scene::LoadResult loaded = ct::scene::loadGltf(ct::test::testData("shadow_plane.gltf"));
    REQUIRE(loaded.ok());
    ct::scene::Scene scene = std::move(*loaded.scene);
    for (const glm::vec3 corner : {glm::vec3(-8000, 0, -8000), glm::vec3(8000, 0, 8000)}) {
        ct::scene::Primitive marker;
        for (const glm::vec3 d : {glm::vec3(0, 0, 0), glm::vec3(1, 0, 0), glm::vec3(0, 0, 1)}) {
            ct::scene::Vertex v;
            v.position = corner + d;
            v.normal = {0, 1, 0};
            marker.vertices.push_back(v);
            marker.bounds.extend(v.position);
        }
        marker.indices = {0, 2, 1};
        scene.meshes.push_back({"marker", {marker}});
        ct::scene::Node node;
        node.name = "far marker";
        node.mesh = static_cast<int>(scene.meshes.size()) - 1;
        scene.roots.push_back(static_cast<int>(scene.nodes.size()));
        scene.nodes.push_back(node);
        scene.bounds.extend(marker.bounds);
    }
    const int cameraIndex = ct::render::findSceneCamera(scene, "main");
    REQUIRE(cameraIndex >= 0);
    ct::render::Camera camera = ct::render::cameraFromScene(scene, cameraIndex);
    camera.zfar = 30000.0f;
    ct::render::Lighting lighting;
    lighting.sunDirection = glm::normalize(glm::vec3(0.5f, 0.8f, 0.3f));
    // The share of the ground under the cube's shadow (darker than 60 % of the lit ground).
    const auto shadowed = [&](int cascades) {
        ct::vk::Context context({.validation = true, .quiet = true});
        ct::render::Renderer renderer(context, ct::render::shaderDir(),
                                      {.extent = {256, 256}, .shadowCascades = cascades});
        renderer.setScene(scene);
        ct::render::OffscreenCapture capture(context, renderer);
        const ct::render::CapturedFrame frame = capture.render(camera, lighting);
        CHECK(context.validationCounts().total() == 0);
        float lit = 0.0f;
        for (std::uint32_t y = 0; y < 256; ++y)
            for (std::uint32_t x = 0; x < 256; ++x)
                if (frame.nodeAt(x, y) == 0) lit = std::max(lit, ct::test::luminance(frame.pixel(x, y)));
        int dark = 0;
        for (std::uint32_t y = 0; y < 256; ++y)
            for (std::uint32_t x = 0; x < 256; ++x)
                if (frame.nodeAt(x, y) == 0 && ct::test::luminance(frame.pixel(x, y)) < 0.6f * lit) ++dark;
        return dark;
    };
    const int single = shadowed(1);
    const int four = shadowed(4);
    INFO("ground pixels in shadow: one map " << single << ", four cascades " << four);
    CHECK(four > 400);
    CHECK(single < four / 4);
}
