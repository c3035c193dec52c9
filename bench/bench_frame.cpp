// Headless frame time for K instances of one mesh at 1280x720 and 1920x1080. One frame is
// record + submit + wait for completion (no readback), after one warm-up frame. The draw-call
// count is reported with each result: it must not grow with K.
#include "render/data_dir.h"
#include "render/renderer.h"

#include <benchmark/benchmark.h>

#include <cmath>

namespace {

ct::scene::Scene gridOfCubes(int count) {
    ct::scene::Scene scene;
    ct::scene::Mesh mesh;
    mesh.name = "cube";
    ct::scene::Primitive prim;
    // A unit cube with per-face normals.
    const glm::vec3 normals[6] = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
    for (const glm::vec3& n : normals) {
        const glm::vec3 u = std::abs(n.y) > 0.5f ? glm::vec3(1, 0, 0) : glm::vec3(0, 1, 0);
        const glm::vec3 v = glm::cross(n, u);
        const std::uint32_t base = static_cast<std::uint32_t>(prim.vertices.size());
        for (int corner = 0; corner < 4; ++corner) {
            ct::scene::Vertex vertex;
            const float su = (corner & 1) ? 0.5f : -0.5f;
            const float sv = (corner & 2) ? 0.5f : -0.5f;
            vertex.position = n * 0.5f + u * su + v * sv;
            vertex.normal = n;
            prim.vertices.push_back(vertex);
            prim.bounds.extend(vertex.position);
        }
        for (std::uint32_t index : {0u, 1u, 3u, 0u, 3u, 2u})
            prim.indices.push_back(base + index);
    }
    ct::scene::Material material;
    material.baseColorFactor = {0.9f, 0.5f, 0.1f, 1.0f};
    prim.material = 0;
    scene.materials.push_back(material);
    mesh.primitives.push_back(std::move(prim));
    scene.meshes.push_back(std::move(mesh));
    ct::scene::Node node;
    node.name = "grid";
    node.mesh = 0;
    const int side = static_cast<int>(std::ceil(std::sqrt(static_cast<double>(count))));
    for (int i = 0; i < count; ++i) {
        glm::mat4 m(1.0f);
        m[3] = glm::vec4(static_cast<float>(i % side) * 1.5f, 0.0f, static_cast<float>(i / side) * 1.5f, 1.0f);
        node.instances.push_back(m);
        scene.bounds.extend(glm::vec3(m[3]) - glm::vec3(0.5f));
        scene.bounds.extend(glm::vec3(m[3]) + glm::vec3(0.5f));
    }
    scene.nodes.push_back(std::move(node));
    scene.roots.push_back(0);
    return scene;
}

void frameTime(benchmark::State& state) {
    const int instances = static_cast<int>(state.range(0));
    const VkExtent2D extent{static_cast<std::uint32_t>(state.range(1)), static_cast<std::uint32_t>(state.range(2))};
    ct::vk::Context context({.quiet = true});
    ct::render::Renderer renderer(context, ct::render::shaderDir(), {.extent = extent});
    const ct::scene::Scene scene = gridOfCubes(instances);
    renderer.setScene(scene);
    ct::render::FrameRing frames(context);
    const ct::render::Camera camera =
        ct::render::frameBounds(scene.bounds, static_cast<float>(extent.width) / extent.height);
    const ct::render::Lighting lighting;
    auto renderOne = [&] {
        ct::render::Frame& frame = frames.begin();
        const ct::render::FrameStats stats = renderer.record(frame, camera, lighting);
        context.waitFor(frames.submit(frame));
        return stats;
    };
    ct::render::FrameStats stats = renderOne();  // warm-up: first-use costs (pipelines, caches)
    for (auto _ : state)
        stats = renderOne();
    state.counters["draw_calls"] = stats.drawCalls;
    state.counters["shadow_draws"] = stats.shadowDrawCalls;
    state.counters["instances"] = static_cast<double>(stats.instances);
    state.counters["triangles"] = static_cast<double>(stats.triangles);
    state.SetLabel(context.deviceInfo().name);
}

void frameArguments(benchmark::internal::Benchmark* b) {
    for (int k : {1000, 10000, 100000}) {
        b->Args({k, 1280, 720});
        b->Args({k, 1920, 1080});
    }
}

}  // namespace

BENCHMARK(frameTime)
    ->Apply(frameArguments)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->MinTime(1.0)
    ->Repetitions(3)
    ->ReportAggregatesOnly(true);
