// Deferred destruction: nothing is destroyed while a submission that may use it is in flight.
//
// Every queue submission signals the device's timeline semaphore with the next value. An object
// retired now may have been recorded into any submission made so far, so its destroyer runs once
// the timeline reaches the last value submitted at retirement. Contexts call collect() each frame
// and flushAll() after vkDeviceWaitIdle at shutdown.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>

namespace ct::vk {

class DeletionQueue {
public:
    void retire(std::function<void()> destroy) { entries_.push_back({lastSubmitted_, std::move(destroy)}); }
    void noteSubmitted(std::uint64_t timelineValue) { lastSubmitted_ = timelineValue; }
    void collect(std::uint64_t completedValue) {
        while (!entries_.empty() && entries_.front().after <= completedValue) {
            auto destroy = std::move(entries_.front().destroy);
            entries_.pop_front();
            destroy();
        }
    }
    void flushAll() { collect(UINT64_MAX); }
    std::size_t pending() const { return entries_.size(); }

private:
    struct Entry {
        std::uint64_t after;
        std::function<void()> destroy;
    };
    std::deque<Entry> entries_;
    std::uint64_t lastSubmitted_ = 0;
};

}  // namespace ct::vk
