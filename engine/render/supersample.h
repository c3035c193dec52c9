// Supersampling for stills and video (the presentation preset): the frame is rendered at N times
// the width and height and each output pixel is the mean of its N x N rendered pixels, averaged
// in linear light (as a camera's sensor would), so edges, thin lines and fine texture settle
// beyond what MSAA alone resolves.
#pragma once

#include "render/offscreen_capture.h"

#include <cstdint>

namespace ct::render {

// `frame` shrunk by `factor` on each side (its size must divide by it). Ids are those of each
// block's centre-most pixel: a name is picked, not averaged. Stats are kept.
CapturedFrame downsample(const CapturedFrame& frame, std::uint32_t factor);

}  // namespace ct::render
