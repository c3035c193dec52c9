// Three-bladed horizontal-axis wind turbines, built as a node hierarchy the twin animates:
//
//   wind_turbine
//     tower                       tapered steel tube, base on y = 0
//     nacelle                     yaw node at hub height: turn it about Y to face the wind
//       nacelle_body              the housing, reaching back (+Z) from the rotor
//       rotor                     at the front (-Z); spin it about its local Z axis
//         hub                     spinner
//         blade_1..blade_3        120 degrees apart, blade_1 pointing up
//
// At zero yaw the rotor faces north (-Z), into a north wind. Sizes: GE 1.5 MW (80 m hub, 77 m
// rotor) and the NREL 5 MW reference turbine (90 m hub, 126 m rotor), from campus-facts.md;
// tower radii, nacelle and chord sizes are plausible values for those classes.
#include "models.h"
#include "site_parts.h"

#include <numbers>
#include <string>

namespace ct::assetgen {

namespace {

struct TurbineSpec {
    const char* sceneName;
    float hubHeight;
    float rotorDiameter;
    float towerBaseRadius;
    float towerTopRadius;
    glm::vec3 nacelleSize;  // width (x), height (y), length (z)
    float hubRadius;
    float maxChord;
};

// A blade along +Y from inside the hub to the tip: a root cylinder-like section widening to the
// maximum chord at a fifth of the span, then tapering and thinning to the tip. The chord lies in
// the rotor plane (x); thickness faces the wind (z).
Mesh blade(float rootY, float tipY, float maxChord) {
    const float span = tipY - rootY;
    const float c = maxChord;
    return loft({
        {rootY, 0.6f * c, 0.6f * c},
        {rootY + 0.06f * span, 0.62f * c, 0.55f * c},
        {rootY + 0.22f * span, c, 0.32f * c, 0.12f * c},
        {rootY + 0.5f * span, 0.7f * c, 0.2f * c, 0.08f * c},
        {rootY + 0.8f * span, 0.45f * c, 0.13f * c, 0.04f * c},
        {tipY, 0.18f * c, 0.05f * c},
    });
}

// The share of the nacelle's length in front of the yaw bearing (the tower axis).
constexpr float kNacelleFront = 0.25f;

Mesh nacelleBody(glm::vec3 size) {
    Mesh m = box({-size.x / 2, -size.y / 2, -size.z * kNacelleFront},
                 {size.x / 2, size.y / 2, size.z * (1 - kNacelleFront)}, kAllFaces);
    // A cooler fin on the roof at the back, as most nacelles carry one.
    m.append(box({-size.x * 0.3f, size.y / 2, size.z * 0.6f}, {size.x * 0.3f, size.y * 0.75f, size.z * 0.85f}));
    return m;
}

Mesh spinner(float radius) {
    // A sphere stretched forward into a nose cone, plus a short cylinder joining it to the nacelle.
    Mesh m;
    m.append(sphere(radius, 16, 8), glm::scale(glm::mat4(1.0f), glm::vec3(1.0f, 1.0f, 1.5f)));
    m.append(taperedCylinder(radius, radius * 0.9f, radius * 1.6f, 16), rotationX(std::numbers::pi_v<float> / 2));
    return m;
}

GltfWriter makeTurbine(const TurbineSpec& s) {
    GltfWriter w(s.sceneName);
    const int root = w.addNode("wind_turbine");
    w.addRoot(root);

    MaterialMeshes tower;
    const float towerHeight = s.hubHeight - s.nacelleSize.y / 2;
    tower.add(palette::kTurbineWhite, taperedCylinder(s.towerBaseRadius, s.towerTopRadius, towerHeight, 24));
    tower.add(palette::kConcrete, taperedCylinder(s.towerBaseRadius * 2.2f, s.towerBaseRadius * 2.2f, 0.4f, 24));
    w.addChild(root, w.addNode("tower", w.addMesh("tower", tower)));

    NodeTransform yaw;
    yaw.translation = {0.0, s.hubHeight, 0.0};
    const int nacelle = w.addNode("nacelle", -1, yaw);
    w.addChild(root, nacelle);
    MaterialMeshes body;
    body.add(palette::kTurbineWhite, nacelleBody(s.nacelleSize));
    w.addChild(nacelle, w.addNode("nacelle_body", w.addMesh("nacelle_body", body)));

    // The rotor sits in front of the tower so the blades clear it.
    NodeTransform rotorAt;
    rotorAt.translation = {0.0, 0.0, -(s.nacelleSize.z * kNacelleFront + s.hubRadius * 1.6f)};
    const int rotor = w.addNode("rotor", -1, rotorAt);
    w.addChild(nacelle, rotor);
    MaterialMeshes hub;
    hub.add(palette::kTurbineWhite, spinner(s.hubRadius));
    w.addChild(rotor, w.addNode("hub", w.addMesh("hub", hub)));

    MaterialMeshes bladeParts;
    bladeParts.add(palette::kTurbineWhite, blade(s.hubRadius * 0.7f, s.rotorDiameter / 2, s.maxChord));
    const int bladeMesh = w.addMesh("blade", bladeParts);
    for (int i = 0; i < 3; ++i) {
        NodeTransform at;
        at.rotation = axisAngle(glm::radians(120.0 * i), {0.0, 0.0, 1.0});
        w.addChild(rotor, w.addNode("blade_" + std::to_string(i + 1), bladeMesh, at));
    }
    return w;
}

}  // namespace

GltfWriter makeWindTurbine1_5MW() {
    return makeTurbine({"wind_turbine_1_5mw", 80.0f, 77.0f, 2.15f, 1.3f, {3.6f, 3.8f, 9.0f}, 1.4f, 3.1f});
}

GltfWriter makeWindTurbine5MW() {
    return makeTurbine({"wind_turbine_5mw", 90.0f, 126.0f, 3.0f, 1.94f, {6.0f, 6.0f, 17.0f}, 1.6f, 4.65f});
}

}  // namespace ct::assetgen
