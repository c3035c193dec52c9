// The filmic tone curve and the camera's exposure, on the CPU: the same curve as
// shaders/tone_curve.glsl (the tone map pass and the overlays' round trip use that one), for
// references in tests and for the exposure the renderer chooses.
//
// Units: the renderer's radiance and illuminance are scaled so that the overhead sun's 3.0 is
// about 100,000 lux (kLuxPerUnit); a Lambertian surface's luminance in cd/m2 is kLuxPerUnit times
// its radiance in those units, as both carry the same 1/pi. The scene is drawn pre-exposed:
// radiance times the exposure, into a half-float image the tone map pass reads.
//
// Night is drawn as a photograph of a lit site at night is taken: its light (the moon's stand-in,
// the night sky, the lamps) kNightStops brighter than it is, weighted by the lighting's `night`,
// and an EV reported or set for it is the camera's at the physical light.
#pragma once

#include <glm/glm.hpp>

namespace ct::render {

inline constexpr float kLuxPerUnit = 100000.0f / 3.0f;
inline constexpr float kNightStops = 10.0f;

// Narkowicz's fit of the ACES filmic curve, on one channel: 0 stays 0, 1 maps to 0.80, the
// shoulder reaches 1 at about 10.
float acesCurve(float x);
// Its inverse on [0, 1): the exposed value whose curve is `y` (y is kept below kMaxDisplay).
float inverseAcesCurve(float y);
inline constexpr float kMaxDisplay = 0.995f;

// The curve on the brightest channel, the colour scaled by the same factor: bright roofs do not
// clip and saturated colours (emissive signs, heat-map ramps) keep their hue. Exposed linear in,
// display linear out (before the sRGB encoding).
glm::vec3 toneCurve(glm::vec3 exposed);
// Its inverse: the exposed colour that tone-maps to `display`; for colours chosen on the screen
// (the heat map's ramp, selection, flow lines) drawn into the exposed image.
glm::vec3 inverseToneCurve(glm::vec3 display);

// A camera's exposure value at ISO 100 and the factor it multiplies radiance by: the luminance
// that saturates the sensor is 1.2 * 2^EV100 cd/m2 (the usual saturation-based sensitivity), and
// the factor brings that luminance to 1.
float exposureFromEv100(float ev100);
float ev100FromExposure(float exposure);

}  // namespace ct::render
