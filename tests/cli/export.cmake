# ---- export -----------------------------------------------------------------------------
# Included from tests/cli/CMakeLists.txt (zeren_cli_test, ZEREN_TEST_DATA, ZEREN_CLI_DATA,
# ZEREN_ORGAN). Files are checked with export_file.cmake; tests that need Graphviz `dot` are
# skipped (not failed) when it is not installed.

set(ZEREN_EXPORT_SMALL ${ZEREN_TEST_DATA}/export/small.json)
set(ZEREN_EXPORT_OUT ${CMAKE_CURRENT_BINARY_DIR}/export)
file(MAKE_DIRECTORY ${ZEREN_EXPORT_OUT})
set(ZEREN_EXPORT_USAGE "\nusage: zeren export MODEL --format graphml.dot.svg.png")

# zeren_export_file_test(NAME name ARGS arg... OUT file [DOT_ACCEPTS] [PNG]
#                        [SVG_TEXTS regex...] [MATCH regex...])
function(zeren_export_file_test)
  cmake_parse_arguments(T "DOT_ACCEPTS;PNG" "NAME;OUT" "ARGS;SVG_TEXTS;MATCH" ${ARGN})
  add_test(NAME cli.export.${T_NAME}
    COMMAND ${CMAKE_COMMAND} "-DZEREN=$<TARGET_FILE:zeren_cli>" "-DARGS=export;${T_ARGS}"
      "-DOUT=${ZEREN_EXPORT_OUT}/${T_OUT}" "-DDOT_ACCEPTS=${T_DOT_ACCEPTS}" "-DPNG=${T_PNG}"
      "-DSVG_TEXTS=${T_SVG_TEXTS}" "-DMATCH=${T_MATCH}"
      -P ${CMAKE_CURRENT_SOURCE_DIR}/export_file.cmake)
  set_tests_properties(cli.export.${T_NAME} PROPERTIES
    SKIP_REGULAR_EXPRESSION "SKIPPED: Graphviz `dot` is not installed")
endfunction()

# ---- GraphML and DOT of the hierarchy, to standard output --------------------------------

zeren_cli_test(NAME export.graphml EXPECT 0
  ARGS export ${ZEREN_EXPORT_SMALL} --format graphml --as-of 2025-06-30 -o -
  MATCH "^<.xml version=\"1.0\" encoding=\"UTF-8\".>\n<graphml "
        "\n  <key id=\"key10\" for=\"node\" attr.name=\"name\" attr.type=\"string\" />\n"
        "\n   <data key=\"key0\">2025-06-30</data>\n"
        "\n      <data key=\"key10\">党组 &lt;Leading&gt; &amp; &quot;Co&quot;</data>\n"
        "\n    <edge id=\"e2\" source=\"n0\" target=\"n3\">\n      <data key=\"key7\">leads</data>\n      <data key=\"key14\">0.75</data>\n"
        "</graph>\n</graphml>$"
  NO_MATCH "Old Branch")

zeren_cli_test(NAME export.dot EXPECT 0
  ARGS export ${ZEREN_EXPORT_SMALL} --format dot --as-of 2024-06-30 -o -
  MATCH "^digraph G {\nas_of=\"2024-06-30\";\n\"u:org\" "
        "\n\"u:old\" .discipline_secretary=\"\", discipline_secretary_id=\"\", head=\"\", head_id=\"\", id=\"old\", kind=\"branch\", label=\"Old Branch\\\\n\\(old\\)\", level=\"2\", members=\"0\", name=\"Old Branch\", secretary=\"\", secretary_id=\"\", shape=\"box\", style=\"rounded\", type=\"unit\".;\n"
        "\n\"p:p5\"->\"u:old\"  .color=\"#2ca02c\", kind=\"guides\", style=\"dotted\", weight=\"1\".;\n}$")

zeren_cli_test(NAME export.grades EXPECT 0
  ARGS export ${ZEREN_ORGAN} --format graphml --as-of 2025-06-30 --grades -o -
  MATCH "\n  <key id=\"key3\" for=\"node\" attr.name=\"grade\" attr.type=\"string\" />\n"
        "\n  <key id=\"key14\" for=\"node\" attr.name=\"total\" attr.type=\"double\" />\n")

zeren_cli_test(NAME export.chain_dot EXPECT 0
  ARGS export ${ZEREN_EXPORT_SMALL} --format dot --unit b2 --as-of 2025-06-30 -o -
  MATCH "^digraph \"chain\" {\n  graph .label=\"Chain of responsibility of Joint 'Branch' \\(b2\\) as of 2025-06-30\""
        "\n  \"p:p3\" -> \"u:dc\" .label=\"discipline_secretary\", "
        "<td bgcolor=\"#d5d8dc\" color=\"#566573\">superior</td></tr></table>>.;\n}$")

zeren_cli_test(NAME export.incident_dot EXPECT 0
  ARGS export ${ZEREN_EXPORT_SMALL} --format dot --incident k1 -o -
  MATCH "^digraph \"accountability\" {\n"
        "\n  \"p:p6\" .label=\"Direct Six\\\\n\\(p6\\)\\\\ndirect, degree 1\\\\ndisciplinary_sanction\", shape=\"ellipse\", style=\"filled\", fillcolor=\"#f28e8e\""
        "\n  \"u:b1\" -> \"i:k1\" .color=\"#7d3c98\", ")

# ---- files, read back by Graphviz and Python ----------------------------------------------

zeren_export_file_test(NAME dot_accepted_by_dot DOT_ACCEPTS OUT organ.dot
  ARGS ${ZEREN_ORGAN} --format dot --as-of 2025-06-30)
zeren_export_file_test(NAME dot_keyword_accepted_by_dot DOT_ACCEPTS OUT small.dot
  ARGS ${ZEREN_EXPORT_SMALL} --format dot --as-of 2025-06-30
  MATCH "kind=\"node\"")
zeren_export_file_test(NAME chain_dot_accepted_by_dot DOT_ACCEPTS OUT chain.dot
  ARGS ${ZEREN_ORGAN} --format dot --unit d06b2 --as-of 2025-06-30)
zeren_export_file_test(NAME graphml_file OUT organ.graphml
  ARGS ${ZEREN_ORGAN} --format graphml --as-of 2025-06-30
  MATCH "<data key=\"key10\">财务司党支部</data>")

zeren_export_file_test(NAME chain_svg OUT chain.svg
  ARGS ${ZEREN_ORGAN} --format svg --unit d06b2 --as-of 2025-06-30
  SVG_TEXTS "^Chain of responsibility of 人事司、人才交流中心联合党支部 \\(d06b2\\) as of 2025-06-30\n"
            "\n冯方舟\n\\(p124\\)\n" "\n某部机关纪委\n\\(odc\\)\n" "\nsupervises, 2 steps up\n"
            "\nlegend\npost holders\nin charge\nsupervisor\nspecialist\nguide\nsuperior\n")
zeren_export_file_test(NAME incident_svg OUT incident.svg
  ARGS ${ZEREN_ORGAN} --format svg --incident i1
  SVG_TEXTS "^Accountability for incident i1 \\(serious\\) at 财务司党支部 \\(d05\\) on 2025-04-20\n"
            "\n高海波\n\\(p370\\)\ndirect, degree 1\norganizational_adjustment\nprompt_rectification:-1\n"
            "\nlegend\ndirect\nmain_leadership\nimportant_leadership\noverall_leadership\nsupervisory\nguidance\n")
zeren_export_file_test(NAME hierarchy_svg OUT small.svg
  ARGS ${ZEREN_EXPORT_SMALL} --format svg --as-of 2025-06-30
  SVG_TEXTS "^党组 <Leading> & \"Co\"\n\\(org\\)\n" "\nBranch.One\n\\(b1\\)\n" "\nGuide Four\n\\(p4\\)\n")
zeren_export_file_test(NAME chain_png PNG OUT chain.png
  ARGS ${ZEREN_EXPORT_SMALL} --format png --unit b2 --as-of 2025-06-30)

# ---- errors -------------------------------------------------------------------------------

zeren_cli_test(NAME export.unknown_unit EXPECT 3
  ARGS export ${ZEREN_ORGAN} --format svg --unit nope --as-of 2025-06-30 -o -
  MATCH "^zeren export: unknown unit \"nope\"$")
zeren_cli_test(NAME export.unknown_incident EXPECT 3
  ARGS export ${ZEREN_EXPORT_SMALL} --format dot --incident nope -o -
  MATCH "^zeren export: unknown incident \"nope\"$")
zeren_cli_test(NAME export.unit_not_existing EXPECT 3
  ARGS export ${ZEREN_EXPORT_SMALL} --format dot --unit old --as-of 2025-06-30 -o -
  MATCH "^zeren export: unit Old Branch \\(old\\) does not exist on 2025-06-30$")
zeren_cli_test(NAME export.no_assessment EXPECT 3
  ARGS export ${ZEREN_EXPORT_SMALL} --format graphml --grades -o -
  MATCH "^zeren export: the model has no `assessment` section$")
zeren_cli_test(NAME export.bad_format EXPECT 2
  ARGS export ${ZEREN_EXPORT_SMALL} --format xml -o -
  MATCH "^zeren export: unknown format \"xml\" \\(expected graphml, dot, svg or png\\)${ZEREN_EXPORT_USAGE}")
zeren_cli_test(NAME export.no_format EXPECT 2
  ARGS export ${ZEREN_EXPORT_SMALL} -o -
  MATCH "^zeren export: --format is required \\(graphml, dot, svg or png\\)${ZEREN_EXPORT_USAGE}")
zeren_cli_test(NAME export.no_output EXPECT 2
  ARGS export ${ZEREN_EXPORT_SMALL} --format dot
  MATCH "^zeren export: -o FILE is required \\(- for standard output\\)${ZEREN_EXPORT_USAGE}")
zeren_cli_test(NAME export.output_without_value EXPECT 2
  ARGS export ${ZEREN_EXPORT_SMALL} --format dot -o
  MATCH "^zeren export: -o needs a value${ZEREN_EXPORT_USAGE}")
zeren_cli_test(NAME export.no_model EXPECT 2
  ARGS export --format dot -o -
  MATCH "^zeren export: missing MODEL \\(a JSON model document\\)${ZEREN_EXPORT_USAGE}")
zeren_cli_test(NAME export.two_models EXPECT 2
  ARGS export ${ZEREN_EXPORT_SMALL} ${ZEREN_EXPORT_SMALL} --format dot -o -
  MATCH "^zeren export: unexpected argument \"[^\"]*small.json\"${ZEREN_EXPORT_USAGE}")
zeren_cli_test(NAME export.unit_and_incident EXPECT 2
  ARGS export ${ZEREN_EXPORT_SMALL} --format svg --unit b1 --incident k1 -o -
  MATCH "^zeren export: give --unit ID or --incident ID, not both${ZEREN_EXPORT_USAGE}")
zeren_cli_test(NAME export.graphml_of_a_unit EXPECT 2
  ARGS export ${ZEREN_EXPORT_SMALL} --format graphml --unit b1 -o -
  MATCH "^zeren export: --unit and --incident draw pictures: use --format dot, svg or png${ZEREN_EXPORT_USAGE}")
zeren_cli_test(NAME export.as_of_with_incident EXPECT 2
  ARGS export ${ZEREN_EXPORT_SMALL} --format svg --incident k1 --as-of 2025-01-01 -o -
  MATCH "^zeren export: --as-of does not apply to --incident \\(the incident's own date is used\\)${ZEREN_EXPORT_USAGE}")
zeren_cli_test(NAME export.grades_of_a_unit EXPECT 2
  ARGS export ${ZEREN_EXPORT_SMALL} --format dot --unit b1 --grades -o -
  MATCH "^zeren export: --grades applies to the whole hierarchy only${ZEREN_EXPORT_USAGE}")
zeren_cli_test(NAME export.bad_date EXPECT 2
  ARGS export ${ZEREN_EXPORT_SMALL} --format dot --as-of 2025-02-30 -o -
  MATCH "^zeren export: --as-of: malformed date \"2025-02-30\" \\(expected YYYY-MM-DD\\)${ZEREN_EXPORT_USAGE}")
zeren_cli_test(NAME export.unknown_option EXPECT 2
  ARGS export ${ZEREN_EXPORT_SMALL} --format dot --frob -o -
  MATCH "^zeren export: unknown option --frob${ZEREN_EXPORT_USAGE}")
zeren_cli_test(NAME export.invalid_model EXPECT 1
  ARGS export ${ZEREN_CLI_DATA}/duplicate-unit.json --format dot -o -
  MATCH "^[^:]*/cli/duplicate-unit\\.json: units.1.\\.id: duplicate id \"b1\" \\(first at units.0.\\)$")
zeren_cli_test(NAME export.missing_model EXPECT 1
  ARGS export ${ZEREN_CLI_DATA}/no-such-model.json --format dot -o -
  MATCH "no-such-model\\.json: cannot open the file: No such file or directory$")
zeren_cli_test(NAME export.unwritable_output EXPECT 4
  ARGS export ${ZEREN_EXPORT_SMALL} --format graphml --as-of 2025-06-30
       -o /nonexistent-zeren-folder/small.graphml
  MATCH "^zeren export: /nonexistent-zeren-folder/small\\.graphml: cannot create a temporary file: No such file or directory$")

# Graphviz missing: a PATH without `dot`.
add_test(NAME cli.export.dot_missing
  COMMAND ${CMAKE_COMMAND}
    "-DCOMMAND=${CMAKE_COMMAND};-E;env;PATH=/nonexistent-zeren-folder;$<TARGET_FILE:zeren_cli>;export;${ZEREN_EXPORT_SMALL};--format;svg;--unit;b1;--as-of;2025-06-30;-o;${ZEREN_EXPORT_OUT}/never.svg"
    -DEXPECT=4
    "-DMATCH=^zeren export: Graphviz `dot` is not installed \\(no `dot` on PATH\\): install Graphviz, or export --format dot and render it elsewhere$"
    -P ${ZEREN_CLI_EXPECT})

# A picture of a whole hierarchy stops at 1000 units: a generated organization of 1001.
set(ZEREN_EXPORT_LARGE ${ZEREN_EXPORT_OUT}/1001-units.json)
if(NOT EXISTS ${ZEREN_EXPORT_LARGE})
  set(units "{\"id\": \"u0\", \"name\": \"Root\", \"kind\": \"branch\"}")
  foreach(k RANGE 1 1000)
    string(APPEND units ",\n{\"id\": \"u${k}\", \"name\": \"Unit ${k}\", \"kind\": \"group\", \"parents\": [\"u0\"]}")
  endforeach()
  file(WRITE ${ZEREN_EXPORT_LARGE}
    "{\"format\": \"zeren-model\", \"version\": 1, \"units\": [\n${units}\n]}\n")
endif()
zeren_cli_test(NAME export.hierarchy_picture_too_large EXPECT 2
  ARGS export ${ZEREN_EXPORT_LARGE} --format svg --as-of 2025-06-30 -o -
  MATCH "^zeren export: 1001 units exist on 2025-06-30; a picture of the whole hierarchy stops at 1000 units: give --unit or --incident, or use --format dot$")
