# Installs the build into PREFIX and renders SCENE with the installed binary.
file(REMOVE_RECURSE ${PREFIX})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${PREFIX} --component Unspecified
                RESULT_VARIABLE result OUTPUT_QUIET)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "cmake --install failed: ${result}")
endif()
file(REMOVE ${OUT})
execute_process(COMMAND ${PREFIX}/bin/campus-twin --validate view ${SCENE} --width 64 --height 64 --out ${OUT}
                RESULT_VARIABLE result)
if(NOT result EQUAL 0 OR NOT EXISTS ${OUT})
  message(FATAL_ERROR "the installed campus-twin failed (${result}) or wrote no ${OUT}")
endif()
