# Runs the Khronos glTF validator (tools/gltf-validate/validate.js) over every .gltf in
# MODEL_DIR, so a newly generated model is checked without reconfiguring.
#   cmake -DNODE=node -DPACKAGE_DIR=tools/gltf-validate -DMODEL_DIR=assets/campus -P run_validator.cmake
if(NOT EXISTS "${PACKAGE_DIR}/node_modules/gltf-validator")
  message(FATAL_ERROR "gltf-validator is not installed: run `npm ci --prefix ${PACKAGE_DIR}` "
                      "(the `assets: install gltf-validator` test does this)")
endif()
file(GLOB models "${MODEL_DIR}/*.gltf")
if(NOT models)
  message(FATAL_ERROR "no .gltf files in ${MODEL_DIR}")
endif()
execute_process(COMMAND "${NODE}" "${PACKAGE_DIR}/validate.js" ${models} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the glTF validator reported errors (exit ${rc}); see the lines above")
endif()
