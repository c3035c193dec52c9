#include "vk/context.h"

#include "vk/check.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

namespace ct::vk {

namespace {

constexpr const char* kValidationLayer = "VK_LAYER_KHRONOS_validation";

VKAPI_ATTR VkBool32 VKAPI_CALL onDebugMessage(VkDebugUtilsMessageSeverityFlagBitsEXT severity,
                                              VkDebugUtilsMessageTypeFlagsEXT,
                                              const VkDebugUtilsMessengerCallbackDataEXT* data, void* user) {
    auto* counters = static_cast<Context::Counters*>(user);
    const bool error = severity & VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT;
    (error ? counters->errors : counters->warnings).fetch_add(1);
    const char* message = data && data->pMessage ? data->pMessage : "(no message)";
    std::fprintf(stderr, "[vulkan %s] %s\n", error ? "error" : "warning", message);
    const std::lock_guard lock(counters->lastMutex);
    counters->last = message;
    return VK_FALSE;
}

// The one place CT_SYNC_VALIDATION is read: set and not "0" means on.
bool syncValidationFromEnvironment() {
    const char* value = std::getenv("CT_SYNC_VALIDATION");
    return value && *value && std::strcmp(value, "0") != 0;
}

bool hasLayer(const char* name) {
    std::uint32_t count = 0;
    vkEnumerateInstanceLayerProperties(&count, nullptr);
    std::vector<VkLayerProperties> layers(count);
    vkEnumerateInstanceLayerProperties(&count, layers.data());
    return std::any_of(layers.begin(), layers.end(),
                       [&](const auto& layer) { return std::strcmp(layer.layerName, name) == 0; });
}

bool hasInstanceExtension(const char* name) {
    std::uint32_t count = 0;
    vkEnumerateInstanceExtensionProperties(nullptr, &count, nullptr);
    std::vector<VkExtensionProperties> extensions(count);
    vkEnumerateInstanceExtensionProperties(nullptr, &count, extensions.data());
    return std::any_of(extensions.begin(), extensions.end(),
                       [&](const auto& extension) { return std::strcmp(extension.extensionName, name) == 0; });
}

int typeRank(VkPhysicalDeviceType type) {
    switch (type) {
        case VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU:
            return 4;
        case VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU:
            return 3;
        case VK_PHYSICAL_DEVICE_TYPE_VIRTUAL_GPU:
            return 2;
        case VK_PHYSICAL_DEVICE_TYPE_CPU:
            return 1;
        default:
            return 0;
    }
}

}  // namespace

const char* deviceTypeName(VkPhysicalDeviceType type) {
    switch (type) {
        case VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU:
            return "discrete GPU";
        case VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU:
            return "integrated GPU";
        case VK_PHYSICAL_DEVICE_TYPE_VIRTUAL_GPU:
            return "virtual GPU";
        case VK_PHYSICAL_DEVICE_TYPE_CPU:
            return "CPU";
        default:
            return "other";
    }
}

Context::Context(const ContextOptions& options)
    : validation_(options.validation),
      syncValidation_(options.validation && (options.synchronizationValidation || syncValidationFromEnvironment())),
      hostAllocator_(options.hostAllocator) {
    try {
        createInstance(options);
        if (options.createSurface) surface_ = options.createSurface(instance_);
        choosePhysicalDevice(options);
        createDevice();
        allocator_ = std::make_unique<Allocator>(physicalDevice_, device_, deletionQueue_);
        allocator_->nameBlocksWith([this](VkDeviceMemory memory, const std::string& name) { setName(memory, name); });
    } catch (...) {
        // No destructor runs for an object whose constructor threw: give back what exists.
        release();
        throw;
    }
    if (!options.quiet) {
        std::fprintf(stderr, "Vulkan device %u: %s (%s)%s\n", chosen_.index, chosen_.name.c_str(),
                     deviceTypeName(chosen_.type), syncValidation_ ? ", synchronization validation on" : "");
    }
}

Context::~Context() {
    release();
}

void Context::release() noexcept {
    if (device_) {
        vkDeviceWaitIdle(device_);
        deletionQueue_.flushAll();
        allocator_.reset();
        if (oneOffPool_) vkDestroyCommandPool(device_, oneOffPool_, hostAllocator_);
        if (timeline_) vkDestroySemaphore(device_, timeline_, hostAllocator_);
        vkDestroyDevice(device_, hostAllocator_);
        oneOffPool_ = VK_NULL_HANDLE;
        timeline_ = VK_NULL_HANDLE;
        device_ = VK_NULL_HANDLE;
    }
    // The caller created the surface without host callbacks.
    if (surface_) vkDestroySurfaceKHR(instance_, surface_, nullptr);
    surface_ = VK_NULL_HANDLE;
    if (messenger_) {
        auto destroy = reinterpret_cast<PFN_vkDestroyDebugUtilsMessengerEXT>(
            vkGetInstanceProcAddr(instance_, "vkDestroyDebugUtilsMessengerEXT"));
        if (destroy) destroy(instance_, messenger_, hostAllocator_);
        messenger_ = VK_NULL_HANDLE;
    }
    if (instance_) vkDestroyInstance(instance_, hostAllocator_);
    instance_ = VK_NULL_HANDLE;
}

void Context::createInstance(const ContextOptions& options) {
    std::uint32_t loaderVersion = VK_API_VERSION_1_0;
    vkEnumerateInstanceVersion(&loaderVersion);
    if (loaderVersion < VK_API_VERSION_1_3)
        throw std::runtime_error(
            "the Vulkan loader supports only version " + std::to_string(VK_API_VERSION_MAJOR(loaderVersion)) + "." +
            std::to_string(VK_API_VERSION_MINOR(loaderVersion)) + "; Campus Twin needs Vulkan 1.3");

    std::vector<const char*> extensions;
    for (const auto& name : options.instanceExtensions)
        extensions.push_back(name.c_str());
    std::vector<const char*> layers;
    if (validation_) {
        if (!hasLayer(kValidationLayer))
            throw std::runtime_error(
                "validation requested but VK_LAYER_KHRONOS_validation is not installed "
                "(Debian package vulkan-validationlayers)");
        layers.push_back(kValidationLayer);
        // Provided by the validation layer itself.
        if (syncValidation_) extensions.push_back(VK_EXT_VALIDATION_FEATURES_EXTENSION_NAME);
    }

    // Debug names and labels wherever the loader offers them, not only under validation, so a
    // capture tool (RenderDoc, Nsight) shows the frame by pass and the objects by name.
    const bool debugUtils = validation_ || hasInstanceExtension(VK_EXT_DEBUG_UTILS_EXTENSION_NAME);
    if (debugUtils) extensions.push_back(VK_EXT_DEBUG_UTILS_EXTENSION_NAME);

    VkApplicationInfo app{VK_STRUCTURE_TYPE_APPLICATION_INFO};
    app.pApplicationName = "Campus Twin";
    app.applicationVersion = VK_MAKE_API_VERSION(0, 0, 1, 0);
    app.pEngineName = "Campus Twin";
    app.apiVersion = VK_API_VERSION_1_3;

    VkDebugUtilsMessengerCreateInfoEXT messengerInfo{VK_STRUCTURE_TYPE_DEBUG_UTILS_MESSENGER_CREATE_INFO_EXT};
    messengerInfo.messageSeverity =
        VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT | VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT;
    messengerInfo.messageType = VK_DEBUG_UTILS_MESSAGE_TYPE_GENERAL_BIT_EXT |
                                VK_DEBUG_UTILS_MESSAGE_TYPE_VALIDATION_BIT_EXT |
                                VK_DEBUG_UTILS_MESSAGE_TYPE_PERFORMANCE_BIT_EXT;
    messengerInfo.pfnUserCallback = onDebugMessage;
    messengerInfo.pUserData = &counters_;

    VkInstanceCreateInfo info{VK_STRUCTURE_TYPE_INSTANCE_CREATE_INFO};
    info.pApplicationInfo = &app;
    info.enabledExtensionCount = static_cast<std::uint32_t>(extensions.size());
    info.ppEnabledExtensionNames = extensions.data();
    info.enabledLayerCount = static_cast<std::uint32_t>(layers.size());
    info.ppEnabledLayerNames = layers.data();
    // Chained so that messages from vkCreateInstance itself are counted too.
    if (validation_) info.pNext = &messengerInfo;
    const VkValidationFeatureEnableEXT syncEnable = VK_VALIDATION_FEATURE_ENABLE_SYNCHRONIZATION_VALIDATION_EXT;
    VkValidationFeaturesEXT features{VK_STRUCTURE_TYPE_VALIDATION_FEATURES_EXT};
    features.enabledValidationFeatureCount = 1;
    features.pEnabledValidationFeatures = &syncEnable;
    if (syncValidation_) {
        // Ahead of the messenger's info, whose own pNext must stay empty: it is reused below.
        features.pNext = info.pNext;
        info.pNext = &features;
    }
    VK_CHECK(vkCreateInstance(&info, hostAllocator_, &instance_));

    if (validation_) {
        auto create = reinterpret_cast<PFN_vkCreateDebugUtilsMessengerEXT>(
            vkGetInstanceProcAddr(instance_, "vkCreateDebugUtilsMessengerEXT"));
        VK_CHECK(create(instance_, &messengerInfo, hostAllocator_, &messenger_));
    }
    if (debugUtils) {
        setObjectName_ = reinterpret_cast<PFN_vkSetDebugUtilsObjectNameEXT>(
            vkGetInstanceProcAddr(instance_, "vkSetDebugUtilsObjectNameEXT"));
        beginLabel_ = reinterpret_cast<PFN_vkCmdBeginDebugUtilsLabelEXT>(
            vkGetInstanceProcAddr(instance_, "vkCmdBeginDebugUtilsLabelEXT"));
        endLabel_ = reinterpret_cast<PFN_vkCmdEndDebugUtilsLabelEXT>(
            vkGetInstanceProcAddr(instance_, "vkCmdEndDebugUtilsLabelEXT"));
    }
}

void Context::choosePhysicalDevice(const ContextOptions& options) {
    std::uint32_t count = 0;
    VK_CHECK(vkEnumeratePhysicalDevices(instance_, &count, nullptr));
    std::vector<VkPhysicalDevice> handles(count);
    VK_CHECK(vkEnumeratePhysicalDevices(instance_, &count, handles.data()));
    if (count == 0) throw std::runtime_error("no Vulkan device found");

    std::vector<std::uint32_t> families(count, UINT32_MAX);
    for (std::uint32_t i = 0; i < count; ++i) {
        VkPhysicalDeviceProperties props;
        vkGetPhysicalDeviceProperties(handles[i], &props);
        PhysicalDeviceInfo info{i, props.deviceName, props.deviceType, props.apiVersion, false};
        std::uint32_t familyCount = 0;
        vkGetPhysicalDeviceQueueFamilyProperties(handles[i], &familyCount, nullptr);
        std::vector<VkQueueFamilyProperties> familyProps(familyCount);
        vkGetPhysicalDeviceQueueFamilyProperties(handles[i], &familyCount, familyProps.data());
        for (std::uint32_t f = 0; f < familyCount; ++f) {
            const VkQueueFlags need = VK_QUEUE_GRAPHICS_BIT | VK_QUEUE_COMPUTE_BIT;
            if ((familyProps[f].queueFlags & need) != need) continue;
            if (surface_) {
                VkBool32 present = VK_FALSE;
                vkGetPhysicalDeviceSurfaceSupportKHR(handles[i], f, surface_, &present);
                if (!present) continue;
            }
            families[i] = f;
            break;
        }
        info.suitable = props.apiVersion >= VK_API_VERSION_1_3 && families[i] != UINT32_MAX;
        devices_.push_back(info);
    }

    int chosen = -1;
    if (options.deviceIndex >= 0) {
        if (options.deviceIndex >= static_cast<int>(count))
            throw std::runtime_error("--device " + std::to_string(options.deviceIndex) + ": only " +
                                     std::to_string(count) + " Vulkan device(s) present");
        if (!devices_[options.deviceIndex].suitable)
            throw std::runtime_error("--device " + std::to_string(options.deviceIndex) + " (" +
                                     devices_[options.deviceIndex].name + ") lacks Vulkan 1.3 or a suitable queue");
        chosen = options.deviceIndex;
    } else {
        for (std::uint32_t i = 0; i < count; ++i) {
            if (!devices_[i].suitable) continue;
            if (chosen < 0 || typeRank(devices_[i].type) > typeRank(devices_[chosen].type))
                chosen = static_cast<int>(i);
        }
        if (chosen < 0) throw std::runtime_error("no Vulkan 1.3 device with a graphics queue");
    }
    chosen_ = devices_[chosen];
    physicalDevice_ = handles[chosen];
    queueFamily_ = families[chosen];
    vkGetPhysicalDeviceProperties(physicalDevice_, &properties_);
}

void Context::createDevice() {
    const float priority = 1.0f;
    VkDeviceQueueCreateInfo queueInfo{VK_STRUCTURE_TYPE_DEVICE_QUEUE_CREATE_INFO};
    queueInfo.queueFamilyIndex = queueFamily_;
    queueInfo.queueCount = 1;
    queueInfo.pQueuePriorities = &priority;

    VkPhysicalDeviceVulkan13Features features13{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_3_FEATURES};
    features13.dynamicRendering = VK_TRUE;
    features13.synchronization2 = VK_TRUE;
    // Required of every Vulkan 1.3 device; glslc's vulkan1.3 target writes compute workgroup
    // sizes as LocalSizeId, which is only valid with it enabled.
    features13.maintenance4 = VK_TRUE;
    VkPhysicalDeviceVulkan12Features features12{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_2_FEATURES};
    features12.timelineSemaphore = VK_TRUE;
    features12.pNext = &features13;
    VkPhysicalDeviceFeatures2 features{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_FEATURES_2};
    features.pNext = &features12;
    VkPhysicalDeviceVulkan12Features supported12{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_2_FEATURES};
    VkPhysicalDeviceFeatures2 supportedAll{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_FEATURES_2};
    supportedAll.pNext = &supported12;
    vkGetPhysicalDeviceFeatures2(physicalDevice_, &supportedAll);
    const VkPhysicalDeviceFeatures& supported = supportedAll.features;
    indirectDrawing_ =
        supported12.drawIndirectCount && supported.multiDrawIndirect && supported.drawIndirectFirstInstance;
    features12.drawIndirectCount = indirectDrawing_ ? VK_TRUE : VK_FALSE;
    features.features.multiDrawIndirect = indirectDrawing_ ? VK_TRUE : VK_FALSE;
    features.features.drawIndirectFirstInstance = indirectDrawing_ ? VK_TRUE : VK_FALSE;
    features.features.samplerAnisotropy = supported.samplerAnisotropy;
    features.features.depthClamp = supported.depthClamp;
    // The blend pipeline blends colour but must leave the integer picking target untouched.
    if (!supported.independentBlend) throw std::runtime_error(chosen_.name + " lacks the independentBlend feature");
    features.features.independentBlend = VK_TRUE;

    std::vector<const char*> extensions;
    if (surface_) extensions.push_back(VK_KHR_SWAPCHAIN_EXTENSION_NAME);

    VkDeviceCreateInfo info{VK_STRUCTURE_TYPE_DEVICE_CREATE_INFO};
    info.pNext = &features;
    info.queueCreateInfoCount = 1;
    info.pQueueCreateInfos = &queueInfo;
    info.enabledExtensionCount = static_cast<std::uint32_t>(extensions.size());
    info.ppEnabledExtensionNames = extensions.data();
    VK_CHECK(vkCreateDevice(physicalDevice_, &info, hostAllocator_, &device_));
    vkGetDeviceQueue(device_, queueFamily_, 0, &queue_);

    VkSemaphoreTypeCreateInfo typeInfo{VK_STRUCTURE_TYPE_SEMAPHORE_TYPE_CREATE_INFO};
    typeInfo.semaphoreType = VK_SEMAPHORE_TYPE_TIMELINE;
    VkSemaphoreCreateInfo semaphoreInfo{VK_STRUCTURE_TYPE_SEMAPHORE_CREATE_INFO};
    semaphoreInfo.pNext = &typeInfo;
    VK_CHECK(vkCreateSemaphore(device_, &semaphoreInfo, hostAllocator_, &timeline_));
    setName(timeline_, "submission timeline");

    VkCommandPoolCreateInfo poolInfo{VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO};
    poolInfo.flags = VK_COMMAND_POOL_CREATE_TRANSIENT_BIT;
    poolInfo.queueFamilyIndex = queueFamily_;
    VK_CHECK(vkCreateCommandPool(device_, &poolInfo, hostAllocator_, &oneOffPool_));
    setName(oneOffPool_, "one-off commands");
    setName(queue_, "queue");
    setName(device_, chosen_.name);
}

std::uint64_t Context::submit(VkCommandBuffer commandBuffer, std::span<const Wait> waits,
                              std::span<const VkSemaphore> signals, VkPipelineStageFlags2 signalStages) {
    std::vector<VkSemaphoreSubmitInfo> waitInfos;
    for (const auto& wait : waits) {
        VkSemaphoreSubmitInfo info{VK_STRUCTURE_TYPE_SEMAPHORE_SUBMIT_INFO};
        info.semaphore = wait.semaphore;
        info.stageMask = wait.stages;
        waitInfos.push_back(info);
    }
    const std::uint64_t value = lastSubmitted_ + 1;
    std::vector<VkSemaphoreSubmitInfo> signalInfos;
    for (VkSemaphore semaphore : signals) {
        VkSemaphoreSubmitInfo info{VK_STRUCTURE_TYPE_SEMAPHORE_SUBMIT_INFO};
        info.semaphore = semaphore;
        info.stageMask = signalStages;
        signalInfos.push_back(info);
    }
    VkSemaphoreSubmitInfo timelineInfo{VK_STRUCTURE_TYPE_SEMAPHORE_SUBMIT_INFO};
    timelineInfo.semaphore = timeline_;
    timelineInfo.value = value;
    timelineInfo.stageMask = VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT;
    signalInfos.push_back(timelineInfo);

    VkCommandBufferSubmitInfo commandInfo{VK_STRUCTURE_TYPE_COMMAND_BUFFER_SUBMIT_INFO};
    commandInfo.commandBuffer = commandBuffer;
    VkSubmitInfo2 submit{VK_STRUCTURE_TYPE_SUBMIT_INFO_2};
    submit.waitSemaphoreInfoCount = static_cast<std::uint32_t>(waitInfos.size());
    submit.pWaitSemaphoreInfos = waitInfos.data();
    submit.commandBufferInfoCount = 1;
    submit.pCommandBufferInfos = &commandInfo;
    submit.signalSemaphoreInfoCount = static_cast<std::uint32_t>(signalInfos.size());
    submit.pSignalSemaphoreInfos = signalInfos.data();
    VK_CHECK(vkQueueSubmit2(queue_, 1, &submit, VK_NULL_HANDLE));
    lastSubmitted_ = value;
    deletionQueue_.noteSubmitted(value);
    return value;
}

std::uint64_t Context::completedValue() const {
    std::uint64_t value = 0;
    VK_CHECK(vkGetSemaphoreCounterValue(device_, timeline_, &value));
    return value;
}

void Context::waitFor(std::uint64_t timelineValue) const {
    VkSemaphoreWaitInfo info{VK_STRUCTURE_TYPE_SEMAPHORE_WAIT_INFO};
    info.semaphoreCount = 1;
    info.pSemaphores = &timeline_;
    info.pValues = &timelineValue;
    VK_CHECK(vkWaitSemaphores(device_, &info, UINT64_MAX));
}

void Context::collectGarbage() {
    deletionQueue_.collect(completedValue());
}

void Context::waitIdle() {
    VK_CHECK(vkDeviceWaitIdle(device_));
    deletionQueue_.flushAll();
}

void Context::runOnce(const std::function<void(VkCommandBuffer)>& record) {
    VkCommandBufferAllocateInfo allocInfo{VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO};
    allocInfo.commandPool = oneOffPool_;
    allocInfo.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
    allocInfo.commandBufferCount = 1;
    VkCommandBuffer cmd = VK_NULL_HANDLE;
    VK_CHECK(vkAllocateCommandBuffers(device_, &allocInfo, &cmd));
    setName(cmd, "one-off");
    VkCommandBufferBeginInfo begin{VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO};
    begin.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
    VK_CHECK(vkBeginCommandBuffer(cmd, &begin));
    record(cmd);
    VK_CHECK(vkEndCommandBuffer(cmd));
    waitFor(submit(cmd));
    vkFreeCommandBuffers(device_, oneOffPool_, 1, &cmd);
    collectGarbage();
}

void Context::setObjectName(VkObjectType type, std::uint64_t handle, const std::string& name) const {
    if (!setObjectName_ || handle == 0) return;
    VkDebugUtilsObjectNameInfoEXT info{VK_STRUCTURE_TYPE_DEBUG_UTILS_OBJECT_NAME_INFO_EXT};
    info.objectType = type;
    info.objectHandle = handle;
    info.pObjectName = name.c_str();
    setObjectName_(device_, &info);
}

void Context::beginLabel(VkCommandBuffer cmd, const char* name) const {
    if (!beginLabel_) return;
    VkDebugUtilsLabelEXT label{VK_STRUCTURE_TYPE_DEBUG_UTILS_LABEL_EXT};
    label.pLabelName = name;
    beginLabel_(cmd, &label);
}

void Context::endLabel(VkCommandBuffer cmd) const {
    if (endLabel_) endLabel_(cmd);
}

ValidationCounts Context::validationCounts() const {
    return {counters_.errors.load(), counters_.warnings.load()};
}

void Context::resetValidationCounts() {
    counters_.errors = 0;
    counters_.warnings = 0;
    const std::lock_guard lock(counters_.lastMutex);
    counters_.last.clear();
}

std::string Context::lastValidationMessage() const {
    const std::lock_guard lock(counters_.lastMutex);
    return counters_.last;
}

}  // namespace ct::vk
