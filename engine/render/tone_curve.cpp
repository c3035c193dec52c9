#include "render/tone_curve.h"

#include <algorithm>
#include <cmath>

namespace ct::render {

float acesCurve(float x) {
    return std::clamp((x * (2.51f * x + 0.03f)) / (x * (2.43f * x + 0.59f) + 0.14f), 0.0f, 1.0f);
}

float inverseAcesCurve(float y) {
    // y (2.43 x^2 + 0.59 x + 0.14) = 2.51 x^2 + 0.03 x, a quadratic in x; its root at or above 0.
    y = std::clamp(y, 0.0f, kMaxDisplay);
    const double a = 2.43 * y - 2.51;
    const double b = 0.59 * y - 0.03;
    const double c = 0.14 * y;
    const double root = (-b - std::sqrt(std::max(b * b - 4.0 * a * c, 0.0))) / (2.0 * a);
    return static_cast<float>(std::max(root, 0.0));
}

glm::vec3 toneCurve(glm::vec3 exposed) {
    const float peak = std::max({exposed.r, exposed.g, exposed.b});
    if (peak <= 1e-6f) return glm::vec3(0.0f);
    return exposed * (acesCurve(peak) / peak);
}

glm::vec3 inverseToneCurve(glm::vec3 display) {
    const float peak = std::max({display.r, display.g, display.b});
    if (peak <= 1e-6f) return glm::vec3(0.0f);
    const float kept = std::min(peak, kMaxDisplay);
    return display * (kept / peak) * (inverseAcesCurve(kept) / kept);
}

float exposureFromEv100(float ev100) {
    return kLuxPerUnit / (1.2f * std::exp2(ev100));
}

float ev100FromExposure(float exposure) {
    return std::log2(kLuxPerUnit / (1.2f * exposure));
}

}  // namespace ct::render
