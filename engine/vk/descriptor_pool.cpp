#include "vk/descriptor_pool.h"

#include "vk/check.h"

namespace ct::vk {

Unique<VkDescriptorPool> makeDescriptorPool(Context& context, std::span<const VkDescriptorPoolSize> sizes,
                                            std::uint32_t maxSets, const std::string& name,
                                            VkDescriptorPoolCreateFlags flags) {
    VkDescriptorPoolCreateInfo info{VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO};
    info.flags = flags;
    info.maxSets = maxSets;
    info.poolSizeCount = static_cast<std::uint32_t>(sizes.size());
    info.pPoolSizes = sizes.data();
    VkDescriptorPool pool = VK_NULL_HANDLE;
    VK_CHECK(vkCreateDescriptorPool(context.device(), &info, nullptr, &pool));
    Unique<VkDescriptorPool> owned = context.own(pool, vkDestroyDescriptorPool, name + " pool");
    return owned;
}

DescriptorSets allocateDescriptorSets(Context& context, VkDescriptorSetLayout layout,
                                      std::span<const VkDescriptorPoolSize> perSet, std::uint32_t count,
                                      const std::string& name) {
    DescriptorSets out;
    if (count == 0) return out;
    std::vector<VkDescriptorPoolSize> total(perSet.begin(), perSet.end());
    for (VkDescriptorPoolSize& size : total)
        size.descriptorCount *= count;
    out.pool = makeDescriptorPool(context, total, count, name);

    const std::vector<VkDescriptorSetLayout> layouts(count, layout);
    VkDescriptorSetAllocateInfo info{VK_STRUCTURE_TYPE_DESCRIPTOR_SET_ALLOCATE_INFO};
    info.descriptorPool = out.pool.get();
    info.descriptorSetCount = count;
    info.pSetLayouts = layouts.data();
    out.sets.resize(count);
    VK_CHECK(vkAllocateDescriptorSets(context.device(), &info, out.sets.data()));
    for (std::uint32_t i = 0; i < count; ++i)
        context.setName(out.sets[i], name + " " + std::to_string(i));
    return out;
}

}  // namespace ct::vk
