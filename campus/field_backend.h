// Which solver computes the campus air field, and why. The GPU solver (engine/compute) wins on a
// real GPU; on a CPU Vulkan device (lavapipe, llvmpipe, SwiftShader) its shaders run on the same
// cores as the CPU reference, several times slower (docs/BENCHMARKS.md), so "auto" picks the
// reference there. An explicit gpu or cpu always wins.
//
//   const FieldBackendChoice choice = chooseFieldBackend(options.backend, &context.deviceInfo());
//   std::fprintf(stderr, "%s\n", describe(choice).c_str());  // heat field: cpu solver (auto: CPU device llvmpipe)
#pragma once

#include "vk/context.h"

#include <memory>
#include <string>
#include <string_view>

namespace ct::campus {

enum class FieldBackend { Gpu, Cpu };

struct FieldBackendChoice {
    FieldBackend backend = FieldBackend::Gpu;
    std::string reason;  // "auto: CPU device llvmpipe", "set explicitly", ...
};

// `option` is "auto", "gpu" or "cpu" (anything else throws std::invalid_argument: the command line
// refuses it first). `device`: the Vulkan device the field would run on; nullptr when there is
// none, which makes "auto" the CPU reference.
FieldBackendChoice chooseFieldBackend(std::string_view option, const vk::PhysicalDeviceInfo* device);

const char* fieldBackendName(FieldBackend backend);  // "gpu", "cpu"
// "heat field: cpu solver (auto: CPU device llvmpipe)"
std::string describe(const FieldBackendChoice& choice);

// For commands whose only Vulkan work is the field (heatmap, simulate): the context the GPU
// solver runs on, opened when the option needs a device to decide (auto) or to run (gpu).
// `context` is null when the CPU reference was chosen. With auto and no device index asked for,
// a Vulkan that cannot start gives the CPU reference instead of a failure; otherwise the
// context's error propagates (a bad --device is the user's to fix).
struct FieldDevice {
    std::unique_ptr<vk::Context> context;
    FieldBackendChoice choice;
};
FieldDevice openFieldDevice(std::string_view option, const vk::ContextOptions& options);

}  // namespace ct::campus
