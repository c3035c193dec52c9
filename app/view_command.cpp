#include "view_command.h"

#include "exit_codes.h"
#include "render/data_dir.h"
#include "render/image_file.h"
#include "render/offscreen_capture.h"
#include "scene/load_gltf.h"

#ifdef CT_HAVE_WINDOW
#include "window/viewer.h"
#endif

#include <cstdio>
#include <filesystem>
#include <sstream>

namespace ct::app {

namespace {

std::optional<glm::vec3> parseVec3(const std::string& text) {
    std::istringstream in(text);
    glm::vec3 v;
    char comma1 = 0;
    char comma2 = 0;
    if (!(in >> v.x >> comma1 >> v.y >> comma2 >> v.z) || comma1 != ',' || comma2 != ',') return std::nullopt;
    in >> std::ws;
    if (!in.eof() || !std::isfinite(v.x) || !std::isfinite(v.y) || !std::isfinite(v.z)) return std::nullopt;
    return v;
}

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

int badInput(const std::string& message) {
    std::fprintf(stderr, "campus-twin view: %s\n", message.c_str());
    return kExitBadInput;
}

}  // namespace

void addViewCommand(CLI::App& app, ViewOptions& o) {
    CLI::App* view = app.add_subcommand("view", "Show a glTF 2.0 file (.gltf or .glb) in a window, or render it to a PNG");
    view->add_option("file", o.file, "The glTF file")->required();
    view->add_option("--out", o.out, "Render headless (no window system) and write this PNG");
    view->add_option("--width", o.width, "Image or window width in pixels")->check(CLI::Range(16u, 16384u));
    view->add_option("--height", o.height, "Image or window height in pixels")->check(CLI::Range(16u, 16384u));
    auto* camera = view->add_option("--camera", o.camera, "View from the glTF camera with this camera or node name");
    auto* eye = view->add_option("--eye", o.eye, "Camera position x,y,z in metres (with --target)");
    auto* target = view->add_option("--target", o.target, "Point looked at x,y,z in metres (with --eye)");
    eye->needs(target);
    target->needs(eye);
    camera->excludes(eye)->excludes(target);
    view->add_option("--sun-elevation", o.sunElevation, "Sun elevation above the horizon, degrees")
        ->check(CLI::Range(-90.0f, 90.0f));
    view->add_option("--sun-azimuth", o.sunAzimuth, "Sun azimuth clockwise from north (-Z), degrees");
    view->add_flag("--no-shadows", o.noShadows, "Turn off the sun's shadow map");
    view->add_option("--pick", o.pick, "Headless: print the node under pixel x,y of the rendered image");
    view->add_option("--frames", o.frames, "Window: close after N frames (0: when the window is closed)")
        ->check(CLI::NonNegativeNumber);
}

int runView(const GlobalOptions& global, const ViewOptions& o) {
    scene::LoadResult loaded = scene::loadGltf(o.file);
    if (!loaded.ok()) {
        std::fprintf(stderr, "%s\n", loaded.error.c_str());
        return kExitBadInput;
    }
    const scene::Scene& scene = *loaded.scene;
    for (const auto& warning : scene.warnings) std::fprintf(stderr, "warning: %s: %s\n", o.file.c_str(), warning.c_str());

    const float aspect = static_cast<float>(o.width) / static_cast<float>(o.height);
    render::Camera camera;
    if (!o.camera.empty()) {
        const int index = render::findSceneCamera(scene, o.camera);
        if (index < 0) {
            std::string names;
            for (const auto& placed : scene.placedCameras)
                names += (names.empty() ? "" : ", ") + scene.nodes[placed.node].name;
            return badInput("--camera " + o.camera + ": no such camera in " + o.file +
                            (names.empty() ? " (it has none)" : " (it has: " + names + ")"));
        }
        camera = render::cameraFromScene(scene, index);
    } else if (!o.eye.empty()) {
        const auto eye = parseVec3(o.eye);
        const auto target = parseVec3(o.target);
        if (!eye) return badInput("--eye " + o.eye + ": expected three numbers x,y,z");
        if (!target) return badInput("--target " + o.target + ": expected three numbers x,y,z");
        if (glm::length(*eye - *target) < 1e-6f) return badInput("--eye and --target are the same point");
        camera.eye = *eye;
        camera.target = *target;
        render::fitDepthRange(camera, scene.bounds);
    } else {
        camera = render::frameBounds(scene.bounds, aspect);
    }

    render::Lighting lighting;
    lighting.sunDirection = render::sunDirectionFromAngles(o.sunElevation, o.sunAzimuth);
    lighting.shadows = !o.noShadows;

    std::string out = o.out;
#ifdef CT_HAVE_WINDOW
    if (out.empty() && window::displayAvailable()) {
        window::ViewerOptions viewer;
        viewer.title = "Campus Twin - " + std::filesystem::path(o.file).filename().string();
        viewer.width = o.width;
        viewer.height = o.height;
        viewer.validate = global.validate;
        viewer.device = global.device;
        viewer.maxFrames = o.frames;
        const window::ViewerResult result = window::runViewer(scene, camera, lighting, viewer);
        if (global.validate && result.validation.total() > 0) {
            std::fprintf(stderr, "campus-twin: %d validation error(s), %d warning(s)\n", result.validation.errors,
                         result.validation.warnings);
            return kExitFailure;
        }
        return kExitOk;
    }
#endif
    if (out.empty()) {
        // No display: render headless instead of failing, so the command is useful anywhere.
        out = (std::filesystem::path("out") / std::filesystem::path(o.file).stem()).string() + ".png";
        std::fprintf(stderr, "No display found: rendering headless instead of opening a window.\n");
    }

    vk::Context context({.validation = global.validate, .deviceIndex = global.device});
    render::Renderer renderer(context, render::shaderDir(), {.extent = {o.width, o.height}});
    renderer.setScene(scene);
    render::OffscreenCapture capture(context, renderer);
    const render::CapturedFrame frame = capture.render(camera, lighting);
    const std::string error = render::writePng(out, {frame.width, frame.height, frame.rgba});
    if (!error.empty()) return badInput(error);
    std::printf("%s\n", std::filesystem::absolute(out).string().c_str());
    std::fprintf(stderr, "%ux%u, %u draw calls (%u in the shadow pass), %llu instances, %llu triangles\n", frame.width,
                 frame.height, frame.stats.drawCalls, frame.stats.shadowDrawCalls,
                 static_cast<unsigned long long>(frame.stats.instances),
                 static_cast<unsigned long long>(frame.stats.triangles));
    if (!o.pick.empty()) {
        unsigned x = 0;
        unsigned y = 0;
        if (!parsePixel(o.pick, x, y) || x >= frame.width || y >= frame.height)
            return badInput("--pick " + o.pick + ": expected a pixel x,y inside the image");
        const int node = frame.nodeAt(x, y);
        if (node < 0)
            std::printf("pick %u,%u: nothing\n", x, y);
        else
            std::printf("pick %u,%u: node %d \"%s\" instance %d\n", x, y, node, scene.nodes[node].name.c_str(),
                        frame.instanceAt(x, y));
    }
    if (global.validate && context.validationCounts().total() > 0) {
        std::fprintf(stderr, "campus-twin: %d validation error(s), %d warning(s)\n", context.validationCounts().errors,
                     context.validationCounts().warnings);
        return kExitFailure;
    }
    return kExitOk;
}

}  // namespace ct::app
