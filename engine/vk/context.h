// Context: the Vulkan instance, the chosen physical device, the logical device and its queue,
// plus the three things every other object needs from them: the allocator, the deletion queue
// and the submission timeline. Nothing here is global; whoever needs the device is handed a
// Context&. Declare the Context before everything that uses it so it is destroyed last.
//
//   Context context({.validation = true});
//   std::uint64_t done = context.submit(commandBuffer);   // signals the timeline
//   context.waitFor(done);
#pragma once

#include "vk/allocator.h"
#include "vk/deletion_queue.h"
#include "vk/object_type.h"
#include "vk/unique.h"

#include <vulkan/vulkan.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <vector>

namespace ct::vk {

struct ContextOptions {
    bool validation = false;
    int deviceIndex = -1;                         // -1: best by type (discrete > integrated > virtual > CPU)
    std::vector<std::string> instanceExtensions;  // e.g. what GLFW needs for a surface
    // Set for windowed use: creates the surface once the instance exists; the chosen device
    // must then be able to present to it, and VK_KHR_swapchain is enabled.
    std::function<VkSurfaceKHR(VkInstance)> createSurface;
    bool quiet = false;  // do not print the device choice
    // With validation: also the layer's synchronization validation (hazards between commands:
    // a read after a write with no barrier between them, ...). Slow, so off by default; the
    // environment variable CT_SYNC_VALIDATION=1 turns it on for every Context that validates
    // (tests, --validate) without a rebuild.
    bool synchronizationValidation = false;
    // Host memory callbacks for the instance, the device and the context's own objects (not the
    // surface, which the caller creates). Tests count allocations through them to prove that a
    // failed construction gives everything back. Must outlive the Context.
    const VkAllocationCallbacks* hostAllocator = nullptr;
};

struct PhysicalDeviceInfo {
    std::uint32_t index = 0;
    std::string name;
    VkPhysicalDeviceType type = VK_PHYSICAL_DEVICE_TYPE_OTHER;
    std::uint32_t apiVersion = 0;
    bool suitable = false;  // Vulkan 1.3 with a graphics+compute queue (and present, if asked)
};

const char* deviceTypeName(VkPhysicalDeviceType type);

struct ValidationCounts {
    int errors = 0;
    int warnings = 0;
    int total() const { return errors + warnings; }
};

struct Wait {
    VkSemaphore semaphore;
    VkPipelineStageFlags2 stages;
};

class Context {
public:
    // Throws VulkanError or std::runtime_error (no suitable device, ...); a constructor that
    // throws part-way releases whatever it had created.
    explicit Context(const ContextOptions& options);
    ~Context();
    Context(const Context&) = delete;
    Context& operator=(const Context&) = delete;

    VkInstance instance() const { return instance_; }
    VkPhysicalDevice physicalDevice() const { return physicalDevice_; }
    VkDevice device() const { return device_; }
    VkQueue queue() const { return queue_; }
    std::uint32_t queueFamily() const { return queueFamily_; }
    VkSurfaceKHR surface() const { return surface_; }
    const VkPhysicalDeviceProperties& properties() const { return properties_; }
    const PhysicalDeviceInfo& deviceInfo() const { return chosen_; }
    const std::vector<PhysicalDeviceInfo>& devices() const { return devices_; }
    bool validationEnabled() const { return validation_; }
    bool synchronizationValidationEnabled() const { return syncValidation_; }
    // Draws whose parameters and count the GPU writes (vkCmdDrawIndexedIndirectCount with many
    // draws and a first instance): enabled where the device has all three features.
    bool indirectDrawing() const { return indirectDrawing_; }

    Allocator& allocator() { return *allocator_; }
    DeletionQueue& deletionQueue() { return deletionQueue_; }

    // Submits one command buffer; it waits on `waits`, signals `signals` (binary) and the
    // timeline. Returns the timeline value that marks its completion.
    std::uint64_t submit(VkCommandBuffer commandBuffer, std::span<const Wait> waits = {},
                         std::span<const VkSemaphore> signals = {},
                         VkPipelineStageFlags2 signalStages = VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT);
    std::uint64_t completedValue() const;
    std::uint64_t lastSubmittedValue() const { return lastSubmitted_; }
    void waitFor(std::uint64_t timelineValue) const;
    // Runs the destroyers of everything whose last possible use has completed.
    void collectGarbage();
    // Waits for the device to go idle and destroys everything retired. Shutdown and resize only.
    void waitIdle();

    // Records and submits a one-off command buffer, and waits for it. Setup and tests only;
    // per-frame work goes through frame contexts.
    void runOnce(const std::function<void(VkCommandBuffer)>& record);

    // The one way an object the engine creates gets its owner: named at once (VK_EXT_debug_utils,
    // where present), so a validation message or a capture says "shadow map", not a handle.
    template <typename T>
    Unique<T> own(T handle, typename Unique<T>::Destroy destroy, const std::string& name) {
        Unique<T> owned(device_, handle, destroy, &deletionQueue_);
        setName(handle, name);
        return owned;
    }
    // Names what no Unique owns (descriptor sets, command buffers, swapchain images).
    template <typename T>
    void setName(T handle, const std::string& name) const {
        setObjectName(ObjectTypeOf<T>::value, reinterpret_cast<std::uint64_t>(handle), name);
    }
    // A named region of a command buffer, seen by capture tools and in validation messages;
    // nothing without VK_EXT_debug_utils.
    void beginLabel(VkCommandBuffer cmd, const char* name) const;
    void endLabel(VkCommandBuffer cmd) const;
    bool debugUtils() const { return setObjectName_ != nullptr; }

    // The text of the last validation message (empty if none since the last reset), so a test
    // can see what the layer said and which objects it named.
    std::string lastValidationMessage() const;

    ValidationCounts validationCounts() const;
    void resetValidationCounts();

private:
    void createInstance(const ContextOptions& options);
    void choosePhysicalDevice(const ContextOptions& options);
    void createDevice();
    // Destroys whatever exists, in reverse order of creation: the destructor, and a constructor
    // that failed part-way.
    void release() noexcept;
    void setObjectName(VkObjectType type, std::uint64_t handle, const std::string& name) const;

    bool validation_ = false;
    bool syncValidation_ = false;
    bool indirectDrawing_ = false;
    const VkAllocationCallbacks* hostAllocator_ = nullptr;
    VkInstance instance_ = VK_NULL_HANDLE;
    VkDebugUtilsMessengerEXT messenger_ = VK_NULL_HANDLE;
    VkSurfaceKHR surface_ = VK_NULL_HANDLE;
    VkPhysicalDevice physicalDevice_ = VK_NULL_HANDLE;
    VkPhysicalDeviceProperties properties_{};
    std::vector<PhysicalDeviceInfo> devices_;
    PhysicalDeviceInfo chosen_;
    VkDevice device_ = VK_NULL_HANDLE;
    VkQueue queue_ = VK_NULL_HANDLE;
    std::uint32_t queueFamily_ = 0;
    VkSemaphore timeline_ = VK_NULL_HANDLE;
    std::uint64_t lastSubmitted_ = 0;
    VkCommandPool oneOffPool_ = VK_NULL_HANDLE;
    PFN_vkSetDebugUtilsObjectNameEXT setObjectName_ = nullptr;
    PFN_vkCmdBeginDebugUtilsLabelEXT beginLabel_ = nullptr;
    PFN_vkCmdEndDebugUtilsLabelEXT endLabel_ = nullptr;
    DeletionQueue deletionQueue_;
    std::unique_ptr<Allocator> allocator_;

public:
    // Written by the debug messenger callback (which may run on driver threads).
    struct Counters {
        std::atomic<int> errors{0};
        std::atomic<int> warnings{0};
        mutable std::mutex lastMutex;
        std::string last;
    };

private:
    Counters counters_;
};

}  // namespace ct::vk
