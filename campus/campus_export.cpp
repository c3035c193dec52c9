#include "campus/campus_export.h"

namespace ct::campus {

Result<scene::WriteResult> exportCampus(const CampusScene& campus, const std::filesystem::path& out) {
    if (const std::string problem = scene::gltfOutputProblem(out); !problem.empty())
        return badInput(out.string() + ": " + problem);
    scene::WriteOptions options;
    options.generator = "Campus Twin (campus-twin export)";
    options.nodeExtras = [&](int node) {
        return scene::NodeExtras{{kEntityExtrasKey, entityOfNode(campus.scene, node)}};
    };
    scene::WriteResult written = scene::writeGltf(campus.scene, out, options);
    // The place was checked above: what fails now is the scene, or the disk while writing.
    if (!written.ok()) return failure(written.error);
    return written;
}

}  // namespace ct::campus
