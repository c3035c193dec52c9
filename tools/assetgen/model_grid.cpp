// Grid equipment: the campus substation (campus-facts.md: a 200 MW substation, to grow about
// five-fold) and the battery yard. No layout is published; these are plausible yards.
#include "models.h"
#include "site_parts.h"

#include <string>

namespace ct::assetgen {

namespace {

constexpr float kYardX = 150.0f;
constexpr float kYardZ = 100.0f;
constexpr float kGantryHeight = 15.0f;

// One busbar gantry: two lattice-like legs and a crossbeam, drawn as thin steel boxes.
void addGantry(MaterialMeshes& out, glm::vec3 at, float span) {
    for (float side : {-0.5f, 0.5f}) {
        out.add(palette::kSteel, boxOnGround({0.6f, kGantryHeight, 0.6f}),
                translation(at + glm::vec3(0, 0, side * span)));
    }
    out.add(palette::kSteel, box({-0.3f, kGantryHeight - 0.8f, -span / 2}, {0.3f, kGantryHeight, span / 2}, kAllFaces),
            translation(at));
}

// Gantry lines across the yard's north half with three busbar phases strung between them,
// and post insulators with disconnect switches under the bars.
MaterialMeshes busbars() {
    MaterialMeshes out;
    const float span = 16.0f;
    const float firstX = -kYardX / 2 + 20.0f;
    const float lastX = kYardX / 2 - 20.0f;
    for (float z : {-32.0f, -12.0f}) {
        for (int i = 0; i <= 5; ++i) {
            const float x = firstX + (lastX - firstX) * static_cast<float>(i) / 5.0f;
            addGantry(out, {x, 0.0f, z}, span);
        }
        for (int phase = -1; phase <= 1; ++phase) {
            const float pz = z + static_cast<float>(phase) * 4.0f;
            out.add(palette::kSteel, box({firstX, 10.0f, pz - 0.1f}, {lastX, 10.2f, pz + 0.1f}, kAllFaces));
            for (int i = 0; i < 10; ++i) {
                const float x = firstX + 5.0f + (lastX - firstX - 10.0f) * static_cast<float>(i) / 9.0f;
                out.add(palette::kSteel, boxOnGround({0.4f, 6.0f, 0.4f}), translation({x, 0.0f, pz}));
                out.add(palette::kInsulator, taperedCylinder(0.18f, 0.12f, 4.0f, 8), translation({x, 6.0f, pz}));
            }
        }
    }
    return out;
}

MaterialMeshes controlHouse() {
    MaterialMeshes out;
    out.add(palette::kWall, box({-12.0f, 0.0f, -6.0f}, {12.0f, 5.0f, 6.0f}, kSidesAndTop & ~kFacePosY));
    out.add(palette::kRoof, box({-12.0f, 0.0f, -6.0f}, {12.0f, 5.0f, 6.0f}, kFacePosY));
    return out;
}

}  // namespace

GltfWriter makeSubstation() {
    GltfWriter w("substation");
    const int root = w.addNode("substation", w.addMesh("substation_yard", pad(palette::kGravel, kYardX, kYardZ, 0.1f)));
    w.addRoot(root);
    // Four main transformers in a row along the south half, with fire walls between them.
    const int transformerMesh = w.addMesh("transformer", yardTransformer(10.0f));
    for (int i = 0; i < 4; ++i) {
        NodeTransform at;
        at.translation = {-45.0 + 30.0 * i, 0.1, 22.0};
        w.addChild(root, w.addNode("transformer_" + std::to_string(i + 1), transformerMesh, at));
    }
    MaterialMeshes walls;
    for (int i = 0; i < 3; ++i) {
        walls.add(palette::kConcrete, boxOnGround({0.4f, 8.0f, 12.0f}),
                  translation({-30.0f + 30.0f * static_cast<float>(i), 0.1f, 22.0f}));
    }
    w.addChild(root, w.addNode("fire_walls", w.addMesh("fire_walls", walls)));
    w.addChild(root, w.addNode("busbars", w.addMesh("busbars", busbars())));
    NodeTransform houseAt;
    houseAt.translation = {52.0, 0.1, 36.0};
    w.addChild(root, w.addNode("control_house", w.addMesh("control_house", controlHouse()), houseAt));
    w.addChild(root, w.addNode("fence", w.addMesh("fence", fenceAroundRect(kYardX / 2 - 1.0f, kYardZ / 2 - 1.0f))));
    return w;
}

GltfWriter makeBattery() {
    // 40 enclosures in four rows of ten, each pair of rows sharing an aisle of inverter skids.
    constexpr int kRows = 4;
    constexpr int kPerRow = 10;
    constexpr float kPitchX = 14.5f;
    constexpr float kRowZ[kRows] = {-21.0f, -9.0f, 9.0f, 21.0f};
    GltfWriter w("battery");
    MaterialMeshes yard = pad(palette::kGravel, kPitchX * kPerRow + 20.0f, 64.0f, 0.1f);
    for (int r = 0; r < kRows; ++r) {
        for (int i = 0; i < kPerRow; ++i) {
            const float x = (static_cast<float>(i) + 0.5f - kPerRow / 2.0f) * kPitchX;
            yard.add(pad(palette::kConcrete, 13.0f, 3.4f, 0.3f), translation({x, 0.1f, kRowZ[r]}));
            yard.add(container(palette::kBatteryContainer), translation({x, 0.4f, kRowZ[r]}));
        }
    }
    yard.add(fenceAroundRect(kPitchX * kPerRow / 2 + 9.0f, 31.0f));
    const int root = w.addNode("battery", w.addMesh("battery_containers", yard));
    w.addRoot(root);

    MaterialMeshes skids;
    for (float z : {-15.0f, 15.0f}) {
        for (int i = 0; i < kPerRow / 2; ++i) {
            const float x = (static_cast<float>(i) + 0.5f - kPerRow / 4.0f) * kPitchX * 2.0f;
            skids.add(pad(palette::kConcrete, 12.0f, 4.0f, 0.3f), translation({x, 0.1f, z}));
            skids.add(container(palette::kInverter, {6.1f, 2.6f, 2.44f}), translation({x - 2.5f, 0.4f, z}));
            skids.add(yardTransformer(2.6f), translation({x + 3.5f, 0.4f, z}));
        }
    }
    w.addChild(root, w.addNode("inverters", w.addMesh("inverters", skids)));
    return w;
}

}  // namespace ct::assetgen
