# Compares libzeren.so's ABI with the committed baseline for its SOVERSION and fails on an
# incompatible change (a removed function, a changed signature or struct layout). Additions
# pass: within a major version the C ABI only grows (VERSIONING.md).
#   cmake -DLIBRARY=... -DHEADERS=<capi dir> -DBASELINE_DIR=<capi/abi> -DSOVERSION=N
#         -DWORK_DIR=... -P abi_check.cmake
set(baseline ${BASELINE_DIR}/libzeren.so.${SOVERSION}.abi)
if(NOT EXISTS ${baseline})
  message(FATAL_ERROR "no ABI baseline for SOVERSION ${SOVERSION} (${baseline}): "
                      "run `tools/dev abi-baseline` and commit it")
endif()
file(MAKE_DIRECTORY ${WORK_DIR})
set(current ${WORK_DIR}/current.abi)
execute_process(COMMAND abidw --headers-dir ${HEADERS} --exported-interfaces-only --drop-private-types
                        --no-corpus-path --no-comp-dir-path
                        --short-locs --out-file ${current} ${LIBRARY}
                RESULT_VARIABLE code ERROR_VARIABLE err)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "abidw failed (${code}): ${err}")
endif()
execute_process(COMMAND abidiff --no-show-locs ${baseline} ${current}
                RESULT_VARIABLE code OUTPUT_VARIABLE report ERROR_VARIABLE err)
# abidiff's status is a bit set: 1 error, 2 usage error, 4 ABI change, 8 incompatible change.
math(EXPR failed "${code} & 3")
math(EXPR incompatible "${code} & 8")
math(EXPR changed "${code} & 4")
if(failed)
  message(FATAL_ERROR "abidiff failed (${code}): ${err}")
elseif(incompatible)
  message(FATAL_ERROR "incompatible ABI change against ${baseline}: bump ZEREN_SOVERSION in "
                      "CMakeLists.txt and make a new baseline (tools/dev abi-baseline)\n${report}")
elseif(changed)
  message(STATUS "compatible ABI additions (refresh the baseline with tools/dev abi-baseline):\n${report}")
else()
  message(STATUS "ABI unchanged against ${baseline}")
endif()
