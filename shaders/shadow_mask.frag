#version 450
// Alpha-masked casters: a texel below the cutoff casts no shadow, as it draws nothing.
#include "common.glsl"
#include "material.glsl"

layout(location = 0) in vec4 inUv;
layout(location = 1) in vec4 inColor;

void main() {
    vec2 uv = material.texCoords.x == 0u ? inUv.xy : inUv.zw;
    float alpha = material.baseColorFactor.a * inColor.a * texture(baseColorTexture, uv).a;
    if (alpha < material.alpha.x) discard;
}
