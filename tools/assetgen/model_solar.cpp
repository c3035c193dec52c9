// Single-axis tracker solar: one module for near views, a merged row for far views, and a
// demonstration block drawing 10,000 modules from one mesh through EXT_mesh_gpu_instancing.
//
// Modules are mounted one-in-portrait: the 2.2 m long side runs east-west across the tracker's
// torque tube, which runs north-south (z). A tracker tilts its modules about that tube, so the
// `panel` mesh has its origin on the tube axis and the renderer turns it about local Z.
#include "models.h"
#include "site_parts.h"

#include <numbers>

namespace ct::assetgen {

namespace {

constexpr glm::vec3 kModuleSize{2.2f, 0.04f, 1.1f};
constexpr float kModulePitch = 1.13f;  // along the row, modules plus their gaps
constexpr float kAxisHeight = 1.5f;    // torque tube above the ground
constexpr float kModuleLift = 0.12f;   // module underside above the tube axis
constexpr float kTubeRadius = 0.065f;
constexpr int kPanelsPerRow = 100;
constexpr int kRowsPerBlock = 100;
constexpr float kRowPitch = 5.5f;  // east-west: a ground coverage ratio of 0.4

// A module of length `along` (z) on its piece of torque tube; the cells face +Y.
MaterialMeshes moduleOnTube(float along, float tubeLength) {
    MaterialMeshes out;
    const glm::vec3 lo(-kModuleSize.x / 2, kModuleLift, -along / 2);
    const glm::vec3 hi(kModuleSize.x / 2, kModuleLift + kModuleSize.y, along / 2);
    // The face's texture coordinates are metres from its corner: u along the module's long side
    // (x), v along the row (z), where a merged row repeats its modules.
    Mesh face = box(lo, hi, kFacePosY);
    for (const glm::vec3& p : face.positions)
        face.uvs.emplace_back(p.x - lo.x, p.z - lo.z);
    out.add(palette::kSolarCell, face);
    out.add(palette::kPanelFrame, box(lo, hi, kAllFaces & ~kFacePosY));
    // The tube runs along z: a cylinder built along +Y turned down onto the z axis.
    out.add(palette::kSteel, taperedCylinder(kTubeRadius, kTubeRadius, tubeLength, 8, true),
            translation({0, 0, tubeLength / 2}) * rotationX(-std::numbers::pi_v<float> / 2));
    return out;
}

MaterialMeshes inverterStation() {
    MaterialMeshes out;
    out.add(pad(palette::kConcrete, 16.0f, 6.0f, 0.3f));
    out.add(container(palette::kInverter, {6.1f, 2.9f, 2.44f}), translation({-3.5f, 0.3f, 0.0f}));
    out.add(yardTransformer(3.0f), translation({4.0f, 0.3f, 0.0f}));
    return out;
}

float rowLength() {
    return kModulePitch * static_cast<float>(kPanelsPerRow);
}

}  // namespace

GltfWriter makeSolarRow() {
    GltfWriter w("solar_row");
    NodeTransform onAxis;
    onAxis.translation = {0.0, kAxisHeight, 0.0};
    // Both nodes stand on the same axis: they are two levels of detail of one row, not two
    // objects, so viewing this file shows the strip with the one panel inside it.
    const int panel = w.addNode("panel", w.addMesh("panel", moduleOnTube(kModuleSize.z, kModulePitch)), onAxis);
    w.setExtras(panel, {{"axis_height_m", kAxisHeight},
                        {"module_width_m", kModuleSize.x},
                        {"module_length_m", kModuleSize.z},
                        {"pitch_m", kModulePitch}});
    w.addRoot(panel);
    // The far-view row: one slab the length of the row, as its 100 modules look from a distance.
    const int strip = w.addNode("row_strip", w.addMesh("row_strip", moduleOnTube(rowLength(), rowLength())), onAxis);
    w.setExtras(strip, {{"axis_height_m", kAxisHeight},
                        {"panels", kPanelsPerRow},
                        {"pitch_m", kModulePitch},
                        {"row_pitch_m", kRowPitch}});
    w.addRoot(strip);
    return w;
}

GltfWriter makeSolarBlock() {
    GltfWriter w("solar_block");
    const int block = w.addNode("solar_block");
    w.addRoot(block);

    Instances instances;
    // An afternoon pose: every tracker tilted 25 degrees so its modules face west (-X).
    const glm::quat tilt = glm::angleAxis(glm::radians(25.0f), glm::vec3(0, 0, 1));
    for (int row = 0; row < kRowsPerBlock; ++row) {
        const float x = (static_cast<float>(row) + 0.5f - kRowsPerBlock / 2.0f) * kRowPitch;
        for (int i = 0; i < kPanelsPerRow; ++i) {
            const float z = (static_cast<float>(i) + 0.5f - kPanelsPerRow / 2.0f) * kModulePitch;
            instances.translations.emplace_back(x, kAxisHeight, z);
            instances.rotations.push_back(tilt);
        }
    }
    const int panels = w.addNode("panels", w.addMesh("panel", moduleOnTube(kModuleSize.z, kModulePitch)));
    w.setInstances(panels, instances);
    w.addChild(block, panels);

    NodeTransform stationAt;
    stationAt.translation = {0.0, 0.0, rowLength() / 2 + 10.0};
    w.addChild(block, w.addNode("inverter_station", w.addMesh("inverter_station", inverterStation()), stationAt));
    return w;
}

}  // namespace ct::assetgen
