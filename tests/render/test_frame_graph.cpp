// The frame graph records the barriers that passes' declarations need, and no others; under
// the layer's synchronization validation a frame built from declarations alone is clean.
#include "render/frame_graph.h"
#include "vk/context.h"
#include "vk/resources.h"

#include <catch2/catch.hpp>

#include <cstring>

using namespace ct::render;

namespace {

// A pass that clears `image` to `value` by dynamic rendering (load op clear, nothing drawn).
void clearTo(VkCommandBuffer cmd, const ct::vk::Image& image, float value) {
    VkRenderingAttachmentInfo color{VK_STRUCTURE_TYPE_RENDERING_ATTACHMENT_INFO};
    color.imageView = image.view();
    color.imageLayout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL;
    color.loadOp = VK_ATTACHMENT_LOAD_OP_CLEAR;
    color.storeOp = VK_ATTACHMENT_STORE_OP_STORE;
    color.clearValue.color = {{value, value, value, 1.0f}};
    VkRenderingInfo rendering{VK_STRUCTURE_TYPE_RENDERING_INFO};
    rendering.renderArea = {{0, 0}, image.extent()};
    rendering.layerCount = 1;
    rendering.colorAttachmentCount = 1;
    rendering.pColorAttachments = &color;
    vkCmdBeginRendering(cmd, &rendering);
    vkCmdEndRendering(cmd);
}

}  // namespace

TEST_CASE("a frame graph's barriers come from what each pass declares", "[render][frame-graph]") {
    ct::vk::Context context({.validation = true, .quiet = true, .synchronizationValidation = true});
    PassTimer timer(context, 1);
    const ct::vk::Image target(
        context, {{8, 8},
                  VK_FORMAT_R8G8B8A8_UNORM,
                  VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_TRANSFER_SRC_BIT | VK_IMAGE_USAGE_SAMPLED_BIT,
                  1,
                  VK_IMAGE_ASPECT_COLOR_BIT,
                  "graph target"});
    ct::vk::Buffer readback(
        context, {8 * 8 * 4, VK_BUFFER_USAGE_TRANSFER_DST_BIT, ct::vk::MemoryUsage::Readback, "graph readback"});
    ImageState state;

    // Two frames in a row, each: clear (a write), then two passes that only sample it, then a
    // copy out after the graph.
    for (const float value : {0.25f, 0.75f}) {
        int barriers = -1;
        context.runOnce([&](VkCommandBuffer cmd) {
            timer.beginFrame(cmd, 0);
            FrameGraph graph(timer);
            graph.addPass("clear", {{&target, &state, ImageAccess::ColorAttachment, true}},
                          [&](VkCommandBuffer c) { clearTo(c, target, value); });
            graph.addPass("first read", {{&target, &state, ImageAccess::SampledInFragment}}, [](VkCommandBuffer) {});
            graph.addPass("second read", {{&target, &state, ImageAccess::SampledInFragment}}, [](VkCommandBuffer) {});
            graph.leave(target, state, ImageAccess::TransferSource);
            barriers = graph.execute(cmd);
            VkBufferImageCopy region{};
            region.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
            region.imageExtent = {8, 8, 1};
            vkCmdCopyImageToBuffer(cmd, target.get(), VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, readback.get(), 1, &region);
            ct::vk::memoryBarrier(cmd, VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT,
                                  VK_PIPELINE_STAGE_2_HOST_BIT, VK_ACCESS_2_HOST_READ_BIT);
        });
        INFO("clear value " << value);
        // Before the clear, after it (write then read), none between the two reads, and one to
        // leave it for the copy: 3.
        CHECK(barriers == 3);
        readback.invalidate(context.device());
        std::uint8_t pixel[4];
        std::memcpy(pixel, readback.mapped(), 4);
        CHECK(int(pixel[0]) == Approx(value * 255.0f).margin(1.0));
        const auto passes = timer.results(0);
        if (!passes.empty()) {
            REQUIRE(passes.size() == 3);
            CHECK(passes[0].name == "clear");
            CHECK(passes[2].name == "second read");
        }
    }
    CHECK(state.layout == VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL);
    CHECK(context.validationCounts().total() == 0);  // the synchronization validation found nothing
}
