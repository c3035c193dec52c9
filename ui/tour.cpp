#include "ui/tour.h"

#include "twin/simulation.h"
#include "ui/caption_fields.h"

#include "twin/civil_time.h"
#include "twin/json_reader.h"
#include "twin/text_file.h"
#include "ui/layer_settings.h"
#include "ui/time_control.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

namespace ct::ui {

namespace {

// Thrown inside the parser only; parseTour turns it into TourResult::error.
struct TourError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

double number(const nlohmann::json& stop, const char* key, double fallback, const std::string& where, double min) {
    if (!stop.contains(key)) return fallback;
    if (!stop[key].is_number()) throw TourError(where + "." + key + ": expected a number");
    const double value = stop[key].get<double>();
    if (!(value >= min)) throw TourError(where + "." + key + ": must be at least " + std::to_string(min));
    return value;
}

glm::vec3 vec3(const nlohmann::json& j, const std::string& where) {
    if (!j.is_array() || j.size() != 3 || !std::all_of(j.begin(), j.end(), [](const auto& v) { return v.is_number(); }))
        throw TourError(where + ": expected [x, y, z] in metres");
    return {j[0].get<float>(), j[1].get<float>(), j[2].get<float>()};
}

void readCamera(const nlohmann::json& camera, const std::string& where, const twin::Scenario& scenario,
                TourStop& stop) {
    if (camera.is_string()) {
        stop.cameraName = camera.get<std::string>();
        for (const twin::Camera& c : scenario.cameras)
            if (c.name == stop.cameraName) {
                stop.camera = poseOf(c);
                return;
            }
        throw TourError(where + ": no camera " + twin::quotedText(stop.cameraName) + " in the scenario");
    }
    if (!camera.is_object() || !camera.contains("eye") || !camera.contains("target"))
        throw TourError(where + ": expected a scenario camera name or {\"eye\": [..], \"target\": [..]}");
    stop.camera.eye = vec3(camera["eye"], where + ".eye");
    stop.camera.target = vec3(camera["target"], where + ".target");
    stop.camera.fov_deg = static_cast<float>(number(camera, "fov_deg", 45.0, where, 1.0));
}

TourStop readStop(const nlohmann::json& j, const std::string& where, const twin::Scenario& scenario) {
    if (!j.is_object()) throw TourError(where + ": expected an object");
    TourStop stop;
    if (!j.contains("camera")) throw TourError(where + ": missing \"camera\"");
    readCamera(j["camera"], where + ".camera", scenario, stop);
    if (!j.contains("time") || !j["time"].is_string()) throw TourError(where + ".time: expected an ISO 8601 UTC time");
    stop.time = j["time"].get<std::string>();
    const auto t = twin::parseIsoUtc(stop.time);
    if (!t) throw TourError(where + ".time: " + twin::quotedText(stop.time) + " is not an ISO 8601 date or time");
    stop.timeSeconds = static_cast<double>(*t);
    stop.timeSpeed = number(j, "time_speed", 0.0, where, 0.0);
    // Compared as a double: a huge phase (found by fuzz_tour) does not fit an int.
    const double phase = number(j, "phase", 0.0, where, 0.0);
    if (phase > static_cast<double>(scenario.phases.size()))
        throw TourError(where + ".phase: the scenario has phases 1.." + std::to_string(scenario.phases.size()));
    stop.phase = static_cast<int>(phase);
    if (j.contains("preset")) {
        if (!j["preset"].is_string()) throw TourError(where + ".preset: expected a string");
        stop.preset = j["preset"].get<std::string>();
        const auto names = timePresetNames();
        if (std::find(names.begin(), names.end(), stop.preset) == names.end())
            throw TourError(where + ".preset: unknown preset " + twin::quotedText(stop.preset));
    }
    if (j.contains("layers")) {
        if (!j["layers"].is_object()) throw TourError(where + ".layers: expected {\"name\": true|false}");
        for (const auto& item : j["layers"].items()) {
            // Named, not a structured binding: clang 14 (the fuzzing build) cannot capture one.
            const std::string& name = item.key();
            const auto& on = item.value();
            if (std::none_of(kLayerSwitches.begin(), kLayerSwitches.end(),
                             [&](const LayerSwitch& layer) { return name == layer.name; }))
                throw TourError(where + ".layers." + name + ": unknown layer (" + layerSwitchNames() + ")");
            if (!on.is_boolean()) throw TourError(where + ".layers." + name + ": expected true or false");
            stop.layers[name] = on.get<bool>();
        }
    }
    if (j.contains("caption")) {
        if (!j["caption"].is_string()) throw TourError(where + ".caption: expected a string");
        stop.caption = j["caption"].get<std::string>();
    }
    stop.duration_s = number(j, "duration_s", stop.duration_s, where, 0.0);
    stop.transition_s = number(j, "transition_s", stop.transition_s, where, 0.0);
    return stop;
}

}  // namespace

TourResult parseTour(const std::string& text, const std::string& sourceName, const twin::Scenario& scenario) {
    TourResult result;
    try {
        const nlohmann::json j = nlohmann::json::parse(text);
        if (!j.is_object()) throw TourError("expected a JSON object");
        Tour tour;
        if (j.contains("name") && j["name"].is_string()) tour.name = j["name"].get<std::string>();
        if (!j.contains("stops") || !j["stops"].is_array() || j["stops"].empty())
            throw TourError("stops: expected a non-empty array");
        for (std::size_t i = 0; i < j["stops"].size(); ++i)
            tour.stops.push_back(readStop(j["stops"][i], "stops[" + std::to_string(i) + "]", scenario));
        tour.stops.front().transition_s = 0.0;  // nowhere to fly from
        // Fields in captions must name what the twin reports (of the campus fully built).
        std::set<std::string> known;
        for (std::size_t i = 0; i < tour.stops.size(); ++i) {
            if (tour.stops[i].caption.find('{') == std::string::npos) continue;
            if (known.empty()) {
                const int phases = std::max(1, static_cast<int>(scenario.phases.size()));
                known = captionFieldNames(twin::Simulation(scenario, {.phase = phases}).current());
            }
            if (const auto problem = captionFieldProblem(tour.stops[i].caption, known))
                throw TourError("stops[" + std::to_string(i) + "].caption: " + *problem);
        }
        result.tour = std::move(tour);
    } catch (const nlohmann::json::exception& e) {
        result.error = sourceName + ": " + e.what();
    } catch (const TourError& e) {
        result.error = sourceName + ": " + e.what();
    }
    return result;
}

TourResult loadTour(const std::filesystem::path& path, const twin::Scenario& scenario) {
    const twin::TextFile file = twin::readTextFile(path, twin::kTourFileLimit, "tour file");
    if (!file.text) return {std::nullopt, file.error};
    return parseTour(*file.text, path.string(), scenario);
}

}  // namespace ct::ui
