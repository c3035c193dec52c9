// What the telemetry tests share: the Abilene scenario and its quantities, a binding parsed
// from text (REQUIREd valid), and waiting for a condition with a deadline.
#pragma once

#include "twin/scenario_loader.h"
#include "twin/simulation.h"
#include "twin/telemetry/binding_file.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <functional>
#include <thread>

namespace ct::test {

inline const twin::Scenario& abilene() {
    static const twin::ScenarioResult loaded = twin::loadScenario(std::string(CT_SCENARIO_DIR) + "/abilene.json");
    INFO(loaded.error);
    REQUIRE(loaded.ok());
    return *loaded.scenario;
}

inline twin::SimulationOptions abileneOptions() {
    return {.start = *twin::parseIsoUtc("2026-07-15T12:00"), .step_s = 60.0, .phase = 1, .seed = 3};
}

inline const std::vector<twin::Quantity>& abileneQuantities() {
    static const std::vector<twin::Quantity> q = twin::Simulation(abilene(), abileneOptions()).current().quantities();
    return q;
}

inline twin::telemetry::BindingFile binding(const std::string& json) {
    twin::telemetry::BindingResult r = twin::telemetry::parseBindingFile(json, "test.json", abileneQuantities());
    INFO(r.error);
    REQUIRE(r.binding);
    return *r.binding;
}

inline bool waitFor(const std::function<bool()>& done, double timeout_s = 10.0) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_s);
    while (!done()) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return true;
}

inline std::string tempPath(const std::string& name) {
    const std::string dir = std::string(CT_TEST_OUTPUT_DIR) + "/telemetry";
    std::filesystem::create_directories(dir);
    const std::string path = dir + "/" + name;
    for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(path + suffix);
    return path;
}

}  // namespace ct::test
