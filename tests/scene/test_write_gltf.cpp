// writeGltf (engine/scene/write_gltf.h): a scene written and loaded back draws the same things in
// the same places, keeps its instances, materials and textures, leaves the level-of-detail
// stand-ins out, and a place that cannot take the file is reported in one line.
#include "scene/load_gltf.h"
#include "scene/write_gltf.h"
#include "support/drawn_set.h"
#include "support/glb_json.h"

#include <catch2/catch.hpp>
#include <glm/gtc/matrix_transform.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>

using ct::scene::Scene;

namespace {

namespace fs = std::filesystem;

fs::path outputDir() {
    const fs::path dir = fs::path(CT_TEST_OUTPUT_DIR) / "write_gltf";
    fs::create_directories(dir);
    return dir;
}

Scene load(const fs::path& path) {
    const ct::scene::LoadResult loaded = ct::scene::loadGltf(path);
    INFO(loaded.error);
    REQUIRE(loaded.ok());
    return *loaded.scene;
}

// Writes `scene` at `path` and loads it back.
Scene roundTrip(const Scene& scene, const fs::path& path, ct::scene::WriteResult& written,
                const ct::scene::WriteOptions& options = {}) {
    written = ct::scene::writeGltf(scene, path, options);
    INFO(written.error);
    REQUIRE(written.ok());
    CHECK(written.bytes > 0);
    return load(path);
}

void checkSameDrawnSet(const Scene& before, const Scene& after, const ct::scene::WriteResult& written) {
    const std::vector<std::size_t> countsBefore = ct::test::drawnInstancesPerMesh(before);
    const std::vector<std::size_t> countsAfter = ct::test::drawnInstancesPerMesh(after);
    std::size_t total = 0;
    for (std::size_t m = 0; m < before.meshes.size(); ++m) {
        const int file = written.fileMesh[m];
        if (file < 0) continue;
        INFO("mesh " << m << " \"" << before.meshes[m].name << "\" written as " << file);
        REQUIRE(file < static_cast<int>(after.meshes.size()));
        CHECK(after.meshes[file].name == before.meshes[m].name);
        CHECK(countsAfter[file] == countsBefore[m]);
        total += countsBefore[m];
    }
    CHECK(written.instances == total);
    const ct::scene::Bounds a = ct::test::drawnBounds(before);
    const ct::scene::Bounds b = after.bounds;
    REQUIRE(a.empty() == b.empty());
    if (a.empty()) return;
    for (int axis = 0; axis < 3; ++axis) {
        CHECK(b.min[axis] == Approx(a.min[axis]).margin(1e-3));
        CHECK(b.max[axis] == Approx(a.max[axis]).margin(1e-3));
    }
}

}  // namespace

TEST_CASE("a written scene loads back drawing the same things in the same places", "[scene][write]") {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(CT_KHRONOS_SAMPLES_DIR))
        if (entry.path().extension() == ".gltf") files.push_back(entry.path());
    for (const char* name : {"lit_cube.gltf", "instanced.gltf", "textured_quad.gltf", "emissive.gltf",
                             "alpha_blend.gltf", "hierarchy.gltf", "multi_material.gltf", "sparse.gltf",
                             "interleaved.gltf", "uint8_indices.gltf", "shadow_plane.gltf"})
        files.push_back(fs::path(CT_TEST_DATA_DIR) / name);
    for (const fs::path& file : files) {
        INFO(file.filename().string());
        const Scene before = load(file);
        ct::scene::WriteResult written;
        const Scene after = roundTrip(before, outputDir() / (file.stem().string() + ".glb"), written);
        checkSameDrawnSet(before, after, written);
        for (std::size_t n = 0; n < before.nodes.size(); ++n)
            if (written.fileNode[n] >= 0) CHECK(after.nodes[written.fileNode[n]].name == before.nodes[n].name);
    }
}

TEST_CASE("instances are written as EXT_mesh_gpu_instancing and read back as they were", "[scene][write]") {
    const Scene before = load(fs::path(CT_TEST_DATA_DIR) / "instanced.gltf");
    ct::scene::WriteResult written;
    const fs::path path = outputDir() / "instanced.glb";
    const Scene after = roundTrip(before, path, written);
    int instancedNodes = 0;
    for (std::size_t n = 0; n < before.nodes.size(); ++n) {
        const auto& a = before.nodes[n].instances;
        if (a.empty()) continue;
        ++instancedNodes;
        const auto& b = after.nodes[written.fileNode[n]].instances;
        REQUIRE(b.size() == a.size());
        for (std::size_t i = 0; i < a.size(); ++i)
            for (int c = 0; c < 4; ++c)
                for (int r = 0; r < 4; ++r)
                    CHECK(b[i][c][r] == Approx(a[i][c][r]).margin(1e-5));
    }
    CHECK(instancedNodes > 0);
    const nlohmann::json doc = ct::test::glbJson(path);
    CHECK(doc["extensionsUsed"].dump().find("EXT_mesh_gpu_instancing") != std::string::npos);
    CHECK_FALSE(doc.contains("extensionsRequired"));  // used, not required (write_gltf.cpp)
}

TEST_CASE("materials, textures and samplers survive a round trip", "[scene][write]") {
    for (const char* name : {"textured_quad.gltf", "emissive.gltf", "alpha_blend.gltf", "multi_material.gltf"}) {
        INFO(name);
        const Scene before = load(fs::path(CT_TEST_DATA_DIR) / name);
        ct::scene::WriteResult written;
        const Scene after = roundTrip(before, outputDir() / (std::string(name) + ".glb"), written);
        REQUIRE(after.materials.size() <= before.materials.size());
        for (const ct::scene::Mesh& mesh : before.meshes) {
            for (const ct::scene::Primitive& p : mesh.primitives) {
                if (p.material < 0) continue;
                const ct::scene::Material& a = before.materials[p.material];
                const auto same = std::find_if(after.materials.begin(), after.materials.end(),
                                               [&](const ct::scene::Material& m) { return m.name == a.name; });
                REQUIRE(same != after.materials.end());
                const ct::scene::Material& b = *same;
                for (int c = 0; c < 4; ++c)
                    CHECK(b.baseColorFactor[c] == Approx(a.baseColorFactor[c]));
                for (int c = 0; c < 3; ++c)
                    CHECK(b.emissiveFactor[c] * b.emissiveStrength == Approx(a.emissiveFactor[c] * a.emissiveStrength));
                CHECK(b.metallicFactor == Approx(a.metallicFactor));
                CHECK(b.roughnessFactor == Approx(a.roughnessFactor));
                CHECK(b.alphaMode == a.alphaMode);
                CHECK(b.doubleSided == a.doubleSided);
                CHECK(b.baseColorTexture.present() == a.baseColorTexture.present());
                if (a.baseColorTexture.present() && b.baseColorTexture.present()) {
                    const auto& ta = before.textures[a.baseColorTexture.texture];
                    const auto& tb = after.textures[b.baseColorTexture.texture];
                    CHECK(after.images[tb.image].rgba8 == before.images[ta.image].rgba8);
                    REQUIRE((ta.sampler >= 0) == (tb.sampler >= 0));
                    if (ta.sampler >= 0) {
                        CHECK(after.samplers[tb.sampler].magFilter == before.samplers[ta.sampler].magFilter);
                        CHECK(after.samplers[tb.sampler].minFilter == before.samplers[ta.sampler].minFilter);
                        CHECK(after.samplers[tb.sampler].wrapS == before.samplers[ta.sampler].wrapS);
                    }
                }
            }
        }
    }
}

TEST_CASE("level-of-detail stand-ins are left out and node extras are written", "[scene][write]") {
    // Two meshes: a near one drawn at node 0, a far stand-in at node 1 (a root, as the campus
    // composer hangs them).
    Scene scene;
    for (const char* name : {"near", "far"}) {
        ct::scene::Primitive triangle;
        for (const glm::vec3 p : {glm::vec3(0, 0, 0), glm::vec3(1, 0, 0), glm::vec3(0, 0, -1)}) {
            ct::scene::Vertex v;
            v.position = p;
            v.normal = glm::vec3(0, 1, 0);
            triangle.vertices.push_back(v);
            triangle.bounds.extend(p);
        }
        triangle.indices = {0, 1, 2};
        scene.meshes.push_back({name, {triangle}});
    }
    ct::scene::Node near;
    near.name = "row/near";
    near.mesh = 0;
    near.lodFar = 1;
    near.lodDistance = 100.0f;
    near.instances = {glm::mat4(1.0f), glm::translate(glm::mat4(1.0f), glm::vec3(5, 0, 0))};
    ct::scene::Node far;
    far.name = "row/far";
    far.mesh = 1;
    far.local = glm::scale(glm::mat4(1.0f), glm::vec3(8, 1, 1));
    far.world = far.local;
    scene.nodes = {near, far};
    scene.roots = {0, 1};

    ct::scene::WriteOptions options;
    options.nodeExtras = [](int node) {
        return ct::scene::NodeExtras{{"entity", "row"}, {"index", std::to_string(node)}};
    };
    ct::scene::WriteResult written;
    const fs::path path = outputDir() / "stand_in.glb";
    const Scene after = roundTrip(scene, path, written, options);
    CHECK(written.fileNode == std::vector<int>{0, -1});
    CHECK(written.fileMesh == std::vector<int>{0, -1});
    CHECK(written.instances == 2);
    REQUIRE(after.nodes.size() == 1);
    CHECK(after.nodes[0].name == "row/near");
    CHECK(after.nodes[0].instances.size() == 2);
    CHECK(after.meshes.size() == 1);
    checkSameDrawnSet(scene, after, written);
    const nlohmann::json doc = ct::test::glbJson(path);
    CHECK(doc["nodes"][0]["extras"] == nlohmann::json{{"entity", "row"}, {"index", "0"}});
}

TEST_CASE("a .gltf is written with its buffer in a .bin beside it", "[scene][write]") {
    const Scene before = load(fs::path(CT_TEST_DATA_DIR) / "textured_quad.gltf");
    ct::scene::WriteResult written;
    const fs::path path = outputDir() / "a folder" / "ünïcode quad.gltf";
    const Scene after = roundTrip(before, path, written);
    CHECK(fs::exists(outputDir() / "a folder" / "ünïcode quad.bin"));
    CHECK(written.bytes == fs::file_size(path) + fs::file_size(outputDir() / "a folder" / "ünïcode quad.bin"));
    checkSameDrawnSet(before, after, written);
}

TEST_CASE("a place that cannot take a glTF file is one line naming it", "[scene][write]") {
    const Scene scene = load(fs::path(CT_TEST_DATA_DIR) / "lit_cube.gltf");
    struct Case {
        fs::path path;
        const char* problem;
    };
    const Case cases[] = {
        {outputDir() / "campus.obj", "end it in .glb"},
        {outputDir() / "no_extension", "end it in .glb"},
        {outputDir(), "end it in .glb"},
        {outputDir() / "folder.glb", "is a folder"},
        {"/proc/no/such/folder/campus.glb", "cannot make the folder /proc/no/such/folder"},
        {"/proc/version.glb", "cannot be opened for writing"},
    };
    fs::create_directories(outputDir() / "folder.glb");
    for (const Case& c : cases) {
        INFO(c.path.string());
        const std::string problem = ct::scene::gltfOutputProblem(c.path);
        CHECK_THAT(problem, Catch::Contains(c.problem));
        const ct::scene::WriteResult written = ct::scene::writeGltf(scene, c.path);
        CHECK_FALSE(written.ok());
        CHECK(written.error == c.path.string() + ": " + problem);
        CHECK(written.error.find('\n') == std::string::npos);
    }
    CHECK(ct::scene::gltfOutputProblem(outputDir() / "fine.GLB").empty());
    CHECK_FALSE(fs::exists(outputDir() / "fine.GLB"));  // the check leaves nothing behind
}
