# Checks that the shared library exports the C API and nothing else.
# and that these are exactly the functions the header declares.
# Usage: cmake -DLIBRARY=/path/to/libzeren.so -DHEADER=/path/to/zeren.h [-DNM=/path/to/nm]
#              -P check_exports.cmake
cmake_minimum_required(VERSION 3.25)

if(NOT LIBRARY)
  message(FATAL_ERROR "check_exports: pass -DLIBRARY=/path/to/libzeren.so")
endif()
if(NOT EXISTS "${LIBRARY}")
  message(FATAL_ERROR "check_exports: ${LIBRARY} does not exist")
endif()
if(NOT NM)
  find_program(NM NAMES nm REQUIRED)
endif()

execute_process(
  COMMAND "${NM}" -D --defined-only "${LIBRARY}"
  OUTPUT_VARIABLE symbols
  ERROR_VARIABLE nm_errors
  RESULT_VARIABLE nm_result)
if(NOT nm_result EQUAL 0)
  message(FATAL_ERROR "check_exports: ${NM} failed (${nm_result}): ${nm_errors}")
endif()

# Each line is "ADDRESS TYPE NAME"; NAME may carry a version ("zeren_x@@ZEREN_0").
string(REPLACE "\n" ";" lines "${symbols}")
set(exported 0)
set(exported_names "")
set(offenders "")
foreach(line IN LISTS lines)
  if(line STREQUAL "")
    continue()
  endif()
  if(NOT line MATCHES "^[0-9a-fA-F]* *([A-Za-z]) (.+)$")
    list(APPEND offenders "unparsed line: ${line}")
    continue()
  endif()
  set(type "${CMAKE_MATCH_1}")
  string(REGEX REPLACE "@.*$" "" name "${CMAKE_MATCH_2}")
  # The version node itself (ZEREN_0) is an absolute symbol, not code or data.
  if(type STREQUAL "A" AND name MATCHES "^ZEREN_[0-9A-Za-z_.]*$")
    continue()
  endif()
  if(name MATCHES "^zeren_")
    math(EXPR exported "${exported} + 1")
    list(APPEND exported_names "${name}")
  else()
    list(APPEND offenders "${type} ${name}")
  endif()
endforeach()

if(offenders)
  list(LENGTH offenders count)
  list(JOIN offenders "\n  " listing)
  message(FATAL_ERROR
    "check_exports: ${LIBRARY} exports ${count} symbol(s) outside the C API:\n  ${listing}")
endif()
# The header's functions: "ZEREN_EXPORT <type> <name>(".
file(READ "${HEADER}" header)
string(REGEX MATCHALL "ZEREN_EXPORT[^;(]*[ *](zeren_[a-z0-9_]+)\\(" declarations "${header}")
set(declared "")
foreach(declaration IN LISTS declarations)
  string(REGEX MATCH "zeren_[a-z0-9_]+\\($" name "${declaration}")
  string(REGEX REPLACE "\\($" "" name "${name}")
  list(APPEND declared "${name}")
endforeach()
list(SORT declared)
list(SORT exported_names)
set(missing ${declared})
list(REMOVE_ITEM missing ${exported_names})
set(extra ${exported_names})
list(REMOVE_ITEM extra ${declared})
if(missing OR extra)
  message(FATAL_ERROR "check_exports: exports differ from ${HEADER}:\n  declared, not exported: ${missing}\n  exported, not declared: ${extra}")
endif()
# An empty or broken library and header must not pass: the C API has more than 40 functions.
list(LENGTH declared declared_count)
if(declared_count LESS 40)
  message(FATAL_ERROR "check_exports: only ${declared_count} functions found in ${HEADER}")
endif()
message(STATUS "check_exports: ${exported} zeren_ symbols exported, exactly the header's functions")
