#include "campus/site_works.h"

#include "scene/scene_composer.h"

#include <glm/gtc/matrix_transform.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <span>
#include <string>

namespace ct::campus {

namespace {

using twin::SiteWork;
using twin::SiteWorkKind;

// What lies flat on the ground shadows nothing: left out of the sun's shadow pass.
constexpr bool kFlat = false;

// --- materials ---

scene::Material material(const std::string& name, glm::vec3 color, float roughness, float metallic = 0.0f,
                         float alpha = 1.0f) {
    scene::Material m;
    m.name = name;
    m.baseColorFactor = glm::vec4(color, alpha);
    m.roughnessFactor = roughness;
    m.metallicFactor = metallic;
    m.doubleSided = true;  // flat pieces are seen from both sides; no winding to get wrong
    if (alpha < 1.0f) m.alphaMode = scene::AlphaMode::Blend;
    return m;
}

const glm::vec3 kAsphalt(0.085f, 0.085f, 0.09f);  // weathered, greyer than new

// Asphalt worn as shaders/asphalt.glsl draws it: a road's lanes and edge lines (`halfWidth` > 0)
// or an area's patches and grain alone (0).
scene::Material asphalt(float halfWidth, int lanes) {
    scene::Material m = material("asphalt", kAsphalt, 0.9f);
    m.procedural = scene::ProceduralSurface::Asphalt;
    m.proceduralParams = glm::vec4(halfWidth, static_cast<float>(lanes), 0.0f, 0.0f);
    return m;
}
const glm::vec3 kGravel(0.36f, 0.34f, 0.31f);
const glm::vec3 kSteel(0.58f, 0.59f, 0.6f);

// A deterministic draw in [0, 1) from integers, for which stall is taken and what stands where.
float draw(std::uint32_t a, std::uint32_t b, std::uint32_t salt) {
    std::uint32_t h = a * 0x8da6b343u ^ b * 0xd8163841u ^ salt * 0xcb1ab31fu;
    h ^= h >> 15;
    h *= 0x2c1b3c6du;
    h ^= h >> 12;
    h *= 0x297a2d39u;
    h ^= h >> 15;
    return static_cast<float>(h & 0xffffffu) / 16777216.0f;
}

// --- geometry ---

class Model {
public:
    explicit Model(std::string name) { scene_.sourcePath = std::move(name); }

    int addMaterial(const scene::Material& m) {
        scene_.materials.push_back(m);
        return static_cast<int>(scene_.materials.size()) - 1;
    }
    // A node drawing `primitive` once (placed in site coordinates), or at each of `instances`.
    int addNode(const std::string& name, scene::Primitive primitive, std::vector<glm::mat4> instances = {},
                float minPixelWidth = 0.0f, bool castsShadow = true) {
        if (primitive.indices.empty()) return -1;
        for (const scene::Vertex& v : primitive.vertices)
            primitive.bounds.extend(v.position);
        scene_.meshes.push_back({name, {std::move(primitive)}});
        scene::Node node;
        node.name = name;
        node.mesh = static_cast<int>(scene_.meshes.size()) - 1;
        node.instances = std::move(instances);
        node.minPixelWidth = minPixelWidth;
        node.castsShadow = castsShadow;
        scene_.nodes.push_back(std::move(node));
        scene_.roots.push_back(static_cast<int>(scene_.nodes.size()) - 1);
        return scene_.roots.back();
    }
    // Beyond `distance` metres node `index` is drawn as nothing (an empty stand-in): detail that
    // is under a pixel from there, where a coarser part (a fence's rail) carries the line.
    void hideBeyond(int index, float distance) {
        if (index < 0) return;
        if (nothing_ < 0) {
            scene::Node empty;
            empty.name = "far";
            scene_.nodes.push_back(std::move(empty));
            nothing_ = static_cast<int>(scene_.nodes.size()) - 1;
            scene_.roots.push_back(nothing_);
        }
        scene_.nodes[static_cast<std::size_t>(index)].lodFar = nothing_;
        scene_.nodes[static_cast<std::size_t>(index)].lodDistance = distance;
    }
    scene::Scene finish() {
        scene::resolveWorldTransforms(scene_);
        return std::move(scene_);
    }

private:
    scene::Scene scene_;
    int nothing_ = -1;
};

// A quad a, b, c, d with texture coordinates `uv` at its corners (none by default).
void addQuad(scene::Primitive& p, glm::vec3 a, glm::vec3 b, glm::vec3 c, glm::vec3 d,
             const std::array<glm::vec2, 4>& uv = {}) {
    const glm::vec3 n = glm::normalize(glm::cross(b - a, d - a));
    const auto base = static_cast<std::uint32_t>(p.vertices.size());
    const glm::vec3 corners[] = {a, b, c, d};
    for (std::size_t i = 0; i < 4; ++i) {
        scene::Vertex vertex;
        vertex.position = corners[i];
        vertex.normal = n;
        vertex.uv0 = uv[i];
        p.vertices.push_back(vertex);
    }
    p.indices.insert(p.indices.end(), {base, base + 1, base + 2, base, base + 2, base + 3});
}

// A box of `size` centred on x and z, standing on y = 0 (or centred on y too): a unit for instances.
scene::Primitive box(int materialIndex, glm::vec3 size = glm::vec3(1.0f), bool centredY = false) {
    scene::Primitive p;
    p.material = materialIndex;
    const glm::vec3 lo(-0.5f * size.x, centredY ? -0.5f * size.y : 0.0f, -0.5f * size.z);
    const glm::vec3 hi = lo + size;
    const auto v = [&](int x, int y, int z) { return glm::vec3(x ? hi.x : lo.x, y ? hi.y : lo.y, z ? hi.z : lo.z); };
    // Counter-clockwise seen from outside.
    addQuad(p, v(0, 1, 0), v(0, 1, 1), v(1, 1, 1), v(1, 1, 0));  // top
    addQuad(p, v(0, 0, 1), v(1, 0, 1), v(1, 1, 1), v(0, 1, 1));  // +z
    addQuad(p, v(1, 0, 0), v(0, 0, 0), v(0, 1, 0), v(1, 1, 0));  // -z
    addQuad(p, v(1, 0, 1), v(1, 0, 0), v(1, 1, 0), v(1, 1, 1));  // +x
    addQuad(p, v(0, 0, 0), v(0, 0, 1), v(0, 1, 1), v(0, 1, 0));  // -x
    addQuad(p, v(0, 0, 0), v(1, 0, 0), v(1, 0, 1), v(0, 0, 1));  // bottom
    return p;
}

// A box with one vertex per corner and its normal pointing out of the corner: for parts kept a
// pixel wide (scene::Node::minPixelWidth), which the renderer widens by pushing vertices along
// their normals; a box with a normal per face would only move its faces apart.
scene::Primitive thinBox(int materialIndex, bool centredY = false) {
    scene::Primitive p;
    p.material = materialIndex;
    for (int i = 0; i < 8; ++i) {
        const glm::vec3 sign((i & 1) ? 1.0f : -1.0f, (i & 2) ? 1.0f : -1.0f, (i & 4) ? 1.0f : -1.0f);
        scene::Vertex v;
        v.position = glm::vec3(0.5f * sign.x, centredY ? 0.5f * sign.y : (sign.y > 0.0f ? 1.0f : 0.0f), 0.5f * sign.z);
        v.normal = glm::normalize(sign);
        p.vertices.push_back(v);
    }
    // Two triangles per face, counter-clockwise seen from outside.
    p.indices = {2, 6, 7, 2, 7, 3, 0, 1, 5, 0, 5, 4, 4, 5, 7, 4, 7, 6,
                 0, 2, 3, 0, 3, 1, 1, 3, 7, 1, 7, 5, 0, 4, 6, 0, 6, 2};
    return p;
}

// The unit box (centred on all axes) stretched from `a` to `b` with a square section `thickness`.
glm::mat4 beam(glm::vec3 a, glm::vec3 b, float thickness) {
    const glm::vec3 along = b - a;
    const glm::vec3 x = along;
    const glm::vec3 side = std::abs(glm::normalize(along).y) > 0.99f ? glm::vec3(1, 0, 0) : glm::vec3(0, 1, 0);
    const glm::vec3 z = glm::normalize(glm::cross(x, side)) * thickness;
    const glm::vec3 y = glm::normalize(glm::cross(z, x)) * thickness;
    glm::mat4 m(1.0f);
    m[0] = glm::vec4(x, 0.0f);
    m[1] = glm::vec4(y, 0.0f);
    m[2] = glm::vec4(z, 0.0f);
    m[3] = glm::vec4(0.5f * (a + b), 1.0f);
    return m;
}

std::vector<glm::vec2> pathPoints(const SiteWork& work) {
    std::vector<glm::vec2> points;
    for (const twin::Vec2& p : work.path)
        points.emplace_back(static_cast<float>(p.x), static_cast<float>(p.z));
    if (work.closed) points.push_back(points.front());
    return points;
}

// A flat band `halfWidth` either side of the path, `lift` over the ground, each segment run on
// by `halfWidth` at both ends so corners close, cut every 20 m to follow the ground.
void addBand(scene::Primitive& p, const std::vector<glm::vec2>& points, float halfWidth, float lift,
             const TerrainHeight& ground) {
    // Texture coordinates: metres across from the centre line (+ to the left going along) and
    // along the path from its start, for surfaces drawn in the road's own frame (asphalt.glsl).
    float travelled = 0.0f;
    for (std::size_t i = 0; i + 1 < points.size(); ++i) {
        const glm::vec2 d = points[i + 1] - points[i];
        const float length = glm::length(d);
        if (length < 1e-3f) continue;
        const glm::vec2 dir = d / length;
        const glm::vec2 across(-dir.y, dir.x);
        const glm::vec2 start = points[i] - dir * halfWidth;
        const float total = length + 2.0f * halfWidth;
        const int pieces = std::max(1, static_cast<int>(std::ceil(total / 20.0f)));
        for (int k = 0; k < pieces; ++k) {
            const glm::vec2 s0 = start + dir * (total * static_cast<float>(k) / static_cast<float>(pieces));
            const glm::vec2 s1 = start + dir * (total * static_cast<float>(k + 1) / static_cast<float>(pieces));
            const auto at = [&](glm::vec2 q) { return glm::vec3(q.x, ground.at(q.x, q.y) + lift, q.y); };
            const float v0 = travelled - halfWidth + total * static_cast<float>(k) / static_cast<float>(pieces);
            const float v1 = travelled - halfWidth + total * static_cast<float>(k + 1) / static_cast<float>(pieces);
            addQuad(p, at(s0 + across * halfWidth), at(s1 + across * halfWidth), at(s1 - across * halfWidth),
                    at(s0 - across * halfWidth),
                    {glm::vec2(halfWidth, v0), glm::vec2(halfWidth, v1), glm::vec2(-halfWidth, v1),
                     glm::vec2(-halfWidth, v0)});
        }
        travelled += length;
    }
}

// Points every `spacing` metres along the path (its corners included), with the direction there.
struct Station {
    glm::vec2 at;
    glm::vec2 direction;
};
std::vector<Station> stations(const std::vector<glm::vec2>& points, float spacing) {
    std::vector<Station> out;
    for (std::size_t i = 0; i + 1 < points.size(); ++i) {
        const glm::vec2 d = points[i + 1] - points[i];
        const float length = glm::length(d);
        if (length < 1e-3f) continue;
        const int steps = std::max(1, static_cast<int>(std::ceil(length / spacing)));
        for (int k = 0; k < steps; ++k)
            out.push_back({points[i] + d * (static_cast<float>(k) / static_cast<float>(steps)), d / length});
    }
    if (points.size() >= 2) {
        const glm::vec2 d = points.back() - points[points.size() - 2];
        if (glm::length(d) > 1e-3f) out.push_back({points.back(), glm::normalize(d)});
    }
    return out;
}

// An area's corner (u, v in -0.5..0.5 of its width and depth) in site coordinates.
struct Frame2 {
    glm::vec2 centre;
    glm::vec2 x;  // along the width, unit
    glm::vec2 z;  // along the depth, unit
    float width;
    float depth;
    glm::vec2 at(float u, float v) const { return centre + x * (u * width) + z * (v * depth); }
};
Frame2 areaFrame(const SiteWork& work) {
    const float a = glm::radians(static_cast<float>(work.rotation_deg));
    // Counter-clockwise seen from above (+y) about the centre, as buildings turn.
    return {glm::vec2(static_cast<float>(work.position.x), static_cast<float>(work.position.z)),
            glm::vec2(std::cos(a), -std::sin(a)), glm::vec2(std::sin(a), std::cos(a)), static_cast<float>(work.width_m),
            static_cast<float>(work.depth_m)};
}

// The area's surface `lift` over the ground, in cells of at most 20 m.
scene::Primitive areaSurface(const Frame2& f, float lift, const TerrainHeight& ground, int materialIndex,
                             float margin = 0.0f) {
    scene::Primitive p;
    p.material = materialIndex;
    const float w = f.width + 2.0f * margin;
    const float d = f.depth + 2.0f * margin;
    const int nu = std::max(1, static_cast<int>(std::ceil(w / 20.0f)));
    const int nv = std::max(1, static_cast<int>(std::ceil(d / 20.0f)));
    Frame2 grown = f;
    grown.width = w;
    grown.depth = d;
    const auto at = [&](int i, int j) {
        const glm::vec2 q = grown.at(static_cast<float>(i) / nu - 0.5f, static_cast<float>(j) / nv - 0.5f);
        return glm::vec3(q.x, ground.at(q.x, q.y) + lift, q.y);
    };
    for (int j = 0; j < nv; ++j)
        for (int i = 0; i < nu; ++i)
            addQuad(p, at(i, j), at(i, j + 1), at(i + 1, j + 1), at(i + 1, j));
    return p;
}

glm::mat4 placedAt(const Frame2& f, float u, float v, const TerrainHeight& ground, float lift, float turn = 0.0f) {
    const glm::vec2 q = f.at(u, v);
    const float heading = std::atan2(-f.x.y, f.x.x) + turn;
    return glm::rotate(glm::translate(glm::mat4(1.0f), glm::vec3(q.x, ground.at(q.x, q.y) + lift, q.y)), heading,
                       glm::vec3(0, 1, 0));
}

// --- the kinds ---

void road(Model& m, const SiteWork& work, const TerrainHeight& ground) {
    const std::vector<glm::vec2> points = pathPoints(work);
    const float half = 0.5f * static_cast<float>(work.width_m);
    scene::Primitive shoulder;
    shoulder.material = m.addMaterial(material("road_shoulder", kGravel, 1.0f));
    addBand(shoulder, points, half + 1.5f, 0.06f, ground);
    m.addNode("shoulder", std::move(shoulder), {}, 0.0f, kFlat);
    scene::Primitive asphalt;
    // Two lanes where two cars pass (6 m and wider), else one.
    asphalt.material = m.addMaterial(::ct::campus::asphalt(half, work.width_m >= 6.0 ? 2 : 1));
    addBand(asphalt, points, half, 0.12f, ground);
    m.addNode("surface", std::move(asphalt), {}, 0.0f, kFlat);
    if (work.width_m >= 9.0) {
        // Two lanes: a dashed centre line, 3 m dashes every 12 m (MUTCD's 10 ft in 40 ft).
        scene::Primitive line =
            box(m.addMaterial(material("centre_line", glm::vec3(0.75f, 0.55f, 0.05f), 0.7f)), glm::vec3(1.0f), true);
        std::vector<glm::mat4> dashes;
        for (const Station& s : stations(points, 12.0f)) {
            const glm::vec2 b = s.at + s.direction * 3.0f;
            dashes.push_back(beam(glm::vec3(s.at.x, ground.at(s.at.x, s.at.y) + 0.14f, s.at.y),
                                  glm::vec3(b.x, ground.at(b.x, b.y) + 0.14f, b.y), 0.15f));
        }
        m.addNode("centre_line", std::move(line), std::move(dashes), 0.0f, kFlat);
    }
}

void fence(Model& m, const SiteWork& work, const TerrainHeight& ground) {
    const std::vector<glm::vec2> points = pathPoints(work);
    const float h = static_cast<float>(work.height_m);
    // Weathered galvanising: matt, so a far fence is a grey line, not a string of glints.
    const int steel = m.addMaterial(material("galvanised_steel", glm::vec3(0.42f, 0.43f, 0.44f), 0.75f, 0.3f));
    const int chainLink = m.addMaterial(material("chain_link", glm::vec3(0.42f, 0.43f, 0.44f), 0.75f, 0.3f, 0.25f));
    std::vector<glm::mat4> rails;
    const std::vector<Station> at = stations(points, 3.0f);
    // Posts and fabric in runs of 600 m, each left out beyond 400 m, where a post is a fraction
    // of a pixel and the rail (always drawn, a pixel wide) is the fence.
    constexpr std::size_t kRun = 200;
    constexpr float kDetailDistance_m = 400.0f;
    for (std::size_t first = 0; first < at.size(); first += kRun) {
        std::vector<glm::mat4> posts;
        scene::Primitive fabric;
        fabric.material = chainLink;
        for (std::size_t i = first; i < std::min(first + kRun, at.size()); ++i) {
            const glm::vec3 foot(at[i].at.x, ground.at(at[i].at.x, at[i].at.y), at[i].at.y);
            posts.push_back(glm::scale(glm::translate(glm::mat4(1.0f), foot), glm::vec3(0.07f, h, 0.07f)));
            if (i + 1 == at.size()) break;
            const glm::vec3 next(at[i + 1].at.x, ground.at(at[i + 1].at.x, at[i + 1].at.y), at[i + 1].at.y);
            rails.push_back(beam(foot + glm::vec3(0, h, 0), next + glm::vec3(0, h, 0), 0.05f));
            addQuad(fabric, foot + glm::vec3(0, 0.05f, 0), next + glm::vec3(0, 0.05f, 0), next + glm::vec3(0, h, 0),
                    foot + glm::vec3(0, h, 0));
        }
        const std::string run = std::to_string(first / kRun + 1);
        m.hideBeyond(m.addNode("posts_" + run, thinBox(steel), std::move(posts)), kDetailDistance_m);
        m.hideBeyond(m.addNode("fabric_" + run, std::move(fabric)), kDetailDistance_m);
    }
    m.addNode("rail", thinBox(steel, true), std::move(rails), kSiteLineMinPixelWidth);
}

// A tower one unit high (scaled by its height): a tapering shaft, two cross-arms across the line
// (local x), the wires' attachment points at their ends.
scene::Primitive towerMesh(int materialIndex) {
    scene::Primitive p;
    p.material = materialIndex;
    const float base = 0.09f;
    const float top = 0.025f;
    const auto corner = [](float half, float y, int i) {
        const float sx = (i == 0 || i == 3) ? -half : half;
        const float sz = (i < 2) ? -half : half;
        return glm::vec3(sx, y, sz);
    };
    for (int i = 0; i < 4; ++i) {
        const int j = (i + 1) % 4;
        addQuad(p, corner(base, 0.0f, i), corner(base, 0.0f, j), corner(top, 1.0f, j), corner(top, 1.0f, i));
    }
    // The shaft's normals out of its corners (see thinBox), so a far tower widens to a pixel.
    for (scene::Vertex& v : p.vertices)
        v.normal = glm::normalize(glm::vec3(v.position.x, 0.0f, v.position.z));
    scene::Primitive lower = box(materialIndex, glm::vec3(0.46f, 0.03f, 0.03f), true);
    scene::Primitive upper = box(materialIndex, glm::vec3(0.32f, 0.03f, 0.03f), true);
    for (scene::Primitive* arm : {&lower, &upper}) {
        const float y = arm == &lower ? 0.78f : 0.92f;
        const auto first = static_cast<std::uint32_t>(p.vertices.size());
        for (scene::Vertex v : arm->vertices) {
            v.position.y += y;
            p.vertices.push_back(v);
        }
        for (const std::uint32_t index : arm->indices)
            p.indices.push_back(first + index);
    }
    return p;
}

void powerLine(Model& m, const SiteWork& work, const TerrainHeight& ground) {
    const std::vector<glm::vec2> points = pathPoints(work);
    const float h = static_cast<float>(work.height_m);
    const int steel = m.addMaterial(material("tower_steel", kSteel, 0.5f, 0.7f));
    const std::vector<Station> at = stations(points, 300.0f);
    std::vector<glm::mat4> towers;
    std::vector<glm::mat4> attach;  // per tower: local x across the line, scaled by h
    for (const Station& s : at) {
        const float heading = std::atan2(-s.direction.y, s.direction.x) + glm::half_pi<float>();
        const glm::mat4 place = glm::scale(
            glm::rotate(glm::translate(glm::mat4(1.0f), glm::vec3(s.at.x, ground.at(s.at.x, s.at.y), s.at.y)), heading,
                        glm::vec3(0, 1, 0)),
            glm::vec3(h));
        towers.push_back(place);
        attach.push_back(place);
    }
    // Three phases off the arms' ends and an earth wire on top, sagging 2.5 % of each span. Far
    // away the earth wire alone is kept a pixel wide: the route reads as one fine line, not a
    // band of four.
    const glm::vec3 phases[] = {{-0.22f, 0.77f, 0.0f}, {0.22f, 0.77f, 0.0f}, {-0.15f, 0.91f, 0.0f}};
    const glm::vec3 earth(0.0f, 1.0f, 0.0f);
    const auto sagging = [&](const glm::vec3& w, std::vector<glm::mat4>& segments) {
        for (std::size_t i = 0; i + 1 < attach.size(); ++i) {
            const glm::vec3 a(attach[i] * glm::vec4(w, 1.0f));
            const glm::vec3 b(attach[i + 1] * glm::vec4(w, 1.0f));
            const float sag = 0.025f * glm::length(glm::vec2(b.x - a.x, b.z - a.z));
            constexpr int kPieces = 10;
            const auto point = [&](float t) {
                return glm::mix(a, b, t) - glm::vec3(0, 4.0f * sag * t * (1.0f - t), 0);
            };
            for (int k = 0; k < kPieces; ++k)
                segments.push_back(
                    beam(point(static_cast<float>(k) / kPieces), point(static_cast<float>(k + 1) / kPieces), 0.06f));
        }
    };
    std::vector<glm::mat4> phaseWires;
    for (const glm::vec3& w : phases)
        sagging(w, phaseWires);
    std::vector<glm::mat4> earthWire;
    sagging(earth, earthWire);
    // Weathered aluminium (ACSR): a light grey.
    const int conductor = m.addMaterial(material("conductor", glm::vec3(0.5f, 0.5f, 0.52f), 0.5f, 0.6f));
    m.addNode("towers", towerMesh(steel), std::move(towers), kSiteLineMinPixelWidth);
    m.addNode("conductors", thinBox(conductor, true), std::move(phaseWires));
    m.addNode("earth_wire", thinBox(conductor, true), std::move(earthWire), kSiteLineMinPixelWidth);
}

void parking(Model& m, const SiteWork& work, const TerrainHeight& ground) {
    const Frame2 f = areaFrame(work);
    m.addNode("surface", areaSurface(f, 0.1f, ground, m.addMaterial(asphalt(0.0f, 0))), {}, 0.0f, kFlat);
    // Double rows of stalls 5.5 m deep and 2.75 m wide about 7 m aisles: modules 18 m deep.
    const int stripeMaterial = m.addMaterial(material("stall_paint", glm::vec3(0.72f, 0.72f, 0.68f), 0.7f));
    const glm::vec3 carColours[] = {{0.75f, 0.75f, 0.74f},
                                    {0.45f, 0.46f, 0.48f},
                                    {0.03f, 0.03f, 0.035f},
                                    {0.42f, 0.03f, 0.03f},
                                    {0.04f, 0.08f, 0.3f}};
    std::vector<glm::mat4> stripes;
    std::vector<std::vector<glm::mat4>> cars(std::size(carColours));
    const int modules = static_cast<int>(f.depth / 18.0f);
    const int stalls = static_cast<int>((f.width - 6.0f) / 2.75f);
    for (int mod = 0; mod < modules; ++mod) {
        for (int row = 0; row < 2; ++row) {
            // Stall rows at 0-5.5 m and 12.5-18 m of the module; cars nose to the aisle.
            const float rowStart = static_cast<float>(mod) * 18.0f + (row == 0 ? 0.0f : 12.5f);
            const float v = (rowStart + 2.75f) / f.depth - 0.5f;
            for (int s = 0; s <= stalls; ++s) {
                const float u = (3.0f + static_cast<float>(s) * 2.75f) / f.width - 0.5f;
                stripes.push_back(placedAt(f, u, v, ground, 0.12f) *
                                  glm::scale(glm::mat4(1.0f), glm::vec3(0.12f, 0.02f, 5.2f)));
                if (s == stalls) break;
                const auto key = static_cast<std::uint32_t>(mod * 2 + row);
                if (draw(key, static_cast<std::uint32_t>(s), 1) > 0.67f) continue;  // two in three taken
                const std::size_t colour = static_cast<std::size_t>(draw(key, static_cast<std::uint32_t>(s), 2) *
                                                                    static_cast<float>(std::size(carColours)));
                const float uc = u + 1.375f / f.width;
                cars[colour].push_back(placedAt(f, uc, v, ground, 0.1f));
            }
        }
    }
    m.addNode("stalls", box(stripeMaterial), std::move(stripes), 0.0f, kFlat);
    for (std::size_t c = 0; c < cars.size(); ++c) {
        // A car: a body 1.85 x 0.8 x 4.6 m on 0.3 m of clearance and a cabin on it.
        const int paint = m.addMaterial(material("car_paint_" + std::to_string(c), carColours[c], 0.35f, 0.3f));
        scene::Primitive car = box(paint, glm::vec3(1.85f, 0.8f, 4.6f));
        for (scene::Vertex& v : car.vertices)
            v.position.y += 0.3f;
        scene::Primitive cabin = box(paint, glm::vec3(1.6f, 0.55f, 2.4f));
        const auto first = static_cast<std::uint32_t>(car.vertices.size());
        for (scene::Vertex v : cabin.vertices) {
            v.position += glm::vec3(0.0f, 1.1f, 0.2f);
            car.vertices.push_back(v);
        }
        for (const std::uint32_t index : cabin.indices)
            car.indices.push_back(first + index);
        m.addNode("cars_" + std::to_string(c), std::move(car), std::move(cars[c]));
    }
}

// Stock on a yard: containers, drums, stacks, each a box of its size.
struct Stock {
    const char* name;
    glm::vec3 colour;
    glm::vec3 size;
    float share;  // of the grid's cells that hold it
};

// On each of `nu` x `nv` cells a draw (salted by `salt`) picks one of `stock` by the shares, or
// nothing; `at(i, j)` places a cell's stock (standing on its yard, unscaled). One node per kind.
template <typename At>
void addStockGrid(Model& m, std::span<const Stock> stock, int nu, int nv, std::uint32_t salt, At at) {
    std::vector<std::vector<glm::mat4>> placed(stock.size());
    for (int j = 0; j < nv; ++j)
        for (int i = 0; i < nu; ++i) {
            float pick = draw(static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j), salt);
            for (std::size_t k = 0; k < stock.size(); ++k) {
                if (pick >= stock[k].share) {
                    pick -= stock[k].share;
                    continue;
                }
                placed[k].push_back(at(i, j) * glm::scale(glm::mat4(1.0f), stock[k].size));
                break;
            }
        }
    for (std::size_t k = 0; k < stock.size(); ++k)
        if (!placed[k].empty())  // no instances would draw it once at the origin
            m.addNode(stock[k].name, box(m.addMaterial(material(stock[k].name, stock[k].colour, 0.6f))),
                      std::move(placed[k]));
}

void laydown(Model& m, const SiteWork& work, const TerrainHeight& ground) {
    const Frame2 f = areaFrame(work);
    m.addNode("surface", areaSurface(f, 0.08f, ground, m.addMaterial(material("gravel", kGravel, 1.0f))), {}, 0.0f,
              kFlat);
    // On a grid of 16 x 10 m: a shipping container (12.2 x 2.6 m), cable drums or a pipe stack.
    const Stock stock[] = {{"container_rust", {0.3f, 0.1f, 0.05f}, {12.2f, 2.6f, 2.45f}, 0.14f},
                           {"container_blue", {0.05f, 0.12f, 0.3f}, {12.2f, 2.6f, 2.45f}, 0.1f},
                           {"container_white", {0.7f, 0.7f, 0.68f}, {12.2f, 2.6f, 2.45f}, 0.08f},
                           {"cable_drums", {0.25f, 0.16f, 0.08f}, {7.0f, 2.4f, 2.4f}, 0.18f},
                           {"pipe_stack", {0.45f, 0.45f, 0.44f}, {12.0f, 1.6f, 3.0f}, 0.14f}};
    addStockGrid(m, stock, static_cast<int>(f.width / 16.0f), static_cast<int>(f.depth / 10.0f), 7, [&](int i, int j) {
        const float u = (static_cast<float>(i) + 0.5f) * 16.0f / f.width - 0.5f;
        const float v = (static_cast<float>(j) + 0.5f) * 10.0f / f.depth - 0.5f;
        return placedAt(f, u, v, ground, 0.08f);
    });
}

void pond(Model& m, const SiteWork& work, const TerrainHeight& ground) {
    const Frame2 f = areaFrame(work);
    // Still water: dark, smooth, so it takes the sky's reflection.
    m.addNode("water",
              areaSurface(f, 0.05f, ground, m.addMaterial(material("water", glm::vec3(0.02f, 0.045f, 0.045f), 0.05f))),
              {}, 0.0f, kFlat);
    // A rip-rap berm: up 0.8 m over 3 m from the water's edge, down to the ground over 3 m more.
    scene::Primitive berm;
    berm.material = m.addMaterial(material("riprap", glm::vec3(0.3f, 0.29f, 0.27f), 1.0f));
    const glm::vec2 corners[] = {{-0.5f, -0.5f}, {0.5f, -0.5f}, {0.5f, 0.5f}, {-0.5f, 0.5f}};
    for (int c = 0; c < 4; ++c) {
        const glm::vec2 p0 = corners[c];
        const glm::vec2 p1 = corners[(c + 1) % 4];
        const auto ring = [&](glm::vec2 corner, float out, float lift) {
            const glm::vec2 q = f.at(corner.x, corner.y) +
                                (f.x * (corner.x > 0 ? 1.0f : -1.0f) + f.z * (corner.y > 0 ? 1.0f : -1.0f)) * out;
            return glm::vec3(q.x, ground.at(q.x, q.y) + lift, q.y);
        };
        addQuad(berm, ring(p0, 0.0f, 0.05f), ring(p1, 0.0f, 0.05f), ring(p1, 3.0f, 0.8f), ring(p0, 3.0f, 0.8f));
        addQuad(berm, ring(p0, 3.0f, 0.8f), ring(p1, 3.0f, 0.8f), ring(p1, 6.0f, 0.0f), ring(p0, 6.0f, 0.0f));
    }
    m.addNode("berm", std::move(berm), {}, 0.0f, kFlat);
}

void switchyard(Model& m, const SiteWork& work, const TerrainHeight& ground) {
    const Frame2 f = areaFrame(work);
    m.addNode("surface", areaSurface(f, 0.08f, ground, m.addMaterial(material("gravel", kGravel, 1.0f))), {}, 0.0f,
              kFlat);
    const int steel = m.addMaterial(material("gantry_steel", kSteel, 0.45f, 0.8f));
    std::vector<glm::mat4> members;
    std::vector<glm::mat4> equipment;
    // Bays across the width every 25 m: a gantry of two 14 m posts and a beam over each, with
    // breakers and a transformer under it.
    const int bays = std::max(1, static_cast<int>(f.width / 25.0f));
    for (int b = 0; b < bays; ++b) {
        const float u = (static_cast<float>(b) + 0.5f) / static_cast<float>(bays) - 0.5f;
        for (const float v : {-0.3f, 0.3f}) {
            const glm::mat4 at = placedAt(f, u, v, ground, 0.08f);
            for (const float side : {-9.0f, 9.0f})
                members.push_back(at * glm::translate(glm::mat4(1.0f), glm::vec3(side, 0, 0)) *
                                  glm::scale(glm::mat4(1.0f), glm::vec3(0.5f, 14.0f, 0.5f)));
            members.push_back(at * glm::translate(glm::mat4(1.0f), glm::vec3(0, 13.5f, 0)) *
                              glm::scale(glm::mat4(1.0f), glm::vec3(18.5f, 0.6f, 0.6f)));
        }
        for (const float v : {-0.12f, 0.0f, 0.12f})
            equipment.push_back(placedAt(f, u, v, ground, 0.08f) *
                                glm::scale(glm::mat4(1.0f), glm::vec3(3.0f, 4.0f, 3.0f)));
    }
    m.addNode("gantries", thinBox(steel), std::move(members), kSiteLineMinPixelWidth);
    m.addNode("equipment", box(m.addMaterial(material("equipment", glm::vec3(0.25f, 0.27f, 0.26f), 0.5f, 0.3f))),
              std::move(equipment));
}

// Tower-crane red (many are; yellow ones would vanish against the scaffolding's orange); the
// counterweights' concrete; the hoist ropes.
const glm::vec3 kCraneRed(0.55f, 0.04f, 0.03f);
const glm::vec3 kConcreteBlock(0.46f, 0.45f, 0.43f);
const glm::vec3 kRope(0.04f, 0.04f, 0.04f);

// A tower crane standing at `base` (ground), `height` to its jib, slewed `slew` radians from +x,
// its trolley `reach` metres out; its parts as beams of one material each, added to `parts`.
struct CraneParts {
    std::vector<glm::mat4> steel, ropes, blocks, loads;
};
void addTowerCrane(CraneParts& parts, glm::vec3 base, float height, float slew, float reach, float hookAbove) {
    constexpr float kJib = 55.0f, kCounterJib = 16.0f, kApex = 9.0f;
    const glm::vec3 out(std::cos(slew), 0.0f, std::sin(slew));
    const glm::vec3 top = base + glm::vec3(0.0f, height, 0.0f);
    const glm::vec3 apex = top + glm::vec3(0.0f, kApex, 0.0f);
    const glm::vec3 jibEnd = top + out * kJib;
    const glm::vec3 counterEnd = top - out * kCounterJib;
    parts.steel.push_back(beam(base, apex, 1.8f));       // mast and tower head
    parts.steel.push_back(beam(top, jibEnd, 1.4f));      // jib
    parts.steel.push_back(beam(top, counterEnd, 1.2f));  // counter-jib
    parts.steel.push_back(beam(top + out * 2.5f - glm::vec3(0, 2.6f, 0), top + out * 2.5f, 2.2f));  // cab
    parts.ropes.push_back(beam(apex, top + out * (0.7f * kJib), 0.12f));                            // pendants
    parts.ropes.push_back(beam(apex, counterEnd, 0.12f));
    const glm::vec3 trolley = top + out * reach;
    const glm::vec3 hook(trolley.x, hookAbove, trolley.z);
    parts.ropes.push_back(beam(trolley, hook, 0.1f));
    parts.blocks.push_back(beam(counterEnd + out * 1.5f - glm::vec3(0, 3.0f, 0), counterEnd + out * 1.5f, 3.0f));
    // A bundle of steel on the hook, hanging along the jib.
    parts.loads.push_back(
        beam(hook - out * 4.0f - glm::vec3(0, 1.2f, 0), hook + out * 4.0f - glm::vec3(0, 1.2f, 0), 0.9f));
}

}  // namespace

scene::Scene constructionEquipmentModel(const scene::Bounds& shell, std::uint32_t seed) {
    Model m("construction");
    const glm::vec3 centre = shell.center();
    const glm::vec3 half = 0.5f * shell.size();
    const float base = shell.min.y;
    const float jibHeight = shell.max.y + 28.0f;  // clear of the roof with a load on the hook
    CraneParts crane;
    const float slew = 6.2831853f * draw(seed, 1, 11);
    addTowerCrane(crane, {centre.x - 0.7f * half.x, base, centre.z - 0.3f * half.z}, jibHeight, slew,
                  20.0f + 30.0f * draw(seed, 2, 11), shell.max.y + 6.0f);
    addTowerCrane(crane, {centre.x + 0.7f * half.x, base, centre.z + 0.35f * half.z}, jibHeight,
                  slew + 2.2f + draw(seed, 3, 11), 20.0f + 30.0f * draw(seed, 4, 11), shell.max.y + 6.0f);
    m.addNode("crane_steel", thinBox(m.addMaterial(material("crane_red", kCraneRed, 0.5f, 0.3f)), true),
              std::move(crane.steel), kSiteLineMinPixelWidth);
    m.addNode("crane_ropes", thinBox(m.addMaterial(material("rope", kRope, 0.6f, 0.6f)), true), std::move(crane.ropes),
              kSiteLineMinPixelWidth);
    m.addNode("crane_counterweights",
              box(m.addMaterial(material("concrete_block", kConcreteBlock, 0.9f)), glm::vec3(1.0f), true),
              std::move(crane.blocks));
    m.addNode("crane_loads",
              box(m.addMaterial(material("steel_bundle", {0.26f, 0.12f, 0.06f}, 0.7f, 0.4f)), glm::vec3(1.0f), true),
              std::move(crane.loads));

    // The laydown yard in the notch between the wings north of the core: gravel, and stock on a
    // grid of 15 x 9 m.
    const glm::vec2 yardCentre(centre.x, centre.z - 0.64f * half.z);
    const glm::vec2 yardSize(0.52f * half.x, 0.6f * half.z);
    const glm::mat4 pad = glm::translate(glm::mat4(1.0f), glm::vec3(yardCentre.x, base, yardCentre.y)) *
                          glm::scale(glm::mat4(1.0f), glm::vec3(yardSize.x, 0.1f, yardSize.y));
    m.addNode("yard", box(m.addMaterial(material("gravel", kGravel, 1.0f))), {pad}, 0.0f, kFlat);
    const Stock stock[] = {{"steel_beams", {0.26f, 0.12f, 0.06f}, {12.0f, 1.0f, 2.6f}, 0.26f},
                           {"precast_panels", {0.62f, 0.61f, 0.58f}, {9.0f, 1.8f, 3.2f}, 0.22f},
                           {"container_white", {0.7f, 0.7f, 0.68f}, {12.2f, 2.6f, 2.45f}, 0.12f},
                           {"container_blue", {0.05f, 0.12f, 0.3f}, {12.2f, 2.6f, 2.45f}, 0.1f},
                           {"cable_drums", {0.25f, 0.16f, 0.08f}, {6.0f, 2.4f, 2.4f}, 0.14f}};
    const int nu = std::max(1, static_cast<int>(yardSize.x / 15.0f));
    const int nv = std::max(1, static_cast<int>(yardSize.y / 9.0f));
    addStockGrid(m, stock, nu, nv, seed, [&](int i, int j) {
        return glm::translate(
            glm::mat4(1.0f),
            glm::vec3(yardCentre.x + ((static_cast<float>(i) + 0.5f) / nu - 0.5f) * yardSize.x, base + 0.1f,
                      yardCentre.y + ((static_cast<float>(j) + 0.5f) / nv - 0.5f) * yardSize.y));
    });
    return m.finish();
}

scene::Scene siteWorkModel(const SiteWork& work, const TerrainHeight& ground) {
    Model m(work.id);
    switch (work.kind) {
        case SiteWorkKind::Road:
            road(m, work, ground);
            break;
        case SiteWorkKind::Fence:
            fence(m, work, ground);
            break;
        case SiteWorkKind::PowerLine:
            powerLine(m, work, ground);
            break;
        case SiteWorkKind::Parking:
            parking(m, work, ground);
            break;
        case SiteWorkKind::Laydown:
            laydown(m, work, ground);
            break;
        case SiteWorkKind::Pond:
            pond(m, work, ground);
            break;
        case SiteWorkKind::Switchyard:
            switchyard(m, work, ground);
            break;
    }
    return m.finish();
}

}  // namespace ct::campus
