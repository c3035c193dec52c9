#include "vk/allocator.h"

#include "vk/check.h"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <utility>

namespace ct::vk {

namespace {
VkDeviceSize alignUp(VkDeviceSize value, VkDeviceSize alignment) {
    return (value + alignment - 1) / alignment * alignment;
}
}  // namespace

Allocation& Allocation::operator=(Allocation&& other) noexcept {
    if (this != &other) {
        reset();
        block_ = std::exchange(other.block_, nullptr);
        queue_ = other.queue_;
        offset_ = other.offset_;
        size_ = other.size_;
    }
    return *this;
}

VkDeviceMemory Allocation::memory() const {
    return block_ ? block_->memory() : VK_NULL_HANDLE;
}

void* Allocation::mapped() const {
    return block_ && block_->mapped() ? block_->mapped() + offset_ : nullptr;
}

bool Allocation::hostCoherent() const {
    return block_ && block_->hostCoherent();
}

void Allocation::reset() {
    if (!block_) return;
    queue_->retire([block = block_, offset = offset_, size = size_] { block->free(offset, size); });
    block_ = nullptr;
}

MemoryBlock::MemoryBlock(VkDevice device, std::uint32_t memoryType, ResourceKind kind, VkDeviceSize size,
                         bool hostVisible, bool hostCoherent)
    : device_(device), memoryType_(memoryType), kind_(kind), size_(size), hostCoherent_(hostCoherent) {
    VkMemoryAllocateInfo info{VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO};
    info.allocationSize = size;
    info.memoryTypeIndex = memoryType;
    VK_CHECK(vkAllocateMemory(device_, &info, nullptr, &memory_));
    if (hostVisible) {
        void* ptr = nullptr;
        VK_CHECK(vkMapMemory(device_, memory_, 0, VK_WHOLE_SIZE, 0, &ptr));
        mapped_ = static_cast<std::uint8_t*>(ptr);
    }
    freeRanges_.emplace(0, size);
}

MemoryBlock::~MemoryBlock() {
    if (mapped_) vkUnmapMemory(device_, memory_);
    vkFreeMemory(device_, memory_, nullptr);
}

VkDeviceSize MemoryBlock::tryAllocate(VkDeviceSize size, VkDeviceSize alignment) {
    for (auto it = freeRanges_.begin(); it != freeRanges_.end(); ++it) {
        const VkDeviceSize rangeStart = it->first;
        const VkDeviceSize rangeEnd = it->first + it->second;
        const VkDeviceSize start = alignUp(rangeStart, alignment);
        if (start + size > rangeEnd) continue;
        freeRanges_.erase(it);
        if (start > rangeStart) freeRanges_.emplace(rangeStart, start - rangeStart);
        if (start + size < rangeEnd) freeRanges_.emplace(start + size, rangeEnd - start - size);
        used_ += size;
        ++live_;
        return start;
    }
    return UINT64_MAX;
}

void MemoryBlock::free(VkDeviceSize offset, VkDeviceSize size) {
    auto [it, inserted] = freeRanges_.emplace(offset, size);
    if (!inserted) throw std::logic_error("MemoryBlock::free: range freed twice");
    used_ -= size;
    --live_;
    // Coalesce with the following and the preceding free range.
    auto next = std::next(it);
    if (next != freeRanges_.end() && it->first + it->second == next->first) {
        it->second += next->second;
        freeRanges_.erase(next);
    }
    if (it != freeRanges_.begin()) {
        auto prev = std::prev(it);
        if (prev->first + prev->second == it->first) {
            prev->second += it->second;
            freeRanges_.erase(it);
        }
    }
}

Allocator::Allocator(VkPhysicalDevice physicalDevice, VkDevice device, DeletionQueue& queue, VkDeviceSize blockSize)
    : device_(device), queue_(queue), blockSize_(blockSize) {
    vkGetPhysicalDeviceMemoryProperties(physicalDevice, &properties_);
}

Allocator::~Allocator() = default;

std::uint32_t Allocator::chooseMemoryType(std::uint32_t typeBits, MemoryUsage usage) const {
    auto find = [&](VkMemoryPropertyFlags required, VkMemoryPropertyFlags preferred) -> int {
        int fallback = -1;
        for (std::uint32_t i = 0; i < properties_.memoryTypeCount; ++i) {
            if (!(typeBits & (1u << i))) continue;
            const VkMemoryPropertyFlags flags = properties_.memoryTypes[i].propertyFlags;
            if ((flags & required) != required) continue;
            if ((flags & preferred) == preferred) return static_cast<int>(i);
            if (fallback < 0) fallback = static_cast<int>(i);
        }
        return fallback;
    };
    int type = -1;
    switch (usage) {
        case MemoryUsage::DeviceLocal:
            type = find(0, VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT);
            break;
        case MemoryUsage::Upload:
            type = find(VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT, VK_MEMORY_PROPERTY_HOST_COHERENT_BIT);
            break;
        case MemoryUsage::Readback:
            type = find(VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT,
                        VK_MEMORY_PROPERTY_HOST_CACHED_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT);
            if (type < 0) type = find(VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT, 0);
            break;
    }
    if (type < 0) throw std::runtime_error("no Vulkan memory type fits the requested usage");
    return static_cast<std::uint32_t>(type);
}

Allocation Allocator::allocate(const VkMemoryRequirements& requirements, MemoryUsage usage, ResourceKind kind) {
    const std::uint32_t type = chooseMemoryType(requirements.memoryTypeBits, usage);
    Allocation allocation;
    allocation.queue_ = &queue_;
    allocation.size_ = requirements.size;
    for (auto& block : blocks_) {
        if (block->memoryType() != type || block->kind() != kind) continue;
        const VkDeviceSize offset = block->tryAllocate(requirements.size, requirements.alignment);
        if (offset != UINT64_MAX) {
            allocation.block_ = block.get();
            allocation.offset_ = offset;
            return allocation;
        }
    }
    const VkMemoryPropertyFlags flags = properties_.memoryTypes[type].propertyFlags;
    const VkDeviceSize size = std::max(blockSize_, alignUp(requirements.size, 1 << 20));
    blocks_.push_back(std::make_unique<MemoryBlock>(device_, type, kind, size,
                                                    (flags & VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT) != 0,
                                                    (flags & VK_MEMORY_PROPERTY_HOST_COHERENT_BIT) != 0));
    if (nameMemory_)
        nameMemory_(blocks_.back()->memory(), "memory block " + std::to_string(blocksMade_) + ": type " +
                                                  std::to_string(type) +
                                                  (kind == ResourceKind::Linear ? ", linear" : ", optimal"));
    ++blocksMade_;
    allocation.block_ = blocks_.back().get();
    allocation.offset_ = blocks_.back()->tryAllocate(requirements.size, requirements.alignment);
    return allocation;
}

AllocatorStats Allocator::stats() const {
    AllocatorStats stats;
    for (const auto& block : blocks_) {
        ++stats.blockCount;
        stats.bytesReserved += block->size();
        stats.bytesInUse += block->used();
        stats.allocationCount += block->liveAllocations();
    }
    return stats;
}

}  // namespace ct::vk
