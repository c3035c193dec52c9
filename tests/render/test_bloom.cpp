// The tone curve and the camera's exposure (render/tone_curve.h), the bloom's CPU reference
// (render/bloom.h), and the GPU's bloom and tone map passes against that reference.
#include "render/bloom.h"
#include "render/bloom_pass.h"
#include "render/data_dir.h"
#include "render/frame_graph.h"
#include "render/pass_timer.h"
#include "render/tone_curve.h"
#include "render/tone_map_pass.h"
#include "render_harness.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>

using ct::render::BloomSettings;
using ct::render::HdrImage;

namespace {

std::uint8_t toSrgb8(float linear) {
    linear = std::clamp(linear, 0.0f, 1.0f);
    const float encoded = linear <= 0.0031308f ? linear * 12.92f : 1.055f * std::pow(linear, 1.0f / 2.4f) - 0.055f;
    return static_cast<std::uint8_t>(std::lround(encoded * 255.0f));
}

float brightness(const glm::vec4& c) {
    return std::max({c.r, c.g, c.b});
}

// A dim gradient (nothing in it blooms) with three bright spots: a single pixel, a 2x2 block and
// one on the image's edge.
HdrImage testFrame(std::uint32_t width, std::uint32_t height) {
    HdrImage image(width, height);
    for (std::uint32_t y = 0; y < height; ++y)
        for (std::uint32_t x = 0; x < width; ++x)
            image(x, y) = glm::vec4(0.05f + 1.5f * static_cast<float>(x) / static_cast<float>(width),
                                    0.3f + 0.5f * static_cast<float>(y) / static_cast<float>(height), 0.2f, 1.0f);
    image(12, 10) = glm::vec4(400.0f, 300.0f, 200.0f, 1.0f);
    for (std::uint32_t y = 30; y < 32; ++y)
        for (std::uint32_t x = 40; x < 42; ++x)
            image(x, y) = glm::vec4(30.0f, 5.0f, 2.0f, 1.0f);
    image(width - 1, 3) = glm::vec4(60.0f, 60.0f, 60.0f, 1.0f);
    return image;
}

}  // namespace

TEST_CASE("the tone curve and its inverse: a colour chosen on the screen comes back as chosen", "[render][tonemap]") {
    CHECK(ct::render::toneCurve(glm::vec3(0.0f)) == glm::vec3(0.0f));
    // Monotonic, with a shoulder: 1 maps to about 0.8, 10 nearly to white.
    float last = -1.0f;
    for (float x = 0.0f; x < 50.0f; x += 0.05f) {
        const float y = ct::render::acesCurve(x);
        CHECK(y >= last);
        last = y;
    }
    CHECK(ct::render::acesCurve(1.0f) == Approx(0.80f).margin(0.01f));
    CHECK(ct::render::acesCurve(10.0f) > 0.98f);
    for (float r = 0.0f; r <= 0.99f; r += 0.07f) {
        for (float g = 0.0f; g <= 0.99f; g += 0.11f) {
            const glm::vec3 display(r, g, 0.5f * r);
            const glm::vec3 back = ct::render::toneCurve(ct::render::inverseToneCurve(display));
            INFO(r << ", " << g);
            CHECK(glm::length(back - display) < 1e-4f);
        }
    }
    // The hue of a saturated colour survives the curve.
    const glm::vec3 red = ct::render::toneCurve(glm::vec3(8.0f, 1.0f, 0.5f));
    CHECK(red.g / red.r == Approx(1.0f / 8.0f).epsilon(1e-4));
}

TEST_CASE("a camera's EV at ISO 100 and the exposure it sets agree with the sunny-16 rule", "[render][tonemap]") {
    // Sunny 16: EV100 15 for a sunlit scene; the renderer's noon light (sun 3.0, ~100,000 lux)
    // then sits at about 0.85 of white before the curve.
    CHECK(ct::render::exposureFromEv100(15.0f) == Approx(0.848f).epsilon(0.01));
    for (float ev = -4.0f; ev <= 18.0f; ev += 1.5f)
        CHECK(ct::render::ev100FromExposure(ct::render::exposureFromEv100(ev)) == Approx(ev).margin(1e-4));
    // One stop more light, one EV more: half the exposure.
    CHECK(ct::render::exposureFromEv100(11.0f) / ct::render::exposureFromEv100(12.0f) == Approx(2.0f));
}

TEST_CASE("bloom: only light over the threshold glows, spread and attenuated with distance", "[render][bloom]") {
    const BloomSettings settings;
    // Under the knee nothing blooms; over it, the excess; continuous where it starts.
    CHECK(ct::render::bloomPrefilter(glm::vec3(settings.threshold - settings.knee), settings) == glm::vec3(0.0f));
    CHECK(glm::length(ct::render::bloomPrefilter(glm::vec3(settings.threshold + 10.0f), settings) - glm::vec3(10.0f)) <
          1e-3f);
    const float justOver = brightness(
        glm::vec4(ct::render::bloomPrefilter(glm::vec3(settings.threshold - settings.knee + 1e-3f), settings), 0.0f));
    CHECK(justOver < 1e-5f);

    HdrImage dim(64, 48);
    for (glm::vec4& p : dim.pixels)
        p = glm::vec4(1.0f, 2.0f, 0.5f, 1.0f);
    const HdrImage none = ct::render::bloomReference(dim, settings);
    for (const glm::vec4& p : none.pixels)
        CHECK(brightness(p) == 0.0f);

    const HdrImage frame = testFrame(64, 48);
    const HdrImage bloom = ct::render::bloomReference(frame, settings);
    REQUIRE(bloom.width == 32);
    REQUIRE(bloom.height == 24);
    const int levels = ct::render::bloomLevels(64, 48, settings.levels);
    CHECK(levels == 5);  // 32x24 down to 2x2 (half of that is under 2 px)
    // Around the brightest spot the glow falls off with distance.
    const auto glowAt = [&](int x, int y) {
        return brightness(glm::vec4(ct::render::withBloom(glm::vec3(0.0f), bloom, x, y, levels, settings), 0.0f));
    };
    CHECK(glowAt(12, 10) > glowAt(15, 10));
    CHECK(glowAt(15, 10) > glowAt(20, 10));
    CHECK(glowAt(20, 10) > glowAt(30, 10));
    CHECK(glowAt(13, 10) > 1.0f);   // visibly brighter beside the spot
    CHECK(glowAt(60, 44) < 0.05f);  // and hardly at all across the frame
}

TEST_CASE("bloom and tone map on the GPU agree with the CPU reference", "[render][bloom][gpu]") {
    constexpr std::uint32_t kWidth = 64;
    constexpr std::uint32_t kHeight = 48;
    const BloomSettings settings;
    const HdrImage frame = testFrame(kWidth, kHeight);
    const HdrImage bloom = ct::render::bloomReference(frame, settings);
    const int levels = ct::render::bloomLevels(kWidth, kHeight, settings.levels);

    ct::vk::Context context({.validation = true, .quiet = true});
    const ct::vk::Image exposed(context, {{kWidth, kHeight},
                                          VK_FORMAT_R32G32B32A32_SFLOAT,
                                          VK_IMAGE_USAGE_SAMPLED_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT,
                                          1,
                                          VK_IMAGE_ASPECT_COLOR_BIT,
                                          "test exposed"});
    const ct::vk::Image display(context, {{kWidth, kHeight},
                                          VK_FORMAT_R8G8B8A8_SRGB,
                                          VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_TRANSFER_SRC_BIT,
                                          1,
                                          VK_IMAGE_ASPECT_COLOR_BIT,
                                          "test display"});
    const std::size_t pixelBytes = frame.pixels.size() * sizeof(glm::vec4);
    ct::vk::Buffer upload(context,
                          {pixelBytes, VK_BUFFER_USAGE_TRANSFER_SRC_BIT, ct::vk::MemoryUsage::Upload, "test upload"});
    upload.write(frame.pixels.data(), pixelBytes);
    ct::vk::Buffer readback(context, {std::size_t{kWidth} * kHeight * 4, VK_BUFFER_USAGE_TRANSFER_DST_BIT,
                                      ct::vk::MemoryUsage::Readback, "test readback"});

    ct::render::BloomPass bloomPass(context, ct::render::shaderDir(), settings);
    bloomPass.setSource(exposed);
    REQUIRE(bloomPass.levels() == levels);
    ct::render::ToneMapPass toneMap(context, ct::render::shaderDir(), VK_FORMAT_R8G8B8A8_SRGB);
    toneMap.setImages({&exposed, &bloomPass.result(), nullptr, nullptr});
    ct::render::PassTimer timer(context, 1);
    ct::render::ImageState exposedState{VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, VK_PIPELINE_STAGE_2_COPY_BIT,
                                        VK_ACCESS_2_TRANSFER_WRITE_BIT};
    ct::render::ImageState displayState;
    context.runOnce([&](VkCommandBuffer cmd) {
        timer.beginFrame(cmd, 0);
        ct::vk::transition(cmd, exposed,
                           {VK_IMAGE_LAYOUT_UNDEFINED, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, VK_PIPELINE_STAGE_2_NONE,
                            VK_ACCESS_2_NONE, VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT});
        VkBufferImageCopy region{};
        region.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
        region.imageExtent = {kWidth, kHeight, 1};
        vkCmdCopyBufferToImage(cmd, upload.get(), exposed.get(), VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, 1, &region);

        ct::render::FrameGraph graph(timer);
        bloomPass.addPasses(graph, exposed, exposedState);
        graph.addPass(
            "tone map",
            {{&display, &displayState, ct::render::ImageAccess::ColorAttachment, true},
             {&exposed, &exposedState, ct::render::ImageAccess::SampledInFragment, false},
             {&bloomPass.result(), &bloomPass.resultState(), ct::render::ImageAccess::SampledInFragment, false}},
            [&](VkCommandBuffer c) {
                VkRenderingAttachmentInfo color{VK_STRUCTURE_TYPE_RENDERING_ATTACHMENT_INFO};
                color.imageView = display.view();
                color.imageLayout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL;
                color.loadOp = VK_ATTACHMENT_LOAD_OP_DONT_CARE;
                color.storeOp = VK_ATTACHMENT_STORE_OP_STORE;
                VkRenderingInfo rendering{VK_STRUCTURE_TYPE_RENDERING_INFO};
                rendering.renderArea = {{0, 0}, {kWidth, kHeight}};
                rendering.layerCount = 1;
                rendering.colorAttachmentCount = 1;
                rendering.pColorAttachments = &color;
                vkCmdBeginRendering(c, &rendering);
                ct::render::ToneMapSettings toneSettings;
                toneSettings.bloomWeight = settings.strength / static_cast<float>(levels);
                toneMap.record(c, {kWidth, kHeight}, toneSettings);
                vkCmdEndRendering(c);
            });
        graph.leave(display, displayState, ct::render::ImageAccess::TransferSource);
        graph.execute(cmd);
        VkBufferImageCopy out{};
        out.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
        out.imageExtent = {kWidth, kHeight, 1};
        vkCmdCopyImageToBuffer(cmd, display.get(), VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, readback.get(), 1, &out);
        ct::vk::memoryBarrier(cmd, VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT,
                              VK_PIPELINE_STAGE_2_HOST_BIT, VK_ACCESS_2_HOST_READ_BIT);
    });
    readback.invalidate(context.device());
    std::vector<std::uint8_t> gpu(std::size_t{kWidth} * kHeight * 4);
    std::memcpy(gpu.data(), readback.mapped(), gpu.size());

    int largest = 0;
    double sum = 0.0;
    int glowing = 0;  // pixels the bloom made visibly brighter
    for (std::uint32_t y = 0; y < kHeight; ++y) {
        for (std::uint32_t x = 0; x < kWidth; ++x) {
            const glm::vec3 plain(frame.at(static_cast<int>(x), static_cast<int>(y)));
            const glm::vec3 expected = ct::render::toneCurve(
                ct::render::withBloom(plain, bloom, static_cast<int>(x), static_cast<int>(y), levels, settings));
            const glm::vec3 without = ct::render::toneCurve(plain);
            if (toSrgb8(expected.g) >= toSrgb8(without.g) + 4) ++glowing;
            for (int c = 0; c < 3; ++c) {
                const int d = std::abs(int{gpu[(std::size_t{y} * kWidth + x) * 4 + c]} - int{toSrgb8(expected[c])});
                largest = std::max(largest, d);
                sum += d;
            }
        }
    }
    INFO("largest difference " << largest << " levels, mean " << sum / (kWidth * kHeight * 3) << "; " << glowing
                               << " pixels glow");
    // The levels are half floats on the GPU: a level or two apart at most.
    CHECK(largest <= 2);
    CHECK(sum / (kWidth * kHeight * 3) < 0.3);
    CHECK(glowing > 40);  // the test would pass with no bloom at all otherwise
    CHECK(context.validationCounts().total() == 0);
}
