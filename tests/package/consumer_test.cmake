# Installs the build into a temporary prefix and builds examples/c against it twice, with
# find_package and with pkg-config, then runs both programs on the demo organization; then a
# C++ program against zeren::static (the static library and its link dependencies).
#   cmake -DBUILD_DIR=... -DSOURCE_DIR=... -DWORK_DIR=... -DC_COMPILER=... -P consumer_test.cmake
function(run)
  cmake_parse_arguments(R "" "OUTPUT" "COMMAND" ${ARGN})
  execute_process(COMMAND ${R_COMMAND} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "failed (${code}): ${R_COMMAND}\n${out}\n${err}")
  endif()
  if(R_OUTPUT)
    set(${R_OUTPUT} "${out}" PARENT_SCOPE)
  endif()
endfunction()

function(expect_chain output how)
  if(NOT output MATCHES "the secretary post of [^\n]*\\(d11\\) is vacant on 2025-06-30")
    message(FATAL_ERROR "${how}: unexpected output:\n${output}")
  endif()
  message(STATUS "${how}: ok")
endfunction()

file(REMOVE_RECURSE ${WORK_DIR})
set(prefix ${WORK_DIR}/prefix)
set(demo ${SOURCE_DIR}/examples/data/organ.json)
run(COMMAND ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix})

# 1. find_package(zeren) -> zeren::zeren
run(COMMAND ${CMAKE_COMMAND} -S ${SOURCE_DIR}/examples/c -B ${WORK_DIR}/with-cmake -G Ninja
            -DCMAKE_C_COMPILER=${C_COMPILER} -DCMAKE_PREFIX_PATH=${prefix})
run(COMMAND ${CMAKE_COMMAND} --build ${WORK_DIR}/with-cmake)
run(COMMAND ${WORK_DIR}/with-cmake/chain ${demo} d11 2025-06-30 OUTPUT out)
expect_chain("${out}" "find_package")

# 2. pkg-config, from the .pc file's own place (the prefix is relocatable)
file(GLOB pc_file ${prefix}/*/pkgconfig/zeren.pc ${prefix}/*/*/pkgconfig/zeren.pc)
get_filename_component(pc_dir ${pc_file} DIRECTORY)
run(COMMAND ${CMAKE_COMMAND} -E env PKG_CONFIG_PATH=${pc_dir} pkg-config --cflags --libs zeren OUTPUT flags)
string(STRIP "${flags}" flags)
separate_arguments(flags UNIX_COMMAND "${flags}")
run(COMMAND ${C_COMPILER} -std=c99 -Wall -Werror ${SOURCE_DIR}/examples/c/chain.c ${flags}
            -o ${WORK_DIR}/chain-pkg-config)
get_filename_component(libdir ${pc_dir} DIRECTORY)
run(COMMAND ${CMAKE_COMMAND} -E env LD_LIBRARY_PATH=${libdir}
            ${WORK_DIR}/chain-pkg-config ${demo} d11 2025-06-30 OUTPUT out)
expect_chain("${out}" "pkg-config")

# 3. find_package(zeren) -> zeren::static, the C++ library, from C++
run(COMMAND ${CMAKE_COMMAND} -S ${SOURCE_DIR}/tests/package/static_consumer
            -B ${WORK_DIR}/static-consumer -G Ninja -DCMAKE_PREFIX_PATH=${prefix})
run(COMMAND ${CMAKE_COMMAND} --build ${WORK_DIR}/static-consumer)
run(COMMAND ${WORK_DIR}/static-consumer/archive_round_trip ${demo} ${WORK_DIR}/organ.zrn
    OUTPUT out)
if(NOT out MATCHES "^units [1-9][0-9]* snapshot [1-9][0-9]* same-json yes\n$")
  message(FATAL_ERROR "zeren::static: unexpected output:\n${out}")
endif()
message(STATUS "zeren::static: ok")
