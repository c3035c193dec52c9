// Descriptor pools and the sets drawn from them, in one place: sized from what one set needs,
// owned by a Unique, and named, so a validation message about a set says whose it is.
//
//   vk::DescriptorSets frame = vk::allocateDescriptorSets(context, layout,
//       {{VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER, 1}}, 2, "frame");   // sets "frame 0", "frame 1"
#pragma once

#include "vk/context.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace ct::vk {

// A pool for up to `maxSets` sets holding, in all, the descriptors of `sizes`.
Unique<VkDescriptorPool> makeDescriptorPool(Context& context, std::span<const VkDescriptorPoolSize> sizes,
                                            std::uint32_t maxSets, const std::string& name,
                                            VkDescriptorPoolCreateFlags flags = 0);

struct DescriptorSets {
    Unique<VkDescriptorPool> pool;  // the sets go back with it
    std::vector<VkDescriptorSet> sets;
};

// `count` sets of `layout`, each needing the descriptors of `perSet`, from a pool of their own.
DescriptorSets allocateDescriptorSets(Context& context, VkDescriptorSetLayout layout,
                                      std::span<const VkDescriptorPoolSize> perSet, std::uint32_t count,
                                      const std::string& name);

}  // namespace ct::vk
