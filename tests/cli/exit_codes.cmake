# One table of exit codes for every command (README, "Exit codes"): the same broken file gives
# the same one-line error and exit 2 in every command that reads it; a runtime failure (no such
# Vulkan device) exits 1. Included from tests/cli/CMakeLists.txt; the cases and the files are
# described in tests/data/exit_codes/README.md.
set(CT_EXIT_DATA ${PROJECT_SOURCE_DIR}/tests/data/exit_codes)
set(CT_BROKEN_MODEL_SCENARIO ${CT_EXIT_DATA}/broken_model.json)
set(CT_BROKEN_MODEL_TEXT "truncated.glb: GLB header declares")
set(CT_BROKEN_SCENARIO ${PROJECT_SOURCE_DIR}/tests/data/bad_scenarios/duplicate_id.json)
set(CT_BROKEN_SCENARIO_TEXT "duplicate_id.json: /batteries/0/id: duplicate id 'bldg-01'")
set(CT_MINIMAL_SCENARIO ${PROJECT_SOURCE_DIR}/tests/data/bad_scenarios/minimal_valid.json)
set(CT_BROKEN_TOUR ${CT_EXIT_DATA}/unknown_camera_tour.json)
set(CT_BROKEN_TOUR_TEXT "unknown_camera_tour.json: stops[1].camera: no camera \"moon\"")
set(CT_TELEMETRY_BINDING ${PROJECT_SOURCE_DIR}/tests/data/telemetry/replay_binding.json)
set(CT_TELEMETRY_REPLAY ${PROJECT_SOURCE_DIR}/tests/data/telemetry/replay_out_of_order.csv)

function(ct_exit_code_test name code text)
  add_test(NAME "exit code: ${name}" COMMAND ${CT_EXPECT} ${code} 1 "${text}" -- ${ARGN})
  set_tests_properties("exit code: ${name}" PROPERTIES LABELS "cli;bad-input;exit-codes" ENVIRONMENT "${CT_CLI_ENV}")
endfunction()
# The window's cases need a display (Xvfb) and a Vulkan device, so they stay out of bad-input
# (the sanitized build has no window).
function(ct_exit_code_window_test name code text)
  ct_add_display_test(NAME "exit code: ${name}" LABELS cli exit-codes window
    ENVIRONMENT XDG_CONFIG_HOME=${CMAKE_BINARY_DIR}/test-output/xdg-exit-codes
    COMMAND ${CT_EXPECT} ${code} 1 "${text}" -- ${ARGN})
endfunction()

# A broken model: every command that reads the campus's models.
ct_exit_code_test("view: broken glTF" 2 "${CT_BROKEN_MODEL_TEXT}" ${CT_EXE} view
  ${PROJECT_SOURCE_DIR}/tests/data/bad/truncated.glb --out ${CT_OUT}/never.png)
ct_exit_code_test("render: broken model" 2 "${CT_BROKEN_MODEL_TEXT}" ${CT_EXE} render
  --scenario ${CT_BROKEN_MODEL_SCENARIO} --out ${CT_OUT}/never.png)
ct_exit_code_test("heatmap: broken model" 2 "${CT_BROKEN_MODEL_TEXT}" ${CT_EXE} heatmap
  --scenario ${CT_BROKEN_MODEL_SCENARIO} --backend cpu --out ${CT_OUT}/never.png)
ct_exit_code_test("tour: broken model" 2 "${CT_BROKEN_MODEL_TEXT}" ${CT_EXE} tour
  --scenario ${CT_BROKEN_MODEL_SCENARIO} --tour ${CT_EXIT_DATA}/minimal_tour.json --frames-dir ${CT_OUT}/never)
ct_exit_code_test("export: broken model" 2 "${CT_BROKEN_MODEL_TEXT}" ${CT_EXE} export
  --scenario ${CT_BROKEN_MODEL_SCENARIO} --out ${CT_OUT}/never.glb)
# --telemetry holds it to the window's path: without a window, render refuses --telemetry.
ct_exit_code_window_test("render window: broken model" 2 "${CT_BROKEN_MODEL_TEXT}" ${CT_EXE} render
  --scenario ${CT_BROKEN_MODEL_SCENARIO} --frames 2 --width 320 --height 180
  --telemetry ${CT_TELEMETRY_BINDING} --replay ${CT_TELEMETRY_REPLAY})

# A broken scenario: every command that reads one.
ct_exit_code_test("simulate: broken scenario" 2 "${CT_BROKEN_SCENARIO_TEXT}" ${CT_EXE} simulate
  --scenario ${CT_BROKEN_SCENARIO} --hours 1)
ct_exit_code_test("plan: broken scenario" 2 "${CT_BROKEN_SCENARIO_TEXT}" ${CT_EXE} plan
  --scenario ${CT_BROKEN_SCENARIO})
ct_exit_code_test("render: broken scenario" 2 "${CT_BROKEN_SCENARIO_TEXT}" ${CT_EXE} render
  --scenario ${CT_BROKEN_SCENARIO} --out ${CT_OUT}/never.png)
ct_exit_code_test("heatmap: broken scenario" 2 "${CT_BROKEN_SCENARIO_TEXT}" ${CT_EXE} heatmap
  --scenario ${CT_BROKEN_SCENARIO} --out ${CT_OUT}/never.png)
ct_exit_code_test("tour: broken scenario" 2 "${CT_BROKEN_SCENARIO_TEXT}" ${CT_EXE} tour
  --scenario ${CT_BROKEN_SCENARIO} --tour ${CT_EXIT_DATA}/minimal_tour.json --frames-dir ${CT_OUT}/never)
ct_exit_code_test("publish: broken scenario" 2 "${CT_BROKEN_SCENARIO_TEXT}" ${CT_EXE} publish
  --scenario ${CT_BROKEN_SCENARIO} --broker 127.0.0.1:1)
ct_exit_code_test("monitor: broken scenario" 2 "${CT_BROKEN_SCENARIO_TEXT}" ${CT_EXE} monitor
  --scenario ${CT_BROKEN_SCENARIO} --telemetry ${CT_TELEMETRY_BINDING} --replay ${CT_TELEMETRY_REPLAY})
ct_exit_code_test("export: broken scenario" 2 "${CT_BROKEN_SCENARIO_TEXT}" ${CT_EXE} export
  --scenario ${CT_BROKEN_SCENARIO} --out ${CT_OUT}/never.glb)
ct_exit_code_window_test("render window: broken scenario" 2 "${CT_BROKEN_SCENARIO_TEXT}" ${CT_EXE} render
  --scenario ${CT_BROKEN_SCENARIO} --frames 2 --width 320 --height 180)

# A broken tour: the tour command and the window.
ct_exit_code_test("tour: broken tour" 2 "${CT_BROKEN_TOUR_TEXT}" ${CT_EXE} tour
  --scenario ${CT_MINIMAL_SCENARIO} --tour ${CT_BROKEN_TOUR} --frames-dir ${CT_OUT}/never)
ct_exit_code_window_test("render window: broken tour" 2 "${CT_BROKEN_TOUR_TEXT}" ${CT_EXE} render
  --scenario ${CT_MINIMAL_SCENARIO} --tour ${CT_BROKEN_TOUR} --frames 2 --width 320 --height 180)

# A usage error in every command: an unknown option after the required ones.
set(CT_REQUIRED_view ${CT_DATA}/lit_cube.gltf)
set(CT_REQUIRED_render --scenario ${CT_SCENARIO})
set(CT_REQUIRED_simulate --scenario ${CT_SCENARIO})
set(CT_REQUIRED_heatmap --scenario ${CT_SCENARIO} --out ${CT_OUT}/never.png)
set(CT_REQUIRED_plan --scenario ${CT_SCENARIO})
set(CT_REQUIRED_tour --scenario ${CT_SCENARIO} --tour ${PROJECT_SOURCE_DIR}/scenarios/abilene_tour.json)
set(CT_REQUIRED_publish --scenario ${CT_SCENARIO} --broker 127.0.0.1:1)
set(CT_REQUIRED_monitor --scenario ${CT_SCENARIO} --telemetry ${CT_TELEMETRY_BINDING})
set(CT_REQUIRED_export --scenario ${CT_SCENARIO} --out ${CT_OUT}/never.glb)
foreach(command view render simulate heatmap plan tour publish monitor export)
  ct_exit_code_test("${command}: unknown option" 2 "not expected: --no-such-option" ${CT_EXE} ${command}
    ${CT_REQUIRED_${command}} --no-such-option)
endforeach()

# A runtime failure, not bad input: a Vulkan device that is not there, in every Vulkan command.
function(ct_exit_code_runtime_test name)
  add_test(NAME "exit code: ${name}" COMMAND ${CT_EXPECT} 1 any "--device 42" -- ${ARGN})
  set_tests_properties("exit code: ${name}" PROPERTIES LABELS "cli;exit-codes" ENVIRONMENT "${CT_CLI_ENV}")
endfunction()
ct_exit_code_runtime_test("render: no such device" ${CT_EXE} --device 42 render --scenario ${CT_SCENARIO} --phase 1
  --out ${CT_OUT}/never.png)
ct_exit_code_runtime_test("heatmap: no such device" ${CT_EXE} --device 42 heatmap --scenario ${CT_SCENARIO} --phase 1
  --out ${CT_OUT}/never.png)
ct_exit_code_runtime_test("tour: no such device" ${CT_EXE} --device 42 tour --scenario ${CT_SCENARIO}
  --tour ${PROJECT_SOURCE_DIR}/scenarios/abilene_tour.json --max-seconds 0.1 --frames-dir ${CT_OUT}/never)

# Inputs that could be made huge are refused at a size limit (docs/limits.md), in one line:
# /dev/zero never ends, and a folder is not a file.
ct_exit_code_test("simulate: endless scenario" 2 "zero: larger than 16 MiB, the limit for a scenario file" ${CT_EXE}
  simulate --scenario /dev/zero)
ct_exit_code_test("simulate: scenario is a folder" 2 "is a folder, not a scenario file" ${CT_EXE} simulate
  --scenario ${CT_DATA})
ct_exit_code_test("tour: endless tour" 2 "zero: larger than 1 MiB, the limit for a tour file" ${CT_EXE} tour
  --scenario ${CT_SCENARIO} --tour /dev/zero --frames-dir ${CT_OUT}/never)
ct_exit_code_test("monitor: endless binding" 2 "zero: larger than 4 MiB, the limit for a binding file" ${CT_EXE}
  monitor --scenario ${CT_SCENARIO} --telemetry /dev/zero --replay ${CT_TELEMETRY_REPLAY})
ct_exit_code_test("simulate: endless weather" 2 "zero: larger than 256 MiB, the limit for a weather file" ${CT_EXE}
  simulate --scenario ${CT_SCENARIO} --weather /dev/zero)
ct_exit_code_test("monitor: endless replay" 2 "zero: larger than 256 MiB, the limit for a telemetry file" ${CT_EXE}
  monitor --scenario ${CT_SCENARIO} --telemetry ${CT_TELEMETRY_BINDING} --replay /dev/zero)
ct_exit_code_test("view: endless glTF" 2 "/dev/zero:" ${CT_EXE} view /dev/zero --out ${CT_OUT}/never.png)

# Inputs the fuzzers broke, kept as regression cases (fuzz/README.md).
ct_exit_code_test("tour: a phase too large for an int" 2 "huge_phase.json: stops[9].phase: the scenario has phases 1..4"
  ${CT_EXE} tour --scenario ${CT_SCENARIO} --tour ${PROJECT_SOURCE_DIR}/fuzz/regressions/tour/huge_phase.json
  --frames-dir ${CT_OUT}/never)
