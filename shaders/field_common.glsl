// Shared by the campus air-field compute shaders (engine/compute/advection_diffusion_solver):
// the field is nx * nz floats, index = j * nx + i, and reads outside the grid give 0 (ambient
// air), exactly as twin/heat_field.h states for the CPU reference.
#ifndef CT_FIELD_COMMON_GLSL
#define CT_FIELD_COMMON_GLSL

bool fieldInside(ivec2 cell, ivec2 size) {
    return cell.x >= 0 && cell.y >= 0 && cell.x < size.x && cell.y < size.y;
}

// Bilinear interpolation from the four cells base, base + (1, 0), base + (0, 1), base + (1, 1)
// with weights (w00, w10, w01, w11), summed in that order as the CPU reference does.
#define FIELD_BILINEAR(values, size, base, weights, result)                                          \
    {                                                                                                \
        const float v00 = fieldInside(base, size) ? values[base.y * size.x + base.x] : 0.0;          \
        const float v10 = fieldInside(base + ivec2(1, 0), size) ? values[base.y * size.x + base.x + 1] : 0.0; \
        const float v01 = fieldInside(base + ivec2(0, 1), size) ? values[(base.y + 1) * size.x + base.x] : 0.0; \
        const float v11 = fieldInside(base + ivec2(1, 1), size) ? values[(base.y + 1) * size.x + base.x + 1] : 0.0; \
        result = weights.x * v00 + weights.y * v10 + weights.z * v01 + weights.w * v11;              \
    }

#endif
