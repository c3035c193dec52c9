#include "render/render_quality.h"

namespace ct::render {

RenderQuality renderQuality(QualityPreset preset) {
    switch (preset) {
        case QualityPreset::Draft:
            return {preset, 1, 2048, 1, 1, false, false, false};
        case QualityPreset::Standard:
            return {preset, 4, 1024, 4, 1, true, true, true};
        case QualityPreset::Presentation:
            return {preset, 4, 2048, 4, 2, true, true, true};
    }
    return {};
}

std::optional<QualityPreset> parseQualityPreset(std::string_view name) {
    for (const QualityPreset preset : {QualityPreset::Draft, QualityPreset::Standard, QualityPreset::Presentation})
        if (name == presetName(preset)) return preset;
    return std::nullopt;
}

const char* presetName(QualityPreset preset) {
    switch (preset) {
        case QualityPreset::Draft:
            return "draft";
        case QualityPreset::Standard:
            return "standard";
        case QualityPreset::Presentation:
            return "presentation";
    }
    return "?";
}

std::string presetNames() {
    return "draft, standard or presentation";
}

QualityPreset defaultPreset(VkPhysicalDeviceType deviceType) {
    return deviceType == VK_PHYSICAL_DEVICE_TYPE_CPU ? QualityPreset::Draft : QualityPreset::Standard;
}

}  // namespace ct::render
