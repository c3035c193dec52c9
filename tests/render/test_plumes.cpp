// A plume's puffs (render/plume_pass.h): they leave the stack, rise, drift with the wind, swell
// and thin; a unit at full output sends a denser plume higher; the stream is continuous in time.
#include "render/plume_pass.h"

#include <catch2/catch.hpp>

using ct::render::Plume;
using ct::render::plumePuffs;

TEST_CASE("plume puffs rise, drift downwind, swell and thin, and stream continuously", "[render][plumes]") {
    Plume calm;
    calm.position = {100.0f, 25.0f, -50.0f};
    calm.strength = 1.0f;
    const auto still = plumePuffs(calm, 1000.0f);
    // Oldest first: higher, larger, fainter than the youngest; straight up in a calm.
    CHECK(still.front().position.y > still.back().position.y + 30.0f);
    CHECK(still.front().radius_m > 3.0f * still.back().radius_m);
    CHECK(still.front().opacity < still[still.size() / 2].opacity);
    for (const auto& puff : still) {
        CHECK(puff.position.x == Approx(100.0f));
        CHECK(puff.position.z == Approx(-50.0f));
        CHECK(puff.position.y >= 25.0f);
    }
    // In a wind from the west at 8 m/s each puff stands its age times 8 m east of the stack.
    Plume windy = calm;
    windy.wind = {8.0f, 0.0f, 0.0f};
    const auto blown = plumePuffs(windy, 1000.0f);
    for (std::size_t k = 0; k < blown.size(); ++k) {
        CHECK(blown[k].position.y == Approx(still[k].position.y));
        CHECK(blown[k].position.x >= 100.0f);
        CHECK(blown[k].position.z == Approx(-50.0f));
    }
    CHECK(blown.front().position.x > 100.0f + 8.0f * 30.0f);  // 31.5 s old
    // Half output: a fainter plume that rises less.
    Plume idle = calm;
    idle.strength = 0.5f;
    const auto weaker = plumePuffs(idle, 1000.0f);
    CHECK(weaker.front().position.y < still.front().position.y);
    CHECK(weaker[10].opacity < still[10].opacity);
    // A tenth of a second later every puff has moved on a little, none jumped.
    const auto later = plumePuffs(windy, 1000.1f);
    for (std::size_t k = 0; k < blown.size(); ++k) {
        CHECK(later[k].position.x - blown[k].position.x == Approx(0.8f).margin(0.01));
        CHECK(later[k].seed == blown[k].seed);
    }
}
