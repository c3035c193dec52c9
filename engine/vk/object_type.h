// The VkObjectType that names a handle type, so debug names need no type argument:
// ObjectTypeOf<VkBuffer>::value is VK_OBJECT_TYPE_BUFFER. A handle type missing here does not
// compile where it is named, which is the point.
#pragma once

#include <vulkan/vulkan.h>

namespace ct::vk {

// Non-dispatchable handles are distinct pointer types only on 64-bit targets; on 32-bit they
// are all uint64_t and could not be told apart.
static_assert(sizeof(void*) == 8, "Campus Twin names Vulkan objects by handle type: a 64-bit target is needed");

template <typename T>
struct ObjectTypeOf;

#define CT_VK_OBJECT_TYPE(Handle, Type)             \
    template <>                                     \
    struct ObjectTypeOf<Handle> {                   \
        static constexpr VkObjectType value = Type; \
    }

CT_VK_OBJECT_TYPE(VkInstance, VK_OBJECT_TYPE_INSTANCE);
CT_VK_OBJECT_TYPE(VkDevice, VK_OBJECT_TYPE_DEVICE);
CT_VK_OBJECT_TYPE(VkQueue, VK_OBJECT_TYPE_QUEUE);
CT_VK_OBJECT_TYPE(VkCommandPool, VK_OBJECT_TYPE_COMMAND_POOL);
CT_VK_OBJECT_TYPE(VkCommandBuffer, VK_OBJECT_TYPE_COMMAND_BUFFER);
CT_VK_OBJECT_TYPE(VkBuffer, VK_OBJECT_TYPE_BUFFER);
CT_VK_OBJECT_TYPE(VkImage, VK_OBJECT_TYPE_IMAGE);
CT_VK_OBJECT_TYPE(VkImageView, VK_OBJECT_TYPE_IMAGE_VIEW);
CT_VK_OBJECT_TYPE(VkSampler, VK_OBJECT_TYPE_SAMPLER);
CT_VK_OBJECT_TYPE(VkDeviceMemory, VK_OBJECT_TYPE_DEVICE_MEMORY);
CT_VK_OBJECT_TYPE(VkShaderModule, VK_OBJECT_TYPE_SHADER_MODULE);
CT_VK_OBJECT_TYPE(VkPipeline, VK_OBJECT_TYPE_PIPELINE);
CT_VK_OBJECT_TYPE(VkPipelineLayout, VK_OBJECT_TYPE_PIPELINE_LAYOUT);
CT_VK_OBJECT_TYPE(VkDescriptorSetLayout, VK_OBJECT_TYPE_DESCRIPTOR_SET_LAYOUT);
CT_VK_OBJECT_TYPE(VkDescriptorPool, VK_OBJECT_TYPE_DESCRIPTOR_POOL);
CT_VK_OBJECT_TYPE(VkDescriptorSet, VK_OBJECT_TYPE_DESCRIPTOR_SET);
CT_VK_OBJECT_TYPE(VkSemaphore, VK_OBJECT_TYPE_SEMAPHORE);
CT_VK_OBJECT_TYPE(VkFence, VK_OBJECT_TYPE_FENCE);
CT_VK_OBJECT_TYPE(VkQueryPool, VK_OBJECT_TYPE_QUERY_POOL);
CT_VK_OBJECT_TYPE(VkRenderPass, VK_OBJECT_TYPE_RENDER_PASS);
CT_VK_OBJECT_TYPE(VkFramebuffer, VK_OBJECT_TYPE_FRAMEBUFFER);
CT_VK_OBJECT_TYPE(VkSwapchainKHR, VK_OBJECT_TYPE_SWAPCHAIN_KHR);
CT_VK_OBJECT_TYPE(VkSurfaceKHR, VK_OBJECT_TYPE_SURFACE_KHR);

#undef CT_VK_OBJECT_TYPE

}  // namespace ct::vk
