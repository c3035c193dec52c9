// The cloud field: the cumulus over the region as a pattern the twin and the renderer both read.
// One deterministic pattern per seed (fractal value noise, kilometres across) drifts with the
// wind at the cloud base; the weather's cloudiness sets how much of the sky it covers. The twin
// reads the shadow it casts on each solar block; the renderer draws the same pattern in the sky
// and its shadow on the ground (shaders/cloud_field.glsl mirrors cloudPattern and cloudShadeAt
// operation for operation in 32-bit floats, so the two agree to rounding).
//
//   CloudLayer layer = cloudLayerFor(seed, weather.cloudiness, previousLayer, wind, dt);
//   double lost = cloudShadeAt(layer, x_m, z_m, sun);   // of the clear-sky GHI, 0..1
#pragma once

#include "twin/solar_position.h"

#include <cstdint>

namespace ct::twin {

// Where the cloud base stands above the ground: summer afternoon cumulus over West Texas form
// where rising air condenses, 1.5-3 km up in the dry boundary layer of the southern plains; the
// upper middle, so the campus's aerial views (the overview stands at 2.3 km) look down from
// under the layer: the clouds show in the sky and their shadows on the ground, never a layer
// between camera and ground the renderer does not draw.
inline constexpr double kCloudBase_m = 2500.0;
// The pattern's largest features (the first octave's cell), metres: cumulus fields organise in
// cells of a few kilometres.
inline constexpr double kCloudCell_m = 3000.0;
// The fraction of the clear-sky GHI lost under a cloud's core: the beam is gone and the diffuse
// light is about half the clear-sky GHI (shadows of fair-weather cumulus lose 50-80 %).
inline constexpr double kCloudCoreLoss = 0.75;
// Cells of the first octave before the pattern repeats (every octave tiles with it), so the drift
// can be kept within one period and the 32-bit coordinates of the GPU stay exact enough.
inline constexpr int kCloudPeriodCells = 256;
inline constexpr double kCloudPeriod_m = kCloudPeriodCells * kCloudCell_m;
// The pattern's value from no cloud to full cloud: the width of a cloud's soft edge.
inline constexpr float kCloudEdge = 0.06f;

// The layer at one moment: what the renderer and the twin's blocks need.
struct CloudLayer {
    std::uint32_t seed = 0;
    double cover = 0.0;         // the fraction of the sky covered, 0..1
    double threshold = 1.0;     // the pattern's value where cloud begins (1: none anywhere)
    double coreLoss = 0.0;      // of the clear-sky GHI under a cloud's core
    double driftX_m = 0.0;      // how far the pattern has moved east, within one period
    double driftZ_m = 0.0;      // and south
    double velocityX_ms = 0.0;  // its motion until the next step
    double velocityZ_ms = 0.0;
};

// The pattern at a point of the cloud layer (metres, pattern coordinates: the drift already
// taken away), 0..1, about uniform over the region's scale.
float cloudPattern(std::uint32_t seed, float x_m, float z_m);

// How much cloud there is at a pattern value: 0 clear, 1 a cloud's core.
float cloudDensity(const CloudLayer& layer, float pattern);

// The pattern's value exceeded by `cover` of the sky (a table of the pattern's distribution).
double cloudThresholdFor(double cover);

// The layer for a step: cover and core loss from the weather's cloudiness (the mean fraction of
// clear-sky GHI lost, so the field's mean loss over the region equals it), the drift moved on
// from `previous` by its velocity over `dt_s`, and the velocity from the wind at the cloud base
// (blowing from `windFrom_deg`).
CloudLayer cloudLayerFor(std::uint32_t seed, double cloudiness, const CloudLayer& previous, double dt_s,
                         double baseWind_ms, double windFrom_deg);

// The layer `elapsed_s` after its step: the drift moved on at the step's velocity.
CloudLayer cloudLayerAfter(const CloudLayer& layer, double elapsed_s);

// The fraction of the clear-sky GHI lost at ground point (x, z) (site metres) with the sun at
// `sun`: the cloud density where the ray towards the sun crosses the cloud base, times the core
// loss. With the sun below 3 degrees the ray is taken at 3 degrees (it leaves the region anyway).
double cloudShadeAt(const CloudLayer& layer, double x_m, double z_m, const SolarPosition& sun);
// The same for a unit vector towards the sun in site axes (x east, y up, z south): the renderer's.
double cloudShadeAt(const CloudLayer& layer, double x_m, double z_m, double towardsSunX, double towardsSunY,
                    double towardsSunZ);

}  // namespace ct::twin
