// Lamps (render/lamps.h): the ground light baked from them, and their points of light drawn over
// a dark scene (shadow_plane.gltf: a 20 m ground plane and a cube, seen from 10 m up).
#include "render/lamp_light_map.h"
#include "render/node_animation.h"
#include "render_harness.h"

#include <catch2/catch.hpp>

#include <cmath>

namespace {

using ct::render::Lamp;

Lamp pole(glm::vec3 position, float intensity_cd = 2500.0f) {
    Lamp lamp;
    lamp.position = position;
    lamp.intensity_cd = intensity_cd;
    return lamp;
}

// Night over the test scene: a faint sun, the sky's light low, the lamps on.
ct::render::Lighting night(float siteLights = 1.0f, float clock_s = 0.0f) {
    ct::render::Lighting lighting;
    lighting.sunIntensity = 0.02f;
    lighting.skyIntensity = 0.05f;
    lighting.shadows = false;
    lighting.siteLights = siteLights;
    lighting.clock_s = clock_s;
    return lighting;
}

struct LampScene {
    ct::test::RenderHarness harness{256, 256, 4};
    ct::scene::Scene scene;
    ct::render::Camera camera;

    LampScene() {
        ct::scene::LoadResult loaded = ct::scene::loadGltf(ct::test::testData("shadow_plane.gltf"));
        REQUIRE(loaded.ok());
        scene = std::move(*loaded.scene);
        camera = ct::render::cameraFromScene(scene, ct::render::findSceneCamera(scene, "main"));
    }
    ct::render::CapturedFrame render(const std::vector<Lamp>& lamps, const ct::render::Lighting& lighting) {
        harness.renderer().setScene(scene);
        harness.renderer().setLamps(lamps);
        return harness.renderAgain(camera, lighting);
    }
    glm::uvec2 pixelOf(glm::vec3 world) const {
        const glm::vec4 clip = camera.projection(1.0f) * camera.view() * glm::vec4(world, 1.0f);
        return glm::uvec2((glm::vec2(clip) / clip.w * 0.5f + 0.5f) * 256.0f);
    }
};

}  // namespace

TEST_CASE("a lamp's baked light on the ground follows I h / d^3 and ends at the cutoff", "[render][lamps]") {
    const Lamp lamp = pole({10.0f, 10.0f, -20.0f});
    CHECK(ct::render::lampIlluminance(lamp, 0.0f) == Approx(25.0f));  // 2500 / 10^2
    CHECK(ct::render::lampIlluminance(lamp, 10.0f) == Approx(2500.0f * 10.0f / std::pow(200.0f, 1.5f)));
    CHECK(ct::render::lampIlluminance(lamp, 200.0f) == 0.0f);  // below the cutoff
    const std::vector<Lamp> lamps{lamp};
    const ct::render::LampLightMap map = ct::render::bakeLampLight(lamps, std::vector<char>{1}, 1.0f);
    REQUIRE_FALSE(map.empty());
    CHECK(map.sample(10.0f, -20.0f) == Approx(25.0f).epsilon(0.02));
    CHECK(map.sample(20.0f, -20.0f) == Approx(ct::render::lampIlluminance(lamp, 10.0f)).epsilon(0.02));
    CHECK(map.sample(10.0f, 500.0f) == 0.0f);  // outside the grid
    // Two lamps add; a hidden one and a signal light light nothing.
    Lamp signal = pole({10.0f, 10.0f, -20.0f});
    signal.lightsGround = false;
    const std::vector<Lamp> three{lamp, lamp, signal};
    const ct::render::LampLightMap both = ct::render::bakeLampLight(three, std::vector<char>{1, 1, 1}, 1.0f);
    CHECK(both.sample(10.0f, -20.0f) == Approx(50.0f).epsilon(0.02));
    const ct::render::LampLightMap one = ct::render::bakeLampLight(three, std::vector<char>{1, 0, 1}, 1.0f);
    CHECK(one.sample(10.0f, -20.0f) == Approx(25.0f).epsilon(0.02));
    CHECK(ct::render::bakeLampLight(three, std::vector<char>{0, 0, 1}, 1.0f).empty());
}

TEST_CASE("at night a lamp is a bright point and lights the ground below it, switched off, neither",
          "[render][lamps]") {
    LampScene s;
    const glm::vec3 head(-1.5f, 2.5f, 5.0f);
    const std::vector<Lamp> lamps{pole(head, 800.0f)};
    const ct::render::CapturedFrame on = s.render(lamps, night(1.0f));
    const ct::render::CapturedFrame off = s.render(lamps, night(0.0f));
    const glm::uvec2 point = s.pixelOf(head);
    const glm::uvec2 foot = s.pixelOf({head.x, 0.0f, head.z + 1.5f});  // beside the foot, clear of the sprite
    const glm::uvec2 far = s.pixelOf({2.5f, 0.0f, 1.0f});
    INFO("point " << ct::test::luminance(on.pixel(point.x, point.y)) << " / "
                  << ct::test::luminance(off.pixel(point.x, point.y)) << ", foot "
                  << ct::test::luminance(on.pixel(foot.x, foot.y)) << " / "
                  << ct::test::luminance(off.pixel(foot.x, foot.y)) << ", far "
                  << ct::test::luminance(on.pixel(far.x, far.y)));
    CHECK(ct::test::luminance(on.pixel(point.x, point.y)) > 0.7f);   // the lamp: near white
    CHECK(ct::test::luminance(off.pixel(point.x, point.y)) < 0.1f);  // off: the dark ground
    CHECK(ct::test::luminance(on.pixel(foot.x, foot.y)) > 4.0f * ct::test::luminance(off.pixel(foot.x, foot.y)));
    // 5.7 m away the light has fallen off: the ground there is much as without the lamp.
    CHECK(ct::test::luminance(on.pixel(far.x, far.y)) < ct::test::luminance(on.pixel(foot.x, foot.y)) * 0.3f);
    CHECK(on.nodeAt(point.x, point.y) == 0);  // picking sees through the light to the ground
    CHECK(s.harness.context().validationCounts().total() == 0);
}

TEST_CASE("flashing lamps flash in unison, a lamp whose node is hidden stays dark", "[render][lamps]") {
    LampScene s;
    std::vector<Lamp> lamps;
    for (const float x : {-2.5f, 0.0f, 2.5f}) {
        Lamp beacon = pole({x, 1.5f, 5.0f}, 2000.0f);
        beacon.color = {1.0f, 0.06f, 0.02f};
        beacon.flashesPerMinute = 30.0f;  // a 2 s period, on for the first 0.6 s
        beacon.lightsGround = false;
        lamps.push_back(beacon);
    }
    const ct::render::CapturedFrame lit = s.render(lamps, night(1.0f, 100.1f));
    const ct::render::CapturedFrame dark = s.render(lamps, night(1.0f, 101.0f));
    for (const Lamp& beacon : lamps) {
        const glm::uvec2 p = s.pixelOf(beacon.position);
        const glm::u8vec4 on = lit.pixel(p.x, p.y);
        const glm::u8vec4 off = dark.pixel(p.x, p.y);
        INFO("beacon at x " << beacon.position.x << ": on " << int(on.r) << "," << int(on.g) << "," << int(on.b)
                            << "; off " << int(off.r) << "," << int(off.g) << "," << int(off.b));
        CHECK(on.r > 200);
        CHECK(on.r > 2 * on.b);  // red
        CHECK(off.r < 60);
    }
    // The first lamp belongs to the cube's node: hidden, it goes dark; the others stay lit.
    lamps[0].node = 1;
    s.harness.renderer().setScene(s.scene);
    s.harness.renderer().setLamps(lamps);
    std::vector<ct::render::NodeAnimation> animations(s.scene.nodes.size());
    animations[1].hidden = true;
    s.harness.renderer().setNodeAnimations(animations);
    const ct::render::CapturedFrame hidden = s.harness.renderAgain(s.camera, night(1.0f, 100.1f));
    const glm::uvec2 first = s.pixelOf(lamps[0].position);
    const glm::uvec2 second = s.pixelOf(lamps[1].position);
    CHECK(hidden.pixel(first.x, first.y).r < 60);
    CHECK(hidden.pixel(second.x, second.y).r > 200);
    CHECK(s.harness.context().validationCounts().total() == 0);
}

TEST_CASE("lit windows glow while the site's lights are on, and are dark glass while they are off", "[render][lamps]") {
    LampScene s;
    // The cube as an office window: dark glass, emitting only at night; the ground an ordinary
    // emitter, lit whatever the lights.
    ct::scene::Material window;
    window.baseColorFactor = {0.05f, 0.06f, 0.07f, 1.0f};
    window.metallicFactor = 0.0f;
    window.emissiveFactor = {1.0f, 0.8f, 0.55f};
    window.emissiveStrength = 3.0f;
    window.emissiveAtNight = true;
    s.scene.materials.push_back(window);
    const int windowMaterial = static_cast<int>(s.scene.materials.size()) - 1;
    for (const ct::scene::Node& node : s.scene.nodes)
        if (node.name == "caster")
            for (ct::scene::Primitive& p : s.scene.meshes[static_cast<std::size_t>(node.mesh)].primitives)
                p.material = windowMaterial;
    const glm::uvec2 top = s.pixelOf({0.0f, 1.0f, 0.0f});  // the cube's top face, seen from above
    const float on = ct::test::luminance(s.render({}, night(1.0f)).pixel(top.x, top.y));
    const float off = ct::test::luminance(s.render({}, night(0.0f)).pixel(top.x, top.y));
    INFO("window luminance, lights on " << on << ", off " << off);
    CHECK(on > 0.5f);
    CHECK(off < 0.1f);
    CHECK(s.harness.context().validationCounts().total() == 0);
}

TEST_CASE("a lamp rides on its node's motion (an aviation light on a slewing nacelle)", "[render][lamps]") {
    LampScene s;
    Lamp beacon = pole({-2.5f, 1.5f, 5.0f}, 2000.0f);
    beacon.color = {1.0f, 0.06f, 0.02f};
    beacon.lightsGround = false;
    beacon.node = 1;
    s.harness.renderer().setScene(s.scene);
    s.harness.renderer().setLamps(std::vector<Lamp>{beacon});
    std::vector<ct::render::NodeAnimation> animations(s.scene.nodes.size());
    animations[1].motion = glm::mat4(1.0f);
    animations[1].motion[3] = glm::vec4(5.0f, 0.0f, 0.0f, 1.0f);  // 5 m east
    s.harness.renderer().setNodeAnimations(animations);
    const ct::render::CapturedFrame moved = s.harness.renderAgain(s.camera, night());
    const glm::uvec2 before = s.pixelOf(beacon.position);
    const glm::uvec2 after = s.pixelOf(beacon.position + glm::vec3(5.0f, 0.0f, 0.0f));
    INFO("where it stood: r " << int(moved.pixel(before.x, before.y).r) << "; where it moved: r "
                              << int(moved.pixel(after.x, after.y).r));
    CHECK(moved.pixel(after.x, after.y).r > 200);
    CHECK(moved.pixel(before.x, before.y).r < 60);
    CHECK(s.harness.context().validationCounts().total() == 0);
}
