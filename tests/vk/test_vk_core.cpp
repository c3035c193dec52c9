// The Vulkan layer on its own: device choice, suballocation, deferred destruction, uploads,
// and the validation counter that every other test relies on.
#include "vk/check.h"
#include "vk/context.h"
#include "vk/resources.h"
#include "vk/uploader.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <cstring>
#include <numeric>

using namespace ct::vk;

TEST_CASE("the context picks a Vulkan 1.3 device and enables validation", "[vk]") {
    Context context({.validation = true, .quiet = true});
    CHECK(context.deviceInfo().suitable);
    CHECK(context.deviceInfo().apiVersion >= VK_API_VERSION_1_3);
    CHECK(context.validationEnabled());
    CHECK(context.validationCounts().total() == 0);
}

TEST_CASE("an explicit device index out of range is refused with a clear message", "[vk]") {
    try {
        Context context({.validation = false, .deviceIndex = 99, .quiet = true});
        FAIL("expected an error");
    } catch (const std::runtime_error& e) {
        CHECK(std::string(e.what()).find("--device 99") != std::string::npos);
    }
}

TEST_CASE("the debug messenger counts validation errors", "[vk]") {
    Context context({.validation = true, .quiet = true});
    // A deliberately invalid call: a buffer of size zero.
    VkBufferCreateInfo info{VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO};
    info.size = 0;
    info.usage = VK_BUFFER_USAGE_TRANSFER_SRC_BIT;
    VkBuffer buffer = VK_NULL_HANDLE;
    if (vkCreateBuffer(context.device(), &info, nullptr, &buffer) == VK_SUCCESS && buffer)
        vkDestroyBuffer(context.device(), buffer, nullptr);
    CHECK(context.validationCounts().errors >= 1);
    context.resetValidationCounts();
}

TEST_CASE("synchronization validation reports a missing barrier", "[vk][sync]") {
    Context context({.validation = true, .quiet = true, .synchronizationValidation = true});
    REQUIRE(context.synchronizationValidationEnabled());
    Buffer buffer(context, {256, VK_BUFFER_USAGE_TRANSFER_DST_BIT, MemoryUsage::DeviceLocal, "twice written"});
    // Two writes of the same bytes with a barrier between them: no hazard.
    context.runOnce([&](VkCommandBuffer cmd) {
        vkCmdFillBuffer(cmd, buffer.get(), 0, 256, 1u);
        // TRANSFER (all transfer stages): layer 1.3.239 files a fill under COPY, not CLEAR.
        memoryBarrier(cmd, VK_PIPELINE_STAGE_2_TRANSFER_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT,
                      VK_PIPELINE_STAGE_2_TRANSFER_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT);
        vkCmdFillBuffer(cmd, buffer.get(), 0, 256, 2u);
    });
    CHECK(context.validationCounts().total() == 0);
    // Without it: a write-after-write hazard, which only synchronization validation sees.
    context.runOnce([&](VkCommandBuffer cmd) {
        vkCmdFillBuffer(cmd, buffer.get(), 0, 256, 1u);
        vkCmdFillBuffer(cmd, buffer.get(), 0, 256, 2u);
    });
    CHECK(context.validationCounts().errors >= 1);
    context.resetValidationCounts();
    // Off unless asked for (or CT_SYNC_VALIDATION=1), and never without the layer.
    if (!std::getenv("CT_SYNC_VALIDATION"))
        CHECK_FALSE(Context({.validation = true, .quiet = true}).synchronizationValidationEnabled());
    CHECK_FALSE(Context({.validation = false, .quiet = true, .synchronizationValidation = true})
                    .synchronizationValidationEnabled());
}

TEST_CASE("a validation message names the objects by the names given at creation", "[vk][names]") {
    Context context({.validation = true, .quiet = true, .synchronizationValidation = true});
    REQUIRE(context.synchronizationValidationEnabled());
    Buffer buffer(context, {256, VK_BUFFER_USAGE_TRANSFER_DST_BIT, MemoryUsage::DeviceLocal, "heat field probe"});
    // A write-after-write hazard on the buffer: the layer reports it and names what it involves.
    context.runOnce([&](VkCommandBuffer cmd) {
        vkCmdFillBuffer(cmd, buffer.get(), 0, 256, 1u);
        vkCmdFillBuffer(cmd, buffer.get(), 0, 256, 2u);
    });
    const std::string message = context.lastValidationMessage();
    INFO(message);
    CHECK(context.validationCounts().errors >= 1);
    // The buffer, by the name Buffer gave it at creation ("VkBuffer 0x...[heat field probe]").
    CHECK(message.find("[heat field probe]") != std::string::npos);
    context.resetValidationCounts();
    CHECK(context.lastValidationMessage().empty());
}

TEST_CASE("VK_CHECK names the call and the result", "[vk]") {
    try {
        VK_CHECK(VK_ERROR_OUT_OF_DEVICE_MEMORY);
        FAIL("expected VK_CHECK to throw");
    } catch (const VulkanError& e) {
        const std::string message = e.what();
        CHECK(message.find("VK_ERROR_OUT_OF_DEVICE_MEMORY") != std::string::npos);
        CHECK(message.find("test_vk_core.cpp") != std::string::npos);
        CHECK(e.result() == VK_ERROR_OUT_OF_DEVICE_MEMORY);
    }
}

TEST_CASE("buffers are suballocated from a few large blocks", "[vk][memory]") {
    Context context({.validation = true, .quiet = true});
    std::vector<Buffer> buffers;
    for (int i = 0; i < 200; ++i)
        buffers.emplace_back(context, BufferDesc{4096u + static_cast<VkDeviceSize>(i) * 64,
                                                 VK_BUFFER_USAGE_VERTEX_BUFFER_BIT, MemoryUsage::DeviceLocal, "test"});
    const AllocatorStats stats = context.allocator().stats();
    CHECK(stats.allocationCount == 200);
    CHECK(stats.blockCount == 1);
    // Freed ranges coalesce: after everything is released the block is one free range again,
    // so a buffer as large as the block's used total fits without a new block.
    buffers.clear();
    context.waitIdle();
    CHECK(context.allocator().stats().bytesInUse == 0);
    Buffer big(context, {stats.bytesInUse, VK_BUFFER_USAGE_VERTEX_BUFFER_BIT, MemoryUsage::DeviceLocal, "big"});
    CHECK(context.allocator().stats().blockCount == 1);
    CHECK(context.validationCounts().total() == 0);
}

TEST_CASE("destruction waits for the submission that used the object", "[vk][lifetime]") {
    Context context({.validation = true, .quiet = true});
    bool destroyed = false;
    context.runOnce([](VkCommandBuffer) {});
    const std::uint64_t done = context.lastSubmittedValue();
    context.deletionQueue().noteSubmitted(done + 1);  // as if a later submission were in flight
    context.deletionQueue().retire([&] { destroyed = true; });
    context.collectGarbage();
    CHECK_FALSE(destroyed);                   // the timeline has not reached done + 1
    context.runOnce([](VkCommandBuffer) {});  // signals done + 1
    context.collectGarbage();
    CHECK(destroyed);
    CHECK(context.validationCounts().total() == 0);
}

TEST_CASE("the batched uploader delivers every byte in one submission", "[vk][upload]") {
    Context context({.validation = true, .quiet = true});
    std::vector<std::uint32_t> a(10000);
    std::vector<std::uint32_t> b(333);
    std::iota(a.begin(), a.end(), 7u);
    std::iota(b.begin(), b.end(), 100000u);
    const VkBufferUsageFlags usage = VK_BUFFER_USAGE_TRANSFER_DST_BIT | VK_BUFFER_USAGE_TRANSFER_SRC_BIT;
    Buffer gpuA(context, {a.size() * 4, usage, MemoryUsage::DeviceLocal, "a"});
    Buffer gpuB(context, {b.size() * 4, usage, MemoryUsage::DeviceLocal, "b"});
    Uploader uploader(context);
    uploader.toBuffer(gpuA, 0, a.data(), a.size() * 4);
    uploader.toBuffer(gpuB, 0, b.data(), b.size() * 4);
    const std::uint64_t before = context.lastSubmittedValue();
    uploader.submit();
    CHECK(context.lastSubmittedValue() == before + 1);

    Buffer readback(context,
                    {(a.size() + b.size()) * 4, VK_BUFFER_USAGE_TRANSFER_DST_BIT, MemoryUsage::Readback, "rb"});
    context.runOnce([&](VkCommandBuffer cmd) {
        VkBufferCopy first{0, 0, a.size() * 4};
        VkBufferCopy second{0, a.size() * 4, b.size() * 4};
        vkCmdCopyBuffer(cmd, gpuA.get(), readback.get(), 1, &first);
        vkCmdCopyBuffer(cmd, gpuB.get(), readback.get(), 1, &second);
        memoryBarrier(cmd, VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT, VK_PIPELINE_STAGE_2_HOST_BIT,
                      VK_ACCESS_2_HOST_READ_BIT);
    });
    readback.invalidate(context.device());
    const auto* bytes = static_cast<const std::uint32_t*>(readback.mapped());
    CHECK(std::memcmp(bytes, a.data(), a.size() * 4) == 0);
    CHECK(std::memcmp(bytes + a.size(), b.data(), b.size() * 4) == 0);
    CHECK(context.validationCounts().total() == 0);
}
