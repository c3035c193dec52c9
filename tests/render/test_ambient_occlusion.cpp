// Ambient occlusion (render/ambient_occlusion.h): the GPU pass against its CPU reference on the
// same depth, and what it does to a frame: darkens the ground where it meets a wall, leaves open
// ground alone.
#include "render/ambient_occlusion.h"
#include "render/ambient_occlusion_pass.h"
#include "render/data_dir.h"
#include "render_harness.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>

namespace {

constexpr std::uint32_t kSize = 128;

// The depth of a floor (y = 0) meeting a wall (z = -4) seen from (0, 1.5, 6) looking at the corner,
// with a box on the floor: written on the CPU, as the main pass would.
std::vector<float> cornerDepth(const glm::mat4& projection, const glm::mat4& view) {
    const glm::mat4 inverse = glm::inverse(projection * view);
    const glm::vec3 eye(0.0f, 1.5f, 6.0f);
    std::vector<float> depth(kSize * kSize, 1.0f);
    const glm::mat4 viewProj = projection * view;
    for (std::uint32_t y = 0; y < kSize; ++y)
        for (std::uint32_t x = 0; x < kSize; ++x) {
            const glm::vec2 ndc = (glm::vec2(x, y) + 0.5f) / float(kSize) * 2.0f - 1.0f;
            glm::vec4 far = inverse * glm::vec4(ndc, 1.0f, 1.0f);
            const glm::vec3 dir = glm::normalize(glm::vec3(far) / far.w - eye);
            float t = 1e30f;
            if (dir.y < 0.0f) t = std::min(t, -eye.y / dir.y);           // floor
            if (dir.z < 0.0f) t = std::min(t, (-4.0f - eye.z) / dir.z);  // wall
            // A box 1 m a side on the floor at x 0.5..1.5, z -2..-1.
            for (int axis = 0; axis < 3; ++axis)
                for (const float plane : {0.0f, 1.0f}) {
                    const glm::vec3 lo(0.5f, 0.0f, -2.0f);
                    const float bound = axis == 1 ? plane : (axis == 0 ? lo.x + plane : lo.z + plane);
                    if (std::abs(dir[axis]) < 1e-6f) continue;
                    const float s = (bound - eye[axis]) / dir[axis];
                    const glm::vec3 p = eye + dir * s;
                    if (s > 0.0f && p.x >= 0.5f - 1e-4f && p.x <= 1.5f + 1e-4f && p.y >= -1e-4f &&
                        p.y <= 1.0f + 1e-4f && p.z >= -2.0f - 1e-4f && p.z <= -1.0f + 1e-4f)
                        t = std::min(t, s);
                }
            if (t > 1e29f) continue;
            const glm::vec4 clip = viewProj * glm::vec4(eye + dir * t, 1.0f);
            depth[y * kSize + x] = clip.z / clip.w;
        }
    return depth;
}

}  // namespace

TEST_CASE("the GPU's ambient occlusion matches its CPU reference", "[render][occlusion]") {
    ct::render::Camera camera;
    camera.eye = {0.0f, 1.5f, 6.0f};
    camera.target = {0.0f, 0.3f, -4.0f};
    camera.znear = 0.1f;
    camera.zfar = 100.0f;
    const glm::mat4 projection = camera.projection(1.0f);
    const std::vector<float> depth = cornerDepth(projection, camera.view());
    ct::render::AmbientOcclusionSettings settings;
    settings.inverseProjection = glm::inverse(projection);
    settings.projectionScale = std::abs(projection[1][1]);
    settings.radius_m = 2.0f;
    const std::vector<float> reference = ct::render::ambientOcclusionReference(depth, kSize, kSize, settings);

    ct::vk::Context context({.validation = true, .quiet = true});
    const ct::vk::Image depthImage(context, {{kSize, kSize},
                                             VK_FORMAT_D32_SFLOAT,
                                             VK_IMAGE_USAGE_SAMPLED_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT,
                                             1,
                                             VK_IMAGE_ASPECT_DEPTH_BIT,
                                             "test depth"});
    const ct::vk::Image occlusion(
        context, {{kSize / 2, kSize / 2},
                  ct::render::AmbientOcclusionPass::kOcclusionFormat,
                  VK_IMAGE_USAGE_STORAGE_BIT | VK_IMAGE_USAGE_SAMPLED_BIT | VK_IMAGE_USAGE_TRANSFER_SRC_BIT,
                  1,
                  VK_IMAGE_ASPECT_COLOR_BIT,
                  "test occlusion"});
    ct::vk::Buffer upload(context, {depth.size() * sizeof(float), VK_BUFFER_USAGE_TRANSFER_SRC_BIT,
                                    ct::vk::MemoryUsage::Upload, "test depth upload"});
    upload.write(depth.data(), depth.size() * sizeof(float));
    ct::vk::Buffer readback(context, {reference.size() * sizeof(float), VK_BUFFER_USAGE_TRANSFER_DST_BIT,
                                      ct::vk::MemoryUsage::Readback, "test occlusion readback"});
    ct::render::AmbientOcclusionPass pass(context, ct::render::shaderDir());
    pass.setImages(depthImage, occlusion);
    context.runOnce([&](VkCommandBuffer cmd) {
        ct::vk::transition(cmd, depthImage.get(), VK_IMAGE_ASPECT_DEPTH_BIT,
                           {VK_IMAGE_LAYOUT_UNDEFINED, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, VK_PIPELINE_STAGE_2_NONE,
                            VK_ACCESS_2_NONE, VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT});
        VkBufferImageCopy region{};
        region.imageSubresource = {VK_IMAGE_ASPECT_DEPTH_BIT, 0, 0, 1};
        region.imageExtent = {kSize, kSize, 1};
        vkCmdCopyBufferToImage(cmd, upload.get(), depthImage.get(), VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, 1, &region);
        ct::vk::transition(cmd, depthImage.get(), VK_IMAGE_ASPECT_DEPTH_BIT,
                           {VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL,
                            VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT,
                            VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT, VK_ACCESS_2_SHADER_SAMPLED_READ_BIT});
        ct::vk::transition(
            cmd, occlusion.get(), VK_IMAGE_ASPECT_COLOR_BIT,
            {VK_IMAGE_LAYOUT_UNDEFINED, VK_IMAGE_LAYOUT_GENERAL, VK_PIPELINE_STAGE_2_NONE, VK_ACCESS_2_NONE,
             VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT, VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT});
        pass.recordCompute(cmd, settings);
        ct::vk::transition(
            cmd, occlusion.get(), VK_IMAGE_ASPECT_COLOR_BIT,
            {VK_IMAGE_LAYOUT_GENERAL, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT,
             VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT, VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_READ_BIT});
        VkBufferImageCopy out{};
        out.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
        out.imageExtent = {kSize / 2, kSize / 2, 1};
        vkCmdCopyImageToBuffer(cmd, occlusion.get(), VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, readback.get(), 1, &out);
        ct::vk::memoryBarrier(cmd, VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT,
                              VK_PIPELINE_STAGE_2_HOST_BIT, VK_ACCESS_2_HOST_READ_BIT);
    });
    readback.invalidate(context.device());
    std::vector<float> gpu(reference.size());
    std::memcpy(gpu.data(), readback.mapped(), gpu.size() * sizeof(float));
    double sum = 0.0;
    float largest = 0.0f;
    int occluded = 0;
    for (std::size_t i = 0; i < gpu.size(); ++i) {
        const float d = std::abs(gpu[i] - reference[i]);
        sum += d;
        largest = std::max(largest, d);
        if (reference[i] < 0.9f) ++occluded;
    }
    INFO("mean difference " << sum / gpu.size() << ", largest " << largest << "; " << occluded << " of " << gpu.size()
                            << " pixels under 0.9 in the reference");
    CHECK(sum / gpu.size() < 1e-3);
    CHECK(largest < 0.05f);
    CHECK(occluded > 50);  // the scene has corners to find
    // Open floor far from the wall and the box is not occluded.
    CHECK(reference[(kSize / 2 - 2) * (kSize / 2) + 4] > 0.9f);
    CHECK(context.validationCounts().total() == 0);
}
