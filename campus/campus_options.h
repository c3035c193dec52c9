// The settings the campus library takes from whoever drives it (the command line today): which
// GPU and whether validation is on, the sun of a still, and how the coupled heat field is run.
// Plain values with no parsing here; app/command_line.h binds each field to its option once and
// passes the structs down by const reference. Kept apart from the library's Vulkan code so that
// the command-line layer (fuzzed on its own) uses them without linking the renderer.
#pragma once

#include <cstdint>
#include <limits>
#include <string>

namespace ct::campus {

struct DeviceOptions {
    bool validate = false;  // the Khronos validation layer, and a failing exit on any message
    int device = -1;        // index of the Vulkan physical device; -1: the first suitable one
    // Where the camera's instances are culled: auto, cpu or gpu (render::InstanceCulling).
    std::string culling = "auto";
};

// The sun of a still. NaN: not given, so the campus takes the twin's sun at the time shown and a
// glTF on its own a fixed one (campus/sun_lighting.h).
struct LightingOptions {
    float sunElevation = std::numeric_limits<float>::quiet_NaN();  // degrees above the horizon
    float sunAzimuth = std::numeric_limits<float>::quiet_NaN();    // degrees clockwise from north
    bool noShadows = false;
    // A set camera exposure, EV at ISO 100 (engine/render/tone_curve.h); NaN: metered.
    float ev100 = std::numeric_limits<float>::quiet_NaN();
};

struct CoupledFieldOptions {
    std::string time = "2026-07-15T21:00";  // 16:00 local, a summer afternoon
    int phase = 0;                          // 0: the last
    // The field's solver: gpu, cpu, or auto (the CPU reference on a CPU Vulkan device or without
    // one, else the GPU solver; campus/field_backend.h).
    std::string backend = "auto";
    double spinupHours = 3.0;
    double step_s = 60.0;
    std::uint64_t seed = 1;
    std::string preset = "summer-design-day";
};

// What is wrong with the time or preset, in one line naming the option; empty when both are good.
std::string coupledFieldError(const CoupledFieldOptions& options);

}  // namespace ct::campus
