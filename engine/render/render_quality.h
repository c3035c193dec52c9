// Quality presets: what the renderer spends per frame, named for who asks.
//   draft         interaction on a CPU device (lavapipe): one sample per pixel, one shadow map
//                 over the whole site, no ambient occlusion, and no pass after the main one
//                 (the scene's shaders apply the tone curve; no bloom); what the window showed
//                 before, at its cost.
//   standard      a GPU's window, and stills and video by default: 4x MSAA (on a CPU device
//                 shaded once per pixel, render/edge_reconstruction.h), four 1024² shadow
//                 cascades (one 2048² atlas, as draft's single map), ambient occlusion, bloom
//                 and a tone map pass.
//   presentation  stills and video for a big screen: standard with 2048² cascades, each output
//                 pixel the mean of 2x2 rendered ones (supersampling).
// The window picks draft on a CPU device and standard on a GPU (defaultPreset) unless told.
#pragma once

#include <vulkan/vulkan.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ct::render {

enum class QualityPreset { Draft, Standard, Presentation };

struct RenderQuality {
    QualityPreset preset = QualityPreset::Draft;
    std::uint32_t samples = 1;           // MSAA samples per pixel of the main pass
    std::uint32_t shadowMapSize = 2048;  // per cascade
    int shadowCascades = 1;
    std::uint32_t supersample = 1;
    bool ambientOcclusion = false;  // stills and video: rendered at N times the width and height
    // The scene as exposed light in a half-float target, a tone map pass at the end (needed by
    // the occlusion and the bloom); off, the scene's shaders tone-map themselves.
    bool exposedTarget = true;
    bool bloom = true;  // the glow around the sun and lamps (render/bloom.h)
};

RenderQuality renderQuality(QualityPreset preset);
std::optional<QualityPreset> parseQualityPreset(std::string_view name);
const char* presetName(QualityPreset preset);
// "draft, standard or presentation": for option help and error messages.
std::string presetNames();
// For the window: draft where the device is the CPU (lavapipe, llvmpipe, SwiftShader), else standard.
QualityPreset defaultPreset(VkPhysicalDeviceType deviceType);

}  // namespace ct::render
