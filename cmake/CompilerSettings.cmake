# Project-wide warning and sanitizer flags, applied through one interface target so third-party
# code (tinygltf, imgui backends) is not held to them.
add_library(ct_compile_options INTERFACE)
# Vulkan create-infos are written `T info{sType}` on purpose: the rest is zero-initialised.
target_compile_options(ct_compile_options INTERFACE -Wall -Wextra -Wpedantic -Wno-missing-field-initializers)
if(CT_WARNINGS_AS_ERRORS)
  target_compile_options(ct_compile_options INTERFACE -Werror)
endif()
if(CT_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()

find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM)
  # base_dir: paths under the checkout are hashed relative to it, so a fresh clone elsewhere (CI)
  # reuses what this one compiled.
  set(CMAKE_CXX_COMPILER_LAUNCHER ${CMAKE_COMMAND} -E env CCACHE_BASEDIR=${PROJECT_SOURCE_DIR} ${CCACHE_PROGRAM})
endif()
find_program(MOLD_PROGRAM mold)
if(MOLD_PROGRAM)
  add_link_options(-fuse-ld=mold)
endif()
