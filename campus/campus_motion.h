// CampusMotion: the twin's moving parts placed in the composed campus (render::NodeAnimation::motion).
// Each turbine's nacelle, and all it carries, turns about the tower to the twin's nacelle heading,
// and its rotor about the hub to the twin's rotor angle, both taken at the moment drawn between
// the twin's steps (twin::turbinePoseAfter), so a picture at a time is the same whatever the
// frame rate. A stopped rotor (below cut-in, above cut-out) has its blades feathered: each turned
// 90 degrees about its own length, its edge into the wind. A rotor turning more than
// kRotorBlurAbove_deg between one frame and the next (the clock fast, the frame rate low) would
// strobe, even seem to turn backwards: its blades give way to its blurred disc (the campus's
// "<id>/rotor_blur", drawn on demand), as a camera's shutter would smear them. The parts are found by name in each
// turbine's model
// ("<id>/nacelle", "<id>/rotor"), and the heading the model was placed with is read from where its rotor stands.
//
// Each solar row's modules turn about its torque tube from the tilt they were composed at
// (CampusScene::trackerTilt_deg) to their farm's tracker angle at the step (it moves a quarter of
// a degree a minute at most, so it is held between steps); their far stand-ins draw their
// trackers turned as much (render::NodeAnimation::surfaceTurn_rad).
//
// Each cooler bank's fans ("<building>/cooler_fans_NN", one node of sixteen instances) spin about
// their own axes (render::NodeAnimation::spin_rad) to the angle the twin's bank fan speed has
// carried them to (twin::coolerFanAngleAfter); a bank whose building is idle stands still. Turning
// more than kFanBlurAbove_deg between frames, they give way to their blurred discs.
//
// Each battery yard shows the status light of what the twin's batteries do (charging,
// discharging, idle: campus/site_lamps.h), the others hidden; each gas unit its state's light
// (online, starting; none when off).
//
//   CampusMotion motion(campus);                                  // once per composed campus
//   motion.apply(state, clock.now(), animations);                  // each frame, after the looks
#pragma once

#include "campus/campus_scene.h"
#include "render/node_animation.h"
#include "twin/state.h"

#include <glm/glm.hpp>

#include <array>
#include <map>
#include <string>
#include <vector>

namespace ct::campus {

// A third of the 120 degrees between blades: beyond it the eye cannot follow a blade from frame to
// frame, and past 60 degrees the rotor seems to turn backwards.
inline constexpr double kRotorBlurAbove_deg = 40.0;

// A third of the 90 degrees between a cooler fan's four blades.
inline constexpr double kFanBlurAbove_deg = 30.0;

struct CampusMotionOptions {
    bool trackers = true;  // false: the rows keep the tilt they were composed with (render --tracker-tilt)
};

class CampusMotion {
public:
    explicit CampusMotion(const CampusScene& campus, CampusMotionOptions options = {});

    // Sets the motion of each moving node in `animations` (one per node of the campus; resized if
    // short) for the twin's `state`, seen at `time` (UTC seconds, from the state's step to the next).
    // `frameSpan_s`: the simulated seconds from one frame shown to the next (0: a still), which
    // decides whether a rotor is drawn blurred.
    void apply(const twin::StateSnapshot& state, double time, std::vector<render::NodeAnimation>& animations,
               double frameSpan_s = 0.0) const;

    // The turbines whose parts were found, and the solar rows' segments (tests).
    std::size_t turbineCount() const { return turbines_.size(); }
    std::size_t rowCount() const;
    std::size_t fanBankCount() const;

private:
    struct Turbine {
        glm::vec3 towerAxis{0.0f};              // a point on the tower's axis (the nacelle's origin)
        glm::vec3 hub{0.0f};                    // the rotor's centre
        glm::vec3 rotorAxis{0.0f, 0.0f, 1.0f};  // downwind, as built
        double builtHeading_deg = 0.0;          // where the rotor faced as built, clockwise from north
        std::vector<int> nacelleNodes;          // the nacelle's subtree less the rotor's
        std::vector<int> rotorNodes;            // the rotor's subtree less its blades
        struct Blade {
            int node = 0;
            glm::vec3 axis{0.0f, 1.0f, 0.0f};  // root to tip through the hub, as built
        };
        std::vector<Blade> blades;
        int blur = -1;  // the blurred disc's node, if the campus has one
    };
    struct Row {
        int node = 0;
        int farNode = -1;      // its stand-in, drawn from afar
        glm::vec3 tube{0.0f};  // a point on the torque tube
        glm::vec3 axis{0.0f, 0.0f, 1.0f};
    };
    std::map<std::string, Turbine> turbines_;        // by entity id
    std::map<std::string, std::vector<Row>> farms_;  // by farm id: its rows' segments
    struct FanBank {
        int fans = -1;  // the bank's fans' node
        int blur = -1;  // and their blurred discs', if the campus has them
    };
    std::map<std::string, std::vector<FanBank>> fanBanks_;  // by building id, in bank order
    std::vector<std::array<int, 3>> batteryStatus_;
    std::vector<std::array<int, 2>> gasUnitStatus_;  // each gas unit's status nodes (kGasUnitStatus), unit order  //
                                                     // each battery yard's status nodes (kBatteryStatus)
    double builtTilt_deg_ = 0.0;
    std::size_t nodeCount_ = 0;
};

}  // namespace ct::campus
