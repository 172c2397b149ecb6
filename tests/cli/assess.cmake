# ---- assess and scheme ------------------------------------------------------------------
# Included from tests/cli/CMakeLists.txt (zeren_cli_test, ZEREN_TEST_DATA, ZEREN_CLI_DATA).
# (A regex with an unbalanced `[` would stop CMake splitting the MATCH list: use `.` there.)

set(ZEREN_ASSESS_MODEL ${ZEREN_TEST_DATA}/conformance/model-1.json)

# The table: by peer group, then rank; own and total with 2 decimals.
zeren_cli_test(NAME assess.table EXPECT 0
  ARGS assess ${ZEREN_ASSESS_MODEL}
  MATCH "^Assessment 2025-01-01 to 2026-01-01 \\(to exclusive\\)\n"
        "\npeer group +rank +unit +own +total +grade +flags\n"
        "\nbranch +1 +Joint Branch \\(dual leadership\\) \\(joint\\) +98\\.29 +98\\.29 +fairly_good\n"
        "\nbranch +2 +Operations Branch \\(dept2\\) +94\\.31 +85\\.84 +fairly_good\n"
        "\nbranch +3 +Policy Branch One \\(br11\\) +79\\.49 +79\\.49 +average\n"
        "\nbranch +4 +Policy Branch Two \\(br12\\) +55\\.65 +55\\.65 +poor\n"
        "\ndiscipline_commission +1 +Discipline Group 纪检组 \\(dc\\) +94\\.00 +94\\.00 +fairly_good\n"
        "\ngeneral_branch +1 +Policy Department General Branch \\(dept1\\) +89\\.50 +82\\.49 +fairly_good\n"
        "\ngroup +1 +Operations Group \\(grp21\\) +73\\.14 +73\\.14 +average\n"
        "\nleading_group +1 +Bureau Party Group 局党组 \\(party\\) +96\\.80 +92\\.25 +fairly_good$")

zeren_cli_test(NAME assess.json EXPECT 0
  ARGS assess ${ZEREN_ASSESS_MODEL} --json
  MATCH "^{\n  \"period\": {\"from\": \"2025-01-01\", \"to\": \"2026-01-01\"},\n  \"units\": "
        "\"unit\": \"joint\",\n +\"peer_group\": \"branch\",\n +\"own\": 98\\.29411764705883,\n +\"total\": 98\\.29411764705883,\n +\"grade\": \"fairly_good\",\n +\"rank\": 1,"
        "\"quota_cut_from\": \"good\""
        "\"unit\": \"dept2\",\n +\"peer_group\": \"branch\",\n +\"own\": 94\\.3111111111111,\n +\"total\": 85\\.84380952380951,"
        "\"subordinates\": .\n +{\"unit\": \"grp21\", \"weight\": 9, \"total\": 73\\.14285714285715}"
        "\"why\": ."
        "\"people\": .\n +{\"person\": \"a_sec\", \"score\": 92\\.2516561166781},"
        "{\"person\": \"w3\", \"score\": 98\\.29411764705883}\n  .\n}$")

# One unit with its reasons.
zeren_cli_test(NAME assess.unit EXPECT 0
  ARGS assess ${ZEREN_ASSESS_MODEL} --unit dept2
  MATCH "^Operations Branch \\(dept2\\): fairly_good, rank 2 among branch units, total 85\\.84\n\n  daily 94\\.80 = indicators 94\\.80\n  own 94\\.31 from daily 94\\.80, on-site review 90\\.00, ballots 96\\.67\n  total 85\\.84 = 0\\.60 × own \\+ 0\\.40 × the weighted mean of subordinates: Operations Group \\(grp21\\) 73\\.14 \\(share 1\\.00\\)\n  total 85\\.84 reaches fairly_good \\(min 80\\.00\\)$")

zeren_cli_test(NAME assess.unit_with_deduction_and_quota EXPECT 0
  ARGS assess ${ZEREN_ASSESS_MODEL} --unit joint
  MATCH "\n  daily 100\\.00 = indicators 99\\.00 − deductions 0\\.50 \\+ bonus 3\\.00 \\(capped at 3\\.00\\)\n"
        "\n  incident k3 \\(minor\\) deducts 1\\.00 × 0\\.50 = 0\\.50\n"
        "\n  quota: only 20\\.00% of the branch peer group may keep good; rank 1 moves to fairly_good$")

zeren_cli_test(NAME assess.unit_json EXPECT 0
  ARGS assess ${ZEREN_ASSESS_MODEL} --unit dept2 --json
  MATCH "\"unit\": \"dept2\"" "\"why\": "
  NO_MATCH "\"unit\": \"joint\"" "\"people\"")

zeren_cli_test(NAME assess.unknown_unit EXPECT 3
  ARGS assess ${ZEREN_ASSESS_MODEL} --unit nope
  MATCH "^zeren assess: unknown unit \"nope\"$")

zeren_cli_test(NAME assess.no_assessment EXPECT 3
  ARGS assess ${ZEREN_CLI_DATA}/no-assessment.json
  MATCH "^zeren assess: the model has no `assessment` section$")

zeren_cli_test(NAME assess.invalid_model EXPECT 1
  ARGS assess ${ZEREN_CLI_DATA}/duplicate-unit.json
  MATCH "units\\[1\\]\\.id: duplicate id \"b1\"")

zeren_cli_test(NAME assess.no_model EXPECT 2
  ARGS assess
  MATCH "missing MODEL")

zeren_cli_test(NAME scheme.default EXPECT 0
  ARGS scheme --default
  MATCH "^{\n  \"dimensions\": .\n    {\n      \"id\": \"integrity\",\n      \"name\": \"党风廉政建设\",\n      \"weight\": 0\\.3,"
        "{\"id\": \"grassroots\\.on_time\", \"max\": 100, \"from\": \"ledger\\.on_time_rate\"}"
        "\n  \"components\": {\"daily\": 0\\.6, \"review\": 0\\.2, \"ballot\": 0\\.1, \"members\": 0\\.1},\n"
        "\n  \"bonus_cap\": 5,\n"
        "\n  \"rollup\": {\"own\": 0\\.7, \"subordinates\": 0\\.3, \"weight_by\": \"members\"},\n"
        "{\"id\": \"good\", \"min\": 90, \"quota\": 0\\.3}"
        "\n  \"peer_groups\": \"kind\",\n"
        "\"id\": \"eligible_for_honours\",\n +\"grades\": .\"good\".,\n +\"held_accountable\": false\n +}\n  .\n}$")

zeren_cli_test(NAME scheme.needs_default EXPECT 2
  ARGS scheme
  MATCH "^zeren scheme: usage: zeren scheme --default$")
