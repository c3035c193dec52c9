// Device memory suballocated from large blocks: one vkAllocateMemory per block, never per
// buffer or image. Blocks are kept per (memory type, linear or optimal tiling) so buffers and
// optimal images never share a page and bufferImageGranularity can be ignored. Host-visible
// blocks stay mapped for their whole life.
//
//   Allocation a = allocator.allocate(requirements, MemoryUsage::DeviceLocal, ResourceKind::Linear);
//   vkBindBufferMemory(device, buffer, a.memory(), a.offset());
//
// An Allocation returns its range through the DeletionQueue, after the GPU is done with it.
#pragma once

#include "vk/deletion_queue.h"

#include <vulkan/vulkan.h>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace ct::vk {

enum class MemoryUsage {
    DeviceLocal,  // GPU only
    Upload,       // host writes, GPU reads (staging, per-frame uniforms)
    Readback,     // GPU writes, host reads
};

enum class ResourceKind { Linear, Optimal };

class MemoryBlock;
class Allocator;

class Allocation {
public:
    Allocation() = default;
    ~Allocation() { reset(); }
    Allocation(const Allocation&) = delete;
    Allocation& operator=(const Allocation&) = delete;
    Allocation(Allocation&& other) noexcept { *this = std::move(other); }
    Allocation& operator=(Allocation&& other) noexcept;

    VkDeviceMemory memory() const;
    VkDeviceSize offset() const { return offset_; }
    VkDeviceSize size() const { return size_; }
    // Host pointer to the start of this allocation; null unless host visible.
    void* mapped() const;
    bool hostCoherent() const;
    explicit operator bool() const { return block_ != nullptr; }
    void reset();

private:
    friend class Allocator;
    MemoryBlock* block_ = nullptr;
    DeletionQueue* queue_ = nullptr;
    VkDeviceSize offset_ = 0;
    VkDeviceSize size_ = 0;
};

struct AllocatorStats {
    std::uint32_t blockCount = 0;  // = number of vkAllocateMemory calls alive
    VkDeviceSize bytesReserved = 0;
    VkDeviceSize bytesInUse = 0;
    std::uint32_t allocationCount = 0;
};

class Allocator {
public:
    static constexpr VkDeviceSize kDefaultBlockSize = 64ull << 20;

    Allocator(VkPhysicalDevice physicalDevice, VkDevice device, DeletionQueue& queue,
              VkDeviceSize blockSize = kDefaultBlockSize);
    ~Allocator();
    Allocator(const Allocator&) = delete;
    Allocator& operator=(const Allocator&) = delete;

    Allocation allocate(const VkMemoryRequirements& requirements, MemoryUsage usage, ResourceKind kind);
    AllocatorStats stats() const;

    // Called with each new block's memory and a name for it ("memory block 2: type 1, linear"):
    // the Context names it for validation messages. The allocator itself knows no Context.
    using NameMemory = std::function<void(VkDeviceMemory, const std::string&)>;
    void nameBlocksWith(NameMemory nameMemory) { nameMemory_ = std::move(nameMemory); }

private:
    std::uint32_t chooseMemoryType(std::uint32_t typeBits, MemoryUsage usage) const;

    VkDevice device_;
    DeletionQueue& queue_;
    VkDeviceSize blockSize_;
    VkPhysicalDeviceMemoryProperties properties_{};
    std::vector<std::unique_ptr<MemoryBlock>> blocks_;
    NameMemory nameMemory_;
    std::uint32_t blocksMade_ = 0;
};

// A block: one VkDeviceMemory and a first-fit free list that coalesces on free.
class MemoryBlock {
public:
    MemoryBlock(VkDevice device, std::uint32_t memoryType, ResourceKind kind, VkDeviceSize size, bool hostVisible,
                bool hostCoherent);
    ~MemoryBlock();
    MemoryBlock(const MemoryBlock&) = delete;
    MemoryBlock& operator=(const MemoryBlock&) = delete;

    // Returns the offset, or UINT64_MAX if the block has no room.
    VkDeviceSize tryAllocate(VkDeviceSize size, VkDeviceSize alignment);
    void free(VkDeviceSize offset, VkDeviceSize size);

    VkDeviceMemory memory() const { return memory_; }
    std::uint32_t memoryType() const { return memoryType_; }
    ResourceKind kind() const { return kind_; }
    VkDeviceSize size() const { return size_; }
    VkDeviceSize used() const { return used_; }
    std::uint32_t liveAllocations() const { return live_; }
    std::uint8_t* mapped() const { return mapped_; }
    bool hostCoherent() const { return hostCoherent_; }

private:
    VkDevice device_;
    VkDeviceMemory memory_ = VK_NULL_HANDLE;
    std::uint32_t memoryType_;
    ResourceKind kind_;
    VkDeviceSize size_;
    VkDeviceSize used_ = 0;
    std::uint32_t live_ = 0;
    std::uint8_t* mapped_ = nullptr;
    bool hostCoherent_ = false;
    std::map<VkDeviceSize, VkDeviceSize> freeRanges_;  // offset -> size
};

}  // namespace ct::vk
