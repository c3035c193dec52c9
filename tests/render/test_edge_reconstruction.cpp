// The edge reconstruction's shaders against their CPU reference (render/edge_reconstruction.h)
// on made-up inputs: random colours with random centre keys in their alpha, and sample keys that
// often differ from the centre's so that samples go looking among the neighbours.
#include "render/edge_reconstruction.h"
#include "render/edge_reconstruction_pass.h"
#include "render/data_dir.h"
#include "render/renderer.h"
#include "vk/context.h"
#include "vk/uploader.h"

#include <catch2/catch.hpp>
#include <glm/gtc/packing.hpp>

#include <cstring>
#include <random>

namespace {

constexpr std::uint32_t kWidth = 37;  // not a multiple of the 8x8 groups
constexpr std::uint32_t kHeight = 29;
constexpr int kSurfaces = 4;  // few, so that neighbours often share one

}  // namespace

TEST_CASE("the GPU edge reconstruction makes the CPU reference's choices", "[render][antialiasing]") {
    using namespace ct;
    vk::Context context({.validation = true, .quiet = true});
    std::mt19937 random(7);
    std::uniform_real_distribution<float> unit(0.0f, 4.0f);
    std::uniform_int_distribution<int> surface(0, kSurfaces - 1);
    const std::size_t pixels = std::size_t{kWidth} * kHeight;

    // Keys as the shaders make them (1 .. 2^24), a few distinct ones so that neighbours often share one.
    const auto key = [](int surface) { return static_cast<float>(1 + (surface << 9 | (surface % 2))); };
    std::vector<glm::vec4> shaded(pixels);
    std::vector<float> samples(pixels * render::kReconstructionSamples);
    std::vector<int> sampleSurface(pixels);
    for (std::size_t i = 0; i < pixels; ++i) {
        shaded[i] = glm::vec4(unit(random), unit(random), unit(random), key(surface(random)));
        // A clear fills all of a pixel's samples alike: one surface per pixel, most of the time
        // another than its centre saw.
        sampleSurface[i] = surface(random);
        for (std::uint32_t s = 0; s < render::kReconstructionSamples; ++s)
            samples[i * render::kReconstructionSamples + s] = key(sampleSurface[i]);
    }

    const VkExtent2D extent{kWidth, kHeight};
    const VkImageUsageFlags uploaded = VK_IMAGE_USAGE_SAMPLED_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT;
    vk::Image shadedImage(context, {extent, render::EdgeReconstructionPass::kShadedFormat, uploaded, 1,
                                    VK_IMAGE_ASPECT_COLOR_BIT, "test shaded"});
    vk::Image sampleImage(context, {extent, render::EdgeReconstructionPass::kKeyFormat,
                                    VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_SAMPLED_BIT, 1,
                                    VK_IMAGE_ASPECT_COLOR_BIT, "test sample ids", VK_SAMPLE_COUNT_4_BIT});
    vk::Image out(context, {extent, render::EdgeReconstructionPass::kColorFormat,
                            VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_TRANSFER_SRC_BIT, 1,
                            VK_IMAGE_ASPECT_COLOR_BIT, "test reconstructed"});
    vk::Uploader uploader(context);
    uploader.toImage(shadedImage, shaded.data(), shaded.size() * sizeof(glm::vec4));
    uploader.submit();

    render::EdgeReconstructionPass pass(context, render::shaderDir());
    pass.setImages({&shadedImage, &sampleImage, &out});
    vk::Buffer readback(context, {pixels * sizeof(std::uint64_t), VK_BUFFER_USAGE_TRANSFER_DST_BIT,
                                  vk::MemoryUsage::Readback, "test reconstruction readback"});
    context.runOnce([&](VkCommandBuffer cmd) {
        vk::transition(cmd, sampleImage,
                       {VK_IMAGE_LAYOUT_UNDEFINED, VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, VK_PIPELINE_STAGE_2_NONE,
                        VK_ACCESS_2_NONE, VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT,
                        VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT});
        VkRenderingAttachmentInfo attachment{VK_STRUCTURE_TYPE_RENDERING_ATTACHMENT_INFO};
        attachment.imageView = sampleImage.view();
        attachment.imageLayout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL;
        attachment.loadOp = VK_ATTACHMENT_LOAD_OP_DONT_CARE;
        attachment.storeOp = VK_ATTACHMENT_STORE_OP_STORE;
        VkRenderingInfo rendering{VK_STRUCTURE_TYPE_RENDERING_INFO};
        rendering.renderArea = {{0, 0}, extent};
        rendering.layerCount = 1;
        rendering.colorAttachmentCount = 1;
        rendering.pColorAttachments = &attachment;
        vkCmdBeginRendering(cmd, &rendering);
        for (int id = 0; id < kSurfaces; ++id) {
            std::vector<VkClearRect> rects;
            for (std::uint32_t y = 0; y < kHeight; ++y)
                for (std::uint32_t x = 0; x < kWidth; ++x)
                    if (sampleSurface[std::size_t{y} * kWidth + x] == id)
                        rects.push_back({{{static_cast<int>(x), static_cast<int>(y)}, {1, 1}}, 0, 1});
            VkClearAttachment clear{VK_IMAGE_ASPECT_COLOR_BIT, 0, {}};
            clear.clearValue.color.float32[0] = key(id);
            if (!rects.empty())
                vkCmdClearAttachments(cmd, 1, &clear, static_cast<std::uint32_t>(rects.size()), rects.data());
        }
        vkCmdEndRendering(cmd);
        vk::transition(cmd, sampleImage,
                       {VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL,
                        VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT, VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT,
                        VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT, VK_ACCESS_2_SHADER_SAMPLED_READ_BIT});
        vk::transition(cmd, out,
                       {VK_IMAGE_LAYOUT_UNDEFINED, VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, VK_PIPELINE_STAGE_2_NONE,
                        VK_ACCESS_2_NONE, VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT,
                        VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT});
        pass.record(cmd);
        vk::transition(cmd, out,
                       {VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL,
                        VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT, VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT,
                        VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_READ_BIT});
        VkBufferImageCopy region{};
        region.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
        region.imageExtent = {kWidth, kHeight, 1};
        vkCmdCopyImageToBuffer(cmd, out.get(), VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, readback.get(), 1, &region);
        vk::memoryBarrier(cmd, VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT,
                          VK_PIPELINE_STAGE_2_HOST_BIT, VK_ACCESS_2_HOST_READ_BIT);
    });
    readback.invalidate(context.device());
    std::vector<std::uint64_t> gpuHalfs(pixels);
    std::memcpy(gpuHalfs.data(), readback.mapped(), gpuHalfs.size() * sizeof(std::uint64_t));

    const render::EdgeReconstructionInput input{kWidth, kHeight, shaded, samples};
    const std::vector<glm::vec4> reference = render::reconstructEdges(input);
    int mismatched = 0;
    int borrowed = 0;  // pixels whose first sample took its neighbours' colours
    for (std::size_t i = 0; i < pixels; ++i) {
        const glm::vec4 gpu = glm::unpackHalf4x16(gpuHalfs[i]);
        // The output is half precision: about 3 significant digits of values up to 4.
        if (glm::any(glm::greaterThan(glm::abs(gpu - reference[i]), glm::vec4(4e-3f)))) ++mismatched;
        const glm::ivec2 pixel(static_cast<int>(i % kWidth), static_cast<int>(i / kWidth));
        if (render::reconstructedSample(input, pixel, 0) != glm::vec3(shaded[i])) ++borrowed;
    }
    CHECK(mismatched == 0);
    CHECK(borrowed > static_cast<int>(pixels / 4));  // the neighbours were searched, not only the centre
    CHECK(context.validationCounts().total() == 0);
}
