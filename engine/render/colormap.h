// Perceptual colour maps for data drawn on the scene (the heat map): viridis, inferno and
// turbo, evaluated from published polynomial fits. One definition, used on the CPU (PNG output,
// legends) and uploaded as a lookup table for the shaders.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include <glm/glm.hpp>

namespace ct::render {

enum class Colormap { Viridis = 0, Inferno = 1, Turbo = 2 };
constexpr int kColormapCount = 3;
constexpr int kColormapEntries = 256;

const char* colormapName(Colormap map);
std::optional<Colormap> parseColormap(const std::string& name);

// sRGB colour (0..1) of the map at t in 0..1 (clamped).
glm::vec3 colormapColor(Colormap map, float t);

// All maps, kColormapEntries each, in map order, as linear RGBA for the GPU lookup table.
std::vector<glm::vec4> colormapTable();

}  // namespace ct::render
