// The shared palette and the pieces several model families reuse: fences, yard transformers,
// containers and pads. Each returns geometry grouped by material, standing on y = 0 and
// centred on the origin, for the caller to move into place with MaterialMeshes::add.
#pragma once

#include "gltf_writer.h"

namespace ct::assetgen {

namespace palette {
// Colours are linear base colours. The roof and wall values are the ones the renderer's
// look-development used for the demo scene, so generated buildings match it.
inline const Material kRoof{"roof_membrane", {0.82, 0.83, 0.85}, 0.0, 0.7};
inline const Material kWall{"wall_panel", {0.7, 0.71, 0.73}, 0.1, 0.6, "precast"};
inline const Material kCoolerBody{"dry_cooler", {0.16, 0.17, 0.18}, 0.4, 0.55};
inline const Material kFan{"fan_grille", {0.04, 0.04, 0.045}, 0.3, 0.6};
inline const Material kFanBlade{"fan_blade", {0.5, 0.52, 0.54}, 0.7, 0.4};  // cast aluminium
inline const Material kConcrete{"concrete", {0.56, 0.55, 0.52}, 0.0, 0.95};
inline const Material kGravel{"gravel", {0.46, 0.45, 0.42}, 0.0, 1.0};
inline const Material kTransformer{"transformer_tank", {0.38, 0.42, 0.38}, 0.3, 0.55};
inline const Material kSteel{"galvanised_steel", {0.62, 0.63, 0.65}, 0.8, 0.45};
inline const Material kInsulator{"insulator", {0.45, 0.26, 0.17}, 0.0, 0.35};
inline const Material kGeneratorEnclosure{"generator_enclosure", {0.74, 0.71, 0.62}, 0.2, 0.6};
inline const Material kBatteryContainer{"battery_container", {0.86, 0.87, 0.87}, 0.2, 0.5};
inline const Material kInverter{"inverter_skid", {0.55, 0.6, 0.64}, 0.3, 0.5};
inline const Material kDockDoor{"dock_door", {0.24, 0.27, 0.32}, 0.3, 0.6};
inline const Material kAsphalt{"asphalt", {0.13, 0.13, 0.14}, 0.0, 0.9};
// The cells' colour; the renderer draws them as half-cut cells with the back sheet between
// ("pv_cells"), the module's face carrying texture coordinates in metres.
inline const Material kSolarCell{"solar_cell", {0.02, 0.04, 0.1}, 0.3, 0.25, "pv_cells"};
inline const Material kPanelFrame{"panel_frame", {0.7, 0.72, 0.75}, 0.7, 0.4};
inline const Material kTurbineWhite{"turbine_white", {0.86, 0.87, 0.87}, 0.1, 0.4};
inline const Material kStack{"exhaust_stack", {0.46, 0.47, 0.49}, 0.7, 0.5};
inline const Material kTurbineHall{"turbine_hall", {0.66, 0.69, 0.72}, 0.2, 0.6};
// Office glazing: dark glass by day; at night the offices' light behind it, about 100 cd/m2 of
// warm white (in the renderer's night units, emissiveAtNight).
inline const Material kOfficeWindow{"office_window", {0.05, 0.06, 0.07}, 0.0, 0.15, "", {1.0, 0.8, 0.55}, 3.0, true};
inline const Material kGround{"dry_grass", {0.28, 0.24, 0.14}, 0.0, 1.0, "grassland"};
}  // namespace palette

// A chain-link fence along the rectangle |x| <= halfX, |z| <= halfZ: posts and three rails.
// The mesh is opaque; at campus distances a real mesh fabric would not show anyway.
MaterialMeshes fenceAroundRect(float halfX, float halfZ, float height = 2.4f, float postSpacing = 4.0f);

// An oil-filled power transformer about `tankLength` long: tank, radiator banks, bushings and a
// conservator, on its own concrete plinth.
MaterialMeshes yardTransformer(float tankLength = 6.0f);

// A shipping-container-sized box (battery enclosure, generator set, inverter skid).
MaterialMeshes container(const Material& material, glm::vec3 size = {12.2f, 2.9f, 2.44f});

// A flat pad of `material`, `thickness` high.
MaterialMeshes pad(const Material& material, float sizeX, float sizeZ, float thickness = 0.2f);

}  // namespace ct::assetgen
