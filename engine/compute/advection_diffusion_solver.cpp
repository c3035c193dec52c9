#include "compute/advection_diffusion_solver.h"

#include "vk/check.h"
#include "vk/descriptor_pool.h"
#include "vk/pipeline.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace ct::compute {

namespace {

// Workgroup shapes of the two step passes (as the shaders declare them).
constexpr std::uint32_t kRowSegment = 128;   // field_advect_blur_x.comp: cells of one row per group
constexpr std::uint32_t kBlockColumns = 32;  // field_blur_z.comp: a block of 32 x 32 cells per group
constexpr std::uint32_t kBlockRows = 32;
constexpr std::uint32_t kSampleGroup = 64;  // field_sample.comp's local_size_x
constexpr std::uint32_t kPushBytes = 48;    // the largest push block (pass 1's)

// Push blocks, laid out as the shaders declare them.
struct AdvectBlurPush {
    std::int32_t nx, nz;
    std::int32_t offsetX, offsetZ;  // floor(-shift)
    float w00, w10, w01, w11;       // bilinear weights of the backtrace
    float decay, gain;
    std::int32_t radius, unused;
};
struct BlurPush {
    std::int32_t nx, nz, radius, unused;
};
struct SamplePush {
    std::int32_t nx, nz, count, unused;
};
static_assert(sizeof(AdvectBlurPush) == kPushBytes && sizeof(BlurPush) <= kPushBytes &&
              sizeof(SamplePush) <= kPushBytes);

// The backtrace (cell minus shift) is the same for every cell: its whole-cell offset and
// bilinear weights are computed once, in double and rounded to float once, exactly as
// twin::HeatFieldCpu does, so both solvers weigh the same four cells the same way. A shift
// longer than the grid reads only ambient air; clamping it keeps the int conversion defined.
AdvectBlurPush advectionStencil(int nx, int nz, float shiftX, float shiftZ) {
    const double backX = std::clamp(-static_cast<double>(shiftX), -(nx + 2.0), nx + 2.0);
    const double backZ = std::clamp(-static_cast<double>(shiftZ), -(nz + 2.0), nz + 2.0);
    const double wholeX = std::floor(backX);
    const double wholeZ = std::floor(backZ);
    const double fx = backX - wholeX;
    const double fz = backZ - wholeZ;
    return {nx,
            nz,
            static_cast<std::int32_t>(wholeX),
            static_cast<std::int32_t>(wholeZ),
            static_cast<float>((1.0 - fx) * (1.0 - fz)),
            static_cast<float>(fx * (1.0 - fz)),
            static_cast<float>((1.0 - fx) * fz),
            static_cast<float>(fx * fz),
            1.0f,
            0.0f,
            0,
            0};
}

std::uint32_t groupsFor(int cells, std::uint32_t groupSize) {
    return (static_cast<std::uint32_t>(cells) + groupSize - 1) / groupSize;
}

// Between passes: the next pass reads what this one wrote, and overwrites what an earlier pass
// read (the latter needs only the execution dependency this also gives).
void computeToCompute(VkCommandBuffer cmd) {
    vk::memoryBarrier(cmd, VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT, VK_ACCESS_2_SHADER_WRITE_BIT,
                      VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT,
                      VK_ACCESS_2_SHADER_READ_BIT | VK_ACCESS_2_SHADER_WRITE_BIT);
}

}  // namespace

AdvectionDiffusionSolver::AdvectionDiffusionSolver(vk::Context& context, const std::filesystem::path& shaderDir, int nx,
                                                   int nz)
    : context_(context), nx_(nx), nz_(nz), frames_(context), uploader_(context) {
    if (nx <= 0 || nz <= 0) throw std::invalid_argument("AdvectionDiffusionSolver: the grid must not be empty");
    const VkDeviceSize bytes = static_cast<VkDeviceSize>(nx) * static_cast<VkDeviceSize>(nz) * sizeof(float);
    const VkBufferUsageFlags fieldUsage =
        VK_BUFFER_USAGE_STORAGE_BUFFER_BIT | VK_BUFFER_USAGE_TRANSFER_SRC_BIT | VK_BUFFER_USAGE_TRANSFER_DST_BIT;
    field_ = vk::Buffer(context, {bytes, fieldUsage, vk::MemoryUsage::DeviceLocal, "air field"});
    scratch_ = vk::Buffer(context, {bytes, fieldUsage, vk::MemoryUsage::DeviceLocal, "air field scratch"});
    sourceRate_ = vk::Buffer(context, {bytes, VK_BUFFER_USAGE_STORAGE_BUFFER_BIT | VK_BUFFER_USAGE_TRANSFER_DST_BIT,
                                       vk::MemoryUsage::DeviceLocal, "air field source rate"});
    kernel_ = vk::Buffer(
        context, {kMaxKernelTaps * sizeof(float), VK_BUFFER_USAGE_STORAGE_BUFFER_BIT | VK_BUFFER_USAGE_TRANSFER_DST_BIT,
                  vk::MemoryUsage::DeviceLocal, "air field diffusion kernel"});
    createPipelines(shaderDir);
    createDescriptorSets();
    ensureSampleCapacity(64);

    // Ambient everywhere and no sources until told otherwise; a kernel of one tap of 1 so the
    // kernel buffer never holds garbage.
    context.runOnce([&](VkCommandBuffer cmd) {
        vkCmdFillBuffer(cmd, field_.get(), 0, VK_WHOLE_SIZE, 0);
        vkCmdFillBuffer(cmd, scratch_.get(), 0, VK_WHOLE_SIZE, 0);
        vkCmdFillBuffer(cmd, sourceRate_.get(), 0, VK_WHOLE_SIZE, 0);
        // The first tap is written apart: one fill over it and an update of it would race.
        vkCmdFillBuffer(cmd, kernel_.get(), sizeof(float), VK_WHOLE_SIZE, 0);
        const float one = 1.0f;
        vkCmdUpdateBuffer(cmd, kernel_.get(), 0, sizeof(one), &one);
        vk::memoryBarrier(cmd, VK_PIPELINE_STAGE_2_TRANSFER_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT,
                          VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT,
                          VK_ACCESS_2_MEMORY_READ_BIT | VK_ACCESS_2_MEMORY_WRITE_BIT);
    });
    kernelOnDevice_ = {1.0f};
}

void AdvectionDiffusionSolver::createPipelines(const std::filesystem::path& shaderDir) {
    // One layout serves all three shaders: binding 0 is read, binding 1 written, binding 2 the
    // kernel (sampling: the sample points), binding 3 the source rate; a shader that needs
    // fewer inputs leaves the rest bound and unread.
    const VkShaderStageFlags compute = VK_SHADER_STAGE_COMPUTE_BIT;
    setLayout_ = vk::makeSetLayout(context_,
                                   {{0, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, compute},
                                    {1, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, compute},
                                    {2, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, compute},
                                    {3, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, compute}},
                                   "air field set layout");
    pipelineLayout_ =
        vk::makePipelineLayout(context_, {setLayout_.get()}, kPushBytes, "air field pipeline layout", compute);
    auto build = [&](const char* shader, const char* name) {
        const vk::Unique<VkShaderModule> module = vk::loadShader(context_, shaderDir, shader);
        return vk::buildComputePipeline(context_, pipelineLayout_.get(), module.get(), name);
    };
    advectBlurXPipeline_ = build("field_advect_blur_x.comp", "air field sources, advect, blur x");
    blurZPipeline_ = build("field_blur_z.comp", "air field blur z");
    samplePipeline_ = build("field_sample.comp", "air field sample");
}

void AdvectionDiffusionSolver::createDescriptorSets() {
    constexpr std::uint32_t kSets = PassCount + 1;  // the two passes and sampling
    const VkDescriptorPoolSize perSet[] = {{VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, 4}};
    vk::DescriptorSets allocated = vk::allocateDescriptorSets(context_, setLayout_.get(), perSet, kSets, "air field");
    descriptorPool_ = std::move(allocated.pool);
    std::copy(allocated.sets.begin(), allocated.sets.begin() + PassCount, passSets_);
    sampleSet_ = allocated.sets[PassCount];

    // The ping-pong is fixed, so the pass sets are written once: sources, advection and blur x
    // A->B, blur z B->A (the order of twin/heat_field.h). The result is always in A (field_).
    struct Wiring {
        Pass pass;
        VkBuffer read, write;
    };
    const Wiring wiring[] = {{AdvectBlurX, field_.get(), scratch_.get()}, {BlurZ, scratch_.get(), field_.get()}};
    for (const Wiring& w : wiring) {
        vk::DescriptorWriter()
            .buffer(0, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, w.read)
            .buffer(1, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, w.write)
            .buffer(2, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, kernel_.get())
            .buffer(3, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, sourceRate_.get())
            .update(context_.device(), passSets_[w.pass]);
    }
}

void AdvectionDiffusionSolver::ensureSampleCapacity(std::size_t count) {
    if (count <= sampleCapacity_) return;
    // Every earlier sample() waited for its submission, so the set is free to rewrite and the
    // old buffers retire through the deletion queue.
    sampleCapacity_ = std::max<std::size_t>(count, 2 * sampleCapacity_);
    samplePoints_ = vk::Buffer(context_, {sampleCapacity_ * sizeof(glm::vec2), VK_BUFFER_USAGE_STORAGE_BUFFER_BIT,
                                          vk::MemoryUsage::Upload, "air field sample points"});
    sampleValues_ = vk::Buffer(context_, {sampleCapacity_ * sizeof(float), VK_BUFFER_USAGE_STORAGE_BUFFER_BIT,
                                          vk::MemoryUsage::Readback, "air field sample values"});
    // Binding 1 is the shader's input and binding 2 its output here (see field_sample.comp).
    vk::DescriptorWriter()
        .buffer(0, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, field_.get())
        .buffer(1, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, samplePoints_.get())
        .buffer(2, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, sampleValues_.get())
        .buffer(3, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, sourceRate_.get())
        .update(context_.device(), sampleSet_);
}

void AdvectionDiffusionSolver::checkFieldSize(std::size_t size, const char* what) const {
    const std::size_t cells = static_cast<std::size_t>(nx_) * static_cast<std::size_t>(nz_);
    if (size != cells)
        throw std::invalid_argument(std::string("AdvectionDiffusionSolver::") + what + ": " + std::to_string(size) +
                                    " values for a grid of " + std::to_string(cells) + " cells");
}

void AdvectionDiffusionSolver::upload(const std::vector<float>& values) {
    checkFieldSize(values.size(), "upload");
    uploader_.toBuffer(field_, 0, values.data(), values.size() * sizeof(float));
    uploader_.submit();  // also sends a pending source rate; both end in a barrier to all later work
}

void AdvectionDiffusionSolver::setSourceRate(const std::vector<float>& rate) {
    checkFieldSize(rate.size(), "setSourceRate");
    uploader_.toBuffer(sourceRate_, 0, rate.data(), rate.size() * sizeof(float));
}

void AdvectionDiffusionSolver::step(const FieldStepParams& params) {
    const std::size_t taps = params.kernel.size();
    if (taps % 2 == 0 || taps > kMaxKernelTaps)
        throw std::invalid_argument("AdvectionDiffusionSolver::step: the kernel needs an odd number of taps, at most " +
                                    std::to_string(kMaxKernelTaps) + " (got " + std::to_string(taps) + ")");

    // A new source rate goes in its own submission just before this one. The copy overwrites
    // what the previous step's last pass read; that pass is ordered before it by the previous
    // step's closing barrier (compute -> all commands), which is all a write-after-read needs.
    uploader_.submit();

    render::Frame& frame = frames_.begin();
    const VkCommandBuffer cmd = frame.cmd;

    // Whoever read the field since the last step (a renderer's previous frame) must be done
    // before pass 2 overwrites it, and the kernel update below must not race the previous blur.
    vk::memoryBarrier(cmd, VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT,
                      VK_ACCESS_2_SHADER_READ_BIT | VK_ACCESS_2_SHADER_WRITE_BIT,
                      VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT | VK_PIPELINE_STAGE_2_TRANSFER_BIT,
                      VK_ACCESS_2_SHADER_READ_BIT | VK_ACCESS_2_SHADER_WRITE_BIT | VK_ACCESS_2_TRANSFER_WRITE_BIT);

    // The kernel changes only with dt or the diffusivity: re-sent only then, inside this
    // command buffer (a few hundred bytes: no staging needed).
    if (params.kernel != kernelOnDevice_) {
        vkCmdUpdateBuffer(cmd, kernel_.get(), 0, taps * sizeof(float), params.kernel.data());
        vk::memoryBarrier(cmd, VK_PIPELINE_STAGE_2_TRANSFER_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT,
                          VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT, VK_ACCESS_2_SHADER_READ_BIT);
        kernelOnDevice_ = params.kernel;
    }

    auto dispatch = [&](VkPipeline pipeline, Pass pass, const auto& push, std::uint32_t groupsX,
                        std::uint32_t groupsZ) {
        vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, pipeline);
        vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, pipelineLayout_.get(), 0, 1, &passSets_[pass], 0,
                                nullptr);
        vkCmdPushConstants(cmd, pipelineLayout_.get(), VK_SHADER_STAGE_COMPUTE_BIT, 0, sizeof(push), &push);
        vkCmdDispatch(cmd, groupsX, groupsZ, 1);
    };

    const std::int32_t radius = static_cast<std::int32_t>(taps / 2);
    AdvectBlurPush first = advectionStencil(nx_, nz_, params.shiftX, params.shiftZ);
    first.decay = params.decay;
    first.gain = params.gain;
    first.radius = radius;
    context_.beginLabel(cmd, "air field step");
    dispatch(advectBlurXPipeline_.get(), AdvectBlurX, first, groupsFor(nx_, kRowSegment),
             static_cast<std::uint32_t>(nz_));
    computeToCompute(cmd);
    const BlurPush blurZ{nx_, nz_, radius, 0};
    dispatch(blurZPipeline_.get(), BlurZ, blurZ, groupsFor(nx_, kBlockColumns), groupsFor(nz_, kBlockRows));
    context_.endLabel(cmd);

    // Every later command on this queue (drawing, sampling, copies, the next step) sees the field.
    vk::memoryBarrier(cmd, VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT, VK_ACCESS_2_SHADER_WRITE_BIT,
                      VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT, VK_ACCESS_2_MEMORY_READ_BIT);
    lastSubmission_ = frames_.submit(frame);
}

std::vector<float> AdvectionDiffusionSolver::download() {
    uploader_.submit();  // an upload() or source rate still queued is part of "the field now"
    vk::Buffer readback(
        context_, {field_.size(), VK_BUFFER_USAGE_TRANSFER_DST_BIT, vk::MemoryUsage::Readback, "air field readback"});
    context_.runOnce([&](VkCommandBuffer cmd) {
        // The last step's closing barrier already covers this copy's read of the field.
        const VkBufferCopy region{0, 0, field_.size()};
        vkCmdCopyBuffer(cmd, field_.get(), readback.get(), 1, &region);
        vk::memoryBarrier(cmd, VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT,
                          VK_PIPELINE_STAGE_2_HOST_BIT, VK_ACCESS_2_HOST_READ_BIT);
    });
    readback.invalidate(context_.device());
    const float* values = static_cast<const float*>(readback.mapped());
    return std::vector<float>(values, values + static_cast<std::size_t>(nx_) * static_cast<std::size_t>(nz_));
}

std::vector<float> AdvectionDiffusionSolver::sample(const std::vector<glm::vec2>& cellCoordinates) {
    if (cellCoordinates.empty()) return {};
    uploader_.submit();
    ensureSampleCapacity(cellCoordinates.size());
    samplePoints_.write(cellCoordinates.data(), cellCoordinates.size() * sizeof(glm::vec2));

    render::Frame& frame = frames_.begin();
    const VkCommandBuffer cmd = frame.cmd;
    const SamplePush push{nx_, nz_, static_cast<std::int32_t>(cellCoordinates.size()), 0};
    vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, samplePipeline_.get());
    vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, pipelineLayout_.get(), 0, 1, &sampleSet_, 0, nullptr);
    vkCmdPushConstants(cmd, pipelineLayout_.get(), VK_SHADER_STAGE_COMPUTE_BIT, 0, sizeof(push), &push);
    vkCmdDispatch(cmd, groupsFor(static_cast<int>(cellCoordinates.size()), kSampleGroup), 1, 1);
    vk::memoryBarrier(cmd, VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT, VK_ACCESS_2_SHADER_WRITE_BIT,
                      VK_PIPELINE_STAGE_2_HOST_BIT, VK_ACCESS_2_HOST_READ_BIT);
    context_.waitFor(frames_.submit(frame));

    sampleValues_.invalidate(context_.device());
    const float* values = static_cast<const float*>(sampleValues_.mapped());
    return std::vector<float>(values, values + cellCoordinates.size());
}

}  // namespace ct::compute
