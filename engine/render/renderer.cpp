#include "render/renderer.h"

#include "render/tone_curve.h"
#include "vk/descriptor_pool.h"

#include <algorithm>
#include <bit>
#include <cstddef>

namespace ct::render {

namespace {

VkRenderingAttachmentInfo attachment(VkImageView view, VkImageLayout layout, VkClearValue clear) {
    VkRenderingAttachmentInfo info{VK_STRUCTURE_TYPE_RENDERING_ATTACHMENT_INFO};
    info.imageView = view;
    info.imageLayout = layout;
    info.loadOp = VK_ATTACHMENT_LOAD_OP_CLEAR;
    info.storeOp = VK_ATTACHMENT_STORE_OP_STORE;
    info.clearValue = clear;
    return info;
}

void setViewport(VkCommandBuffer cmd, VkExtent2D extent) {
    const VkViewport viewport{0.0f, 0.0f, static_cast<float>(extent.width), static_cast<float>(extent.height),
                              0.0f, 1.0f};
    const VkRect2D scissor{{0, 0}, extent};
    vkCmdSetViewport(cmd, 0, 1, &viewport);
    vkCmdSetScissor(cmd, 0, 1, &scissor);
}

}  // namespace

// The sky-view table is made again when the sun's zenith angle or the viewer's height changes by
// more than these (a few metres of the camera or a hundredth of a degree are not worth a new
// table); the sky's light on the scene (harmonics, prefiltered sky) when the sun has moved by
// a tenth of a degree.
constexpr double kSkyViewViewerStep_km = 0.01;
constexpr double kSkyViewSunStep_rad = 2e-4;
constexpr float kSkyLightingSunStep_rad = 1.75e-3f;

std::optional<InstanceCulling> parseInstanceCulling(std::string_view name) {
    if (name == "auto") return InstanceCulling::Auto;
    if (name == "cpu") return InstanceCulling::Cpu;
    if (name == "gpu") return InstanceCulling::Gpu;
    return std::nullopt;
}

RendererOptions rendererOptions(const RenderQuality& quality, VkExtent2D extent) {
    return {.extent = extent,
            .shadowMapSize = quality.shadowMapSize,
            .shadowCascades = quality.shadowCascades,
            .samples = quality.samples,
            .multisampleShading = MultisampleShading::Auto,
            .ambientOcclusion = quality.ambientOcclusion,
            .exposedTarget = quality.exposedTarget,
            .bloom = quality.bloom};
}

VkSampleCountFlagBits supportedSamples(const vk::Context& context, std::uint32_t requested) {
    const VkPhysicalDeviceLimits& limits = context.properties().limits;
    const VkSampleCountFlags drawable = limits.framebufferColorSampleCounts & limits.framebufferDepthSampleCounts &
                                        limits.sampledImageColorSampleCounts;
    VkFormatProperties idFormat{};
    vkGetPhysicalDeviceFormatProperties(context.physicalDevice(), Renderer::kIdFormat, &idFormat);
    if ((idFormat.optimalTilingFeatures & VK_FORMAT_FEATURE_STORAGE_IMAGE_BIT) == 0) return VK_SAMPLE_COUNT_1_BIT;
    for (std::uint32_t samples = 8; samples > 1; samples /= 2)
        if (samples <= requested && (drawable & samples) != 0) return static_cast<VkSampleCountFlagBits>(samples);
    return VK_SAMPLE_COUNT_1_BIT;
}

Renderer::Renderer(vk::Context& context, const std::filesystem::path& shaderDir, const RendererOptions& options)
    : context_(context),
      shaderDir_(shaderDir),
      passTimer_(context, FrameRing::kFramesInFlight),
      extent_(options.extent),
      shadowMapSize_(options.shadowMapSize),
      shadowCascades_(std::clamp(options.shadowCascades, 1, kMaxShadowCascades)),
      exposedTarget_(options.exposedTarget),
      shadowTiles_(shadowCascades_ > 1 ? 2u : 1u),
      samples_(supportedSamples(context, options.samples)),
      // The reconstruction rebuilds four samples (and writes the exposed light the tone map reads).
      reconstructEdges_(samples_ == VK_SAMPLE_COUNT_4_BIT && options.exposedTarget &&
                        (options.multisampleShading == MultisampleShading::Reconstructed ||
                         (options.multisampleShading == MultisampleShading::Auto &&
                          context.properties().deviceType == VK_PHYSICAL_DEVICE_TYPE_CPU))),
      shadingSamples_(reconstructEdges_ ? VK_SAMPLE_COUNT_1_BIT : samples_),
      specularAntialiasing_(options.specularAntialiasing),
      // Both are applied by the tone map pass.
      ambientOcclusion_(options.ambientOcclusion && options.exposedTarget) {
    gpuCulling_ =
        context_.indirectDrawing() &&
        (options.culling == InstanceCulling::Gpu ||
         (options.culling == InstanceCulling::Auto && context_.properties().deviceType != VK_PHYSICAL_DEVICE_TYPE_CPU));
    // The pyramid is built from the depth as the main pass leaves it, multisampled or not: the
    // device must sample a depth image of that many samples.
    occlusionCulling_ = gpuCulling_ && options.occlusionCulling &&
                        (context_.properties().limits.sampledImageDepthSampleCounts & shadingSamples_) != 0;
    if (ambientOcclusion_) occlusionPass_ = std::make_unique<AmbientOcclusionPass>(context_, shaderDir);
    if (shadingSamples_ != VK_SAMPLE_COUNT_1_BIT) idResolve_ = std::make_unique<IdResolve>(context_, shaderDir);
    static_assert(EdgeReconstructionPass::kColorFormat == kExposedFormat, "the reconstruction writes the exposed light");
    if (reconstructEdges_) edgeReconstruction_ = std::make_unique<EdgeReconstructionPass>(context_, shaderDir);
    if (exposedTarget_) {
        if (options.bloom) bloom_ = std::make_unique<BloomPass>(context_, shaderDir, BloomSettings{});
        toneMap_ = std::make_unique<ToneMapPass>(context_, shaderDir, kColorFormat);
    }
    createTargets();
    shadowMap_ = vk::Image(context_, {{shadowMapSize_ * shadowTiles_, shadowMapSize_ * shadowTiles_},
                                      kDepthFormat,
                                      VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT | VK_IMAGE_USAGE_SAMPLED_BIT,
                                      1,
                                      VK_IMAGE_ASPECT_DEPTH_BIT,
                                      "sun shadow map"});
    shadowSampler_ = vk::makeSampler(context_, {VK_FILTER_LINEAR, VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_BORDER, true},
                                     "shadow comparison sampler");

    frameLayout_ = vk::makeSetLayout(
        context_,
        {{0, VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER, VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT},
         {1, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, VK_SHADER_STAGE_VERTEX_BIT},
         {2, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, VK_SHADER_STAGE_FRAGMENT_BIT},
         {3, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, VK_SHADER_STAGE_VERTEX_BIT},
         {4, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, VK_SHADER_STAGE_VERTEX_BIT},
         {5, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, VK_SHADER_STAGE_FRAGMENT_BIT},
         {6, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, VK_SHADER_STAGE_FRAGMENT_BIT},
         {7, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT},
         {8, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, VK_SHADER_STAGE_FRAGMENT_BIT},
         {9, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, VK_SHADER_STAGE_FRAGMENT_BIT},
         {10, VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER, VK_SHADER_STAGE_FRAGMENT_BIT},
         {11, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, VK_SHADER_STAGE_FRAGMENT_BIT}},
        "frame set layout");
    std::vector<vk::LayoutBinding> materialBindings{
        {0, VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER, VK_SHADER_STAGE_FRAGMENT_BIT}};
    for (std::uint32_t b = 1; b <= 5; ++b)
        materialBindings.push_back({b, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, VK_SHADER_STAGE_FRAGMENT_BIT});
    materialLayout_ = vk::makeSetLayout(context_, materialBindings, "material set layout");
    pipelineLayout_ = vk::makePipelineLayout(context_, {frameLayout_.get(), materialLayout_.get()},
                                             sizeof(DrawConstants), "scene pipeline layout");
    createPipelines(shaderDir);
    atmosphere_ = std::make_unique<AtmosphereLuts>(context_, shaderDir);
    // The sun's colour, the ambient light and the exposure are read on the CPU from the same
    // tables the GPU made: read back once, not computed a second time.
    transmittanceTable_ = atmosphere_->readTransmittance();
    multipleScatteringTable_ = atmosphere_->readMultipleScattering();
    // Left by the tables' set-up in GENERAL after a compute write (waited for).
    skyViewState_ = {VK_IMAGE_LAYOUT_GENERAL, VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT,
                     VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT};
    skySampler_ = vk::makeSampler(context_, {}, "sky view sampler");
    skyIrradiance_ = std::make_unique<SkyIrradiancePass>(context_, shaderDir, atmosphere_->skyView());
    skySpecular_ = std::make_unique<SkySpecularPass>(context_, shaderDir, atmosphere_->skyView());
    flowLines_ = std::make_unique<FlowLinePass>(context_, shaderDir, sceneTargets());
    lampPass_ = std::make_unique<LampPass>(context_, shaderDir, sceneTargets());
    plumePass_ = std::make_unique<PlumePass>(context_, shaderDir, sceneTargets());
    for (std::uint32_t i = 0; i < FrameRing::kFramesInFlight; ++i)
        lampMapBuffers_[i] = vk::Buffer(context_, {16, VK_BUFFER_USAGE_STORAGE_BUFFER_BIT, vk::MemoryUsage::Upload,
                                                   "lamp light map " + std::to_string(i)});

    for (std::uint32_t i = 0; i < FrameRing::kFramesInFlight; ++i) {
        frameUniforms_[i] = vk::Buffer(context_, {sizeof(GpuFrameUniforms), VK_BUFFER_USAGE_UNIFORM_BUFFER_BIT,
                                                  vk::MemoryUsage::Upload, "frame uniforms " + std::to_string(i)});
    }
    const std::vector<glm::vec4> table = colormapTable();
    colormapTable_ = vk::Buffer(context_, {table.size() * sizeof(glm::vec4),
                                           VK_BUFFER_USAGE_STORAGE_BUFFER_BIT | VK_BUFFER_USAGE_TRANSFER_DST_BIT,
                                           vk::MemoryUsage::DeviceLocal, "colour map table"});
    emptyOverlay_ = vk::Buffer(context_, {16, VK_BUFFER_USAGE_STORAGE_BUFFER_BIT | VK_BUFFER_USAGE_TRANSFER_DST_BIT,
                                          vk::MemoryUsage::DeviceLocal, "empty overlay"});
    vk::Uploader uploader(context_);
    const float zeros[4] = {0, 0, 0, 0};
    uploader.toBuffer(colormapTable_, 0, table.data(), table.size() * sizeof(glm::vec4));
    uploader.toBuffer(emptyOverlay_, 0, zeros, sizeof zeros);
    uploader.submit();
    setScene(scene::Scene{});
}

void Renderer::setGroundOverlay(const GroundOverlay& overlay) {
    overlay_ = overlay;
    const VkBuffer wanted = overlay.enabled && overlay.values ? overlay.values : emptyOverlay_.get();
    // Descriptor sets in use by frames in flight must not change: point fresh ones at the buffer.
    if (wanted != overlayBound_) allocateFrameSets();
}

void Renderer::createTargets() {
    // New images: nothing in them, no use to wait for (the old ones are retired with theirs).
    colorState_ = {};
    exposedState_ = {};
    idsState_ = {};
    depthState_ = {};
    sceneMultisampledState_ = {};
    idsMultisampledState_ = {};
    coverageKeysState_ = {};
    shadedState_ = {};
    coverageDepthState_ = {};
    const bool multisampled = shadingSamples_ != VK_SAMPLE_COUNT_1_BIT;
    color_ = vk::Image(context_,
                       {extent_, kColorFormat, VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_TRANSFER_SRC_BIT, 1,
                        VK_IMAGE_ASPECT_COLOR_BIT, "color target"});
    exposed_ =
        vk::Image(context_, {extent_, kExposedFormat, VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_SAMPLED_BIT,
                             1, VK_IMAGE_ASPECT_COLOR_BIT, "exposed target"});
    // Multisampled, the single-sample ids are written by the id resolve's compute shader.
    const VkImageUsageFlags idUsage =
        (multisampled ? VK_IMAGE_USAGE_STORAGE_BIT : VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT) |
        VK_IMAGE_USAGE_TRANSFER_SRC_BIT;
    ids_ = vk::Image(context_, {extent_, kIdFormat, idUsage, 1, VK_IMAGE_ASPECT_COLOR_BIT, "id target"});
    // Single-sample with ambient occlusion, the depth target is read by it; with occlusion
    // culling, by the depth pyramid.
    const VkImageUsageFlags depthUsage =
        VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT |
        ((ambientOcclusion_ && !multisampled) || occlusionCulling_ ? VK_IMAGE_USAGE_SAMPLED_BIT : 0);
    depth_ = vk::Image(context_, {extent_, kDepthFormat, depthUsage, 1, VK_IMAGE_ASPECT_DEPTH_BIT, "depth target",
                                  shadingSamples_});
    if (occlusionCulling_) depthPyramid_ = std::make_unique<DepthPyramidPass>(context_, shaderDir_, depth_);
    depthResolvedState_ = {};
    occlusionState_ = {};
    if (ambientOcclusion_) {
        if (multisampled)
            depthResolved_ =
                vk::Image(context_, {extent_, kDepthFormat,
                                     VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT | VK_IMAGE_USAGE_SAMPLED_BIT, 1,
                                     VK_IMAGE_ASPECT_DEPTH_BIT, "resolved depth target"});
        occlusion_ = vk::Image(context_, {{(extent_.width + 1) / 2, (extent_.height + 1) / 2},
                                          AmbientOcclusionPass::kOcclusionFormat,
                                          VK_IMAGE_USAGE_STORAGE_BIT | VK_IMAGE_USAGE_SAMPLED_BIT,
                                          1,
                                          VK_IMAGE_ASPECT_COLOR_BIT,
                                          "ambient occlusion"});
    }
    if (multisampled) {
        sceneMultisampled_ =
            vk::Image(context_, {extent_, sceneTargets().color,
                                 VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_TRANSIENT_ATTACHMENT_BIT, 1,
                                 VK_IMAGE_ASPECT_COLOR_BIT, "multisampled scene target", samples_});
        idsMultisampled_ =
            vk::Image(context_, {extent_, kIdFormat, VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_SAMPLED_BIT,
                                 1, VK_IMAGE_ASPECT_COLOR_BIT, "multisampled id target", samples_});
        idResolve_->setImages(idsMultisampled_, ids_);
    }
    if (reconstructEdges_) {
        shaded_ = vk::Image(context_, {extent_, EdgeReconstructionPass::kShadedFormat,
                                       VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_SAMPLED_BIT, 1,
                                       VK_IMAGE_ASPECT_COLOR_BIT, "shaded target (once per pixel)"});
        coverageKeys_ = vk::Image(context_, {extent_, EdgeReconstructionPass::kKeyFormat,
                                             VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_SAMPLED_BIT, 1,
                                             VK_IMAGE_ASPECT_COLOR_BIT, "coverage surface keys", samples_});
        coverageDepth_ = vk::Image(
            context_, {extent_, kDepthFormat,
                       VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT | VK_IMAGE_USAGE_TRANSIENT_ATTACHMENT_BIT, 1,
                       VK_IMAGE_ASPECT_DEPTH_BIT, "coverage depth target", samples_});
        edgeReconstruction_->setImages({&shaded_, &coverageKeys_, &exposed_});
    }
    if (ambientOcclusion_) occlusionPass_->setImages(occlusionDepth(), occlusion_);
    if (!exposedTarget_) return;
    if (bloom_) bloom_->setSource(exposed_);
    const bool bloomed = bloom_ && bloom_->levels() > 0;
    toneMap_->setImages({&exposed_, bloomed ? &bloom_->result() : nullptr,
                         ambientOcclusion_ ? &occlusionDepth() : nullptr, ambientOcclusion_ ? &occlusion_ : nullptr});
}

SceneTargets Renderer::sceneTargets() const {
    const VkFormat color = reconstructEdges_ ? EdgeReconstructionPass::kShadedFormat
                           : exposedTarget_  ? kExposedFormat
                                             : kColorFormat;
    return {color, kIdFormat, kDepthFormat, shadingSamples_, !exposedTarget_, reconstructEdges_};
}

void Renderer::resize(VkExtent2D extent) {
    if (extent.width == extent_.width && extent.height == extent_.height) return;
    extent_ = extent;
    createTargets();  // the old targets are retired until the frames using them complete
}

void Renderer::createPipelines(const std::filesystem::path& shaderDir) {
    meshVert_ = vk::loadShader(context_, shaderDir, "mesh.vert");
    meshFrag_ = vk::loadShader(context_, shaderDir, "mesh.frag");
    auto shadowVert = vk::loadShader(context_, shaderDir, "shadow.vert");
    auto shadowMaskVert = vk::loadShader(context_, shaderDir, "shadow_mask.vert");
    auto shadowMaskFrag = vk::loadShader(context_, shaderDir, "shadow_mask.frag");
    skyVert_ = vk::loadShader(context_, shaderDir, "sky.vert");
    skyFrag_ = vk::loadShader(context_, shaderDir, "sky.frag");

    const std::vector<VkVertexInputBindingDescription> bindings{
        {0, sizeof(scene::Vertex), VK_VERTEX_INPUT_RATE_VERTEX}};
    const std::vector<VkVertexInputAttributeDescription> attributes{
        {0, 0, VK_FORMAT_R32G32B32_SFLOAT, offsetof(scene::Vertex, position)},
        {1, 0, VK_FORMAT_R32G32B32_SFLOAT, offsetof(scene::Vertex, normal)},
        {2, 0, VK_FORMAT_R32G32B32A32_SFLOAT, offsetof(scene::Vertex, tangent)},
        {3, 0, VK_FORMAT_R32G32_SFLOAT, offsetof(scene::Vertex, uv0)},
        {4, 0, VK_FORMAT_R32G32_SFLOAT, offsetof(scene::Vertex, uv1)},
        {5, 0, VK_FORMAT_R32G32B32A32_SFLOAT, offsetof(scene::Vertex, color)},
    };

    vk::GraphicsPipelineDesc opaque;
    opaque.name = "opaque";
    opaque.layout = pipelineLayout_.get();
    opaque.vertexShader = meshVert_.get();
    opaque.fragmentShader = meshFrag_.get();
    opaque.vertexBindings = bindings;
    opaque.vertexAttributes = attributes;
    const SceneTargets targets = sceneTargets();
    opaque.colorAttachments = {{targets.color, false, true}, {kIdFormat, false, true}};
    opaque.depthFormat = kDepthFormat;
    opaque.samples = shadingSamples_;
    static_assert(static_cast<std::uint32_t>(scene::ProceduralSurface::PvCells) + 1 == kSurfaceKinds,
                  "one opaque pipeline per procedural surface");
    // The opaque pipelines are built from this as frames need them (opaquePipeline).
    opaque.fragmentConstants = {targets.display ? 1u : 0u};
    opaqueDesc_ = opaque;
    // Blended draws are few: one pipeline with every feature in.
    opaque.fragmentConstants = {targets.display ? 1u : 0u,       0u, 1u, 1u, 1u, 1u, 0u, 0u,
                                specularAntialiasing_ ? 1u : 0u, 1u};

    vk::GraphicsPipelineDesc blend = opaque;
    blend.name = "blend";
    blend.colorAttachments = {{targets.color, true, true, false, false, !targets.keyInAlpha}, {kIdFormat, false, false}};
    blend.depthWrite = false;
    blendPipeline_ = vk::buildGraphicsPipeline(context_, blend);

    vk::GraphicsPipelineDesc sky;
    sky.name = "sky";
    sky.layout = pipelineLayout_.get();
    sky.vertexShader = skyVert_.get();
    sky.fragmentShader = skyFrag_.get();
    sky.colorAttachments = {{targets.color, false, true, false, false, !targets.keyInAlpha}, {kIdFormat, false, false}};
    sky.fragmentConstants = {targets.display ? 1u : 0u};
    sky.depthFormat = kDepthFormat;
    // Drawn after the opaque batches at the far plane: only where nothing stands does it shade.
    sky.depthTest = true;
    sky.depthWrite = false;
    sky.samples = shadingSamples_;
    skyDesc_ = sky;  // built for each frame's sky as needed (skyPipeline)

    vk::GraphicsPipelineDesc shadow;
    shadow.name = "sun shadow";
    shadow.layout = pipelineLayout_.get();
    shadow.vertexShader = shadowVert.get();
    shadow.vertexBindings = bindings;
    shadow.vertexAttributes = {attributes[0]};
    shadow.depthFormat = kDepthFormat;
    shadowPipeline_ = vk::buildGraphicsPipeline(context_, shadow);

    vk::GraphicsPipelineDesc shadowMask = shadow;
    shadowMask.name = "sun shadow, alpha masked";
    shadowMask.vertexShader = shadowMaskVert.get();
    shadowMask.fragmentShader = shadowMaskFrag.get();
    shadowMask.vertexAttributes = {attributes[0], attributes[3], attributes[4], attributes[5]};
    shadowMaskPipeline_ = vk::buildGraphicsPipeline(context_, shadowMask);

    if (reconstructEdges_) {
        coverageVert_ = vk::loadShader(context_, shaderDir, "coverage.vert");
        coverageFrag_ = vk::loadShader(context_, shaderDir, "coverage.frag");
        vk::GraphicsPipelineDesc coverage = opaqueDesc_;
        coverage.name = "coverage";
        coverage.vertexShader = coverageVert_.get();
        coverage.fragmentShader = coverageFrag_.get();
        coverage.vertexAttributes = {attributes[0], attributes[1], attributes[3], attributes[4], attributes[5]};
        coverage.colorAttachments = {{EdgeReconstructionPass::kKeyFormat, false, true}};
        coverage.samples = samples_;
        coverageDesc_ = coverage;  // built as frames need them (coveragePipeline)
    }
}

VkPipeline Renderer::coveragePipeline(bool alphaMask) {
    const bool scaffolding = (frameFeatures_ & kFeatureScaffolding) != 0;
    const std::uint32_t variant = (alphaMask ? 1u : 0u) | (frameRising_ ? 2u : 0u) | (scaffolding ? 4u : 0u);
    vk::Unique<VkPipeline>& pipeline = coveragePipelines_[variant];
    if (!pipeline) {
        vk::GraphicsPipelineDesc desc = coverageDesc_;
        desc.name = std::string("coverage") + (alphaMask ? " alpha mask" : "") + (frameRising_ ? " rising" : "") +
                    (scaffolding ? " scaffolding" : "");
        // coverage.frag's constants: 1 the alpha mask, 2 the rising buildings, 4 the scaffolding.
        desc.fragmentConstants = {0u, alphaMask ? 1u : 0u, frameRising_ ? 1u : 0u, 0u, scaffolding ? 1u : 0u};
        pipeline = vk::buildGraphicsPipeline(context_, desc);
    }
    return pipeline.get();
}

void Renderer::setScene(const scene::Scene& scene) {
    scene_ = std::make_unique<GpuScene>(context_, scene, materialLayout_.get());
    shadowMapValid_ = false;
    levelSelection_.reset();
    nodeDrawn_.clear();  // no stand-in choices carried over to another scene
    animations_.clear();
    if (lampPass_) lampPass_->setLamps({});  // they belong to the old scene's nodes
    lampsBaked_ = false;
    culling_.reset();
    if (gpuCulling_)
        culling_ =
            std::make_unique<GpuCulling>(context_, shaderDir_, *scene_, FrameRing::kFramesInFlight,
                                         static_cast<std::uint32_t>(scene_->blendBatches().size()), occlusionCulling_);
    createVisibleLists();
    createAnimationBuffers();
    allocateFrameSets();
}

void Renderer::createVisibleLists() {
    // Room for every instance once, plus one entry per blended draw.
    const VkDeviceSize entries = std::max<VkDeviceSize>(scene_->stats().instances + scene_->blendBatches().size(), 1);
    const VkDeviceSize alignment = context_.properties().limits.minStorageBufferOffsetAlignment;
    shadowListOffset_ = (entries * sizeof(std::uint32_t) + alignment - 1) / alignment * alignment;
    // The camera's list, then the cascades' lists one after another.
    const VkDeviceSize lists = 1 + static_cast<VkDeviceSize>(shadowCascades_);
    for (std::uint32_t i = 0; i < FrameRing::kFramesInFlight; ++i) {
        visibleLists_[i] = vk::Buffer(context_, {shadowListOffset_ * lists, VK_BUFFER_USAGE_STORAGE_BUFFER_BIT,
                                                 vk::MemoryUsage::Upload, "visible instances " + std::to_string(i)});
    }
}

void Renderer::createAnimationBuffers() {
    const VkDeviceSize bytes = std::max<std::size_t>(scene_->nodeCount(), 1) * sizeof(GpuNodeAnimation);
    for (std::uint32_t i = 0; i < FrameRing::kFramesInFlight; ++i) {
        animationBuffers_[i] = vk::Buffer(context_, {bytes, VK_BUFFER_USAGE_STORAGE_BUFFER_BIT, vk::MemoryUsage::Upload,
                                                     "node animations " + std::to_string(i)});
    }
}

void Renderer::setNodeAnimations(std::vector<NodeAnimation> animations) {
    if (animations.size() > scene_->nodeCount()) animations.resize(scene_->nodeCount());
    animations_ = std::move(animations);
}

VkPipeline Renderer::skyPipeline() {
    vk::Unique<VkPipeline>& pipeline = skyPipelines_[frameSky_];
    if (!pipeline) {
        const bool atmosphere = (frameSky_ & 1u) != 0;
        const bool stars = (frameSky_ & 2u) != 0;
        vk::GraphicsPipelineDesc desc = skyDesc_;
        desc.name = std::string("sky") + (atmosphere ? " atmosphere" : "") + (stars ? " stars" : "");
        // Constants 1-4 are the scene shader's; the sky reads 0 (the target), 5 and 6.
        desc.fragmentConstants = {
            skyDesc_.fragmentConstants.at(0), 0u, 0u, 0u, 0u, atmosphere ? 1u : 0u, stars ? 1u : 0u};
        pipeline = vk::buildGraphicsPipeline(context_, desc);
    }
    return pipeline.get();
}

namespace {

// Which opaque pipeline (before the frame's features) draws a batch: its surface, with or
// without textures.
std::uint32_t opaqueVariant(std::uint32_t surface, bool textured) {
    return surface * 2 + (textured ? 1 : 0);
}

}  // namespace

VkPipeline Renderer::opaquePipeline(std::uint32_t surface, bool textured) {
    const std::uint32_t features = frameFeatures_ & (kFeatureSets - 1);
    vk::Unique<VkPipeline>& pipeline = opaquePipelines_[opaqueVariant(surface, textured) * kFeatureSets + features];
    if (!pipeline) {
        static constexpr const char* kSurfaceNames[kSurfaceKinds] = {
            "", " grassland", " solar rows", " wall panels", " asphalt", " pv cells"};
        vk::GraphicsPipelineDesc desc = opaqueDesc_;
        desc.name = std::string("opaque") + kSurfaceNames[surface] + ((features & kFeatureOverlay) ? " overlay" : "") +
                    ((features & kFeatureSiteLamps) ? " lamps" : "") +
                    ((features & kFeatureScaffolding) ? " scaffolding" : "") +
                    ((features & kFeatureAtmosphere) ? " atmosphere" : "") + (textured ? " textured" : "");
        desc.fragmentConstants = {opaqueDesc_.fragmentConstants.at(0),
                                  surface,
                                  (features & kFeatureOverlay) ? 1u : 0u,
                                  (features & kFeatureSiteLamps) ? 1u : 0u,
                                  (features & kFeatureScaffolding) ? 1u : 0u,
                                  (features & kFeatureAtmosphere) ? 1u : 0u,
                                  0u,
                                  reconstructEdges_ ? 1u : 0u,  // 7: the key in the alpha
                                  specularAntialiasing_ ? 1u : 0u,
                                  textured ? 1u : 0u};
        pipeline = vk::buildGraphicsPipeline(context_, desc);
    }
    return pipeline.get();
}

bool Renderer::castersMovedSinceShadow() const {
    if (shadowAnimationDrawn_.size() != animationData_.size()) return true;
    for (std::size_t n = 0; n < animationData_.size(); ++n) {
        if (n >= shadowCasters_.size() || !shadowCasters_[n]) continue;  // casts nothing drawn
        const GpuNodeAnimation& now = animationData_[n];
        const GpuNodeAnimation& drawn = shadowAnimationDrawn_[n];
        if (now.look != drawn.look ||
            glm::any(glm::greaterThan(glm::abs(now.turns - drawn.turns), glm::vec4(kShadowMotionTolerance))))
            return true;
        // Turned, or its middle moved (a turn about a pivot kilometres from the origin changes
        // the translation by metres while the node stays put).
        const glm::vec4 centre(scene_->nodeCentre(n), 1.0f);
        for (int row = 0; row < 3; ++row) {
            const glm::vec4 change = now.motion[row] - drawn.motion[row];
            const glm::vec3 turn = glm::abs(glm::vec3(change));
            if (glm::max(turn.x, glm::max(turn.y, turn.z)) > kShadowMotionTolerance ||
                std::abs(glm::dot(change, centre)) > kShadowMotionTolerance_m)
                return true;
        }
    }
    return false;
}

void Renderer::uploadAnimations(const Frame& frame) {
    const NodeAnimation still;
    animationData_.resize(std::max<std::size_t>(scene_->nodeCount(), 1));
    for (std::size_t n = 0; n < animationData_.size(); ++n) {
        const NodeAnimation& a = n < animations_.size() ? animations_[n] : still;
        const glm::mat4 m = glm::transpose(a.motion);  // rows as columns
        animationData_[n] = {glm::vec4(a.lift_m, a.clipBelowY, a.scaffoldAboveY, a.highlight),
                             {m[0], m[1], m[2]},
                             a.spin_rad == 0.0f
                                 ? glm::vec4(1.0f, 0.0f, a.surfaceTurn_rad, 0.0f)
                                 : glm::vec4(std::cos(a.spin_rad), std::sin(a.spin_rad), a.surfaceTurn_rad, 0.0f)};
        if (a.clipBelowY > still.clipBelowY) frameRising_ = true;
        if (a.scaffoldAboveY < std::numeric_limits<float>::max()) frameFeatures_ |= kFeatureScaffolding;
    }
    animationBuffers_[frame.slot].write(animationData_.data(), animationData_.size() * sizeof(GpuNodeAnimation));
}

void Renderer::allocateFrameSets() {
    // Fresh sets per scene: a set still used by a frame in flight must not be rewritten.
    const VkDescriptorPoolSize perSet[] = {{VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER, 2},
                                           {VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, 7},
                                           {VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 3}};
    vk::DescriptorSets allocated =
        vk::allocateDescriptorSets(context_, frameLayout_.get(), perSet, FrameRing::kFramesInFlight, "frame");
    framePool_ = std::move(allocated.pool);
    std::copy(allocated.sets.begin(), allocated.sets.end(), frameSets_.begin());
    overlayBound_ = overlay_.enabled && overlay_.values ? overlay_.values : emptyOverlay_.get();
    for (std::uint32_t i = 0; i < FrameRing::kFramesInFlight; ++i) {
        vk::DescriptorWriter()
            .buffer(0, VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER, frameUniforms_[i].get())
            .buffer(1, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, scene_->instanceBuffer())
            .image(2, shadowMap_.view(), shadowSampler_.get())
            .image(8, atmosphere_->skyView().view(), skySampler_.get())
            .buffer(10, VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER, skyIrradiance_->uniformCoefficients().get())
            .image(11, skySpecular_->map().view(), skySpecular_->sampler())
            .buffer(3, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, culling_ ? culling_->visibleList(i) : visibleLists_[i].get(),
                    0, culling_ ? culling_->visibleListBytes() : shadowListOffset_)
            .buffer(4, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, visibleLists_[i].get(), shadowListOffset_,
                    shadowListOffset_ * static_cast<VkDeviceSize>(shadowCascades_))
            .buffer(5, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, overlayBound_)
            .buffer(6, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, colormapTable_.get())
            .buffer(7, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, animationBuffers_[i].get())
            .buffer(9, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, lampMapBuffers_[i].get())
            .update(context_.device(), frameSets_[i]);
    }
}

void Renderer::setLamps(std::span<const Lamp> lamps) {
    lampPass_->setLamps(lamps);
    lampsBaked_ = false;
}

// The lamps' ground light in the renderer's radiance units per lux: the night scene is drawn
// kNightStops over its physical light (render/tone_curve.h's units), as a photograph of a lit
// site at night is exposed, so that a yard at 20-30 lux reads as lit and not black.
constexpr float kLampUnitsPerLux = 1024.0f / kLuxPerUnit;  // 2^kNightStops
static_assert(kNightStops == 10.0f, "kLampUnitsPerLux holds 2^kNightStops");

void Renderer::updateLamps(const Frame& frame) {
    const std::span<const Lamp> lamps = lampPass_->lamps();
    lampShown_.assign(lamps.size(), 1);
    lampMoved_.assign(lamps.size(), glm::mat4(1.0f));
    for (std::size_t i = 0; i < lamps.size(); ++i) {
        const int node = lamps[i].node;
        if (node < 0 || static_cast<std::size_t>(node) >= animations_.size()) continue;
        if (animations_[node].hidden) lampShown_[i] = 0;
        lampMoved_[i] = animations_[node].motion;  // an aviation light on a slewing nacelle
    }
    if (!lampsBaked_ || lampShown_ != lampShownBaked_) {
        lampMap_ = bakeLampLight(lamps, lampShown_);
        lampShownBaked_ = lampShown_;
        lampsBaked_ = true;
        ++lampMapVersion_;
    }
    // This slot's previous frame has completed: its copy may be rewritten, or replaced (and its
    // descriptor pointed at the new one) when too small.
    if (lampMapVersionInSlot_[frame.slot] == lampMapVersion_) return;
    const VkDeviceSize bytes = std::max<VkDeviceSize>(lampMap_.lux.size() * sizeof(float), 16);
    if (lampMapBuffers_[frame.slot].size() < bytes) {
        lampMapBuffers_[frame.slot] =
            vk::Buffer(context_, {bytes, VK_BUFFER_USAGE_STORAGE_BUFFER_BIT, vk::MemoryUsage::Upload,
                                  "lamp light map " + std::to_string(frame.slot)});
        vk::DescriptorWriter()
            .buffer(9, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, lampMapBuffers_[frame.slot].get())
            .update(context_.device(), frameSets_[frame.slot]);
    }
    if (!lampMap_.lux.empty())
        lampMapBuffers_[frame.slot].write(lampMap_.lux.data(), lampMap_.lux.size() * sizeof(float));
    lampMapVersionInSlot_[frame.slot] = lampMapVersion_;
}

FrameStats Renderer::record(const Frame& frame, const Camera& camera, const Lighting& lighting) {
    const VkCommandBuffer cmd = frame.cmd;
    const float aspect = static_cast<float>(extent_.width) / static_cast<float>(extent_.height);
    projection_ = camera.projection(aspect);
    const glm::mat4 viewProj = projection_ * camera.view();
    const scene::Bounds& bounds = scene_->bounds();
    const bool shadows = lighting.shadows && !bounds.empty() && lighting.sunDirection.y > 0.0f;

    GpuFrameUniforms uniforms{};
    uniforms.viewProj = viewProj;
    uniforms.invViewProj = glm::inverse(viewProj);
    // The shadow map keeps the sun it was drawn for until the shadow of something 50 m tall would
    // move half the finest cascade's texel (from 0.05 to 1 degree), so a still view under a
    // slowly turning sky reuses it: one map over the whole site has 8 m texels.
    glm::vec3 shadowSun = glm::normalize(lighting.sunDirection);
    if (shadowCaching_ && shadowMapValid_) {
        const float tolerance_rad =
            std::clamp(0.5f * shadowCascadesDrawn_.texel_m[0] / 50.0f, glm::radians(0.05f), glm::radians(1.0f));
        if (glm::dot(shadowSun, shadowSunDrawn_) > std::cos(tolerance_rad)) shadowSun = shadowSunDrawn_;
    }
    cascades_ =
        fitShadowCascades(camera, aspect, bounds, scene_->casterBounds(), shadowSun, shadowCascades_, shadowMapSize_);
    for (int c = 0; c < kMaxShadowCascades; ++c) {
        uniforms.shadowViewProj[c] = cascades_.viewProj[static_cast<std::size_t>(c)];
        uniforms.shadowTexel[c] = cascades_.texel_m[static_cast<std::size_t>(c)];
    }
    uniforms.shadowAtlas = glm::vec4(static_cast<float>(cascades_.count), static_cast<float>(shadowTiles_),
                                     1.0f / static_cast<float>(shadowMapSize_ * shadowTiles_), 0.0f);
    uniforms.cameraPosition = glm::vec4(camera.eye, 1.0f);
    uniforms.viewport = glm::vec4(static_cast<float>(extent_.width), static_cast<float>(extent_.height),
                                  std::abs(projection_[1][1]), 0.0f);
    uniforms.sunDirection = glm::vec4(glm::normalize(lighting.sunDirection), shadows ? 1.0f : 0.0f);
    // Below the horizon the sun no longer lights anything directly.
    const float sunUp = glm::clamp(lighting.sunDirection.y * 10.0f + 0.5f, 0.0f, 1.0f);
    uniforms.sunRadiance = glm::vec4(lighting.sunColor * lighting.sunIntensity * sunUp, 0.0f);
    uniforms.skyZenith = glm::vec4(lighting.skyZenith, 0.0f);
    uniforms.skyHorizon = glm::vec4(lighting.skyHorizon, 0.0f);
    uniforms.groundColor = glm::vec4(lighting.groundColor, 0.0f);
    uniforms.params = glm::vec4(lighting.exposure, 0.0f, 0.0f, lighting.skyIntensity);
    const bool overlayOn =
        overlay_.enabled && overlay_.values && overlay_.nx > 0 && overlay_.nz > 0 && overlayBound_ == overlay_.values;
    uniforms.overlayGrid = glm::vec4(overlay_.originX, overlay_.originZ, overlay_.cellSize, overlayOn ? 1.0f : 0.0f);
    // The frame's optional shader features, from scratch: the lamps below and the animations
    // (uploadAnimations, later in record) add theirs.
    frameFeatures_ = (overlayOn ? kFeatureOverlay : 0u) | (lighting.atmosphere ? kFeatureAtmosphere : 0u);
    frameRising_ = false;  // set by uploadAnimations
    uniforms.overlayRange = glm::vec4(overlay_.rangeMin, overlay_.rangeMax, overlay_.opacity, overlay_.contourStep);
    uniforms.overlayInfo = glm::vec4(static_cast<float>(overlay_.nx), static_cast<float>(overlay_.nz),
                                     static_cast<float>(overlay_.colormap), overlay_.valueOffset);
    bool skyViewDue = false;
    if (lighting.atmosphere) skyViewDue = applyAtmosphere(lighting, camera, uniforms);
    // The ground's light on what faces down: its albedo times the sun's and the sky's
    // illuminance on it, over pi (Lambertian), in the units the shader multiplies by the sky
    // intensity.
    {
        const float skyIntensity = std::max(uniforms.params.w, 1e-3f);
        const glm::vec3 sunOnGround =
            glm::vec3(uniforms.sunRadiance) * std::max(glm::normalize(lighting.sunDirection).y, 0.0f);
        const glm::vec3 skyOnGround =
            3.14159265f * 0.5f * glm::vec3(uniforms.skyZenith + uniforms.skyHorizon) * skyIntensity;
        uniforms.groundBounce =
            glm::vec4(lighting.groundColor * (sunOnGround + skyOnGround) / 3.14159265f / skyIntensity, 0.0f);
    }
    const CloudLayer& clouds = lighting.clouds;
    uniforms.cloudLayer = glm::vec4(clouds.drift_m, clouds.threshold, clouds.opacity);
    uniforms.cloudShape = glm::vec4(clouds.base_m, clouds.cell_m, clouds.edge, std::bit_cast<float>(clouds.seed));
    FrameStats stats;
    uniforms.params.x = chooseExposure(lighting, uniforms.params.x, stats);
    // The light the meter reads on a level surface, in lux: the night's is drawn kNightStops
    // brighter than it is (render/tone_curve.h).
    const glm::vec3 luminance(0.2126f, 0.7152f, 0.0722f);
    const float luxPerUnit = kLuxPerUnit / std::exp2(kNightStops * lighting.night);
    stats.sunIlluminance_lux = glm::dot(glm::vec3(uniforms.sunRadiance), luminance) *
                               std::max(glm::normalize(lighting.sunDirection).y, 0.0f) * luxPerUnit;
    stats.skyIlluminance_lux = glm::dot(0.5f * glm::vec3(uniforms.skyZenith + uniforms.skyHorizon), luminance) *
                               uniforms.params.w * 3.14159265f * luxPerUnit;
    updateLamps(frame);
    const float lampsOn = std::clamp(lighting.siteLights, 0.0f, 1.0f);
    uniforms.viewport.w = lampsOn;  // lit windows (scene::Material::emissiveAtNight)
    if (lampsOn > 0.0f && lampMap_.nx > 0 && lampMap_.nz > 0) frameFeatures_ |= kFeatureSiteLamps;
    uniforms.lampGrid = glm::vec4(lampMap_.origin, lampMap_.cell_m, static_cast<float>(lampMap_.nx));
    uniforms.lampState = glm::vec4(static_cast<float>(lampMap_.nz), lampsOn * kLampUnitsPerLux, lighting.clock_s,
                                   // Stars show only once the twilight has nearly gone.
                                   lighting.atmosphere ? lighting.night * lighting.night * lighting.night : 0.0f);
    frameSky_ = (lighting.atmosphere ? 1u : 0u) | (uniforms.lampState.w > 0.0f ? 2u : 0u);
    lampView_ = {frame.slot, viewProj, projection_[1][1], extent_, lampsOn, lighting.clock_s, camera.eye};
    // A white puff's radiance: the sun on a ball (its lit half, facing the camera on average)
    // and the sky around it, as a Lambertian surface would take them.
    const glm::vec3 puffLight = glm::vec3(uniforms.sunRadiance) * (0.6f / 3.14159265f) +
                                0.5f * glm::vec3(uniforms.skyZenith + uniforms.skyHorizon) * uniforms.params.w;
    plumeView_ = {frame.slot, viewProj, camera.eye, lighting.clock_s, puffLight, uniforms.params.x};
    frameUniforms_[frame.slot].write(&uniforms, sizeof(uniforms));

    passTimer_.beginFrame(cmd, frame.slot);
    stats.instances = scene_->stats().instances;
    stats.triangles = scene_->stats().triangles;
    stats.culledOnGpu = culling_ != nullptr;
    selectVisible(frame, camera, viewProj, cascades_, stats);
    vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipelineLayout_.get(), 0, 1, &frameSets_[frame.slot],
                            0, nullptr);
    flowView_ = {frame.slot, viewProj, camera.eye, flowTime_, extent_};

    FrameGraph graph(passTimer_);
    if (culling_)
        graph.addPass("culling", {}, [&](VkCommandBuffer c) {
            culling_->record(
                c, frame.slot,
                {nodeDrawn_, levelSelection_.levels(), Frustum::fromViewProjection(viewProj), 0.0f, animations_},
                blendEntries_);
        });
    const double viewerRadius = skyViewFor_.x;
    const double sunZenith = skyViewFor_.y;
    if (skyViewDue)
        graph.addPass("sky view", {{&atmosphere_->skyView(), &skyViewState_, ImageAccess::ComputeWrite, true}},
                      [&, viewerRadius, sunZenith](VkCommandBuffer c) {
                          atmosphere_->recordSkyView(c, viewerRadius, sunZenith);
                      });
    // The harmonics and the prefiltered sky follow the table and the sun's azimuth (which the
    // table leaves out): made again once the sun has moved by kSkyLightingSunStep_rad or the
    // viewer by as much as makes a new table. In the window the twin's clock moves the sun every
    // frame; the sky's light on the scene does not change visibly over a tenth of a degree, and
    // the prefiltered sky costs a draft frame about a tenth of its time on lavapipe.
    const glm::vec3 sun(uniforms.sunDirection);
    const bool sunMoved =
        glm::dot(sun, skyLightingSun_) < std::cos(kSkyLightingSunStep_rad) * glm::length(skyLightingSun_);
    if (lighting.atmosphere &&
        (!skyIrradianceValid_ || sunMoved || std::abs(skyViewFor_.x - skyLightingViewer_) > kSkyViewViewerStep_km)) {
        skyIrradianceValid_ = true;
        skyLightingSun_ = sun;
        skyLightingViewer_ = skyViewFor_.x;
        const glm::vec2 sunFlat(sun.x, sun.z);
        const float horizon = uniforms.atmosphere.y;
        graph.addPass("sky irradiance",
                      {{&atmosphere_->skyView(), &skyViewState_, ImageAccess::SampledInCompute, false},
                       {&skyIrradiance_->coefficients(), &skyIrradianceState_, ImageAccess::ComputeWrite, true}},
                      [&, sunFlat, horizon](VkCommandBuffer c) {
                          skyIrradiance_->record(c, sunFlat, horizon, skyIrradianceState_);
                      });
        graph.addPass("sky specular",
                      {{&atmosphere_->skyView(), &skyViewState_, ImageAccess::SampledInCompute, false},
                       {&skySpecular_->map(), &skySpecularState_, ImageAccess::ComputeWrite, true}},
                      [&, sunFlat, horizon](VkCommandBuffer c) { skySpecular_->record(c, sunFlat, horizon); });
    }
    // The map is drawn again only when what it shows changed: the cascades (the sun, the camera
    // for all but a single map), what casts, or how the nodes stand (lift, clip).
    bool shadowDue = true;
    if (shadows && shadowCaching_ && shadowMapValid_) {
        bool sameCascades = cascades_.count == shadowCascadesDrawn_.count;
        for (int c = 0; sameCascades && c < cascades_.count; ++c)
            sameCascades = cascades_.viewProj[static_cast<std::size_t>(c)] ==
                           shadowCascadesDrawn_.viewProj[static_cast<std::size_t>(c)];
        shadowDue = !sameCascades || shadowCasters_ != shadowCastersDrawn_ || castersMovedSinceShadow() ||
                    levelSelection_.version() != shadowLevelsDrawn_;
    }
    if (shadows && shadowDue) {
        graph.addPass("shadow", {{&shadowMap_, &shadowState_, ImageAccess::DepthAttachment, true}},
                      [&](VkCommandBuffer c) { recordShadowPass(c, stats); });
        shadowMapValid_ = true;
        shadowSunDrawn_ = shadowSun;
        shadowCascadesDrawn_ = cascades_;
        shadowCastersDrawn_ = shadowCasters_;
        shadowLevelsDrawn_ = levelSelection_.version();
        shadowAnimationDrawn_ = animationData_;
    }
    // The main pass samples the shadow map even without shadows (the shader skips it then), so
    // it is always in the layout a sampler reads.
    std::vector<ImageUse> mainImages{{&shadingTarget(), &shadingTargetState(), ImageAccess::ColorAttachment, true},
                                     {&depth_, &depthState_, ImageAccess::DepthAttachment, true},
                                     {&shadowMap_, &shadowState_, ImageAccess::SampledInFragment, false},
                                     {&atmosphere_->skyView(), &skyViewState_, ImageAccess::SampledInFragment, false},
                                     {&skySpecular_->map(), &skySpecularState_, ImageAccess::SampledInFragment, false}};
    const bool multisampled = shadingSamples_ != VK_SAMPLE_COUNT_1_BIT;
    if (multisampled && ambientOcclusion_)
        mainImages.push_back({&depthResolved_, &depthResolvedState_, ImageAccess::DepthResolve, true});
    if (multisampled) {
        // Drawn multisampled; the colour resolves into the scene target as the pass ends.
        mainImages.push_back({&sceneMultisampled_, &sceneMultisampledState_, ImageAccess::ColorAttachment, true});
        mainImages.push_back({&idsMultisampled_, &idsMultisampledState_, ImageAccess::ColorAttachment, true});
    } else {
        mainImages.push_back({&ids_, &idsState_, ImageAccess::ColorAttachment, true});
    }
    if (occlusionCulling_) {
        // What the last frame saw first; the rest once the depth it left has culled what it hides,
        // drawn over it (the targets kept, not cleared).
        graph.addPass("main, seen before", mainImages,
                      [&](VkCommandBuffer c) { recordMainPass(c, frame.slot, stats, MainPart::SeenBefore); });
        graph.addPass("occlusion culling", {{&depth_, &depthState_, ImageAccess::SampledInCompute, false}},
                      [&](VkCommandBuffer c) {
                          depthPyramid_->record(c);
                          culling_->recordOcclusion(c, frame.slot, viewProj, *depthPyramid_);
                      });
        for (ImageUse& use : mainImages)
            use.discard = false;
        graph.addPass("main", std::move(mainImages),
                      [&](VkCommandBuffer c) { recordMainPass(c, frame.slot, stats, MainPart::Rest); });
    } else {
        graph.addPass("main", std::move(mainImages),
                      [&](VkCommandBuffer c) { recordMainPass(c, frame.slot, stats, MainPart::Whole); });
    }
    if (reconstructEdges_) {
        graph.addPass("coverage",
                      {{&coverageKeys_, &coverageKeysState_, ImageAccess::ColorAttachment, true},
                       {&coverageDepth_, &coverageDepthState_, ImageAccess::DepthAttachment, true}},
                      [&](VkCommandBuffer c) { recordCoveragePass(c, frame.slot, stats); });
        graph.addPass("edge reconstruction",
                      {{&shaded_, &shadedState_, ImageAccess::SampledInFragment, false},
                       {&coverageKeys_, &coverageKeysState_, ImageAccess::SampledInFragment, false},
                       {&exposed_, &exposedState_, ImageAccess::ColorAttachment, true}},
                      [&](VkCommandBuffer c) { edgeReconstruction_->record(c); });
    }
    const bool occlusion = ambientOcclusion_ && !camera.orthographic && !bounds.empty();
    if (occlusion) {
        occlusionSettings_.inverseProjection = glm::inverse(projection_);
        occlusionSettings_.projectionScale = std::abs(projection_[1][1]);
        occlusionSettings_.radius_m = std::clamp(glm::length(bounds.size()) * 0.05f, 0.05f, kMaxOcclusionRadius_m);
        graph.addPass("ambient occlusion",
                      {{&occlusionDepth(), &occlusionDepthState(), ImageAccess::SampledInCompute, false},
                       {&occlusion_, &occlusionState_, ImageAccess::ComputeWrite, true}},
                      [&](VkCommandBuffer c) { occlusionPass_->recordCompute(c, occlusionSettings_); });
    }
    if (multisampled)
        graph.addPass("id resolve",
                      {{&idsMultisampled_, &idsMultisampledState_, ImageAccess::SampledInCompute, false},
                       {&ids_, &idsState_, ImageAccess::ComputeWrite, true}},
                      [&](VkCommandBuffer c) { idResolve_->record(c); });
    if (exposedTarget_) {
        const bool bloomed = bloom_ && bloom_->levels() > 0;
        if (bloomed) bloom_->addPasses(graph, exposed_, exposedState_);
        toneMapSettings_.bloomWeight =
            bloomed ? bloom_->settings().strength / static_cast<float>(bloom_->levels()) : 0.0f;
        toneMapSettings_.occlusionStrength = occlusion ? kOcclusionStrength : 0.0f;
        toneMapSettings_.projection = projection_;
        // Everything the tone map's set points at is in a sampler's layout, read or not this frame.
        std::vector<ImageUse> toneMapImages{{&color_, &colorState_, ImageAccess::ColorAttachment, true},
                                            {&exposed_, &exposedState_, ImageAccess::SampledInFragment, false}};
        if (bloomed)
            toneMapImages.push_back({&bloom_->result(), &bloom_->resultState(), ImageAccess::SampledInFragment, false});
        if (ambientOcclusion_) {
            toneMapImages.push_back({&occlusionDepth(), &occlusionDepthState(), ImageAccess::SampledInFragment, false});
            toneMapImages.push_back({&occlusion_, &occlusionState_, ImageAccess::SampledInFragment, false});
        }
        graph.addPass("tone map", std::move(toneMapImages), [&](VkCommandBuffer c) { recordToneMap(c); });
    }
    // Copied out (OffscreenCapture) or blitted to the swapchain (Viewer) after the frame.
    graph.leave(color_, colorState_, ImageAccess::TransferSource);
    graph.leave(ids_, idsState_, ImageAccess::TransferSource);
    graph.execute(cmd);
    return stats;
}

float Renderer::chooseExposure(const Lighting& lighting, float metered, FrameStats& stats) {
    // EVs are a camera's at the scene's physical light; the night's is drawn kNightStops over it.
    const float nightStops = kNightStops * lighting.night;
    stats.exposureAuto = !lighting.ev100.has_value();
    if (lighting.ev100) {
        exposureAdapted_ = false;  // back to auto: start from the meter, not an old reading
        stats.exposureEv100 = *lighting.ev100;
        return exposureFromEv100(*lighting.ev100 + nightStops);
    }
    float ev = ev100FromExposure(metered) - nightStops;
    const auto now = std::chrono::steady_clock::now();
    if (adaptation_s_ > 0.0f && exposureAdapted_) {
        // An exponential approach in stops, by the time since the last frame (a stall of the
        // window counts as at most half a second).
        const float dt = std::clamp(std::chrono::duration<float>(now - adaptedAt_).count(), 0.0f, 0.5f);
        ev = adaptedEv100_ + (ev - adaptedEv100_) * (1.0f - std::exp(-dt / adaptation_s_));
    }
    adaptedEv100_ = ev;
    adaptedAt_ = now;
    exposureAdapted_ = true;
    stats.exposureEv100 = ev;
    return exposureFromEv100(ev + nightStops);
}

// How far the automatic exposure may open up for a dim scene: enough for dusk and a moonlit
// night to read, not so far that night looks like day.
constexpr float kMaxExposureStops = 2.0f;

bool Renderer::applyAtmosphere(const Lighting& lighting, const Camera& camera, GpuFrameUniforms& uniforms) {
    const AtmosphereParameters& air = atmosphere_->atmosphere();
    const glm::vec3 sun = glm::normalize(
        glm::length(lighting.atmosphereSunDirection) > 0.0f ? lighting.atmosphereSunDirection : lighting.sunDirection);
    // The viewer: the site's height plus the camera's (metres above the ground plane).
    const double r = air.bottomRadius_km + lighting.groundAltitude_km + std::max(0.002, camera.eye.y * 1e-3);
    const double sunZenith = std::acos(std::clamp(static_cast<double>(sun.y), -1.0, 1.0));
    // The sky moves with the sun (kSkyViewSunStep_rad, kSkyViewViewerStep_km).
    const bool due = std::abs(r - skyViewFor_.x) > kSkyViewViewerStep_km ||
                     std::abs(sunZenith - skyViewFor_.y) > kSkyViewSunStep_rad;
    if (due) skyViewFor_ = {r, sunZenith};

    // The sun through the air: reddened and dimmed as it sinks, relative to overhead, where the
    // renderer's sun intensity is calibrated.
    // The direct light keeps the shading direction (held a few degrees up when the sun is lower);
    // as night falls it turns into the night's stand-in, a dim cold moonlight (its intensity is
    // the lighting's), instead of the sun's last red.
    const glm::dvec3 overhead = sampleTransmittance(air, transmittanceTable_, r, 1.0);
    const double shadingMu = glm::normalize(lighting.sunDirection).y;
    const glm::vec3 through = glm::vec3(sampleTransmittance(air, transmittanceTable_, r, shadingMu) / overhead);
    const glm::vec3 moonlight(0.55f, 0.65f, 0.9f);
    // The disk where the sun truly is, through the air towards it (nothing once it has set).
    const glm::vec3 base = lighting.sunColor * lighting.sunIntensity;
    uniforms.skySun = glm::vec4(sun, 0.0f);
    uniforms.sunDisk =
        glm::vec4(base * glm::vec3(sampleTransmittance(air, transmittanceTable_, r, sun.y) / overhead), 0.0f);
    uniforms.sunRadiance =
        glm::vec4(glm::vec3(uniforms.sunRadiance) * glm::mix(through, moonlight, lighting.night), 0.0f);

    // The table is per unit of sun illuminance: in the renderer's units the sun's intensity
    // scales it, for the sky drawn, the haze and the ambient light alike, so none outshines the
    // sunlit ground and the plain meets the horizon in one colour.
    const float physical = lighting.sunIntensity;
    const auto sky = [&](const SkyViewDirection& direction) {
        return glm::vec3(skyRadiance(air, transmittanceTable_, r, direction, sunZenith, kSkyViewSteps,
                                     &multipleScatteringTable_)) *
               physical;
    };
    // The ambient light's two colours from the same sky, overhead and halfway down across from
    // the sun: the shader multiplies them by the sky intensity (params.w), so they are divided
    // by it here, and a diffuse surface then takes the sky's irradiance / pi as it takes the
    // sun's. At night the night sky's floor.
    const float ambient = 1.0f / std::max(lighting.skyIntensity, 1e-3f);
    const glm::vec3 zenith = sky({0.0, 0.0}) * ambient;
    const glm::vec3 side = sky({1.2, 1.5707963}) * ambient;
    uniforms.skyZenith = glm::vec4(zenith + lighting.night * lighting.skyZenith, 0.0f);
    uniforms.skyHorizon = glm::vec4(side + lighting.night * lighting.skyHorizon, 0.0f);
    uniforms.atmosphere =
        glm::vec4(1.0f, static_cast<float>(horizonZenith(air, skyViewFor_.x)), physical, lighting.night);
    uniforms.nightZenith = glm::vec4(lighting.skyZenith, 0.0f);
    uniforms.nightHorizon = glm::vec4(lighting.skyHorizon, 0.0f);
    // The haze: the air's extinction where the camera stands; the camera's height over the plane.
    // Exposure, as an incident-light meter on the ground would suggest it: from the illuminance
    // of the sun and the sky on a level surface against the overhead sun's, opened by half the
    // stops between them and at most kMaxExposureStops, so dusk reads as a photograph taken at
    // dusk and night stays night.
    // Under clouds the meter reads the sun they let through, on average over the ground.
    const float cloudTaken = std::clamp(lighting.clouds.cover * lighting.clouds.opacity, 0.0f, 0.95f);
    const float sunOnGround = glm::dot(glm::vec3(uniforms.sunRadiance), glm::vec3(0.2126f, 0.7152f, 0.0722f)) *
                              std::max(glm::normalize(lighting.sunDirection).y, 0.0f) * (1.0f - cloudTaken);
    const float skyOnGround =
        glm::dot(0.5f * (zenith + side) * lighting.skyIntensity, glm::vec3(0.2126f, 0.7152f, 0.0722f)) * 3.14159265f;
    const float noonOnGround = lighting.sunIntensity * 1.05f;  // the overhead sun and its sky
    const float illuminance = std::max(sunOnGround + skyOnGround, 1e-6f);
    // Half the difference, as a photographer keeps dusk darker than noon: the mood stays.
    const float stops = std::clamp(0.5f * std::log2(noonOnGround / illuminance), 0.0f, kMaxExposureStops);
    uniforms.params.x = lighting.exposure * std::exp2(stops);
    uniforms.haze =
        glm::vec4(glm::vec3(extinctionAt(air, lighting.groundAltitude_km)), std::max(0.002f, camera.eye.y * 1e-3f));
    return due;
}

// A caster shorter than this many texels of a cascade is not drawn into it: its shadow would be
// a fraction of a texel, averaged away by the 3x3 filter (a car or a fence post in the far
// cascades, where a texel is metres), while its triangles cost as much as a building's.
constexpr float kMinCasterTexels = 1.0f;
// How far inside the finer cascade's edge a caster must lie to be left out of the next, in texels
// of each of the two (render::HeldRegion).
constexpr float kHandOffMarginTexels = 4.0f;

void Renderer::selectVisible(const Frame& frame, const Camera& camera, const glm::mat4& viewProj,
                             const ShadowCascades& cascades, FrameStats& stats) {
    // A tile's projection is enlarged to match, so this is the full image's.
    const DetailView detailView = detailViewOf(camera, projection_, extent_.height);
    selectLevelsOfDetail(*scene_, detailView, nodeDrawn_);
    levelSelection_.update(*scene_, detailView);
    if (!animations_.empty()) {
        for (std::size_t n = 0; n < animations_.size(); ++n) {
            if (animations_[n].hidden) nodeDrawn_[n] = 0;
            else if (animations_[n].shown && scene_->isLodProxy()[n])
                nodeDrawn_[n] = 1;
        }
        // A hidden node's far stand-in goes with it.
        for (const LodSwitch& lod : scene_->lodSwitches())
            if (lod.node < animations_.size() && animations_[lod.node].hidden) nodeDrawn_[lod.far] = 0;
    }
    uploadAnimations(frame);
    cameraList_.clear();
    shadowList_.clear();
    const MovedNodes moved{&animations_};
    if (!culling_)
        collectVisibleInstances(*scene_, nodeDrawn_, levelSelection_.levels(), Frustum::fromViewProjection(viewProj),
                                cameraList_, cameraRanges_, 0.0f, {}, moved);
    // Each cascade's casters, one list after another (ranges index the whole): what is drawn and
    // casts a shadow.
    shadowCasters_ = nodeDrawn_;
    for (std::size_t n = 0; n < shadowCasters_.size() && n < scene_->nodeCount(); ++n)
        if (!scene_->nodeCastsShadow(n)) shadowCasters_[n] = 0;
    for (int c = 0; c < cascades.count; ++c) {
        const auto cascade = static_cast<std::size_t>(c);
        // Casters at the levels the camera sees them at, or coarser where the cascade's texels
        // would not show the difference; worked out again only when either changes.
        CasterLevels& casters = casterLevels_[cascade];
        if (casters.version != levelSelection_.version() || casters.texel_m != cascades.texel_m[cascade] ||
            casters.levels.size() != levelSelection_.levels().size()) {
            coarsenForTexel(*scene_, levelSelection_.levels(), cascades.texel_m[cascade], casters.levels);
            casters.version = levelSelection_.version();
            casters.texel_m = cascades.texel_m[cascade];
        }
        // A caster whose shadow falls only where the finer cascade before is read (well inside its
        // edge: mesh.frag reads a cascade from two texels in, at a point a texel and a half along
        // the normal, filtered a texel either way) is left out of this one.
        HeldRegion held;
        if (c > 0) {
            const float finer = cascades.texel_m[cascade - 1];
            held.viewProj = cascades.viewProj[cascade - 1];
            held.extent = 1.0f - 2.0f / static_cast<float>(shadowMapSize_) * kHandOffMarginTexels *
                                     (1.0f + cascades.texel_m[cascade] / finer);
        }
        collectVisibleInstances(*scene_, shadowCasters_, casters.levels,
                                Frustum::fromViewProjection(cascades.viewProj[cascade]), shadowList_,
                                shadowRanges_[cascade], kMinCasterTexels * cascades.texel_m[cascade], held, moved);
    }

    // Blended draws: farthest first; each gets its own entry in the camera list.
    blendDraws_.clear();
    for (const DrawBatch& batch : scene_->blendBatches()) {
        if (!nodeDrawn_[batch.blendNode]) continue;
        const glm::vec3 offset = batch.sortCenter - camera.eye;
        blendDraws_.push_back({&batch, glm::dot(offset, offset)});
    }
    std::stable_sort(blendDraws_.begin(), blendDraws_.end(),
                     [](const BlendDraw& a, const BlendDraw& b) { return a.distance2 > b.distance2; });
    // On the GPU the blended draws' entries follow the groups' parts (GpuCulling::record copies them).
    std::vector<std::uint32_t>& blendList = culling_ ? blendEntries_ : cameraList_;
    if (culling_) blendEntries_.clear();
    blendFirst_ = culling_ ? culling_->extraFirst() : static_cast<std::uint32_t>(cameraList_.size());
    for (const BlendDraw& draw : blendDraws_)
        blendList.push_back(draw.batch->blendInstance);

    // On the GPU the opaque instances are counted once the frame has finished (completeStats).
    stats.visibleInstances = culling_ ? blendEntries_.size() : cameraList_.size();
    vk::Buffer& lists = visibleLists_[frame.slot];
    if (!cameraList_.empty()) lists.write(cameraList_.data(), cameraList_.size() * sizeof(std::uint32_t));
    lists.write(shadowList_.data(), shadowList_.size() * sizeof(std::uint32_t), shadowListOffset_);
}

void Renderer::recordShadowPass(VkCommandBuffer cmd, FrameStats& stats) {
    VkClearValue clear{};
    clear.depthStencil = {1.0f, 0};
    VkRenderingAttachmentInfo depth = attachment(shadowMap_.view(), VK_IMAGE_LAYOUT_DEPTH_ATTACHMENT_OPTIMAL, clear);
    const std::uint32_t atlas = shadowMapSize_ * shadowTiles_;
    VkRenderingInfo rendering{VK_STRUCTURE_TYPE_RENDERING_INFO};
    rendering.renderArea = {{0, 0}, {atlas, atlas}};
    rendering.layerCount = 1;
    rendering.pDepthAttachment = &depth;
    vkCmdBeginRendering(cmd, &rendering);
    // Both faces cast: thin geometry (panels, roofs) must shadow whichever way it faces.
    vkCmdSetCullMode(cmd, VK_CULL_MODE_NONE);
    vkCmdSetFrontFace(cmd, VK_FRONT_FACE_COUNTER_CLOCKWISE);
    vkCmdSetDepthBias(cmd, 1.0f, 0.0f, 1.5f);
    bindSceneGeometry(cmd);
    for (int c = 0; c < cascades_.count; ++c) {
        // Cascade c draws into its tile of the atlas: (c % 2, c / 2).
        const std::int32_t x =
            static_cast<std::int32_t>((static_cast<std::uint32_t>(c) % shadowTiles_) * shadowMapSize_);
        const std::int32_t y =
            static_cast<std::int32_t>((static_cast<std::uint32_t>(c) / shadowTiles_) * shadowMapSize_);
        const VkViewport viewport{static_cast<float>(x),
                                  static_cast<float>(y),
                                  static_cast<float>(shadowMapSize_),
                                  static_cast<float>(shadowMapSize_),
                                  0.0f,
                                  1.0f};
        const VkRect2D scissor{{x, y}, {shadowMapSize_, shadowMapSize_}};
        vkCmdSetViewport(cmd, 0, 1, &viewport);
        vkCmdSetScissor(cmd, 0, 1, &scissor);
        const std::vector<InstanceRange>& ranges = shadowRanges_[static_cast<std::size_t>(c)];
        // Plain casters first with the depth-only pipeline, then masked ones, which need their
        // material to discard what is cut out.
        for (const bool masked : {false, true}) {
            vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS,
                              masked ? shadowMaskPipeline_.get() : shadowPipeline_.get());
            for (const DrawBatch& batch : scene_->opaqueBatches()) {
                if (((batch.flags & kFlagAlphaMask) != 0) != masked) continue;
                const InstanceRange range = ranges[batch.group];
                if (range.count == 0) continue;
                if (masked) {
                    const VkDescriptorSet set = scene_->materialSet(batch.material);
                    vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipelineLayout_.get(), 1, 1, &set, 0,
                                            nullptr);
                }
                const DrawConstants constants{batch.flags, static_cast<std::uint32_t>(c)};
                vkCmdPushConstants(cmd, pipelineLayout_.get(),
                                   VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, 0, sizeof(constants),
                                   &constants);
                vkCmdDrawIndexed(cmd, batch.indexCount, range.count, batch.firstIndex, batch.vertexOffset, range.first);
                ++stats.shadowDrawCalls;
                stats.shadowTriangles += static_cast<std::uint64_t>(batch.indexCount / 3) * range.count;
            }
        }
    }
    vkCmdEndRendering(cmd);
}

void Renderer::recordToneMap(VkCommandBuffer cmd) {
    VkRenderingAttachmentInfo color = attachment(color_.view(), VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, {});
    color.loadOp = VK_ATTACHMENT_LOAD_OP_DONT_CARE;  // every pixel is written
    VkRenderingInfo rendering{VK_STRUCTURE_TYPE_RENDERING_INFO};
    rendering.renderArea = {{0, 0}, extent_};
    rendering.layerCount = 1;
    rendering.colorAttachmentCount = 1;
    rendering.pColorAttachments = &color;
    vkCmdBeginRendering(cmd, &rendering);
    toneMap_->record(cmd, extent_, toneMapSettings_);
    vkCmdEndRendering(cmd);
}

void Renderer::bindSceneGeometry(VkCommandBuffer cmd) const {
    const VkDeviceSize offset = 0;
    const VkBuffer vertices = scene_->vertexBuffer();
    vkCmdBindVertexBuffers(cmd, 0, 1, &vertices, &offset);
    vkCmdBindIndexBuffer(cmd, scene_->indexBuffer(), 0, VK_INDEX_TYPE_UINT32);
}

void Renderer::drawBatch(VkCommandBuffer cmd, const DrawBatch& batch, InstanceRange instances, bool bindMaterial) {
    bindBatchState(cmd, batch, bindMaterial);
    vkCmdDrawIndexed(cmd, batch.indexCount, instances.count, batch.firstIndex, batch.vertexOffset, instances.first);
}

void Renderer::bindBatchState(VkCommandBuffer cmd, const DrawBatch& batch, bool bindMaterial) {
    if (bindMaterial) {
        const VkDescriptorSet set = scene_->materialSet(batch.material);
        vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipelineLayout_.get(), 1, 1, &set, 0, nullptr);
    }
    vkCmdSetCullMode(cmd, batch.doubleSided ? VK_CULL_MODE_NONE : VK_CULL_MODE_BACK_BIT);
    // A mirrored transform turns counter-clockwise triangles clockwise on screen.
    vkCmdSetFrontFace(cmd, batch.mirrored ? VK_FRONT_FACE_CLOCKWISE : VK_FRONT_FACE_COUNTER_CLOCKWISE);
    const DrawConstants constants{batch.flags};
    vkCmdPushConstants(cmd, pipelineLayout_.get(), VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, 0,
                       sizeof(constants), &constants);
}

void Renderer::drawOpaque(VkCommandBuffer cmd, std::uint32_t slot,
                          const std::function<void(const DrawBatch&)>& bindPipeline, std::uint32_t* drawCalls,
                          std::uint64_t& triangles, std::uint32_t phases) {
    const std::span<const DrawBatch> batches = scene_->opaqueBatches();
    std::uint32_t boundMaterial = UINT32_MAX;
    if (!culling_) {
        for (const DrawBatch& batch : batches) {
            const InstanceRange range = cameraRanges_[batch.group];
            if (range.count == 0) continue;
            bindPipeline(batch);
            drawBatch(cmd, batch, range, batch.material != boundMaterial);
            boundMaterial = batch.material;
            if (drawCalls) ++*drawCalls;
            triangles += static_cast<std::uint64_t>(batch.indexCount / 3) * range.count;
        }
        return;
    }
    // One draw call a run of batches alike; what they drew is counted once the frame has
    // finished (completeStats).
    const std::vector<IndirectRun>& runs = culling_->runs();
    for (std::size_t r = 0; r < runs.size(); ++r) {
        const DrawBatch& first = batches[runs[r].firstBatch];
        bindPipeline(first);
        bindBatchState(cmd, first, first.material != boundMaterial);
        boundMaterial = first.material;
        for (std::uint32_t phase = 0; phase < 2; ++phase)
            if ((phases >> phase) & 1u) culling_->drawRun(cmd, slot, r, phase);
    }
}

void Renderer::completeStats(std::uint32_t slot, FrameStats& stats) const {
    stats.passes = passTimer_.results(slot);
    if (!culling_) return;
    const std::span<const std::uint32_t> counts = culling_->finishedCounts(slot);
    for (const std::uint32_t count : counts)
        stats.visibleInstances += count;
    for (const DrawBatch& batch : scene_->opaqueBatches()) {
        const std::uint32_t count = counts[batch.group];
        if (count == 0) continue;
        const std::uint64_t triangles = static_cast<std::uint64_t>(batch.indexCount / 3) * count;
        ++stats.drawCalls;
        stats.mainTriangles += triangles;
        if (reconstructEdges_) stats.coverageTriangles += triangles;
    }
}

void Renderer::recordMainPass(VkCommandBuffer cmd, std::uint32_t slot, FrameStats& stats, MainPart part) {
    VkClearValue colorClear{};
    VkClearValue idClear{};
    VkClearValue depthClear{};
    depthClear.depthStencil = {1.0f, 0};
    const bool multisampled = shadingSamples_ != VK_SAMPLE_COUNT_1_BIT;
    VkRenderingAttachmentInfo colors[] = {
        attachment((multisampled ? sceneMultisampled_ : shadingTarget()).view(),
                   VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, colorClear),
        attachment((multisampled ? idsMultisampled_ : ids_).view(), VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, idClear)};
    if (multisampled) {
        // The samples are averaged into the single-sample image; they are not kept.
        colors[0].resolveMode = VK_RESOLVE_MODE_AVERAGE_BIT;
        colors[0].resolveImageView = sceneTarget().view();
        colors[0].resolveImageLayout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL;
        colors[0].storeOp = VK_ATTACHMENT_STORE_OP_DONT_CARE;
    }
    VkRenderingAttachmentInfo depth = attachment(depth_.view(), VK_IMAGE_LAYOUT_DEPTH_ATTACHMENT_OPTIMAL, depthClear);
    depth.storeOp = VK_ATTACHMENT_STORE_OP_DONT_CARE;
    if (ambientOcclusion_) {
        // The occlusion reads the depth: kept, or (multisampled) each pixel's first sample resolved.
        if (multisampled) {
            depth.resolveMode = VK_RESOLVE_MODE_SAMPLE_ZERO_BIT;
            depth.resolveImageView = depthResolved_.view();
            depth.resolveImageLayout = VK_IMAGE_LAYOUT_DEPTH_ATTACHMENT_OPTIMAL;
        } else {
            depth.storeOp = VK_ATTACHMENT_STORE_OP_STORE;
        }
    }
    // In two parts (occlusion culling): the first leaves everything for the second, which
    // resolves what is multisampled as the whole pass would.
    if (part == MainPart::SeenBefore) {
        depth.storeOp = VK_ATTACHMENT_STORE_OP_STORE;
        depth.resolveMode = VK_RESOLVE_MODE_NONE;
        colors[0].resolveMode = VK_RESOLVE_MODE_NONE;
        colors[0].storeOp = VK_ATTACHMENT_STORE_OP_STORE;
    }
    if (part == MainPart::Rest) {
        for (VkRenderingAttachmentInfo& color : colors)
            color.loadOp = VK_ATTACHMENT_LOAD_OP_LOAD;
        depth.loadOp = VK_ATTACHMENT_LOAD_OP_LOAD;
    }
    VkRenderingInfo rendering{VK_STRUCTURE_TYPE_RENDERING_INFO};
    rendering.renderArea = {{0, 0}, extent_};
    rendering.layerCount = 1;
    rendering.colorAttachmentCount = 2;
    rendering.pColorAttachments = colors;
    rendering.pDepthAttachment = &depth;
    vkCmdBeginRendering(cmd, &rendering);
    setViewport(cmd, extent_);
    vkCmdSetDepthBias(cmd, 0.0f, 0.0f, 0.0f);
    vkCmdSetCullMode(cmd, VK_CULL_MODE_NONE);
    vkCmdSetFrontFace(cmd, VK_FRONT_FACE_COUNTER_CLOCKWISE);

    bindSceneGeometry(cmd);
    std::uint32_t boundPipeline = UINT32_MAX;  // surface and textures (with this frame's features)
    drawOpaque(
        cmd, slot,
        [&](const DrawBatch& batch) {
            const std::uint32_t pipeline = opaqueVariant(batch.surface, batch.textured);
            if (pipeline == boundPipeline) return;
            boundPipeline = pipeline;
            vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, opaquePipeline(batch.surface, batch.textured));
        },
        &stats.drawCalls, stats.mainTriangles, part == MainPart::Rest ? 2u : 1u);
    if (part == MainPart::SeenBefore) {
        vkCmdEndRendering(cmd);
        return;
    }

    // The sky last of the opaque things, where the depth is still clear (the far plane), so the
    // pixels the scene covers never run its shader; before the blended draws, which go over it.
    vkCmdSetCullMode(cmd, VK_CULL_MODE_NONE);
    vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, skyPipeline());
    vkCmdDraw(cmd, 3, 1, 0, 0);

    if (!blendDraws_.empty()) {
        vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, blendPipeline_.get());
        std::uint32_t boundMaterial = UINT32_MAX;
        for (std::size_t i = 0; i < blendDraws_.size(); ++i) {
            const DrawBatch& batch = *blendDraws_[i].batch;
            drawBatch(cmd, batch, {blendFirst_ + static_cast<std::uint32_t>(i), 1}, batch.material != boundMaterial);
            boundMaterial = batch.material;
            ++stats.drawCalls;
            stats.mainTriangles += batch.indexCount / 3;
        }
    }
    flowLines_->record(cmd, flowView_);             // over everything, blended; not in the id image
    stats.plumes = plumePass_->record(cmd, plumeView_);  // blended over the scene; not in the id image
    lampPass_->record(cmd, lampView_, lampShown_, lampMoved_);  // light added over the scene; not in the id image
    vkCmdEndRendering(cmd);
}

void Renderer::recordCoveragePass(VkCommandBuffer cmd, std::uint32_t slot, FrameStats& stats) {
    // What each sample sees of the opaque scene: its surface key, nothing else (the blended
    // draws, the lines and the lamps keep their single sample: they are drawn over the shaded
    // frame). Cleared to 0, the sky's key.
    VkClearValue keyClear{};
    VkClearValue depthClear{};
    depthClear.depthStencil = {1.0f, 0};
    VkRenderingAttachmentInfo keys =
        attachment(coverageKeys_.view(), VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, keyClear);
    VkRenderingAttachmentInfo depth = attachment(coverageDepth_.view(), VK_IMAGE_LAYOUT_DEPTH_ATTACHMENT_OPTIMAL, depthClear);
    depth.storeOp = VK_ATTACHMENT_STORE_OP_DONT_CARE;
    VkRenderingInfo rendering{VK_STRUCTURE_TYPE_RENDERING_INFO};
    rendering.renderArea = {{0, 0}, extent_};
    rendering.layerCount = 1;
    rendering.colorAttachmentCount = 1;
    rendering.pColorAttachments = &keys;
    rendering.pDepthAttachment = &depth;
    vkCmdBeginRendering(cmd, &rendering);
    setViewport(cmd, extent_);
    vkCmdSetDepthBias(cmd, 0.0f, 0.0f, 0.0f);
    bindSceneGeometry(cmd);
    int boundMask = -1;  // the pipeline bound: with the alpha test or without
    drawOpaque(
        cmd, slot,
        [&](const DrawBatch& batch) {
            const int mask = (batch.flags & kFlagAlphaMask) != 0 ? 1 : 0;
            if (mask == boundMask) return;
            boundMask = mask;
            vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, coveragePipeline(mask != 0));
        },
        nullptr, stats.coverageTriangles, occlusionCulling_ ? 3u : 1u);
    vkCmdEndRendering(cmd);
}

}  // namespace ct::render
