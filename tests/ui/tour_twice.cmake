# Renders the first seconds of the shipped tour to PNG frames twice, into two folders, and fails
# unless both runs wrote the same frames byte for byte: the same count (fps x seconds) and every
# file equal. Anything in a frame that depends on the wall clock, the run or a thread's timing
# (not the tour's own time) shows up here.
#   cmake -DEXE=campus-twin -DSCENARIO=abilene.json -DTOUR=abilene_tour.json -DOUT=dir -P tour_twice.cmake
set(fps 2)
set(seconds 6)
math(EXPR expected "${fps} * ${seconds}")
foreach(run a b)
  set(dir ${OUT}/tour_twice_${run})
  file(REMOVE_RECURSE ${dir})
  execute_process(COMMAND ${EXE} --validate tour --scenario ${SCENARIO} --tour ${TOUR} --frames-dir ${dir}
                          --width 160 --height 96 --fps ${fps} --max-seconds ${seconds}
                  RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "tour run ${run} failed: ${result}")
  endif()
  file(GLOB frames_${run} RELATIVE ${dir} ${dir}/*.png)
  list(SORT frames_${run})
  list(LENGTH frames_${run} count_${run})
endforeach()
if(NOT count_a EQUAL expected)
  message(FATAL_ERROR "the first run wrote ${count_a} frames, expected ${expected}")
endif()
if(NOT frames_a STREQUAL frames_b)
  message(FATAL_ERROR "the two runs wrote different frames: ${count_a} (${frames_a}) and ${count_b} (${frames_b})")
endif()
set(differing "")
foreach(frame IN LISTS frames_a)
  file(SHA256 ${OUT}/tour_twice_a/${frame} a)
  file(SHA256 ${OUT}/tour_twice_b/${frame} b)
  if(NOT a STREQUAL b)
    list(APPEND differing ${frame})
  endif()
endforeach()
if(differing)
  message(FATAL_ERROR "two runs of the same tour wrote different bytes in: ${differing} "
                      "(see ${OUT}/tour_twice_a and ${OUT}/tour_twice_b)")
endif()
message(STATUS "tour: ${count_a} frames, byte-identical in both runs")
