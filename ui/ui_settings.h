// UiSettings: what the window remembers between runs besides ImGui's own ini file (panel
// positions): the colour map, the clock's speed, the layers switched on or off, and the user's
// saved camera views. One small
// JSON file in $XDG_CONFIG_HOME/campus-twin/ (else ~/.config/campus-twin/); unknown or malformed
// entries are ignored, so an old file never stops the window from opening.
//
//   UiSettings settings = loadUiSettings(settingsFile());
//   settings.speed = clock.speed();
//   saveUiSettings(settingsFile(), settings);
#pragma once

#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <string>

namespace ct::ui {

struct UiSettings {
    std::string colormap = "inferno";
    double speed = 60.0;
    nlohmann::json userViews = nlohmann::json::array();  // CameraBookmarks::userViewsToJson()
    std::map<std::string, bool> layers;                  // by kLayerSwitches' names; absent: default
};

// $XDG_CONFIG_HOME/campus-twin, else $HOME/.config/campus-twin, else ./.campus-twin.
std::filesystem::path configDir();
inline std::filesystem::path settingsFile() {
    return configDir() / "settings.json";
}
inline std::filesystem::path imguiIniFile() {
    return configDir() / "imgui.ini";
}

UiSettings loadUiSettings(const std::filesystem::path& file);  // defaults where missing
// Creates the folder; returns an error message, empty on success.
std::string saveUiSettings(const std::filesystem::path& file, const UiSettings& settings);

}  // namespace ct::ui
