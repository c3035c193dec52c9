// The power-flows layer: the twin's dispatch drawn as animated lines (render::FlowLine) from each
// source to the campus bus (the substation) and from the bus to each building with load.
//
//   const PowerFlowLayout layout = powerFlowLayout(scenario, campus);  // once per composed campus
//   renderer.setFlowLines(powerFlowLines(scenario, layout, state));    // each twin step
//   renderer.setFlowTime(seconds);                                      // each frame: moves dashes
//
// Topology: every solar farm, every wind farm (turbines grouped by proximity: no two turbines of
// different farms are within kWindFarmLink_m), the gas plant, the grid (a line arriving at the
// substation from off-site, on its side away from the buildings) and every battery flow to the
// bus; the bus feeds every building. Only entities standing in the composed campus take part.
//
// Power: solar farms share the campus' solar_mw (what was taken, after curtailment) in
// proportion to their ac_mw, wind farms share wind_mw in proportion to their turbines' power_mw,
// batteries share battery_mw in proportion to their rated power; gas_mw and grid_mw go to the
// gas plant and the grid; buildings carry their facility_mw. A flow under minPower_mw draws
// nothing. Negative power (a battery charging, the grid exporting) keeps the line's points from
// the entity to the bus but reverses its dashes (negative speed): they run into the entity.
//
// Width rule: width_m = clamp(widthPerSqrtMw_m * sqrt(|MW|), minWidth_m, maxWidth_m), with the
// defaults 1.5 m per sqrt(MW) in 3..50 m: 4 MW -> 3 m, 100 MW -> 15 m, 400 MW -> 30 m,
// 1,111 MW and more -> 50 m. Monotone in MW and strictly increasing between the clamps; the
// square root keeps a 1 GW grid line from dwarfing a 50 MW battery. The renderer keeps any line
// at least 1.5 px wide however far the camera is.
//
// Shape: each line is a gentle arc (kArcSamples points) between its two anchors, raised at its
// middle by 6 % of its length, clamped to 15..200 m, so it reads above panels and roofs. An
// entity's anchor is the top centre of its bounds (entityTops), no higher than kMaxAnchor_m.
// Colours (linear RGB): solar yellow, wind cyan, gas orange, grid violet, battery green, bus to
// building white.
#pragma once

#include "campus/campus_scene.h"
#include "render/flow_lines.h"
#include "twin/scenario.h"
#include "twin/state.h"

#include <glm/glm.hpp>

#include <map>
#include <set>
#include <string>
#include <vector>

namespace ct::campus {

enum class PowerFlowKind { Solar, Wind, Gas, Grid, Battery, Load };
const char* powerFlowKindName(PowerFlowKind kind);
glm::vec3 powerFlowColor(PowerFlowKind kind);

struct PowerFlowOptions {
    float widthPerSqrtMw_m = 1.5f;
    float minWidth_m = 3.0f;
    float maxWidth_m = 50.0f;
    double minPower_mw = 0.05;  // below this (either sign) a flow draws nothing
    float speed_mps = 80.0f;    // of the dashes, towards the bus for sources, to the buildings for loads
    float dashLength_m = 160.0f;
};

// The width of a flow of `mw` megawatts (sign ignored); see the width rule above.
float powerFlowWidth(double mw, const PowerFlowOptions& options = {});

struct WindFarm {
    std::string id;                     // "wind-farm-1", numbered in the turbines' file order
    std::vector<std::string> turbines;  // its turbines' ids
    glm::vec3 anchor{0.0f};             // the mean of its turbines' anchors
};

// Where the lines of one composed campus start and end. World metres, y up.
struct PowerFlowLayout {
    bool hasBus = false;                       // false: no substation in the campus, no flows
    glm::vec3 bus{0.0f};                       // the substation's anchor
    glm::vec3 gridEntry{0.0f};                 // where the grid's line starts, off-site
    std::map<std::string, glm::vec3> anchors;  // entity id -> its anchor, for every entity standing
    std::vector<WindFarm> windFarms;
};

constexpr double kWindFarmLink_m = 2000.0;  // turbines closer than this are of one farm
constexpr float kMaxAnchor_m = 60.0f;       // anchors no higher (a turbine's top is its blade tip)
constexpr float kGridEntryDistance_m = 1000.0f;
constexpr int kArcSamples = 17;

// `standing`: when given, only these entities (and the substation) take part, e.g. the window's
// campus holds every phase and shows only some.
PowerFlowLayout powerFlowLayout(const twin::Scenario& scenario, const CampusScene& campus,
                                const std::set<std::string>* standing = nullptr);

struct PowerFlow {
    PowerFlowKind kind = PowerFlowKind::Load;
    std::string entity;  // the source or building id; "grid"; a wind farm's id
    double mw = 0.0;     // as the twin signs it: negative flows from the bus into the entity
    render::FlowLine line;
};

// The flows to draw for one state, in a fixed order: solar farms, wind farms, gas, grid,
// batteries (as in the scenario), then buildings.
std::vector<PowerFlow> powerFlows(const twin::Scenario& scenario, const PowerFlowLayout& layout,
                                  const twin::StateSnapshot& state, const PowerFlowOptions& options = {});

// Just the lines of powerFlows(), for Renderer::setFlowLines.
std::vector<render::FlowLine> powerFlowLines(const twin::Scenario& scenario, const PowerFlowLayout& layout,
                                             const twin::StateSnapshot& state, const PowerFlowOptions& options = {});
// The same, with the layout computed on the spot (walks the scene; prefer a kept layout per frame).
std::vector<render::FlowLine> powerFlowLines(const twin::Scenario& scenario, const CampusScene& campus,
                                             const twin::StateSnapshot& state, const PowerFlowOptions& options = {});

// A raised arc from `from` to `to`: kArcSamples points, lifted at the middle (see Shape above).
std::vector<glm::vec3> powerFlowArc(glm::vec3 from, glm::vec3 to);

}  // namespace ct::campus
