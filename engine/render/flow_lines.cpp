#include "render/flow_lines.h"

#include "vk/pipeline.h"

#include <algorithm>
#include <cstddef>
#include <string>

namespace ct::render {

namespace {

// Mirrors the push constants of shaders/flow_line.vert and flow_line.frag.
struct FlowConstants {
    glm::mat4 viewProj;
    glm::vec4 eyeTime;   // xyz: eye, w: time in seconds
    glm::vec4 viewport;  // width, height in pixels, minimum width in pixels, unused
};
static_assert(sizeof(FlowConstants) == 96);

}  // namespace

FlowLineMesh buildFlowLineMesh(std::span<const FlowLine> lines) {
    FlowLineMesh mesh;
    std::vector<glm::vec3> points;
    for (const FlowLine& line : lines) {
        if (!(line.width_m > 0.0f)) continue;
        points.clear();
        for (const glm::vec3& p : line.points) {
            if (points.empty() || glm::distance(points.back(), p) > 1e-4f) points.push_back(p);
        }
        if (points.size() < 2) continue;

        const auto base = static_cast<std::uint32_t>(mesh.vertices.size());
        float distance = 0.0f;
        for (std::size_t i = 0; i < points.size(); ++i) {
            const glm::vec3 in = i > 0 ? glm::normalize(points[i] - points[i - 1]) : glm::vec3(0.0f);
            const glm::vec3 out = i + 1 < points.size() ? glm::normalize(points[i + 1] - points[i]) : glm::vec3(0.0f);
            // Interior points take the mean direction, so the ribbon bends without a gap; a
            // U-turn (the two cancel) keeps the incoming one.
            glm::vec3 tangent = in + out;
            tangent = glm::dot(tangent, tangent) > 1e-8f ? glm::normalize(tangent) : in;
            if (i > 0) distance += glm::distance(points[i], points[i - 1]);
            for (const float side : {-1.0f, 1.0f}) {
                mesh.vertices.push_back({points[i], side, tangent, distance, line.color, 0.5f * line.width_m,
                                         line.speed_mps, line.dashLength_m});
            }
        }
        for (std::uint32_t i = 0; i + 1 < points.size(); ++i) {
            const std::uint32_t a = base + 2 * i;  // this point's two edges, then the next point's
            mesh.indices.insert(mesh.indices.end(), {a, a + 1, a + 2, a + 2, a + 1, a + 3});
        }
        ++mesh.lines;
    }
    return mesh;
}

FlowLinePass::FlowLinePass(vk::Context& context, const std::filesystem::path& shaderDir, const SceneTargets& formats)
    : context_(context),
      buffers_(context, VK_BUFFER_USAGE_VERTEX_BUFFER_BIT | VK_BUFFER_USAGE_INDEX_BUFFER_BIT, "flow lines") {
    auto vert = vk::loadShader(context_, shaderDir, "flow_line.vert");
    auto frag = vk::loadShader(context_, shaderDir, "flow_line.frag");
    layout_ = vk::makePipelineLayout(context_, {}, sizeof(FlowConstants), "flow line pipeline layout");

    vk::GraphicsPipelineDesc desc = overScenePipeline(formats, "flow lines", OverScene::Over);
    desc.layout = layout_.get();
    desc.vertexShader = vert.get();
    desc.fragmentShader = frag.get();
    desc.vertexBindings = {{0, sizeof(FlowLineVertex), VK_VERTEX_INPUT_RATE_VERTEX}};
    desc.vertexAttributes = {
        {0, 0, VK_FORMAT_R32G32B32A32_SFLOAT, offsetof(FlowLineVertex, position)},
        {1, 0, VK_FORMAT_R32G32B32A32_SFLOAT, offsetof(FlowLineVertex, tangent)},
        {2, 0, VK_FORMAT_R32G32B32A32_SFLOAT, offsetof(FlowLineVertex, color)},
        {3, 0, VK_FORMAT_R32G32_SFLOAT, offsetof(FlowLineVertex, speed_mps)},
    };
    pipeline_ = vk::buildGraphicsPipeline(context_, desc);
}

void FlowLinePass::setLines(std::span<const FlowLine> lines) {
    mesh_ = buildFlowLineMesh(lines);
    ++version_;
}

void FlowLinePass::record(VkCommandBuffer cmd, const FlowLineView& view) {
    if (mesh_.indices.empty()) return;
    // The lines are written again only into a frame's buffer that holds an older version (the
    // size asked changes only with the version, so a buffer is replaced only then).
    FrameLines& frame = frames_[view.frameSlot % FrameRing::kFramesInFlight];
    const VkDeviceSize vertexBytes = mesh_.vertices.size() * sizeof(FlowLineVertex);
    const VkDeviceSize indexBytes = mesh_.indices.size() * sizeof(std::uint32_t);
    vk::Buffer& buffer = buffers_.reserve(view.frameSlot, vertexBytes + indexBytes);
    if (frame.version != version_) {
        frame.indexOffset = vertexBytes;  // a multiple of 4: vertices are 56 bytes
        buffer.write(mesh_.vertices.data(), vertexBytes);
        buffer.write(mesh_.indices.data(), indexBytes, frame.indexOffset);
        frame.version = version_;
    }

    FlowConstants constants{};
    constants.viewProj = view.viewProj;
    constants.eyeTime = glm::vec4(view.eye, view.time_s);
    constants.viewport =
        glm::vec4(static_cast<float>(view.extent.width), static_cast<float>(view.extent.height), kMinWidthPixels, 0.0f);
    vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline_.get());
    vkCmdSetCullMode(cmd, VK_CULL_MODE_NONE);
    vkCmdSetFrontFace(cmd, VK_FRONT_FACE_COUNTER_CLOCKWISE);
    vkCmdSetDepthBias(cmd, 0.0f, 0.0f, 0.0f);
    vkCmdPushConstants(cmd, layout_.get(), VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, 0,
                       sizeof(constants), &constants);
    const VkBuffer handle = buffer.get();
    const VkDeviceSize offset = 0;
    vkCmdBindVertexBuffers(cmd, 0, 1, &handle, &offset);
    vkCmdBindIndexBuffer(cmd, handle, frame.indexOffset, VK_INDEX_TYPE_UINT32);
    vkCmdDrawIndexed(cmd, static_cast<std::uint32_t>(mesh_.indices.size()), 1, 0, 0, 0);
}

}  // namespace ct::render
