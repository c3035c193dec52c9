#include "campus/field_backend.h"

#include <stdexcept>

namespace ct::campus {

namespace {

// "llvmpipe (LLVM 15.0.6, 256 bits)" -> "llvmpipe": the driver's details are in the device banner.
std::string shortName(const std::string& name) {
    return name.substr(0, name.find(" ("));
}

}  // namespace

FieldBackendChoice chooseFieldBackend(std::string_view option, const vk::PhysicalDeviceInfo* device) {
    if (option == "gpu") return {FieldBackend::Gpu, "set explicitly"};
    if (option == "cpu") return {FieldBackend::Cpu, "set explicitly"};
    if (option != "auto")
        throw std::invalid_argument("chooseFieldBackend: " + std::string(option) + " is not auto, gpu or cpu");
    if (!device) return {FieldBackend::Cpu, "auto: no Vulkan device"};
    const std::string what =
        "auto: " + std::string(vk::deviceTypeName(device->type)) + " device " + shortName(device->name);
    return {device->type == VK_PHYSICAL_DEVICE_TYPE_CPU ? FieldBackend::Cpu : FieldBackend::Gpu, what};
}

const char* fieldBackendName(FieldBackend backend) {
    return backend == FieldBackend::Cpu ? "cpu" : "gpu";
}

std::string describe(const FieldBackendChoice& choice) {
    return std::string("heat field: ") + fieldBackendName(choice.backend) + " solver (" + choice.reason + ")";
}

FieldDevice openFieldDevice(std::string_view option, const vk::ContextOptions& options) {
    FieldDevice opened;
    if (option == "cpu") {
        opened.choice = chooseFieldBackend(option, nullptr);
        return opened;
    }
    try {
        opened.context = std::make_unique<vk::Context>(options);
    } catch (const std::exception& e) {
        if (option != "auto" || options.deviceIndex >= 0) throw;
        opened.choice = chooseFieldBackend(option, nullptr);
        opened.choice.reason += std::string(" (") + e.what() + ")";
        return opened;
    }
    opened.choice = chooseFieldBackend(option, &opened.context->deviceInfo());
    if (opened.choice.backend == FieldBackend::Cpu) opened.context.reset();
    return opened;
}

}  // namespace ct::campus
