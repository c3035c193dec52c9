// The campus exported as glTF (campus/campus_export.h) and loaded back with the project's own
// loader: the build-out draws the same instances of the same meshes within the same bounds, and
// every node still says which entity it belongs to, by its name and in its extras.
#include "campus/campus_export.h"
#include "campus/campus_scene.h"
#include "scene/load_gltf.h"
#include "support/abilene_scenario.h"
#include "support/drawn_set.h"
#include "support/glb_json.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <set>

namespace {

namespace fs = std::filesystem;

const ct::campus::CampusScene& buildOut() {
    static const ct::campus::CampusResult composed = ct::campus::composeCampus(ct::test::abilene(), 4);
    INFO(composed.error);
    REQUIRE(composed.campus);
    return *composed.campus;
}

}  // namespace

TEST_CASE("the exported build-out loads back with the same instances, bounds and entities", "[campus][export]") {
    const ct::campus::CampusScene& campus = buildOut();
    const fs::path path = fs::path(CT_TEST_OUTPUT_DIR) / "campus_export" / "abilene_buildout.glb";
    const ct::campus::Result<ct::scene::WriteResult> exported = ct::campus::exportCampus(campus, path);
    INFO((exported ? "" : exported.problem().message));
    REQUIRE(exported);
    const ct::scene::WriteResult& written = *exported;
    CHECK(written.bytes == fs::file_size(path));

    const ct::scene::LoadResult loaded = ct::scene::loadGltf(path);
    INFO(loaded.error);
    REQUIRE(loaded.ok());
    const ct::scene::Scene& before = campus.scene;
    const ct::scene::Scene& after = *loaded.scene;
    CHECK(after.warnings.empty());

    SECTION("the same number of drawn instances of each mesh") {
        const std::vector<std::size_t> countsBefore = ct::test::drawnInstancesPerMesh(before);
        const std::vector<std::size_t> countsAfter = ct::test::drawnInstancesPerMesh(after);
        std::size_t meshes = 0;
        for (std::size_t m = 0; m < before.meshes.size(); ++m) {
            const int file = written.fileMesh[m];
            if (countsBefore[m] == 0) {
                CHECK(file == -1);  // only stand-ins drew it
                continue;
            }
            INFO("mesh " << m << " \"" << before.meshes[m].name << "\"");
            REQUIRE(file >= 0);
            CHECK(after.meshes[file].name == before.meshes[m].name);
            CHECK(countsAfter[file] == countsBefore[m]);
            ++meshes;
        }
        CHECK(after.meshes.size() == meshes);
        std::size_t panels = 0;
        for (const ct::scene::Node& node : after.nodes)
            if (node.name.find("/row_") != std::string::npos) panels += node.instances.size();
        CHECK(panels == campus.panelCount);
        CHECK(campus.panelCount == 240000);
    }

    SECTION("the same bounds, within a millimetre") {
        const ct::scene::Bounds expected = ct::test::drawnBounds(before);
        for (int axis = 0; axis < 3; ++axis) {
            CHECK(after.bounds.min[axis] == Approx(expected.min[axis]).margin(1e-3));
            CHECK(after.bounds.max[axis] == Approx(expected.max[axis]).margin(1e-3));
        }
    }

    SECTION("the same entity ids, by name and in the extras") {
        const std::vector<char> drawn = ct::test::drawnNodes(before);
        std::set<std::string> entitiesAfter;
        for (std::size_t n = 0; n < before.nodes.size(); ++n) {
            const int file = written.fileNode[n];
            CHECK((file >= 0) == (drawn[n] != 0));  // exactly the nodes drawn near are written
            if (file < 0) continue;
            CHECK(ct::campus::entityOfNode(after, file) == ct::campus::entityOfNode(before, static_cast<int>(n)));
            entitiesAfter.insert(ct::campus::entityOfNode(after, file));
        }
        std::set<std::string> entitiesBefore;
        for (const auto& [id, root] : campus.entityRoots)
            entitiesBefore.insert(id);
        CHECK(entitiesAfter == entitiesBefore);

        const nlohmann::json doc = ct::test::glbJson(path);
        REQUIRE(doc["nodes"].size() == after.nodes.size());
        for (std::size_t n = 0; n < after.nodes.size(); ++n) {
            INFO("node " << n << " \"" << after.nodes[n].name << "\"");
            CHECK(doc["nodes"][n]["extras"][ct::campus::kEntityExtrasKey] ==
                  ct::campus::entityOfNode(after, static_cast<int>(n)));
        }
    }

    SECTION("no level-of-detail stand-in is written") {
        for (const ct::scene::Node& node : after.nodes) {
            CHECK(node.lodFar == -1);
            CHECK(node.name.find("/strip") == std::string::npos);
        }
    }
}

TEST_CASE("a campus export to a place that cannot take it is bad input, in one line", "[campus][export]") {
    const ct::campus::CampusScene& campus = buildOut();
    for (const char* out : {"/proc/no/such/folder/campus.glb", "campus.obj"}) {
        const ct::campus::Result<ct::scene::WriteResult> exported = ct::campus::exportCampus(campus, out);
        REQUIRE_FALSE(exported);
        CHECK(exported.problem().kind == ct::campus::Stop::BadInput);
        CHECK_THAT(exported.problem().message, Catch::StartsWith(std::string(out) + ": "));
        CHECK(exported.problem().message.find('\n') == std::string::npos);
    }
}
