// Golden images of the Build-out (phase 4) at dawn, noon, dusk and night, standard quality (4x
// MSAA), from an aerial camera 3.5 km out and 600 m up looking at the campus: at dawn and dusk
// into the low sun, as a photographer shoots golden hour; at noon and night from the south-east.
// Each golden is compared within a tolerance, and pixel checks say what must be true of it.
#include "../render/golden_image.h"
#include "campus/campus_scene.h"
#include "campus/sun_lighting.h"
#include "render/data_dir.h"
#include "render/offscreen_capture.h"
#include "render/render_quality.h"
#include "support/abilene_scenario.h"
#include "support/projected_pixel.h"
#include "twin/civil_time.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <optional>

namespace {

constexpr std::uint32_t kWidth = 480;
constexpr std::uint32_t kHeight = 270;
constexpr int kBuildOut = 4;

struct Still {
    ct::render::CapturedFrame frame;
    ct::render::Camera camera;
    const ct::campus::CampusScene* campus = nullptr;

    std::optional<glm::uvec2> pixelOf(glm::vec3 world) const {
        return ct::test::projectedPixel(camera, kWidth, kHeight, world);
    }
    glm::vec3 colour(std::uint32_t x, std::uint32_t y) const { return glm::vec3(frame.pixel(x, y)); }
};

const ct::campus::CampusScene& buildOut() {
    static const ct::campus::CampusResult composed = ct::campus::composeCampus(ct::test::abilene(), kBuildOut);
    INFO(composed.error);
    REQUIRE(composed.campus);
    return *composed.campus;
}

// Looking towards `azimuth_deg` (clockwise from north) at the data-center buildings' centre.
ct::render::Camera aerialToward(float azimuth_deg) {
    const ct::campus::CampusScene& campus = buildOut();
    ct::scene::Bounds buildings;
    for (const auto& [id, root] : campus.entityRoots)
        if (id.rfind("bldg-", 0) == 0) buildings.extend(ct::campus::entityExtent(campus.scene, root).bounds);
    const glm::vec3 centre(0.5f * (buildings.min.x + buildings.max.x), 0.0f,
                           0.5f * (buildings.min.z + buildings.max.z));
    const float a = glm::radians(azimuth_deg);
    const glm::vec3 toward(std::sin(a), 0.0f, -std::cos(a));
    ct::render::Camera camera;
    camera.eye = centre - toward * 3500.0f + glm::vec3(0.0f, 600.0f, 0.0f);
    camera.target = centre;
    camera.yfov = glm::radians(45.0f);
    camera.znear = 5.0f;
    camera.zfar = 200000.0f;
    return camera;
}

Still shoot(const char* time, std::optional<float> azimuth = std::nullopt) {
    const ct::campus::CampusScene& campus = buildOut();
    const ct::twin::Scenario& scenario = ct::test::abilene();
    const double t = static_cast<double>(*ct::twin::parseIsoUtc(time));
    Still still;
    still.campus = &campus;
    still.camera = aerialToward(azimuth.value_or(315.0f));  // default: towards the north-west
    ct::vk::Context context({.validation = true, .quiet = true});
    const ct::render::RenderQuality standard = ct::render::renderQuality(ct::render::QualityPreset::Standard);
    ct::render::Renderer renderer(context, ct::render::shaderDir(),
                                  ct::render::rendererOptions(standard, {kWidth, kHeight}));
    renderer.setScene(campus.scene);
    renderer.setLamps(campus.lamps);
    ct::render::OffscreenCapture capture(context, renderer);
    ct::render::Lighting lighting = ct::campus::stillLighting({}, scenario.site, t);
    if (campus.groundAlbedo) lighting.groundColor = *campus.groundAlbedo;
    still.frame = capture.render(still.camera, lighting);
    CHECK(context.validationCounts().total() == 0);
    return still;
}

void checkGolden(const std::string& name, const Still& still) {
    const ct::test::GoldenResult result =
        ct::test::compareWithGolden(name, {still.frame.width, still.frame.height, still.frame.rgba});
    INFO(result.message);
    CHECK(result.matched);
}

float warmth(glm::vec3 c) {
    return c.r / std::max(c.b, 1.0f);
}
float brightness(glm::vec3 c) {
    return c.r + c.g + c.b;
}

// The image's horizon row: the lowest row whose middle pixel is sky (no node drawn there).
std::uint32_t horizonRow(const Still& still) {
    std::uint32_t row = 0;
    for (std::uint32_t y = 0; y < kHeight; ++y)
        if (still.frame.nodeAt(kWidth / 2, y) < 0) row = y;
    return row;
}

// The sunlit horizon and the sky well above it, looking towards the sun.
void checkGoldenHourSky(const Still& still) {
    const std::uint32_t horizon = horizonRow(still);
    REQUIRE(horizon > 10);
    const glm::vec3 low = still.colour(kWidth / 2, horizon - 2);
    const glm::vec3 top = still.colour(kWidth / 2, 1);
    INFO("towards the sun: horizon " << low.r << "," << low.g << "," << low.b << "; top of the frame " << top.r << ","
                                     << top.g << "," << top.b);
    CHECK(warmth(low) > warmth(top) + 0.15f);
}

}  // namespace

TEST_CASE("golden: the Build-out at dawn, towards the rising sun", "[campus][golden]") {
    const char* time = "2026-07-15T12:10";  // 07:10 local
    const ct::campus::SunAngles sun =
        ct::campus::sunAnglesAt(ct::test::abilene().site, static_cast<double>(*ct::twin::parseIsoUtc(time)));
    const Still dawn = shoot(time, sun.azimuth_deg);
    checkGolden("campus_buildout_dawn", dawn);
    checkGoldenHourSky(dawn);
}

TEST_CASE("golden: the Build-out at noon, with no edge where the ground meets the sky", "[campus][golden]") {
    const Still noon = shoot("2026-07-15T18:30");
    checkGolden("campus_buildout_noon", noon);
    // Up the side columns (clear of the buildings) from the ground to the sky: no sharp step
    // between rows where no building or turbine stands.
    for (const std::uint32_t x : {kWidth / 10, kWidth * 9 / 10}) {
        int largest = 0;
        for (std::uint32_t y = 1; y < kHeight; ++y) {
            if (noon.frame.nodeAt(x, y) > 0 || noon.frame.nodeAt(x, y - 1) > 0) continue;  // 0: terrain, -1: sky
            const glm::ivec3 a(noon.frame.pixel(x, y));
            const glm::ivec3 b(noon.frame.pixel(x, y - 1));
            largest = std::max(largest, std::abs(a.r - b.r) + std::abs(a.g - b.g) + std::abs(a.b - b.b));
        }
        INFO("column " << x << ": largest step between rows " << largest);
        CHECK(largest < 24);
    }
    const glm::vec3 top = noon.colour(kWidth / 2, 1);
    CHECK(top.b > top.r);  // the sky is blue
}

TEST_CASE("golden: the Build-out at dusk, towards the setting sun", "[campus][golden]") {
    const char* time = "2026-07-16T01:15";  // 20:15 local
    const ct::campus::SunAngles sun =
        ct::campus::sunAnglesAt(ct::test::abilene().site, static_cast<double>(*ct::twin::parseIsoUtc(time)));
    const Still dusk = shoot(time, sun.azimuth_deg);
    checkGolden("campus_buildout_dusk", dusk);
    checkGoldenHourSky(dusk);
}

TEST_CASE("golden: the Build-out at night: a dark sky and the yards' lamps as bright points", "[campus][golden]") {
    const Still night = shoot("2026-07-16T03:00");  // 22:00 local
    checkGolden("campus_buildout_night", night);
    const glm::vec3 top = night.colour(kWidth / 2, 1);
    INFO("sky at the top " << top.r << "," << top.g << "," << top.b);
    CHECK(brightness(top) < 240.0f);  // dark: a navy well under the day sky
    CHECK(brightness(top) > 25.0f);   // not black
    CHECK(top.b > top.r);
    int floodlights = 0;
    int bright = 0;
    for (const ct::render::Lamp& lamp : night.campus->lamps) {
        if (lamp.flashesPerMinute > 0.0f) continue;
        const auto p = night.pixelOf(lamp.position);
        if (!p) continue;
        ++floodlights;
        if (brightness(night.colour(p->x, p->y)) > 450.0f) ++bright;
    }
    INFO(floodlights << " floodlights in view, " << bright << " bright");
    REQUIRE(floodlights > 50);
    CHECK(bright >= floodlights * 7 / 10);  // some stand behind buildings
    // Between the lamps the ground stays dark: the bottom corners, away from every yard.
    CHECK(brightness(night.colour(2, kHeight - 3)) < 150.0f);
}
