#include "campus/campus_motion.h"

#include "campus/site_lamps.h"
#include "twin/wind_turbine.h"

#include <glm/gtc/matrix_transform.hpp>

#include <algorithm>
#include <cmath>
#include <string_view>

namespace ct::campus {

namespace {

void subtree(const scene::Scene& scene, int node, std::vector<int>& out) {
    out.push_back(node);
    for (const int child : scene.nodes[static_cast<std::size_t>(node)].children)
        subtree(scene, child, out);
}

// A turn by `angle_rad` about the line through `point` along `axis` (right-handed).
glm::mat4 turnAbout(const glm::vec3& point, const glm::vec3& axis, float angle_rad) {
    return glm::translate(glm::mat4(1.0f), point) * glm::rotate(glm::mat4(1.0f), angle_rad, axis) *
           glm::translate(glm::mat4(1.0f), -point);
}

// A feathered blade's pitch from its working one: its chord along the wind.
constexpr float kFeatheredPitch_deg = 90.0f;

}  // namespace

CampusMotion::CampusMotion(const CampusScene& campus, CampusMotionOptions options)
    : builtTilt_deg_(campus.trackerTilt_deg), nodeCount_(campus.scene.nodes.size()) {
    const scene::Scene& scene = campus.scene;
    std::map<std::string, int> nodeByName;
    for (std::size_t n = 0; n < scene.nodes.size(); ++n)
        nodeByName.emplace(scene.nodes[n].name, static_cast<int>(n));
    const auto nodeNamed = [&](const std::string& name) {
        const auto found = nodeByName.find(name);
        return found == nodeByName.end() ? -1 : found->second;
    };
    // A farm's row segments: "<farm>/row_NNNN/SS", each module an instance whose origin is on the
    // tube (campus_scene.cpp).
    if (options.trackers)
        for (std::size_t n = 0; n < scene.nodes.size(); ++n) {
            const scene::Node& node = scene.nodes[n];
            const std::size_t mark = node.name.find("/row_");
            if (mark == std::string::npos || node.instances.empty() || node.mesh < 0) continue;
            Row row;
            row.node = static_cast<int>(n);
            row.farNode = node.lodFar;
            row.tube = glm::vec3(node.world * node.instances.front()[3]);
            row.axis = glm::normalize(glm::mat3(node.world) * glm::vec3(0.0f, 0.0f, 1.0f));
            farms_[node.name.substr(0, mark)].push_back(row);
        }
    // The cooler banks' fans: "<building>/cooler_fans_NN", numbered from 1 in bank order.
    constexpr std::string_view kFans = "/cooler_fans_";
    for (std::size_t n = 0; n < scene.nodes.size(); ++n) {
        const std::string& name = scene.nodes[n].name;
        const std::size_t mark = name.find(kFans);
        if (mark == std::string::npos || scene.nodes[n].onDemand || scene.nodes[n].mesh < 0) continue;
        const std::string number = name.substr(mark + kFans.size());
        if (number.empty() || number.find_first_not_of("0123456789") != std::string::npos) continue;
        const std::size_t bank = std::stoul(number);
        if (bank == 0) continue;
        std::vector<FanBank>& banks = fanBanks_[name.substr(0, mark)];
        if (banks.size() < bank) banks.resize(bank);
        banks[bank - 1] = {static_cast<int>(n), nodeNamed(name + "_blur")};
    }
    for (const auto& [id, root] : campus.entityRoots) {
        if (nodeNamed(id + "/unit_01") >= 0)  // a gas plant
            for (const int unit : gasUnitNodes(scene, id)) {
                std::array<int, 2> lights{-1, -1};
                if (unit >= 0)
                    for (int s = 0; s < 2; ++s)
                        lights[static_cast<std::size_t>(s)] =
                            nodeNamed(scene.nodes[static_cast<std::size_t>(unit)].name + kGasUnitStatus[s]);
                gasUnitStatus_.push_back(lights);
            }
        std::array<int, 3> status{};
        for (int s = 0; s < 3; ++s)
            status[static_cast<std::size_t>(s)] = nodeNamed(id + kBatteryStatus[s]);
        if (status[0] >= 0 && status[1] >= 0 && status[2] >= 0) batteryStatus_.push_back(status);
        const int nacelle = nodeNamed(id + "/nacelle");
        const int rotor = nodeNamed(id + "/rotor");
        if (nacelle < 0 || rotor < 0) continue;
        Turbine t;
        const glm::mat4& nacelleWorld = scene.nodes[static_cast<std::size_t>(nacelle)].world;
        const glm::mat4& rotorWorld = scene.nodes[static_cast<std::size_t>(rotor)].world;
        t.towerAxis = glm::vec3(nacelleWorld[3]);
        t.hub = glm::vec3(rotorWorld[3]);
        t.rotorAxis = glm::normalize(glm::mat3(rotorWorld) * glm::vec3(0.0f, 0.0f, 1.0f));
        // The rotor stands upwind of the tower: from the axis to the hub is where the wind comes
        // from (north -z, east +x).
        const glm::vec3 upwind = t.hub - t.towerAxis;
        t.builtHeading_deg = glm::degrees(std::atan2(upwind.x, -upwind.z));
        std::vector<int> rotorParts;
        subtree(scene, rotor, rotorParts);
        std::vector<int> nacelleParts;
        subtree(scene, nacelle, nacelleParts);
        for (const int n : nacelleParts)
            if (std::find(rotorParts.begin(), rotorParts.end(), n) == rotorParts.end()) t.nacelleNodes.push_back(n);
        for (const int n : rotorParts) {
            const scene::Node& part = scene.nodes[static_cast<std::size_t>(n)];
            if (part.name.find("/blade_") == std::string::npos) {
                t.rotorNodes.push_back(n);
                continue;
            }
            // The blade mesh runs along its node's +y from the hub (tools/assetgen's wind turbines).
            t.blades.push_back({n, glm::normalize(glm::mat3(part.world) * glm::vec3(0.0f, 1.0f, 0.0f))});
        }
        t.blur = nodeNamed(id + "/rotor_blur");
        turbines_.emplace(id, std::move(t));
    }
}

void CampusMotion::apply(const twin::StateSnapshot& state, double time, std::vector<render::NodeAnimation>& animations,
                         double frameSpan_s) const {
    if (animations.size() < nodeCount_) animations.resize(nodeCount_);
    const double elapsed = time - static_cast<double>(state.time);
    for (const twin::TurbineSnapshot& snapshot : state.turbines) {
        const auto found = turbines_.find(snapshot.id);
        if (found == turbines_.end()) continue;
        const Turbine& t = found->second;
        const twin::TurbinePose pose = twin::turbinePoseAfter(snapshot, elapsed);
        // Clockwise from north by the heading's change is counter-clockwise about +y by minus it.
        const float yaw = -static_cast<float>(glm::radians(pose.yaw_deg - t.builtHeading_deg));
        const glm::mat4 nacelle = turnAbout(t.towerAxis, glm::vec3(0.0f, 1.0f, 0.0f), yaw);
        // About the downwind axis, positive angles turn clockwise seen from upwind, as rotors do.
        const glm::mat4 rotor =
            nacelle * turnAbout(t.hub, t.rotorAxis, static_cast<float>(glm::radians(pose.rotorAngle_deg)));
        for (const int n : t.nacelleNodes)
            animations[static_cast<std::size_t>(n)].motion = nacelle;
        for (const int n : t.rotorNodes)
            animations[static_cast<std::size_t>(n)].motion = rotor;
        // Stopped, the blades stand feathered; turning, at their working pitch (as built); turning
        // too far between frames, their blurred disc stands in for them.
        const bool feathered = snapshot.rotor_rpm <= 0.0;
        const bool blurred = t.blur >= 0 && snapshot.rotor_rpm * 6.0 * std::max(frameSpan_s, 0.0) > kRotorBlurAbove_deg;
        for (const Turbine::Blade& blade : t.blades) {
            render::NodeAnimation& a = animations[static_cast<std::size_t>(blade.node)];
            a.motion = feathered ? rotor * turnAbout(t.hub, blade.axis, glm::radians(kFeatheredPitch_deg)) : rotor;
            a.hidden = a.hidden || blurred;
        }
        if (t.blur >= 0) {
            render::NodeAnimation& disc = animations[static_cast<std::size_t>(t.blur)];
            disc.shown = blurred;
        }
    }
    for (const twin::BuildingSnapshot& building : state.buildings) {
        const auto found = fanBanks_.find(building.id);
        if (found == fanBanks_.end()) continue;
        for (std::size_t k = 0; k < found->second.size(); ++k) {
            const FanBank& bank = found->second[k];
            if (bank.fans < 0) continue;
            const double rpm = k < building.bankFan_rpm.size() ? building.bankFan_rpm[k] : 0.0;
            render::NodeAnimation& fans = animations[static_cast<std::size_t>(bank.fans)];
            fans.spin_rad = static_cast<float>(glm::radians(twin::coolerFanAngleAfter(building, k, elapsed)));
            const bool blurred = bank.blur >= 0 && rpm * 6.0 * std::max(frameSpan_s, 0.0) > kFanBlurAbove_deg;
            fans.hidden = fans.hidden || blurred;
            if (bank.blur >= 0) animations[static_cast<std::size_t>(bank.blur)].shown = blurred;
        }
    }
    // The batteries' flow: + discharging, - charging; within half a megawatt, idle.
    constexpr double kIdleBand_mw = 0.5;
    const int shown = state.campus.battery_mw < -kIdleBand_mw ? 0 : state.campus.battery_mw > kIdleBand_mw ? 1 : 2;
    for (const std::array<int, 3>& status : batteryStatus_)
        for (int s = 0; s < 3; ++s) {
            render::NodeAnimation& a = animations[static_cast<std::size_t>(status[static_cast<std::size_t>(s)])];
            a.hidden = a.hidden || s != shown;
        }
    for (std::size_t u = 0; u < gasUnitStatus_.size(); ++u) {
        const twin::GasUnitSnapshot unit = u < state.gasUnits.size() ? state.gasUnits[u] : twin::GasUnitSnapshot{};
        const bool lit[2] = {unit.online, unit.starting && !unit.online};
        for (int s = 0; s < 2; ++s)
            if (const int node = gasUnitStatus_[u][static_cast<std::size_t>(s)]; node >= 0) {
                render::NodeAnimation& a = animations[static_cast<std::size_t>(node)];
                a.hidden = a.hidden || !lit[s];
            }
    }
    for (const twin::SolarFarmSnapshot& farm : state.solarFarms) {
        const auto found = farms_.find(farm.id);
        if (found == farms_.end()) continue;
        // Positive angles face west: about the rows' +z (north to south) by the angle.
        const float turn = static_cast<float>(glm::radians(farm.trackerAngle_deg - builtTilt_deg_));
        for (const Row& row : found->second) {
            animations[static_cast<std::size_t>(row.node)].motion = turnAbout(row.tube, row.axis, turn);
            if (row.farNode >= 0) animations[static_cast<std::size_t>(row.farNode)].surfaceTurn_rad = turn;
        }
    }
}

std::size_t CampusMotion::fanBankCount() const {
    std::size_t banks = 0;
    for (const auto& [id, building] : fanBanks_)
        for (const FanBank& bank : building)
            banks += bank.fans >= 0 ? 1 : 0;
    return banks;
}

std::size_t CampusMotion::rowCount() const {
    std::size_t rows = 0;
    for (const auto& [id, segments] : farms_)
        rows += segments.size();
    return rows;
}

}  // namespace ct::campus
