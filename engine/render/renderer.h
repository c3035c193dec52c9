// Renderer: draws a GpuScene into its own offscreen targets. Used the same way headless and in
// a window; the caller owns the frame (a FrameRing's command buffer) and decides what happens
// to the finished image: a PNG readback or a blit to the swapchain.
//
//   Renderer renderer(context, dataDir, {1280, 720});
//   renderer.setScene(scene);
//   Frame& frame = ring.begin();
//   FrameStats stats = renderer.record(frame, camera, lighting);
//   // colorImage() and idImage() are now in TRANSFER_SRC_OPTIMAL
//
// Passes, in order: sun shadow map (depth only), then the main pass with two colour targets,
// the exposed light (half float: radiance times the exposure) and a node-id image for picking:
// opaque and mask batches, the sky where they left the depth clear, blended draws sorted back to
// front, flow lines and lamps. Multisampled (RendererOptions::samples), the main pass draws into
// multisampled targets, the light is averaged into the single-sample image at its end and an
// "id resolve" pass keeps each pixel's first sample of the ids (render/id_resolve.h). Then the
// ambient occlusion, the bloom's chain (render/bloom_pass.h), and the tone map pass, which
// darkens by the occlusion, adds the bloom and puts the light through the filmic curve into the
// sRGB colour image that is shown and read back (render/tone_map_pass.h).
#pragma once

#include "render/ambient_occlusion_pass.h"
#include "render/atmosphere_luts.h"
#include "render/bloom_pass.h"
#include "render/camera.h"
#include "render/edge_reconstruction_pass.h"
#include "render/flow_lines.h"
#include "render/frame_graph.h"
#include "render/frame_ring.h"
#include "render/gpu_culling.h"
#include "render/gpu_scene.h"
#include "render/ground_overlay.h"
#include "render/id_resolve.h"
#include "render/lamp_light_map.h"
#include "render/lamp_pass.h"
#include "render/level_selection.h"
#include "render/lighting.h"
#include "render/node_animation.h"
#include "render/pass_timer.h"
#include "render/plume_pass.h"
#include "render/render_quality.h"
#include "render/scene_targets.h"
#include "render/shadow_cascades.h"
#include "render/sky_irradiance_pass.h"
#include "render/sky_specular_pass.h"
#include "render/tone_map_pass.h"
#include "render/visibility.h"
#include "vk/pipeline.h"
#include "vk/resources.h"

#include <array>
#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string_view>

namespace ct::render {

struct FrameStats {
    std::uint32_t drawCalls = 0;  // main pass mesh draws (sky excluded)
    std::uint32_t shadowDrawCalls = 0;
    std::uint64_t instances = 0;         // in the scene
    // Drawn this frame by the camera, after culling and LOD (culled on the GPU: with the draws'
    // and triangles' counts, known once the frame has finished: Renderer::completeStats).
    std::uint64_t visibleInstances = 0;
    std::uint64_t triangles = 0;         // in the scene, all instances at full detail
    // Submitted this frame, after culling and level of detail: what the device had to draw.
    std::uint64_t mainTriangles = 0;
    std::uint64_t shadowTriangles = 0;  // every cascade's together
    std::uint64_t coverageTriangles = 0;  // with reconstructed edges: the multisampled ids' pass
    std::uint32_t plumes = 0;             // exhaust plumes drawn (render/plume_pass.h)
    bool culledOnGpu = false;             // the camera's instances culled and drawn indirect (InstanceCulling)
    // GPU time per pass, in order (render/pass_timer.h): filled by whoever waited for the frame
    // (Renderer::completeStats; OffscreenCapture calls it); empty where the device cannot time.
    std::vector<PassTime> passes;
    // The exposure the frame was drawn with (a camera's EV at ISO 100, render/tone_curve.h), and
    // whether it was chosen by the meter or set; the light it was metered from, on a level
    // surface: the sun's and the sky's illuminance.
    float exposureEv100 = 0.0f;
    bool exposureAuto = true;
    float sunIlluminance_lux = 0.0f;
    float skyIlluminance_lux = 0.0f;
};

// How a multisampled frame (RendererOptions::samples > 1) is shaded.
enum class MultisampleShading {
    Auto,           // Reconstructed on a CPU device, Hardware on a GPU
    Hardware,       // MSAA: every surface in a pixel shaded, the samples averaged by the device
    Reconstructed,  // once per pixel, the edges rebuilt from multisampled ids (render/edge_reconstruction.h)
};

// Where the camera's instances are culled and its draws made (render/gpu_culling.h).
enum class InstanceCulling {
    Auto,  // Gpu on a GPU that can draw indirect with counts, Cpu on a CPU device
    Cpu,   // render::collectVisibleInstances: the lists and draws made on the CPU, uploaded each frame
    Gpu,   // a compute pass culls and writes the draws (vkCmdDrawIndexedIndirectCount)
};

struct RendererOptions {
    VkExtent2D extent{1280, 720};
    std::uint32_t shadowMapSize = 2048;  // per cascade
    // The sun's shadow in this many cascades (1..4, render/shadow_cascades.h): 1 is one map over
    // the whole scene; more split the view by depth, each cascade a tile of a 2x2 atlas.
    int shadowCascades = 1;
    // Samples per pixel of the main pass (MSAA): 1, 2, 4 or 8, lowered to what the device can
    // draw and resolve (samples()).
    std::uint32_t samples = 1;
    // Reconstructed needs the exposed target; without it a multisampled frame is Hardware.
    MultisampleShading multisampleShading = MultisampleShading::Auto;
    // Screen-space ambient occlusion (render/ambient_occlusion.h) over perspective views, its
    // radius a twentieth of the scene's size, at most kMaxOcclusionRadius_m.
    bool ambientOcclusion = false;
    // The scene drawn as exposed light into a half-float target and a tone map pass at the end
    // (with the ambient occlusion and bloom, which need it). Off (draft), the scene's shaders
    // apply the tone curve themselves into the display image: no pass after the main pass, no
    // occlusion and no bloom.
    bool exposedTarget = true;
    // Bloom around the brightest light (render/bloom.h); off, the tone map adds none.
    bool bloom = true;
    // The sun's specular lobe widened to each pixel's footprint (shaders/specular_footprint.glsl);
    // off only for references that supersample instead.
    bool specularAntialiasing = true;
    // On a CPU device the culling costs about the same either way and the draws' counts are known
    // at once on the CPU; on a GPU the lists never cross the bus and the counts come a frame late.
    InstanceCulling culling = InstanceCulling::Auto;
    // Culled on the GPU: in two phases, what the last frame saw drawn first and the rest tested
    // against a depth pyramid of what it left (render/gpu_culling.h); off where the device cannot
    // sample a depth image of the main pass's samples.
    bool occlusionCulling = true;
};

// "auto", "cpu" or "gpu"; nothing for anything else.
std::optional<InstanceCulling> parseInstanceCulling(std::string_view name);

// The renderer's options for a quality preset's frame of `extent` (supersampling is the caller's:
// it renders the larger extent).
RendererOptions rendererOptions(const RenderQuality& quality, VkExtent2D extent);

// The most samples per pixel, at most `requested`, that the device can draw the main pass with:
// colour and depth targets and the sampled float id target, and a storage image to resolve the
// ids into.
VkSampleCountFlagBits supportedSamples(const vk::Context& context, std::uint32_t requested);

class Renderer {
public:
    // What is shown and read back: the tone-mapped frame.
    static constexpr VkFormat kColorFormat = VK_FORMAT_R8G8B8A8_SRGB;
    // What the scene is drawn into: radiance times the exposure, before the tone curve.
    static constexpr VkFormat kExposedFormat = VK_FORMAT_R16G16B16A16_SFLOAT;
    // Node and instance index as exact floats (below 2^24): a float target can be multisampled
    // where an integer one cannot.
    static constexpr VkFormat kIdFormat = VK_FORMAT_R32G32_SFLOAT;
    static constexpr VkFormat kDepthFormat = VK_FORMAT_D32_SFLOAT;
    static constexpr float kMaxOcclusionRadius_m = 6.0f;
    // How much of the occlusion darkens the frame (it is applied to all the light, the sun's
    // included, so less than all).
    static constexpr float kOcclusionStrength = 0.8f;
    // How quickly an automatic exposure follows the light where adaptation is on (the window):
    // the time constant of its approach, in seconds of wall-clock time.
    static constexpr float kExposureAdaptation_s = 0.6f;

    Renderer(vk::Context& context, const std::filesystem::path& shaderDir, const RendererOptions& options);

    void setScene(const scene::Scene& scene);
    const GpuScene* gpuScene() const { return scene_.get(); }
    void resize(VkExtent2D extent);
    // The ground overlay (heat map); the values buffer must outlive its use by frames in flight.
    void setGroundOverlay(const GroundOverlay& overlay);
    const GroundOverlay& groundOverlay() const { return overlay_; }
    // One entry per scene node (fewer: the rest as in the scene); kept until the next call or
    // setScene, which clears it.
    void setNodeAnimations(std::vector<NodeAnimation> animations);
    // Animated flow lines drawn over the scene (copied); their dashes move with the flow time.
    void setFlowLines(std::span<const FlowLine> lines) { flowLines_->setLines(lines); }
    void setFlowTime(float seconds) { flowTime_ = seconds; }
    // Lamps (copied): drawn as points of light and baked into the ground's light while
    // Lighting::siteLights is on; a lamp whose node is hidden (setNodeAnimations) is off.
    void setLamps(std::span<const Lamp> lamps);
    // Exhaust plumes (copied), streaming by Lighting::clock_s; drawn over the scene, lit by its
    // sun and sky.
    void setPlumes(std::span<const Plume> plumes) { plumePass_->setPlumes(plumes); }
    const LampLightMap& lampLightMap() const { return lampMap_; }
    VkExtent2D extent() const { return extent_; }
    VkSampleCountFlagBits samples() const { return samples_; }
    // Whether the samples are shaded once per pixel and the edges rebuilt (MultisampleShading).
    bool reconstructsEdges() const { return reconstructEdges_; }
    // Whether the camera's instances are culled and its draws made on the GPU (InstanceCulling):
    // then the opaque draws' counts are known once the frame has finished (completeStats).
    bool culledOnGpu() const { return gpuCulling_; }
    // Whether the GPU's culling also leaves out what the depth hides (RendererOptions::occlusionCulling).
    bool culledByOcclusion() const { return occlusionCulling_; }
    // Tests: the depth pyramid of the last frame (null without occlusion culling), and the culling.
    const DepthPyramidPass* depthPyramid() const { return depthPyramid_.get(); }
    GpuCulling* gpuCulling() const { return culling_.get(); }
    // Above 0, an automatic exposure moves towards the metered one smoothly from frame to frame
    // (an exponential approach with this time constant, by the wall-clock time between frames)
    // instead of jumping: for the window (kExposureAdaptation_s), where a cut to a night view
    // should not flash. 0 (headless): every frame is metered on its own.
    void setExposureAdaptation(float timeConstant_s) { adaptation_s_ = timeConstant_s; }
    // On (the default), the sun's shadow map is drawn only when what it shows changed (the
    // cascades, the casters, the nodes' lift and clip) and the sun is held until its move would
    // shift a 50 m shadow by half the finest cascade's texel (0.05 to 1 degree); off, every frame
    // draws it (benchmarks comparing whole frames).
    void setShadowCaching(bool on) {
        shadowCaching_ = on;
        shadowMapValid_ = false;
    }

    FrameStats record(const Frame& frame, const Camera& camera, const Lighting& lighting);
    // Once the frame last recorded in `slot` has completed: its `stats` (as record returned them)
    // completed with what only the GPU knew: each pass's time (none where the device cannot
    // time) and, culled on the GPU, the opaque draws, triangles and visible instances.
    void completeStats(std::uint32_t slot, FrameStats& stats) const;

    const vk::Image& colorImage() const { return color_; }
    const vk::Image& idImage() const { return ids_; }

private:
    void createTargets();
    void createPipelines(const std::filesystem::path& shaderDir);
    void allocateFrameSets();
    void createVisibleLists();
    void createAnimationBuffers();
    void uploadAnimations(const Frame& frame);
    // Fills the camera and shadow instance lists for this frame and uploads them.
    void selectVisible(const Frame& frame, const Camera& camera, const glm::mat4& viewProj,
                       const ShadowCascades& cascades, FrameStats& stats);
    // The atmosphere's share of the frame's uniforms (sky, sun colour, ambient); true when the
    // sky-view table must be recomputed for this frame's sun or viewer.
    bool applyAtmosphere(const Lighting& lighting, const Camera& camera, GpuFrameUniforms& uniforms);
    // Which lamps are shown this frame, the ground's light rebaked when that changed, and this
    // slot's copy of it brought up to date.
    void updateLamps(const Frame& frame);
    void recordShadowPass(VkCommandBuffer cmd, FrameStats& stats);
    // The main pass whole, or with occlusion culling in two parts: what was seen before, into
    // cleared targets, and (after the occlusion culling) the rest of the opaque scene over it,
    // then the sky and everything drawn over the scene.
    enum class MainPart { Whole, SeenBefore, Rest };
    void recordMainPass(VkCommandBuffer cmd, std::uint32_t slot, FrameStats& stats, MainPart part);
    void recordCoveragePass(VkCommandBuffer cmd, std::uint32_t slot, FrameStats& stats);
    // The opaque batches' draws, from the CPU's lists or the GPU's commands; `bindPipeline` binds
    // the pipeline a batch needs (the caller's pass decides which) where it differs from the last.
    // Culled on the GPU, `phases` says which of the culling's phases' commands are drawn (bit 0
    // the first, bit 1 the second).
    void drawOpaque(VkCommandBuffer cmd, std::uint32_t slot, const std::function<void(const DrawBatch&)>& bindPipeline,
                    std::uint32_t* drawCalls, std::uint64_t& triangles, std::uint32_t phases = 1u);
    void recordToneMap(VkCommandBuffer cmd);
    // What the main pass's colour resolves or draws into: the exposed light, or (draft) the
    // display image itself.
    vk::Image& sceneTarget() { return exposedTarget_ ? exposed_ : color_; }
    ImageState& sceneTargetState() { return exposedTarget_ ? exposedState_ : colorState_; }
    // What the main pass draws into: the scene target, or with reconstructed edges the image the
    // reconstruction reads.
    vk::Image& shadingTarget() { return reconstructEdges_ ? shaded_ : sceneTarget(); }
    ImageState& shadingTargetState() { return reconstructEdges_ ? shadedState_ : sceneTargetState(); }
    SceneTargets sceneTargets() const;
    // This frame's exposure: set, metered, or (adapting) on its way to the metered one.
    float chooseExposure(const Lighting& lighting, float metered, FrameStats& stats);
    // The single-sample depth the occlusion reads: the resolved one when multisampled.
    const vk::Image& occlusionDepth() const {
        return shadingSamples_ != VK_SAMPLE_COUNT_1_BIT ? depthResolved_ : depth_;
    }
    ImageState& occlusionDepthState() {
        return shadingSamples_ != VK_SAMPLE_COUNT_1_BIT ? depthResolvedState_ : depthState_;
    }
    // The scene's one vertex and index buffer, for the shadow, main and coverage passes.
    void bindSceneGeometry(VkCommandBuffer cmd) const;
    void drawBatch(VkCommandBuffer cmd, const DrawBatch& batch, InstanceRange instances, bool bindMaterial);
    // What drawBatch sets before it draws: the material, the faces and the flags.
    void bindBatchState(VkCommandBuffer cmd, const DrawBatch& batch, bool bindMaterial);

    vk::Context& context_;
    std::filesystem::path shaderDir_;
    PassTimer passTimer_;
    VkExtent2D extent_;
    std::uint32_t shadowMapSize_;
    int shadowCascades_;
    bool exposedTarget_;
    std::uint32_t shadowTiles_;  // per side of the shadow atlas: 1, or 2 for cascades
    ShadowCascades cascades_;    // this frame's
    VkSampleCountFlagBits samples_;
    bool reconstructEdges_;                  // MultisampleShading::Reconstructed in effect
    VkSampleCountFlagBits shadingSamples_;  // the main pass's: samples_, or 1 with reconstructed edges
    bool specularAntialiasing_;
    vk::Image color_;    // single-sample, tone-mapped: what is shown and read back
    vk::Image exposed_;  // single-sample, the light before the tone curve (with exposedTarget_)
    vk::Image ids_;
    vk::Image sceneMultisampled_;  // drawn into when samples_ > 1, else empty
    vk::Image idsMultisampled_;
    vk::Image depth_;            // shadingSamples_ per pixel
    vk::Image shaded_;           // with reconstructed edges: the main pass's single-sample light
    vk::Image coverageDepth_;    // with reconstructed edges: the coverage pass's, samples_ per pixel
    vk::Image coverageKeys_;     // with reconstructed edges: each sample's surface key
    ImageState shadedState_;
    ImageState coverageKeysState_;
    ImageState coverageDepthState_;
    std::unique_ptr<EdgeReconstructionPass> edgeReconstruction_;
    bool ambientOcclusion_;
    std::unique_ptr<AmbientOcclusionPass> occlusionPass_;
    vk::Image depthResolved_;  // multisampled with occlusion: sample 0 of each pixel's depth
    vk::Image occlusion_;      // half resolution
    ImageState depthResolvedState_;
    ImageState occlusionState_;
    AmbientOcclusionSettings occlusionSettings_;  // this frame's
    glm::mat4 projection_{1.0f};                  // this frame's
    vk::Image shadowMap_;
    // Where each target was left (render/frame_graph.h): the next frame's barriers start there.
    ImageState colorState_;
    ImageState exposedState_;
    ImageState idsState_;
    ImageState depthState_;
    ImageState sceneMultisampledState_;
    ImageState idsMultisampledState_;
    std::unique_ptr<IdResolve> idResolve_;
    std::unique_ptr<BloomPass> bloom_;  // null with bloom off
    std::unique_ptr<ToneMapPass> toneMap_;
    ToneMapSettings toneMapSettings_;  // this frame's
    float adaptation_s_ = 0.0f;
    bool exposureAdapted_ = false;  // adaptedEv100_ holds a frame's exposure
    float adaptedEv100_ = 0.0f;
    std::chrono::steady_clock::time_point adaptedAt_;
    ImageState shadowState_;
    // What the shadow map holds (setShadowCaching).
    bool shadowCaching_ = true;
    bool shadowMapValid_ = false;
    glm::vec3 shadowSunDrawn_{0.0f, 1.0f, 0.0f};
    ShadowCascades shadowCascadesDrawn_;
    std::vector<char> shadowCastersDrawn_;
    std::uint64_t shadowLevelsDrawn_ = 0;  // LevelSelection::version() the shadow map was drawn with
    std::vector<GpuNodeAnimation> shadowAnimationDrawn_;
    // A caster's motion moved it since the shadow map was drawn by more than these: a rotation
    // element (about a degree) or its middle (m). Tracker rows turning a quarter of a degree a
    // minute (a second in the window at 60x) redraw the map every few seconds, not every frame;
    // a module's shadow stays within a few centimetres of where it would be.
    static constexpr float kShadowMotionTolerance = 0.02f;
    static constexpr float kShadowMotionTolerance_m = 0.25f;
    bool castersMovedSinceShadow() const;
    // The atmosphere's tables, the sky-view table's state, its sampler, and CPU copies of the
    // transmittance and multiple-scattering tables (read back from the GPU once) that the sun's
    // colour, the ambient light and the exposure are read from.
    std::unique_ptr<AtmosphereLuts> atmosphere_;
    ImageState skyViewState_;
    std::unique_ptr<SkyIrradiancePass> skyIrradiance_;  // the sky view's spherical harmonics
    ImageState skyIrradianceState_;
    bool skyIrradianceValid_ = false;               // the coefficients and the prefiltered sky hold a projection
    glm::vec3 skyLightingSun_{0.0f};                // of the table for this sun
    double skyLightingViewer_ = 0.0;                // and this viewer's distance from the planet's centre (km)
    std::unique_ptr<SkySpecularPass> skySpecular_;  // the sky prefiltered for glass and metal
    ImageState skySpecularState_;
    vk::Unique<VkSampler> skySampler_;
    std::vector<glm::vec4> transmittanceTable_;
    std::vector<glm::vec4> multipleScatteringTable_;
    glm::dvec2 skyViewFor_{-1.0, -1.0};  // (viewer radius, sun zenith) the table holds
    vk::Unique<VkSampler> shadowSampler_;
    vk::Unique<VkDescriptorSetLayout> frameLayout_;
    vk::Unique<VkDescriptorSetLayout> materialLayout_;
    vk::Unique<VkPipelineLayout> pipelineLayout_;
    // The opaque pipelines: one per procedural surface (scene::ProceduralSurface,
    // DrawBatch::surface), with or without the material's textures (DrawBatch::textured), and per
    // set of the frame's optional features (kFeature*: what mesh.frag leaves out when off, since a
    // CPU device runs every branch for every pixel), each built the first time a frame needs it.
    static constexpr std::uint32_t kSurfaceKinds = 6;
    static constexpr std::uint32_t kFeatureOverlay = 1;      // the heat map on the ground
    static constexpr std::uint32_t kFeatureSiteLamps = 2;    // the lamps' light on the ground
    static constexpr std::uint32_t kFeatureScaffolding = 4;  // a building under construction
    static constexpr std::uint32_t kFeatureAtmosphere = 8;   // the sky's light, reflections and haze
    static constexpr std::uint32_t kFeatureSets = 16;
    VkPipeline opaquePipeline(std::uint32_t surface, bool textured);
    VkPipeline skyPipeline();  // for frameSky_
    vk::Unique<VkShaderModule> meshVert_;
    vk::Unique<VkShaderModule> meshFrag_;
    vk::Unique<VkShaderModule> skyVert_;  // kept for the sky's pipelines, built as frames need them
    vk::Unique<VkShaderModule> skyFrag_;
    vk::GraphicsPipelineDesc opaqueDesc_;
    std::array<vk::Unique<VkPipeline>, kSurfaceKinds * 2 * kFeatureSets> opaquePipelines_;
    std::uint32_t frameFeatures_ = 0;  // kFeature* of the frame being recorded
    std::uint32_t frameSky_ = 0;       // the sky the frame being recorded draws (skyPipelines_)
    vk::Unique<VkPipeline> blendPipeline_;
    VkPipeline coveragePipeline(bool alphaMask);  // for this frame's animations
    vk::Unique<VkShaderModule> coverageVert_;
    vk::Unique<VkShaderModule> coverageFrag_;
    vk::GraphicsPipelineDesc coverageDesc_;
    // By the alpha mask (1), buildings rising (2) and scaffolding (4).
    std::array<vk::Unique<VkPipeline>, 8> coveragePipelines_;
    bool frameRising_ = false;  // the frame being recorded has a node clipped below a height
    vk::Unique<VkPipeline> shadowPipeline_;
    vk::Unique<VkPipeline> shadowMaskPipeline_;
    // The sky's pipelines, built as frames need them (skyPipeline): index bit 0 the atmosphere,
    // bit 1 the stars.
    vk::GraphicsPipelineDesc skyDesc_;
    std::array<vk::Unique<VkPipeline>, 4> skyPipelines_;
    std::array<vk::Buffer, FrameRing::kFramesInFlight> frameUniforms_;
    vk::Unique<VkDescriptorPool> framePool_;
    std::array<VkDescriptorSet, FrameRing::kFramesInFlight> frameSets_{};
    std::unique_ptr<GpuScene> scene_;
    GroundOverlay overlay_;
    VkBuffer overlayBound_ = VK_NULL_HANDLE;  // the values buffer the frame sets point at
    vk::Buffer colormapTable_;
    vk::Buffer emptyOverlay_;  // bound while there is no overlay
    // Per frame in flight: the camera's visible instances, then (at shadowListOffset_) the sun's.
    std::array<vk::Buffer, FrameRing::kFramesInFlight> visibleLists_;
    VkDeviceSize shadowListOffset_ = 0;
    std::vector<char> nodeDrawn_;
    LevelSelection levelSelection_;    // each instance's mesh level, kept between frames (hysteresis)
    std::vector<char> shadowCasters_;  // this frame's: drawn and casting a shadow
    struct CasterLevels {
        std::vector<std::uint8_t> levels;  // coarsenForTexel's, per instance
        float texel_m = -1.0f;             // of the cascade they were chosen for
        std::uint64_t version = ~0ull;     // LevelSelection::version() they were chosen from
    };
    std::array<CasterLevels, kMaxShadowCascades> casterLevels_;
    std::unique_ptr<FlowLinePass> flowLines_;
    FlowLineView flowView_;  // this frame's, set by record() for the main pass
    float flowTime_ = 0.0f;
    std::unique_ptr<LampPass> lampPass_;
    LampView lampView_;  // this frame's, set by record() for the main pass
    std::unique_ptr<PlumePass> plumePass_;
    PlumeView plumeView_;  // likewise
    std::vector<char> lampShown_;
    std::vector<glm::mat4> lampMoved_;  // each lamp's node's motion this frame
    std::vector<char> lampShownBaked_;
    bool lampsBaked_ = false;
    LampLightMap lampMap_;
    std::uint64_t lampMapVersion_ = 1;
    std::array<vk::Buffer, FrameRing::kFramesInFlight> lampMapBuffers_;
    std::array<std::uint64_t, FrameRing::kFramesInFlight> lampMapVersionInSlot_{};
    // Per node: hidden, and the shaders' look and motion, per frame in flight (moved nodes'
    // chunks are culled with moved bounds: MovedNodes reads the motions here).
    std::vector<NodeAnimation> animations_;
    std::array<vk::Buffer, FrameRing::kFramesInFlight> animationBuffers_;
    std::vector<GpuNodeAnimation> animationData_;
    std::vector<std::uint32_t> cameraList_;
    std::vector<std::uint32_t> shadowList_;
    std::vector<InstanceRange> cameraRanges_;
    std::array<std::vector<InstanceRange>, kMaxShadowCascades> shadowRanges_;
    struct BlendDraw {
        const DrawBatch* batch;
        float distance2;
    };
    std::vector<BlendDraw> blendDraws_;
    std::uint32_t blendFirst_ = 0;  // where the blended draws' entries start in the camera list
    bool gpuCulling_ = false;       // InstanceCulling in effect
    bool occlusionCulling_ = false;                   // RendererOptions::occlusionCulling in effect
    std::unique_ptr<DepthPyramidPass> depthPyramid_;  // with occlusionCulling_, of depth_
    std::unique_ptr<GpuCulling> culling_;      // with gpuCulling_: the camera's list and draws
    std::vector<std::uint32_t> blendEntries_;  // with gpuCulling_: the blended draws' instances, farthest first
};

}  // namespace ct::render
