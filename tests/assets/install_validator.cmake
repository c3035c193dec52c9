# Test fixture: installs the pinned gltf-validator into PACKAGE_DIR/node_modules with `npm ci`
# (exactly what package-lock.json names), unless the installed copy is already up to date.
#   cmake -DNPM=npm -DPACKAGE_DIR=tools/gltf-validate -P install_validator.cmake
set(marker "${PACKAGE_DIR}/node_modules/.package-lock.json")  # npm rewrites it on every install
if(EXISTS "${PACKAGE_DIR}/node_modules/gltf-validator/package.json" AND EXISTS "${marker}"
   AND NOT "${PACKAGE_DIR}/package-lock.json" IS_NEWER_THAN "${marker}")
  message(STATUS "gltf-validator is installed and matches package-lock.json")
  return()
endif()
execute_process(COMMAND "${NPM}" ci --no-audit --no-fund
  WORKING_DIRECTORY "${PACKAGE_DIR}" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "`npm ci` in ${PACKAGE_DIR} failed (${rc}); it needs the npm registry, "
                      "or install node_modules there by hand")
endif()
