// UiSettings: what the window remembers between runs. Saving and loading round-trip; a missing,
// malformed or wrongly typed file gives the defaults (never an exception); saving creates the
// folder, and says why when it cannot.
#include "ui/ui_settings.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace fs = std::filesystem;
using ct::ui::UiSettings;

namespace {

// A fresh folder under the system's temporary folder, removed with the object.
struct TempDir {
    TempDir() {
        std::random_device random;
        path = fs::temp_directory_path() / ("ct_ui_settings_" + std::to_string(random()));
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
    fs::path path;
};

void write(const fs::path& file, const std::string& text) {
    std::ofstream(file) << text;
}

void checkDefaults(const UiSettings& settings) {
    const UiSettings defaults;
    CHECK(settings.colormap == defaults.colormap);
    CHECK(settings.speed == defaults.speed);
    CHECK(settings.userViews == defaults.userViews);
}

}  // namespace

TEST_CASE("ui settings: save then load gives the same settings", "[ui][settings]") {
    TempDir dir;
    UiSettings saved;
    saved.colormap = "viridis";
    saved.speed = 3600.0;
    saved.userViews = nlohmann::json::array(
        {{{"name", "gate"}, {"eye", {1.0, 2.0, 3.0}}, {"target", {0.0, 0.0, 0.0}}, {"fov_deg", 40.0}}});
    // Into a folder that does not exist yet, two levels deep: saving creates it.
    const fs::path file = dir.path / "config" / "campus-twin" / "settings.json";
    REQUIRE(saveUiSettings(file, saved).empty());
    REQUIRE(fs::is_regular_file(file));

    const UiSettings loaded = ct::ui::loadUiSettings(file);
    CHECK(loaded.colormap == "viridis");
    CHECK(loaded.speed == 3600.0);
    CHECK(loaded.userViews == saved.userViews);
    CHECK(loaded.layers.empty());

    saved.layers = {{"power_flows", true}, {"farms", false}};
    REQUIRE(saveUiSettings(file, saved).empty());
    CHECK(ct::ui::loadUiSettings(file).layers == saved.layers);

    // Saving again overwrites.
    saved.speed = 1.0;
    REQUIRE(saveUiSettings(file, saved).empty());
    CHECK(ct::ui::loadUiSettings(file).speed == 1.0);
}

TEST_CASE("ui settings: a missing or malformed file gives the defaults", "[ui][settings]") {
    TempDir dir;
    checkDefaults(ct::ui::loadUiSettings(dir.path / "absent.json"));
    checkDefaults(ct::ui::loadUiSettings(dir.path));  // a folder, not a file

    const fs::path file = dir.path / "settings.json";
    for (const char* text : {"", "{", "{\"colormap\": \"viridis\",", "not json at all", "[1, 2, 3]", "42", "null"}) {
        INFO(text);
        write(file, text);
        UiSettings settings;
        REQUIRE_NOTHROW(settings = ct::ui::loadUiSettings(file));
        checkDefaults(settings);
    }
}

TEST_CASE("ui settings: wrongly typed entries are ignored, good ones kept", "[ui][settings]") {
    TempDir dir;
    const fs::path file = dir.path / "settings.json";

    write(file, R"({"colormap": 5, "speed": "fast", "views": {"name": "x"}})");
    checkDefaults(ct::ui::loadUiSettings(file));

    // A speed must be a positive number.
    for (const char* speed : {"0", "-60", "true", "[60]", "null"}) {
        INFO(speed);
        write(file, std::string(R"({"speed": )") + speed + "}");
        CHECK(ct::ui::loadUiSettings(file).speed == UiSettings().speed);
    }

    // One bad entry does not cost the others; unknown keys are ignored.
    write(file, R"({"colormap": "turbo", "speed": {}, "views": [], "window": [1280, 720]})");
    const UiSettings mixed = ct::ui::loadUiSettings(file);
    CHECK(mixed.colormap == "turbo");
    CHECK(mixed.speed == UiSettings().speed);
    CHECK(mixed.userViews == nlohmann::json::array());

    // Layers: known names with true or false only.
    write(file, R"({"layers": {"heatmap": true, "fog": true, "farms": "no", "terrain": false}})");
    const std::map<std::string, bool> expected{{"heatmap", true}, {"terrain", false}};
    CHECK(ct::ui::loadUiSettings(file).layers == expected);
    write(file, R"({"layers": [true]})");
    CHECK(ct::ui::loadUiSettings(file).layers.empty());
}

TEST_CASE("ui settings: saving where no folder can be made says why", "[ui][settings]") {
    TempDir dir;
    // A regular file stands where a folder would have to be.
    const fs::path blocker = dir.path / "blocker";
    write(blocker, "a file");
    const fs::path file = blocker / "campus-twin" / "settings.json";
    std::string error;
    REQUIRE_NOTHROW(error = saveUiSettings(file, UiSettings{}));
    CHECK_FALSE(error.empty());
    CHECK(error.find((blocker / "campus-twin").string()) != std::string::npos);  // names the folder
    CHECK_FALSE(fs::exists(file));
    CHECK(fs::is_regular_file(blocker));  // left as it was
}

TEST_CASE("ui settings: the folder follows XDG_CONFIG_HOME, then HOME", "[ui][settings]") {
    // Restores the two variables afterwards, whatever happens.
    struct Saved {
        std::string name;
        bool set = false;
        std::string value;
        explicit Saved(const char* n) : name(n) {
            if (const char* v = std::getenv(n)) {
                set = true;
                value = v;
            }
        }
        ~Saved() {
            if (set)
                setenv(name.c_str(), value.c_str(), 1);
            else
                unsetenv(name.c_str());
        }
    };
    const Saved xdg("XDG_CONFIG_HOME");
    const Saved home("HOME");
    setenv("XDG_CONFIG_HOME", "/tmp/xdg-config", 1);
    setenv("HOME", "/tmp/home", 1);
    CHECK(ct::ui::configDir() == fs::path("/tmp/xdg-config/campus-twin"));
    CHECK(ct::ui::settingsFile() == fs::path("/tmp/xdg-config/campus-twin/settings.json"));
    setenv("XDG_CONFIG_HOME", "", 1);  // empty counts as unset
    CHECK(ct::ui::configDir() == fs::path("/tmp/home/.config/campus-twin"));
    unsetenv("XDG_CONFIG_HOME");
    unsetenv("HOME");
    CHECK(ct::ui::configDir() == fs::path(".campus-twin"));
}
