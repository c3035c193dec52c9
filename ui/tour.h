// Tour: a scripted walk through the campus, read from JSON (schema in docs/tours.md). Each stop
// says where the camera goes (a scenario camera by name, or an eye and target), what time it is
// in the twin, which phase is built, which layers are on, the caption shown, how long the
// camera takes to get there (transition_s) and how long it stays (duration_s).
//
//   TourResult loaded = loadTour("scenarios/abilene_tour.json", scenario);
//   if (!loaded.tour) fail(loaded.error);
#pragma once

#include "twin/scenario.h"
#include "ui/camera_bookmarks.h"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ct::ui {

struct TourStop {
    std::string cameraName;              // empty when the stop gives eye/target itself
    CameraPose camera;                   // resolved: a named camera is looked up at load
    std::string time;                    // ISO 8601 UTC, as written
    double timeSeconds = 0.0;            // parsed
    double timeSpeed = 0.0;              // simulated seconds per tour second while at this stop
    int phase = 0;                       // composed campus phase; 0: the last
    std::string preset;                  // a time preset (timePresetNames()); empty: none
    std::map<std::string, bool> layers;  // "heatmap": true; names from kLayerSwitches (ui/layer_settings.h)
    std::string caption;
    double duration_s = 5.0;    // dwell after arriving
    double transition_s = 2.0;  // flight from the previous stop (none for the first)
};

struct Tour {
    std::string name;
    std::vector<TourStop> stops;
};

struct TourResult {
    std::optional<Tour> tour;
    std::string error;  // "<file>: stops[2].camera: no camera "x" in the scenario"
};

// Named cameras are resolved against the scenario, phases checked against its phase count.
TourResult loadTour(const std::filesystem::path& path, const twin::Scenario& scenario);
TourResult parseTour(const std::string& text, const std::string& sourceName, const twin::Scenario& scenario);

}  // namespace ct::ui
