#include "render/pass_timer.h"

#include "vk/check.h"

#include <stdexcept>

namespace ct::render {

PassTimer::PassTimer(vk::Context& context, std::uint32_t slots) : context_(context), slots_(slots) {
    std::uint32_t families = 0;
    vkGetPhysicalDeviceQueueFamilyProperties(context.physicalDevice(), &families, nullptr);
    std::vector<VkQueueFamilyProperties> properties(families);
    vkGetPhysicalDeviceQueueFamilyProperties(context.physicalDevice(), &families, properties.data());
    const std::uint32_t validBits = properties.at(context.queueFamily()).timestampValidBits;
    if (validBits == 0) return;
    validMask_ = validBits >= 64 ? ~0ull : (1ull << validBits) - 1;
    nanosecondsPerTick_ = context.properties().limits.timestampPeriod;

    VkQueryPoolCreateInfo info{VK_STRUCTURE_TYPE_QUERY_POOL_CREATE_INFO};
    info.queryType = VK_QUERY_TYPE_TIMESTAMP;
    info.queryCount = slots * kMaxPasses * 2;
    VkQueryPool pool = VK_NULL_HANDLE;
    VK_CHECK(vkCreateQueryPool(context.device(), &info, nullptr, &pool));
    pool_ = context.own(pool, vkDestroyQueryPool, "pass timestamps");
    // Host reset (Vulkan 1.2 core, enabled with the 1.3 features) is not assumed: reset on the GPU.
    context.runOnce([&](VkCommandBuffer cmd) { vkCmdResetQueryPool(cmd, pool, 0, info.queryCount); });
}

void PassTimer::beginFrame(VkCommandBuffer cmd, std::uint32_t slot) {
    current_ = slot;
    open_ = -1;
    slots_.at(slot).names.clear();
    if (pool_) vkCmdResetQueryPool(cmd, pool_.get(), slot * kMaxPasses * 2, kMaxPasses * 2);
}

void PassTimer::begin(VkCommandBuffer cmd, const std::string& name) {
    if (open_ >= 0) throw std::logic_error("PassTimer::begin(" + name + ") inside an open pass");
    std::vector<std::string>& names = slots_[current_].names;
    if (names.size() >= kMaxPasses) throw std::logic_error("PassTimer: more than kMaxPasses passes in a frame");
    open_ = static_cast<int>(names.size());
    names.push_back(name);
    context_.beginLabel(cmd, name.c_str());
    if (pool_)
        vkCmdWriteTimestamp2(cmd, VK_PIPELINE_STAGE_2_TOP_OF_PIPE_BIT, pool_.get(),
                             current_ * kMaxPasses * 2 + static_cast<std::uint32_t>(open_) * 2);
}

void PassTimer::end(VkCommandBuffer cmd) {
    if (open_ < 0) throw std::logic_error("PassTimer::end without begin");
    if (pool_)
        vkCmdWriteTimestamp2(cmd, VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT, pool_.get(),
                             current_ * kMaxPasses * 2 + static_cast<std::uint32_t>(open_) * 2 + 1);
    context_.endLabel(cmd);
    open_ = -1;
}

std::vector<PassTime> PassTimer::results(std::uint32_t slot) const {
    const std::vector<std::string>& names = slots_.at(slot).names;
    if (!pool_ || names.empty()) return {};
    std::vector<std::uint64_t> ticks(names.size() * 2);
    const VkResult result = vkGetQueryPoolResults(
        context_.device(), pool_.get(), slot * kMaxPasses * 2, static_cast<std::uint32_t>(ticks.size()),
        ticks.size() * sizeof(std::uint64_t), ticks.data(), sizeof(std::uint64_t), VK_QUERY_RESULT_64_BIT);
    if (result == VK_NOT_READY) return {};
    VK_CHECK(result);
    std::vector<PassTime> passes;
    for (std::size_t i = 0; i < names.size(); ++i) {
        const std::uint64_t elapsed = ((ticks[2 * i + 1] & validMask_) - (ticks[2 * i] & validMask_)) & validMask_;
        passes.push_back({names[i], static_cast<double>(elapsed) * nanosecondsPerTick_ * 1e-6});
    }
    return passes;
}

}  // namespace ct::render
