// What the scene's fragment shaders write (engine/render/scene_targets.h): the exposed light
// (radiance times the exposure) for the tone map pass, or, where the frame has no such pass
// (draft), the display colour itself, through the tone curve here.
#ifndef CT_SCENE_OUTPUT_GLSL
#define CT_SCENE_OUTPUT_GLSL

#include "tone_curve.glsl"

layout(constant_id = 0) const bool kDisplayTarget = false;

// Light, exposed, as the target wants it.
vec3 sceneOutput(vec3 exposed) { return kDisplayTarget ? toneCurve(exposed) : exposed; }
// A colour chosen on the screen (a line, a tint), as the target wants it.
vec3 screenColorOutput(vec3 display) { return kDisplayTarget ? display : inverseToneCurve(display); }

#endif
