#include "ui/ui_settings.h"

#include "ui/layer_settings.h"

#include <cstdlib>
#include <fstream>

namespace ct::ui {

std::filesystem::path configDir() {
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg)
        return std::filesystem::path(xdg) / "campus-twin";
    if (const char* home = std::getenv("HOME"); home && *home)
        return std::filesystem::path(home) / ".config" / "campus-twin";
    return ".campus-twin";
}

UiSettings loadUiSettings(const std::filesystem::path& file) {
    UiSettings settings;
    // Only a regular file: a folder opens as a stream here and throws when read.
    std::error_code error;
    if (!std::filesystem::is_regular_file(file, error)) return settings;
    std::ifstream in(file);
    if (!in) return settings;
    const nlohmann::json json = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
    if (!json.is_object()) return settings;
    if (const auto it = json.find("colormap"); it != json.end() && it->is_string()) settings.colormap = *it;
    if (const auto it = json.find("speed"); it != json.end() && it->is_number() && it->get<double>() > 0.0)
        settings.speed = *it;
    if (const auto it = json.find("views"); it != json.end() && it->is_array()) settings.userViews = *it;
    if (const auto it = json.find("layers"); it != json.end() && it->is_object())
        for (const LayerSwitch& layer : kLayerSwitches)
            if (const auto on = it->find(layer.name); on != it->end() && on->is_boolean())
                settings.layers[layer.name] = on->get<bool>();
    return settings;
}

std::string saveUiSettings(const std::filesystem::path& file, const UiSettings& settings) {
    std::error_code error;
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), error);
    if (error) return file.parent_path().string() + ": " + error.message();
    const nlohmann::json json{{"colormap", settings.colormap},
                              {"speed", settings.speed},
                              {"layers", settings.layers},
                              {"views", settings.userViews}};
    std::ofstream out(file);
    out << json.dump(2) << "\n";
    if (!out) return file.string() + ": cannot write";
    return {};
}

}  // namespace ct::ui
