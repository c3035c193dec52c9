#include "campus/sun_lighting.h"

#include "twin/solar_position.h"

#include <algorithm>
#include <cmath>

namespace ct::campus {

namespace {

// A glTF on its own: morning light from the south-east, high enough to model its shape.
constexpr float kFixedElevation_deg = 50.0f;
constexpr float kFixedAzimuth_deg = 135.0f;
// The sun is held here when lower, so the shadow map keeps a usable angle at dusk and night.
constexpr double kLowest_deg = 4.0;
// Photocells switch lamps on at a few tens of lux: the sun a few degrees up, on the way down.
constexpr double kLampsOn_deg = 3.0;

}  // namespace

SunAngles sunAnglesAt(const twin::Site& site, double t) {
    const twin::SolarPosition sun =
        twin::solarPosition(twin::solarPositionInputFor(site, static_cast<twin::UtcSeconds>(t)));
    return {static_cast<float>(sun.elevation_deg), static_cast<float>(sun.azimuth_deg)};
}

render::Lighting sunLighting(const twin::Site& site, double t) {
    const SunAngles sun = sunAnglesAt(site, t);
    render::Lighting lighting;
    lighting.sunDirection = render::sunDirectionFromAngles(
        static_cast<float>(std::max<double>(sun.elevation_deg, kLowest_deg)), sun.azimuth_deg);
    // The sky from the atmosphere, lit by the true sun, seen from the site's height.
    lighting.atmosphere = true;
    lighting.atmosphereSunDirection = render::sunDirectionFromAngles(sun.elevation_deg, sun.azimuth_deg);
    lighting.groundAltitude_km = static_cast<float>(site.elevation_m * 1e-3);
    // The site's lamps on a photocell: on as the sun goes down, fully from just below the horizon.
    lighting.siteLights = static_cast<float>(std::clamp((kLampsOn_deg - sun.elevation_deg) / 4.0, 0.0, 1.0));
    lighting.clock_s = static_cast<float>(std::fmod(t, 86400.0));
    if (sun.elevation_deg < kLowest_deg) {
        // Dusk to night: fade over the sun's last degrees and the first ten below the horizon.
        const float night = static_cast<float>(std::clamp((kLowest_deg - sun.elevation_deg) / 14.0, 0.0, 1.0));
        lighting.sunIntensity *= 1.0f - 0.85f * night;
        lighting.skyIntensity *= 1.0f - 0.6f * night;
        // With the atmosphere the two sky colours are the night's floor, weighted by `night`:
        // a clear moonlit navy, a little lighter towards the horizon.
        lighting.skyZenith = glm::vec3(0.0045f, 0.007f, 0.019f);
        lighting.skyHorizon = glm::vec3(0.009f, 0.012f, 0.024f);
        lighting.shadows = night < 1.0f;
        lighting.night = night;
        // As the night's light takes over from the sun's last, it comes from higher up, as a
        // moon's does (40 degrees by full night), instead of raking along the ground from where
        // the sun went down: walls and fences facing west would otherwise glow all night.
        lighting.sunDirection = render::sunDirectionFromAngles(
            static_cast<float>(kLowest_deg + (40.0 - kLowest_deg) * night), sun.azimuth_deg);
    }
    return lighting;
}

render::Lighting stillLighting(const LightingOptions& o, const twin::Site& site, double t) {
    render::Lighting lighting = sunLighting(site, t);
    if (!std::isnan(o.sunElevation) || !std::isnan(o.sunAzimuth)) {
        const SunAngles twin = sunAnglesAt(site, t);
        const float elevation = std::isnan(o.sunElevation)
                                    ? static_cast<float>(std::max<double>(twin.elevation_deg, kLowest_deg))
                                    : o.sunElevation;
        lighting.sunDirection =
            render::sunDirectionFromAngles(elevation, std::isnan(o.sunAzimuth) ? twin.azimuth_deg : o.sunAzimuth);
        lighting.atmosphereSunDirection = lighting.sunDirection;  // the sky follows the sun asked for
    }
    if (o.noShadows) lighting.shadows = false;
    if (!std::isnan(o.ev100)) lighting.ev100 = o.ev100;
    return lighting;
}

render::CloudLayer cloudLayerAt(const twin::StateSnapshot& state, double t) {
    const twin::CloudLayer layer = twin::cloudLayerAfter(state.clouds, t - static_cast<double>(state.time));
    render::CloudLayer clouds;
    if (layer.cover <= 0.0) return clouds;
    clouds.seed = layer.seed;
    clouds.threshold = static_cast<float>(layer.threshold);
    clouds.edge = twin::kCloudEdge;
    clouds.cell_m = static_cast<float>(twin::kCloudCell_m);
    clouds.base_m = static_cast<float>(twin::kCloudBase_m);
    clouds.drift_m = glm::vec2(static_cast<float>(layer.driftX_m), static_cast<float>(layer.driftZ_m));
    clouds.opacity = static_cast<float>(layer.coreLoss);
    clouds.cover = static_cast<float>(layer.cover);
    return clouds;
}

render::Lighting fixedLighting(const LightingOptions& o) {
    render::Lighting lighting;
    lighting.sunDirection =
        render::sunDirectionFromAngles(std::isnan(o.sunElevation) ? kFixedElevation_deg : o.sunElevation,
                                       std::isnan(o.sunAzimuth) ? kFixedAzimuth_deg : o.sunAzimuth);
    lighting.shadows = !o.noShadows;
    if (!std::isnan(o.ev100)) lighting.ev100 = o.ev100;
    return lighting;
}

}  // namespace ct::campus
