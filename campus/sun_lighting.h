// The renderer's sun. A campus still, the window and the tour light the scene by the twin's
// solar position for the site at the time shown (render --time, the clock); a still may name the
// sun's angles instead (--sun-elevation, --sun-azimuth), each replacing the twin's. A glTF
// viewed on its own has no site and no time: it gets the fixed sun of LightingOptions.
#pragma once

#include "campus/campus_options.h"
#include "render/lighting.h"
#include "twin/scenario.h"
#include "twin/state.h"

namespace ct::campus {

struct SunAngles {
    float elevation_deg = 0.0f;  // above the horizon; negative at night
    float azimuth_deg = 0.0f;    // clockwise from north
};

// Where the twin puts the sun over `site` at `t` (UTC seconds).
SunAngles sunAnglesAt(const twin::Site& site, double t);

// The light for the sun at `t` over the site. Below the horizon the sun is held just above it
// and dimmed, so night frames stay readable instead of black.
render::Lighting sunLighting(const twin::Site& site, double t);

// A campus still at `t`: sunLighting, with the angles the options set replacing the twin's and
// --no-shadows applied.
render::Lighting stillLighting(const LightingOptions& options, const twin::Site& site, double t);

// The twin's cloud layer at `t` (seconds; after the state's step, drifted on at the step's wind),
// as the renderer draws it.
render::CloudLayer cloudLayerAt(const twin::StateSnapshot& state, double t);

// A scene with no site or time (the view command): the options' angles, or the fixed default.
render::Lighting fixedLighting(const LightingOptions& options);

}  // namespace ct::campus
