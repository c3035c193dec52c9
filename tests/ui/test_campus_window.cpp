// The campus window end to end under Xvfb (tag [.xvfb]; ctest runs it under Xvfb, or skips it, without a display):
// opens the campus at phase 4, hides phase 4 through the same command the phases panel issues, and checks through the
// id image that the pixels where phase 4's buildings stood no longer show them.
#include "campus/campus_window.h"
#include "support/abilene_scenario.h"

#include <catch2/catch.hpp>

#include <deque>
#include <map>
#include <string>
#include <vector>

namespace {

// Where a building shows on screen: the centre of its roof-level bounds, projected.
std::optional<glm::uvec2> buildingPixel(const ct::campus::CampusScene& campus, const std::string& id,
                                        const ct::render::Camera& camera, glm::uvec2 size) {
    ct::scene::Bounds bounds;
    for (const auto& node : campus.scene.nodes) {
        if (node.mesh < 0 || node.name.rfind(id + "/", 0) != 0) continue;
        for (const auto& prim : campus.scene.meshes[static_cast<std::size_t>(node.mesh)].primitives)
            bounds.extend(ct::scene::transformed(prim.bounds, node.world));
    }
    if (bounds.empty()) return std::nullopt;
    const float aspect = static_cast<float>(size.x) / static_cast<float>(size.y);
    const glm::vec4 clip = camera.projection(aspect) * camera.view() * glm::vec4(bounds.center(), 1.0f);
    if (clip.w <= 0.0f) return std::nullopt;
    const glm::vec2 ndc = glm::vec2(clip) / clip.w;
    if (std::abs(ndc.x) > 0.95f || std::abs(ndc.y) > 0.95f) return std::nullopt;
    // Vulkan clip space: y already points down (the projection flips it).
    return glm::uvec2((ndc * 0.5f + 0.5f) * glm::vec2(size));
}

}  // namespace

TEST_CASE("hiding a phase in the campus window removes its buildings from the frame", "[window][.xvfb]") {
    // Hidden ([.xvfb]): run by ctest as campus_window_under_xvfb, which gives it a display or reports it skipped.
    REQUIRE(ct::window::displayAvailable());
    std::vector<std::string> phase4;
    for (const auto& b : ct::test::abilene().buildings)
        if (b.phase == 4) phase4.push_back(b.id);
    REQUIRE(!phase4.empty());

    ct::campus::LiveCampus live(ct::twin::Scenario(ct::test::abilene()));
    ct::campus::CampusWindow window(live, {.session = {.phase = 4}, .persistSettings = false});
    ct::campus::CampusSession& session = window.session();

    const glm::uvec2 size{960, 540};
    constexpr int kHideAt = 4 * 10 + 2;  // after the first round of picks
    std::deque<std::string> asked;       // the building each pick in flight aimed at
    int before = 0;                      // picks that hit their phase-4 building while shown
    int after = 0;                       // ... after the phase was hidden (must stay 0)
    int answeredAfter = 0;
    bool hidden = false;
    bool sawSinking = false;  // a phase-4 hall part way into the ground, still drawn
    std::size_t next = 0;
    // Pixels found while phase 4 stands, looked at again once it has sunk.
    std::map<std::string, glm::uvec2> pixels;

    ct::window::ViewerHooks hooks = window.hooks();
    auto beforeFrame = hooks.beforeFrame;
    hooks.beforeFrame = [&](ct::window::FrameControl& frame, ct::render::Renderer& renderer) {
        if (frame.framesPresented == kHideAt) {
            session.setPhaseShown(4, false);  // what the phases panel's checkbox calls
            hidden = true;
            next = 0;
        }
        // Frames under Xvfb come at any pace: a fixed step makes the sinking take ~10 frames.
        if (hidden) frame.dt = 0.4;
        beforeFrame(frame, renderer);
        for (std::size_t i = 0; i < session.scenario().buildings.size(); ++i) {
            const float risen = session.looks().building(i).risen;
            if (session.scenario().buildings[i].phase == 4 && risen > 0.0f && risen < 1.0f) sawSinking = true;
        }
        // One pick every fourth frame (one is in flight at a time), cycling through phase 4.
        if (frame.framesPresented % 4 != 0 || !asked.empty()) return;
        if (hidden && !session.looks().settled()) return;  // let the halls sink first
        const std::string& id = phase4[next++ % phase4.size()];
        if (!hidden)
            if (const auto pixel = buildingPixel(session.campus(), id, frame.camera, size)) pixels[id] = *pixel;
        if (const auto it = pixels.find(id); it != pixels.end()) {
            frame.pick = it->second;
            asked.push_back(hidden ? "after:" + id : id);
        }
    };
    auto onPick = hooks.onPick;
    hooks.onPick = [&](int node, int instance) {
        onPick(node, instance);
        if (asked.empty()) return;
        std::string id = asked.front();
        asked.pop_front();
        const bool afterHide = id.rfind("after:", 0) == 0;
        if (afterHide) id = id.substr(6);
        const std::string entity = node >= 0 ? ct::campus::entityOfNode(session.campus().scene, node) : "";
        if (afterHide) {
            ++answeredAfter;
            if (entity == id) ++after;
        } else if (entity == id) {
            ++before;
        }
    };

    ct::window::ViewerOptions viewer;
    viewer.title = "test_campus_window";
    viewer.width = size.x;
    viewer.height = size.y;
    viewer.validate = true;
    viewer.maxFrames = kHideAt + 4 * 16;
    viewer.hooks = hooks;
    const auto camera = session.startCamera(static_cast<float>(size.x) / static_cast<float>(size.y));
    const auto result = ct::window::runViewer(session.campus().scene, camera, session.lighting(), viewer);

    REQUIRE(result.framesPresented == viewer.maxFrames);
    CHECK(result.validation.total() == 0);
    CHECK_FALSE(session.phases().phaseShown(4));
    INFO("phase-4 buildings hit while shown: " << before << "; answered after hiding: " << answeredAfter);
    CHECK(sawSinking);         // they went down with the construction animation
    CHECK(before > 0);         // the pixels did show phase 4
    CHECK(answeredAfter > 0);  // and were looked at again
    CHECK(after == 0);         // where nothing of phase 4 stands any more
    // The twin followed: no phase-4 building carries load.
    for (std::size_t i = 0; i < live.scenario().buildings.size(); ++i)
        if (live.scenario().buildings[i].phase == 4) CHECK(session.state().buildings[i].it_mw == 0.0);
}
