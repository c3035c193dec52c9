// Camera bookmarks: named views (the scenario's cameras, plus the ones the user saves) and
// smooth flights between them. A flight eases eye, target and field of view together
// (smoothstep: zero speed at both ends) over a duration, so the window and the tour exporter
// move the camera the same way.
//
//   CameraBookmarks marks = CameraBookmarks::fromScenario(scenario);
//   CameraFlight flight(current, marks.find("solar")->pose, 2.0);
//   CameraPose pose = flight.at(elapsedSeconds);
#pragma once

#include "twin/scenario.h"

#include <glm/glm.hpp>
#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <vector>

namespace ct::ui {

struct CameraPose {
    glm::vec3 eye{0.0f};
    glm::vec3 target{0.0f, 0.0f, -1.0f};
    float fov_deg = 45.0f;
};

struct Bookmark {
    std::string name;
    CameraPose pose;
    bool userSaved = false;  // scenario views cannot be removed
};

CameraPose poseOf(const twin::Camera& camera);

// 0 -> 0, 1 -> 1, zero slope at both ends; clamps outside [0, 1].
double easeInOut(double s);
CameraPose interpolate(const CameraPose& from, const CameraPose& to, double s);  // s linear in 0..1, not eased

class CameraBookmarks {
public:
    static CameraBookmarks fromScenario(const twin::Scenario& scenario);

    const std::vector<Bookmark>& all() const { return marks_; }
    const Bookmark* find(const std::string& name) const;
    // Saves or replaces a user view; false if the name is a scenario view's or empty.
    bool save(const std::string& name, const CameraPose& pose);
    bool remove(const std::string& name);  // user views only

    // The user's views only, for the settings file, and back.
    nlohmann::json userViewsToJson() const;
    void loadUserViews(const nlohmann::json& views);  // ignores malformed entries

private:
    std::vector<Bookmark> marks_;
};

class CameraFlight {
public:
    CameraFlight() = default;
    CameraFlight(const CameraPose& from, const CameraPose& to, double duration_s);

    CameraPose at(double elapsed_s) const;
    bool finished(double elapsed_s) const { return elapsed_s >= duration_s_; }
    double duration() const { return duration_s_; }

private:
    CameraPose from_;
    CameraPose to_;
    double duration_s_ = 0.0;
};

}  // namespace ct::ui
