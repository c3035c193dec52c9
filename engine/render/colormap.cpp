#include "render/colormap.h"

#include <algorithm>
#include <cmath>

namespace ct::render {

namespace {

// Sixth-order polynomial fits to matplotlib's viridis and inferno by Matt Zucker (2019, CC0)
// and a fifth-order fit to Google's turbo by Anton Mikhailov (2019, Apache-2.0): coefficients of
// t^0 .. t^n per channel.
using Poly = std::array<glm::vec3, 7>;
constexpr Poly kViridis = {glm::vec3(0.2777273272234177f, 0.005407344544966578f, 0.3340998053353061f),
                           glm::vec3(0.1050930431085774f, 1.404613529898575f, 1.384590162594685f),
                           glm::vec3(-0.3308618287255563f, 0.214847559468213f, 0.09509516302823659f),
                           glm::vec3(-4.634230498983486f, -5.799100973351585f, -19.33244095627987f),
                           glm::vec3(6.228269936347081f, 14.17993336680509f, 56.69055260068105f),
                           glm::vec3(4.776384997670288f, -13.74514537774601f, -65.35303263337234f),
                           glm::vec3(-5.435455855934631f, 4.645852612178535f, 26.3124352495832f)};
constexpr Poly kInferno = {glm::vec3(0.0002189403691192265f, 0.001651004631001012f, -0.01948089843709184f),
                           glm::vec3(0.1065134194856116f, 0.5639564367884091f, 3.932712388889277f),
                           glm::vec3(11.60249308247187f, -3.972853965665698f, -15.9423941062914f),
                           glm::vec3(-41.70399613139459f, 17.43639888205313f, 44.35414519872813f),
                           glm::vec3(77.162935699427f, -33.40235894210092f, -81.80730925738993f),
                           glm::vec3(-71.31942824499214f, 32.62606426397723f, 73.20951985803202f),
                           glm::vec3(25.13112622477341f, -12.24266895238567f, -23.07032500287172f)};
constexpr Poly kTurbo = {glm::vec3(0.13572138f, 0.09140261f, 0.10667330f),
                         glm::vec3(4.61539260f, 2.19418839f, 12.64194608f),
                         glm::vec3(-42.66032258f, 4.84296658f, -60.58204836f),
                         glm::vec3(132.13108234f, -14.18503333f, 110.36276771f),
                         glm::vec3(-152.94239396f, 4.27729857f, -89.90310912f),
                         glm::vec3(59.28637943f, 2.82956604f, 27.34824973f),
                         glm::vec3(0.0f)};

glm::vec3 evaluate(const Poly& c, float t) {
    glm::vec3 v = c[6];
    for (int i = 5; i >= 0; --i)
        v = c[i] + t * v;  // Horner
    return glm::clamp(v, 0.0f, 1.0f);
}

float srgbToLinear(float c) {
    return c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f);
}

}  // namespace

const char* colormapName(Colormap map) {
    switch (map) {
        case Colormap::Inferno:
            return "inferno";
        case Colormap::Turbo:
            return "turbo";
        default:
            return "viridis";
    }
}

std::optional<Colormap> parseColormap(const std::string& name) {
    if (name == "viridis") return Colormap::Viridis;
    if (name == "inferno") return Colormap::Inferno;
    if (name == "turbo") return Colormap::Turbo;
    return std::nullopt;
}

glm::vec3 colormapColor(Colormap map, float t) {
    t = std::clamp(t, 0.0f, 1.0f);
    switch (map) {
        case Colormap::Inferno:
            return evaluate(kInferno, t);
        case Colormap::Turbo:
            return evaluate(kTurbo, t);
        default:
            return evaluate(kViridis, t);
    }
}

std::vector<glm::vec4> colormapTable() {
    std::vector<glm::vec4> table;
    table.reserve(kColormapCount * kColormapEntries);
    for (int map = 0; map < kColormapCount; ++map) {
        for (int i = 0; i < kColormapEntries; ++i) {
            const glm::vec3 c = colormapColor(static_cast<Colormap>(map), i / float(kColormapEntries - 1));
            table.emplace_back(srgbToLinear(c.r), srgbToLinear(c.g), srgbToLinear(c.b), 1.0f);
        }
    }
    return table;
}

}  // namespace ct::render
