#include "mesh_builder.h"

#include <glm/gtc/matrix_transform.hpp>

#include <array>
#include <cmath>
#include <numbers>
#include <utility>

namespace ct::assetgen {

namespace {

constexpr float kTwoPi = 2.0f * std::numbers::pi_v<float>;

std::uint32_t addVertex(Mesh& m, glm::vec3 position, glm::vec3 normal) {
    m.positions.push_back(position);
    m.normals.push_back(normal);
    return static_cast<std::uint32_t>(m.positions.size() - 1);
}

// Adds triangle a, b, c wound so that its front faces `facing`. Deriving the winding from the
// intended outside, instead of listing every corner order by hand, keeps each shape short and
// makes a wrongly wound face impossible. Degenerate triangles are dropped.
void addTriangle(Mesh& m, std::uint32_t a, std::uint32_t b, std::uint32_t c, glm::vec3 facing) {
    const glm::vec3 g = glm::cross(m.positions[b] - m.positions[a], m.positions[c] - m.positions[a]);
    if (glm::dot(g, g) == 0.0f) {
        return;
    }
    if (glm::dot(g, facing) < 0.0f) {
        std::swap(b, c);
    }
    m.indices.insert(m.indices.end(), {a, b, c});
}

// A flat quad with corners in order around its edge; its normal is the face's own, turned to
// point along `outside`.
void addQuad(Mesh& m, const std::array<glm::vec3, 4>& corners, glm::vec3 outside) {
    glm::vec3 n = glm::cross(corners[2] - corners[0], corners[3] - corners[1]);
    if (glm::dot(n, n) == 0.0f) {
        return;
    }
    n = glm::normalize(n);
    if (glm::dot(n, outside) < 0.0f) {
        n = -n;
    }
    std::array<std::uint32_t, 4> v{};
    for (std::size_t i = 0; i < 4; ++i) {
        v[i] = addVertex(m, corners[i], n);
    }
    addTriangle(m, v[0], v[1], v[2], n);
    addTriangle(m, v[0], v[2], v[3], n);
}

// Twice the signed area of a polygon in the XZ plane: positive when x turns towards z.
float signedArea2(const std::vector<glm::vec2>& p) {
    float area = 0.0f;
    for (std::size_t i = 0; i < p.size(); ++i) {
        const glm::vec2 a = p[i];
        const glm::vec2 b = p[(i + 1) % p.size()];
        area += a.x * b.y - b.x * a.y;
    }
    return area;
}

float cross2(glm::vec2 o, glm::vec2 a, glm::vec2 b) {
    return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

bool insideTriangle(glm::vec2 p, glm::vec2 a, glm::vec2 b, glm::vec2 c) {
    return cross2(a, b, p) >= 0.0f && cross2(b, c, p) >= 0.0f && cross2(c, a, p) >= 0.0f;
}

// Ear clipping for a simple polygon with positive signed area; returns index triples. The
// footprints are a dozen corners, so the quadratic search costs nothing.
std::vector<std::array<std::size_t, 3>> triangulate(const std::vector<glm::vec2>& p) {
    std::vector<std::size_t> remaining(p.size());
    for (std::size_t i = 0; i < p.size(); ++i) {
        remaining[i] = i;
    }
    std::vector<std::array<std::size_t, 3>> out;
    while (remaining.size() > 3) {
        bool clipped = false;
        for (std::size_t i = 0; i < remaining.size() && !clipped; ++i) {
            const std::size_t ia = remaining[(i + remaining.size() - 1) % remaining.size()];
            const std::size_t ib = remaining[i];
            const std::size_t ic = remaining[(i + 1) % remaining.size()];
            if (cross2(p[ia], p[ib], p[ic]) <= 0.0f) {
                continue;  // reflex or straight: not an ear
            }
            bool empty = true;
            for (std::size_t other : remaining) {
                if (other != ia && other != ib && other != ic && insideTriangle(p[other], p[ia], p[ib], p[ic])) {
                    empty = false;
                    break;
                }
            }
            if (empty) {
                out.push_back({ia, ib, ic});
                remaining.erase(remaining.begin() + static_cast<std::ptrdiff_t>(i));
                clipped = true;
            }
        }
        if (!clipped) {
            break;  // not simple: leave the rest open rather than loop forever
        }
    }
    if (remaining.size() == 3) {
        out.push_back({remaining[0], remaining[1], remaining[2]});
    }
    return out;
}

}  // namespace

void Mesh::append(const Mesh& other, const glm::mat4& transform) {
    const auto base = static_cast<std::uint32_t>(positions.size());
    const glm::mat3 normalMatrix = glm::transpose(glm::inverse(glm::mat3(transform)));
    const bool mirrored = glm::determinant(glm::mat3(transform)) < 0.0f;
    // Coordinates for all or none: a part without them gets zeros beside one that has them.
    if (!other.uvs.empty() || !uvs.empty()) {
        uvs.resize(base, glm::vec2(0.0f));
        if (other.uvs.empty())
            uvs.resize(base + other.positions.size(), glm::vec2(0.0f));
        else
            uvs.insert(uvs.end(), other.uvs.begin(), other.uvs.end());
    }
    for (std::size_t i = 0; i < other.positions.size(); ++i) {
        positions.push_back(glm::vec3(transform * glm::vec4(other.positions[i], 1.0f)));
        normals.push_back(glm::normalize(normalMatrix * other.normals[i]));
    }
    for (std::size_t i = 0; i + 2 < other.indices.size(); i += 3) {
        const std::uint32_t a = base + other.indices[i];
        const std::uint32_t b = base + other.indices[i + 1];
        const std::uint32_t c = base + other.indices[i + 2];
        if (mirrored) {
            indices.insert(indices.end(), {a, c, b});
        } else {
            indices.insert(indices.end(), {a, b, c});
        }
    }
}

Mesh box(glm::vec3 lo, glm::vec3 hi, unsigned faces) {
    Mesh m;
    const auto corner = [&](int x, int y, int z) {
        return glm::vec3(x ? hi.x : lo.x, y ? hi.y : lo.y, z ? hi.z : lo.z);
    };
    if (faces & kFacePosX) addQuad(m, {corner(1, 0, 0), corner(1, 1, 0), corner(1, 1, 1), corner(1, 0, 1)}, {1, 0, 0});
    if (faces & kFaceNegX) addQuad(m, {corner(0, 0, 0), corner(0, 1, 0), corner(0, 1, 1), corner(0, 0, 1)}, {-1, 0, 0});
    if (faces & kFacePosY) addQuad(m, {corner(0, 1, 0), corner(1, 1, 0), corner(1, 1, 1), corner(0, 1, 1)}, {0, 1, 0});
    if (faces & kFaceNegY) addQuad(m, {corner(0, 0, 0), corner(1, 0, 0), corner(1, 0, 1), corner(0, 0, 1)}, {0, -1, 0});
    if (faces & kFacePosZ) addQuad(m, {corner(0, 0, 1), corner(1, 0, 1), corner(1, 1, 1), corner(0, 1, 1)}, {0, 0, 1});
    if (faces & kFaceNegZ) addQuad(m, {corner(0, 0, 0), corner(1, 0, 0), corner(1, 1, 0), corner(0, 1, 0)}, {0, 0, -1});
    return m;
}

Mesh boxOnGround(glm::vec3 size, unsigned faces) {
    return box({-size.x / 2, 0.0f, -size.z / 2}, {size.x / 2, size.y, size.z / 2}, faces);
}

Mesh taperedCylinder(float bottomRadius, float topRadius, float height, int segments, bool capBottom) {
    Mesh m;
    const float slope = (bottomRadius - topRadius) / height;  // the side normal leans up by this much
    std::vector<std::uint32_t> bottom;
    std::vector<std::uint32_t> top;
    for (int i = 0; i < segments; ++i) {
        const float a = kTwoPi * static_cast<float>(i) / static_cast<float>(segments);
        const glm::vec3 dir(std::cos(a), 0.0f, std::sin(a));
        const glm::vec3 n = glm::normalize(glm::vec3(dir.x, slope, dir.z));
        bottom.push_back(addVertex(m, dir * bottomRadius, n));
        top.push_back(addVertex(m, dir * topRadius + glm::vec3(0, height, 0), n));
    }
    for (int i = 0; i < segments; ++i) {
        const auto j = static_cast<std::size_t>((i + 1) % segments);
        const auto k = static_cast<std::size_t>(i);
        const glm::vec3 outward = m.normals[bottom[k]] + m.normals[bottom[j]];
        addTriangle(m, bottom[k], bottom[j], top[j], outward);
        addTriangle(m, bottom[k], top[j], top[k], outward);
    }
    Mesh cap = disc(topRadius, segments);
    m.append(cap, translation({0, height, 0}));
    if (capBottom) {
        m.append(disc(bottomRadius, segments), rotationX(std::numbers::pi_v<float>));
    }
    return m;
}

Mesh disc(float radius, int segments) {
    Mesh m;
    const glm::vec3 up(0, 1, 0);
    const std::uint32_t centre = addVertex(m, {0, 0, 0}, up);
    std::vector<std::uint32_t> ring;
    for (int i = 0; i < segments; ++i) {
        const float a = kTwoPi * static_cast<float>(i) / static_cast<float>(segments);
        ring.push_back(addVertex(m, {radius * std::cos(a), 0.0f, radius * std::sin(a)}, up));
    }
    for (std::size_t i = 0; i < ring.size(); ++i) {
        addTriangle(m, centre, ring[i], ring[(i + 1) % ring.size()], up);
    }
    return m;
}

namespace {

// Returns the outline with positive signed area, the orientation the helpers below assume.
std::vector<glm::vec2> positiveOutline(const std::vector<glm::vec2>& outline) {
    if (signedArea2(outline) < 0.0f) {
        return {outline.rbegin(), outline.rend()};
    }
    return outline;
}

}  // namespace

Mesh polygonWalls(const std::vector<glm::vec2>& outline, float bottom, float top) {
    const std::vector<glm::vec2> p = positiveOutline(outline);
    Mesh m;
    for (std::size_t i = 0; i < p.size(); ++i) {
        const glm::vec2 a = p[i];
        const glm::vec2 b = p[(i + 1) % p.size()];
        // With positive area the interior lies to the left of a->b (x towards z), so the outside
        // is the edge turned the other way.
        const glm::vec3 outside(b.y - a.y, 0.0f, -(b.x - a.x));
        addQuad(m,
                {glm::vec3(a.x, bottom, a.y), glm::vec3(b.x, bottom, b.y), glm::vec3(b.x, top, b.y),
                 glm::vec3(a.x, top, a.y)},
                outside);
    }
    return m;
}

Mesh polygonRoof(const std::vector<glm::vec2>& outline, float y) {
    const std::vector<glm::vec2> p = positiveOutline(outline);
    Mesh m;
    const glm::vec3 up(0, 1, 0);
    for (const glm::vec2 v : p) {
        addVertex(m, {v.x, y, v.y}, up);
    }
    for (const auto& t : triangulate(p)) {
        addTriangle(m, static_cast<std::uint32_t>(t[0]), static_cast<std::uint32_t>(t[1]),
                    static_cast<std::uint32_t>(t[2]), up);
    }
    return m;
}

Mesh extrudePolygon(const std::vector<glm::vec2>& outline, float bottom, float top) {
    Mesh m = polygonWalls(outline, bottom, top);
    m.append(polygonRoof(outline, top));
    return m;
}

Mesh loft(const std::vector<LoftSection>& sections) {
    Mesh m;
    const auto corners = [](const LoftSection& s) {
        const float x0 = s.offsetX - s.width / 2;
        const float x1 = s.offsetX + s.width / 2;
        return std::array<glm::vec3, 4>{glm::vec3(x0, s.y, -s.depth / 2), glm::vec3(x1, s.y, -s.depth / 2),
                                        glm::vec3(x1, s.y, s.depth / 2), glm::vec3(x0, s.y, s.depth / 2)};
    };
    const std::array<glm::vec3, 4> sideOutside{glm::vec3(0, 0, -1), glm::vec3(1, 0, 0), glm::vec3(0, 0, 1),
                                               glm::vec3(-1, 0, 0)};
    for (std::size_t s = 0; s + 1 < sections.size(); ++s) {
        const auto lo = corners(sections[s]);
        const auto hi = corners(sections[s + 1]);
        for (std::size_t e = 0; e < 4; ++e) {
            const std::size_t f = (e + 1) % 4;
            addQuad(m, {lo[e], lo[f], hi[f], hi[e]}, sideOutside[e]);
        }
    }
    if (!sections.empty()) {
        addQuad(m, corners(sections.front()), {0, -1, 0});
        addQuad(m, corners(sections.back()), {0, 1, 0});
    }
    return m;
}

Mesh sphere(float radius, int segments, int rings) {
    Mesh m;
    const std::uint32_t southPole = addVertex(m, {0, -radius, 0}, {0, -1, 0});
    const std::uint32_t northPole = addVertex(m, {0, radius, 0}, {0, 1, 0});
    std::vector<std::vector<std::uint32_t>> ring(static_cast<std::size_t>(rings - 1));
    for (int r = 1; r < rings; ++r) {
        const float polar = std::numbers::pi_v<float> * static_cast<float>(r) / static_cast<float>(rings);
        for (int s = 0; s < segments; ++s) {
            const float a = kTwoPi * static_cast<float>(s) / static_cast<float>(segments);
            const glm::vec3 n(std::sin(polar) * std::cos(a), -std::cos(polar), std::sin(polar) * std::sin(a));
            ring[static_cast<std::size_t>(r - 1)].push_back(addVertex(m, n * radius, n));
        }
    }
    const auto seg = static_cast<std::size_t>(segments);
    for (std::size_t s = 0; s < seg; ++s) {
        const std::size_t t = (s + 1) % seg;
        addTriangle(m, southPole, ring.front()[s], ring.front()[t], m.normals[ring.front()[s]]);
        addTriangle(m, northPole, ring.back()[s], ring.back()[t], m.normals[ring.back()[s]]);
        for (std::size_t r = 0; r + 1 < ring.size(); ++r) {
            const glm::vec3 out = m.normals[ring[r][s]] + m.normals[ring[r + 1][t]];
            addTriangle(m, ring[r][s], ring[r][t], ring[r + 1][t], out);
            addTriangle(m, ring[r][s], ring[r + 1][t], ring[r + 1][s], out);
        }
    }
    return m;
}

glm::mat4 translation(glm::vec3 offset) {
    return glm::translate(glm::mat4(1.0f), offset);
}
glm::mat4 rotationY(float radians) {
    return glm::rotate(glm::mat4(1.0f), radians, {0, 1, 0});
}
glm::mat4 rotationZ(float radians) {
    return glm::rotate(glm::mat4(1.0f), radians, {0, 0, 1});
}
glm::mat4 rotationX(float radians) {
    return glm::rotate(glm::mat4(1.0f), radians, {1, 0, 0});
}

}  // namespace ct::assetgen
