// Unique<T>: the one owner of a Vulkan handle. Move-only; on destruction the handle goes to the
// device's DeletionQueue, so it outlives every submission that was made while it was alive.
#pragma once

#include "vk/deletion_queue.h"

#include <vulkan/vulkan.h>

#include <utility>

namespace ct::vk {

template <typename T>
class Unique {
public:
    using Destroy = void (*)(VkDevice, T, const VkAllocationCallbacks*);

    Unique() = default;
    Unique(VkDevice device, T handle, Destroy destroy, DeletionQueue* queue)
        : device_(device), handle_(handle), destroy_(destroy), queue_(queue) {}
    ~Unique() { reset(); }

    Unique(const Unique&) = delete;
    Unique& operator=(const Unique&) = delete;
    Unique(Unique&& other) noexcept { *this = std::move(other); }
    Unique& operator=(Unique&& other) noexcept {
        if (this != &other) {
            reset();
            device_ = other.device_;
            handle_ = std::exchange(other.handle_, VK_NULL_HANDLE);
            destroy_ = other.destroy_;
            queue_ = other.queue_;
        }
        return *this;
    }

    T get() const { return handle_; }
    const T* ptr() const { return &handle_; }
    explicit operator bool() const { return handle_ != VK_NULL_HANDLE; }

    void reset() {
        if (handle_ == VK_NULL_HANDLE) return;
        if (queue_) {
            queue_->retire(
                [device = device_, handle = handle_, destroy = destroy_] { destroy(device, handle, nullptr); });
        } else {
            destroy_(device_, handle_, nullptr);
        }
        handle_ = VK_NULL_HANDLE;
    }

private:
    VkDevice device_ = VK_NULL_HANDLE;
    T handle_ = VK_NULL_HANDLE;
    Destroy destroy_ = nullptr;
    DeletionQueue* queue_ = nullptr;
};

}  // namespace ct::vk
