// What the telemetry tests share: the Abilene scenario's quantities, a binding parsed
// from text (REQUIREd valid), and waiting for a condition with a deadline.
#pragma once

#include "support/abilene_scenario.h"
#include "twin/simulation.h"
#include "twin/telemetry/binding_file.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <functional>
#include <thread>

namespace ct::test {

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
