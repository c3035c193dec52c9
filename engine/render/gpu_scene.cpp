#include "render/gpu_scene.h"

#include "vk/check.h"
#include "vk/descriptor_pool.h"
#include "vk/pipeline.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <map>

namespace ct::render {

namespace {

GpuInstance makeInstance(const glm::mat4& model, std::uint32_t node, std::uint32_t instance, float minPixelWidth) {
    GpuInstance gpu{};
    gpu.model = model;
    const glm::mat3 normal = glm::transpose(glm::inverse(glm::mat3(model)));
    for (int c = 0; c < 3; ++c)
        gpu.normalMatrix[c] = glm::vec4(normal[c], 0.0f);
    gpu.ids = glm::uvec4(node + 1, instance, std::bit_cast<std::uint32_t>(minPixelWidth), 0);
    return gpu;
}

VkFilter toVk(scene::Filter f) {
    return f == scene::Filter::Nearest ? VK_FILTER_NEAREST : VK_FILTER_LINEAR;
}

VkSamplerAddressMode toVk(scene::Wrap w) {
    switch (w) {
        case scene::Wrap::ClampToEdge:
            return VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_EDGE;
        case scene::Wrap::MirroredRepeat:
            return VK_SAMPLER_ADDRESS_MODE_MIRRORED_REPEAT;
        default:
            return VK_SAMPLER_ADDRESS_MODE_REPEAT;
    }
}

std::uint32_t mipLevelsFor(int width, int height) {
    return static_cast<std::uint32_t>(std::floor(std::log2(std::max(width, height)))) + 1;
}

// Interleaves the low 10 bits of x, y, z: nearby points get nearby codes.
std::uint32_t mortonCode(glm::uvec3 cell) {
    auto spread = [](std::uint32_t v) {
        v &= 0x3ffu;
        v = (v | (v << 16)) & 0x030000ffu;
        v = (v | (v << 8)) & 0x0300f00fu;
        v = (v | (v << 4)) & 0x030c30c3u;
        v = (v | (v << 2)) & 0x09249249u;
        return v;
    };
    return spread(cell.x) | (spread(cell.y) << 1) | (spread(cell.z) << 2);
}

struct Texel {
    std::uint8_t r, g, b, a;
};

}  // namespace

GpuScene::GpuScene(vk::Context& context, const scene::Scene& scene, VkDescriptorSetLayout materialLayout)
    : context_(context) {
    std::vector<GpuInstance> instances;
    buildBatches(scene, instances);
    vk::Uploader uploader(context);
    instances_ = vk::Buffer(context, {std::max<VkDeviceSize>(instances.size() * sizeof(GpuInstance), 256),
                                      VK_BUFFER_USAGE_STORAGE_BUFFER_BIT | VK_BUFFER_USAGE_TRANSFER_DST_BIT,
                                      vk::MemoryUsage::DeviceLocal, "instances"});
    uploader.toBuffer(instances_, 0, instances.data(), instances.size() * sizeof(GpuInstance));
    uploadGeometry(scene, uploader);
    uploadMaterials(scene, uploader, materialLayout);
    uploader.submit();
    stats_.instances = instances.size();
}

void GpuScene::buildBatches(const scene::Scene& scene, std::vector<GpuInstance>& instances) {
    // Which nodes the displayed scene draws: everything reachable from its roots, once.
    std::vector<char> drawn(scene.nodes.size(), 0);
    std::vector<int> stack(scene.roots.begin(), scene.roots.end());
    while (!stack.empty()) {
        const int node = stack.back();
        stack.pop_back();
        if (node < 0 || node >= static_cast<int>(scene.nodes.size()) || drawn[node]) continue;
        drawn[node] = 1;
        for (int child : scene.nodes[node].children)
            stack.push_back(child);
    }
    isLodProxy_.assign(scene.nodes.size(), 0);
    castsShadow_.assign(scene.nodes.size(), 1);
    widened_.assign(scene.nodes.size(), 0);
    for (std::size_t n = 0; n < scene.nodes.size(); ++n) {
        castsShadow_[n] = scene.nodes[n].castsShadow ? 1 : 0;
        widened_[n] = scene.nodes[n].minPixelWidth > 0.0f ? 1 : 0;
    }
    for (const scene::Node& node : scene.nodes)
        if (node.lodFar >= 0 && node.lodFar < static_cast<int>(scene.nodes.size())) isLodProxy_[node.lodFar] = 1;
    // On-demand nodes are uploaded as stand-ins are: not drawn until something asks for them.
    for (std::size_t n = 0; n < scene.nodes.size(); ++n)
        if (scene.nodes[n].onDemand) isLodProxy_[n] = 1;

    struct Placement {
        glm::mat4 model;
        std::uint32_t node, instance;
    };
    std::vector<std::array<std::vector<Placement>, 2>> perMesh(scene.meshes.size());
    for (std::size_t n = 0; n < scene.nodes.size(); ++n) {
        const scene::Node& node = scene.nodes[n];
        // A LOD stand-in is drawn even if it hangs outside the displayed hierarchy.
        if (!(drawn[n] || isLodProxy_[n]) || node.mesh < 0 || node.mesh >= static_cast<int>(scene.meshes.size()))
            continue;
        auto place = [&](const glm::mat4& model, std::uint32_t instance) {
            const bool mirrored = glm::determinant(glm::mat3(model)) < 0.0f;
            perMesh[node.mesh][mirrored].push_back({model, static_cast<std::uint32_t>(n), instance});
        };
        if (node.instances.empty()) {
            place(node.world, 0);
        } else {
            for (std::size_t i = 0; i < node.instances.size(); ++i)
                place(node.world * node.instances[i], static_cast<std::uint32_t>(i));
        }
    }

    // Order each node's instances along a Morton curve, so that a chunk of consecutive instances
    // is compact in space and culls well whatever order the file listed them in (a row-major
    // grid would otherwise give chunks a whole row long). Picking still reports the file's
    // instance index, which travels with each instance.
    for (auto& byWinding : perMesh) {
        for (auto& placements : byWinding) {
            for (std::size_t begin = 0; begin < placements.size();) {
                std::size_t end = begin;
                scene::Bounds extent;
                while (end < placements.size() && placements[end].node == placements[begin].node)
                    extent.extend(glm::vec3(placements[end++].model[3]));
                const glm::vec3 scale = 1023.0f / glm::max(extent.size(), glm::vec3(1e-6f));
                auto key = [&](const Placement& p) {
                    return mortonCode(glm::uvec3((glm::vec3(p.model[3]) - extent.min) * scale));
                };
                std::stable_sort(placements.begin() + static_cast<std::ptrdiff_t>(begin),
                                 placements.begin() + static_cast<std::ptrdiff_t>(end),
                                 [&](const Placement& a, const Placement& b) { return key(a) < key(b); });
                begin = end;
            }
        }
    }

    std::vector<scene::Bounds> nodeBounds(scene.nodes.size());
    const std::uint32_t defaultMaterial = static_cast<std::uint32_t>(scene.materials.size());
    firstGeometry_.resize(scene.meshes.size());
    std::uint32_t geometries = 0;
    for (std::size_t m = 0; m < scene.meshes.size(); ++m) {
        firstGeometry_[m] = geometries;
        geometries += 1 + static_cast<std::uint32_t>(scene.meshes[m].levels.size());
    }
    auto materialOf = [&](const scene::Primitive& prim) -> const scene::Material* {
        const bool valid = prim.material >= 0 && prim.material < static_cast<int>(defaultMaterial);
        return valid ? &scene.materials[static_cast<std::size_t>(prim.material)] : nullptr;
    };
    for (std::size_t m = 0; m < scene.meshes.size(); ++m) {
        const scene::Mesh& mesh = scene.meshes[m];
        scene::Bounds meshBounds;
        for (const scene::Primitive& prim : mesh.primitives)
            meshBounds.extend(prim.bounds);
        // Blended primitives are drawn one instance at a time, outside the groups' lists: a mesh
        // with any keeps its full detail only.
        const bool blends = std::any_of(mesh.primitives.begin(), mesh.primitives.end(), [&](const auto& prim) {
            const scene::Material* material = materialOf(prim);
            return material && material->alphaMode == scene::AlphaMode::Blend;
        });
        const std::uint32_t levelCount = blends ? 1u : 1u + static_cast<std::uint32_t>(mesh.levels.size());
        for (int mirrored = 0; mirrored < 2; ++mirrored) {
            const auto& placements = perMesh[m][mirrored];
            if (placements.empty()) continue;
            const std::uint32_t firstGroup = static_cast<std::uint32_t>(groups_.size());
            InstanceGroup& group = groups_.emplace_back();
            const std::uint32_t first = static_cast<std::uint32_t>(instances.size());
            for (std::size_t i = 0; i < placements.size(); ++i) {
                const Placement& p = placements[i];
                instances.push_back(makeInstance(p.model, p.node, p.instance, scene.nodes[p.node].minPixelWidth));
                const scene::Bounds world = scene::transformed(meshBounds, p.model);
                bounds_.extend(world);
                if (castsShadow_[p.node]) casterBounds_.extend(world);
                nodeBounds[p.node].extend(world);
                // A chunk never spans two nodes, so culling and LOD can treat it as a whole.
                if (group.chunks.empty() || group.chunks.back().node != p.node ||
                    group.chunks.back().count == kChunkSize)
                    group.chunks.push_back({first + static_cast<std::uint32_t>(i), 0, p.node, {}});
                InstanceChunk& chunk = group.chunks.back();
                chunk.count++;
                chunk.bounds.extend(world);
                const glm::vec3 extent = world.max - world.min;
                chunk.instanceSize = std::max(chunk.instanceSize, std::max(extent.x, std::max(extent.y, extent.z)));
            }
            group.instanceCount = static_cast<std::uint32_t>(placements.size());
            group.levelCount = levelCount;
            if (levelCount > 1) {
                LevelledInstances& levelled = levelled_.emplace_back();
                levelled.first = first;
                levelled.count = group.instanceCount;
                levelled.error_m.push_back(0.0f);
                for (const scene::MeshLevel& level : mesh.levels)
                    levelled.error_m.push_back(level.error_m);
                levelled.bounds.reserve(placements.size());
                levelled.scale.reserve(placements.size());
                for (const Placement& p : placements) {
                    levelled.bounds.push_back(scene::transformed(meshBounds, p.model));
                    levelled.scale.push_back(
                        std::max({glm::length(glm::vec3(p.model[0])), glm::length(glm::vec3(p.model[1])),
                                  glm::length(glm::vec3(p.model[2]))}));
                }
                // The coarser levels' groups: the same instances and chunks.
                for (std::uint32_t level = 1; level < levelCount; ++level) {
                    InstanceGroup copy = groups_[firstGroup];
                    copy.level = level;
                    groups_.push_back(std::move(copy));
                }
            }

            for (std::uint32_t level = 0; level < levelCount; ++level) {
                const std::vector<scene::Primitive>& primitives =
                    level == 0 ? mesh.primitives : mesh.levels[level - 1].primitives;
                for (std::size_t pi = 0; pi < primitives.size(); ++pi) {
                    const scene::Primitive& prim = primitives[pi];
                    if (prim.indices.empty()) continue;
                    const scene::Material fallback;
                    const scene::Material* found = materialOf(prim);
                    const scene::Material& material = found ? *found : fallback;
                    DrawBatch batch;
                    batch.indexCount = static_cast<std::uint32_t>(prim.indices.size());
                    batch.group = firstGroup + level;
                    batch.material = found ? static_cast<std::uint32_t>(prim.material) : defaultMaterial;
                    batch.mirrored = mirrored != 0;
                    batch.doubleSided = material.doubleSided;
                    batch.surface = static_cast<std::uint32_t>(material.procedural);
                    batch.textured = material.baseColorTexture.present() ||
                                     material.metallicRoughnessTexture.present() || material.normalTexture.present() ||
                                     material.occlusionTexture.present() || material.emissiveTexture.present();
                    batch.flags = (prim.hasTangents ? kFlagHasTangents : 0u) |
                                  (material.alphaMode == scene::AlphaMode::Mask ? kFlagAlphaMask : 0u) |
                                  (material.alphaMode == scene::AlphaMode::Blend ? kFlagAlphaBlend : 0u);
                    // Geometry offsets are filled in once the shared buffers are laid out.
                    batch.vertexOffset = static_cast<std::int32_t>(firstGeometry_[m] + level);
                    batch.firstIndex = static_cast<std::uint32_t>(pi);
                    if (level == 0) stats_.triangles += prim.indices.size() / 3 * placements.size();
                    if (material.alphaMode == scene::AlphaMode::Blend) {
                        for (std::size_t i = 0; i < placements.size(); ++i) {
                            DrawBatch single = batch;
                            single.blendInstance = first + static_cast<std::uint32_t>(i);
                            single.blendNode = placements[i].node;
                            single.sortCenter = scene::transformed(prim.bounds, placements[i].model).center();
                            blend_.push_back(single);
                        }
                    } else {
                        opaque_.push_back(batch);
                    }
                }
            }
        }
    }
    nodeCentres_.resize(scene.nodes.size());
    for (std::size_t n = 0; n < scene.nodes.size(); ++n)
        nodeCentres_[n] = nodeBounds[n].empty() ? glm::vec3(0.0f) : nodeBounds[n].center();
    for (std::size_t n = 0; n < scene.nodes.size(); ++n) {
        const scene::Node& node = scene.nodes[n];
        if (node.lodFar < 0 || node.lodFar >= static_cast<int>(scene.nodes.size()) || !drawn[n]) continue;
        lodSwitches_.push_back({static_cast<std::uint32_t>(n), static_cast<std::uint32_t>(node.lodFar),
                                node.lodDistance, nodeBounds[n], glm::mat3(node.world) * node.lodRowStep,
                                glm::mat3(node.world) * node.lodRowDirection});
    }
}

void GpuScene::uploadGeometry(const scene::Scene& scene, vk::Uploader& uploader) {
    std::vector<scene::Vertex> vertices;
    std::vector<std::uint32_t> indices;
    ranges_.clear();
    auto add = [&](const std::vector<scene::Primitive>& primitives) {
        std::vector<PrimitiveRange>& ranges = ranges_.emplace_back();
        for (const scene::Primitive& prim : primitives) {
            ranges.push_back({static_cast<std::uint32_t>(indices.size()),
                              static_cast<std::uint32_t>(prim.indices.size()),
                              static_cast<std::int32_t>(vertices.size())});
            vertices.insert(vertices.end(), prim.vertices.begin(), prim.vertices.end());
            indices.insert(indices.end(), prim.indices.begin(), prim.indices.end());
        }
    };
    // In the order of firstGeometry_: each mesh, then its levels.
    for (const scene::Mesh& mesh : scene.meshes) {
        add(mesh.primitives);
        for (const scene::MeshLevel& level : mesh.levels)
            add(level.primitives);
    }
    stats_.vertices = vertices.size();
    auto resolve = [&](DrawBatch& batch) {
        const PrimitiveRange& range = ranges_[batch.vertexOffset][batch.firstIndex];
        batch.firstIndex = range.firstIndex;
        batch.vertexOffset = range.vertexOffset;
    };
    std::for_each(opaque_.begin(), opaque_.end(), resolve);
    std::for_each(blend_.begin(), blend_.end(), resolve);

    const VkDeviceSize vertexBytes = vertices.size() * sizeof(scene::Vertex);
    const VkDeviceSize indexBytes = indices.size() * sizeof(std::uint32_t);
    vertices_ = vk::Buffer(context_, {std::max<VkDeviceSize>(vertexBytes, 256),
                                      VK_BUFFER_USAGE_VERTEX_BUFFER_BIT | VK_BUFFER_USAGE_TRANSFER_DST_BIT,
                                      vk::MemoryUsage::DeviceLocal, "vertices"});
    indices_ = vk::Buffer(context_, {std::max<VkDeviceSize>(indexBytes, 256),
                                     VK_BUFFER_USAGE_INDEX_BUFFER_BIT | VK_BUFFER_USAGE_TRANSFER_DST_BIT,
                                     vk::MemoryUsage::DeviceLocal, "indices"});
    uploader.toBuffer(vertices_, 0, vertices.data(), vertexBytes);
    uploader.toBuffer(indices_, 0, indices.data(), indexBytes);
}

void GpuScene::uploadMaterials(const scene::Scene& scene, vk::Uploader& uploader, VkDescriptorSetLayout layout) {
    // Images are created per (image, colour space): colour textures are sRGB, data linear.
    std::map<std::pair<int, bool>, std::size_t> imageSlots;
    auto createImage = [&](int width, int height, const void* texels, bool srgb, const std::string& name) {
        VkFormatProperties props;
        const VkFormat format = srgb ? VK_FORMAT_R8G8B8A8_SRGB : VK_FORMAT_R8G8B8A8_UNORM;
        vkGetPhysicalDeviceFormatProperties(context_.physicalDevice(), format, &props);
        const bool canBlit = (props.optimalTilingFeatures & VK_FORMAT_FEATURE_SAMPLED_IMAGE_FILTER_LINEAR_BIT) &&
                             (props.optimalTilingFeatures & VK_FORMAT_FEATURE_BLIT_SRC_BIT) &&
                             (props.optimalTilingFeatures & VK_FORMAT_FEATURE_BLIT_DST_BIT);
        vk::ImageDesc desc;
        desc.extent = {static_cast<std::uint32_t>(width), static_cast<std::uint32_t>(height)};
        desc.format = format;
        desc.mipLevels = canBlit ? mipLevelsFor(width, height) : 1;
        desc.usage = VK_IMAGE_USAGE_SAMPLED_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT |
                     (desc.mipLevels > 1 ? VK_IMAGE_USAGE_TRANSFER_SRC_BIT : 0);
        desc.name = name;
        images_.emplace_back(context_, desc);
        uploader.toImage(images_.back(), texels, static_cast<VkDeviceSize>(width) * height * 4);
        stats_.textures++;
        return images_.size() - 1;
    };
    const Texel white{255, 255, 255, 255};
    const Texel flatNormal{128, 128, 255, 255};
    const std::size_t whiteSlot = createImage(1, 1, &white, false, "default white");
    const std::size_t normalSlot = createImage(1, 1, &flatNormal, false, "default normal");

    auto samplerFor = [&](const scene::Sampler& s, const std::string& name) {
        VkSamplerCreateInfo info{VK_STRUCTURE_TYPE_SAMPLER_CREATE_INFO};
        info.magFilter = toVk(s.magFilter);
        info.minFilter = toVk(s.minFilter);
        info.mipmapMode =
            s.mipmapMode == scene::MipmapMode::Nearest ? VK_SAMPLER_MIPMAP_MODE_NEAREST : VK_SAMPLER_MIPMAP_MODE_LINEAR;
        info.addressModeU = toVk(s.wrapS);
        info.addressModeV = toVk(s.wrapT);
        info.addressModeW = VK_SAMPLER_ADDRESS_MODE_REPEAT;
        // No mipmapping: clamping the LOD to the base level is the Vulkan equivalent.
        info.maxLod = s.mipmapMode == scene::MipmapMode::None ? 0.25f : VK_LOD_CLAMP_NONE;
        VkSampler sampler = VK_NULL_HANDLE;
        VK_CHECK(vkCreateSampler(context_.device(), &info, nullptr, &sampler));
        samplers_.push_back(context_.own(sampler, vkDestroySampler, name));
        return sampler;
    };
    const VkSampler defaultSampler = samplerFor(scene::Sampler{}, "default sampler");
    std::vector<VkSampler> sceneSamplers;
    for (std::size_t i = 0; i < scene.samplers.size(); ++i)
        sceneSamplers.push_back(samplerFor(scene.samplers[i], "sampler " + std::to_string(i)));

    struct Binding {
        VkImageView view;
        VkSampler sampler;
    };
    auto bind = [&](const scene::TextureRef& ref, bool srgb, std::size_t fallback) -> Binding {
        if (ref.present() && ref.texture < static_cast<int>(scene.textures.size())) {
            const scene::Texture& texture = scene.textures[ref.texture];
            if (texture.image >= 0 && texture.image < static_cast<int>(scene.images.size())) {
                const scene::Image& image = scene.images[texture.image];
                if (image.width > 0 && image.height > 0 &&
                    image.rgba8.size() == static_cast<std::size_t>(image.width) * image.height * 4) {
                    const auto key = std::make_pair(texture.image, srgb);
                    auto it = imageSlots.find(key);
                    if (it == imageSlots.end())
                        it = imageSlots
                                 .emplace(key, createImage(image.width, image.height, image.rgba8.data(), srgb,
                                                           "image " + std::to_string(texture.image) + " " + image.name))
                                 .first;
                    const bool validSampler =
                        texture.sampler >= 0 && texture.sampler < static_cast<int>(sceneSamplers.size());
                    return {images_[it->second].view(), validSampler ? sceneSamplers[texture.sampler] : defaultSampler};
                }
            }
        }
        return {images_[fallback].view(), defaultSampler};
    };

    std::vector<scene::Material> materials = scene.materials;
    materials.emplace_back();  // the glTF default material, for primitives without one
    materials.back().name = "default";
    const VkDeviceSize alignment = context_.properties().limits.minUniformBufferOffsetAlignment;
    const VkDeviceSize stride = (sizeof(GpuMaterial) + alignment - 1) / alignment * alignment;
    std::vector<std::uint8_t> uniformBytes(stride * materials.size());
    materialUniforms_ = vk::Buffer(
        context_, {uniformBytes.size(), VK_BUFFER_USAGE_UNIFORM_BUFFER_BIT | VK_BUFFER_USAGE_TRANSFER_DST_BIT,
                   vk::MemoryUsage::DeviceLocal, "material uniforms"});

    const std::uint32_t setCount = static_cast<std::uint32_t>(materials.size());
    const VkDescriptorPoolSize perSet[] = {{VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER, 1},
                                           {VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 5}};
    vk::DescriptorSets allocated = vk::allocateDescriptorSets(context_, layout, perSet, setCount, "material");
    descriptorPool_ = std::move(allocated.pool);
    materialSets_ = std::move(allocated.sets);

    for (std::uint32_t i = 0; i < setCount; ++i) {
        const scene::Material& m = materials[i];
        GpuMaterial gpu{};
        gpu.baseColorFactor = m.baseColorFactor;
        gpu.emissive = glm::vec4(m.emissiveFactor * m.emissiveStrength, 0.0f);
        gpu.factors = glm::vec4(m.metallicFactor, m.roughnessFactor, m.normalScale,
                                m.occlusionTexture.present() ? m.occlusionStrength : 0.0f);
        gpu.alpha = glm::vec4(m.alphaCutoff, 0.0f, 0.0f, 0.0f);
        gpu.texCoords = glm::uvec4(m.baseColorTexture.texCoord, m.metallicRoughnessTexture.texCoord,
                                   m.normalTexture.texCoord, m.occlusionTexture.texCoord);
        gpu.texCoordsMore = glm::uvec4(m.emissiveTexture.texCoord, static_cast<std::uint32_t>(m.procedural),
                                       m.emissiveAtNight ? 1u : 0u, 0);
        gpu.procedural = m.proceduralParams;
        std::memcpy(uniformBytes.data() + stride * i, &gpu, sizeof(gpu));

        const Binding baseColor = bind(m.baseColorTexture, true, whiteSlot);
        const Binding metallicRoughness = bind(m.metallicRoughnessTexture, false, whiteSlot);
        const Binding normal = bind(m.normalTexture, false, normalSlot);
        const Binding occlusion = bind(m.occlusionTexture, false, whiteSlot);
        const Binding emissive = bind(m.emissiveTexture, true, whiteSlot);
        vk::DescriptorWriter()
            .buffer(0, VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER, materialUniforms_.get(), stride * i, sizeof(GpuMaterial))
            .image(1, baseColor.view, baseColor.sampler)
            .image(2, metallicRoughness.view, metallicRoughness.sampler)
            .image(3, normal.view, normal.sampler)
            .image(4, occlusion.view, occlusion.sampler)
            .image(5, emissive.view, emissive.sampler)
            .update(context_.device(), materialSets_[i]);
        context_.setName(materialSets_[i], "material " + m.name);
    }
    uploader.toBuffer(materialUniforms_, 0, uniformBytes.data(), uniformBytes.size());
}

}  // namespace ct::render
