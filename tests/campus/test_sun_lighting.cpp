// The sun of a campus still: the twin's solar position for the site at the time shown, with
// the command line's angles overriding it.
#include "campus/sun_lighting.h"
#include "twin/civil_time.h"

#include "support/abilene_scenario.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace ct::campus;

namespace {

double at(const char* iso) {
    return static_cast<double>(*ct::twin::parseIsoUtc(iso));
}

}  // namespace

TEST_CASE("a still's sun is where the twin puts it over Abilene at --time", "[campus][sun]") {
    const ct::twin::Site& site = ct::test::abilene().site;
    // 16:00 CDT in July: the sun in the west, well up.
    const SunAngles afternoon = sunAnglesAt(site, at("2026-07-15T21:00"));
    CHECK(afternoon.elevation_deg > 30.0f);
    CHECK(afternoon.elevation_deg < 60.0f);
    CHECK(afternoon.azimuth_deg > 240.0f);
    CHECK(afternoon.azimuth_deg < 290.0f);
    // 08:00 CDT: low in the east.
    const SunAngles morning = sunAnglesAt(site, at("2026-07-15T13:00"));
    CHECK(morning.elevation_deg > 5.0f);
    CHECK(morning.elevation_deg < 30.0f);
    CHECK(morning.azimuth_deg > 60.0f);
    CHECK(morning.azimuth_deg < 100.0f);

    const ct::render::Lighting still = stillLighting({}, site, at("2026-07-15T21:00"));
    const glm::vec3 expected = ct::render::sunDirectionFromAngles(afternoon.elevation_deg, afternoon.azimuth_deg);
    CHECK(glm::dot(still.sunDirection, expected) == Approx(1.0f).epsilon(1e-5));
    CHECK(still.sunDirection.x < 0.0f);  // towards the west: -x (+x is east)
    CHECK(still.shadows);
}

TEST_CASE("a sun elevation or azimuth given on the command line replaces the twin's", "[campus][sun]") {
    const ct::twin::Site& site = ct::test::abilene().site;
    const double t = at("2026-07-15T21:00");
    const SunAngles twin = sunAnglesAt(site, t);

    LightingOptions both;
    both.sunElevation = 20.0f;
    both.sunAzimuth = 90.0f;
    CHECK(glm::dot(stillLighting(both, site, t).sunDirection, ct::render::sunDirectionFromAngles(20.0f, 90.0f)) ==
          Approx(1.0f).epsilon(1e-5));

    LightingOptions elevationOnly;
    elevationOnly.sunElevation = 10.0f;
    CHECK(glm::dot(stillLighting(elevationOnly, site, t).sunDirection,
                   ct::render::sunDirectionFromAngles(10.0f, twin.azimuth_deg)) == Approx(1.0f).epsilon(1e-5));

    LightingOptions noShadows;
    noShadows.noShadows = true;
    CHECK_FALSE(stillLighting(noShadows, site, t).shadows);
}

TEST_CASE("at night the still is dimmed and its sky darkened, not black", "[campus][sun]") {
    const ct::twin::Site& site = ct::test::abilene().site;
    const ct::render::Lighting noon = stillLighting({}, site, at("2026-07-15T18:00"));
    const ct::render::Lighting night = stillLighting({}, site, at("2026-07-16T05:00"));  // 00:00 CDT
    CHECK(sunAnglesAt(site, at("2026-07-16T05:00")).elevation_deg < -20.0f);
    CHECK(night.sunIntensity < 0.3f * noon.sunIntensity);
    CHECK(night.sunIntensity > 0.0f);
    CHECK(night.skyZenith.b < noon.skyZenith.b);
    CHECK_FALSE(night.shadows);
}

TEST_CASE("a glTF on its own keeps the fixed sun unless told", "[campus][sun]") {
    const ct::render::Lighting fixed = fixedLighting({});
    CHECK(glm::dot(fixed.sunDirection, ct::render::sunDirectionFromAngles(50.0f, 135.0f)) ==
          Approx(1.0f).epsilon(1e-5));
    LightingOptions given;
    given.sunAzimuth = 270.0f;
    CHECK(glm::dot(fixedLighting(given).sunDirection, ct::render::sunDirectionFromAngles(50.0f, 270.0f)) ==
          Approx(1.0f).epsilon(1e-5));
}
