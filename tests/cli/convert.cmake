# `zeren convert` and MODEL in each of its three forms. Included from tests/cli/CMakeLists.txt.
# Round trips end in an exact comparison of JSON documents written by zeren itself.

set(ZEREN_CONVERT_TMP ${CMAKE_CURRENT_BINARY_DIR}/convert)
file(MAKE_DIRECTORY ${ZEREN_CONVERT_TMP})
set(zrn ${ZEREN_CONVERT_TMP}/organ.zrn)
set(csv ${ZEREN_CONVERT_TMP}/organ-csv)

zeren_cli_test(NAME convert.json_to_json EXPECT 0
  ARGS convert ${ZEREN_ORGAN} ${ZEREN_CONVERT_TMP}/organ.json
  MATCH "^[^\n]*/convert/organ\\.json: 200 units, 381 people, 400 posts, 75 links \\(json to json\\)$")
zeren_cli_test(NAME convert.json_to_zrn EXPECT 0
  ARGS convert ${ZEREN_ORGAN} ${zrn}
  MATCH "organ\\.zrn: 200 units, 381 people, 400 posts, 75 links \\(json to zrn, with its snapshot\\)$")
zeren_cli_test(NAME convert.zrn_to_json EXPECT 0
  ARGS convert ${zrn} ${ZEREN_CONVERT_TMP}/from-zrn.json
  MATCH "from-zrn\\.json: 200 units, 381 people, 400 posts, 75 links \\(zrn to json\\)$")
zeren_cli_test(NAME convert.json_to_csv EXPECT 0
  ARGS convert ${ZEREN_ORGAN} ${csv}
  MATCH "organ-csv: 200 units, 381 people, 400 posts, 75 links \\(json to csv\\)$")
zeren_cli_test(NAME convert.csv_to_json EXPECT 0
  ARGS convert ${csv} ${ZEREN_CONVERT_TMP}/from-csv.json
  MATCH "from-csv\\.json: 200 units, 381 people, 400 posts, 75 links \\(csv to json\\)$")
add_test(NAME cli.convert.zrn_round_trip_is_exact
  COMMAND ${CMAKE_COMMAND} -E compare_files
          ${ZEREN_CONVERT_TMP}/organ.json ${ZEREN_CONVERT_TMP}/from-zrn.json)
add_test(NAME cli.convert.csv_round_trip_is_exact
  COMMAND ${CMAKE_COMMAND} -E compare_files
          ${ZEREN_CONVERT_TMP}/organ.json ${ZEREN_CONVERT_TMP}/from-csv.json)
set_tests_properties(cli.convert.json_to_json cli.convert.json_to_zrn cli.convert.json_to_csv
  PROPERTIES FIXTURES_SETUP convert_first)
set_tests_properties(cli.convert.zrn_to_json cli.convert.csv_to_json
  PROPERTIES FIXTURES_REQUIRED convert_first FIXTURES_SETUP convert_back)
set_tests_properties(cli.convert.zrn_round_trip_is_exact cli.convert.csv_round_trip_is_exact
  PROPERTIES FIXTURES_REQUIRED "convert_first;convert_back")

# Every command reads all three forms.
foreach(form zrn csv)
  zeren_cli_test(NAME convert.validate_${form} EXPECT 0
    ARGS validate ${${form}}
    MATCH ": valid \\(200 units, 381 people, 400 posts, 75 links\\)$")
  zeren_cli_test(NAME convert.chain_${form} EXPECT 0
    ARGS chain ${${form}} --unit d11 --as-of 2025-06-30
    MATCH "secretary")
  set_tests_properties(cli.convert.validate_${form} cli.convert.chain_${form}
    PROPERTIES FIXTURES_REQUIRED convert_first)
endforeach()

zeren_cli_test(NAME convert.one_path EXPECT 2
  ARGS convert ${ZEREN_ORGAN}
  MATCH "^zeren convert: IN and OUT are required\nusage: zeren convert IN OUT")
zeren_cli_test(NAME convert.bad_form EXPECT 2
  ARGS convert ${ZEREN_ORGAN} ${ZEREN_CONVERT_TMP}/x --to xml
  MATCH "^zeren convert: --to: unknown form \"xml\" \\(json, csv or zrn\\)\nusage:")
zeren_cli_test(NAME convert.json_read_as_archive EXPECT 1
  ARGS convert ${ZEREN_ORGAN} ${ZEREN_CONVERT_TMP}/never.json --from zrn
  MATCH "organ\\.json: not a zeren archive \\(no \\.zrn magic at the start\\)$")
zeren_cli_test(NAME convert.unwritable EXPECT 4
  ARGS convert ${ZEREN_ORGAN} ${ZEREN_CONVERT_TMP}/no-such-folder/out.json
  MATCH "^zeren convert: [^\n]*no-such-folder/out\\.json")

# A generated organization (the fixed seed of cli.generate.write) written straight to an
# archive and to a CSV folder comes back as exactly the JSON document generate writes.
set(gen ${ZEREN_CONVERT_TMP}/generated-300-42)
zeren_cli_test(NAME convert.generate_zrn EXPECT 0
  ARGS generate --units 300 --seed 42 -o ${gen}.zrn
  MATCH "generated-300-42\\.zrn: 300 units, 11618 people, 11618 posts, 300 links")
zeren_cli_test(NAME convert.generate_csv EXPECT 0
  ARGS generate --units 300 --seed 42 -o ${gen}-csv
  MATCH "generated-300-42-csv: 300 units, 11618 people, 11618 posts, 300 links")
zeren_cli_test(NAME convert.generated_zrn_to_json EXPECT 0
  ARGS convert ${gen}.zrn ${gen}-from-zrn.json
  MATCH "\\(zrn to json\\)$")
zeren_cli_test(NAME convert.generated_csv_to_json EXPECT 0
  ARGS convert ${gen}-csv ${gen}-from-csv.json
  MATCH "\\(csv to json\\)$")
add_test(NAME cli.convert.generated_zrn_round_trip_is_exact
  COMMAND ${CMAKE_COMMAND} -E compare_files ${ZEREN_GENERATED} ${gen}-from-zrn.json)
add_test(NAME cli.convert.generated_csv_round_trip_is_exact
  COMMAND ${CMAKE_COMMAND} -E compare_files ${ZEREN_GENERATED} ${gen}-from-csv.json)
set_tests_properties(cli.convert.generate_zrn cli.convert.generate_csv
  PROPERTIES FIXTURES_SETUP generated_forms)
set_tests_properties(cli.convert.generated_zrn_to_json cli.convert.generated_csv_to_json
  PROPERTIES FIXTURES_REQUIRED generated_forms FIXTURES_SETUP generated_back)
set_tests_properties(cli.convert.generated_zrn_round_trip_is_exact
                     cli.convert.generated_csv_round_trip_is_exact
  PROPERTIES FIXTURES_REQUIRED "generated_300;generated_back")
