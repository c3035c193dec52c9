#include "render/frame_graph.h"

namespace ct::render {

namespace {

constexpr VkAccessFlags2 kWrites = VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT |
                                   VK_ACCESS_2_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT | VK_ACCESS_2_TRANSFER_WRITE_BIT |
                                   VK_ACCESS_2_SHADER_WRITE_BIT | VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT |
                                   VK_ACCESS_2_MEMORY_WRITE_BIT | VK_ACCESS_2_HOST_WRITE_BIT;

ImageState stateFor(ImageAccess access) {
    switch (access) {
        case ImageAccess::ColorAttachment:
            return {VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT,
                    VK_ACCESS_2_COLOR_ATTACHMENT_READ_BIT | VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT};
        case ImageAccess::DepthAttachment:
            return {VK_IMAGE_LAYOUT_DEPTH_ATTACHMENT_OPTIMAL,
                    VK_PIPELINE_STAGE_2_EARLY_FRAGMENT_TESTS_BIT | VK_PIPELINE_STAGE_2_LATE_FRAGMENT_TESTS_BIT,
                    VK_ACCESS_2_DEPTH_STENCIL_ATTACHMENT_READ_BIT | VK_ACCESS_2_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT};
        case ImageAccess::SampledInFragment:
            return {VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL, VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT,
                    VK_ACCESS_2_SHADER_SAMPLED_READ_BIT};
        case ImageAccess::DepthResolve:
            // Resolves are written at the end of the pass, in the colour output stage.
            return {VK_IMAGE_LAYOUT_DEPTH_ATTACHMENT_OPTIMAL,
                    VK_PIPELINE_STAGE_2_LATE_FRAGMENT_TESTS_BIT | VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT,
                    VK_ACCESS_2_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT | VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT};
        case ImageAccess::SampledInCompute:
            return {VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL, VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT,
                    VK_ACCESS_2_SHADER_SAMPLED_READ_BIT};
        case ImageAccess::ComputeWrite:
            return {VK_IMAGE_LAYOUT_GENERAL, VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT,
                    VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT};
        case ImageAccess::TransferSource:
            return {VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, VK_PIPELINE_STAGE_2_ALL_TRANSFER_BIT,
                    VK_ACCESS_2_TRANSFER_READ_BIT};
    }
    return {};
}

}  // namespace

void FrameGraph::addPass(std::string name, std::vector<ImageUse> images, std::function<void(VkCommandBuffer)> record) {
    passes_.push_back({std::move(name), std::move(images), std::move(record)});
}

void FrameGraph::leave(const vk::Image& image, ImageState& state, ImageAccess access) {
    leave_.push_back({&image, &state, access, false});
}

int FrameGraph::barriers(VkCommandBuffer cmd, const std::vector<ImageUse>& images) {
    std::vector<VkImageMemoryBarrier2> list;
    for (const ImageUse& use : images) {
        ImageState& was = *use.state;
        const ImageState next = stateFor(use.access);
        const bool layoutChanges = was.layout != next.layout;
        const bool wasWritten = (was.access & kWrites) != 0;
        const bool writes = (next.access & kWrites) != 0;
        // A read after reads in the same layout waits for nothing, unless it is in a stage the
        // last write or layout transition was not yet made visible to: then a barrier from the
        // stages that read before chains that write on to it (the exposed image is sampled by
        // the bloom's compute, then by the tone map's fragments).
        const bool readsOnly = !layoutChanges && !wasWritten && !writes;
        const bool newReaderStage = readsOnly && (next.stages & ~was.stages) != 0;
        if (layoutChanges || wasWritten || writes || newReaderStage) {
            VkImageMemoryBarrier2 barrier{VK_STRUCTURE_TYPE_IMAGE_MEMORY_BARRIER_2};
            // After a write the write must be made available; after reads only the stages wait.
            barrier.srcStageMask = was.stages;
            barrier.srcAccessMask = was.access & kWrites;
            barrier.dstStageMask = next.stages;
            barrier.dstAccessMask = next.access;
            barrier.oldLayout = use.discard ? VK_IMAGE_LAYOUT_UNDEFINED : was.layout;
            barrier.newLayout = next.layout;
            barrier.srcQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
            barrier.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
            barrier.image = use.image->get();
            barrier.subresourceRange = {use.image->aspect(), 0, VK_REMAINING_MIP_LEVELS, 0, 1};
            list.push_back(barrier);
        }
        if (readsOnly) {
            // Every stage that reads it now: a later write waits for all of them.
            was.stages |= next.stages;
            was.access |= next.access;
        } else {
            was = next;
        }
    }
    if (list.empty()) return 0;
    VkDependencyInfo dependency{VK_STRUCTURE_TYPE_DEPENDENCY_INFO};
    dependency.imageMemoryBarrierCount = static_cast<std::uint32_t>(list.size());
    dependency.pImageMemoryBarriers = list.data();
    vkCmdPipelineBarrier2(cmd, &dependency);
    return static_cast<int>(list.size());
}

int FrameGraph::execute(VkCommandBuffer cmd) {
    int recorded = 0;
    for (const Pass& pass : passes_) {
        timer_.begin(cmd, pass.name);
        recorded += barriers(cmd, pass.images);
        pass.record(cmd);
        timer_.end(cmd);
    }
    recorded += barriers(cmd, leave_);
    return recorded;
}

}  // namespace ct::render
