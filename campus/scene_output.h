// Shows a scene the way every subcommand does: in a window where there is a display and no
// --out, otherwise rendered headless to a PNG whose path is printed. One place, so `view`,
// `render` and later commands behave alike.
#pragma once

#include "campus/campus_options.h"
#include "campus/outcome.h"
#include "render/camera.h"
#include "render/lighting.h"
#include "render/render_quality.h"
#include "render/renderer.h"
#include "scene/scene.h"
#include "vk/context.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace ct::campus {

// The renderer's culling path named by --culling (auto for anything it does not name).
render::InstanceCulling instanceCulling(const DeviceOptions& device);

struct OutputOptions {
    std::string out;  // PNG path; empty: window, or out/<defaultName>.png without a display
    std::string defaultName;
    std::string title;
    unsigned width = 1280;
    unsigned height = 720;
    std::string pick;  // "x,y"
    // Headless: largest tile side; 0: the device's limit, or $CT_TILE_SIZE. Larger images are
    // rendered as a grid of tiles and stitched (render/tiled_capture.h).
    unsigned tileSize = 0;
    int frames = 0;
    // Describes the node under a picked pixel; by default its name.
    std::function<std::string(int node, int instance)> describePick;
    // Headless: called once the renderer exists, on its device (e.g. to compute a heat map and
    // set it as the ground overlay); what it returns is kept alive until the frame is written.
    std::function<std::shared_ptr<void>(vk::Context&, render::Renderer&)> prepareRenderer;
    bool needsHeadless = false;  // the prepared content exists only headless (no window yet)
    bool stats = false;          // --stats: print where the frame's time went (render/frame_report.h)
    // Unset: standard headless; in a window, by the device (render/render_quality.h).
    std::optional<render::QualityPreset> quality;
    std::vector<render::Lamp> lamps;  // of the scene (render/lamps.h), lit by Lighting::siteLights
    // Headless: each node's look and motion (render/node_animation.h); empty: as composed.
    std::vector<render::NodeAnimation> animations;
    std::vector<render::Plume> plumes;  // exhaust plumes (render/plumes.h)
};

// --tile-size for commands that write PNGs.
// The largest tile side to render with: the device's limit, lowered by `forced` (--tile-size)
// or, where that is 0, by $CT_TILE_SIZE (tests).
std::uint32_t tileLimit(const vk::Context& context, unsigned forced);

// With --validate, a run that drew any validation message failed, whatever it produced: the
// message counts as a runtime failure. Without it (or with no messages), done.
Outcome validationOutcome(bool validated, const vk::ValidationCounts& counts);

Outcome showScene(const DeviceOptions& global, const scene::Scene& scene, const render::Camera& camera,
                  const render::Lighting& lighting, const OutputOptions& output);

}  // namespace ct::campus
