// Fatal Vulkan errors: VK_CHECK(call) throws ct::vk::VulkanError naming the call, the VkResult,
// the file and the line. Expected outcomes (an out-of-date swapchain, a bad asset) are returned
// as values by the code that expects them, never thrown.
#pragma once

#include <vulkan/vulkan.h>

#include <stdexcept>
#include <string>

namespace ct::vk {

const char* resultName(VkResult result);

class VulkanError : public std::runtime_error {
public:
    VulkanError(const char* call, VkResult result, const char* file, int line);
    VkResult result() const { return result_; }

private:
    VkResult result_;
};

}  // namespace ct::vk

#define VK_CHECK(call)                                                                                                \
    do {                                                                                                              \
        const VkResult vk_check_result_ = (call);                                                                     \
        if (vk_check_result_ != VK_SUCCESS) throw ::ct::vk::VulkanError(#call, vk_check_result_, __FILE__, __LINE__); \
    } while (false)
