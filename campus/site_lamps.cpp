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

// Status lights, green charging, amber discharging, white idle: LED indicators on the enclosures'
// corners, seen from across the site at night, lighting nothing.
const glm::vec3 kStatusColors[3] = {{0.1f, 1.0f, 0.25f}, {1.0f, 0.5f, 0.05f}, {0.75f, 0.8f, 1.0f}};
constexpr float kStatusIntensity_cd = 400.0f;
constexpr float kStatusHeight_m = 3.2f;  // a 40 ft enclosure's roof
// A gas unit's: a beacon on its hall's roof (unit space: the hall is 9 m high, centred on the origin).
const glm::vec3 kGasStatusColors[2] = {{0.1f, 1.0f, 0.25f}, {1.0f, 0.5f, 0.05f}};
constexpr glm::vec3 kGasStatusAt{0.0f, 9.4f, 0.0f};
constexpr float kStartingFlashesPerMinute = 60.0f;

// Empty nodes named `parent`'s name plus each suffix, under it.
void addEmptyChildren(scene::Scene& scene, int parent, const std::string& name, const char* const* suffixes,
                      int count) {
    for (int s = 0; s < count; ++s) {
        scene::Node node;
        node.name = name + suffixes[s];
        node.parent = parent;
        node.world = scene.nodes[static_cast<std::size_t>(parent)].world;
        scene.nodes[static_cast<std::size_t>(parent)].children.push_back(static_cast<int>(scene.nodes.size()));
        scene.nodes.push_back(std::move(node));
    }
}

}  // namespace

std::vector<int> gasUnitNodes(const scene::Scene& scene, const std::string& plant) {
    std::vector<int> nodes;
    const std::string prefix = plant + "/unit_";
    for (std::size_t n = 0; n < scene.nodes.size(); ++n) {
        const std::string& name = scene.nodes[n].name;
        if (name.size() != prefix.size() + 2 || name.compare(0, prefix.size(), prefix) != 0) continue;
        const std::string number = name.substr(prefix.size());
        if (number.find_first_not_of("0123456789") != std::string::npos) continue;
        const std::size_t unit = std::stoul(number);
        if (unit == 0) continue;
        if (nodes.size() < unit) nodes.resize(unit, -1);
        nodes[unit - 1] = static_cast<int>(n);
    }
    return nodes;
}

void addStatusNodes(const twin::CampusAtPhase& standing, CampusScene& campus) {
    for (const twin::StandingEntity& entity : standing.entities) {
        const auto root = campus.entityRoots.find(entity.id);
        if (root == campus.entityRoots.end()) continue;
        if (entity.kind == twin::EntityKind::Battery)
            addEmptyChildren(campus.scene, root->second, entity.id, kBatteryStatus, 3);
        if (entity.kind == twin::EntityKind::GasPlant)
            for (const int unit : gasUnitNodes(campus.scene, entity.id))
                if (unit >= 0)
                    addEmptyChildren(campus.scene, unit, campus.scene.nodes[static_cast<std::size_t>(unit)].name,
                                     kGasUnitStatus, 2);
    }
}

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
                addPoles(entityExtent(campus.scene, root->second).bounds, kYardPoles, root->second, lamps);
                break;
            case twin::EntityKind::GasPlant:
                addPoles(entityExtent(campus.scene, root->second).bounds, kYardPoles, root->second, lamps);
                for (const int unit : gasUnitNodes(campus.scene, entity.id)) {
                    if (unit < 0) continue;
                    const scene::Node& unitNode = campus.scene.nodes[static_cast<std::size_t>(unit)];
                    for (int s = 0; s < 2; ++s) {
                        const auto node = nodeByName.find(unitNode.name + kGasUnitStatus[s]);
                        if (node == nodeByName.end()) continue;
                        render::Lamp lamp;
                        lamp.position = glm::vec3(unitNode.world * glm::vec4(kGasStatusAt, 1.0f));
                        lamp.color = kGasStatusColors[s];
                        lamp.intensity_cd = kStatusIntensity_cd;
                        lamp.size_m = 0.4f;
                        lamp.flashesPerMinute = s == 1 ? kStartingFlashesPerMinute : 0.0f;
                        lamp.lightsGround = false;
                        lamp.node = node->second;
                        lamps.push_back(lamp);
                    }
                }
                break;
            case twin::EntityKind::Battery: {
                const scene::Bounds yard = entityExtent(campus.scene, root->second).bounds;
                addPoles(yard, kYardPoles, root->second, lamps);
                for (int s = 0; s < 3; ++s) {
                    const auto node = nodeByName.find(entity.id + kBatteryStatus[s]);
                    if (node == nodeByName.end()) continue;
                    // A light at each corner, inside the fence by a tenth of the yard.
                    const glm::vec3 inset = 0.1f * yard.size();
                    for (const glm::vec2 corner : {glm::vec2(yard.min.x + inset.x, yard.min.z + inset.z),
                                                   glm::vec2(yard.max.x - inset.x, yard.min.z + inset.z),
                                                   glm::vec2(yard.max.x - inset.x, yard.max.z - inset.z),
                                                   glm::vec2(yard.min.x + inset.x, yard.max.z - inset.z)}) {
                        render::Lamp lamp;
                        // The three side by side, a metre apart, so a still without the twin shows all.
                        lamp.position = {corner.x + static_cast<float>(s - 1), yard.min.y + kStatusHeight_m, corner.y};
                        lamp.color = kStatusColors[s];
                        lamp.intensity_cd = kStatusIntensity_cd;
                        lamp.size_m = 0.3f;
                        lamp.lightsGround = false;
                        lamp.node = node->second;
                        lamps.push_back(lamp);
                    }
                }
                break;
            }
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
