// Materials, textures, samplers, images and cameras: glTF's description mapped to scene.h's.
#include "scene/gltf_convert.h"

namespace ct::scene::gltf {

namespace {

constexpr int kNearest = 9728;
constexpr int kLinear = 9729;
constexpr int kNearestMipmapNearest = 9984;
constexpr int kLinearMipmapNearest = 9985;
constexpr int kNearestMipmapLinear = 9986;
constexpr int kLinearMipmapLinear = 9987;
constexpr int kClampToEdge = 33071;
constexpr int kMirroredRepeat = 33648;

Wrap toWrap(int mode) {
    switch (mode) {
        case kClampToEdge:
            return Wrap::ClampToEdge;
        case kMirroredRepeat:
            return Wrap::MirroredRepeat;
        default:
            return Wrap::Repeat;
    }
}

Sampler toSampler(const tinygltf::Sampler& in) {
    Sampler s;
    s.magFilter = in.magFilter == kNearest ? Filter::Nearest : Filter::Linear;
    switch (in.minFilter) {
        case kNearest:
            s.minFilter = Filter::Nearest;
            s.mipmapMode = MipmapMode::None;
            break;
        case kLinear:
            s.minFilter = Filter::Linear;
            s.mipmapMode = MipmapMode::None;
            break;
        case kNearestMipmapNearest:
            s.minFilter = Filter::Nearest;
            s.mipmapMode = MipmapMode::Nearest;
            break;
        case kLinearMipmapNearest:
            s.minFilter = Filter::Linear;
            s.mipmapMode = MipmapMode::Nearest;
            break;
        case kNearestMipmapLinear:
            s.minFilter = Filter::Nearest;
            s.mipmapMode = MipmapMode::Linear;
            break;
        case kLinearMipmapLinear:
            s.minFilter = Filter::Linear;
            s.mipmapMode = MipmapMode::Linear;
            break;
        default:
            break;  // unset: the renderer's choice, trilinear
    }
    s.wrapS = toWrap(in.wrapS);
    s.wrapT = toWrap(in.wrapT);
    return s;
}

glm::vec4 toVec4(const std::vector<double>& v, glm::vec4 fallback) {
    return v.size() == 4 ? glm::vec4(v[0], v[1], v[2], v[3]) : fallback;
}

glm::vec3 toVec3(const std::vector<double>& v, glm::vec3 fallback) {
    return v.size() == 3 ? glm::vec3(v[0], v[1], v[2]) : fallback;
}

// A texture with no decodable source (one that only an unsupported extension names) is
// treated as absent, so the renderer never meets a texture without an image.
TextureRef toRef(const Scene& scene, int texture, int texCoord, const std::string& where, Warnings& warnings) {
    TextureRef ref;
    if (texture < 0 || scene.textures[static_cast<std::size_t>(texture)].image < 0) {
        return ref;
    }
    ref.texture = texture;
    if (texCoord == 0 || texCoord == 1) {
        ref.texCoord = texCoord;
    } else {
        warnings.add("texcoord",
                     "only TEXCOORD_0 and TEXCOORD_1 are supported; using TEXCOORD_0 (first: " + where + ")");
    }
    return ref;
}

Material toMaterial(const Scene& scene, const tinygltf::Material& in, const std::string& where, Warnings& warnings) {
    Material m;
    m.name = in.name;
    const auto& pbr = in.pbrMetallicRoughness;
    m.baseColorFactor = toVec4(pbr.baseColorFactor, glm::vec4(1.0f));
    m.metallicFactor = static_cast<float>(pbr.metallicFactor);
    m.roughnessFactor = static_cast<float>(pbr.roughnessFactor);
    m.emissiveFactor = toVec3(in.emissiveFactor, glm::vec3(0.0f));
    m.normalScale = static_cast<float>(in.normalTexture.scale);
    m.occlusionStrength = static_cast<float>(in.occlusionTexture.strength);
    m.baseColorTexture = toRef(scene, pbr.baseColorTexture.index, pbr.baseColorTexture.texCoord, where, warnings);
    m.metallicRoughnessTexture =
        toRef(scene, pbr.metallicRoughnessTexture.index, pbr.metallicRoughnessTexture.texCoord, where, warnings);
    m.normalTexture = toRef(scene, in.normalTexture.index, in.normalTexture.texCoord, where, warnings);
    m.occlusionTexture = toRef(scene, in.occlusionTexture.index, in.occlusionTexture.texCoord, where, warnings);
    m.emissiveTexture = toRef(scene, in.emissiveTexture.index, in.emissiveTexture.texCoord, where, warnings);
    m.alphaMode = in.alphaMode == "MASK"    ? AlphaMode::Mask
                  : in.alphaMode == "BLEND" ? AlphaMode::Blend
                                            : AlphaMode::Opaque;
    m.alphaCutoff = static_cast<float>(in.alphaCutoff);
    m.doubleSided = in.doubleSided;
    // The project's own hint in the material's extras; other viewers ignore it and show the base colour.
    if (in.extras.IsObject() && in.extras.Has("proceduralSurface")) {
        const tinygltf::Value& kind = in.extras.Get("proceduralSurface");
        const std::string name = kind.IsString() ? kind.Get<std::string>() : "";
        if (name == "grassland")
            m.procedural = ProceduralSurface::Grassland;
        else if (name == "precast")
            m.procedural = ProceduralSurface::PrecastPanels;
        else if (name == "pv_cells")
            m.procedural = ProceduralSurface::PvCells;
        else
            warnings.add("proceduralSurface",
                         "extras.proceduralSurface is not one this renderer knows "
                         "(\"grassland\", \"precast\", \"pv_cells\"); the base colour is used (first: " +
                             where + ")");
    }
    if (in.extras.IsObject() && in.extras.Has("emissiveAtNight")) {
        const tinygltf::Value& night = in.extras.Get("emissiveAtNight");
        if (night.IsBool())
            m.emissiveAtNight = night.Get<bool>();
        else
            warnings.add("emissiveAtNight",
                         "extras.emissiveAtNight is not true or false; ignored (first: " + where + ")");
    }
    auto strength = in.extensions.find("KHR_materials_emissive_strength");
    if (strength != in.extensions.end() && strength->second.IsObject()) {
        const tinygltf::Value& v = strength->second.Get("emissiveStrength");
        if (v.IsNumber()) {
            m.emissiveStrength = static_cast<float>(v.GetNumberAsDouble());
        }
    }
    return m;
}

Camera toCamera(const tinygltf::Camera& in) {
    Camera c;
    c.name = in.name;
    c.perspective = in.type != "orthographic";
    if (c.perspective) {
        c.yfov = static_cast<float>(in.perspective.yfov);
        c.aspectRatio = static_cast<float>(in.perspective.aspectRatio);
        c.znear = static_cast<float>(in.perspective.znear);
        c.zfar = static_cast<float>(in.perspective.zfar);
    } else {
        c.xmag = static_cast<float>(in.orthographic.xmag);
        c.ymag = static_cast<float>(in.orthographic.ymag);
        c.znear = static_cast<float>(in.orthographic.znear);
        c.zfar = static_cast<float>(in.orthographic.zfar);
    }
    return c;
}

}  // namespace

void convertMaterials(const tinygltf::Model& model, Scene& scene, Warnings& warnings) {
    for (const auto& in : model.images) {
        Image image;
        image.name = in.name;
        image.width = in.width;
        image.height = in.height;
        image.rgba8 = in.image;  // decodeImageRgba8 already produced RGBA8
        scene.images.push_back(std::move(image));
    }
    for (const auto& in : model.samplers) {
        scene.samplers.push_back(toSampler(in));
    }
    for (const auto& in : model.textures) {
        scene.textures.push_back(Texture{in.source, in.sampler});
    }
    for (std::size_t i = 0; i < model.materials.size(); ++i) {
        scene.materials.push_back(
            toMaterial(scene, model.materials[i], "materials[" + std::to_string(i) + "]", warnings));
    }
    for (const auto& in : model.cameras) {
        scene.cameras.push_back(toCamera(in));
    }
}

}  // namespace ct::scene::gltf
