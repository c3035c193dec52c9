# Runs the same simulation twice (and once with another seed) and compares the bytes.
foreach(run a b)
  execute_process(COMMAND ${EXE} simulate --scenario ${SCENARIO} --start 2026-07-15T00:00 --hours 6 --step 10
                          --phase 4 --seed 42 --out ${OUT}/determinism_${run}.csv RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "simulate failed: ${result}")
  endif()
endforeach()
execute_process(COMMAND ${EXE} simulate --scenario ${SCENARIO} --start 2026-07-15T00:00 --hours 6 --step 10
                        --phase 4 --seed 43 --out ${OUT}/determinism_c.csv RESULT_VARIABLE result)
file(SHA256 ${OUT}/determinism_a.csv a)
file(SHA256 ${OUT}/determinism_b.csv b)
file(SHA256 ${OUT}/determinism_c.csv c)
if(NOT a STREQUAL b)
  message(FATAL_ERROR "two runs with seed 42 wrote different bytes")
endif()
if(a STREQUAL c)
  message(FATAL_ERROR "seeds 42 and 43 wrote the same bytes: the seed is ignored")
endif()
