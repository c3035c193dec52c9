// A ground overlay: a grid of values over a horizontal rectangle of the world (the heat map),
// drawn on every surface beneath it (terrain and roofs) through a colour map, with a range,
// an opacity and optional contour lines. The values stay in a GPU storage buffer owned by
// whoever computes them (one float per cell, row by row along +x, rows along +z); the renderer
// only reads it.
#pragma once

#include "render/colormap.h"

#include <vulkan/vulkan.h>

#include <string>

namespace ct::render {

struct GroundOverlay {
    bool enabled = false;
    VkBuffer values = VK_NULL_HANDLE;
    VkDeviceSize bytes = 0;
    int nx = 0;
    int nz = 0;
    float originX = 0.0f;  // world x of the grid's west edge
    float originZ = 0.0f;  // world z of its north edge
    float cellSize = 1.0f;
    float valueOffset = 0.0f;  // added to every stored value before display (e.g. ambient temperature)
    float rangeMin = 0.0f;
    float rangeMax = 1.0f;
    Colormap colormap = Colormap::Inferno;
    float opacity = 0.65f;
    float contourStep = 0.0f;  // 0: no contour lines
    // For the UI's legend.
    std::string quantity = "air temperature";
    std::string unit = "degC";
};

}  // namespace ct::render
