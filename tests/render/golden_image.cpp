#include "golden_image.h"

#include "support/pixel_difference.h"

#include <cstdlib>
#include <filesystem>

namespace ct::test {

GoldenResult compareWithGolden(const std::string& name, const render::RgbaImage& actual, int pixelTolerance,
                               double allowedFraction) {
    const std::filesystem::path golden = std::filesystem::path(CT_GOLDEN_DIR) / (name + ".png");
    const std::filesystem::path outDir = CT_TEST_OUTPUT_DIR;
    const std::filesystem::path actualPath = outDir / (name + ".actual.png");
    const std::filesystem::path diffPath = outDir / (name + ".diff.png");
    GoldenResult result;
    render::writePng(actualPath, actual);

    if (const char* update = std::getenv("CT_UPDATE_GOLDENS"); update && std::string(update) == "1") {
        result.message = render::writePng(golden, actual);
        result.matched = result.message.empty();
        return result;
    }
    render::RgbaImage expected;
    if (std::string error = render::readPng(golden, expected); !error.empty()) {
        result.message = error + " (render it with CT_UPDATE_GOLDENS=1, look at it, then commit it)";
        return result;
    }
    if (expected.width != actual.width || expected.height != actual.height) {
        result.message = golden.string() + ": size " + std::to_string(expected.width) + "x" +
                         std::to_string(expected.height) + " but the render is " + std::to_string(actual.width) + "x" +
                         std::to_string(actual.height);
        return result;
    }
    render::RgbaImage diff{actual.width, actual.height, std::vector<std::uint8_t>(actual.rgba.size(), 255)};
    std::size_t differing = 0;
    for (std::size_t i = 0; i < actual.rgba.size(); i += 4) {
        const int worst = pixelDifference(&actual.rgba[i], &expected.rgba[i], Channels::Rgb);
        result.maxChannelDifference = std::max(result.maxChannelDifference, worst);
        const bool differs = worst > pixelTolerance;
        differing += differs;
        // Differing pixels in red, the rest as a faded copy of the golden.
        diff.rgba[i + 0] = differs ? 255 : static_cast<std::uint8_t>(128 + expected.rgba[i] / 2);
        diff.rgba[i + 1] = differs ? 0 : static_cast<std::uint8_t>(128 + expected.rgba[i + 1] / 2);
        diff.rgba[i + 2] = differs ? 0 : static_cast<std::uint8_t>(128 + expected.rgba[i + 2] / 2);
    }
    result.differingFraction = static_cast<double>(differing) / (actual.width * actual.height);
    result.matched = result.differingFraction <= allowedFraction;
    if (!result.matched) {
        render::writePng(diffPath, diff);
        result.message = name + ": " + std::to_string(differing) + " pixels differ by more than " +
                         std::to_string(pixelTolerance) + " (largest difference " +
                         std::to_string(result.maxChannelDifference) + "); actual " + actualPath.string() + ", diff " +
                         diffPath.string();
    }
    return result;
}

}  // namespace ct::test
