// The material set (set 1), shared by the mesh shader and the alpha-masked shadow shader.
#ifndef CT_MATERIAL_GLSL
#define CT_MATERIAL_GLSL

layout(set = 1, binding = 0) uniform MaterialUniforms {
    vec4 baseColorFactor;
    vec4 emissive;        // rgb: factor times strength
    vec4 factors;         // x: metallic, y: roughness, z: normal scale, w: occlusion strength
    vec4 alpha;           // x: cutoff
    uvec4 texCoords;      // texcoord set of base colour, metallic-roughness, normal, occlusion
    uvec4 texCoordsMore;  // x: emissive, y: procedural surface (0 none, 1 grassland, 2 solar rows, 3 precast, 4 asphalt;
                          // scene::ProceduralSurface; the pipeline is chosen by it: mesh.frag's kSurface),
                          // z: emissive only while the site's lights are on (1)
    vec4 procedural;      // scene::Material::proceduralParams
} material;

layout(set = 1, binding = 1) uniform sampler2D baseColorTexture;
layout(set = 1, binding = 2) uniform sampler2D metallicRoughnessTexture;
layout(set = 1, binding = 3) uniform sampler2D normalTexture;
layout(set = 1, binding = 4) uniform sampler2D occlusionTexture;
layout(set = 1, binding = 5) uniform sampler2D emissiveTexture;

#endif
