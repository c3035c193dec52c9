#include "campus/campus_scene.h"

#include "campus/site_lamps.h"
#include "campus/site_works.h"
#include "campus/terrain_height.h"
#include "render/pv_cells.h"

#include "scene/load_gltf.h"
#include "scene/scene_composer.h"
#include "twin/campus_at_phase.h"

#include <glm/gtc/matrix_transform.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

namespace ct::campus {

namespace {

glm::mat4 placement(const twin::Vec2& position, double rotation_deg) {
    const glm::mat4 translate = glm::translate(glm::mat4(1.0f), glm::vec3(position.x, 0.0, position.z));
    return glm::rotate(translate, glm::radians(static_cast<float>(rotation_deg)), glm::vec3(0, 1, 0));
}

// A model's node world matrix (the loader resolves them), or identity if absent.
glm::mat4 modelNodeWorld(const scene::Scene& model, int node) {
    return node >= 0 ? model.nodes[node].world : glm::mat4(1.0f);
}

// A unit quad (x and z in -0.5..0.5, facing up, u = x + 0.5 across the rows) standing in for a
// row of modules `share` of the pitch wide, `height` (over the pitch) above the ground, tilted by
// `tilt` (radians, + facing -x): the renderer's solar rows surface (scene::ProceduralSurface)
// draws the modules and the ground between them as an eye sees them from wherever it is.
scene::Scene makeRowCover(const scene::Material& panel, float share, float height, float tilt) {
    scene::Scene cover;
    scene::Material material;
    material.name = "row_cover";
    material.baseColorFactor = panel.baseColorFactor;
    // A face of cells is seen from afar as its mean, back sheet and all (render/pv_cells.h).
    if (panel.procedural == scene::ProceduralSurface::PvCells)
        material.baseColorFactor =
            glm::vec4(render::pvModuleMeanAlbedo(glm::vec3(panel.baseColorFactor)), panel.baseColorFactor.a);
    material.metallicFactor = panel.metallicFactor;
    material.roughnessFactor = panel.roughnessFactor;
    material.procedural = scene::ProceduralSurface::SolarRows;
    material.proceduralParams = glm::vec4(share, height, tilt, 0.0f);
    cover.materials.push_back(material);
    scene::Primitive quad;
    for (const glm::vec2 corner :
         {glm::vec2(-0.5f, -0.5f), glm::vec2(0.5f, -0.5f), glm::vec2(0.5f, 0.5f), glm::vec2(-0.5f, 0.5f)}) {
        scene::Vertex v;
        v.position = glm::vec3(corner.x, 0.0f, corner.y);
        v.normal = glm::vec3(0.0f, 1.0f, 0.0f);
        v.uv0 = glm::vec2(corner.x + 0.5f, 0.5f);
        quad.vertices.push_back(v);
        quad.bounds.extend(v.position);
    }
    quad.indices = {0, 2, 1, 0, 3, 2};  // counter-clockwise seen from above
    quad.material = 0;
    cover.meshes.push_back({"row_cover", {std::move(quad)}});
    scene::Node node;
    node.name = "row_cover";
    node.mesh = 0;
    cover.nodes.push_back(node);
    cover.roots.push_back(0);
    return cover;
}

// How a rotor looks turning too fast to follow: a faint disc over the blades' sweep.
constexpr float kRotorBlurOpacity = 0.22f;
constexpr int kRotorBlurSegments = 48;
// And a cooler's fan: its four blades cover about 28 % of their sweep.
constexpr float kFanBlurOpacity = 0.28f;
constexpr int kFanBlurSegments = 12;  // a multiple of 4: the disc's bounds are its sweep's

// A translucent material for what a camera's shutter smears.
int addBlurMaterial(scene::Scene& scene, const char* name, const glm::vec3& colour, float opacity) {
    scene::Material blur;
    blur.name = name;
    blur.baseColorFactor = glm::vec4(colour, opacity);
    blur.roughnessFactor = 0.6f;
    blur.alphaMode = scene::AlphaMode::Blend;
    blur.doubleSided = true;
    scene.materials.push_back(blur);
    return static_cast<int>(scene.materials.size()) - 1;
}

// A ring between two radii about the origin, in the plane of `across` and `along` (facing
// `normal`): what blades sweep.
scene::Primitive sweptRing(float inner, float outer, int segments, const glm::vec3& across, const glm::vec3& along,
                           const glm::vec3& normal, int material) {
    scene::Primitive ring;
    for (int s = 0; s <= segments; ++s) {
        const float a = 6.2831853f * static_cast<float>(s) / static_cast<float>(segments);
        for (const float r : {inner, outer}) {
            scene::Vertex v;
            v.position = r * (std::sin(a) * across + std::cos(a) * along);
            v.normal = normal;
            ring.vertices.push_back(v);
            ring.bounds.extend(v.position);
        }
    }
    for (std::uint32_t s = 0; s < static_cast<std::uint32_t>(segments); ++s) {
        const std::uint32_t i = 2 * s;
        ring.indices.insert(ring.indices.end(), {i, i + 1, i + 3, i, i + 3, i + 2});
    }
    ring.material = material;
    return ring;
}

// Adds `node` to the scene as the last child of `parent`; returns its index.
int addChildNode(scene::Scene& scene, int parent, scene::Node node) {
    node.parent = parent;
    node.world = scene.nodes[static_cast<std::size_t>(parent)].world;
    scene.nodes[static_cast<std::size_t>(parent)].children.push_back(static_cast<int>(scene.nodes.size()));
    scene.nodes.push_back(std::move(node));
    return static_cast<int>(scene.nodes.size()) - 1;
}

// Each turbine's blurred rotor: a disc from the blades' roots to their tips in the rotor's plane,
// a child of the rotor, drawn only on demand (campus/campus_motion.h shows it instead of the
// blades when they turn too far between frames to be followed: a camera's motion blur).
void addRotorDiscs(scene::Scene& scene, const std::set<std::string>& turbines) {
    std::map<std::string, int> nodeByName;
    for (std::size_t n = 0; n < scene.nodes.size(); ++n)
        nodeByName.emplace(scene.nodes[n].name, static_cast<int>(n));
    const int material = addBlurMaterial(scene, "rotor_blur", {0.86f, 0.87f, 0.87f}, kRotorBlurOpacity);
    std::map<std::pair<float, float>, int> meshBySweep;  // one disc mesh per blade size
    for (const std::string& id : turbines) {
        const auto rotor = nodeByName.find(id + "/rotor");
        const auto blade = nodeByName.find(id + "/blade_1");
        if (rotor == nodeByName.end() || blade == nodeByName.end()) continue;
        const scene::Node& bladeNode = scene.nodes[static_cast<std::size_t>(blade->second)];
        if (bladeNode.mesh < 0) continue;
        scene::Bounds sweep;  // the blade along +y from the hub (tools/assetgen's turbines)
        for (const scene::Primitive& p : scene.meshes[static_cast<std::size_t>(bladeNode.mesh)].primitives)
            sweep.extend(p.bounds);
        const std::pair<float, float> radii{std::max(sweep.min.y, 0.0f), sweep.max.y};
        auto [found, isNew] = meshBySweep.emplace(radii, static_cast<int>(scene.meshes.size()));
        if (isNew)  // in the rotor's plane, facing upwind (the rotor's front)
            scene.meshes.push_back({"rotor_blur",
                                    {sweptRing(radii.first, radii.second, kRotorBlurSegments, {1.0f, 0.0f, 0.0f},
                                               {0.0f, 1.0f, 0.0f}, {0.0f, 0.0f, -1.0f}, material)}});
        scene::Node node;
        node.name = id + "/rotor_blur";
        node.mesh = found->second;
        node.castsShadow = false;
        node.onDemand = true;
        addChildNode(scene, rotor->second, std::move(node));
    }
}

// The cooler banks' fans ("<building>/cooler_fans_NN", instanced, each about its own +y): they
// cast nothing (a fan's shadow is a few texels in its own well, and casting, they would redraw the
// shadow map as they turn), and each bank gets its fans' blurred discs beside them
// ("<building>/cooler_fans_NN_blur", on demand: campus/campus_motion.h shows them instead of the
// blades when they turn too far between frames).
void addFanDiscs(scene::Scene& scene) {
    int material = -1;
    std::map<int, int> discByFan;  // fan mesh -> its disc mesh
    const std::size_t count = scene.nodes.size();
    for (std::size_t n = 0; n < count; ++n) {
        if (scene.nodes[n].name.find("/cooler_fans_") == std::string::npos || scene.nodes[n].mesh < 0 ||
            scene.nodes[n].parent < 0)
            continue;
        scene.nodes[n].castsShadow = false;
        const int fanMesh = scene.nodes[n].mesh;
        if (!discByFan.count(fanMesh)) {
            if (material < 0) material = addBlurMaterial(scene, "fan_blur", {0.5f, 0.52f, 0.54f}, kFanBlurOpacity);
            scene::Bounds sweep;
            for (const scene::Primitive& p : scene.meshes[static_cast<std::size_t>(fanMesh)].primitives)
                sweep.extend(p.bounds);
            const float tip = std::max(sweep.max.x, sweep.max.z);
            scene::Primitive disc = sweptRing(0.2f * tip, tip, kFanBlurSegments, {0.0f, 0.0f, 1.0f}, {1.0f, 0.0f, 0.0f},
                                              {0.0f, 1.0f, 0.0f}, material);
            for (scene::Vertex& v : disc.vertices)
                v.position.y = sweep.max.y;
            disc.bounds = scene::Bounds{};
            for (const scene::Vertex& v : disc.vertices)
                disc.bounds.extend(v.position);
            discByFan[fanMesh] = static_cast<int>(scene.meshes.size());
            scene.meshes.push_back({"fan_blur", {std::move(disc)}});
        }
        scene::Node blur;
        blur.name = scene.nodes[n].name + "_blur";
        blur.mesh = discByFan[fanMesh];
        blur.local = scene.nodes[n].local;
        blur.instances = scene.nodes[n].instances;
        blur.castsShadow = false;
        blur.onDemand = true;
        const int parent = scene.nodes[n].parent;
        const glm::mat4 world = scene.nodes[n].world;
        const int added = addChildNode(scene, parent, std::move(blur));
        scene.nodes[static_cast<std::size_t>(added)].world = world;
    }
}

// Panels per length of a solar row that switches to its stand-in on its own (56.5 m at the
// scenario's 1.13 m pitch): short enough that its near and far ends are seen at about the same
// scale, long enough that a farm stays a few thousand nodes.
constexpr int kPanelsPerSegment = 50;

class CampusBuilder {
public:
    CampusBuilder(const twin::CampusAtPhase& standing, const CampusOptions& options)
        : standing_(standing), options_(options) {}

    // Loads a model once; an error names the model file and the scenario key that uses it.
    std::optional<scene::ModelHandle> model(const twin::StandingEntity& entity) {
        if (auto it = handles_.find(entity.modelKey); it != handles_.end()) return it->second;
        scene::LoadResult loaded = scene::loadGltf(entity.modelPath);
        if (!loaded.ok()) {
            error_ = loaded.error + " (model \"" + entity.modelKey + "\" of " + standing_.scenarioPath + ")";
            return std::nullopt;
        }
        const scene::ModelHandle handle = composer_.addModel(*loaded.scene);
        handles_.emplace(entity.modelKey, handle);
        return handle;
    }

    bool place(const twin::StandingEntity& entity) {
        const auto handle = model(entity);
        if (!handle) return false;
        const glm::mat4 at = placement(entity.position, entity.rotation_deg);
        roots_[entity.id] = composer_.place(*handle, at, entity.id);
        if (entity.kind == twin::EntityKind::Building) placeWorks(entity, *handle, at);
        return true;
    }

    // A building's construction equipment, beside it, around its shell ("building", at the
    // model's root); none for a model without one.
    void placeWorks(const twin::StandingEntity& entity, scene::ModelHandle building, const glm::mat4& at) {
        const int shellNode = composer_.findModelNode(building, "building");
        if (shellNode < 0) return;
        const scene::Scene& model = composer_.model(building);
        const int shellMesh = model.nodes[static_cast<std::size_t>(shellNode)].mesh;
        if (shellMesh < 0) return;
        scene::Bounds shell;
        for (const scene::Primitive& p : model.meshes[static_cast<std::size_t>(shellMesh)].primitives)
            shell.extend(p.bounds);
        shell = scene::transformed(shell, modelNodeWorld(model, shellNode));
        std::uint32_t seed = 2166136261u;  // FNV-1a of the id: the same jibs on every machine
        for (const char c : entity.id)
            seed = (seed ^ static_cast<unsigned char>(c)) * 16777619u;
        const scene::ModelHandle works = composer_.addModel(constructionEquipmentModel(shell, seed));
        works_[entity.id] = composer_.place(works, at, entity.id + "/works");
    }
    const std::map<std::string, int>& works() const { return works_; }

    bool placeSolarFarm(const twin::StandingEntity& entity, std::size_t& panels) {
        const twin::SolarFarm& farm = *entity.solarFarm;
        const auto handle = model(entity);
        if (!handle) return false;
        // A copy: adding the ground-cover model below may move the composer's models.
        const scene::Scene row = composer_.model(*handle);
        const int panelNode = composer_.findModelNode(*handle, "panel");
        const int stripNode = composer_.findModelNode(*handle, "row_strip");
        if (panelNode < 0 || row.nodes[panelNode].mesh < 0 || stripNode < 0 || row.nodes[stripNode].mesh < 0) {
            error_ = entity.modelPath.string() +
                     ": a solar row model needs nodes \"panel\" and \"row_strip\" with meshes (model \"" +
                     entity.modelKey + "\" of " + standing_.scenarioPath + ")";
            return false;
        }
        const int panelMesh = composer_.meshIndex(*handle, row.nodes[panelNode].mesh);
        scene::Bounds stripBounds;
        for (const auto& prim : row.meshes[row.nodes[stripNode].mesh].primitives)
            stripBounds.extend(prim.bounds);
        const float rowLength = static_cast<float>(farm.panelsPerRow * farm.panelPitch_m);
        // Far away the rows stand in as one quad each (rowCoverModel) at the modules' height.
        const float pitch = static_cast<float>(farm.rowPitch_m);
        const float coverage = std::clamp(stripBounds.size().x / pitch, 0.05f, 1.0f);
        const float coverHeight = (modelNodeWorld(row, stripNode) * glm::vec4(stripBounds.center(), 1.0f)).y;
        const auto& cells = row.meshes[row.nodes[panelNode].mesh].primitives.front();
        const scene::Material panelMaterial = cells.material >= 0 ? row.materials[cells.material] : scene::Material{};
        const auto cover = rowCoverModel(farm.model, panelMaterial, coverage, coverHeight / pitch,
                                         glm::radians(static_cast<float>(options_.trackerTilt_deg)));
        if (!cover) return false;
        const int stripMesh = composer_.meshIndex(*cover, 0);

        const glm::mat4 farmPlacement = placement(farm.position, farm.rotation_deg);
        scene::Node root;
        root.name = farm.id;
        root.local = farmPlacement;
        const int rootIndex = composer_.addNode(std::move(root));
        roots_[farm.id] = rootIndex;
        // Trackers turn about the row axis (z, north-south) through the torque tube: the panel
        // model's origin, its height on the post (campus/campus_motion.h turns them about the same).
        const glm::mat4 tilt = glm::rotate(glm::mat4(1.0f), glm::radians(static_cast<float>(options_.trackerTilt_deg)),
                                           glm::vec3(0, 0, 1));
        const glm::mat4 panelBase = modelNodeWorld(row, panelNode) * tilt;
        // The far stand-in stays level whatever the trackers' tilt: it spans the whole row pitch,
        // so tilted about the row's foot it would sink half into the ground (and the terrain
        // undulates by metres); seen from kilometres away a tilted row still shades to its mean.
        const glm::mat4 stripBase = glm::translate(glm::mat4(1.0f), glm::vec3(0.0f, coverHeight, 0.0f)) *
                                    glm::scale(glm::mat4(1.0f), glm::vec3(pitch, 1.0f, rowLength));
        // Each row in lengths of kPanelsPerSegment, each its own node with its own stand-in: a
        // row runs for hundreds of metres, and seen along it the near end wants its modules while
        // the far end's pitch is a pixel or two, where only the stand-in does not alias.
        const int segments = (farm.panelsPerRow + kPanelsPerSegment - 1) / kPanelsPerSegment;
        char name[48];
        for (int r = 0; r < farm.rows; ++r) {
            const float x = static_cast<float>((r - 0.5 * (farm.rows - 1)) * farm.rowPitch_m);
            const glm::mat4 rowPlacement = glm::translate(glm::mat4(1.0f), glm::vec3(x, 0.0f, 0.0f));
            for (int segment = 0; segment < segments; ++segment) {
                const int first = segment * kPanelsPerSegment;
                const int count = std::min(kPanelsPerSegment, farm.panelsPerRow - first);
                const auto panelZ = [&](double p) {
                    return static_cast<float>((p - 0.5 * (farm.panelsPerRow - 1)) * farm.panelPitch_m);
                };
                const float centreZ = 0.5f * (panelZ(first) + panelZ(first + count - 1));
                std::snprintf(name, sizeof name, "/row_%04d/%02d", r + 1, segment + 1);
                scene::Node strip;
                strip.name = farm.id + name + "/strip";
                strip.mesh = stripMesh;
                // Stand-ins hang outside the hierarchy, so their placement is complete in itself.
                strip.local = farmPlacement * rowPlacement * glm::translate(glm::mat4(1.0f), {0.0f, 0.0f, centreZ}) *
                              stripBase *
                              glm::scale(glm::mat4(1.0f), {1.0f, 1.0f, static_cast<float>(count) / farm.panelsPerRow});
                const int stripIndex = composer_.addNode(std::move(strip));
                scene::Node panelsNode;
                panelsNode.name = farm.id + name;
                panelsNode.mesh = panelMesh;
                panelsNode.local = rowPlacement;
                panelsNode.lodFar = stripIndex;
                panelsNode.lodDistance = options_.solarRowLodDistance_m;
                panelsNode.lodRowStep = glm::vec3(pitch, 0.0f, 0.0f);  // rows a pitch apart, running north-south
                panelsNode.lodRowDirection = glm::vec3(0.0f, 0.0f, 1.0f);
                panelsNode.instances.reserve(static_cast<std::size_t>(count));
                for (int p = first; p < first + count; ++p)
                    panelsNode.instances.push_back(glm::translate(glm::mat4(1.0f), glm::vec3(0.0f, 0.0f, panelZ(p))) *
                                                   panelBase);
                panels += panelsNode.instances.size();
                composer_.addNode(std::move(panelsNode), rootIndex);
            }
        }
        return true;
    }

    scene::Scene finish() { return composer_.finish(); }

    // A road, fence, power line or yard: made here from the scenario's figures, laid on the
    // terrain, placed under its id like a model.
    bool placeSiteWork(const twin::StandingEntity& entity) {
        if (!ground_) {
            ground_.emplace();
            const auto terrainEntity = std::find_if(standing_.entities.begin(), standing_.entities.end(),
                                                    [](const auto& e) { return e.kind == twin::EntityKind::Terrain; });
            if (terrainEntity != standing_.entities.end()) {
                const auto terrain = model(*terrainEntity);
                if (!terrain) return false;
                ground_.emplace(composer_.model(*terrain));
            }
        }
        const scene::ModelHandle handle = composer_.addModel(siteWorkModel(*entity.siteWork, *ground_));
        roots_[entity.id] = composer_.place(handle, glm::mat4(1.0f), entity.id);
        return true;
    }

    // The far stand-in of solar rows (makeRowCover), one per row model and shape.
    std::optional<scene::ModelHandle> rowCoverModel(const std::string& key, const scene::Material& panel, float share,
                                                    float height, float tilt) {
        char shape[96];
        std::snprintf(shape, sizeof shape, "#row-cover %.4f %.4f %.4f", share, height, tilt);
        const std::string coverKey = key + shape;
        if (auto it = handles_.find(coverKey); it != handles_.end()) return it->second;
        const scene::ModelHandle handle = composer_.addModel(makeRowCover(panel, share, height, tilt));
        handles_.emplace(coverKey, handle);
        return handle;
    }
    std::map<std::string, int>& roots() { return roots_; }
    // The first material's colour of a model already placed.
    std::optional<glm::vec3> baseColorOf(const twin::StandingEntity& entity) {
        const auto handle = model(entity);
        if (!handle) return std::nullopt;
        const scene::Scene& placed = composer_.model(*handle);
        if (placed.materials.empty()) return std::nullopt;
        return glm::vec3(placed.materials.front().baseColorFactor);
    }
    const std::string& error() const { return error_; }

private:
    const twin::CampusAtPhase& standing_;
    CampusOptions options_;
    scene::SceneComposer composer_;
    std::map<std::string, scene::ModelHandle> handles_;
    std::map<std::string, int> roots_;
    std::map<std::string, int> works_;     // building id -> its construction equipment's root
    std::optional<TerrainHeight> ground_;  // once a site work needs it
    std::string error_;
};

}  // namespace

CampusResult composeCampus(const twin::CampusAtPhase& standing, const CampusOptions& options) {
    CampusBuilder builder(standing, options);
    CampusScene campus;
    for (const twin::StandingEntity& entity : standing.entities) {
        const bool placed = entity.kind == twin::EntityKind::SolarFarm
                                ? builder.placeSolarFarm(entity, campus.panelCount)
                            : entity.kind == twin::EntityKind::SiteWork ? builder.placeSiteWork(entity)
                                                                        : builder.place(entity);
        if (!placed) return {std::nullopt, builder.error()};
    }
    campus.buildingCount = standing.count(twin::EntityKind::Building);
    campus.turbineCount = standing.count(twin::EntityKind::Turbine);
    campus.trackerTilt_deg = options.trackerTilt_deg;
    for (const twin::StandingEntity& entity : standing.entities)
        if (entity.kind == twin::EntityKind::Terrain) campus.groundAlbedo = builder.baseColorOf(entity);
    campus.entityRoots = builder.roots();
    campus.worksRoots = builder.works();
    campus.scene = builder.finish();
    // Construction equipment is drawn only while a building is being built.
    for (const auto& [id, root] : campus.worksRoots)
        for (const int node : entityExtent(campus.scene, root).nodes)
            campus.scene.nodes[static_cast<std::size_t>(node)].onDemand = true;
    campus.scene.sourcePath = standing.scenarioPath;
    addStatusNodes(standing, campus);
    campus.lamps = siteLamps(standing, campus);
    // A turbine's tower and blades are a few metres across: from the wind farm's viewpoints,
    // kilometres out, they stay lines at least a pixel wide instead of breaking up.
    std::set<std::string> thin;
    for (const twin::StandingEntity& entity : standing.entities)
        if (entity.kind == twin::EntityKind::Turbine)
            for (const char* part : {"/tower", "/blade_1", "/blade_2", "/blade_3"})
                thin.insert(entity.id + part);
    for (scene::Node& node : campus.scene.nodes)
        if (thin.count(node.name)) node.minPixelWidth = kTurbineMinPixelWidth;
    // A turning rotor's shadow is a faint blurred disc, a nacelle's a blot of a few texels; cast,
    // they would redraw the shadow map every frame they turn (render/node_animation.h): a nacelle
    // slews 0.3 degrees a second, 18 a wall second at 60x. The tower still casts.
    std::set<std::string> turbines;
    for (const twin::StandingEntity& entity : standing.entities)
        if (entity.kind == twin::EntityKind::Turbine) turbines.insert(entity.id);
    addRotorDiscs(campus.scene, turbines);
    addFanDiscs(campus.scene);
    for (scene::Node& node : campus.scene.nodes) {
        const std::size_t slash = node.name.find('/');
        if (slash == std::string::npos || !turbines.count(node.name.substr(0, slash))) continue;
        const std::string part = node.name.substr(slash + 1);
        if (part.rfind("nacelle", 0) == 0 || part.rfind("rotor", 0) == 0 || part.rfind("hub", 0) == 0 ||
            part.rfind("blade_", 0) == 0)
            node.castsShadow = false;
    }
    // The plain rolls by a few metres over kilometres: its shadow on itself would need a sun
    // within a degree of the horizon and texels finer than any cascade has out there. Casting, it
    // would stretch the shadow maps to the horizon (render/shadow_cascades.h) and fill them with
    // its triangles.
    for (const twin::StandingEntity& entity : standing.entities)
        if (const auto root = campus.entityRoots.find(entity.id);
            entity.kind == twin::EntityKind::Terrain && root != campus.entityRoots.end())
            for (const int node : entityExtent(campus.scene, root->second).nodes)
                campus.scene.nodes[static_cast<std::size_t>(node)].castsShadow = false;

    // Every binding of a standing entity must name a node that exists.
    std::set<std::string> names;
    for (const scene::Node& node : campus.scene.nodes)
        names.insert(node.name);
    for (const auto& [binding, index] : standing.bindings)
        if (!names.count(binding.node))
            return {std::nullopt, standing.scenarioPath + ": /bindings/" + std::to_string(index) + "/node: no node \"" +
                                      binding.node + "\" in the composed campus (entity \"" + binding.entity + "\")"};
    return {std::move(campus), {}};
}

CampusResult composeCampus(const twin::Scenario& scenario, int phase, const CampusOptions& options) {
    return composeCampus(twin::campusAtPhase(scenario, phase), options);
}

std::optional<int> chosenPhase(const twin::Scenario& scenario, int requested) {
    const int phases = static_cast<int>(scenario.phases.size());
    const int phase = requested == 0 ? phases : requested;
    if (phase < 1 || phase > phases) return std::nullopt;
    return phase;
}

Result<int> phaseOption(const twin::Scenario& scenario, int requested, const std::string& file) {
    if (const std::optional<int> phase = chosenPhase(scenario, requested)) return *phase;
    return badInput("--phase " + std::to_string(requested) + ": " + file + " has phases 1.." +
                    std::to_string(scenario.phases.size()));
}

std::string entityOfNode(const scene::Scene& scene, int node) {
    if (node < 0 || node >= static_cast<int>(scene.nodes.size())) return {};
    const std::string& name = scene.nodes[node].name;
    return name.substr(0, name.find('/'));
}

std::optional<render::Camera> scenarioCamera(const twin::Scenario& scenario, const std::string& name,
                                             const scene::Bounds& bounds) {
    for (const twin::Camera& c : scenario.cameras) {
        if (c.name != name) continue;
        render::Camera camera;
        camera.eye = glm::vec3(c.eye[0], c.eye[1], c.eye[2]);
        camera.target = glm::vec3(c.target[0], c.target[1], c.target[2]);
        camera.yfov = glm::radians(static_cast<float>(c.fov_deg));
        render::fitDepthRange(camera, bounds);
        return camera;
    }
    return std::nullopt;
}

EntityExtent entityExtent(const scene::Scene& scene, int root) {
    EntityExtent extent;
    std::set<int> members;
    std::vector<int> stack{root};
    const auto visit = [&](int index) {
        if (!members.insert(index).second) return;
        extent.nodes.push_back(index);
        const scene::Node& node = scene.nodes[static_cast<std::size_t>(index)];
        if (node.mesh < 0) return;
        scene::Bounds mesh;
        for (const scene::Primitive& primitive : scene.meshes[static_cast<std::size_t>(node.mesh)].primitives)
            mesh.extend(primitive.bounds);
        if (mesh.empty()) return;
        const glm::mat4 single(1.0f);
        const std::size_t placements = std::max<std::size_t>(node.instances.size(), 1);
        for (std::size_t i = 0; i < placements; ++i) {
            const glm::mat4 world = node.world * (node.instances.empty() ? single : node.instances[i]);
            extent.bounds.extend(scene::transformed(mesh, world));
        }
    };
    while (!stack.empty()) {
        const int index = stack.back();
        stack.pop_back();
        const scene::Node& node = scene.nodes[static_cast<std::size_t>(index)];
        visit(index);
        stack.insert(stack.end(), node.children.begin(), node.children.end());
        // Far stand-ins hang outside the hierarchy but belong to the node they stand in for.
        if (node.lodFar >= 0) visit(node.lodFar);
    }
    return extent;
}

std::map<std::string, glm::vec3> entityTops(const CampusScene& campus) {
    const scene::Scene& scene = campus.scene;
    std::map<std::string, glm::vec3> tops;
    for (const auto& [id, root] : campus.entityRoots) {
        const scene::Bounds bounds = entityExtent(scene, root).bounds;
        const glm::vec3 origin(scene.nodes[static_cast<std::size_t>(root)].world[3]);
        tops[id] = bounds.empty() ? origin : glm::vec3(bounds.center().x, bounds.max.y, bounds.center().z);
    }
    return tops;
}

}  // namespace ct::campus
