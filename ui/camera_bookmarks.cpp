#include "ui/camera_bookmarks.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace ct::ui {

namespace {

glm::vec3 toVec3(const std::array<double, 3>& v) {
    return {static_cast<float>(v[0]), static_cast<float>(v[1]), static_cast<float>(v[2])};
}

bool readVec3(const nlohmann::json& j, glm::vec3& out) {
    if (!j.is_array() || j.size() != 3) return false;
    for (int i = 0; i < 3; ++i) {
        if (!j[static_cast<std::size_t>(i)].is_number()) return false;
        out[i] = j[static_cast<std::size_t>(i)].get<float>();
    }
    return true;
}

}  // namespace

CameraPose poseOf(const twin::Camera& camera) {
    return {toVec3(camera.eye), toVec3(camera.target), static_cast<float>(camera.fov_deg)};
}

double easeInOut(double s) {
    s = std::clamp(s, 0.0, 1.0);
    return s * s * (3.0 - 2.0 * s);
}

CameraPose interpolate(const CameraPose& from, const CameraPose& to, double s) {
    const float t = static_cast<float>(std::clamp(s, 0.0, 1.0));
    return {glm::mix(from.eye, to.eye, t), glm::mix(from.target, to.target, t),
            from.fov_deg + (to.fov_deg - from.fov_deg) * t};
}

CameraBookmarks CameraBookmarks::fromScenario(const twin::Scenario& scenario) {
    CameraBookmarks marks;
    for (const twin::Camera& camera : scenario.cameras)
        marks.marks_.push_back({camera.name, poseOf(camera), false});
    return marks;
}

const Bookmark* CameraBookmarks::find(const std::string& name) const {
    for (const Bookmark& mark : marks_)
        if (mark.name == name) return &mark;
    return nullptr;
}

bool CameraBookmarks::save(const std::string& name, const CameraPose& pose) {
    if (name.empty()) return false;
    for (Bookmark& mark : marks_) {
        if (mark.name != name) continue;
        if (!mark.userSaved) return false;
        mark.pose = pose;
        return true;
    }
    marks_.push_back({name, pose, true});
    return true;
}

bool CameraBookmarks::remove(const std::string& name) {
    const auto it =
        std::find_if(marks_.begin(), marks_.end(), [&](const Bookmark& m) { return m.name == name && m.userSaved; });
    if (it == marks_.end()) return false;
    marks_.erase(it);
    return true;
}

nlohmann::json CameraBookmarks::userViewsToJson() const {
    nlohmann::json views = nlohmann::json::array();
    for (const Bookmark& m : marks_) {
        if (!m.userSaved) continue;
        views.push_back({{"name", m.name},
                         {"eye", {m.pose.eye.x, m.pose.eye.y, m.pose.eye.z}},
                         {"target", {m.pose.target.x, m.pose.target.y, m.pose.target.z}},
                         {"fov_deg", m.pose.fov_deg}});
    }
    return views;
}

void CameraBookmarks::loadUserViews(const nlohmann::json& views) {
    if (!views.is_array()) return;
    for (const nlohmann::json& v : views) {
        if (!v.is_object() || !v.contains("name") || !v["name"].is_string()) continue;
        CameraPose pose;
        if (!v.contains("eye") || !readVec3(v["eye"], pose.eye)) continue;
        if (!v.contains("target") || !readVec3(v["target"], pose.target)) continue;
        if (v.contains("fov_deg") && v["fov_deg"].is_number()) pose.fov_deg = v["fov_deg"].get<float>();
        save(v["name"].get<std::string>(), pose);
    }
}

CameraFlight::CameraFlight(const CameraPose& from, const CameraPose& to, double duration_s)
    : from_(from), to_(to), duration_s_(std::max(duration_s, 0.0)) {}

CameraPose CameraFlight::at(double elapsed_s) const {
    if (duration_s_ <= 0.0 || elapsed_s >= duration_s_) return to_;
    return interpolate(from_, to_, easeInOut(elapsed_s / duration_s_));
}

}  // namespace ct::ui
