// The twin's moving parts in the composed campus (campus/campus_motion.h): a turning rotor moves
// between two frames a tenth of a second apart and a still one does not (its blades feathered);
// the nacelle turns the rotor's disc to the twin's heading.
#include "campus/campus_motion.h"
#include "campus/campus_scene.h"
#include "campus/site_lamps.h"
#include "render/data_dir.h"
#include "render/offscreen_capture.h"
#include "support/abilene_scenario.h"
#include "twin/simulation.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <set>

namespace {

struct TurbineView {
    std::set<int> rotorNodes;
    ct::render::Camera camera;
};

int nodeNamed(const ct::scene::Scene& scene, const std::string& name) {
    for (std::size_t n = 0; n < scene.nodes.size(); ++n)
        if (scene.nodes[n].name == name) return static_cast<int>(n);
    return -1;
}

// Pixels of the rotor in a frame, and how wide they spread across the image.
struct RotorPixels {
    int count = 0;
    int left = 1 << 30;
    int right = -1;
};

RotorPixels rotorPixels(const ct::render::CapturedFrame& frame, const std::set<int>& rotor) {
    RotorPixels p;
    for (std::uint32_t y = 0; y < frame.height; ++y)
        for (std::uint32_t x = 0; x < frame.width; ++x)
            if (rotor.count(frame.nodeAt(x, y))) {
                ++p.count;
                p.left = std::min(p.left, static_cast<int>(x));
                p.right = std::max(p.right, static_cast<int>(x));
            }
    return p;
}

}  // namespace

TEST_CASE(
    "a turning rotor moves between frames a tenth of a second apart, a still one does not, and the nacelle "
    "turns it to the twin's heading",
    "[campus][motion]") {
    const ct::twin::Scenario& scenario = ct::test::abilene();
    const ct::campus::CampusResult composed = ct::campus::composeCampus(scenario, 4);
    REQUIRE(composed.campus);
    const ct::campus::CampusScene& campus = *composed.campus;
    const ct::campus::CampusMotion motion(campus);
    CHECK(motion.turbineCount() == static_cast<std::size_t>(campus.turbineCount));

    // Close to wtg-01, looking at its hub from the south-east.
    const int rotorNode = nodeNamed(campus.scene, "wtg-01/rotor");
    REQUIRE(rotorNode >= 0);
    const glm::vec3 hub(campus.scene.nodes[static_cast<std::size_t>(rotorNode)].world[3]);
    std::set<int> rotor;
    for (std::size_t n = 0; n < campus.scene.nodes.size(); ++n) {
        const std::string& name = campus.scene.nodes[n].name;
        if (name.rfind("wtg-01/hub", 0) == 0 || name.rfind("wtg-01/blade", 0) == 0 || name == "wtg-01/rotor")
            rotor.insert(static_cast<int>(n));
    }
    ct::render::Camera camera;
    camera.eye = hub + glm::vec3(90.0f, 5.0f, 90.0f);
    camera.target = hub;
    camera.yfov = glm::radians(60.0f);
    camera.znear = 1.0f;
    camera.zfar = 5000.0f;

    ct::vk::Context context({.validation = true, .quiet = true});
    ct::render::Renderer renderer(context, ct::render::shaderDir(), {.extent = {320, 240}});
    renderer.setScene(campus.scene);
    ct::render::OffscreenCapture capture(context, renderer);
    ct::render::Lighting lighting;
    lighting.shadows = false;

    ct::twin::Simulation sim(scenario, {.start = 1784138400, .step_s = 60.0, .phase = 4});  // 2026-07-15T18:00Z
    ct::twin::StateSnapshot state = sim.advance();
    const auto frameAt = [&](double rpm, double yaw_deg, double after_s, double frameSpan_s = 0.0) {
        for (ct::twin::TurbineSnapshot& t : state.turbines) {
            t.rotor_rpm = rpm;
            t.yaw_deg = yaw_deg;
            t.windFrom_deg = yaw_deg;
        }
        std::vector<ct::render::NodeAnimation> animations;
        motion.apply(state, static_cast<double>(state.time) + after_s, animations, frameSpan_s);
        renderer.setNodeAnimations(animations);
        return capture.render(camera, lighting);
    };

    // Facing the camera (the wind from the south-east: heading 135 degrees).
    const auto windy0 = frameAt(15.0, 135.0, 0.0);
    const auto windy1 = frameAt(15.0, 135.0, 0.1);  // 9 degrees on
    const RotorPixels before = rotorPixels(windy0, rotor);
    REQUIRE(before.count > 200);
    int moved = 0;
    for (std::uint32_t y = 0; y < windy0.height; ++y)
        for (std::uint32_t x = 0; x < windy0.width; ++x)
            if ((rotor.count(windy0.nodeAt(x, y)) || rotor.count(windy1.nodeAt(x, y))) &&
                windy0.pixel(x, y) != windy1.pixel(x, y))
                ++moved;
    INFO("rotor pixels " << before.count << ", changed in 0.1 s: " << moved);
    CHECK(moved > before.count / 10);

    const auto calm0 = frameAt(0.0, 135.0, 0.0);
    const auto calm1 = frameAt(0.0, 135.0, 0.1);
    CHECK(calm0.rgba == calm1.rgba);
    // Stopped, the blades are feathered: their edges face the camera where their faces did.
    const RotorPixels feathered = rotorPixels(calm0, rotor);
    INFO("rotor pixels turning " << before.count << ", stopped and feathered " << feathered.count);
    CHECK(feathered.count < before.count * 3 / 4);

    // Shown at a frame rate too low for the rotor's speed (15 rpm, a second a frame: 90 degrees),
    // the blades give way to their blurred disc; at a fifth of a second (18 degrees) they stay.
    const int blur = nodeNamed(campus.scene, "wtg-01/rotor_blur");
    REQUIRE(blur >= 0);
    const auto fast = frameAt(15.0, 135.0, 0.0, 1.0);
    const auto steady = frameAt(15.0, 135.0, 0.0, 0.2);
    std::set<int> blades;
    for (const int n : rotor)
        if (campus.scene.nodes[static_cast<std::size_t>(n)].name.find("/blade_") != std::string::npos) blades.insert(n);
    // The disc is blended (no ids): seen against the same frame without it.
    std::vector<ct::render::NodeAnimation> bladesAway;
    motion.apply(state, static_cast<double>(state.time), bladesAway, 1.0);
    bladesAway[static_cast<std::size_t>(blur)].shown = false;
    renderer.setNodeAnimations(bladesAway);
    const auto bare = capture.render(camera, lighting);
    int discPixels = 0;
    for (std::size_t i = 0; i < fast.rgba.size(); i += 4)
        discPixels += std::abs(int(fast.rgba[i + 1]) - int(bare.rgba[i + 1])) > 1;
    INFO("blade pixels steady " << rotorPixels(steady, blades).count << ", blurred " << rotorPixels(fast, blades).count
                                << "; the disc changes " << discPixels << " pixels");
    CHECK(rotorPixels(steady, blades).count > 200);
    CHECK(rotorPixels(fast, blades).count == 0);
    CHECK(discPixels > 2000);  // the whole sweep, 97 px across

    // Turned edge-on to the camera (heading 45 degrees): the disc's blades narrow to a line.
    const RotorPixels edgeOn = rotorPixels(frameAt(0.0, 45.0, 0.0), rotor);
    const RotorPixels faceOn = rotorPixels(calm0, rotor);
    INFO("rotor width face on " << faceOn.right - faceOn.left << " px, edge on " << edgeOn.right - edgeOn.left);
    CHECK(edgeOn.right - edgeOn.left < (faceOn.right - faceOn.left) / 2);
    CHECK(context.validationCounts().total() == 0);
}

TEST_CASE("solar rows turn about their torque tubes to the farm's tracker angle", "[campus][motion]") {
    const ct::twin::Scenario& scenario = ct::test::abilene();
    const ct::campus::CampusResult composed = ct::campus::composeCampus(scenario, 4);
    REQUIRE(composed.campus);
    const ct::campus::CampusScene& campus = *composed.campus;
    const ct::campus::CampusMotion motion(campus);
    CHECK(motion.rowCount() > 1000);
    CHECK(ct::campus::CampusMotion(campus, {.trackers = false}).rowCount() == 0);

    const int row = nodeNamed(campus.scene, "solar-a/row_0001/01");
    REQUIRE(row >= 0);
    const ct::scene::Node& node = campus.scene.nodes[static_cast<std::size_t>(row)];
    REQUIRE_FALSE(node.instances.empty());
    const glm::mat4 module = node.world * node.instances.front();
    const glm::vec3 tube(module[3]);
    ct::twin::StateSnapshot state;
    state.solarFarms.push_back({"solar-a", 0, 0, 0, 0, 0});
    const auto turned = [&](double angle_deg) {
        state.solarFarms.front().trackerAngle_deg = angle_deg;
        std::vector<ct::render::NodeAnimation> animations;
        motion.apply(state, 0.0, animations);
        return animations[static_cast<std::size_t>(row)].motion;
    };
    // Facing west at +30 (the module's face, its +y, leans to -x), east at -30, up at 0; the
    // tube itself stays where it is.
    const glm::vec3 west = glm::normalize(glm::mat3(turned(30.0)) * glm::mat3(module) * glm::vec3(0, 1, 0));
    const glm::vec3 east = glm::normalize(glm::mat3(turned(-30.0)) * glm::mat3(module) * glm::vec3(0, 1, 0));
    CHECK(west.x == Approx(-0.5f).margin(0.01f));
    CHECK(east.x == Approx(0.5f).margin(0.01f));
    CHECK(glm::length(glm::vec3(turned(30.0) * glm::vec4(tube, 1.0f)) - tube) < 1e-3f);
    CHECK(turned(0.0) == glm::mat4(1.0f));
}

TEST_CASE("battery yards show the status light of what the twin's batteries do", "[campus][motion]") {
    const ct::twin::Scenario& scenario = ct::test::abilene();
    const ct::campus::CampusResult composed = ct::campus::composeCampus(scenario, 4);
    REQUIRE(composed.campus);
    const ct::campus::CampusScene& campus = *composed.campus;
    const ct::campus::CampusMotion motion(campus);
    REQUIRE_FALSE(scenario.batteries.empty());
    const std::string id = scenario.batteries.front().id;
    std::array<int, 3> status{};
    for (int s = 0; s < 3; ++s) {
        status[static_cast<std::size_t>(s)] = nodeNamed(campus.scene, id + ct::campus::kBatteryStatus[s]);
        REQUIRE(status[static_cast<std::size_t>(s)] >= 0);
        // Four lights of each colour hang on each status node.
        CHECK(std::count_if(campus.lamps.begin(), campus.lamps.end(), [&](const ct::render::Lamp& lamp) {
                  return lamp.node == status[static_cast<std::size_t>(s)];
              }) == 4);
    }
    ct::twin::StateSnapshot state;
    for (const auto& [flow, lit] : {std::pair{-40.0, 0}, std::pair{25.0, 1}, std::pair{0.2, 2}}) {
        state.campus.battery_mw = flow;
        std::vector<ct::render::NodeAnimation> animations;
        motion.apply(state, 0.0, animations);
        for (int s = 0; s < 3; ++s) {
            INFO("battery flow " << flow << " MW, status " << ct::campus::kBatteryStatus[s]);
            CHECK(animations[static_cast<std::size_t>(status[static_cast<std::size_t>(s)])].hidden == (s != lit));
        }
    }
}

TEST_CASE("a cooler bank's fans turn by the twin's fan speed, stand still with none, and blur when fast",
          "[campus][motion]") {
    const ct::twin::Scenario& scenario = ct::test::abilene();
    const ct::campus::CampusResult composed = ct::campus::composeCampus(scenario, 4);
    REQUIRE(composed.campus);
    const ct::campus::CampusScene& campus = *composed.campus;
    const ct::campus::CampusMotion motion(campus);
    CHECK(motion.fanBankCount() > 100);
    const int fans = nodeNamed(campus.scene, "bldg-01/cooler_fans_01");
    const int blur = nodeNamed(campus.scene, "bldg-01/cooler_fans_01_blur");
    REQUIRE(fans >= 0);
    REQUIRE(blur >= 0);
    const ct::scene::Node& fanNode = campus.scene.nodes[static_cast<std::size_t>(fans)];
    REQUIRE(fanNode.instances.size() == 16);
    CHECK_FALSE(fanNode.castsShadow);

    // Twenty metres above the bank's first fans, looking down.
    const glm::vec3 first(fanNode.world * fanNode.instances.front()[3]);
    ct::render::Camera camera;
    camera.eye = first + glm::vec3(2.5f, 20.0f, 0.0f);
    camera.target = first + glm::vec3(2.5f, 0.0f, 0.0f);
    camera.up = {0.0f, 0.0f, -1.0f};
    camera.yfov = glm::radians(30.0f);
    camera.znear = 1.0f;
    ct::vk::Context context({.validation = true, .quiet = true});
    ct::render::Renderer renderer(context, ct::render::shaderDir(), {.extent = {256, 256}});
    renderer.setScene(campus.scene);
    ct::render::OffscreenCapture capture(context, renderer);
    ct::render::Lighting lighting;
    lighting.shadows = false;

    ct::twin::Simulation sim(scenario, {.start = 1784138400, .step_s = 60.0, .phase = 4});  // 2026-07-15T18:00Z
    ct::twin::StateSnapshot state = sim.advance();
    ct::twin::BuildingSnapshot& building = state.buildings.front();
    REQUIRE(building.id == "bldg-01");
    REQUIRE_FALSE(building.bankFan_rpm.empty());
    CHECK(building.bankFan_rpm.front() > 0.0);  // energised on a July afternoon
    const auto frameAt = [&](double after_s, double frameSpan_s = 0.0) {
        std::vector<ct::render::NodeAnimation> animations;
        motion.apply(state, static_cast<double>(state.time) + after_s, animations, frameSpan_s);
        renderer.setNodeAnimations(animations);
        return capture.render(camera, lighting);
    };
    const auto fanPixels = [&](const ct::render::CapturedFrame& frame) {
        int n = 0;
        for (std::uint32_t y = 0; y < frame.height; ++y)
            for (std::uint32_t x = 0; x < frame.width; ++x)
                n += frame.nodeAt(x, y) == fans;
        return n;
    };
    const auto changed = [](const ct::render::CapturedFrame& a, const ct::render::CapturedFrame& b) {
        int n = 0;
        for (std::size_t i = 0; i < a.rgba.size(); i += 4)
            n += a.rgba[i] != b.rgba[i] || a.rgba[i + 1] != b.rgba[i + 1] || a.rgba[i + 2] != b.rgba[i + 2];
        return n;
    };
    // A fiftieth of a second apart the blades have turned (210 rpm: 25 degrees): their pixels change.
    building.bankFan_rpm.assign(building.bankFan_rpm.size(), 210.0);
    const auto running0 = frameAt(0.0);
    const auto running1 = frameAt(0.02);
    INFO("fan pixels " << fanPixels(running0) << ", changed in 0.02 s: " << changed(running0, running1));
    REQUIRE(fanPixels(running0) > 300);
    CHECK(changed(running0, running1) > fanPixels(running0) / 4);
    // Stopped (the building idle), they stand where they were.
    building.bankFan_rpm.assign(building.bankFan_rpm.size(), 0.0);
    CHECK(changed(frameAt(0.0), frameAt(0.02)) == 0);
    // Shown a tenth of a second a frame at 210 rpm (126 degrees), the blades give way to their
    // blurred discs; at a hundredth (12.6 degrees) they stay.
    building.bankFan_rpm.assign(building.bankFan_rpm.size(), 210.0);
    const auto steady = frameAt(0.0, 0.01);
    const auto fast = frameAt(0.0, 0.1);
    CHECK(fanPixels(steady) == fanPixels(running0));
    CHECK(fanPixels(fast) == 0);
    int discPixels = 0;  // the discs are blended (no ids): where the blades were, the wells show lighter
    for (std::size_t i = 0; i < fast.rgba.size(); i += 4)
        discPixels += fast.rgba[i + 1] != steady.rgba[i + 1];
    CHECK(discPixels > fanPixels(steady));
    CHECK(context.validationCounts().total() == 0);
}

TEST_CASE("each gas unit shows its state: green online, amber starting, dark off", "[campus][motion]") {
    const ct::twin::Scenario& scenario = ct::test::abilene();
    const ct::campus::CampusResult composed = ct::campus::composeCampus(scenario, 4);
    REQUIRE(composed.campus);
    const ct::campus::CampusScene& campus = *composed.campus;
    const ct::campus::CampusMotion motion(campus);
    const std::string plant = scenario.gasPlant.id;
    std::array<std::array<int, 2>, 3> status{};
    for (int u = 0; u < 3; ++u)
        for (int s = 0; s < 2; ++s) {
            const std::string name = plant + "/unit_0" + std::to_string(u + 1) + ct::campus::kGasUnitStatus[s];
            const int node = nodeNamed(campus.scene, name);
            INFO(name);
            REQUIRE(node >= 0);
            status[static_cast<std::size_t>(u)][static_cast<std::size_t>(s)] = node;
            const auto lamps = std::count_if(campus.lamps.begin(), campus.lamps.end(),
                                             [&](const ct::render::Lamp& lamp) { return lamp.node == node; });
            CHECK(lamps == 1);
            // The starting light flashes; the online one is steady.
            for (const ct::render::Lamp& lamp : campus.lamps)
                if (lamp.node == node) CHECK((lamp.flashesPerMinute > 0.0f) == (s == 1));
        }
    ct::twin::StateSnapshot state;
    state.gasUnits.resize(3);
    state.gasUnits[0].online = true;
    state.gasUnits[1].starting = true;
    std::vector<ct::render::NodeAnimation> animations;
    motion.apply(state, 0.0, animations);
    const auto lit = [&](int u, int s) {
        return !animations[static_cast<std::size_t>(status[static_cast<std::size_t>(u)][static_cast<std::size_t>(s)])]
                    .hidden;
    };
    CHECK(lit(0, 0));
    CHECK_FALSE(lit(0, 1));
    CHECK_FALSE(lit(1, 0));
    CHECK(lit(1, 1));
    CHECK_FALSE(lit(2, 0));
    CHECK_FALSE(lit(2, 1));
}

TEST_CASE("seen from afar, a solar farm's stand-ins turn with its trackers as if composed at that tilt",
          "[campus][motion]") {
    const ct::twin::Scenario& scenario = ct::test::abilene();
    const ct::campus::CampusResult level = ct::campus::composeCampus(scenario, 4);
    const ct::campus::CampusResult tilted = ct::campus::composeCampus(scenario, 4, {.trackerTilt_deg = 30.0});
    REQUIRE(level.campus);
    REQUIRE(tilted.campus);
    const ct::campus::CampusMotion motion(*level.campus);
    std::set<int> standIns;
    for (std::size_t n = 0; n < level.campus->scene.nodes.size(); ++n)
        if (level.campus->scene.nodes[n].name.rfind("solar-a/row_", 0) == 0 &&
            level.campus->scene.nodes[n].name.find("/strip") != std::string::npos)
            standIns.insert(static_cast<int>(n));
    REQUIRE(standIns.size() > 100);
    const ct::campus::EntityExtent farm =
        ct::campus::entityExtent(level.campus->scene, level.campus->entityRoots.at("solar-a"));

    // 1.5 km south of the farm and 400 m up, an afternoon sun in the south-west.
    ct::render::Camera camera;
    camera.target = farm.bounds.center();
    camera.eye = camera.target + glm::vec3(0.0f, 400.0f, 1500.0f);
    camera.yfov = glm::radians(40.0f);
    ct::render::fitDepthRange(camera, level.campus->scene.bounds);
    ct::vk::Context context({.validation = true, .quiet = true});
    ct::render::Renderer renderer(context, ct::render::shaderDir(), {.extent = {320, 200}});
    ct::render::OffscreenCapture capture(context, renderer);
    ct::render::Lighting lighting;
    lighting.sunDirection = glm::normalize(glm::vec3(-0.6f, 0.6f, 0.3f));

    renderer.setScene(tilted.campus->scene);
    const ct::render::CapturedFrame composed = capture.render(camera, lighting);
    renderer.setScene(level.campus->scene);
    const ct::render::CapturedFrame flat = capture.render(camera, lighting);
    ct::twin::StateSnapshot state;
    state.solarFarms.push_back({"solar-a", 0, 0, 0, 0, 30.0});
    std::vector<ct::render::NodeAnimation> animations;
    motion.apply(state, 0.0, animations);
    renderer.setNodeAnimations(animations);
    const ct::render::CapturedFrame turned = capture.render(camera, lighting);
    // Over the stand-ins' pixels: how far the turned farm is from the one composed at the tilt,
    // and from the level one.
    int pixels = 0;
    double offComposed = 0.0, offFlat = 0.0;
    for (std::uint32_t y = 0; y < turned.height; ++y)
        for (std::uint32_t x = 0; x < turned.width; ++x) {
            if (!standIns.count(turned.nodeAt(x, y))) continue;
            ++pixels;
            for (int c = 0; c < 3; ++c) {
                offComposed += std::abs(int(turned.pixel(x, y)[c]) - int(composed.pixel(x, y)[c]));
                offFlat += std::abs(int(turned.pixel(x, y)[c]) - int(flat.pixel(x, y)[c]));
            }
        }
    INFO("stand-in pixels " << pixels << "; mean difference from the farm composed at 30 degrees "
                            << offComposed / (3.0 * pixels) << ", from the level farm " << offFlat / (3.0 * pixels));
    REQUIRE(pixels > 2000);
    CHECK(offComposed / (3.0 * pixels) < 0.5);
    CHECK(offFlat / (3.0 * pixels) > 4.0);
    CHECK(context.validationCounts().total() == 0);
}
