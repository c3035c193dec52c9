#include "vk/check.h"

namespace ct::vk {

const char* resultName(VkResult result) {
    switch (result) {
#define CT_RESULT_CASE(name) \
    case name:               \
        return #name;
        CT_RESULT_CASE(VK_SUCCESS)
        CT_RESULT_CASE(VK_NOT_READY)
        CT_RESULT_CASE(VK_TIMEOUT)
        CT_RESULT_CASE(VK_EVENT_SET)
        CT_RESULT_CASE(VK_EVENT_RESET)
        CT_RESULT_CASE(VK_INCOMPLETE)
        CT_RESULT_CASE(VK_ERROR_OUT_OF_HOST_MEMORY)
        CT_RESULT_CASE(VK_ERROR_OUT_OF_DEVICE_MEMORY)
        CT_RESULT_CASE(VK_ERROR_INITIALIZATION_FAILED)
        CT_RESULT_CASE(VK_ERROR_DEVICE_LOST)
        CT_RESULT_CASE(VK_ERROR_MEMORY_MAP_FAILED)
        CT_RESULT_CASE(VK_ERROR_LAYER_NOT_PRESENT)
        CT_RESULT_CASE(VK_ERROR_EXTENSION_NOT_PRESENT)
        CT_RESULT_CASE(VK_ERROR_FEATURE_NOT_PRESENT)
        CT_RESULT_CASE(VK_ERROR_INCOMPATIBLE_DRIVER)
        CT_RESULT_CASE(VK_ERROR_TOO_MANY_OBJECTS)
        CT_RESULT_CASE(VK_ERROR_FORMAT_NOT_SUPPORTED)
        CT_RESULT_CASE(VK_ERROR_FRAGMENTED_POOL)
        CT_RESULT_CASE(VK_ERROR_OUT_OF_POOL_MEMORY)
        CT_RESULT_CASE(VK_ERROR_SURFACE_LOST_KHR)
        CT_RESULT_CASE(VK_ERROR_NATIVE_WINDOW_IN_USE_KHR)
        CT_RESULT_CASE(VK_SUBOPTIMAL_KHR)
        CT_RESULT_CASE(VK_ERROR_OUT_OF_DATE_KHR)
        CT_RESULT_CASE(VK_ERROR_VALIDATION_FAILED_EXT)
#undef CT_RESULT_CASE
        default:
            return "VK_RESULT_UNKNOWN";
    }
}

VulkanError::VulkanError(const char* call, VkResult result, const char* file, int line)
    : std::runtime_error(std::string(call) + " failed with " + resultName(result) + " (" +
                         std::to_string(static_cast<int>(result)) + ") at " + file + ":" + std::to_string(line)),
      result_(result) {}

}  // namespace ct::vk
