// Per-node display changes the renderer applies each frame without re-uploading the scene:
// hiding a node, lifting it vertically (a building rising out of the ground), clipping
// everything below a height (so the part still "underground" never shows, terrain or not), and
// a scaffold look (a lattice of poles and ledgers) above a height, solid below it — the look of
// a building under construction; a highlight tint for the node a user selected; and a rigid
// motion in the world after the node's placement: a rotor turning about its hub, a nacelle about
// its tower, a tracker row about its torque tube; and a spin of each instance about its own axis
// (a cooler bank's fans).
//
//   std::vector<NodeAnimation> animations(scene.nodes.size());
//   animations[hall] = {.lift_m = -12.0f, .clipBelowY = 0.0f, .scaffoldAboveY = 4.0f};
//   renderer.setNodeAnimations(animations);   // empty: every node as in the scene
//
// A node the scene marks onDemand is drawn only while its animation says `shown` (and not hidden).
//
// Shadows follow the lift and the motion: a scaffolded node casts its full shape, and the part
// below the clip still casts (it is underground, where the terrain hides it). Heights are world y
// after the motion and the lift. Culling keeps the nodes' unlifted bounds, moved by the motion,
// so lifts must be downward (<= 0) with the clip at or above the original bottom: what is drawn
// then stays inside the bounds that were culled. The shadow map is drawn again when a caster's
// motion turns it by more than kShadowMotionTolerance (render/renderer.h), so a slowly turning
// tracker does not redraw it every frame; a part that turns fast (a rotor) is best left out of the
// casters (scene::Node::castsShadow).
#pragma once

#include <glm/glm.hpp>

#include <limits>

namespace ct::render {

struct NodeAnimation {
    bool hidden = false;
    bool shown = false;  // draws a node that is drawn only on demand (scene::Node::onDemand)
    float lift_m = 0.0f;
    float clipBelowY = -std::numeric_limits<float>::max();
    float scaffoldAboveY = std::numeric_limits<float>::max();
    float highlight = 0.0f;  // 0..1: tinted toward the selection colour (a picked building)
    glm::mat4 motion{1.0f};  // rigid: world to moved world, applied before the lift
    // Each instance's mesh turned about its own +y by this much before its placement: the fans of
    // a cooler bank, every one in its shroud. The mesh's bounds must hold it at any turn (a fan
    // within its round shroud does), and the shadow map is drawn again when it changes: spun parts
    // are best left out of the casters.
    float spin_rad = 0.0f;
    // A turn of what a procedural surface draws, on top of its material's: the trackers a solar
    // row's far stand-in draws (scene::ProceduralSurface::SolarRows, its material's tilt), so the
    // farm seen from afar turns with the rows near.
    float surfaceTurn_rad = 0.0f;

    bool operator==(const NodeAnimation&) const = default;
};

}  // namespace ct::render
