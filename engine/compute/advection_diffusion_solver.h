// The campus air-temperature field on the GPU: a 2D grid of floats (index = j * nx + i) advanced
// by the scheme twin/heat_field.h fixes: sources and relaxation, semi-Lagrangian advection, and a
// separable Gaussian blur along x then z. The engine knows no twin: a step is given as plain
// numbers (the twin's HeatFieldStep in float).
//
//   AdvectionDiffusionSolver solver(context, render::shaderDir(), 512, 512);
//   solver.setSourceRate(q);             // K/s per cell; uploaded with the next step
//   solver.step(params);                 // records and submits; does not wait
//   VkBuffer field = solver.fieldBuffer();              // always the same buffer: bind it once
//   std::vector<float> inlets = solver.sample(points);  // waits; only these values come back
//
// Advection's bilinear weights are formed on the host in double and rounded to float once, and
// every sum runs in the CPU's order, so on lavapipe the field matches twin::HeatFieldCpu to
// within a few float roundings (6e-8 K after 100 steps at 512 x 512).
//
// Each step is one command buffer from a two-slot ring: it waits for earlier readers of the
// field (a renderer's previous frame), runs two passes ping-ponging between two buffers so the
// result always lands in the same one, and ends with a barrier that makes the field visible to
// every later command on the queue. The passes are tiled in shared memory (docs/heatmap.md, "The
// GPU kernels"): pass 1 fuses sources, advection and the blur along x (a workgroup advects one
// row segment and its halo into shared memory once, then blurs from there); pass 2 blurs along z
// from blocks of columns loaded with their halo. Per cell a step reads the field and the source
// rate once and writes the field twice: 20 bytes (bytesPerCellUpdate), against 36 for the four
// separate passes of the CPU reference.
#pragma once

#include "render/frame_ring.h"
#include "vk/resources.h"
#include "vk/uploader.h"

#include <glm/vec2.hpp>

#include <cstdint>
#include <filesystem>
#include <vector>

namespace ct::compute {

// One step in grid units; see twin::HeatFieldStep.
struct FieldStepParams {
    float shiftX = 0.0f;  // u_x dt / dx, cells: the backtrace is cell centre minus this
    float shiftZ = 0.0f;
    std::vector<float> kernel;  // diffusion blur weights: odd length, centre tap in the middle
    float decay = 1.0f;         // relaxation over dt
    float gain = 0.0f;          // s; multiplies the source rate
};

class AdvectionDiffusionSolver {
public:
    static constexpr std::size_t kMaxKernelTaps = 4095;  // radius 2047: wider than any grid we use
    // The least memory traffic of one step per cell, bytes: pass 1 reads theta and q and writes
    // its result, pass 2 reads that and writes the field (the halos come from cache).
    static constexpr double kBytesPerCellUpdate = 20.0;

    AdvectionDiffusionSolver(vk::Context& context, const std::filesystem::path& shaderDir, int nx, int nz);

    int nx() const { return nx_; }
    int nz() const { return nz_; }

    // The field (K above ambient), nx * nz values: the initial state. Submitted at once; call it
    // before a renderer reads the field, since it is not ordered after other queues' readers.
    void upload(const std::vector<float>& values);
    // q per cell (K/s), nx * nz values; staged now, copied in the submission just before the
    // next step's. Starts at zero.
    void setSourceRate(const std::vector<float>& rate);
    // Records both passes into one command buffer and submits it; does not wait.
    void step(const FieldStepParams& params);
    // Waits for the last step and reads the whole field back (tests, CSV export).
    std::vector<float> download();
    // Bilinear samples at cell coordinates p = (x - originX) / dx - 0.5 (0 outside the grid), the
    // convention of twin::HeatFieldCpu::sample(). Waits; only these values come back.
    std::vector<float> sample(const std::vector<glm::vec2>& cellCoordinates);

    // The current field: the same buffer after every step, so a renderer can bind it once.
    VkBuffer fieldBuffer() const { return field_.get(); }
    VkDeviceSize fieldBytes() const { return field_.size(); }
    // Timeline value of the last step's submission (0 before the first step).
    std::uint64_t lastSubmission() const { return lastSubmission_; }

private:
    enum Pass { AdvectBlurX, BlurZ, PassCount };

    void createPipelines(const std::filesystem::path& shaderDir);
    void createDescriptorSets();
    void ensureSampleCapacity(std::size_t count);
    void checkFieldSize(std::size_t size, const char* what) const;

    vk::Context& context_;
    int nx_ = 0;
    int nz_ = 0;
    vk::Buffer field_;    // A: the current field, what a renderer binds
    vk::Buffer scratch_;  // B: the other half of the ping-pong
    vk::Buffer sourceRate_;
    vk::Buffer kernel_;
    vk::Buffer samplePoints_;  // host-written cell coordinates
    vk::Buffer sampleValues_;  // host-read results
    std::size_t sampleCapacity_ = 0;

    vk::Unique<VkDescriptorSetLayout> setLayout_;
    vk::Unique<VkPipelineLayout> pipelineLayout_;
    vk::Unique<VkPipeline> advectBlurXPipeline_;
    vk::Unique<VkPipeline> blurZPipeline_;
    vk::Unique<VkPipeline> samplePipeline_;
    vk::Unique<VkDescriptorPool> descriptorPool_;
    VkDescriptorSet passSets_[PassCount]{};
    VkDescriptorSet sampleSet_ = VK_NULL_HANDLE;

    render::FrameRing frames_;
    vk::Uploader uploader_;
    std::vector<float> kernelOnDevice_;  // what kernel_ holds, so an unchanged kernel is not re-sent
    std::uint64_t lastSubmission_ = 0;
};

}  // namespace ct::compute
