#include "site_parts.h"

#include <cmath>

namespace ct::assetgen {

MaterialMeshes fenceAroundRect(float halfX, float halfZ, float height, float postSpacing) {
    MaterialMeshes out;
    const float post = 0.08f;
    const glm::vec2 corners[] = {{-halfX, -halfZ}, {halfX, -halfZ}, {halfX, halfZ}, {-halfX, halfZ}};
    for (int side = 0; side < 4; ++side) {
        const glm::vec2 a = corners[side];
        const glm::vec2 b = corners[(side + 1) % 4];
        const float length = glm::length(b - a);
        const int posts = std::max(1, static_cast<int>(std::ceil(length / postSpacing)));
        for (int i = 0; i < posts; ++i) {  // the next side places the far corner post
            const glm::vec2 p = a + (b - a) * (static_cast<float>(i) / static_cast<float>(posts));
            out.add(palette::kSteel, boxOnGround({post, height, post}), translation({p.x, 0.0f, p.y}));
        }
        // Rails as thin boxes along the side; x-aligned or z-aligned because the fence is a rectangle.
        const glm::vec2 lo = glm::min(a, b);
        const glm::vec2 hi = glm::max(a, b);
        for (float y : {0.15f, height * 0.5f, height - 0.05f}) {
            out.add(palette::kSteel,
                    box({lo.x - 0.02f, y - 0.025f, lo.y - 0.02f}, {hi.x + 0.02f, y + 0.025f, hi.y + 0.02f}, kAllFaces));
        }
    }
    return out;
}

MaterialMeshes yardTransformer(float tankLength) {
    MaterialMeshes out;
    const float width = tankLength * 0.55f;
    const float height = tankLength * 0.6f;
    out.add(palette::kConcrete, boxOnGround({tankLength + 2.0f, 0.3f, width + 4.0f}));
    out.add(palette::kTransformer, boxOnGround({tankLength, height, width}), translation({0, 0.3f, 0}));
    // Radiator banks on both long sides: thin fins read as the ribbed flank of a real unit.
    const int fins = 8;
    for (int side : {-1, 1}) {
        for (int i = 0; i < fins; ++i) {
            const float x = (static_cast<float>(i) + 0.5f) / fins * tankLength * 0.8f - tankLength * 0.4f;
            const float z = static_cast<float>(side) * (width / 2 + 0.7f);
            out.add(palette::kTransformer, boxOnGround({0.12f, height * 0.85f, 1.2f}), translation({x, 0.45f, z}));
        }
    }
    // Three high-voltage bushings on the lid and the conservator tank along one end.
    for (int i = -1; i <= 1; ++i) {
        const float x = static_cast<float>(i) * tankLength * 0.25f;
        out.add(palette::kInsulator, taperedCylinder(0.22f, 0.12f, height * 0.55f, 10),
                translation({x, 0.3f + height, -width * 0.2f}));
    }
    out.add(palette::kTransformer, taperedCylinder(0.45f, 0.45f, width * 0.8f, 12, true),
            translation({tankLength * 0.42f, 0.3f + height + 0.6f, -width * 0.4f}) * rotationX(1.5707964f));
    return out;
}

MaterialMeshes container(const Material& material, glm::vec3 size) {
    MaterialMeshes out;
    out.add(material, boxOnGround(size));
    // A darker band of doors and vents along one long side, so a row of them does not read as one slab.
    out.add(palette::kDockDoor,
            box({-size.x * 0.45f, 0.2f, size.z / 2}, {size.x * 0.45f, size.y * 0.8f, size.z / 2 + 0.03f},
                kFacePosZ | kFacePosX | kFaceNegX | kFacePosY));
    return out;
}

MaterialMeshes pad(const Material& material, float sizeX, float sizeZ, float thickness) {
    MaterialMeshes out;
    out.add(material, boxOnGround({sizeX, thickness, sizeZ}));
    return out;
}

}  // namespace ct::assetgen
