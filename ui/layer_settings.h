// The layers the window draws, as the Layers panel sets them and tour stops switch them.
#pragma once

#include "render/colormap.h"

#include <array>
#include <map>
#include <string>

namespace ct::ui {

struct LayerSettings {
    bool labels = true;       // live id, IT MW and PUE over each building (ui/building_labels.h)
    bool powerFlows = false;  // animated lines from the sources to the buildings, width by MW
    bool farms = true;        // solar farms and wind turbines
    bool terrain = true;
    // The heat map and how it is coloured.
    bool heatmap = false;
    render::Colormap colormap = render::Colormap::Inferno;
    bool autoRange = true;  // ambient .. ambient + autoSpan_k
    float autoSpan_k = 6.0f;
    float rangeMin_c = 20.0f;  // used when !autoRange
    float rangeMax_c = 45.0f;
    float opacity = 0.65f;
    bool contours = true;
    float contourStep_k = 0.5f;
};

// The layers a tour stop may switch, by the name its file uses (docs/tours.md).
struct LayerSwitch {
    const char* name;
    bool LayerSettings::*on;
};
inline constexpr std::array<LayerSwitch, 5> kLayerSwitches{{{"heatmap", &LayerSettings::heatmap},
                                                            {"power_flows", &LayerSettings::powerFlows},
                                                            {"labels", &LayerSettings::labels},
                                                            {"farms", &LayerSettings::farms},
                                                            {"terrain", &LayerSettings::terrain}}};

// The names, for messages: "heatmap, power_flows, labels, farms or terrain".
inline std::string layerSwitchNames() {
    std::string names;
    for (std::size_t i = 0; i < kLayerSwitches.size(); ++i)
        names += std::string(i == 0 ? "" : i + 1 == kLayerSwitches.size() ? " or " : ", ") + kLayerSwitches[i].name;
    return names;
}

// A tour stop's switches laid over `layers`; layers the stop does not name keep their setting.
inline void applyLayerSwitches(const std::map<std::string, bool>& switches, LayerSettings& layers) {
    for (const LayerSwitch& layer : kLayerSwitches)
        if (const auto it = switches.find(layer.name); it != switches.end()) layers.*layer.on = it->second;
}

}  // namespace ct::ui
