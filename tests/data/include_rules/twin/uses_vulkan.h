// A twin header reaching for the GPU: include_rules.cmake must refuse it.
#pragma once
#include <vulkan/vulkan.h>
