// Shared by the campus air-field compute shaders (engine/compute/advection_diffusion_solver):
// the field is nx * nz floats, index = j * nx + i, and reads outside the grid give 0 (ambient
// air), exactly as twin/heat_field.h states for the CPU reference.
#ifndef CT_FIELD_COMMON_GLSL
#define CT_FIELD_COMMON_GLSL

bool fieldInside(ivec2 cell, ivec2 size) {
    return cell.x >= 0 && cell.y >= 0 && cell.x < size.x && cell.y < size.y;
}

// Bilinear weights of the four cells around base + fraction, in the CPU's order:
// (1 - fx)(1 - fz) v00 + fx (1 - fz) v10 + (1 - fx) fz v01 + fx fz v11.
#define FIELD_BILINEAR(values, size, base, fraction, result)                                       \
    {                                                                                              \
        float v00 = fieldInside(base, size) ? values[base.y * size.x + base.x] : 0.0;              \
        float v10 = fieldInside(base + ivec2(1, 0), size) ? values[base.y * size.x + base.x + 1] : 0.0; \
        float v01 = fieldInside(base + ivec2(0, 1), size) ? values[(base.y + 1) * size.x + base.x] : 0.0; \
        float v11 = fieldInside(base + ivec2(1, 1), size) ? values[(base.y + 1) * size.x + base.x + 1] : 0.0; \
        result = (1.0 - fraction.x) * (1.0 - fraction.y) * v00 + fraction.x * (1.0 - fraction.y) * v10 + \
                 (1.0 - fraction.x) * fraction.y * v01 + fraction.x * fraction.y * v11;            \
    }

#endif
