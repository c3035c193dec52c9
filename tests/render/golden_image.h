// Golden-image comparison: a render is compared with a committed reference PNG within a
// tolerance; on failure the actual image and a diff image are written next to the test output
// so a person can look. tools/accept-goldens.sh copies reviewed actual images over the goldens.
#pragma once

#include "render/image_file.h"

#include <string>

namespace ct::test {

struct GoldenResult {
    bool matched = false;
    std::string message;  // why not, with the paths of the actual and diff images
    double differingFraction = 0.0;
    int maxChannelDifference = 0;
};

// Pixels whose largest channel difference exceeds `pixelTolerance` count as differing; the
// comparison fails if more than `allowedFraction` of the pixels differ.
GoldenResult compareWithGolden(const std::string& name, const render::RgbaImage& actual, int pixelTolerance = 12,
                               double allowedFraction = 0.002);

}  // namespace ct::test
