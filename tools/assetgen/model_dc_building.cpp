// The H-shaped, single-storey data-center building: two long wings joined by a taller core, with
// dry-cooler banks on the wing roofs and the yard equipment around it.
//
// Size (campus-facts.md): 482,000 sq ft is about 44,800 m2; two 300 m x 70 m wings and a 90 m x
// 80 m core give 49,200 m2, close enough for a plausible, not surveyed, model.
#include "models.h"
#include "site_parts.h"

#include <cstdio>
#include <numbers>
#include <string>

namespace ct::assetgen {

namespace {

struct DcBuildingSpec {
    const char* sceneName;
    float wingLength;  // north-south (z)
    float wingWidth;   // east-west (x)
    float wingHeight;
    float coreSpan;   // east-west gap between the wings that the core fills
    float coreDepth;  // north-south
    float coreHeight;
    int coolerColumnsPerWing;
    int coolerRowsPerWing;
    int generatorCount;
};

constexpr glm::vec3 kCoolerSize{32.0f, 3.0f, 9.0f};  // a bank of dry coolers on a low steel frame
constexpr float kFanRadius = 1.5f;                   // the blades' tips

// The bank's sixteen fans, two rows of eight along it: their axes at the top of its casing.
std::vector<glm::vec3> coolerFanCentres() {
    std::vector<glm::vec3> centres;
    const int fansPerRow = 8;
    for (int row = 0; row < 2; ++row)
        for (int i = 0; i < fansPerRow; ++i)
            centres.emplace_back((static_cast<float>(i) + 0.5f) / fansPerRow * kCoolerSize.x - kCoolerSize.x / 2,
                                 kCoolerSize.y + 0.02f, (static_cast<float>(row) - 0.5f) * kCoolerSize.z * 0.5f);
    return centres;
}

// The wings' outline, one H: west wing, core, east wing, walked around the edge.
std::vector<glm::vec2> hOutline(const DcBuildingSpec& s) {
    const float outer = s.coreSpan / 2 + s.wingWidth;
    const float inner = s.coreSpan / 2;
    const float wingEnd = s.wingLength / 2;
    const float coreEnd = s.coreDepth / 2;
    return {{-outer, -wingEnd}, {-inner, -wingEnd}, {-inner, -coreEnd}, {inner, -coreEnd},
            {inner, -wingEnd},  {outer, -wingEnd},  {outer, wingEnd},   {inner, wingEnd},
            {inner, coreEnd},   {-inner, coreEnd},  {-inner, wingEnd},  {-outer, wingEnd}};
}

MaterialMeshes buildingShell(const DcBuildingSpec& s) {
    MaterialMeshes out;
    const std::vector<glm::vec2> outline = hOutline(s);
    out.add(palette::kWall, polygonWalls(outline, 0.0f, s.wingHeight));
    out.add(palette::kRoof, polygonRoof(outline, s.wingHeight));
    // The core rises above the wings (electrical rooms, offices): only the part above the wing
    // roofs is built, so no faces hide inside the wings.
    const glm::vec3 lo(-s.coreSpan / 2, s.wingHeight, -s.coreDepth / 2);
    const glm::vec3 hi(s.coreSpan / 2, s.coreHeight, s.coreDepth / 2);
    out.add(palette::kWall, box(lo, hi, kAllFaces & ~kFacePosY & ~kFaceNegY));
    out.add(palette::kRoof, box(lo, hi, kFacePosY));
    // Offices in the core, glazed on its north face in the H's northern notch: two storeys of
    // windows 2.4 m wide every 3 m (the south face has the loading docks).
    const float coreEnd = s.coreDepth / 2;
    for (const float sill : {2.0f, 6.5f}) {
        for (float x = -s.coreSpan / 2 + 4.0f; x + 2.4f <= s.coreSpan / 2 - 4.0f; x += 3.0f)
            out.add(palette::kOfficeWindow,
                    box({x, sill, -coreEnd - 0.08f}, {x + 2.4f, sill + 1.8f, -coreEnd}, kAllFaces & ~kFacePosZ));
    }
    // A dark plinth line and a parapet cap make the long walls read at a distance.
    const float outer = s.coreSpan / 2 + s.wingWidth;
    for (float side : {-1.0f, 1.0f}) {
        const float x = side * (outer - 0.5f);
        out.add(palette::kCoolerBody,
                box({x - 0.5f, s.wingHeight, -s.wingLength / 2}, {x + 0.5f, s.wingHeight + 1.0f, s.wingLength / 2}));
    }
    return out;
}

MaterialMeshes coolerBank() {
    MaterialMeshes out;
    const float legHeight = 0.8f;
    out.add(palette::kCoolerBody, box({-kCoolerSize.x / 2, legHeight, -kCoolerSize.z / 2},
                                      {kCoolerSize.x / 2, kCoolerSize.y, kCoolerSize.z / 2}, kAllFaces));
    for (float x : {-1.0f, 1.0f}) {
        for (float z : {-1.0f, 1.0f}) {
            out.add(palette::kSteel, boxOnGround({0.3f, legHeight, 0.3f}),
                    translation({x * (kCoolerSize.x / 2 - 0.5f), 0.0f, z * (kCoolerSize.z / 2 - 0.5f)}));
        }
    }
    // Two rows of eight fan wells: the circles are what makes a dry cooler recognisable from
    // above. Their fans are a node of their own (coolerFan), turning with the twin.
    for (const glm::vec3& at : coolerFanCentres())
        out.add(palette::kFan, disc(kFanRadius + 0.1f, 16), translation(at));
    return out;
}

// One fan of a dry cooler, centred on its axis (+y): a hub and four blades, each a tapered quad
// pitched 20 degrees about its length. Four blades at right angles keep the mesh's bounds the
// same, to a centimetre, at any turn (render::NodeAnimation::spin_rad); 12 triangles a fan, for
// the thousands on a built-out campus.
MaterialMeshes coolerFan() {
    Mesh blades;
    const float root = 0.3f, tip = kFanRadius, rootHalfWidth = 0.16f, tipHalfWidth = 0.24f;
    const float pitch = glm::radians(20.0f);
    for (int b = 0; b < 4; ++b) {
        // Along +x, its chord across z, pitched about x, then turned into place.
        const glm::vec3 lean(0.0f, std::sin(pitch), std::cos(pitch));
        const glm::vec3 normal(0.0f, std::cos(pitch), -std::sin(pitch));
        const glm::mat4 place = rotationY(static_cast<float>(b) * std::numbers::pi_v<float> / 2);
        const std::uint32_t first = static_cast<std::uint32_t>(blades.positions.size());
        for (const glm::vec3& p :
             {glm::vec3(root, 0.0f, 0.0f) - lean * rootHalfWidth, glm::vec3(root, 0.0f, 0.0f) + lean * rootHalfWidth,
              glm::vec3(tip, 0.0f, 0.0f) + lean * tipHalfWidth, glm::vec3(tip, 0.0f, 0.0f) - lean * tipHalfWidth}) {
            blades.positions.push_back(glm::vec3(place * glm::vec4(p, 1.0f)));
            blades.normals.push_back(glm::vec3(place * glm::vec4(normal, 0.0f)));
        }
        blades.indices.insert(blades.indices.end(), {first, first + 1, first + 2, first, first + 2, first + 3});
    }
    MaterialMeshes out;
    out.add(palette::kFanBlade, blades);
    out.add(palette::kFanBlade, disc(root + 0.05f, 4), translation({0.0f, 0.05f, 0.0f}));
    return out;
}

MaterialMeshes transformerYard(float length) {
    MaterialMeshes out;
    const float width = 36.0f;
    out.add(pad(palette::kGravel, width, length, 0.1f));
    const int perRow = static_cast<int>(length / 20.0f);
    for (int col = 0; col < 2; ++col) {
        for (int i = 0; i < perRow; ++i) {
            const float z = (static_cast<float>(i) + 0.5f) / static_cast<float>(perRow) * length - length / 2;
            out.add(yardTransformer(7.0f), translation({(static_cast<float>(col) - 0.5f) * 16.0f, 0.1f, z}));
        }
    }
    out.add(fenceAroundRect(width / 2 - 0.5f, length / 2 - 0.5f));
    return out;
}

MaterialMeshes generatorRow(int count) {
    MaterialMeshes out;
    const float spacing = 5.5f;
    const float length = spacing * static_cast<float>(count) + 6.0f;
    out.add(pad(palette::kConcrete, 20.0f, length, 0.25f));
    for (int i = 0; i < count; ++i) {
        const float z = (static_cast<float>(i) + 0.5f) * spacing - spacing * static_cast<float>(count) / 2;
        // Long axis east-west, as generator sets line up against a wall.
        const glm::mat4 at = translation({0.0f, 0.25f, z}) * rotationY(std::numbers::pi_v<float> / 2);
        out.add(container(palette::kGeneratorEnclosure, {12.2f, 3.2f, 2.9f}), at);
        out.add(palette::kStack, taperedCylinder(0.35f, 0.35f, 2.2f, 10), at * translation({0.0f, 3.2f, 3.5f}));
    }
    return out;
}

// The docks sit on the core's south wall inside the H's southern notch; local +Z points away
// from the wall, so the node sits on the wall line.
MaterialMeshes loadingDocks(float span) {
    MaterialMeshes out;
    out.add(pad(palette::kConcrete, span - 4.0f, 36.0f, 0.15f), translation({0, 0, 18.0f}));
    const int doors = 8;
    for (int i = 0; i < doors; ++i) {
        const float x = (static_cast<float>(i) + 0.5f) / doors * (span * 0.6f) - span * 0.3f;
        out.add(palette::kDockDoor, box({x - 1.5f, 0.0f, 0.0f}, {x + 1.5f, 3.6f, 0.15f}, kAllFaces & ~kFaceNegZ));
    }
    out.add(palette::kSteel, box({-span * 0.32f, 4.4f, 0.0f}, {span * 0.32f, 4.7f, 4.5f}, kAllFaces));
    return out;
}

GltfWriter makeDcBuildingFrom(const DcBuildingSpec& s) {
    GltfWriter w(s.sceneName);
    const int building = w.addNode("building", w.addMesh("building_shell", buildingShell(s)));
    w.addRoot(building);

    const int coolerMesh = w.addMesh("cooler_bank", coolerBank());
    const int fanMesh = w.addMesh("cooler_fan", coolerFan(), GltfWriter::Levels::None);
    Instances fans;  // a bank's fans, 0.1 m above their wells
    for (const glm::vec3& centre : coolerFanCentres())
        fans.translations.push_back(centre + glm::vec3(0.0f, 0.1f, 0.0f));
    int number = 1;
    const float wingCentre = s.coreSpan / 2 + s.wingWidth / 2;
    const float rowPitch = s.wingLength / static_cast<float>(s.coolerRowsPerWing);
    const float columnPitch = s.wingWidth / static_cast<float>(s.coolerColumnsPerWing);
    for (float side : {-1.0f, 1.0f}) {
        for (int col = 0; col < s.coolerColumnsPerWing; ++col) {
            for (int row = 0; row < s.coolerRowsPerWing; ++row) {
                const float x = side * wingCentre + (static_cast<float>(col) + 0.5f) * columnPitch - s.wingWidth / 2;
                const float z = (static_cast<float>(row) + 0.5f) * rowPitch - s.wingLength / 2;
                char name[32];
                std::snprintf(name, sizeof name, "cooler_bank_%02d", number++);
                NodeTransform at;
                at.translation = {x, s.wingHeight, z};
                const int bank = w.addNode(name, coolerMesh, at);
                w.addChild(building, bank);
                std::snprintf(name, sizeof name, "cooler_fans_%02d", number - 1);
                const int bankFans = w.addNode(name, fanMesh);
                w.setInstances(bankFans, fans);
                w.addChild(bank, bankFans);
            }
        }
    }

    const float outer = s.coreSpan / 2 + s.wingWidth;
    NodeTransform yardAt;
    yardAt.translation = {outer + 30.0, 0.0, 0.0};
    w.addChild(building, w.addNode("transformer_yard",
                                   w.addMesh("transformer_yard", transformerYard(s.wingLength * 0.5f)), yardAt));
    NodeTransform generatorsAt;
    generatorsAt.translation = {-(outer + 16.0), 0.0, 0.0};
    w.addChild(building,
               w.addNode("generators", w.addMesh("generators", generatorRow(s.generatorCount)), generatorsAt));
    NodeTransform docksAt;
    docksAt.translation = {0.0, 0.0, s.coreDepth / 2};
    w.addChild(building, w.addNode("loading_docks", w.addMesh("loading_docks", loadingDocks(s.coreSpan)), docksAt));
    return w;
}

}  // namespace

GltfWriter makeDcBuilding() {
    return makeDcBuildingFrom({"dc_building", 300.0f, 70.0f, 12.0f, 90.0f, 80.0f, 14.0f, 1, 8, 24});
}

GltfWriter makeDcBuildingLarge() {
    return makeDcBuildingFrom({"dc_building_large", 360.0f, 90.0f, 14.0f, 110.0f, 100.0f, 16.0f, 2, 6, 32});
}

}  // namespace ct::assetgen
