# The include rules of docs/ARCHITECTURE.md, checked on the sources: each layer includes only
# what lies below it. Run as
#   cmake -DROOT=<source tree> -P include_rules.cmake
# and it fails (naming the file, the line and the rule) when a file includes a header of a layer
# above it, or a library it may not use.
#
#   twin/    plain C++: no Vulkan, GLFW or ImGui, nothing of engine/, ui/, campus/ or app/
#   engine/  no twin/, ui/, campus/ or app/, no ImGui
#   ui/      no campus/ or app/
#   campus/  no app/ (the command line and the commands)
#   app/     a command includes no other command
cmake_minimum_required(VERSION 3.25)
if(NOT ROOT)
  message(FATAL_ERROR "give -DROOT=<source tree>")
endif()

set(engine_headers "render/|vk/|scene/|window/|compute/")
set(app_headers "command_line\\.h|[a-z_]+_command\\.h")
set(gpu_libraries "vulkan/|GLFW/|imgui")
set(violations "")
# Every header or source under `folder` whose include matches `pattern` (a regular expression on
# the text between the quotes or brackets) is a violation, explained by `why`.
function(forbid folder pattern why)
  file(GLOB_RECURSE sources "${ROOT}/${folder}/*.h" "${ROOT}/${folder}/*.cpp")
  foreach(source IN LISTS sources)
    file(STRINGS "${source}" lines REGEX "^[ \t]*#[ \t]*include")
    foreach(line IN LISTS lines)
      if(NOT line MATCHES "#[ \t]*include[ \t]*[<\"]([^>\"]+)[>\"]")
        continue()
      endif()
      set(included "${CMAKE_MATCH_1}")
      if(included MATCHES "${pattern}")
        file(RELATIVE_PATH shown "${ROOT}" "${source}")
        list(APPEND violations "${shown}: includes ${included}: ${why}")
      endif()
    endforeach()
  endforeach()
  set(violations "${violations}" PARENT_SCOPE)
endfunction()

forbid(twin "^(${gpu_libraries}|${engine_headers}|ui/|campus/|${app_headers})" "twin is plain C++ below everything")
forbid(engine "^(imgui|twin/|ui/|campus/|${app_headers})" "engine knows nothing of the twin, the UI or the campus")
forbid(ui "^(campus/|${app_headers})" "ui reads twin state, the campus composes it")
forbid(campus "^(${app_headers})" "the campus library is called by the commands, never the other way")

# A command includes its own header and the libraries, never another command.
file(GLOB commands "${ROOT}/app/*_command.cpp" "${ROOT}/app/*_command.h")
foreach(source IN LISTS commands)
  get_filename_component(own "${source}" NAME_WE)
  file(STRINGS "${source}" lines REGEX "^[ \t]*#[ \t]*include")
  foreach(line IN LISTS lines)
    if(line MATCHES "#[ \t]*include[ \t]*\"([a-z_]+_command)\\.h\"" AND NOT CMAKE_MATCH_1 STREQUAL own)
      file(RELATIVE_PATH shown "${ROOT}" "${source}")
      list(APPEND violations "${shown}: includes ${CMAKE_MATCH_1}.h: no command includes another command")
    endif()
  endforeach()
endforeach()

if(violations)
  # One plain line each (a FATAL_ERROR message would be re-wrapped).
  foreach(violation IN LISTS violations)
    message("${violation}")
  endforeach()
  list(LENGTH violations count)
  message(FATAL_ERROR "${count} include rules broken (docs/ARCHITECTURE.md)")
endif()
message(STATUS "include rules hold under ${ROOT}")
