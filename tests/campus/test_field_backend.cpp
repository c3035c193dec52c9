// Which solver runs the campus air field (campus/field_backend.h): "auto" takes the CPU
// reference on a CPU Vulkan device (lavapipe, llvmpipe, SwiftShader) or without a device, the
// GPU solver on any GPU; an explicit gpu or cpu always wins.
#include "campus/field_backend.h"

#include <catch2/catch.hpp>

using ct::campus::chooseFieldBackend;
using ct::campus::FieldBackend;

namespace {

ct::vk::PhysicalDeviceInfo device(VkPhysicalDeviceType type, const std::string& name) {
    ct::vk::PhysicalDeviceInfo info;
    info.name = name;
    info.type = type;
    info.suitable = true;
    return info;
}

}  // namespace

TEST_CASE("auto runs the air field on the CPU on a CPU device and on the GPU on a GPU", "[campus][heatmap]") {
    const auto lavapipe = device(VK_PHYSICAL_DEVICE_TYPE_CPU, "llvmpipe (LLVM 15.0.6, 256 bits)");
    const auto discrete = device(VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU, "NVIDIA H100 PCIe");
    const auto integrated = device(VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU, "Intel(R) Graphics (RPL-P)");
    const auto virtualGpu = device(VK_PHYSICAL_DEVICE_TYPE_VIRTUAL_GPU, "Virtio-GPU Venus");

    const auto onCpu = chooseFieldBackend("auto", &lavapipe);
    CHECK(onCpu.backend == FieldBackend::Cpu);
    CHECK(describe(onCpu) == "heat field: cpu solver (auto: CPU device llvmpipe)");
    const auto onGpu = chooseFieldBackend("auto", &discrete);
    CHECK(onGpu.backend == FieldBackend::Gpu);
    CHECK(describe(onGpu) == "heat field: gpu solver (auto: discrete GPU device NVIDIA H100 PCIe)");
    CHECK(chooseFieldBackend("auto", &integrated).backend == FieldBackend::Gpu);
    CHECK(chooseFieldBackend("auto", &virtualGpu).backend == FieldBackend::Gpu);
    const auto none = chooseFieldBackend("auto", nullptr);
    CHECK(none.backend == FieldBackend::Cpu);
    CHECK(none.reason == "auto: no Vulkan device");
}

TEST_CASE("an explicit --backend wins over the device", "[campus][heatmap]") {
    const auto lavapipe = device(VK_PHYSICAL_DEVICE_TYPE_CPU, "llvmpipe (LLVM 15.0.6, 256 bits)");
    const auto discrete = device(VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU, "NVIDIA H100 PCIe");
    for (const auto* d : {&lavapipe, &discrete}) {
        INFO(d->name);
        CHECK(chooseFieldBackend("gpu", d).backend == FieldBackend::Gpu);
        CHECK(chooseFieldBackend("cpu", d).backend == FieldBackend::Cpu);
        CHECK(describe(chooseFieldBackend("gpu", d)) == "heat field: gpu solver (set explicitly)");
    }
    CHECK(chooseFieldBackend("cpu", nullptr).backend == FieldBackend::Cpu);
    CHECK(chooseFieldBackend("gpu", nullptr).backend == FieldBackend::Gpu);  // the caller's context then fails
    CHECK_THROWS_AS(chooseFieldBackend("tpu", &discrete), std::invalid_argument);
}
