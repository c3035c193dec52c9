#version 450
// The draw commands of GPU-driven drawing (engine/render/gpu_culling.h), after the culling pass
// counted each group's visible instances: one invocation per opaque batch. A batch with instances
// to draw writes its command into its run's part of the command buffer (the runs are batches
// drawn with the same state, one vkCmdDrawIndexedIndirectCount each) and counts it there; an
// empty one writes nothing, so a run's draw call goes over only the batches that draw.
layout(local_size_x = 64) in;

struct Batch {
    uint indexCount;
    uint firstIndex;
    int vertexOffset;
    uint group;
    uint run;
    uint runFirst;  // the run's first command
    uint pad0, pad1;
};
struct DrawCommand {  // VkDrawIndexedIndirectCommand
    uint indexCount;
    uint instanceCount;
    uint firstIndex;
    int vertexOffset;
    uint firstInstance;
};
layout(std430, set = 0, binding = 0) readonly buffer Batches { Batch batches[]; };
layout(std430, set = 0, binding = 1) readonly buffer GroupBases { uint groupBases[]; };
layout(std430, set = 0, binding = 2) readonly buffer GroupCounts { uint groupCounts[]; };
layout(std430, set = 0, binding = 3) buffer RunCounts { uint runCounts[]; };
layout(std430, set = 0, binding = 4) writeonly buffer Commands { DrawCommand commands[]; };

layout(push_constant) uniform Draws {
    uint batchCount;
    uint listOffset;  // where this pass's lists start in the visible list
} draws;

void main() {
    uint b = gl_GlobalInvocationID.x;
    if (b >= draws.batchCount) return;
    Batch batch = batches[b];
    uint instances = groupCounts[batch.group];
    if (instances == 0u) return;
    uint slot = batch.runFirst + atomicAdd(runCounts[batch.run], 1u);
    commands[slot] = DrawCommand(batch.indexCount, instances, batch.firstIndex, batch.vertexOffset,
                                 draws.listOffset + groupBases[batch.group]);
}
