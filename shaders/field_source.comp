#version 450
// Pass 1 of a field step: heat sources and relaxation to ambient, integrated exactly over dt
// for a constant rate q: theta = theta decay + q gain.
layout(local_size_x = 16, local_size_y = 16) in;

layout(set = 0, binding = 0) readonly buffer Source { float source[]; };
layout(set = 0, binding = 1) writeonly buffer Destination { float destination[]; };
layout(set = 0, binding = 2) readonly buffer Rate { float rate[]; };  // q, K/s per cell

layout(push_constant) uniform Push {
    ivec2 size;  // nx, nz
    float decay;
    float gain;  // s
} push;

void main() {
    const ivec2 cell = ivec2(gl_GlobalInvocationID.xy);
    if (cell.x >= push.size.x || cell.y >= push.size.y) return;
    const int index = cell.y * push.size.x + cell.x;
    destination[index] = source[index] * push.decay + rate[index] * push.gain;
}
