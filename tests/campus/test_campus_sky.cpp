// The campus under the atmosphere's sky (render/atmosphere_luts.h), rendered headless from the
// wind-farm camera at three times of a July day: what a photograph at that hour would show.
#include "campus/campus_scene.h"
#include "campus/sun_lighting.h"
#include "render/data_dir.h"
#include "render/offscreen_capture.h"
#include "support/abilene_scenario.h"
#include "support/projected_pixel.h"
#include "twin/civil_time.h"

#include <catch2/catch.hpp>

#include <cmath>

namespace {

constexpr std::uint32_t kWidth = 320;
constexpr std::uint32_t kHeight = 180;

struct SkyShot {
    ct::render::CapturedFrame frame;
    ct::render::Camera camera;
    ct::campus::SunAngles sun;
    std::vector<ct::render::Lamp> lamps;

    // Where a point of the world lands in the image, if it does.
    std::optional<glm::uvec2> pixelOf(glm::vec3 world) const {
        return ct::test::projectedPixel(camera, kWidth, kHeight, world);
    }

    // The pixel looking along (azimuth clockwise from north, elevation), if in the image.
    std::optional<glm::uvec2> pixelToward(float azimuth_deg, float elevation_deg) const {
        return pixelOf(camera.eye + ct::render::sunDirectionFromAngles(elevation_deg, azimuth_deg) * 1e5f);
    }
    glm::vec3 colour(glm::uvec2 p) const { return glm::vec3(frame.pixel(p.x, p.y)); }
};

SkyShot shoot(const char* time, const char* cameraName = "wind") {
    static const ct::campus::CampusResult composed = ct::campus::composeCampus(ct::test::abilene(), 1);
    INFO(composed.error);
    REQUIRE(composed.campus);
    const ct::twin::Scenario& scenario = ct::test::abilene();
    const double t = static_cast<double>(*ct::twin::parseIsoUtc(time));
    ct::vk::Context context({.validation = true, .quiet = true});
    ct::render::Renderer renderer(context, ct::render::shaderDir(), {.extent = {kWidth, kHeight}});
    renderer.setScene(composed.campus->scene);
    renderer.setLamps(composed.campus->lamps);
    ct::render::OffscreenCapture capture(context, renderer);
    SkyShot shot;
    shot.lamps = composed.campus->lamps;
    shot.camera = *ct::campus::scenarioCamera(scenario, cameraName, composed.campus->scene.bounds);
    ct::render::Lighting lighting = ct::campus::stillLighting({}, scenario.site, t);
    if (composed.campus->groundAlbedo) lighting.groundColor = *composed.campus->groundAlbedo;
    shot.frame = capture.render(shot.camera, lighting);
    shot.sun = ct::campus::sunAnglesAt(scenario.site, t);
    CHECK(context.validationCounts().total() == 0);
    return shot;
}

float brightness(glm::vec3 c) {
    return c.r + c.g + c.b;
}

}  // namespace

TEST_CASE("at sunset the horizon under the sun glows warm and the sky above it is bluer", "[campus][render][sky]") {
    const SkyShot sunset = shoot("2026-07-16T01:15");  // 20:15 local, the sun 5.5 degrees up
    const auto low = sunset.pixelToward(sunset.sun.azimuth_deg, 1.0f);
    const auto high = sunset.pixelToward(sunset.sun.azimuth_deg + 20.0f, 12.0f);
    REQUIRE(low);
    REQUIRE(high);
    const glm::vec3 horizon = sunset.colour(*low);
    const glm::vec3 above = sunset.colour(*high);
    INFO("horizon under the sun " << horizon.r << "," << horizon.g << "," << horizon.b << "; above " << above.r << ","
                                  << above.g << "," << above.b);
    CHECK(horizon.r > horizon.b * 1.3f);                      // orange
    CHECK(horizon.r / horizon.b > above.r / above.b + 0.3f);  // warmer than the sky above
    CHECK(above.b > above.r);                                 // which stays blue
}

TEST_CASE("at noon the plain runs into the haze of the horizon with no edge", "[campus][render][sky]") {
    const SkyShot noon = shoot("2026-07-15T18:00");
    // Up the middle column, from the bottom to the top: ground, then the far plain beyond the
    // terrain model (drawn by the sky pass), then the sky. Between rows where nothing stands
    // (ground or sky, no turbine), no step is sharp: the terrain's far edge and the horizon are
    // both soft.
    const std::uint32_t x = kWidth / 2;
    int largestStep = 0;
    std::uint32_t at = 0;
    for (std::uint32_t y = 1; y < kHeight; ++y) {
        const int node = noon.frame.nodeAt(x, y);
        const int previous = noon.frame.nodeAt(x, y - 1);
        const bool open = node <= 0 && previous <= 0;  // -1: sky pass; 0: the terrain (the first node)
        if (!open) continue;
        const glm::ivec3 a(noon.frame.pixel(x, y));
        const glm::ivec3 b(noon.frame.pixel(x, y - 1));
        const int step = std::abs(a.r - b.r) + std::abs(a.g - b.g) + std::abs(a.b - b.b);
        if (step > largestStep) {
            largestStep = step;
            at = y;
        }
    }
    INFO("largest step between rows " << largestStep << " at row " << at);
    CHECK(largestStep < 24);
    // The sky overhead the frame is blue.
    const glm::vec3 top = glm::vec3(noon.frame.pixel(x, 2));
    CHECK(top.b > top.r);
}

TEST_CASE("at night the sky is dark but not black", "[campus][render][sky]") {
    const SkyShot noon = shoot("2026-07-15T18:00");
    const SkyShot night = shoot("2026-07-16T05:00");  // midnight local
    const glm::vec3 noonTop = glm::vec3(noon.frame.pixel(kWidth / 2, 2));
    const glm::vec3 nightTop = glm::vec3(night.frame.pixel(kWidth / 2, 2));
    const glm::vec3 noonGround = glm::vec3(noon.frame.pixel(kWidth / 2, kHeight - 3));
    const glm::vec3 nightGround = glm::vec3(night.frame.pixel(kWidth / 2, kHeight - 3));
    INFO("sky: noon " << noonTop.r << "," << noonTop.g << "," << noonTop.b << "; night " << nightTop.r << ","
                      << nightTop.g << "," << nightTop.b);
    INFO("ground: noon " << noonGround.r << "," << noonGround.g << "," << noonGround.b << "; night " << nightGround.r
                         << "," << nightGround.g << "," << nightGround.b);
    CHECK(brightness(nightTop) < 0.8f * brightness(noonTop));  // with the exposure opened two stops
    CHECK(brightness(nightGround) < 0.3f * brightness(noonGround));
    CHECK(brightness(nightTop) > 30.0f);  // a night sky, not a black frame
    CHECK(nightTop.b > nightTop.r);
}

TEST_CASE("the exposure opens as the light fails, keeping dusk darker than noon", "[campus][render][sky]") {
    const SkyShot noon = shoot("2026-07-15T18:00");
    const SkyShot dusk = shoot("2026-07-16T01:15");   // the sun 5.5 degrees up
    const SkyShot night = shoot("2026-07-16T05:00");  // midnight
    const auto ground = [](const SkyShot& shot) {
        return brightness(glm::vec3(shot.frame.pixel(kWidth / 2, kHeight - 3)));
    };
    INFO("ground brightness: noon " << ground(noon) << ", dusk " << ground(dusk) << ", night " << ground(night));
    // The sun on a level plain at 5.5 degrees gives a tenth of the noon light and less; the
    // exposure makes up half the difference in stops, so the plain reads, darker than at noon.
    CHECK(ground(dusk) > 0.35f * ground(noon));
    CHECK(ground(dusk) < 0.9f * ground(noon));
    CHECK(ground(night) < 0.5f * ground(dusk));
}

TEST_CASE("at night the turbines' red obstruction lights flash in unison and the yards' lamps are bright points",
          "[campus][render][sky][lamps]") {
    const SkyShot flash = shoot("2026-07-16T05:00:00");    // midnight local: on, the period starts
    const SkyShot between = shoot("2026-07-16T05:00:01");  // half a period later: off
    int beacons = 0;
    int red = 0;
    int darkBetween = 0;
    int floodlights = 0;
    int brightFloodlights = 0;
    for (const ct::render::Lamp& lamp : flash.lamps) {
        const auto p = flash.pixelOf(lamp.position);
        if (!p) continue;
        const glm::vec3 on = flash.colour(*p);
        if (lamp.flashesPerMinute > 0.0f) {
            ++beacons;
            if (on.r > 150.0f && on.r > 1.5f * on.b) ++red;
            if (between.colour(*p).r < 0.6f * on.r) ++darkBetween;
        }
    }
    // The yards' floodlights, from above the buildings.
    const SkyShot yards = shoot("2026-07-16T05:00:00", "overview");
    for (const ct::render::Lamp& lamp : yards.lamps) {
        const auto p = yards.pixelOf(lamp.position);
        if (!p || lamp.flashesPerMinute > 0.0f) continue;
        ++floodlights;
        if (brightness(yards.colour(*p)) > 450.0f) ++brightFloodlights;
    }
    INFO(beacons << " beacons in view, " << red << " red when on, " << darkBetween << " dark half a period later; "
                 << floodlights << " floodlights in view, " << brightFloodlights << " bright");
    REQUIRE(beacons > 20);
    // A beacon behind a rotor blade or another nacelle may be hidden; nearly all are seen.
    CHECK(red >= beacons * 9 / 10);
    CHECK(darkBetween >= beacons * 9 / 10);
    REQUIRE(floodlights > 10);
    CHECK(brightFloodlights >= floodlights * 8 / 10);
}

namespace {

// The share of the pixel rows up each turbine tower in view where the tower shows: a pixel on
// the tower's axis (or one beside it) that differs from the ground four pixels to its side.
double towerContinuity(const ct::campus::CampusScene& campus, bool thinParts) {
    ct::scene::Scene scene = campus.scene;
    if (!thinParts)
        for (ct::scene::Node& node : scene.nodes)
            node.minPixelWidth = 0.0f;
    const ct::twin::Scenario& scenario = ct::test::abilene();
    ct::vk::Context context({.validation = true, .quiet = true});
    ct::render::Renderer renderer(context, ct::render::shaderDir(), {.extent = {kWidth, kHeight}, .samples = 4});
    renderer.setScene(scene);
    ct::render::OffscreenCapture capture(context, renderer);
    SkyShot shot;
    shot.camera = *ct::campus::scenarioCamera(scenario, "wind", scene.bounds);
    ct::render::Lighting lighting =
        ct::campus::stillLighting({}, scenario.site, static_cast<double>(*ct::twin::parseIsoUtc("2026-07-15T18:00")));
    if (campus.groundAlbedo) lighting.groundColor = *campus.groundAlbedo;
    shot.frame = capture.render(shot.camera, lighting);
    CHECK(context.validationCounts().total() == 0);
    int rows = 0;
    int shown = 0;
    for (std::size_t n = 0; n < scene.nodes.size(); ++n) {
        const std::string& name = scene.nodes[n].name;
        if (name.size() < 6 || name.compare(name.size() - 6, 6, "/tower") != 0) continue;
        const ct::scene::Bounds tower = ct::campus::entityExtent(scene, static_cast<int>(n)).bounds;
        const glm::vec3 axis(0.5f * (tower.min.x + tower.max.x), 0.0f, 0.5f * (tower.min.z + tower.max.z));
        const auto base = shot.pixelOf({axis.x, tower.min.y + 2.0f, axis.z});
        const auto top = shot.pixelOf({axis.x, tower.max.y - 2.0f, axis.z});
        if (!base || !top || base->x < 6 || base->x + 6 >= kWidth) continue;
        for (std::uint32_t y = top->y + 1; y < base->y; ++y) {
            const float t = static_cast<float>(y - top->y) / static_cast<float>(base->y - top->y);
            const int x = static_cast<int>(std::lround(glm::mix(float(top->x), float(base->x), t)));
            const glm::ivec3 ground(shot.frame.pixel(static_cast<std::uint32_t>(x + 4), y));
            int difference = 0;
            for (int dx = -1; dx <= 1; ++dx) {
                const glm::ivec3 p(shot.frame.pixel(static_cast<std::uint32_t>(x + dx), y));
                difference = std::max(difference,
                                      std::abs(p.r - ground.r) + std::abs(p.g - ground.g) + std::abs(p.b - ground.b));
            }
            ++rows;
            if (difference >= 12) ++shown;
        }
    }
    REQUIRE(rows > 100);
    return static_cast<double>(shown) / rows;
}

}  // namespace

TEST_CASE("turbine towers at the wind stop are continuous lines, not broken sticks", "[campus][render][thin]") {
    static const ct::campus::CampusResult composed = ct::campus::composeCampus(ct::test::abilene(), 1);
    REQUIRE(composed.campus);
    const double thin = towerContinuity(*composed.campus, true);
    const double plain = towerContinuity(*composed.campus, false);
    INFO("rows up the towers where the tower shows: " << thin * 100.0 << " % with a minimum width, " << plain * 100.0
                                                      << " % without");
    CHECK(thin > 0.97);
    CHECK(plain < thin);
}
