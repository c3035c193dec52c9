// The on-site gas plant: ten simple-cycle turbine units (campus-facts.md: 10 units, 360.5 MW,
// about 36 MW each), a control building and the plant fence.
//
// Each unit is a turbine hall (the enclosure around the gas turbine and generator) with its air
// inlet filter house at one end, the exhaust stack at the other and a step-up transformer
// beside it. The two turbine makes are drawn alike; at campus scale they look the same.
#include "models.h"
#include "site_parts.h"

#include <cstdio>
#include <numbers>

namespace ct::assetgen {

namespace {

constexpr int kUnits = 10;
constexpr int kUnitsPerRow = 5;
constexpr float kUnitPitch = 42.0f;  // east-west
constexpr float kRowOffset = 38.0f;  // rows sit at z = -/+ this
constexpr float kStackHeight = 25.0f;
constexpr float kStackX = 14.5f;  // the stack's axis along the unit

// One unit, its long axis east-west: inlet at -X, stack at +X, transformer on the +Z side.
MaterialMeshes turbineUnit() {
    MaterialMeshes out;
    out.add(pad(palette::kConcrete, 38.0f, 22.0f, 0.3f));
    out.add(palette::kTurbineHall, box({-9.0f, 0.3f, -5.0f}, {9.0f, 9.0f, 5.0f}));
    // Filter house: a taller box on legs, its louvred face dark.
    out.add(palette::kTurbineHall, box({-16.0f, 6.0f, -5.5f}, {-9.0f, 14.0f, 5.5f}, kAllFaces));
    out.add(palette::kDockDoor, box({-16.05f, 6.5f, -5.0f}, {-16.0f, 13.5f, 5.0f}, kFaceNegX));
    for (float z : {-4.5f, 4.5f}) {
        out.add(palette::kSteel, box({-15.5f, 0.3f, z - 0.3f}, {-14.9f, 6.0f, z + 0.3f}));
    }
    // Exhaust: a duct from the hall to the stack, then the stack itself.
    out.add(palette::kStack, box({9.0f, 2.0f, -2.5f}, {12.0f, 7.0f, 2.5f}));
    out.add(palette::kStack, taperedCylinder(3.0f, 2.6f, kStackHeight - 0.3f, 24), translation({kStackX, 0.3f, 0.0f}));
    out.add(palette::kFan, disc(2.3f, 24), translation({kStackX, kStackHeight + 0.01f, 0.0f}));
    out.add(yardTransformer(6.0f), translation({0.0f, 0.3f, 8.5f}));
    return out;
}

MaterialMeshes controlBuilding() {
    MaterialMeshes out;
    out.add(palette::kWall, box({-20.0f, 0.0f, -8.0f}, {20.0f, 6.0f, 8.0f}, kSidesAndTop & ~kFacePosY));
    out.add(palette::kRoof, box({-20.0f, 0.0f, -8.0f}, {20.0f, 6.0f, 8.0f}, kFacePosY));
    out.add(palette::kDockDoor,
            box({-2.0f, 0.0f, 8.0f}, {2.0f, 3.0f, 8.1f}, kFacePosZ | kFacePosX | kFaceNegX | kFacePosY));
    return out;
}

float plantHalfWidth() {
    return kUnitPitch * kUnitsPerRow / 2 + 20.0f;
}
float plantHalfDepth() {
    return kRowOffset + 45.0f;
}

}  // namespace

GltfWriter makeGasPlant() {
    GltfWriter w("gas_plant");
    const int plant = w.addNode("gas_plant", w.addMesh("gas_plant_yard", pad(palette::kGravel, plantHalfWidth() * 2,
                                                                             plantHalfDepth() * 2, 0.05f)));
    w.addRoot(plant);
    const int unitMesh = w.addMesh("gas_turbine_unit", turbineUnit());
    for (int i = 0; i < kUnits; ++i) {
        const int row = i / kUnitsPerRow;
        const int col = i % kUnitsPerRow;
        NodeTransform at;
        at.translation = {(col + 0.5 - kUnitsPerRow / 2.0) * kUnitPitch, 0.05, (row == 0 ? -1.0 : 1.0) * kRowOffset};
        if (row == 1) {
            // The south row faces the north row across the access road: transformers on the road side.
            at.rotation = axisAngle(std::numbers::pi, {0.0, 1.0, 0.0});
        }
        char name[16];
        std::snprintf(name, sizeof name, "unit_%02d", i + 1);
        const int unit = w.addNode(name, unitMesh, at);
        w.addChild(plant, unit);
        // The stack's mouth, where the renderer starts the unit's exhaust plume.
        NodeTransform mouth;
        mouth.translation = {kStackX, kStackHeight, 0.0};
        std::snprintf(name, sizeof name, "exhaust_%02d", i + 1);
        w.addChild(unit, w.addNode(name, -1, mouth));
    }
    NodeTransform controlAt;
    controlAt.translation = {0.0, 0.05, plantHalfDepth() - 16.0};
    w.addChild(plant, w.addNode("control_building", w.addMesh("control_building", controlBuilding()), controlAt));
    w.addChild(plant, w.addNode("fence",
                                w.addMesh("fence", fenceAroundRect(plantHalfWidth() - 1.0f, plantHalfDepth() - 1.0f))));
    return w;
}

}  // namespace ct::assetgen
