// A frame as an ordered list of passes. Each pass declares the images it uses and how; the graph
// records, before each pass, the synchronization2 barriers those declarations need (layout
// transitions, write-after-read and read-after-write dependencies, all batched into one
// vkCmdPipelineBarrier2 per pass) and wraps the pass in a debug label and GPU timestamps
// (PassTimer). A new pass is added here with its declarations, not written into one growing
// function with hand-made barriers.
//
//   FrameGraph graph(timer);
//   graph.addPass("shadow", {{shadowMap, shadowState, ImageAccess::DepthAttachment, .discard = true}}, recordShadow);
//   graph.addPass("main", {{color, colorState, ImageAccess::ColorAttachment, .discard = true},
//                          {shadowMap, shadowState, ImageAccess::SampledInFragment}}, recordMain);
//   graph.leave(color, colorState, ImageAccess::TransferSource);  // for the copy after the frame
//   graph.execute(cmd);
#pragma once

#include "render/pass_timer.h"
#include "vk/resources.h"

#include <functional>
#include <string>
#include <vector>

namespace ct::render {

enum class ImageAccess {
    ColorAttachment,    // drawn into (read and written)
    DepthAttachment,    // depth tested and written
    SampledInFragment,  // read through a sampler by fragment shaders
    SampledInCompute,   // read through a sampler by compute shaders
    DepthResolve,       // written by a multisampled pass's depth resolve
    TransferSource,     // copied or blitted from
    ComputeWrite,       // written by a compute shader as a storage image
};

// Where an image was left: kept by its owner across frames (frames are submitted in order on
// one queue, so the state at recording is the state the previous frame left). A new image
// starts undefined.
struct ImageState {
    VkImageLayout layout = VK_IMAGE_LAYOUT_UNDEFINED;
    VkPipelineStageFlags2 stages = VK_PIPELINE_STAGE_2_NONE;
    VkAccessFlags2 access = VK_ACCESS_2_NONE;
};

struct ImageUse {
    const vk::Image* image = nullptr;
    ImageState* state = nullptr;
    ImageAccess access = ImageAccess::SampledInFragment;
    bool discard = false;  // the pass overwrites all of it (a clear): what was there is not kept
};

class FrameGraph {
public:
    explicit FrameGraph(PassTimer& timer) : timer_(timer) {}

    void addPass(std::string name, std::vector<ImageUse> images, std::function<void(VkCommandBuffer)> record);
    // After the last pass: leave `image` ready for a use outside the graph (a copy, a blit).
    void leave(const vk::Image& image, ImageState& state, ImageAccess access);

    // Records the passes in order, each after its barriers; returns how many image barriers it
    // recorded (a read after a read in the same layout needs none).
    int execute(VkCommandBuffer cmd);

private:
    struct Pass {
        std::string name;
        std::vector<ImageUse> images;
        std::function<void(VkCommandBuffer)> record;
    };
    int barriers(VkCommandBuffer cmd, const std::vector<ImageUse>& images);

    PassTimer& timer_;
    std::vector<Pass> passes_;
    std::vector<ImageUse> leave_;
};

}  // namespace ct::render
