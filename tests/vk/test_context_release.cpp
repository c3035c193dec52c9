// A Context whose construction fails part-way gives back everything it had created. The
// instance, the debug messenger and the device take their host memory through counting
// VkAllocationCallbacks, so a leaked VkInstance or VkDevice shows as live allocations (the
// loader keeps leaked instances reachable, so a leak checker alone would not see them).
#include "vk/context.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <cstring>
#include <mutex>
#include <stdexcept>
#include <unordered_map>

namespace {

class CountingAllocator {
public:
    CountingAllocator() {
        callbacks_.pUserData = this;
        callbacks_.pfnAllocation = [](void* self, std::size_t size, std::size_t alignment, VkSystemAllocationScope) {
            return static_cast<CountingAllocator*>(self)->allocate(size, alignment);
        };
        callbacks_.pfnReallocation = [](void* self, void* old, std::size_t size, std::size_t alignment,
                                        VkSystemAllocationScope) {
            return static_cast<CountingAllocator*>(self)->reallocate(old, size, alignment);
        };
        callbacks_.pfnFree = [](void* self, void* memory) { static_cast<CountingAllocator*>(self)->free(memory); };
    }
    const VkAllocationCallbacks* callbacks() const { return &callbacks_; }
    std::size_t live() {
        std::lock_guard lock(mutex_);
        return sizes_.size();
    }
    std::size_t total() {
        std::lock_guard lock(mutex_);
        return total_;
    }

private:
    void* allocate(std::size_t size, std::size_t alignment) {
        if (size == 0) return nullptr;
        alignment = std::max<std::size_t>(alignment, alignof(std::max_align_t));
        void* memory = std::aligned_alloc(alignment, (size + alignment - 1) / alignment * alignment);
        if (!memory) return nullptr;
        std::lock_guard lock(mutex_);
        sizes_[memory] = size;
        ++total_;
        return memory;
    }
    void* reallocate(void* old, std::size_t size, std::size_t alignment) {
        if (!old) return allocate(size, alignment);
        if (size == 0) {
            free(old);
            return nullptr;
        }
        std::size_t oldSize = 0;
        {
            std::lock_guard lock(mutex_);
            oldSize = sizes_.at(old);
        }
        void* memory = allocate(size, alignment);
        if (!memory) return nullptr;  // the old block stays valid, as the spec asks
        std::memcpy(memory, old, std::min(oldSize, size));
        free(old);
        return memory;
    }
    void free(void* memory) {
        if (!memory) return;
        {
            std::lock_guard lock(mutex_);
            sizes_.erase(memory);
        }
        std::free(memory);
    }

    VkAllocationCallbacks callbacks_{};
    std::mutex mutex_;
    std::unordered_map<void*, std::size_t> sizes_;
    std::size_t total_ = 0;
};

}  // namespace

TEST_CASE("a context that lives and dies gives back every host allocation", "[vk][release]") {
    CountingAllocator counting;
    {
        ct::vk::Context context({.validation = true, .quiet = true, .hostAllocator = counting.callbacks()});
        CHECK(counting.live() > 0);  // the instance and the device really allocate through it
        CHECK(context.validationCounts().total() == 0);
    }
    CHECK(counting.live() == 0);
}

TEST_CASE("a context that cannot have the device asked for releases its instance", "[vk][release]") {
    CountingAllocator counting;
    // Fails after the instance and the debug messenger exist.
    CHECK_THROWS_WITH(ct::vk::Context({.validation = true, .deviceIndex = 42, .quiet = true,
                                       .hostAllocator = counting.callbacks()}),
                      Catch::Contains("--device 42"));
    CHECK(counting.total() > 0);
    CHECK(counting.live() == 0);
}

TEST_CASE("a context whose surface cannot be made releases its instance", "[vk][release]") {
    CountingAllocator counting;
    ct::vk::ContextOptions options{.validation = true, .quiet = true, .hostAllocator = counting.callbacks()};
    options.createSurface = [](VkInstance) -> VkSurfaceKHR { throw std::runtime_error("forced: no surface"); };
    CHECK_THROWS_WITH(ct::vk::Context(options), "forced: no surface");
    CHECK(counting.total() > 0);
    CHECK(counting.live() == 0);
}
