// The site's civil works (twin::SiteWork) as models the campus places like any other entity, so
// they are drawn, shadowed, lit at night and picked by id:
//   road        asphalt over a gravel shoulder a metre and a half wide each side, a dashed yellow
//               centre line where there are two lanes (9 m and more);
//   fence       chain-link on posts every 3 m with a top rail: posts and rail stay a pixel wide
//               at any distance, so the fence reads as a line from the air; the fabric is faint;
//   power_line  lattice-like towers at most 300 m apart with three phase conductors and an earth
//               wire sagging between them (2.5 % of the span), conductors a pixel wide;
//   parking     asphalt with painted stalls in double rows about 7 m aisles, two in three taken;
//   laydown     a gravel yard with containers, cable drums and pipe stacks on a grid;
//   pond        water in a berm of rip-rap;
//   switchyard  a gravel pad with steel gantries over rows of breakers and transformers.
// Everything follows the ground (TerrainHeight). Sizes are typical, not surveyed.
#pragma once

#include <cstdint>

#include "campus/terrain_height.h"
#include "scene/scene.h"
#include "twin/scenario.h"

namespace ct::campus {

// In site coordinates (placed at the origin, unturned); its nodes' names are the parts
// ("surface", "posts", "conductors", ...).
scene::Scene siteWorkModel(const twin::SiteWork& work, const TerrainHeight& ground);

// The equipment of a data-center building under construction, in the building model's own space
// (`shell`: the bounds of its shell there, an H of two wings and a core): two tower cranes over
// the wings, jibs slewed apart, each with a load on its hook; and a laydown yard of steel, precast
// panels, containers and cable drums in the notch north of the core. `seed` turns the jibs and
// shuffles the yard, so neighbouring buildings differ.
scene::Scene constructionEquipmentModel(const scene::Bounds& shell, std::uint32_t seed);

// Fences and power lines are thin: their posts, rails, towers and wires are kept this many pixels
// wide (scene::Node::minPixelWidth).
constexpr float kSiteLineMinPixelWidth = 1.0f;

}  // namespace ct::campus
