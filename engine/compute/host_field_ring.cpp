#include "compute/host_field_ring.h"

#include <stdexcept>

namespace ct::compute {

namespace {

constexpr std::size_t kFirstBuffers = 3;  // the one being written and two frames in flight

}  // namespace

HostFieldRing::HostFieldRing(vk::Context& context, VkDeviceSize bytes, std::string name)
    : context_(context), bytes_(bytes), name_(std::move(name)) {
    if (bytes == 0) throw std::invalid_argument("HostFieldRing: an empty field");
    slots_.reserve(kFirstBuffers);
}

VkBuffer HostFieldRing::current() const {
    return current_ < 0 ? VK_NULL_HANDLE : slots_[static_cast<std::size_t>(current_)].buffer.get();
}

VkBuffer HostFieldRing::publish(std::span<const float> values) {
    if (values.size_bytes() != bytes_)
        throw std::invalid_argument("HostFieldRing::publish: " + std::to_string(values.size_bytes()) +
                                    " bytes for buffers of " + std::to_string(bytes_));
    // The buffer handed out last may be read by anything submitted so far, and by nothing later.
    if (current_ >= 0) slots_[static_cast<std::size_t>(current_)].retiredAt = context_.lastSubmittedValue();
    const std::uint64_t completed = context_.completedValue();
    int free = -1;
    // The first free one, which may be the last one itself once nothing reading it is pending.
    for (std::size_t n = 0; n < slots_.size() && free < 0; ++n)
        if (slots_[n].retiredAt <= completed) free = static_cast<int>(n);
    if (free < 0) {
        slots_.push_back({vk::Buffer(context_, {bytes_, VK_BUFFER_USAGE_STORAGE_BUFFER_BIT, vk::MemoryUsage::Upload,
                                                name_ + " " + std::to_string(slots_.size())}),
                          0});
        free = static_cast<int>(slots_.size()) - 1;
    }
    Slot& slot = slots_[static_cast<std::size_t>(free)];
    slot.buffer.write(values.data(), bytes_);  // flushed if the memory is not coherent
    current_ = free;
    return slot.buffer.get();
}

}  // namespace ct::compute
