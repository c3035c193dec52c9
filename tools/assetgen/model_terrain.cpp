// The ground under the whole site: 16 km x 16 km of dry grassland, flat where the campus
// stands and gently rolling (under 3 m) beyond it, like the plains around Abilene.
//
// The grid reaches further west than east (x from -10 km to +6 km) because the wind farm lies
// up to 8 km west of the campus. Heights come from a few fixed sine waves, not noise with a
// seed, so the shape is plain to read and identical on every run.
#include "models.h"
#include "site_parts.h"

#include <algorithm>
#include <cmath>

namespace ct::assetgen {

namespace {

constexpr double kWest = -10000.0;
constexpr double kEast = 6000.0;
constexpr double kNorth = -8000.0;
constexpr double kSouth = 8000.0;
constexpr int kCells = 160;             // per side: 100 m cells
constexpr double kFlatRadius = 2500.0;  // buildings sit on y = 0 inside this
constexpr double kBlendWidth = 1000.0;  // the rolling ground fades in over this distance

double smoothstep(double edge0, double edge1, double x) {
    const double t = std::clamp((x - edge0) / (edge1 - edge0), 0.0, 1.0);
    return t * t * (3.0 - 2.0 * t);
}

// Height in metres; amplitudes sum to 2.5 m, so |h| < 3 m everywhere.
double height(double x, double z) {
    const double rolling = 1.2 * std::sin(x / 730.0 + 0.5) * std::cos(z / 910.0) +
                           0.8 * std::sin((x + z) / 1270.0 + 1.3) + 0.5 * std::cos((x - 0.6 * z) / 530.0);
    const double r = std::sqrt(x * x + z * z);
    return rolling * smoothstep(kFlatRadius, kFlatRadius + kBlendWidth, r);
}

Mesh terrainGrid() {
    Mesh m;
    const double stepX = (kEast - kWest) / kCells;
    const double stepZ = (kSouth - kNorth) / kCells;
    for (int j = 0; j <= kCells; ++j) {
        for (int i = 0; i <= kCells; ++i) {
            const double x = kWest + stepX * i;
            const double z = kNorth + stepZ * j;
            // Normal from central differences over one cell: smooth, and exact on the flat part.
            const double dx = (height(x + stepX, z) - height(x - stepX, z)) / (2 * stepX);
            const double dz = (height(x, z + stepZ) - height(x, z - stepZ)) / (2 * stepZ);
            const glm::dvec3 n = glm::normalize(glm::dvec3(-dx, 1.0, -dz));
            m.positions.emplace_back(x, height(x, z), z);
            m.normals.emplace_back(n);
        }
    }
    const auto row = static_cast<std::uint32_t>(kCells + 1);
    for (std::uint32_t j = 0; j < static_cast<std::uint32_t>(kCells); ++j) {
        for (std::uint32_t i = 0; i < static_cast<std::uint32_t>(kCells); ++i) {
            const std::uint32_t a = j * row + i;  // north-west corner of the cell
            // Counter-clockwise seen from above (+Y): north-west, south-west, south-east, north-east.
            m.indices.insert(m.indices.end(), {a, a + row, a + row + 1, a, a + row + 1, a + 1});
        }
    }
    return m;
}

}  // namespace

GltfWriter makeTerrain() {
    GltfWriter w("terrain");
    MaterialMeshes ground;
    ground.add(palette::kGround, terrainGrid());
    // No coarser levels: the twin lays roads, pads and solar farms on this ground from its full
    // heights (campus/terrain_height.cpp), and a coarser ground, however little its error, would
    // bury some of them and lift others: a surface lying on a surface shows a sub-pixel change of
    // depth as a whole road or farm appearing or vanishing when the level changes.
    w.addRoot(w.addNode("terrain", w.addMesh("terrain", ground, GltfWriter::Levels::None)));
    return w;
}

}  // namespace ct::assetgen
