#include "view_command.h"

#include "campus/scene_output.h"
#include "campus/sun_lighting.h"
#include "render/data_dir.h"
#include "scene/load_gltf.h"

#include <cstdio>
#include <filesystem>
#include <sstream>

namespace ct::app {

using namespace ct::campus;  // the campus library these commands call

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

}  // namespace

Outcome runView(const GlobalOptions& global, const ViewOptions& o) {
    scene::LoadResult loaded = scene::loadGltf(o.file);
    if (!loaded.ok()) return badInput(loaded.error);
    const scene::Scene& scene = *loaded.scene;
    for (const auto& warning : scene.warnings)
        std::fprintf(stderr, "warning: %s: %s\n", o.file.c_str(), warning.c_str());

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

    OutputOptions output;
    output.out = o.out;
    output.defaultName = std::filesystem::path(o.file).stem().string();
    output.title = "Campus Twin - " + std::filesystem::path(o.file).filename().string();
    output.width = o.width;
    output.height = o.height;
    output.tileSize = o.tileSize;
    output.pick = o.pick;
    output.frames = o.frames;
    output.stats = o.stats;
    output.quality = render::parseQualityPreset(o.quality);
    return showScene(global, scene, camera, fixedLighting(o.lighting), output);
}

}  // namespace ct::app
