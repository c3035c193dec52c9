// Primitives become indexed triangle lists of ct::scene::Vertex.
#include "scene/gltf_accessor.h"
#include "scene/gltf_convert.h"

#include <numeric>

namespace ct::scene::gltf {

namespace {

std::string place(std::size_t mesh, std::size_t primitive) {
    return "meshes[" + std::to_string(mesh) + "].primitives[" + std::to_string(primitive) + "]";
}

// Strips alternate winding so every triangle keeps the orientation of the first; fans pivot
// on vertex 0. Both follow the glTF 2.0 spec's definitions (section 3.7.2.1).
std::vector<std::uint32_t> toTriangleList(const std::vector<std::uint32_t>& in, int mode) {
    std::vector<std::uint32_t> out;
    if (mode == TINYGLTF_MODE_TRIANGLES) {
        out.assign(in.begin(), in.begin() + static_cast<std::ptrdiff_t>(in.size() / 3 * 3));
        return out;
    }
    if (in.size() < 3) {
        return out;
    }
    out.reserve((in.size() - 2) * 3);
    for (std::size_t i = 0; i + 2 < in.size(); ++i) {
        if (mode == TINYGLTF_MODE_TRIANGLE_STRIP) {
            const bool odd = (i % 2) == 1;
            out.insert(out.end(), {in[i], odd ? in[i + 2] : in[i + 1], odd ? in[i + 1] : in[i + 2]});
        } else {
            out.insert(out.end(), {in[i + 1], in[i + 2], in[0]});
        }
    }
    return out;
}

// Without normals glTF asks for flat shading, which needs one vertex per triangle corner.
void makeFlatNormals(Primitive& prim) {
    std::vector<Vertex> flat;
    flat.reserve(prim.indices.size());
    for (std::size_t t = 0; t + 2 < prim.indices.size(); t += 3) {
        Vertex a = prim.vertices[prim.indices[t]];
        Vertex b = prim.vertices[prim.indices[t + 1]];
        Vertex c = prim.vertices[prim.indices[t + 2]];
        const glm::vec3 n = glm::cross(b.position - a.position, c.position - a.position);
        const float len = glm::length(n);
        const glm::vec3 normal = len > 0.0f ? n / len : glm::vec3(0.0f, 0.0f, 1.0f);
        a.normal = b.normal = c.normal = normal;
        flat.insert(flat.end(), {a, b, c});
    }
    prim.vertices = std::move(flat);
    prim.indices.resize(prim.vertices.size());
    std::iota(prim.indices.begin(), prim.indices.end(), 0u);
}

int attribute(const tinygltf::Primitive& prim, const char* name) {
    auto it = prim.attributes.find(name);
    return it == prim.attributes.end() ? -1 : it->second;
}

// Returns an error, or leaves `out.indices` empty when the primitive draws nothing.
std::string convertPrimitive(const tinygltf::Model& model, const tinygltf::Primitive& in, const std::string& where,
                             Primitive& out, Warnings& warnings) {
    const int position = attribute(in, "POSITION");
    if (position < 0) {
        warnings.add("no-position", "primitives without POSITION are not drawn (first: " + where + ")");
        return {};
    }
    const std::vector<glm::vec3> positions = readAccessor<glm::vec3>(model, position);
    const std::size_t vertexCount = positions.size();

    std::vector<std::uint32_t> indices;
    if (in.indices >= 0) {
        indices = readIndices(model, in.indices);
        for (std::size_t k = 0; k < indices.size(); ++k) {
            if (indices[k] >= vertexCount) {
                return where + ": index " + std::to_string(indices[k]) + " (element " + std::to_string(k) +
                       " of accessors[" + std::to_string(in.indices) + "]) is not below the vertex count " +
                       std::to_string(vertexCount);
            }
        }
    } else {
        indices.resize(vertexCount);
        std::iota(indices.begin(), indices.end(), 0u);
    }
    out.indices = toTriangleList(indices, in.mode);
    if (out.indices.empty()) {
        warnings.add("no-triangles", "primitives with fewer than 3 vertices are not drawn (first: " + where + ")");
        return {};
    }

    out.vertices.resize(vertexCount);
    for (std::size_t i = 0; i < vertexCount; ++i) {
        out.vertices[i].position = positions[i];
        out.bounds.extend(positions[i]);
    }
    const int normal = attribute(in, "NORMAL");
    if (normal >= 0) {
        const auto normals = readAccessor<glm::vec3>(model, normal);
        for (std::size_t i = 0; i < vertexCount; ++i) {
            out.vertices[i].normal = normals[i];
        }
    }
    if (const int tangent = attribute(in, "TANGENT"); tangent >= 0) {
        const auto tangents = readAccessor<glm::vec4>(model, tangent);
        for (std::size_t i = 0; i < vertexCount; ++i) {
            out.vertices[i].tangent = tangents[i];
        }
        out.hasTangents = true;
    }
    if (const int uv = attribute(in, "TEXCOORD_0"); uv >= 0) {
        const auto uvs = readAccessor<glm::vec2>(model, uv);
        for (std::size_t i = 0; i < vertexCount; ++i) {
            out.vertices[i].uv0 = uvs[i];
        }
    }
    if (const int uv = attribute(in, "TEXCOORD_1"); uv >= 0) {
        const auto uvs = readAccessor<glm::vec2>(model, uv);
        for (std::size_t i = 0; i < vertexCount; ++i) {
            out.vertices[i].uv1 = uvs[i];
        }
    }
    if (const int color = attribute(in, "COLOR_0"); color >= 0) {
        const auto colors = readAccessor<glm::vec4>(model, color, glm::vec4(1.0f));  // VEC3: alpha 1
        for (std::size_t i = 0; i < vertexCount; ++i) {
            out.vertices[i].color = colors[i];
        }
    }
    if (normal < 0) {
        makeFlatNormals(out);
    }
    return {};
}

}  // namespace

std::string convertMeshes(const tinygltf::Model& model, Scene& scene, Warnings& warnings) {
    scene.meshes.reserve(model.meshes.size());
    for (std::size_t m = 0; m < model.meshes.size(); ++m) {
        const auto& in = model.meshes[m];
        Mesh mesh;
        mesh.name = in.name;
        if (!in.weights.empty()) {
            warnings.add("morph", "morph targets are ignored; meshes are drawn in their rest pose");
        }
        for (std::size_t p = 0; p < in.primitives.size(); ++p) {
            const auto& prim = in.primitives[p];
            const std::string where = place(m, p);
            if (!prim.targets.empty()) {
                warnings.add("morph", "morph targets are ignored; meshes are drawn in their rest pose");
            }
            if (prim.mode != TINYGLTF_MODE_TRIANGLES && prim.mode != TINYGLTF_MODE_TRIANGLE_STRIP &&
                prim.mode != TINYGLTF_MODE_TRIANGLE_FAN) {
                warnings.add("points-lines", "POINTS and LINES primitives are not drawn (first: " + where + ")");
                continue;
            }
            Primitive out;
            out.material = prim.material;
            if (std::string e = convertPrimitive(model, prim, where, out, warnings); !e.empty()) {
                return e;
            }
            if (!out.indices.empty()) {
                mesh.primitives.push_back(std::move(out));
            }
        }
        scene.meshes.push_back(std::move(mesh));
    }
    return {};
}

}  // namespace ct::scene::gltf
