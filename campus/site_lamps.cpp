#include "campus/site_lamps.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

namespace ct::campus {

namespace {

struct PoleRow {
    float outside_m;  // how far outside the entity's footprint the poles stand
    float spacing_m;
    float height_m;
    float intensity_cd;
};

// Security floodlights: 150 W LED heads (about 20,000 lm), a third of it towards the ground
// below, about 2,500 cd; around the smaller yards, 100 W heads.
constexpr PoleRow kBuildingPoles{12.0f, 40.0f, 10.0f, 2500.0f};
constexpr PoleRow kYardPoles{4.0f, 30.0f, 8.0f, 1600.0f};

// Poles along the rectangle around `bounds` (x, z), evenly spaced, corners included.
void addPoles(const scene::Bounds& bounds, const PoleRow& row, int node, std::vector<render::Lamp>& lamps) {
    const float x0 = bounds.min.x - row.outside_m;
    const float x1 = bounds.max.x + row.outside_m;
    const float z0 = bounds.min.z - row.outside_m;
    const float z1 = bounds.max.z + row.outside_m;
    const glm::vec2 corners[] = {{x0, z0}, {x1, z0}, {x1, z1}, {x0, z1}};
    for (int side = 0; side < 4; ++side) {
        const glm::vec2 a = corners[side];
        const glm::vec2 b = corners[(side + 1) % 4];
        const int spans = std::max(1, static_cast<int>(std::lround(glm::length(b - a) / row.spacing_m)));
        for (int i = 0; i < spans; ++i) {  // the next side starts with this one's last corner
            const glm::vec2 p = a + (b - a) * (static_cast<float>(i) / spans);
            render::Lamp lamp;
            lamp.position = {p.x, bounds.min.y + row.height_m, p.y};
            lamp.intensity_cd = row.intensity_cd;
            lamp.node = node;
            lamps.push_back(lamp);
        }
    }
}

}  // namespace

std::vector<render::Lamp> siteLamps(const twin::CampusAtPhase& standing, const CampusScene& campus) {
    std::map<std::string, int> nodeByName;
    for (std::size_t i = 0; i < campus.scene.nodes.size(); ++i)
        nodeByName.emplace(campus.scene.nodes[i].name, static_cast<int>(i));
    std::vector<render::Lamp> lamps;
    for (const twin::StandingEntity& entity : standing.entities) {
        const auto root = campus.entityRoots.find(entity.id);
        if (root == campus.entityRoots.end()) continue;
        switch (entity.kind) {
            case twin::EntityKind::Building:
                addPoles(entityExtent(campus.scene, root->second).bounds, kBuildingPoles, root->second, lamps);
                break;
            case twin::EntityKind::Substation:
            case twin::EntityKind::GasPlant:
            case twin::EntityKind::Battery:
                addPoles(entityExtent(campus.scene, root->second).bounds, kYardPoles, root->second, lamps);
                break;
            case twin::EntityKind::Turbine: {
                // On the nacelle's roof, where the model has a nacelle; else over the tower.
                const auto nacelle = nodeByName.find(entity.id + "/nacelle_body");
                const scene::Bounds body =
                    entityExtent(campus.scene, nacelle != nodeByName.end() ? nacelle->second : root->second).bounds;
                if (body.empty()) break;
                render::Lamp lamp;
                lamp.position = {0.5f * (body.min.x + body.max.x), body.max.y + 0.4f, 0.5f * (body.min.z + body.max.z)};
                lamp.color = {1.0f, 0.06f, 0.02f};
                lamp.intensity_cd = 2000.0f;  // L-864: 2,000 cd at night
                lamp.size_m = 0.4f;
                lamp.flashesPerMinute = kObstructionFlashesPerMinute;
                lamp.lightsGround = false;
                // It rides on the nacelle as it slews (campus/campus_motion.h moves that node).
                lamp.node = nacelle != nodeByName.end() ? nacelle->second : root->second;
                lamps.push_back(lamp);
                break;
            }
            default:
                break;
        }
    }
    return lamps;
}

}  // namespace ct::campus
