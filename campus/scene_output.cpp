#include "campus/scene_output.h"

#include "render/data_dir.h"
#include "render/frame_report.h"
#include "render/image_file.h"
#include "render/offscreen_capture.h"
#include "render/supersample.h"
#include "render/tiled_capture.h"

#ifdef CT_HAVE_WINDOW
#include "window/viewer.h"
#endif

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <sstream>

namespace ct::campus {

render::InstanceCulling instanceCulling(const DeviceOptions& device) {
    return render::parseInstanceCulling(device.culling).value_or(render::InstanceCulling::Auto);
}

namespace {

bool parsePixel(const std::string& text, unsigned& x, unsigned& y) {
    std::istringstream in(text);
    char comma = 0;
    long long px = -1;
    long long py = -1;
    if (!(in >> px >> comma >> py) || comma != ',' || px < 0 || py < 0) return false;
    x = static_cast<unsigned>(px);
    y = static_cast<unsigned>(py);
    return true;
}

}  // namespace

Outcome validationOutcome(bool validated, const vk::ValidationCounts& counts) {
    if (!validated || counts.total() == 0) return done();
    return failure(std::to_string(counts.errors) + " validation error(s), " + std::to_string(counts.warnings) +
                   " warning(s)");
}

std::uint32_t tileLimit(const vk::Context& context, unsigned forced) {
    std::uint32_t limit = render::deviceTileLimit(context.properties().limits);
    if (forced == 0) {
        if (const char* env = std::getenv("CT_TILE_SIZE"))
            forced = static_cast<unsigned>(std::strtoul(env, nullptr, 10));
    }
    if (forced > 0) limit = std::min(limit, std::max(forced, 16u));
    return limit;
}

Outcome showScene(const DeviceOptions& global, const scene::Scene& scene, const render::Camera& camera,
                  const render::Lighting& lighting, const OutputOptions& o) {
    unsigned pickX = 0;
    unsigned pickY = 0;
    if (!o.pick.empty() && (!parsePixel(o.pick, pickX, pickY) || pickX >= o.width || pickY >= o.height))
        return badInput("--pick " + o.pick + ": expected a pixel x,y inside the " + std::to_string(o.width) + "x" +
                        std::to_string(o.height) + " image");
    std::string out = o.out;
#ifdef CT_HAVE_WINDOW
    if (out.empty() && window::displayAvailable() && !o.needsHeadless) {
        window::ViewerOptions viewer;
        viewer.title = o.title;
        viewer.width = o.width;
        viewer.height = o.height;
        viewer.validate = global.validate;
        viewer.device = global.device;
        viewer.culling = instanceCulling(global);
        viewer.maxFrames = o.frames;
        viewer.printStats = o.stats;
        viewer.quality = o.quality;
        const window::ViewerResult result = window::runViewer(scene, camera, lighting, viewer);
        return validationOutcome(global.validate, result.validation);
    }
#endif
    if (out.empty()) {
        // No display: render headless instead of failing, so the command is useful anywhere.
        out = (std::filesystem::path("out") / o.defaultName).string() + ".png";
        std::fprintf(stderr, "No display found: rendering headless instead of opening a window.\n");
    }

    vk::Context context({.validation = global.validate, .deviceIndex = global.device});
    const render::RenderQuality quality = render::renderQuality(o.quality.value_or(render::QualityPreset::Standard));
    // Supersampled, the frame is rendered larger (in tiles where the device needs them) and shrunk.
    const render::TileGrid grid = render::planTiles(o.width * quality.supersample, o.height * quality.supersample,
                                                    tileLimit(context, o.tileSize));
    render::RendererOptions rendering = render::rendererOptions(quality, {grid.tileWidth, grid.tileHeight});
    rendering.culling = instanceCulling(global);
    render::Renderer renderer(context, render::shaderDir(), rendering);
    renderer.setScene(scene);
    renderer.setLamps(o.lamps);
    if (!o.animations.empty()) renderer.setNodeAnimations(o.animations);
    renderer.setPlumes(o.plumes);
    const std::shared_ptr<void> prepared = o.prepareRenderer ? o.prepareRenderer(context, renderer) : nullptr;
    render::OffscreenCapture capture(context, renderer);
    if (grid.count() > 1)
        std::fprintf(stderr, "Rendering %u tiles of %ux%u\n", grid.count(), grid.tileWidth, grid.tileHeight);
    const auto started = std::chrono::steady_clock::now();
    const render::CapturedFrame frame =
        render::downsample(render::renderTiled(capture, grid, camera, lighting), quality.supersample);
    const double cpuMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    if (const std::string error = render::writePng(out, {frame.width, frame.height, frame.rgba}); !error.empty())
        return badInput(error);
    std::printf("%s\n", std::filesystem::absolute(out).string().c_str());
    std::fprintf(stderr,
                 "%ux%u, %u draw calls (%u in the shadow pass), %llu of %llu instances drawn, %llu triangles "
                 "submitted (%llu in the shadow pass)\n",
                 frame.width, frame.height, frame.stats.drawCalls, frame.stats.shadowDrawCalls,
                 static_cast<unsigned long long>(frame.stats.visibleInstances),
                 static_cast<unsigned long long>(frame.stats.instances),
                 static_cast<unsigned long long>(frame.stats.mainTriangles),
                 static_cast<unsigned long long>(frame.stats.shadowTriangles));
    if (o.stats) {
        render::FrameReport report;
        report.add(frame.stats, cpuMs);
        std::fprintf(stderr, "%s\n", report.report(context.allocator().stats()).c_str());
    }
    if (!o.pick.empty()) {
        const int node = frame.nodeAt(pickX, pickY);
        if (node < 0) {
            std::printf("pick %u,%u: nothing\n", pickX, pickY);
        } else {
            const int instance = frame.instanceAt(pickX, pickY);
            const std::string what = o.describePick ? o.describePick(node, instance)
                                                    : "node " + std::to_string(node) + " \"" + scene.nodes[node].name +
                                                          "\" instance " + std::to_string(instance);
            std::printf("pick %u,%u: %s\n", pickX, pickY, what.c_str());
        }
    }
    return validationOutcome(global.validate, context.validationCounts());
}

}  // namespace ct::campus
