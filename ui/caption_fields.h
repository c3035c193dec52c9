// Captions that read the twin: a tour caption may name a quantity of the twin's state in braces,
// "{entity:quantity}" (the ids and names of twin::StateSnapshot::quantities(), e.g.
// "{campus:solar_power}", "{weather:wind_speed}", "{solar-a/block-03:ac_power}"), or
// "{campus:gas_units_online}"; ":%" after the name shows a share (0..1) as a percentage. Each
// is replaced by the value at the frame shown, with its unit's usual precision.
//
//   std::string text = fillCaption(stop.caption, state);   // "Solar 212 MW"
#pragma once

#include "twin/state.h"

#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace ct::ui {

std::string fillCaption(std::string_view caption, const twin::StateSnapshot& state);

// The fields a caption may name, given one snapshot of the campus ("campus:solar_power", ...).
std::set<std::string> captionFieldNames(const twin::StateSnapshot& state);

// What is wrong with the caption's fields, one line ("{campus:sun_power}: no such quantity"), or
// nullopt when every field is known (or the caption has none).
std::optional<std::string> captionFieldProblem(std::string_view caption, const std::set<std::string>& known);

}  // namespace ct::ui
