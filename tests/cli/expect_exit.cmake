# Runs a command and checks its exit code and output exactly.
#
#   cmake -DCOMMAND=prog;arg;... -DEXPECT=N [-DMATCH=regex[;regex...]] [-DNO_MATCH=regex[;...]]
#         -P expect_exit.cmake
#
# COMMAND is a `;`-separated list: the program and its arguments. stdout and stderr are
# captured together, in the order written. The script fails (exits non-zero) unless the
# command's exit code equals EXPECT, the output matches every regex of MATCH and none of
# NO_MATCH. A regex may use `^` and `$` for the start and end of the whole output, with
# trailing white space removed.
cmake_minimum_required(VERSION 3.25)

if(NOT DEFINED COMMAND OR "${COMMAND}" STREQUAL "")
  message(FATAL_ERROR "expect_exit: COMMAND is required")
endif()
if(NOT DEFINED EXPECT OR NOT "${EXPECT}" MATCHES "^[0-9]+$")
  message(FATAL_ERROR "expect_exit: EXPECT must be an exit code, got \"${EXPECT}\"")
endif()

execute_process(
  COMMAND ${COMMAND}
  RESULT_VARIABLE code
  OUTPUT_VARIABLE output
  ERROR_VARIABLE output)
string(REGEX REPLACE "[ \t\r\n]+$" "" output "${output}")

set(failures "")
if(NOT "${code}" STREQUAL "${EXPECT}")
  string(APPEND failures "  exit code: expected ${EXPECT}, got ${code}\n")
endif()
foreach(regex IN LISTS MATCH)
  if(NOT "${output}" MATCHES "${regex}")
    string(APPEND failures "  output does not match: ${regex}\n")
  endif()
endforeach()
foreach(regex IN LISTS NO_MATCH)
  if("${output}" MATCHES "${regex}")
    string(APPEND failures "  output must not match: ${regex}\n")
  endif()
endforeach()

string(REPLACE ";" " " shown "${COMMAND}")
if(NOT failures STREQUAL "")
  message(FATAL_ERROR "expect_exit: ${shown}\n${failures}--- output ---\n${output}\n--------------")
endif()
message(STATUS "ok (exit ${code}): ${shown}")
