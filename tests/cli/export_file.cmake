# Runs `zeren export ... -o OUT` and checks the file it writes.
#
#   cmake -DZEREN=path -DARGS=arg;... -DOUT=file [-DDOT_ACCEPTS=1] [-DSVG_TEXTS=regex;...]
#         [-DPNG=1] [-DMATCH=regex;...] -P export_file.cmake
#
# The export must exit 0. MATCH: regexes the file's text must match. DOT_ACCEPTS: Graphviz
# `dot -Tsvg` must accept the file. SVG_TEXTS: the file must be well-formed XML (parsed with
# Python) whose <text> elements, one per line, match every regex. PNG: the file starts with
# the PNG signature. When the check needs Graphviz and it is missing, prints
# "SKIPPED: Graphviz `dot` is not installed" (the test's SKIP_REGULAR_EXPRESSION).
cmake_minimum_required(VERSION 3.25)

if(DOT_ACCEPTS OR SVG_TEXTS OR PNG)
  find_program(DOT_PROGRAM dot)
  if(NOT DOT_PROGRAM)
    message(STATUS "SKIPPED: Graphviz `dot` is not installed")
    return()
  endif()
endif()

file(REMOVE ${OUT})
execute_process(COMMAND ${ZEREN} ${ARGS} -o ${OUT}
  RESULT_VARIABLE code OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "zeren ${ARGS} -o ${OUT}: exit ${code}\n${output}")
endif()

if(MATCH)
  file(READ ${OUT} text)
  foreach(regex IN LISTS MATCH)
    if(NOT text MATCHES "${regex}")
      message(FATAL_ERROR "${OUT} does not match: ${regex}")
    endif()
  endforeach()
endif()

if(DOT_ACCEPTS)
  execute_process(COMMAND ${DOT_PROGRAM} -Tsvg ${OUT}
    RESULT_VARIABLE code OUTPUT_VARIABLE svg ERROR_VARIABLE errors)
  if(NOT code EQUAL 0 OR NOT errors STREQUAL "" OR NOT svg MATCHES "<svg ")
    message(FATAL_ERROR "dot -Tsvg ${OUT}: exit ${code}\n${errors}")
  endif()
endif()

if(SVG_TEXTS)
  find_program(PYTHON python3 REQUIRED)
  execute_process(COMMAND ${PYTHON} -c [=[
import sys
import xml.etree.ElementTree as tree
root = tree.parse(sys.argv[1]).getroot()
assert root.tag == "{http://www.w3.org/2000/svg}svg", root.tag
for text in root.iter("{http://www.w3.org/2000/svg}text"):
    print(text.text)
]=] ${OUT}
    RESULT_VARIABLE code OUTPUT_VARIABLE texts ERROR_VARIABLE errors)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "${OUT} is not well-formed SVG: ${errors}")
  endif()
  foreach(regex IN LISTS SVG_TEXTS)
    if(NOT texts MATCHES "${regex}")
      message(FATAL_ERROR "${OUT}: no text matches ${regex}\n--- texts ---\n${texts}")
    endif()
  endforeach()
endif()

if(PNG)
  file(READ ${OUT} head LIMIT 8 HEX)
  if(NOT head STREQUAL "89504e470d0a1a0a")
    message(FATAL_ERROR "${OUT} does not start with the PNG signature: ${head}")
  endif()
endif()
message(STATUS "ok: ${OUT}")
