/* Tests of the C API, in C99, without a framework.
 * Run as: zeren_capi_test TEST_DATA_DIR EXAMPLES_DIR
 * Every result is asserted exactly, success and error paths alike; the run must be clean
 * under AddressSanitizer's leak checker, so everything is freed. */
#define _POSIX_C_SOURCE 200809L

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <zeren/zeren.h>

#include "check.h"

/* ---- data --------------------------------------------------------------------------- */

/* An organ committee `org` (leading group), its discipline commission `odc` supervising it,
   and a branch `b1` whose secretary changes on 2025-03-01 (day 20148); `p_mem`, a member of
   org, is in charge of b1, and `p_guide`, org's deputy, guides it. */
static const char kModel[] =
    "{\n"
    "  \"format\": \"zeren-model\", \"version\": 1, \"name\": \"capi test\",\n"
    "  \"units\": [\n"
    "    {\"id\": \"org\", \"name\": \"Organ Committee\", \"kind\": \"leading_group\"},\n"
    "    {\"id\": \"odc\", \"name\": \"Discipline Commission\",\n"
    "     \"kind\": \"discipline_commission\", \"parents\": [\"org\"]},\n"
    "    {\"id\": \"b1\", \"name\": \"Branch One\", \"kind\": \"branch\", \"parents\": [\"org\"],\n"
    "     \"members\": 12}\n"
    "  ],\n"
    "  \"people\": [\n"
    "    {\"id\": \"p_sec\", \"name\": \"Sun Secretary\"},\n"
    "    {\"id\": \"p_guide\", \"name\": \"Gu Guide\"},\n"
    "    {\"id\": \"p_mem\", \"name\": \"Ma Member\"},\n"
    "    {\"id\": \"p_dis\", \"name\": \"Du Discipline\"},\n"
    "    {\"id\": \"p_b1a\", \"name\": \"Bai First\"},\n"
    "    {\"id\": \"p_b1b\", \"name\": \"Bo Second\"}\n"
    "  ],\n"
    "  \"posts\": [\n"
    "    {\"person\": \"p_sec\", \"unit\": \"org\", \"role\": \"secretary\",\n"
    "     \"from\": \"2020-01-01\"},\n"
    "    {\"person\": \"p_guide\", \"unit\": \"org\", \"role\": \"deputy\",\n"
    "     \"from\": \"2020-01-01\"},\n"
    "    {\"person\": \"p_mem\", \"unit\": \"org\", \"role\": \"member\",\n"
    "     \"from\": \"2020-01-01\", \"in_charge_of\": [\"b1\"]},\n"
    "    {\"person\": \"p_dis\", \"unit\": \"odc\", \"role\": \"discipline_secretary\",\n"
    "     \"from\": \"2020-01-01\"},\n"
    "    {\"person\": \"p_b1a\", \"unit\": \"b1\", \"role\": \"secretary\",\n"
    "     \"from\": \"2020-01-01\", \"to\": \"2025-03-01\"},\n"
    "    {\"person\": \"p_b1b\", \"unit\": \"b1\", \"role\": \"secretary\",\n"
    "     \"from\": \"2025-03-01\"}\n"
    "  ],\n"
    "  \"links\": [\n"
    "    {\"kind\": \"supervises\", \"from\": \"odc\", \"to\": \"org\"},\n"
    "    {\"kind\": \"guides\", \"from\": \"p_guide\", \"to\": \"b1\"}\n"
    "  ]\n"
    "}\n";

/* Day numbers (days since 1970-01-01). */
enum {
  DAY_2020_01_01 = 18262,
  DAY_2024_12_31 = 20088,
  DAY_2025_01_01 = 20089,
  DAY_2025_02_28 = 20147,
  DAY_2025_03_01 = 20148,
  DAY_2025_05_01 = 20209,
  DAY_2025_06_01 = 20240,
  DAY_2025_07_01 = 20270,
  DAY_2025_09_01 = 20332,
  DAY_2025_10_01 = 20362,
  DAY_2030_01_01 = 21915
};

static const char *g_test_data = NULL;
static const char *g_examples = NULL;

static zeren_model *load_model(const char *text) {
  zeren_error *err = NULL;
  zeren_model *model = NULL;
  CHECK_OK(zeren_model_load_buffer(text, strlen(text), &model, &err));
  CHECK(model != NULL);
  return model;
}

static zeren_snapshot *compile(const zeren_model *model) {
  zeren_error *err = NULL;
  zeren_snapshot *snapshot = NULL;
  CHECK_OK(zeren_snapshot_compile(model, &snapshot, &err));
  CHECK(snapshot != NULL);
  return snapshot;
}

/* The model's JSON, to compare models byte for byte; free with zeren_string_free. */
static char *to_json(const zeren_model *model) {
  zeren_error *err = NULL;
  char *json = NULL;
  size_t size = 0;
  CHECK_OK(zeren_model_to_json(model, &json, &size, &err));
  CHECK(json != NULL);
  if (json != NULL) CHECK_INT(size, strlen(json));
  return json;
}

/* ---- library, errors, dates --------------------------------------------------------- */

static void test_version(void) {
  CHECK_STR(zeren_version(), "0.1.0");
  CHECK_INT(zeren_version_number(), 100);
}

/* Accessors on a NULL error give safe defaults: code ZEREN_OK, message "", no problems. */
static void test_null_error_accessors(void) {
  const char *p = "x", *i = "x", *m = "x";
  CHECK_INT(zeren_error_code(NULL), ZEREN_OK);
  CHECK_STR(zeren_error_message(NULL), "");
  CHECK_INT(zeren_error_problem_count(NULL), 0);
  CHECK_INT(zeren_error_problem_total(NULL), 0);
  CHECK_INT(zeren_error_problem(NULL, 0, &p, &i, &m), ZEREN_ERR_INVALID_ARGUMENT);
  CHECK_STR(p, "");
  CHECK_STR(i, "");
  CHECK_STR(m, "");
}

static void test_dates(void) {
  zeren_error *err = NULL;
  int32_t day = 7;
  char buffer[16];
  CHECK_OK(zeren_date_parse("2025-03-01", &day, &err));
  CHECK_INT(day, DAY_2025_03_01);
  CHECK_OK(zeren_date_parse("1970-01-01", &day, &err));
  CHECK_INT(day, 0);
  CHECK_OK(zeren_date_parse("0001-01-01", &day, &err));
  CHECK_INT(day, -719162);
  CHECK_ERR(zeren_date_parse("2025-02-30", &day, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_date_parse: \"2025-02-30\" is not a date YYYY-MM-DD");
  CHECK_INT(day, ZEREN_DATE_OPEN); /* reset on failure */
  CHECK_ERR(zeren_date_parse("2025-3-1", &day, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_date_parse: \"2025-3-1\" is not a date YYYY-MM-DD");
  CHECK_ERR(zeren_date_parse("", &day, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_date_parse: \"\" is not a date YYYY-MM-DD");
  CHECK_ERR(zeren_date_parse(NULL, &day, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_date_parse: text is NULL");
  CHECK_ERR(zeren_date_parse("2025-03-01", NULL, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_date_parse: out_day is NULL");
  /* err itself is optional: the status alone still says what happened. */
  CHECK_INT(zeren_date_parse("nope", &day, NULL), ZEREN_ERR_INVALID_ARGUMENT);

  CHECK_OK(zeren_date_format(DAY_2025_03_01, buffer, sizeof buffer, &err));
  CHECK_STR(buffer, "2025-03-01");
  CHECK_OK(zeren_date_format(DAY_2020_01_01, buffer, 11, &err)); /* exactly enough */
  CHECK_STR(buffer, "2020-01-01");
  CHECK_OK(zeren_date_format(2932896, buffer, sizeof buffer, &err));
  CHECK_STR(buffer, "9999-12-31");
  CHECK_OK(zeren_date_format(-719162, buffer, sizeof buffer, &err));
  CHECK_STR(buffer, "0001-01-01");
  CHECK_ERR(zeren_date_format(DAY_2025_03_01, buffer, 10, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_date_format: size 10 is below 11");
  CHECK_STR(buffer, ""); /* emptied on failure */
  CHECK_ERR(zeren_date_format(2932897, buffer, sizeof buffer, &err), ZEREN_ERR_OUT_OF_RANGE,
            "zeren_date_format: day 2932897 is outside 0001-01-01..9999-12-31");
  CHECK_ERR(zeren_date_format(-719163, buffer, sizeof buffer, &err), ZEREN_ERR_OUT_OF_RANGE,
            "zeren_date_format: day -719163 is outside 0001-01-01..9999-12-31");
  CHECK_ERR(zeren_date_format(ZEREN_DATE_OPEN, buffer, sizeof buffer, &err),
            ZEREN_ERR_OUT_OF_RANGE,
            "zeren_date_format: day -2147483648 is outside 0001-01-01..9999-12-31");
  CHECK_ERR(zeren_date_format(0, NULL, 11, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_date_format: buffer is NULL");
}

/* ---- loading ------------------------------------------------------------------------ */

static void test_load_good(void) {
  zeren_error *err = NULL;
  zeren_model *model = (zeren_model *)&err; /* not NULL: the call must set it */
  CHECK_OK(zeren_model_load_buffer(kModel, strlen(kModel), &model, &err));
  CHECK_INT(zeren_model_unit_count(model), 3);
  CHECK_INT(zeren_model_person_count(model), 6);
  CHECK_INT(zeren_model_post_count(model), 6);
  CHECK_INT(zeren_model_link_count(model), 2);
  CHECK_OK(zeren_validate_buffer(kModel, strlen(kModel), &err));
  zeren_model_free(model);

  CHECK_OK(zeren_model_new(&model, &err));
  CHECK_INT(zeren_model_unit_count(model), 0);
  CHECK_INT(zeren_model_person_count(model), 0);
  zeren_model_free(model);
}

/* Loads `text`, which must fail validation with `total` problems; returns the error. */
static zeren_error *load_bad(const char *text, size_t total, const char *file, int line) {
  zeren_error *err = NULL;
  zeren_model *model = (zeren_model *)&err;
  check_int(zeren_model_load_buffer(text, strlen(text), &model, &err), ZEREN_ERR_INVALID_MODEL,
            file, line, "load fails as INVALID_MODEL");
  check(model == NULL, file, line, "*out is NULL after a failed load");
  check_int(zeren_error_code(err), ZEREN_ERR_INVALID_MODEL, file, line, "error code");
  check_int(zeren_error_problem_total(err), total, file, line, "problem total");
  check_int(zeren_error_problem_count(err), total, file, line, "problem count");
  /* zeren_validate_buffer finds the same problems. */
  {
    zeren_error *again = NULL;
    check_int(zeren_validate_buffer(text, strlen(text), &again), ZEREN_ERR_INVALID_MODEL, file,
              line, "validate fails too");
    check_str(zeren_error_message(again), zeren_error_message(err), file, line, "same message");
    zeren_error_free(again);
  }
  return err;
}

#define LOAD_BAD(text, total) load_bad((text), (total), __FILE__, __LINE__)

#define UNIT(id, parents) "{\"id\": \"" id "\", \"name\": \"U\", \"kind\": \"branch\"" parents "}"
#define DOC(units) "{\"format\": \"zeren-model\", \"version\": 1, \"units\": [" units "]}"

static void test_load_bad(void) {
  zeren_error *err;
  const char *p = NULL;

  err = LOAD_BAD("{\"format\": \"zeren-model\",\n \"units\": [}", 1);
  CHECK_STR(zeren_error_message(err), "line 2, column 12: syntax error");
  CHECK_PROBLEM(err, 0, "", "", "line 2, column 12: syntax error");
  CHECK_INT(zeren_error_problem(err, 1, &p, NULL, NULL), ZEREN_ERR_OUT_OF_RANGE);
  CHECK_STR(p, "");
  zeren_error_free(err);
  err = NULL;

  err = LOAD_BAD(DOC(UNIT("org", "") ", " UNIT("org", "")), 1);
  CHECK_STR(zeren_error_message(err), "units[1].id: duplicate id \"org\" (first at units[0])");
  CHECK_PROBLEM(err, 0, "units[1].id", "org", "duplicate id \"org\" (first at units[0])");
  zeren_error_free(err);
  err = NULL;

  err = LOAD_BAD(DOC(UNIT("org", "") ", " UNIT("b1", ", \"parents\": [\"nope\"]")), 1);
  CHECK_STR(zeren_error_message(err), "units[1].parents[0]: unknown unit \"nope\"");
  CHECK_PROBLEM(err, 0, "units[1].parents[0]", "nope", "unknown unit \"nope\"");
  zeren_error_free(err);
  err = NULL;

  /* Every problem is reported; the message names the first and counts the rest. */
  err = LOAD_BAD(DOC(UNIT("org", "") ", " UNIT("org", "") ", "
                     UNIT("b1", ", \"parents\": [\"nope\"]")), 2);
  CHECK_STR(zeren_error_message(err),
            "units[1].id: duplicate id \"org\" (first at units[0]) (and 1 more problems)");
  CHECK_PROBLEM(err, 0, "units[1].id", "org", "duplicate id \"org\" (first at units[0])");
  CHECK_PROBLEM(err, 1, "units[2].parents[0]", "nope", "unknown unit \"nope\"");
  zeren_error_free(err);
  err = NULL;

  /* A structural problem: a missing required key. */
  err = LOAD_BAD("{\"format\": \"zeren-model\", \"version\": 1}", 1);
  CHECK_PROBLEM(err, 0, "units", "", "missing required key \"units\"");
  zeren_error_free(err);
  err = NULL;

  /* err may be NULL: the status alone. */
  {
    zeren_model *model = (zeren_model *)&p;
    CHECK_INT(zeren_model_load_buffer("[", 1, &model, NULL), ZEREN_ERR_INVALID_MODEL);
    CHECK(model == NULL);
  }
}

static void test_load_file(void) {
  zeren_error *err = NULL;
  zeren_model *model = (zeren_model *)&err;
  char path[4096];
  char message[4200];

  snprintf(path, sizeof path, "%s/no_such_file.json", g_test_data);
  snprintf(message, sizeof message, "%s: cannot open the file: No such file or directory", path);
  CHECK_ERR(zeren_model_load_file(path, &model, &err), ZEREN_ERR_IO, message);
  CHECK(model == NULL);

  snprintf(path, sizeof path, "%s/organ.json", g_examples);
  CHECK_OK(zeren_model_load_file(path, &model, &err));
  CHECK_INT(zeren_model_unit_count(model), 200);
  CHECK_INT(zeren_model_person_count(model), 381);
  CHECK_INT(zeren_model_post_count(model), 400);
  CHECK_INT(zeren_model_link_count(model), 75);
  {
    /* Round trip: the written document reads back as the same model. */
    char *first = to_json(model);
    zeren_model *again = first ? load_model(first) : NULL;
    char *second = again ? to_json(again) : NULL;
    CHECK(first != NULL && second != NULL && strcmp(first, second) == 0);
    zeren_string_free(first);
    zeren_string_free(second);
    zeren_model_free(again);
  }
  zeren_model_free(model);
}

static void test_round_trip_and_save(void) {
  zeren_error *err = NULL;
  zeren_model *model = load_model(kModel);
  zeren_model *loaded = NULL;
  char *json = to_json(model);
  char *reloaded_json;
  char path[256];
  size_t size = 1;

  CHECK(strstr(json, "\"members\": 12") != NULL);
  CHECK_OK(zeren_model_to_json(model, &reloaded_json, NULL, &err)); /* size is optional */
  CHECK_STR(reloaded_json, json);
  zeren_string_free(reloaded_json);

  snprintf(path, sizeof path, "/tmp/zeren_capi_test_%ld.json", (long)getpid());
  CHECK_OK(zeren_model_save_file(model, path, &err));
  CHECK_OK(zeren_model_load_file(path, &loaded, &err));
  reloaded_json = loaded ? to_json(loaded) : NULL;
  CHECK_STR(reloaded_json, json);
  zeren_string_free(reloaded_json);
  zeren_model_free(loaded);
  CHECK_INT(remove(path), 0);

  CHECK_ERR(zeren_model_save_file(model, "/nonexistent-zeren-dir/model.json", &err), ZEREN_ERR_IO,
            "/nonexistent-zeren-dir/model.json: cannot create a temporary file: "
            "No such file or directory");
  CHECK_ERR(zeren_model_to_json(NULL, &reloaded_json, &size, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_model_to_json: model is NULL");
  CHECK(reloaded_json == NULL);
  CHECK_INT(size, 0);
  zeren_string_free(json);
  zeren_model_free(model);
}

/* ---- chains ------------------------------------------------------------------------- */

/* Entry `index` of `chain` has this kind, person, unit and distance. */
static void check_entry(const zeren_chain *chain, size_t index, int32_t kind, const char *person,
                        const char *unit, uint32_t distance, const char *file, int line) {
  zeren_error *err = NULL;
  zeren_chain_entry entry = ZEREN_CHAIN_ENTRY_INIT;
  check_ok(zeren_chain_get(chain, index, &entry, &err), &err, file, line, "zeren_chain_get");
  check_int(entry.struct_size, sizeof(zeren_chain_entry), file, line, "struct_size kept");
  check_int(entry.kind, kind, file, line, "entry kind");
  check_str(entry.person_id, person, file, line, "entry person");
  check_str(entry.unit_id, unit, file, line, "entry unit");
  check_int(entry.distance, distance, file, line, "entry distance");
  check(entry.reason != NULL && entry.reason[0] != '\0', file, line, "entry has a reason");
  check((entry.person_id == NULL) == (entry.person_name == NULL), file, line, "person name");
  check((entry.unit_id == NULL) == (entry.unit_name == NULL), file, line, "unit name");
}

#define CHECK_ENTRY(chain, index, kind, person, unit, distance) \
  check_entry((chain), (index), (kind), (person), (unit), (distance), __FILE__, __LINE__)

static zeren_chain *chain_of(const zeren_snapshot *snapshot, const char *unit, int32_t day) {
  zeren_error *err = NULL;
  zeren_chain *chain = NULL;
  CHECK_OK(zeren_snapshot_chain(snapshot, unit, day, &chain, &err));
  CHECK(chain != NULL);
  return chain;
}

/* b1's chain, in the order of src/query/chain.cc: its own leaders, the members in charge of
   it, the nearest supervising body (odc supervises org, one step up), its guides, then its
   superiors. Only the secretary depends on the day. */
static void check_b1_chain(const zeren_snapshot *snapshot, int32_t day, const char *secretary) {
  zeren_chain *chain = chain_of(snapshot, "b1", day);
  CHECK_INT(zeren_chain_size(chain), 5);
  CHECK_ENTRY(chain, 0, ZEREN_CHAIN_SECRETARY, secretary, "b1", 0);
  CHECK_ENTRY(chain, 1, ZEREN_CHAIN_IN_CHARGE, "p_mem", "org", 0);
  CHECK_ENTRY(chain, 2, ZEREN_CHAIN_SUPERVISOR, "p_dis", "odc", 1);
  CHECK_ENTRY(chain, 3, ZEREN_CHAIN_GUIDE, "p_guide", "b1", 0);
  CHECK_ENTRY(chain, 4, ZEREN_CHAIN_SUPERIOR, "p_sec", "org", 1);
  zeren_chain_free(chain);
}

typedef struct {
  int calls;
  int stop_after;
  int32_t kinds[16];
} kind_log;

static int32_t log_chain_kind(void *payload, const zeren_chain_entry *entry) {
  kind_log *record = (kind_log *)payload;
  if (record->calls < 16) record->kinds[record->calls] = entry->kind;
  ++record->calls;
  return record->calls == record->stop_after;
}

static void test_chain(void) {
  zeren_error *err = NULL;
  zeren_model *model = load_model(kModel);
  zeren_snapshot *snapshot = compile(model);
  zeren_chain *chain;
  zeren_chain_entry entry = ZEREN_CHAIN_ENTRY_INIT;
  uint32_t level = 9;

  CHECK_INT(zeren_snapshot_unit_count(snapshot), 3);
  CHECK_OK(zeren_snapshot_unit_level(snapshot, "org", &level, &err));
  CHECK_INT(level, 0);
  CHECK_OK(zeren_snapshot_unit_level(snapshot, "b1", &level, &err));
  CHECK_INT(level, 1);
  CHECK_ERR(zeren_snapshot_unit_level(snapshot, "zz", &level, &err), ZEREN_ERR_NOT_FOUND,
            "zeren_snapshot_unit_level: unknown unit \"zz\"");
  CHECK_INT(level, 0);

  check_b1_chain(snapshot, DAY_2025_02_28, "p_b1a"); /* the day before the change */
  check_b1_chain(snapshot, DAY_2025_03_01, "p_b1b"); /* the day of the change */
  check_b1_chain(snapshot, DAY_2025_06_01, "p_b1b"); /* after it */

  /* org: its leaders in role order, then odc supervising it directly; no superiors. */
  chain = chain_of(snapshot, "org", DAY_2025_06_01);
  CHECK_INT(zeren_chain_size(chain), 4);
  CHECK_ENTRY(chain, 0, ZEREN_CHAIN_SECRETARY, "p_sec", "org", 0);
  CHECK_ENTRY(chain, 1, ZEREN_CHAIN_DEPUTY, "p_guide", "org", 0);
  CHECK_ENTRY(chain, 2, ZEREN_CHAIN_MEMBER, "p_mem", "org", 0);
  CHECK_ENTRY(chain, 3, ZEREN_CHAIN_SUPERVISOR, "p_dis", "odc", 0);
  zeren_chain_free(chain);

  /* odc is a discipline body: its first-responsible post is the discipline secretary's, so
     it has no secretary entry at all, vacant or not. */
  chain = chain_of(snapshot, "odc", DAY_2025_06_01);
  CHECK_INT(zeren_chain_size(chain), 3);
  CHECK_ENTRY(chain, 0, ZEREN_CHAIN_DISCIPLINE_SECRETARY, "p_dis", "odc", 0);
  CHECK_ENTRY(chain, 1, ZEREN_CHAIN_SUPERVISOR, "p_dis", "odc", 1);
  CHECK_ENTRY(chain, 2, ZEREN_CHAIN_SUPERIOR, "p_sec", "org", 1);
  zeren_chain_free(chain);

  chain = chain_of(snapshot, "b1", DAY_2025_02_28);
  /* Names and reasons are borrowed from the chain: it outlives the snapshot handle. */
  zeren_snapshot_free(snapshot);
  snapshot = NULL;
  CHECK_OK(zeren_chain_get(chain, 0, &entry, &err));
  CHECK_STR(entry.person_name, "Bai First");
  CHECK_STR(entry.unit_name, "Branch One");
  CHECK_STR(entry.reason, "Bai First (p_b1a) is secretary of Branch One (b1) since 2020-01-01");
  CHECK_OK(zeren_chain_get(chain, 4, &entry, &err));
  CHECK_STR(entry.reason,
            "Organ Committee (org) leads Branch One (b1), 1 step up; its secretary is "
            "Sun Secretary (p_sec)");

  CHECK_ERR(zeren_chain_get(chain, 5, &entry, &err), ZEREN_ERR_OUT_OF_RANGE,
            "zeren_chain_get: index 5 is not below size 5");

  /* An older, smaller entry struct is filled only up to its struct_size. */
  {
    zeren_chain_entry small = ZEREN_CHAIN_ENTRY_INIT;
    small.struct_size = (uint32_t)offsetof(zeren_chain_entry, person_id);
    small.person_id = "untouched";
    CHECK_OK(zeren_chain_get(chain, 4, &small, &err));
    CHECK_INT(small.struct_size, offsetof(zeren_chain_entry, person_id));
    CHECK_INT(small.kind, ZEREN_CHAIN_SUPERIOR);
    CHECK_STR(small.person_id, "untouched");
    small.struct_size = 4; /* too small even for the kind */
    CHECK_ERR(zeren_chain_get(chain, 0, &small, &err), ZEREN_ERR_INVALID_ARGUMENT,
              "zeren_chain_get: entry->struct_size 4 is below 8");
  }

  /* foreach visits in order and stops when the callback returns nonzero. */
  {
    kind_log record;
    memset(&record, 0, sizeof record);
    CHECK_OK(zeren_chain_foreach(chain, log_chain_kind, &record, &err));
    CHECK_INT(record.calls, 5);
    CHECK_INT(record.kinds[0], ZEREN_CHAIN_SECRETARY);
    CHECK_INT(record.kinds[4], ZEREN_CHAIN_SUPERIOR);
    memset(&record, 0, sizeof record);
    record.stop_after = 2;
    CHECK_OK(zeren_chain_foreach(chain, log_chain_kind, &record, &err));
    CHECK_INT(record.calls, 2);
    CHECK_INT(record.kinds[1], ZEREN_CHAIN_IN_CHARGE);
  }

  {
    char *json = NULL;
    size_t size = 0;
    CHECK_OK(zeren_chain_to_json(chain, &json, &size, &err));
    CHECK(json != NULL && size == strlen(json));
    CHECK(json != NULL && strstr(json, "\"unit\": \"b1\"") != NULL);
    CHECK(json != NULL && strstr(json, "\"as_of\": \"2025-02-28\"") != NULL);
    CHECK(json != NULL && strstr(json, "\"person\": \"p_b1a\"") != NULL);
    CHECK(json != NULL && strstr(json, "\"person\": \"p_dis\"") != NULL);
    CHECK(json != NULL && strstr(json, "\"kind\": \"superior\"") != NULL);
    CHECK(json != NULL && strstr(json, "p_b1b") == NULL);
    zeren_string_free(json);
  }
  zeren_chain_free(chain);

  snapshot = compile(model);
  chain = (zeren_chain *)&err;
  CHECK_ERR(zeren_snapshot_chain(snapshot, "zz", DAY_2025_06_01, &chain, &err),
            ZEREN_ERR_NOT_FOUND, "zeren_snapshot_chain: unknown unit \"zz\"");
  CHECK(chain == NULL);
  CHECK_ERR(zeren_snapshot_chain(snapshot, "b1", ZEREN_DATE_OPEN, &chain, &err),
            ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_snapshot_chain: as_of is required (not ZEREN_DATE_OPEN)");
  zeren_snapshot_free(snapshot);
  zeren_model_free(model);
}

/* ---- people and holders ------------------------------------------------------------- */

static void check_responsibility(const zeren_person_view *view, size_t index, int32_t kind,
                                 const char *unit, int32_t role, const char *duty,
                                 const char *file, int line) {
  zeren_error *err = NULL;
  zeren_responsibility r = ZEREN_RESPONSIBILITY_INIT;
  check_ok(zeren_person_view_get(view, index, &r, &err), &err, file, line, "person_view_get");
  check_int(r.kind, kind, file, line, "responsibility kind");
  check_str(r.unit_id, unit, file, line, "responsibility unit");
  check_int(r.role, role, file, line, "responsibility role");
  check_str(r.duty_id, duty, file, line, "responsibility duty");
  check(r.reason != NULL && r.reason[0] != '\0', file, line, "responsibility reason");
}

#define CHECK_RESPONSIBILITY(view, index, kind, unit, role, duty) \
  check_responsibility((view), (index), (kind), (unit), (role), (duty), __FILE__, __LINE__)

static zeren_person_view *person_view(const zeren_snapshot *snapshot, const char *person,
                                      int32_t day) {
  zeren_error *err = NULL;
  zeren_person_view *view = NULL;
  CHECK_OK(zeren_snapshot_person(snapshot, person, day, &view, &err));
  CHECK(view != NULL);
  return view;
}

static int32_t count_responsibility(void *payload, const zeren_responsibility *entry) {
  (void)entry;
  return ++*(int *)payload == 1; /* stop after the first */
}

static void test_person_view(void) {
  zeren_error *err = NULL;
  zeren_model *model = load_model(kModel);
  zeren_snapshot *snapshot = compile(model);
  zeren_person_view *view = person_view(snapshot, "p_mem", DAY_2025_06_01);
  zeren_responsibility r = ZEREN_RESPONSIBILITY_INIT;
  int calls = 0;

  CHECK_INT(zeren_person_view_size(view), 2);
  CHECK_RESPONSIBILITY(view, 0, ZEREN_RESPONSIBILITY_POST, "org", ZEREN_ROLE_MEMBER, NULL);
  CHECK_RESPONSIBILITY(view, 1, ZEREN_RESPONSIBILITY_IN_CHARGE, "b1", ZEREN_ROLE_MEMBER, NULL);
  CHECK_OK(zeren_person_view_get(view, 1, &r, &err));
  CHECK_STR(r.unit_name, "Branch One");
  CHECK_STR(r.reason, "as member of Organ Committee (org), Ma Member (p_mem) is in charge of "
                      "Branch One (b1)");
  CHECK_ERR(zeren_person_view_get(view, 2, &r, &err), ZEREN_ERR_OUT_OF_RANGE,
            "zeren_person_view_get: index 2 is not below size 2");
  CHECK_OK(zeren_person_view_foreach(view, count_responsibility, &calls, &err));
  CHECK_INT(calls, 1);
  {
    char *json = NULL;
    CHECK_OK(zeren_person_view_to_json(view, &json, NULL, &err));
    CHECK(json != NULL && strstr(json, "\"person\": \"p_mem\"") != NULL);
    CHECK(json != NULL && strstr(json, "\"kind\": \"in_charge\"") != NULL);
    zeren_string_free(json);
  }
  zeren_person_view_free(view);

  /* A guide's link has no post: role NONE. A discipline secretary supervises org. */
  view = person_view(snapshot, "p_guide", DAY_2025_06_01);
  CHECK_INT(zeren_person_view_size(view), 2);
  CHECK_RESPONSIBILITY(view, 0, ZEREN_RESPONSIBILITY_POST, "org", ZEREN_ROLE_DEPUTY, NULL);
  CHECK_RESPONSIBILITY(view, 1, ZEREN_RESPONSIBILITY_GUIDES, "b1", ZEREN_ROLE_NONE, NULL);
  zeren_person_view_free(view);
  view = person_view(snapshot, "p_dis", DAY_2025_06_01);
  CHECK_INT(zeren_person_view_size(view), 2);
  CHECK_RESPONSIBILITY(view, 0, ZEREN_RESPONSIBILITY_POST, "odc",
                       ZEREN_ROLE_DISCIPLINE_SECRETARY, NULL);
  CHECK_RESPONSIBILITY(view, 1, ZEREN_RESPONSIBILITY_SUPERVISES, "org",
                       ZEREN_ROLE_DISCIPLINE_SECRETARY, NULL);
  zeren_person_view_free(view);
  /* Before the change p_b1b answers for nothing. */
  view = person_view(snapshot, "p_b1b", DAY_2025_02_28);
  CHECK_INT(zeren_person_view_size(view), 0);
  zeren_person_view_free(view);

  view = (zeren_person_view *)&err;
  CHECK_ERR(zeren_snapshot_person(snapshot, "ghost", DAY_2025_06_01, &view, &err),
            ZEREN_ERR_NOT_FOUND, "zeren_snapshot_person: unknown person \"ghost\"");
  CHECK(view == NULL);
  zeren_snapshot_free(snapshot);
  zeren_model_free(model);
}

typedef struct {
  int calls;
  int stop_after;
  char person[32];
  char name[32];
  int32_t from, to;
} holder_log;

static int32_t log_holder(void *payload, const char *person_id, const char *person_name,
                          int32_t from, int32_t to) {
  holder_log *record = (holder_log *)payload;
  ++record->calls;
  snprintf(record->person, sizeof record->person, "%s", person_id);
  snprintf(record->name, sizeof record->name, "%s", person_name);
  record->from = from;
  record->to = to;
  return record->calls == record->stop_after;
}

static holder_log holders(const zeren_snapshot *snapshot, const char *unit, int32_t role,
                          int32_t day, int stop_after) {
  zeren_error *err = NULL;
  holder_log record;
  memset(&record, 0, sizeof record);
  record.stop_after = stop_after;
  CHECK_OK(zeren_snapshot_holders(snapshot, unit, role, day, log_holder, &record, &err));
  return record;
}

static void test_holders(void) {
  zeren_error *err = NULL;
  zeren_model *model = load_model(kModel);
  zeren_snapshot *snapshot = compile(model);
  holder_log record = holders(snapshot, "b1", ZEREN_ROLE_SECRETARY, DAY_2025_02_28, 0);
  CHECK_INT(record.calls, 1);
  CHECK_STR(record.person, "p_b1a");
  CHECK_STR(record.name, "Bai First");
  CHECK_INT(record.from, DAY_2020_01_01);
  CHECK_INT(record.to, DAY_2025_03_01);
  record = holders(snapshot, "b1", ZEREN_ROLE_SECRETARY, DAY_2025_03_01, 0);
  CHECK_INT(record.calls, 1);
  CHECK_STR(record.person, "p_b1b");
  CHECK_INT(record.from, DAY_2025_03_01);
  CHECK_INT(record.to, ZEREN_DATE_OPEN); /* still held */
  record = holders(snapshot, "b1", ZEREN_ROLE_HEAD, DAY_2025_03_01, 0);
  CHECK_INT(record.calls, 0);

  CHECK_ERR(zeren_snapshot_holders(snapshot, "zz", ZEREN_ROLE_SECRETARY, DAY_2025_03_01,
                                   log_holder, &record, &err),
            ZEREN_ERR_NOT_FOUND, "zeren_snapshot_holders: unknown unit \"zz\"");
  CHECK_ERR(zeren_snapshot_holders(snapshot, "b1", 6, DAY_2025_03_01, log_holder, &record, &err),
            ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_snapshot_holders: role 6 is not a ZEREN_ROLE_* value");
  CHECK_ERR(zeren_snapshot_holders(snapshot, "b1", ZEREN_ROLE_NONE, DAY_2025_03_01, log_holder,
                                   &record, &err),
            ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_snapshot_holders: role -1 is not a ZEREN_ROLE_* value");
  zeren_snapshot_free(snapshot);
  zeren_model_free(model);
}

/* ---- edits -------------------------------------------------------------------------- */

static const char *const kOrg[] = {"org"};
static const char *const kNewPerson[] = {"p_new"};

/* A new branch b2 from 2025-01-01 with a secretary p_new (also a member of org), supervised
   by odc, with a duty of its secretary and an incident. */
static zeren_edit *grow_edit(void) {
  zeren_error *err = NULL;
  zeren_edit *edit = NULL;
  zeren_unit_spec unit = ZEREN_UNIT_SPEC_INIT;
  zeren_post_spec post = ZEREN_POST_SPEC_INIT;
  zeren_link_spec link = ZEREN_LINK_SPEC_INIT;
  zeren_duty_spec duty = ZEREN_DUTY_SPEC_INIT;
  zeren_incident_spec incident = ZEREN_INCIDENT_SPEC_INIT;
  static const int32_t kinds[] = {ZEREN_CIRCUMSTANCE_SELF_REPORT};

  CHECK_OK(zeren_edit_new(&edit, &err));
  unit.id = "b2";
  unit.name = "Branch Two";
  unit.kind = "branch";
  unit.members = 5;
  unit.parents = kOrg;
  unit.parent_count = 1;
  unit.from = DAY_2025_01_01;
  CHECK_OK(zeren_edit_put_unit(edit, &unit, &err));
  CHECK_OK(zeren_edit_put_person(edit, "p_new", "Nie New", &err));
  post.person = "p_new";
  post.unit = "b2";
  post.role = ZEREN_ROLE_SECRETARY;
  post.from = DAY_2025_01_01;
  CHECK_OK(zeren_edit_add_post(edit, &post, &err));
  post.unit = "org";
  post.role = ZEREN_ROLE_MEMBER;
  CHECK_OK(zeren_edit_add_post(edit, &post, &err));
  link.kind = ZEREN_LINK_SUPERVISES;
  link.from = "odc";
  link.to = "b2";
  link.from_date = DAY_2025_01_01;
  CHECK_OK(zeren_edit_add_link(edit, &link, &err));
  duty.id = "d1";
  duty.unit = "b2";
  duty.role = ZEREN_ROLE_SECRETARY;
  duty.category = ZEREN_DUTY_FIRST_RESPONSIBLE;
  duty.dimension = "integrity";
  CHECK_OK(zeren_edit_put_duty(edit, &duty, &err));
  incident.id = "i1";
  incident.unit = "b2";
  incident.date = DAY_2025_05_01;
  incident.severity = ZEREN_SEVERITY_SERIOUS;
  incident.duty = "d1";
  incident.direct = kNewPerson;
  incident.direct_count = 1;
  incident.circumstance_kinds = kinds;
  incident.circumstance_count = 1;
  CHECK_OK(zeren_edit_put_incident(edit, &incident, &err));
  return edit;
}

/* The model is byte-identical after a failed apply. */
static zeren_error *apply_fails(zeren_model *model, const zeren_edit *edit, size_t total,
                                const char *file, int line) {
  zeren_error *err = NULL;
  char *before = to_json(model);
  char *after;
  check_int(zeren_model_apply(model, edit, &err), ZEREN_ERR_INVALID_MODEL, file, line,
            "apply fails as INVALID_MODEL");
  check_int(zeren_error_problem_total(err), total, file, line, "problem total");
  after = to_json(model);
  check(before != NULL && after != NULL && strcmp(before, after) == 0, file, line,
        "model unchanged");
  zeren_string_free(before);
  zeren_string_free(after);
  return err;
}

#define APPLY_FAILS(model, edit, total) apply_fails((model), (edit), (total), __FILE__, __LINE__)

static void test_edits(void) {
  zeren_error *err = NULL;
  zeren_model *model = load_model(kModel);
  zeren_snapshot *old_snapshot = compile(model);
  zeren_snapshot *snapshot;
  zeren_edit *edit = grow_edit();
  zeren_person_view *view;
  zeren_chain *chain = NULL;
  holder_log record;
  char *json;

  CHECK_OK(zeren_model_apply(model, edit, &err));
  CHECK_INT(zeren_model_unit_count(model), 4);
  CHECK_INT(zeren_model_person_count(model), 7);
  CHECK_INT(zeren_model_post_count(model), 8);
  CHECK_INT(zeren_model_link_count(model), 3);
  json = to_json(model);
  CHECK(json != NULL && strstr(json, "\"id\": \"i1\"") != NULL);
  CHECK(json != NULL && strstr(json, "\"severity\": \"serious\"") != NULL);
  CHECK(json != NULL && strstr(json, "\"kind\": \"self_report\"") != NULL);
  CHECK(json != NULL && strstr(json, "\"category\": \"first_responsible\"") != NULL);
  zeren_string_free(json);

  /* The edit is not consumed; applying it again duplicates b2's secretary post. */
  err = APPLY_FAILS(model, edit, 1);
  CHECK_PROBLEM(err, 0, "posts[8]", "b2",
                "secretary posts of unit \"b2\" overlap: \"p_new\" (posts[6], 2025-01-01 to "
                "\xe2\x80\xa6) and \"p_new\" (2025-01-01 to \xe2\x80\xa6)");
  zeren_error_free(err);
  err = NULL;
  zeren_edit_free(edit);

  /* A snapshot does not refer to its model: the old one still has 3 units. */
  CHECK_INT(zeren_snapshot_unit_count(old_snapshot), 3);
  zeren_snapshot_free(old_snapshot);

  snapshot = compile(model);
  CHECK_INT(zeren_snapshot_unit_count(snapshot), 4);
  view = person_view(snapshot, "p_new", DAY_2025_06_01);
  CHECK_INT(zeren_person_view_size(view), 3);
  CHECK_RESPONSIBILITY(view, 0, ZEREN_RESPONSIBILITY_POST, "b2", ZEREN_ROLE_SECRETARY, NULL);
  CHECK_RESPONSIBILITY(view, 1, ZEREN_RESPONSIBILITY_POST, "org", ZEREN_ROLE_MEMBER, NULL);
  CHECK_RESPONSIBILITY(view, 2, ZEREN_RESPONSIBILITY_DUTY, "b2", ZEREN_ROLE_SECRETARY, "d1");
  zeren_person_view_free(view);
  record = holders(snapshot, "org", ZEREN_ROLE_MEMBER, DAY_2025_06_01, 0);
  CHECK_INT(record.calls, 2);
  record = holders(snapshot, "org", ZEREN_ROLE_MEMBER, DAY_2025_06_01, 1); /* stops early */
  CHECK_INT(record.calls, 1);
  CHECK_STR(record.person, "p_mem");
  /* b2 does not exist before 2025-01-01. */
  CHECK_ERR(zeren_snapshot_chain(snapshot, "b2", DAY_2024_12_31, &chain, &err),
            ZEREN_ERR_NOT_FOUND, "unit Branch Two (b2) does not exist on 2024-12-31");
  CHECK(chain == NULL);
  chain = chain_of(snapshot, "b2", DAY_2025_06_01);
  /* Nobody is in charge of b2 or org; odc supervises b2 itself, so at distance 0. */
  CHECK_INT(zeren_chain_size(chain), 3);
  CHECK_ENTRY(chain, 0, ZEREN_CHAIN_SECRETARY, "p_new", "b2", 0);
  CHECK_ENTRY(chain, 1, ZEREN_CHAIN_SUPERVISOR, "p_dis", "odc", 0);
  CHECK_ENTRY(chain, 2, ZEREN_CHAIN_SUPERIOR, "p_sec", "org", 1);
  zeren_chain_free(chain);
  zeren_snapshot_free(snapshot);

  /* An unknown parent: the whole batch fails and the model stays as it was. */
  {
    static const char *const kNope[] = {"nope"};
    zeren_unit_spec unit = ZEREN_UNIT_SPEC_INIT;
    unit.id = "b3";
    unit.name = "Branch Three";
    unit.kind = "branch";
    unit.parents = kNope;
    unit.parent_count = 1;
    CHECK_OK(zeren_edit_new(&edit, &err));
    CHECK_OK(zeren_edit_put_person(edit, "p_other", "Other", &err));
    CHECK_OK(zeren_edit_put_unit(edit, &unit, &err));
    err = APPLY_FAILS(model, edit, 1);
    CHECK_STR(zeren_error_message(err), "units[4].parents[0]: unknown unit \"nope\"");
    CHECK_INT(zeren_error_problem_count(err), 1);
    CHECK_PROBLEM(err, 0, "units[4].parents[0]", "nope", "unknown unit \"nope\"");
    zeren_error_free(err);
    err = NULL;
    zeren_edit_free(edit);
    CHECK_INT(zeren_model_unit_count(model), 4);
    CHECK_INT(zeren_model_person_count(model), 7);
  }

  /* End b1's secretary post and the guides link: b1's secretary is vacant afterwards. */
  CHECK_OK(zeren_edit_new(&edit, &err));
  CHECK_OK(zeren_edit_end_post(edit, "p_b1b", "b1", ZEREN_ROLE_SECRETARY, DAY_2025_09_01, &err));
  CHECK_OK(zeren_edit_end_link(edit, ZEREN_LINK_GUIDES, "p_guide", "b1", DAY_2025_07_01, &err));
  CHECK_OK(zeren_model_apply(model, edit, &err));
  zeren_edit_free(edit);
  snapshot = compile(model);
  record = holders(snapshot, "b1", ZEREN_ROLE_SECRETARY, DAY_2025_06_01, 0);
  CHECK_INT(record.calls, 1);
  CHECK_INT(record.to, DAY_2025_09_01);
  record = holders(snapshot, "b1", ZEREN_ROLE_SECRETARY, DAY_2025_10_01, 0);
  CHECK_INT(record.calls, 0);
  chain = chain_of(snapshot, "b1", DAY_2025_10_01);
  CHECK_INT(zeren_chain_size(chain), 4); /* no guide any more */
  CHECK_ENTRY(chain, 0, ZEREN_CHAIN_SECRETARY, NULL, "b1", 0);
  {
    zeren_chain_entry entry = ZEREN_CHAIN_ENTRY_INIT;
    CHECK_OK(zeren_chain_get(chain, 0, &entry, &err));
    CHECK_STR(entry.reason, "the secretary post of Branch One (b1) is vacant on 2025-10-01");
  }
  CHECK_ENTRY(chain, 1, ZEREN_CHAIN_IN_CHARGE, "p_mem", "org", 0);
  CHECK_ENTRY(chain, 2, ZEREN_CHAIN_SUPERVISOR, "p_dis", "odc", 1);
  CHECK_ENTRY(chain, 3, ZEREN_CHAIN_SUPERIOR, "p_sec", "org", 1);
  zeren_chain_free(chain);
  zeren_snapshot_free(snapshot);

  /* Ending a post that is not open fails. */
  CHECK_OK(zeren_edit_new(&edit, &err));
  CHECK_OK(zeren_edit_end_post(edit, "p_b1a", "b1", ZEREN_ROLE_SECRETARY, DAY_2025_10_01, &err));
  err = APPLY_FAILS(model, edit, 1);
  CHECK_PROBLEM(err, 0, "edit[0]", "p_b1a",
                "no open secretary post of \"p_b1a\" in unit \"b1\" to end");
  zeren_error_free(err);
  err = NULL;
  zeren_edit_free(edit);

  /* Removing a unit that posts and links still name fails, with every reference listed. */
  CHECK_OK(zeren_edit_new(&edit, &err));
  CHECK_OK(zeren_edit_remove_unit(edit, "b1", &err));
  err = APPLY_FAILS(model, edit, 4);
  CHECK_PROBLEM(err, 0, "posts[2].in_charge_of[0]", "b1", "unknown unit \"b1\"");
  CHECK_PROBLEM(err, 1, "posts[4].unit", "b1", "unknown unit \"b1\"");
  CHECK_PROBLEM(err, 2, "posts[5].unit", "b1", "unknown unit \"b1\"");
  CHECK_PROBLEM(err, 3, "links[1].to", "b1", "unknown unit \"b1\"");
  zeren_error_free(err);
  err = NULL;
  zeren_edit_free(edit);

  /* Removing what nothing names works; removing what is not there fails. */
  CHECK_OK(zeren_edit_new(&edit, &err));
  CHECK_OK(zeren_edit_put_person(edit, "p_tmp", "Temporary", &err));
  CHECK_OK(zeren_edit_remove_person(edit, "p_tmp", &err));
  CHECK_OK(zeren_model_apply(model, edit, &err));
  CHECK_INT(zeren_model_person_count(model), 7);
  zeren_edit_free(edit);
  CHECK_OK(zeren_edit_new(&edit, &err));
  CHECK_OK(zeren_edit_remove_person(edit, "ghost", &err));
  CHECK_OK(zeren_edit_remove_unit(edit, "nowhere", &err));
  err = APPLY_FAILS(model, edit, 2);
  CHECK_PROBLEM(err, 0, "edit[0]", "ghost", "no person \"ghost\" to remove");
  CHECK_PROBLEM(err, 1, "edit[1]", "nowhere", "no unit \"nowhere\" to remove");
  zeren_error_free(err);
  err = NULL;
  zeren_edit_free(edit);

  zeren_model_free(model);
}

/* Specs from an older, smaller struct: fields past struct_size take their _INIT defaults. */
static void test_spec_sizes(void) {
  zeren_error *err = NULL;
  zeren_model *model = load_model(kModel);
  zeren_snapshot *snapshot;
  zeren_edit *edit = NULL;
  zeren_chain *chain;
  zeren_unit_spec unit = ZEREN_UNIT_SPEC_INIT;

  CHECK_OK(zeren_edit_new(&edit, &err));
  unit.struct_size = (uint32_t)offsetof(zeren_unit_spec, from);
  unit.id = "b4";
  unit.name = "Branch Four";
  unit.kind = "branch";
  unit.parents = kOrg;
  unit.parent_count = 1;
  unit.from = DAY_2030_01_01; /* beyond struct_size: ignored, the unit always exists */
  CHECK_OK(zeren_edit_put_unit(edit, &unit, &err));
  unit.struct_size = 4;
  CHECK_ERR(zeren_edit_put_unit(edit, &unit, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_edit_put_unit: unit->struct_size 4 is below 16");
  /* A size ending inside a field (here half of `name`) is no version of the struct: copying
     it would make a pointer of half the caller's bytes (found by the C API fuzzer). */
  unit.struct_size = (uint32_t)offsetof(zeren_unit_spec, name) + 4;
  CHECK_ERR(zeren_edit_put_unit(edit, &unit, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_edit_put_unit: unit->struct_size 20 ends inside a field (not the size of any "
            "version)");
  CHECK_OK(zeren_model_apply(model, edit, &err));
  zeren_edit_free(edit);
  snapshot = compile(model);
  chain = chain_of(snapshot, "b4", DAY_2025_06_01);
  CHECK_INT(zeren_chain_size(chain), 3); /* vacant secretary, supervisor via org, org */
  CHECK_ENTRY(chain, 0, ZEREN_CHAIN_SECRETARY, NULL, "b4", 0);
  zeren_chain_free(chain);
  zeren_snapshot_free(snapshot);
  zeren_model_free(model);
}

/* Malformed specs and enum values: INVALID_ARGUMENT, and nothing is added to the edit. */
static void test_bad_specs(void) {
  zeren_error *err = NULL;
  zeren_edit *edit = NULL;
  zeren_unit_spec unit = ZEREN_UNIT_SPEC_INIT;
  zeren_post_spec post = ZEREN_POST_SPEC_INIT;
  zeren_link_spec link = ZEREN_LINK_SPEC_INIT;
  zeren_duty_spec duty = ZEREN_DUTY_SPEC_INIT;
  zeren_incident_spec incident = ZEREN_INCIDENT_SPEC_INIT;
  static const char *const kHoles[] = {"org", NULL};
  static const int32_t kBadKind[] = {8};
  zeren_model *model = load_model(kModel);
  char *before = to_json(model);
  char *after;

  CHECK_OK(zeren_edit_new(&edit, &err));
  unit.id = "b5";
  unit.name = "Five";
  CHECK_ERR(zeren_edit_put_unit(edit, &unit, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_edit_put_unit: unit->kind is NULL");
  unit.kind = "branch";
  unit.parents = kHoles;
  unit.parent_count = 2;
  CHECK_ERR(zeren_edit_put_unit(edit, &unit, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_edit_put_unit: unit->parents[1] is NULL");
  unit.parents = NULL;
  CHECK_ERR(zeren_edit_put_unit(edit, &unit, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_edit_put_unit: unit->parents is NULL");

  post.person = "p_sec";
  post.unit = "b1";
  post.from = DAY_2025_01_01;
  post.role = 6;
  CHECK_ERR(zeren_edit_add_post(edit, &post, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_edit_add_post: post->role 6 is not a ZEREN_ROLE_* value");
  post.role = ZEREN_ROLE_NONE; /* only a duty may be held by the unit itself */
  CHECK_ERR(zeren_edit_add_post(edit, &post, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_edit_add_post: post->role -1 is not a ZEREN_ROLE_* value");
  post.role = ZEREN_ROLE_MEMBER;
  post.from = ZEREN_DATE_OPEN;
  CHECK_ERR(zeren_edit_add_post(edit, &post, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_edit_add_post: post->from is required (not ZEREN_DATE_OPEN)");
  post.from = DAY_2025_01_01;
  post.in_charge_count = 1;
  CHECK_ERR(zeren_edit_add_post(edit, &post, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_edit_add_post: post->in_charge_of is NULL");

  link.from = "odc";
  link.to = "b1";
  link.kind = 3;
  CHECK_ERR(zeren_edit_add_link(edit, &link, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_edit_add_link: link->kind 3 is not a ZEREN_LINK_* value");
  link.kind = -1;
  CHECK_ERR(zeren_edit_add_link(edit, &link, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_edit_add_link: link->kind -1 is not a ZEREN_LINK_* value");

  duty.id = "d9";
  duty.unit = "b1";
  duty.category = 5;
  CHECK_ERR(zeren_edit_put_duty(edit, &duty, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_edit_put_duty: duty->category 5 is not a ZEREN_DUTY_* value");
  duty.category = ZEREN_DUTY_PRINCIPAL;
  duty.role = -2;
  CHECK_ERR(zeren_edit_put_duty(edit, &duty, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_edit_put_duty: duty->role -2 is not a ZEREN_ROLE_* value");

  incident.id = "i9";
  incident.unit = "b1";
  incident.date = DAY_2025_05_01;
  incident.severity = 3;
  CHECK_ERR(zeren_edit_put_incident(edit, &incident, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_edit_put_incident: incident->severity 3 is not a ZEREN_SEVERITY_* value");
  incident.severity = ZEREN_SEVERITY_GRAVE;
  incident.circumstance_kinds = kBadKind;
  incident.circumstance_count = 1;
  CHECK_ERR(zeren_edit_put_incident(edit, &incident, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_edit_put_incident: incident->circumstance_kinds[0] 8 is not a "
            "ZEREN_CIRCUMSTANCE_* value");
  incident.circumstance_kinds = NULL;
  CHECK_ERR(zeren_edit_put_incident(edit, &incident, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_edit_put_incident: incident->circumstance_kinds is NULL");
  incident.circumstance_count = 0;
  incident.date = ZEREN_DATE_OPEN;
  CHECK_ERR(zeren_edit_put_incident(edit, &incident, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_edit_put_incident: incident->date is required (not ZEREN_DATE_OPEN)");

  CHECK_ERR(zeren_edit_end_post(edit, "p_b1b", "b1", 9, DAY_2025_09_01, &err),
            ZEREN_ERR_INVALID_ARGUMENT, "zeren_edit_end_post: role 9 is not a ZEREN_ROLE_* value");
  CHECK_ERR(zeren_edit_end_post(edit, "p_b1b", "b1", ZEREN_ROLE_SECRETARY, ZEREN_DATE_OPEN, &err),
            ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_edit_end_post: to is required (not ZEREN_DATE_OPEN)");
  CHECK_ERR(zeren_edit_end_link(edit, 7, "p_guide", "b1", DAY_2025_09_01, &err),
            ZEREN_ERR_INVALID_ARGUMENT, "zeren_edit_end_link: kind 7 is not a ZEREN_LINK_* value");
  CHECK_ERR(zeren_edit_end_link(edit, ZEREN_LINK_GUIDES, "p_guide", "b1", ZEREN_DATE_OPEN, &err),
            ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_edit_end_link: end is required (not ZEREN_DATE_OPEN)");

  /* None of the rejected operations reached the edit: applying it changes nothing. */
  CHECK_OK(zeren_model_apply(model, edit, &err));
  after = to_json(model);
  CHECK_STR(after, before);
  zeren_string_free(before);
  zeren_string_free(after);
  zeren_edit_free(edit);
  zeren_model_free(model);
}

/* ---- NULL arguments and frees ------------------------------------------------------- */

static int32_t stop_chain(void *payload, const zeren_chain_entry *entry) {
  (void)payload;
  (void)entry;
  return 1;
}

static int32_t stop_holder(void *payload, const char *id, const char *name, int32_t from,
                           int32_t to) {
  (void)payload;
  (void)id;
  (void)name;
  (void)from;
  (void)to;
  return 1;
}

#define CHECK_NULL_ARG(e, message) CHECK_ERR((e), ZEREN_ERR_INVALID_ARGUMENT, (message))

static void test_null_arguments(void) {
  zeren_error *err = NULL;
  zeren_model *model = load_model(kModel);
  zeren_snapshot *snapshot = compile(model);
  zeren_chain *chain = chain_of(snapshot, "b1", DAY_2025_06_01);
  zeren_person_view *view = person_view(snapshot, "p_mem", DAY_2025_06_01);
  zeren_edit *edit = NULL;
  int dummy = 0;
  zeren_model *out_model = (zeren_model *)&dummy;
  zeren_snapshot *out_snapshot = (zeren_snapshot *)&dummy;
  zeren_chain *out_chain = (zeren_chain *)&dummy;
  zeren_person_view *out_view = (zeren_person_view *)&dummy;
  char *text = (char *)&dummy;
  size_t size = 99;
  uint32_t level = 99;
  zeren_chain_entry entry = ZEREN_CHAIN_ENTRY_INIT;
  zeren_responsibility r = ZEREN_RESPONSIBILITY_INIT;
  zeren_unit_spec unit = ZEREN_UNIT_SPEC_INIT;
  zeren_post_spec post = ZEREN_POST_SPEC_INIT;
  zeren_link_spec link = ZEREN_LINK_SPEC_INIT;
  zeren_duty_spec duty = ZEREN_DUTY_SPEC_INIT;
  zeren_incident_spec incident = ZEREN_INCIDENT_SPEC_INIT;

  CHECK_OK(zeren_edit_new(&edit, &err));

  CHECK_NULL_ARG(zeren_model_new(NULL, &err), "zeren_model_new: out is NULL");
  CHECK_NULL_ARG(zeren_model_load_file(NULL, &out_model, &err),
                 "zeren_model_load_file: path is NULL");
  CHECK(out_model == NULL);
  CHECK_NULL_ARG(zeren_model_load_file("x.json", NULL, &err),
                 "zeren_model_load_file: out is NULL");
  out_model = (zeren_model *)&dummy;
  CHECK_NULL_ARG(zeren_model_load_buffer(NULL, 0, &out_model, &err),
                 "zeren_model_load_buffer: data is NULL");
  CHECK(out_model == NULL);
  CHECK_NULL_ARG(zeren_model_load_buffer(kModel, strlen(kModel), NULL, &err),
                 "zeren_model_load_buffer: out is NULL");
  CHECK_NULL_ARG(zeren_validate_buffer(NULL, 0, &err), "zeren_validate_buffer: data is NULL");
  CHECK_NULL_ARG(zeren_model_save_file(NULL, "x.json", &err),
                 "zeren_model_save_file: model is NULL");
  CHECK_NULL_ARG(zeren_model_save_file(model, NULL, &err), "zeren_model_save_file: path is NULL");
  CHECK_NULL_ARG(zeren_model_to_json(NULL, &text, &size, &err),
                 "zeren_model_to_json: model is NULL");
  CHECK(text == NULL);
  CHECK_INT(size, 0);
  CHECK_NULL_ARG(zeren_model_to_json(model, NULL, &size, &err), "zeren_model_to_json: out is NULL");
  CHECK_INT(zeren_model_unit_count(NULL), 0);
  CHECK_INT(zeren_model_person_count(NULL), 0);
  CHECK_INT(zeren_model_post_count(NULL), 0);
  CHECK_INT(zeren_model_link_count(NULL), 0);

  CHECK_NULL_ARG(zeren_edit_new(NULL, &err), "zeren_edit_new: out is NULL");
  CHECK_NULL_ARG(zeren_edit_put_unit(NULL, &unit, &err), "zeren_edit_put_unit: edit is NULL");
  CHECK_NULL_ARG(zeren_edit_put_unit(edit, NULL, &err), "zeren_edit_put_unit: unit is NULL");
  CHECK_NULL_ARG(zeren_edit_put_unit(edit, &unit, &err), "zeren_edit_put_unit: unit->id is NULL");
  unit.id = "u";
  CHECK_NULL_ARG(zeren_edit_put_unit(edit, &unit, &err),
                 "zeren_edit_put_unit: unit->name is NULL");
  CHECK_NULL_ARG(zeren_edit_put_person(NULL, "p", "P", &err),
                 "zeren_edit_put_person: edit is NULL");
  CHECK_NULL_ARG(zeren_edit_put_person(edit, NULL, "P", &err),
                 "zeren_edit_put_person: id is NULL");
  CHECK_NULL_ARG(zeren_edit_put_person(edit, "p", NULL, &err),
                 "zeren_edit_put_person: name is NULL");
  CHECK_NULL_ARG(zeren_edit_put_duty(NULL, &duty, &err), "zeren_edit_put_duty: edit is NULL");
  CHECK_NULL_ARG(zeren_edit_put_duty(edit, NULL, &err), "zeren_edit_put_duty: duty is NULL");
  CHECK_NULL_ARG(zeren_edit_put_duty(edit, &duty, &err), "zeren_edit_put_duty: duty->id is NULL");
  duty.id = "d";
  CHECK_NULL_ARG(zeren_edit_put_duty(edit, &duty, &err),
                 "zeren_edit_put_duty: duty->unit is NULL");
  CHECK_NULL_ARG(zeren_edit_put_incident(NULL, &incident, &err),
                 "zeren_edit_put_incident: edit is NULL");
  CHECK_NULL_ARG(zeren_edit_put_incident(edit, NULL, &err),
                 "zeren_edit_put_incident: incident is NULL");
  CHECK_NULL_ARG(zeren_edit_put_incident(edit, &incident, &err),
                 "zeren_edit_put_incident: incident->id is NULL");
  incident.id = "i";
  CHECK_NULL_ARG(zeren_edit_put_incident(edit, &incident, &err),
                 "zeren_edit_put_incident: incident->unit is NULL");
  incident.unit = "b1";
  incident.direct_count = 1;
  CHECK_NULL_ARG(zeren_edit_put_incident(edit, &incident, &err),
                 "zeren_edit_put_incident: incident->direct is NULL");
  incident.direct_count = 0;
  incident.participant_count = 2;
  CHECK_NULL_ARG(zeren_edit_put_incident(edit, &incident, &err),
                 "zeren_edit_put_incident: incident->participants is NULL");
  CHECK_NULL_ARG(zeren_edit_add_post(NULL, &post, &err), "zeren_edit_add_post: edit is NULL");
  CHECK_NULL_ARG(zeren_edit_add_post(edit, NULL, &err), "zeren_edit_add_post: post is NULL");
  CHECK_NULL_ARG(zeren_edit_add_post(edit, &post, &err),
                 "zeren_edit_add_post: post->person is NULL");
  post.person = "p_sec";
  CHECK_NULL_ARG(zeren_edit_add_post(edit, &post, &err),
                 "zeren_edit_add_post: post->unit is NULL");
  CHECK_NULL_ARG(zeren_edit_add_link(NULL, &link, &err), "zeren_edit_add_link: edit is NULL");
  CHECK_NULL_ARG(zeren_edit_add_link(edit, NULL, &err), "zeren_edit_add_link: link is NULL");
  CHECK_NULL_ARG(zeren_edit_add_link(edit, &link, &err),
                 "zeren_edit_add_link: link->from is NULL");
  link.from = "odc";
  CHECK_NULL_ARG(zeren_edit_add_link(edit, &link, &err), "zeren_edit_add_link: link->to is NULL");
  CHECK_NULL_ARG(zeren_edit_end_post(NULL, "p", "u", ZEREN_ROLE_SECRETARY, 1, &err),
                 "zeren_edit_end_post: edit is NULL");
  CHECK_NULL_ARG(zeren_edit_end_post(edit, NULL, "u", ZEREN_ROLE_SECRETARY, 1, &err),
                 "zeren_edit_end_post: person is NULL");
  CHECK_NULL_ARG(zeren_edit_end_post(edit, "p", NULL, ZEREN_ROLE_SECRETARY, 1, &err),
                 "zeren_edit_end_post: unit is NULL");
  CHECK_NULL_ARG(zeren_edit_end_link(NULL, ZEREN_LINK_GUIDES, "p", "u", 1, &err),
                 "zeren_edit_end_link: edit is NULL");
  CHECK_NULL_ARG(zeren_edit_end_link(edit, ZEREN_LINK_GUIDES, NULL, "u", 1, &err),
                 "zeren_edit_end_link: from is NULL");
  CHECK_NULL_ARG(zeren_edit_end_link(edit, ZEREN_LINK_GUIDES, "p", NULL, 1, &err),
                 "zeren_edit_end_link: to is NULL");
  CHECK_NULL_ARG(zeren_edit_remove_unit(NULL, "u", &err), "zeren_edit_remove_unit: edit is NULL");
  CHECK_NULL_ARG(zeren_edit_remove_unit(edit, NULL, &err), "zeren_edit_remove_unit: id is NULL");
  CHECK_NULL_ARG(zeren_edit_remove_person(NULL, "p", &err),
                 "zeren_edit_remove_person: edit is NULL");
  CHECK_NULL_ARG(zeren_edit_remove_person(edit, NULL, &err),
                 "zeren_edit_remove_person: id is NULL");
  CHECK_NULL_ARG(zeren_model_apply(NULL, edit, &err), "zeren_model_apply: model is NULL");
  CHECK_NULL_ARG(zeren_model_apply(model, NULL, &err), "zeren_model_apply: edit is NULL");

  CHECK_NULL_ARG(zeren_snapshot_compile(NULL, &out_snapshot, &err),
                 "zeren_snapshot_compile: model is NULL");
  CHECK(out_snapshot == NULL);
  CHECK_NULL_ARG(zeren_snapshot_compile(model, NULL, &err), "zeren_snapshot_compile: out is NULL");
  CHECK_INT(zeren_snapshot_unit_count(NULL), 0);
  CHECK_NULL_ARG(zeren_snapshot_unit_level(NULL, "b1", &level, &err),
                 "zeren_snapshot_unit_level: snapshot is NULL");
  CHECK_INT(level, 0);
  CHECK_NULL_ARG(zeren_snapshot_unit_level(snapshot, NULL, &level, &err),
                 "zeren_snapshot_unit_level: unit is NULL");
  CHECK_NULL_ARG(zeren_snapshot_unit_level(snapshot, "b1", NULL, &err),
                 "zeren_snapshot_unit_level: out_level is NULL");

  CHECK_NULL_ARG(zeren_snapshot_chain(NULL, "b1", DAY_2025_06_01, &out_chain, &err),
                 "zeren_snapshot_chain: snapshot is NULL");
  CHECK(out_chain == NULL);
  CHECK_NULL_ARG(zeren_snapshot_chain(snapshot, NULL, DAY_2025_06_01, &out_chain, &err),
                 "zeren_snapshot_chain: unit is NULL");
  CHECK_NULL_ARG(zeren_snapshot_chain(snapshot, "b1", DAY_2025_06_01, NULL, &err),
                 "zeren_snapshot_chain: out is NULL");
  CHECK_INT(zeren_chain_size(NULL), 0);
  CHECK_NULL_ARG(zeren_chain_get(NULL, 0, &entry, &err), "zeren_chain_get: chain is NULL");
  CHECK_NULL_ARG(zeren_chain_get(chain, 0, NULL, &err), "zeren_chain_get: entry is NULL");
  CHECK_NULL_ARG(zeren_chain_foreach(NULL, stop_chain, NULL, &err),
                 "zeren_chain_foreach: chain is NULL");
  CHECK_NULL_ARG(zeren_chain_foreach(chain, NULL, NULL, &err), "zeren_chain_foreach: fn is NULL");
  CHECK_OK(zeren_chain_foreach(chain, stop_chain, NULL, &err)); /* payload may be NULL */
  text = (char *)&dummy;
  size = 99;
  CHECK_NULL_ARG(zeren_chain_to_json(NULL, &text, &size, &err),
                 "zeren_chain_to_json: chain is NULL");
  CHECK(text == NULL);
  CHECK_INT(size, 0);
  CHECK_NULL_ARG(zeren_chain_to_json(chain, NULL, NULL, &err), "zeren_chain_to_json: out is NULL");

  CHECK_NULL_ARG(zeren_snapshot_person(NULL, "p_mem", DAY_2025_06_01, &out_view, &err),
                 "zeren_snapshot_person: snapshot is NULL");
  CHECK(out_view == NULL);
  CHECK_NULL_ARG(zeren_snapshot_person(snapshot, NULL, DAY_2025_06_01, &out_view, &err),
                 "zeren_snapshot_person: person is NULL");
  CHECK_NULL_ARG(zeren_snapshot_person(snapshot, "p_mem", DAY_2025_06_01, NULL, &err),
                 "zeren_snapshot_person: out is NULL");
  CHECK_INT(zeren_person_view_size(NULL), 0);
  CHECK_NULL_ARG(zeren_person_view_get(NULL, 0, &r, &err), "zeren_person_view_get: view is NULL");
  CHECK_NULL_ARG(zeren_person_view_get(view, 0, NULL, &err),
                 "zeren_person_view_get: entry is NULL");
  CHECK_NULL_ARG(zeren_person_view_foreach(NULL, NULL, NULL, &err),
                 "zeren_person_view_foreach: view is NULL");
  CHECK_NULL_ARG(zeren_person_view_foreach(view, NULL, NULL, &err),
                 "zeren_person_view_foreach: fn is NULL");
  text = (char *)&dummy;
  CHECK_NULL_ARG(zeren_person_view_to_json(NULL, &text, NULL, &err),
                 "zeren_person_view_to_json: view is NULL");
  CHECK(text == NULL);
  CHECK_NULL_ARG(zeren_person_view_to_json(view, NULL, NULL, &err),
                 "zeren_person_view_to_json: out is NULL");

  CHECK_NULL_ARG(zeren_snapshot_holders(NULL, "b1", ZEREN_ROLE_SECRETARY, DAY_2025_06_01,
                                        stop_holder, NULL, &err),
                 "zeren_snapshot_holders: snapshot is NULL");
  CHECK_NULL_ARG(zeren_snapshot_holders(snapshot, NULL, ZEREN_ROLE_SECRETARY, DAY_2025_06_01,
                                        stop_holder, NULL, &err),
                 "zeren_snapshot_holders: unit is NULL");
  CHECK_NULL_ARG(zeren_snapshot_holders(snapshot, "b1", ZEREN_ROLE_SECRETARY, DAY_2025_06_01,
                                        NULL, NULL, &err),
                 "zeren_snapshot_holders: fn is NULL");

  /* err NULL on a failing call: no crash, no leak. */
  CHECK_INT(zeren_snapshot_chain(snapshot, "zz", DAY_2025_06_01, &out_chain, NULL),
            ZEREN_ERR_NOT_FOUND);

  zeren_edit_free(edit);
  zeren_person_view_free(view);
  zeren_chain_free(chain);
  zeren_snapshot_free(snapshot);
  zeren_model_free(model);
}

/* ---- accountability ------------------------------------------------------------------ */

/* One party of an accounting, as the C++ engine gives it for model-1 (see
   tests/data/conformance/expected/account-*.json and `zeren account --incident K`). */
typedef struct {
  int32_t is_unit;
  const char *id;
  const char *name;
  int32_t category;
  double degree;
  int32_t form;
  uint32_t upward_steps;
  uint32_t adjustment_count;
  uint32_t because_count;
} expected_party;

/* k1 (br11, serious, duty du1): in the library's order — degree descending, then category
   precedence, person before unit, then id. */
static const expected_party kK1[] = {
    {0, "w1", "Person W1", ZEREN_CATEGORY_DIRECT, 1.0, ZEREN_FORM_ORGANIZATIONAL_ADJUSTMENT, 0, 1,
     1},
    {1, "br11", "Policy Branch One", ZEREN_CATEGORY_OVERALL_LEADERSHIP, 0.9,
     ZEREN_FORM_CIRCULATED_NOTICE, 0, 0, 1},
    {1, "dept1", "Policy Department General Branch", ZEREN_CATEGORY_OVERALL_LEADERSHIP, 0.9,
     ZEREN_FORM_CIRCULATED_NOTICE, 0, 0, 1},
    {0, "s11", "Person S11", ZEREN_CATEGORY_MAIN_LEADERSHIP, 0.7,
     ZEREN_FORM_ORGANIZATIONAL_ADJUSTMENT, 0, 0, 1},
    {0, "s1", "Person S1", ZEREN_CATEGORY_UPWARD, 0.6, ZEREN_FORM_CIRCULATED_NOTICE, 1, 0, 1},
    {0, "d_sec", "Person D_SEC", ZEREN_CATEGORY_SUPERVISORY, 0.5, ZEREN_FORM_ADMONISHMENT, 0, 0, 1},
    {0, "a_mem", "Person A_MEM", ZEREN_CATEGORY_IMPORTANT_LEADERSHIP, 0.4,
     ZEREN_FORM_CIRCULATED_NOTICE, 0, 0, 2},
    {0, "a_head", "Person A_HEAD", ZEREN_CATEGORY_UPWARD, 0.3, ZEREN_FORM_NONE, 2, 0, 1},
    {0, "a_sec", "Person A_SEC", ZEREN_CATEGORY_UPWARD, 0.3, ZEREN_FORM_NONE, 2, 0, 1},
};
enum { K1_SIZE = sizeof kK1 / sizeof kK1[0] };

/* k3 (joint, minor): j objected on record (exempt), w3 reported itself twice. */
static const expected_party kK3[] = {
    {0, "w3", "Person W3", ZEREN_CATEGORY_DIRECT, 1.0, ZEREN_FORM_NONE, 0, 2, 1},
    {1, "joint", "Joint Branch (dual leadership)", ZEREN_CATEGORY_OVERALL_LEADERSHIP, 0.9,
     ZEREN_FORM_SELF_EXAMINATION, 0, 0, 1},
    {0, "j", "Person J", ZEREN_CATEGORY_MAIN_LEADERSHIP, 0.7, ZEREN_FORM_NONE, 0, 1, 1},
    {0, "d_sec", "Person D_SEC", ZEREN_CATEGORY_SUPERVISORY, 0.5, ZEREN_FORM_NONE, 0, 0, 1},
    {0, "a_mem", "Person A_MEM", ZEREN_CATEGORY_IMPORTANT_LEADERSHIP, 0.4, ZEREN_FORM_NONE, 0, 0,
     1},
};
enum { K3_SIZE = sizeof kK3 / sizeof kK3[0] };

/* Degrees are not rounded (0.6 * 0.5 for two steps up): compared within 1e-12. */
static int degree_near(double actual, double expected) {
  const double d = actual - expected;
  return (d < 0 ? -d : d) <= 1e-12;
}

static void check_degree(double actual, double expected, const char *file, int line,
                         const char *expression) {
  check(degree_near(actual, expected), file, line, expression);
  if (!degree_near(actual, expected)) {
    fprintf(stderr, "  got %.17g, expected %.17g\n", actual, expected);
  }
}

#define CHECK_DEGREE(a, b) check_degree((a), (b), __FILE__, __LINE__, #a " ~= " #b)

/* Every party of `accounting`, one by one through zeren_accounting_get, is `expected`. */
static void check_parties(const zeren_accounting *accounting, const expected_party *expected,
                          size_t count, const char *file, int line) {
  zeren_error *err = NULL;
  size_t i;
  check_int(zeren_accounting_size(accounting), count, file, line, "zeren_accounting_size");
  for (i = 0; i < count; ++i) {
    zeren_party party = ZEREN_PARTY_INIT;
    const expected_party *e = &expected[i];
    check_ok(zeren_accounting_get(accounting, i, &party, &err), &err, file, line,
             "zeren_accounting_get");
    check_int(party.struct_size, sizeof(zeren_party), file, line, "struct_size kept");
    check_int(party.is_unit, e->is_unit, file, line, "party is_unit");
    check_str(party.id, e->id, file, line, "party id");
    check_str(party.name, e->name, file, line, "party name");
    check_int(party.category, e->category, file, line, "party category");
    check_degree(party.degree, e->degree, file, line, "party degree");
    check_int(party.form, e->form, file, line, "party form");
    check_int(party.upward_steps, e->upward_steps, file, line, "party upward_steps");
    check_int(party.adjustment_count, e->adjustment_count, file, line, "party adjustment_count");
    check_int(party.because_count, e->because_count, file, line, "party because_count");
  }
}

#define CHECK_PARTIES(accounting, expected, count) \
  check_parties((accounting), (expected), (count), __FILE__, __LINE__)

static zeren_snapshot *load_conformance(zeren_model **model) {
  zeren_error *err = NULL;
  char path[4096];
  snprintf(path, sizeof path, "%s/conformance/model-1.json", g_test_data);
  *model = NULL;
  CHECK_OK(zeren_model_load_file(path, model, &err));
  CHECK(*model != NULL);
  return *model != NULL ? compile(*model) : NULL;
}

static zeren_accounting *account(const zeren_snapshot *snapshot, const char *incident) {
  zeren_error *err = NULL;
  zeren_accounting *accounting = NULL;
  CHECK_OK(zeren_snapshot_account(snapshot, incident, &accounting, &err));
  CHECK(accounting != NULL);
  return accounting;
}

/* The bulk, column-wise reads of k1. */
static void test_accounting_fill(const zeren_accounting *k1) {
  zeren_error *err = NULL;
  enum { CAPACITY = 16 };
  int32_t is_unit[CAPACITY], categories[CAPACITY], forms[CAPACITY];
  const char *ids[CAPACITY];
  double degrees[CAPACITY];
  uint32_t upward[CAPACITY];
  zeren_party_columns columns = ZEREN_PARTY_COLUMNS_INIT;
  size_t written = 99;
  size_t i;

  /* Full capacity: every row, and nothing past them. */
  for (i = 0; i < CAPACITY; ++i) {
    is_unit[i] = categories[i] = forms[i] = -7;
    ids[i] = "untouched";
    degrees[i] = -7.0;
    upward[i] = 77;
  }
  columns.capacity = CAPACITY;
  columns.is_unit = is_unit;
  columns.ids = ids;
  columns.categories = categories;
  columns.degrees = degrees;
  columns.forms = forms;
  columns.upward_steps = upward;
  CHECK_OK(zeren_accounting_fill(k1, &columns, &written, &err));
  CHECK_INT(written, K1_SIZE);
  for (i = 0; i < K1_SIZE; ++i) {
    CHECK_INT(is_unit[i], kK1[i].is_unit);
    CHECK_STR(ids[i], kK1[i].id);
    CHECK_INT(categories[i], kK1[i].category);
    CHECK_DEGREE(degrees[i], kK1[i].degree);
    CHECK_INT(forms[i], kK1[i].form);
    CHECK_INT(upward[i], kK1[i].upward_steps);
  }
  CHECK_INT(is_unit[K1_SIZE], -7);
  CHECK_STR(ids[K1_SIZE], "untouched");
  CHECK_INT(categories[K1_SIZE], -7);
  CHECK(degrees[K1_SIZE] == -7.0);
  CHECK_INT(forms[K1_SIZE], -7);
  CHECK_INT(upward[K1_SIZE], 77);

  /* A smaller capacity: the first rows only. */
  for (i = 0; i < CAPACITY; ++i) ids[i] = "untouched";
  columns.capacity = 3;
  CHECK_OK(zeren_accounting_fill(k1, &columns, &written, &err));
  CHECK_INT(written, 3);
  CHECK_STR(ids[0], "w1");
  CHECK_STR(ids[1], "br11");
  CHECK_STR(ids[2], "dept1");
  CHECK_STR(ids[3], "untouched");

  /* NULL arrays are skipped; *written is optional. */
  for (i = 0; i < CAPACITY; ++i) {
    ids[i] = "untouched";
    forms[i] = -7;
    degrees[i] = -7.0;
  }
  columns.capacity = CAPACITY;
  columns.is_unit = NULL;
  columns.ids = NULL;
  columns.categories = NULL;
  columns.forms = NULL;
  columns.upward_steps = NULL;
  CHECK_OK(zeren_accounting_fill(k1, &columns, &written, &err));
  CHECK_INT(written, K1_SIZE);
  CHECK_DEGREE(degrees[4], 0.6);
  CHECK_DEGREE(degrees[8], 0.3);
  CHECK_STR(ids[0], "untouched");
  CHECK_INT(forms[0], -7);
  columns.degrees = NULL;
  CHECK_OK(zeren_accounting_fill(k1, &columns, NULL, &err)); /* nothing to write: fine */
  columns.capacity = 0;
  columns.ids = ids;
  CHECK_OK(zeren_accounting_fill(k1, &columns, &written, &err));
  CHECK_INT(written, 0);
  CHECK_STR(ids[0], "untouched");

  /* An older, smaller struct: arrays past its struct_size are not read. */
  columns.struct_size = (uint32_t)offsetof(zeren_party_columns, degrees);
  columns.capacity = CAPACITY;
  columns.categories = categories;
  columns.degrees = degrees;
  columns.forms = forms;
  for (i = 0; i < CAPACITY; ++i) {
    categories[i] = forms[i] = -7;
    degrees[i] = -7.0;
  }
  CHECK_OK(zeren_accounting_fill(k1, &columns, &written, &err));
  CHECK_INT(written, K1_SIZE);
  CHECK_STR(ids[6], "a_mem");
  CHECK_INT(categories[6], ZEREN_CATEGORY_IMPORTANT_LEADERSHIP);
  CHECK(degrees[0] == -7.0);
  CHECK_INT(forms[0], -7);

  /* Too small to hold `capacity`. */
  columns.struct_size = (uint32_t)offsetof(zeren_party_columns, capacity);
  written = 99;
  CHECK_ERR(zeren_accounting_fill(k1, &columns, &written, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_accounting_fill: columns->struct_size 8 is below 16");
  CHECK_INT(written, 0);
  columns.struct_size = 0;
  CHECK_ERR(zeren_accounting_fill(k1, &columns, NULL, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_accounting_fill: columns->struct_size 0 is below 16");
  /* Half of the `ids` pointer: refused, never written through. */
  columns.struct_size = (uint32_t)offsetof(zeren_party_columns, ids) + 4;
  CHECK_ERR(zeren_accounting_fill(k1, &columns, NULL, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_accounting_fill: columns->struct_size 28 ends inside a field (not the size of "
            "any version)");
}

static void test_accountability(void) {
  zeren_error *err = NULL;
  zeren_model *model = NULL;
  zeren_snapshot *snapshot = load_conformance(&model);
  zeren_accounting *k1 = account(snapshot, "k1");
  zeren_accounting *k3 = account(snapshot, "k3");
  zeren_accounting *first = NULL;
  zeren_accounting *out = (zeren_accounting *)&err;
  zeren_party party = ZEREN_PARTY_INIT;
  const char *text = "x";
  const char *again = NULL;
  char *json = NULL;
  size_t size = 0;

  CHECK_INT(zeren_snapshot_incident_count(snapshot), 3);

  /* By position: incidents in document order. */
  CHECK_OK(zeren_snapshot_account_index(snapshot, 0, &first, &err));
  CHECK(first != NULL);
  CHECK_PARTIES(first, kK1, K1_SIZE);
  CHECK_ERR(zeren_snapshot_account_index(snapshot, 3, &out, &err), ZEREN_ERR_OUT_OF_RANGE,
            "zeren_snapshot_account_index: index 3 is not below incident count 3");
  CHECK(out == NULL);
  out = (zeren_accounting *)&err;
  CHECK_ERR(zeren_snapshot_account(snapshot, "x", &out, &err), ZEREN_ERR_NOT_FOUND,
            "zeren_snapshot_account: unknown incident \"x\"");
  CHECK(out == NULL);

  /* Every incident at once, and the default policy. */
  CHECK_OK(zeren_snapshot_account_all_json(snapshot, &json, &size, &err));
  CHECK(json != NULL);
  if (json != NULL) {
    CHECK_INT(size, strlen(json));
    CHECK(strncmp(json, "{\n  \"incidents\": [", 18) == 0);
    CHECK(strstr(json, "\"incident\": \"k1\"") != NULL);
    CHECK(strstr(json, "\"incident\": \"k2\"") != NULL);
    CHECK(strstr(json, "\"incident\": \"k3\"") != NULL);
  }
  zeren_string_free(json);
  json = NULL;
  CHECK_OK(zeren_policy_default_json(&json, &size, &err));
  CHECK(json != NULL);
  if (json != NULL) {
    CHECK_INT(size, strlen(json));
    CHECK(strstr(json, "\"objection_on_record\": \"exempt\"") != NULL);
  }
  zeren_string_free(json);
  json = NULL;
  CHECK_OK(zeren_policy_default_json(&json, NULL, &err)); /* size is optional */
  zeren_string_free(json);
  json = NULL;

  /* The accountings keep what they lend out alive without the snapshot or the model. */
  zeren_snapshot_free(snapshot);
  zeren_model_free(model);

  CHECK_PARTIES(k1, kK1, K1_SIZE);
  CHECK_PARTIES(k3, kK3, K3_SIZE);

  /* Adjustments, in the incident's order. */
  CHECK_OK(zeren_accounting_adjustment(k1, 0, 0, &text, &err));
  CHECK_STR(text, "prompt_rectification:-1");
  CHECK_ERR(zeren_accounting_adjustment(k1, 0, 1, &text, &err), ZEREN_ERR_OUT_OF_RANGE,
            "zeren_accounting_adjustment: k 1 is not below adjustment count 1 of party 0");
  CHECK(text == NULL);
  CHECK_ERR(zeren_accounting_adjustment(k1, 1, 0, &text, &err), ZEREN_ERR_OUT_OF_RANGE,
            "zeren_accounting_adjustment: k 0 is not below adjustment count 0 of party 1");
  CHECK_ERR(zeren_accounting_adjustment(k1, K1_SIZE, 0, &text, &err), ZEREN_ERR_OUT_OF_RANGE,
            "zeren_accounting_adjustment: index 9 is not below size 9");
  CHECK_OK(zeren_accounting_adjustment(k3, 0, 0, &text, &err));
  CHECK_STR(text, "self_report:-1");
  CHECK_OK(zeren_accounting_adjustment(k3, 0, 1, &text, &err));
  CHECK_STR(text, "self_report:-1");
  CHECK_OK(zeren_accounting_adjustment(k3, 2, 0, &text, &err)); /* j: exempt, form none */
  CHECK_STR(text, "objection_on_record:exempt");

  /* Reasons, rendered on first use and then the same string every time. */
  CHECK_OK(zeren_accounting_because(k1, 0, 0, &text, &err));
  CHECK_STR(text, "Person W1 (w1) is named as direct in k1");
  CHECK_OK(zeren_accounting_because(k1, 0, 0, &again, &err));
  CHECK(again == text);
  CHECK_OK(zeren_accounting_because(k1, 6, 1, &text, &err));
  CHECK_STR(text, "Person A_MEM (a_mem) guides Policy Branch One (br11)");
  CHECK_OK(zeren_accounting_because(k1, 7, 0, &text, &err));
  CHECK_STR(text, "Person A_HEAD (a_head), head of Bureau Party Group "
                  "\xe5\xb1\x80\xe5\x85\x9a\xe7\xbb\x84" /* 局党组 */
                  " (party) from 2022-01-01, 2 steps above Policy Branch One (br11)");
  CHECK_ERR(zeren_accounting_because(k1, 6, 2, &text, &err), ZEREN_ERR_OUT_OF_RANGE,
            "zeren_accounting_because: k 2 is not below because count 2 of party 6");
  CHECK(text == NULL);
  CHECK_ERR(zeren_accounting_because(k1, K1_SIZE, 0, &text, &err), ZEREN_ERR_OUT_OF_RANGE,
            "zeren_accounting_because: index 9 is not below size 9");
  CHECK_OK(zeren_accounting_because(k3, 1, 0, &text, &err));
  CHECK_STR(text, "the incident happened at Joint Branch (dual leadership) (joint)");

  /* One party; an older struct is filled up to its struct_size only. */
  CHECK_ERR(zeren_accounting_get(k1, K1_SIZE, &party, &err), ZEREN_ERR_OUT_OF_RANGE,
            "zeren_accounting_get: index 9 is not below size 9");
  {
    zeren_party small = ZEREN_PARTY_INIT;
    small.struct_size = (uint32_t)offsetof(zeren_party, degree);
    small.degree = -7.0;
    small.upward_steps = 77;
    CHECK_OK(zeren_accounting_get(k1, 4, &small, &err));
    CHECK_INT(small.struct_size, offsetof(zeren_party, degree));
    CHECK_STR(small.id, "s1");
    CHECK_INT(small.category, ZEREN_CATEGORY_UPWARD);
    CHECK(small.degree == -7.0);
    CHECK_INT(small.upward_steps, 77);
    small.struct_size = 4; /* too small even for is_unit */
    CHECK_ERR(zeren_accounting_get(k1, 0, &small, &err), ZEREN_ERR_INVALID_ARGUMENT,
              "zeren_accounting_get: party->struct_size 4 is below 8");
  }

  test_accounting_fill(k1);

  /* JSON, as `zeren account --incident ID --json` prints it. */
  CHECK_OK(zeren_accounting_to_json(k1, &json, &size, &err));
  CHECK(json != NULL);
  if (json != NULL) {
    CHECK_INT(size, strlen(json));
    CHECK(strstr(json, "\"incident\": \"k1\"") != NULL);
    CHECK(strstr(json, "\"because\"") != NULL);
    CHECK(strstr(json, "\"prompt_rectification:-1\"") != NULL);
  }
  zeren_string_free(json);
  json = NULL;
  CHECK_OK(zeren_accounting_to_json(first, &json, NULL, &err));
  CHECK(json != NULL && strstr(json, "\"incident\": \"k1\"") != NULL);
  zeren_string_free(json);

  zeren_accounting_free(first);
  zeren_accounting_free(k3);
  zeren_accounting_free(k1);
}

/* A model without incidents. */
static void test_no_incidents(void) {
  zeren_error *err = NULL;
  zeren_model *model = load_model(kModel);
  zeren_snapshot *snapshot = compile(model);
  zeren_accounting *out = NULL;
  char *json = NULL;

  CHECK_INT(zeren_snapshot_incident_count(snapshot), 0);
  CHECK_ERR(zeren_snapshot_account_index(snapshot, 0, &out, &err), ZEREN_ERR_OUT_OF_RANGE,
            "zeren_snapshot_account_index: index 0 is not below incident count 0");
  CHECK_ERR(zeren_snapshot_account(snapshot, "k1", &out, &err), ZEREN_ERR_NOT_FOUND,
            "zeren_snapshot_account: unknown incident \"k1\"");
  CHECK_OK(zeren_snapshot_account_all_json(snapshot, &json, NULL, &err));
  CHECK(json != NULL && strstr(json, "\"incidents\": []") != NULL);
  zeren_string_free(json);
  zeren_snapshot_free(snapshot);
  zeren_model_free(model);
}

static void test_accountability_null_arguments(void) {
  zeren_error *err = NULL;
  zeren_model *model = NULL;
  zeren_snapshot *snapshot = load_conformance(&model);
  zeren_accounting *accounting = account(snapshot, "k1");
  int dummy = 0;
  zeren_accounting *out = (zeren_accounting *)&dummy;
  zeren_party party = ZEREN_PARTY_INIT;
  zeren_party_columns columns = ZEREN_PARTY_COLUMNS_INIT;
  char *json = (char *)&dummy;
  const char *text = "x";
  size_t size = 99;

  CHECK_NULL_ARG(zeren_policy_default_json(NULL, &size, &err),
                 "zeren_policy_default_json: out is NULL");
  CHECK_INT(size, 0);
  CHECK_INT(zeren_snapshot_incident_count(NULL), 0);

  CHECK_NULL_ARG(zeren_snapshot_account(NULL, "k1", &out, &err),
                 "zeren_snapshot_account: snapshot is NULL");
  CHECK(out == NULL);
  CHECK_NULL_ARG(zeren_snapshot_account(snapshot, NULL, &out, &err),
                 "zeren_snapshot_account: incident is NULL");
  CHECK_NULL_ARG(zeren_snapshot_account(snapshot, "k1", NULL, &err),
                 "zeren_snapshot_account: out is NULL");
  out = (zeren_accounting *)&dummy;
  CHECK_NULL_ARG(zeren_snapshot_account_index(NULL, 0, &out, &err),
                 "zeren_snapshot_account_index: snapshot is NULL");
  CHECK(out == NULL);
  CHECK_NULL_ARG(zeren_snapshot_account_index(snapshot, 0, NULL, &err),
                 "zeren_snapshot_account_index: out is NULL");
  size = 99;
  CHECK_NULL_ARG(zeren_snapshot_account_all_json(NULL, &json, &size, &err),
                 "zeren_snapshot_account_all_json: snapshot is NULL");
  CHECK(json == NULL);
  CHECK_INT(size, 0);
  CHECK_NULL_ARG(zeren_snapshot_account_all_json(snapshot, NULL, NULL, &err),
                 "zeren_snapshot_account_all_json: out is NULL");

  CHECK_INT(zeren_accounting_size(NULL), 0);
  CHECK_NULL_ARG(zeren_accounting_get(NULL, 0, &party, &err),
                 "zeren_accounting_get: accounting is NULL");
  CHECK_NULL_ARG(zeren_accounting_get(accounting, 0, NULL, &err),
                 "zeren_accounting_get: party is NULL");
  size = 99;
  CHECK_NULL_ARG(zeren_accounting_fill(NULL, &columns, &size, &err),
                 "zeren_accounting_fill: accounting is NULL");
  CHECK_INT(size, 0);
  CHECK_NULL_ARG(zeren_accounting_fill(accounting, NULL, NULL, &err),
                 "zeren_accounting_fill: columns is NULL");
  CHECK_NULL_ARG(zeren_accounting_adjustment(NULL, 0, 0, &text, &err),
                 "zeren_accounting_adjustment: accounting is NULL");
  CHECK(text == NULL);
  CHECK_NULL_ARG(zeren_accounting_adjustment(accounting, 0, 0, NULL, &err),
                 "zeren_accounting_adjustment: text is NULL");
  text = "x";
  CHECK_NULL_ARG(zeren_accounting_because(NULL, 0, 0, &text, &err),
                 "zeren_accounting_because: accounting is NULL");
  CHECK(text == NULL);
  CHECK_NULL_ARG(zeren_accounting_because(accounting, 0, 0, NULL, &err),
                 "zeren_accounting_because: text is NULL");
  json = (char *)&dummy;
  size = 99;
  CHECK_NULL_ARG(zeren_accounting_to_json(NULL, &json, &size, &err),
                 "zeren_accounting_to_json: accounting is NULL");
  CHECK(json == NULL);
  CHECK_INT(size, 0);
  CHECK_NULL_ARG(zeren_accounting_to_json(accounting, NULL, NULL, &err),
                 "zeren_accounting_to_json: out is NULL");

  /* err NULL on failing calls: no crash, no leak. */
  CHECK_INT(zeren_snapshot_account(snapshot, "zz", &out, NULL), ZEREN_ERR_NOT_FOUND);
  CHECK(out == NULL);
  CHECK_INT(zeren_accounting_because(accounting, 99, 0, &text, NULL), ZEREN_ERR_OUT_OF_RANGE);

  zeren_accounting_free(accounting);
  zeren_snapshot_free(snapshot);
  zeren_model_free(model);
}

/* ---- the directive ledger ------------------------------------------------------------- */

/* A day from its "YYYY-MM-DD" text, through the API. */
static int32_t day_of(const char *text) {
  zeren_error *err = NULL;
  int32_t day = 0;
  CHECK_OK(zeren_date_parse(text, &day, &err));
  return day;
}

static zeren_ledger *ledger_of(const zeren_snapshot *snapshot, const char *as_of) {
  zeren_error *err = NULL;
  zeren_ledger *ledger = NULL;
  CHECK_OK(zeren_snapshot_ledger(snapshot, day_of(as_of), &ledger, &err));
  CHECK(ledger != NULL);
  return ledger;
}

/* One task row as the C++ ledger gives it for model-1 (see
   tests/data/conformance/expected/ledger-*.json and `zeren ledger --as-of D`). */
typedef struct {
  const char *task;
  const char *directive;
  const char *unit;
  const char *due;
  int32_t status;
  int32_t light;
  const char *completed; /* NULL: none recorded */
  uint32_t failed_reviews;
} expected_task;

static const expected_task kTasks0312[] = {
    {"t", "dv", "dept1", "2025-03-15", ZEREN_STATUS_DONE, ZEREN_LIGHT_DONE, "2025-03-10", 0},
    {"t.1", "dv", "br11", "2025-03-10", ZEREN_STATUS_DONE, ZEREN_LIGHT_DONE, "2025-03-12", 0},
    {"t.2", "dv", "br12", "2025-03-10", ZEREN_STATUS_OPEN, ZEREN_LIGHT_RED, NULL, 0},
    {"t2", "dv", "dept2", "2025-04-30", ZEREN_STATUS_VERIFIED, ZEREN_LIGHT_GREEN, "2025-04-20", 0},
    {"t3", "dv", "joint", "2025-04-10", ZEREN_STATUS_CANCELLED, ZEREN_LIGHT_CANCELLED, NULL, 0},
};
enum { TASKS_0312 = sizeof kTasks0312 / sizeof kTasks0312[0] };

/* As of 2025-12-31 t2 (completed 2025-04-20) is done; the rest is as on 2025-03-12. */
static const expected_task kTasks1231[] = {
    {"t", "dv", "dept1", "2025-03-15", ZEREN_STATUS_DONE, ZEREN_LIGHT_DONE, "2025-03-10", 0},
    {"t.1", "dv", "br11", "2025-03-10", ZEREN_STATUS_DONE, ZEREN_LIGHT_DONE, "2025-03-12", 0},
    {"t.2", "dv", "br12", "2025-03-10", ZEREN_STATUS_OPEN, ZEREN_LIGHT_RED, NULL, 0},
    {"t2", "dv", "dept2", "2025-04-30", ZEREN_STATUS_VERIFIED, ZEREN_LIGHT_DONE, "2025-04-20", 0},
    {"t3", "dv", "joint", "2025-04-10", ZEREN_STATUS_CANCELLED, ZEREN_LIGHT_CANCELLED, NULL, 0},
};

/* Every row of `ledger`, one by one through zeren_ledger_task, is `expected`. */
static void check_tasks(const zeren_ledger *ledger, const expected_task *expected, size_t count,
                        const char *file, int line) {
  zeren_error *err = NULL;
  size_t i;
  check_int(zeren_ledger_task_count(ledger), count, file, line, "zeren_ledger_task_count");
  for (i = 0; i < count; ++i) {
    zeren_task_row row = ZEREN_TASK_ROW_INIT;
    const expected_task *e = &expected[i];
    row.completed = 7;
    row.failed_reviews = 77;
    check_ok(zeren_ledger_task(ledger, i, &row, &err), &err, file, line, "zeren_ledger_task");
    check_int(row.struct_size, sizeof(zeren_task_row), file, line, "struct_size kept");
    check_str(row.task_id, e->task, file, line, "row task_id");
    check_str(row.directive_id, e->directive, file, line, "row directive_id");
    check_str(row.unit_id, e->unit, file, line, "row unit_id");
    check_int(row.due, day_of(e->due), file, line, "row due");
    check_int(row.status, e->status, file, line, "row status");
    check_int(row.light, e->light, file, line, "row light");
    check_int(row.completed, e->completed == NULL ? ZEREN_DATE_OPEN : day_of(e->completed), file,
              line, "row completed");
    check_int(row.failed_reviews, e->failed_reviews, file, line, "row failed_reviews");
  }
}

#define CHECK_TASKS(ledger, expected, count) \
  check_tasks((ledger), (expected), (count), __FILE__, __LINE__)

/* Level `k` of directive `index` has exactly these numbers. */
static void check_level(const zeren_ledger *ledger, size_t index, size_t k, uint32_t level,
                        uint32_t reached, uint32_t done, uint32_t on_time, const char *file,
                        int line) {
  zeren_error *err = NULL;
  uint32_t l = 99, r = 99, d = 99, o = 99;
  check_ok(zeren_ledger_level(ledger, index, k, &l, &r, &d, &o, &err), &err, file, line,
           "zeren_ledger_level");
  check_int(l, level, file, line, "level");
  check_int(r, reached, file, line, "reached");
  check_int(d, done, file, line, "done");
  check_int(o, on_time, file, line, "on_time");
}

#define CHECK_LEVEL(ledger, index, k, level, reached, done, on_time) \
  check_level((ledger), (index), (k), (level), (reached), (done), (on_time), __FILE__, __LINE__)

/* The bulk read of task ids and lights. */
static void test_ledger_fill_lights(const zeren_ledger *ledger) {
  zeren_error *err = NULL;
  enum { CAPACITY = 8 };
  const char *ids[CAPACITY];
  int32_t lights[CAPACITY];
  size_t written = 99;
  size_t i;

  /* Full capacity: every row, and nothing past them. */
  for (i = 0; i < CAPACITY; ++i) {
    ids[i] = "untouched";
    lights[i] = -7;
  }
  CHECK_OK(zeren_ledger_fill_lights(ledger, ids, lights, CAPACITY, &written, &err));
  CHECK_INT(written, TASKS_0312);
  for (i = 0; i < TASKS_0312; ++i) {
    CHECK_STR(ids[i], kTasks0312[i].task);
    CHECK_INT(lights[i], kTasks0312[i].light);
  }
  CHECK_STR(ids[TASKS_0312], "untouched");
  CHECK_INT(lights[TASKS_0312], -7);

  /* Exactly the task count. */
  for (i = 0; i < CAPACITY; ++i) lights[i] = -7;
  CHECK_OK(zeren_ledger_fill_lights(ledger, ids, lights, TASKS_0312, &written, &err));
  CHECK_INT(written, TASKS_0312);
  CHECK_INT(lights[4], ZEREN_LIGHT_CANCELLED);
  CHECK_INT(lights[5], -7);

  /* A smaller capacity: the first rows only. */
  for (i = 0; i < CAPACITY; ++i) {
    ids[i] = "untouched";
    lights[i] = -7;
  }
  CHECK_OK(zeren_ledger_fill_lights(ledger, ids, lights, 3, &written, &err));
  CHECK_INT(written, 3);
  CHECK_STR(ids[0], "t");
  CHECK_STR(ids[1], "t.1");
  CHECK_STR(ids[2], "t.2");
  CHECK_STR(ids[3], "untouched");
  CHECK_INT(lights[0], ZEREN_LIGHT_DONE);
  CHECK_INT(lights[1], ZEREN_LIGHT_DONE);
  CHECK_INT(lights[2], ZEREN_LIGHT_RED);
  CHECK_INT(lights[3], -7);

  /* NULL arrays are skipped; *written is optional. */
  for (i = 0; i < CAPACITY; ++i) {
    ids[i] = "untouched";
    lights[i] = -7;
  }
  CHECK_OK(zeren_ledger_fill_lights(ledger, NULL, lights, CAPACITY, &written, &err));
  CHECK_INT(written, TASKS_0312);
  CHECK_INT(lights[3], ZEREN_LIGHT_GREEN);
  CHECK_STR(ids[0], "untouched");
  for (i = 0; i < CAPACITY; ++i) lights[i] = -7;
  CHECK_OK(zeren_ledger_fill_lights(ledger, ids, NULL, CAPACITY, NULL, &err));
  CHECK_STR(ids[4], "t3");
  CHECK_INT(lights[0], -7);
  CHECK_OK(zeren_ledger_fill_lights(ledger, NULL, NULL, CAPACITY, &written, &err));
  CHECK_INT(written, TASKS_0312);
  CHECK_OK(zeren_ledger_fill_lights(ledger, ids, lights, 0, &written, &err));
  CHECK_INT(written, 0);
  CHECK_INT(lights[0], -7);
}

static void test_ledger(void) {
  zeren_error *err = NULL;
  zeren_model *model = NULL;
  zeren_snapshot *snapshot = load_conformance(&model);
  zeren_ledger *ledger = ledger_of(snapshot, "2025-03-12");
  zeren_ledger *late = ledger_of(snapshot, "2025-12-31");
  zeren_ledger *early = ledger_of(snapshot, "2025-01-31"); /* before dv (2025-02-01) */
  zeren_ledger *out = (zeren_ledger *)&err;
  zeren_task_row row = ZEREN_TASK_ROW_INIT;
  const char *id = "x";
  size_t levels = 99, breaks = 99;
  uint32_t level = 99, reached = 99, done = 99, on_time = 99;
  char *json = NULL;
  size_t size = 0;

  /* as_of is required. */
  CHECK_ERR(zeren_snapshot_ledger(snapshot, ZEREN_DATE_OPEN, &out, &err),
            ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_snapshot_ledger: as_of is required (not ZEREN_DATE_OPEN)");
  CHECK(out == NULL);

  /* The ledgers keep what they lend out alive without the snapshot or the model. */
  zeren_snapshot_free(snapshot);
  zeren_model_free(model);

  /* Tasks, in document order, parents before their subtasks. */
  CHECK_TASKS(ledger, kTasks0312, TASKS_0312);
  CHECK_TASKS(late, kTasks1231, TASKS_0312);
  CHECK_ERR(zeren_ledger_task(ledger, TASKS_0312, &row, &err), ZEREN_ERR_OUT_OF_RANGE,
            "zeren_ledger_task: index 5 is not below task count 5");
  test_ledger_fill_lights(ledger);

  /* An older, smaller row: fields past its struct_size are left alone. */
  row.struct_size = (uint32_t)offsetof(zeren_task_row, due);
  row.due = -7;
  row.light = -7;
  row.failed_reviews = 77;
  CHECK_OK(zeren_ledger_task(ledger, 2, &row, &err));
  CHECK_INT(row.struct_size, offsetof(zeren_task_row, due));
  CHECK_STR(row.task_id, "t.2");
  CHECK_STR(row.directive_id, "dv");
  CHECK_STR(row.unit_id, "br12");
  CHECK_INT(row.due, -7);
  CHECK_INT(row.light, -7);
  CHECK_INT(row.failed_reviews, 77);
  /* Too small to hold task_id, its first field. */
  row.struct_size = (uint32_t)offsetof(zeren_task_row, task_id);
  row.task_id = "untouched";
  CHECK_ERR(zeren_ledger_task(ledger, 0, &row, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_ledger_task: row->struct_size 8 is below 16");
  CHECK_STR(row.task_id, "untouched");
  row.struct_size = 0;
  CHECK_ERR(zeren_ledger_task(ledger, 0, &row, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_ledger_task: row->struct_size 0 is below 16");

  /* The directive: its levels and where it stopped. */
  CHECK_INT(zeren_ledger_directive_count(ledger), 1);
  CHECK_OK(zeren_ledger_directive(ledger, 0, &id, &levels, &breaks, &err));
  CHECK_STR(id, "dv");
  CHECK_INT(levels, 2);
  CHECK_INT(breaks, 1);
  CHECK_ERR(zeren_ledger_directive(ledger, 1, &id, &levels, &breaks, &err),
            ZEREN_ERR_OUT_OF_RANGE,
            "zeren_ledger_directive: index 1 is not below directive count 1");
  CHECK(id == NULL);
  CHECK_INT(levels, 0);
  CHECK_INT(breaks, 0);

  CHECK_LEVEL(ledger, 0, 0, 1, 2, 1, 1);
  CHECK_LEVEL(ledger, 0, 1, 2, 2, 1, 0);
  CHECK_LEVEL(late, 0, 0, 1, 2, 2, 2);
  CHECK_LEVEL(late, 0, 1, 2, 2, 1, 0);
  /* Any output may be NULL. */
  CHECK_OK(zeren_ledger_level(ledger, 0, 1, NULL, &reached, NULL, NULL, &err));
  CHECK_INT(reached, 2);
  CHECK_OK(zeren_ledger_level(ledger, 0, 0, NULL, NULL, NULL, NULL, &err));
  CHECK_ERR(zeren_ledger_level(ledger, 0, 2, &level, &reached, &done, &on_time, &err),
            ZEREN_ERR_OUT_OF_RANGE,
            "zeren_ledger_level: k 2 is not below level count 2 of directive 0");
  CHECK_INT(level, 0);
  CHECK_INT(reached, 0);
  CHECK_INT(done, 0);
  CHECK_INT(on_time, 0);
  CHECK_ERR(zeren_ledger_level(ledger, 1, 0, &level, NULL, NULL, NULL, &err),
            ZEREN_ERR_OUT_OF_RANGE, "zeren_ledger_level: index 1 is not below directive count 1");

  id = "x";
  CHECK_OK(zeren_ledger_break_point(ledger, 0, 0, &id, &err));
  CHECK_STR(id, "dept2");
  CHECK_OK(zeren_ledger_break_point(late, 0, 0, &id, &err));
  CHECK_STR(id, "dept2");
  CHECK_ERR(zeren_ledger_break_point(ledger, 0, 1, &id, &err), ZEREN_ERR_OUT_OF_RANGE,
            "zeren_ledger_break_point: k 1 is not below break point count 1 of directive 0");
  CHECK(id == NULL);
  CHECK_ERR(zeren_ledger_break_point(ledger, 1, 0, &id, &err), ZEREN_ERR_OUT_OF_RANGE,
            "zeren_ledger_break_point: index 1 is not below directive count 1");

  /* JSON, as `zeren ledger --json` prints it. */
  CHECK_OK(zeren_ledger_to_json(ledger, &json, &size, &err));
  CHECK(json != NULL);
  if (json != NULL) {
    CHECK_INT(size, strlen(json));
    CHECK(strncmp(json, "{\n  \"as_of\": \"2025-03-12\"", 25) == 0);
    CHECK(strstr(json, "\"light\": \"red\"") != NULL);
    CHECK(strstr(json, "\"light\": \"green\"") != NULL);
    CHECK(strstr(json, "\"break_points\": [\"dept2\"]") != NULL);
  }
  zeren_string_free(json);
  json = NULL;
  CHECK_OK(zeren_ledger_to_json(late, &json, NULL, &err)); /* size is optional */
  CHECK(json != NULL && strstr(json, "\"light\": \"green\"") == NULL);
  zeren_string_free(json);
  json = NULL;

  /* Before the directive's date: nothing to show. */
  CHECK_INT(zeren_ledger_task_count(early), 0);
  CHECK_INT(zeren_ledger_directive_count(early), 0);
  CHECK_ERR(zeren_ledger_task(early, 0, &row, &err), ZEREN_ERR_OUT_OF_RANGE,
            "zeren_ledger_task: index 0 is not below task count 0");
  CHECK_ERR(zeren_ledger_directive(early, 0, &id, &levels, &breaks, &err),
            ZEREN_ERR_OUT_OF_RANGE,
            "zeren_ledger_directive: index 0 is not below directive count 0");
  size = 99;
  CHECK_OK(zeren_ledger_fill_lights(early, &id, NULL, 1, &size, &err));
  CHECK_INT(size, 0);
  CHECK_OK(zeren_ledger_to_json(early, &json, NULL, &err));
  CHECK(json != NULL && strstr(json, "\"tasks\": []") != NULL &&
        strstr(json, "\"directives\": []") != NULL);
  zeren_string_free(json);

  zeren_ledger_free(early);
  zeren_ledger_free(late);
  zeren_ledger_free(ledger);
}

/* A directive with reviews: t1 failed two of its three, one review judges the directive
   as a whole; a second directive is dated after the ledger's day. warn_days is the default
   7: t1 on its due day and t3 seven days before it are yellow. */
static const char kReviewModel[] =
    "{\n"
    "  \"format\": \"zeren-model\", \"version\": 1, \"name\": \"reviews\",\n"
    "  \"units\": [\n"
    "    {\"id\": \"org\", \"name\": \"Organ Committee\", \"kind\": \"leading_group\"},\n"
    "    {\"id\": \"b1\", \"name\": \"Branch One\", \"kind\": \"branch\", \"parents\": [\"org\"]}\n"
    "  ],\n"
    "  \"directives\": [\n"
    "    {\"id\": \"dv1\", \"title\": \"One\", \"issued_by\": \"org\", \"date\": \"2025-01-10\",\n"
    "     \"tasks\": [\n"
    "       {\"id\": \"t1\", \"unit\": \"b1\", \"due\": \"2025-03-01\",\n"
    "        \"status\": \"in_progress\"},\n"
    "       {\"id\": \"t2\", \"unit\": \"b1\", \"due\": \"2025-12-01\", \"status\": \"open\"}\n"
    "     ],\n"
    "     \"reviews\": [\n"
    "       {\"date\": \"2025-02-01\", \"task\": \"t1\", \"result\": \"fail\"},\n"
    "       {\"date\": \"2025-02-15\", \"task\": \"t1\", \"result\": \"pass\"},\n"
    "       {\"date\": \"2025-02-20\", \"task\": \"t1\", \"result\": \"fail\",\n"
    "        \"note\": \"late\"},\n"
    "       {\"date\": \"2025-02-20\", \"task\": \"t2\", \"result\": \"pass\"},\n"
    "       {\"date\": \"2025-02-20\", \"result\": \"fail\"}\n"
    "     ]},\n"
    "    {\"id\": \"dv2\", \"title\": \"Two\", \"issued_by\": \"org\", \"date\": \"2025-06-01\",\n"
    "     \"tasks\": [{\"id\": \"t3\", \"unit\": \"b1\", \"due\": \"2025-06-08\",\n"
    "                \"status\": \"open\"}]}\n"
    "  ]\n"
    "}\n";

static void test_ledger_reviews(void) {
  zeren_error *err = NULL;
  zeren_model *model = load_model(kReviewModel);
  zeren_snapshot *snapshot = compile(model);
  zeren_ledger *ledger = ledger_of(snapshot, "2025-03-01");
  zeren_ledger *later = ledger_of(snapshot, "2025-06-01");
  static const expected_task kRows[] = {
      {"t1", "dv1", "b1", "2025-03-01", ZEREN_STATUS_IN_PROGRESS, ZEREN_LIGHT_YELLOW, NULL, 2},
      {"t2", "dv1", "b1", "2025-12-01", ZEREN_STATUS_OPEN, ZEREN_LIGHT_GREEN, NULL, 0},
  };
  const char *id = NULL;
  size_t levels = 0, breaks = 0;

  CHECK_TASKS(ledger, kRows, 2);
  CHECK_INT(zeren_ledger_directive_count(ledger), 1);
  CHECK_OK(zeren_ledger_directive(ledger, 0, &id, &levels, &breaks, &err));
  CHECK_STR(id, "dv1");
  CHECK_INT(levels, 1);
  CHECK_INT(breaks, 0);
  CHECK_LEVEL(ledger, 0, 0, 1, 1, 0, 0);

  CHECK_INT(zeren_ledger_task_count(later), 3);
  CHECK_INT(zeren_ledger_directive_count(later), 2);
  CHECK_OK(zeren_ledger_directive(later, 1, &id, &levels, &breaks, &err));
  CHECK_STR(id, "dv2");
  {
    zeren_task_row row = ZEREN_TASK_ROW_INIT;
    CHECK_OK(zeren_ledger_task(later, 0, &row, &err));
    CHECK_INT(row.light, ZEREN_LIGHT_RED);
    CHECK_INT(row.failed_reviews, 2);
    CHECK_OK(zeren_ledger_task(later, 2, &row, &err));
    CHECK_STR(row.task_id, "t3");
    CHECK_STR(row.directive_id, "dv2");
    CHECK_INT(row.light, ZEREN_LIGHT_YELLOW);
    CHECK_INT(row.failed_reviews, 0);
  }

  zeren_ledger_free(later);
  zeren_ledger_free(ledger);
  zeren_snapshot_free(snapshot);
  zeren_model_free(model);
}

/* The unit with id `id` among the first `count` of `ids`, or -1. */
static int unit_position(const char *const *ids, size_t count, const char *id) {
  size_t i;
  for (i = 0; i < count; ++i) {
    if (ids[i] != NULL && strcmp(ids[i], id) == 0) return (int)i;
  }
  return -1;
}

typedef struct {
  const char *unit;
  double rate;
} expected_rate;

/* Every unit of model-1 has exactly its expected rate in `rates` (matched by id). */
static void check_rates(const char *const *ids, const double *rates, size_t count,
                        const expected_rate *expected, size_t expected_count, const char *file,
                        int line) {
  size_t i;
  check_int(count, expected_count, file, line, "unit count");
  for (i = 0; i < expected_count; ++i) {
    const int at = unit_position(ids, count, expected[i].unit);
    check(at >= 0, file, line, expected[i].unit);
    if (at < 0) continue;
    check(rates[at] == expected[i].rate, file, line, expected[i].unit);
    if (rates[at] != expected[i].rate) {
      fprintf(stderr, "  %s: got %.17g, expected %.17g\n", expected[i].unit, rates[at],
              expected[i].rate);
    }
  }
}

#define CHECK_RATES(ids, rates, count, expected) \
  check_rates((ids), (rates), (count), (expected), sizeof(expected) / sizeof((expected)[0]), \
              __FILE__, __LINE__)

static void test_on_time_rates(void) {
  zeren_error *err = NULL;
  zeren_model *model = NULL;
  zeren_snapshot *snapshot = load_conformance(&model);
  enum { CAPACITY = 12 };
  const char *ids[CAPACITY];
  double rates[CAPACITY];
  const int32_t from = day_of("2025-01-01"), to = day_of("2026-01-01");
  size_t count = zeren_snapshot_unit_count(snapshot);
  size_t i;
  /* 2025: share of each unit's tasks due in the year, cancelled ones left out, done or
     verified with completed <= due; 1 with no such task. */
  static const expected_rate kYear[] = {
      {"party", 1.0}, {"dc", 1.0},    /* no tasks */
      {"dept1", 1.0},                 /* t: completed 03-10, due 03-15 */
      {"br11", 0.0},                  /* t.1: completed 03-12, due 03-10 */
      {"br12", 0.0},                  /* t.2: open */
      {"dept2", 1.0},                 /* t2: verified 04-20, due 04-30 */
      {"grp21", 1.0},                 /* no tasks */
      {"joint", 1.0},                 /* t3: cancelled, left out */
  };
  /* From 2025-03-11 on, t.1 and t.2 (due 03-10) fall outside the period. */
  static const expected_rate kFromMarch11[] = {
      {"party", 1.0}, {"dc", 1.0}, {"dept1", 1.0}, {"br11", 1.0},
      {"br12", 1.0},  {"dept2", 1.0}, {"grp21", 1.0}, {"joint", 1.0},
  };
  /* Only 2025-03-10: t.1 and t.2 alone. */
  static const expected_rate kMarch10[] = {
      {"party", 1.0}, {"dc", 1.0}, {"dept1", 1.0}, {"br11", 0.0},
      {"br12", 0.0},  {"dept2", 1.0}, {"grp21", 1.0}, {"joint", 1.0},
  };

  CHECK_INT(count, 8);
  for (i = 0; i < CAPACITY; ++i) {
    ids[i] = "untouched";
    rates[i] = -7.0;
  }
  CHECK_OK(zeren_snapshot_unit_ids(snapshot, ids, CAPACITY, &err));
  CHECK_STR(ids[0], "party"); /* level order: the root first */
  CHECK_STR(ids[count], "untouched");
  for (i = 0; i < count; ++i) {
    uint32_t level = 99;
    CHECK(ids[i] != NULL && strcmp(ids[i], "untouched") != 0);
    if (ids[i] == NULL) continue;
    CHECK_OK(zeren_snapshot_unit_level(snapshot, ids[i], &level, &err));
    if (i > 0) { /* never below the unit before it */
      uint32_t previous = 99;
      CHECK_OK(zeren_snapshot_unit_level(snapshot, ids[i - 1], &previous, &err));
      CHECK(previous <= level);
    }
  }

  CHECK_OK(zeren_snapshot_on_time_rates(snapshot, from, to, rates, CAPACITY, &err));
  CHECK_RATES(ids, rates, count, kYear);
  CHECK(rates[count] == -7.0);
  /* Exactly the unit count is enough. */
  CHECK_OK(zeren_snapshot_on_time_rates(snapshot, day_of("2025-03-11"), to, rates, count, &err));
  CHECK_RATES(ids, rates, count, kFromMarch11);
  CHECK_OK(zeren_snapshot_on_time_rates(snapshot, day_of("2025-03-10"), day_of("2025-03-11"),
                                        rates, count, &err));
  CHECK_RATES(ids, rates, count, kMarch10);

  /* Too small a capacity: nothing written. */
  for (i = 0; i < CAPACITY; ++i) {
    ids[i] = "untouched";
    rates[i] = -7.0;
  }
  CHECK_ERR(zeren_snapshot_on_time_rates(snapshot, from, to, rates, count - 1, &err),
            ZEREN_ERR_OUT_OF_RANGE,
            "zeren_snapshot_on_time_rates: capacity 7 is below unit count 8");
  CHECK(rates[0] == -7.0);
  CHECK_ERR(zeren_snapshot_on_time_rates(snapshot, from, to, rates, 0, &err),
            ZEREN_ERR_OUT_OF_RANGE,
            "zeren_snapshot_on_time_rates: capacity 0 is below unit count 8");
  CHECK_ERR(zeren_snapshot_unit_ids(snapshot, ids, count - 1, &err), ZEREN_ERR_OUT_OF_RANGE,
            "zeren_snapshot_unit_ids: capacity 7 is below unit count 8");
  CHECK_STR(ids[0], "untouched");

  /* Both ends are required, and the period must not be empty. */
  CHECK_ERR(zeren_snapshot_on_time_rates(snapshot, ZEREN_DATE_OPEN, to, rates, CAPACITY, &err),
            ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_snapshot_on_time_rates: from is required (not ZEREN_DATE_OPEN)");
  CHECK_ERR(zeren_snapshot_on_time_rates(snapshot, from, ZEREN_DATE_OPEN, rates, CAPACITY, &err),
            ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_snapshot_on_time_rates: to is required (not ZEREN_DATE_OPEN)");
  CHECK_ERR(zeren_snapshot_on_time_rates(snapshot, from, from, rates, CAPACITY, &err),
            ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_snapshot_on_time_rates: to 20089 is not after from 20089");
  CHECK_ERR(zeren_snapshot_on_time_rates(snapshot, to, from, rates, CAPACITY, &err),
            ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_snapshot_on_time_rates: to 20089 is not after from 20454");
  CHECK(rates[0] == -7.0);

  zeren_snapshot_free(snapshot);
  zeren_model_free(model);
}

/* ---- the chain-health audit ----------------------------------------------------------- */

static zeren_audit *audit_of(const zeren_snapshot *snapshot, const char *as_of) {
  zeren_error *err = NULL;
  zeren_audit *audit = NULL;
  CHECK_OK(zeren_snapshot_audit(snapshot, day_of(as_of), &audit, &err));
  CHECK(audit != NULL);
  return audit;
}

/* One finding of model-1's audit (see tests/data/conformance/expected/audit-*.json and
   `zeren audit --as-of D`), in the library's order: severity, kind, subject, directive. */
typedef struct {
  int32_t kind;
  int32_t severity;
  const char *unit;
  const char *person;
  const char *duty;
  const char *directive;
} expected_finding;

static const expected_finding kFindings[] = {
    {ZEREN_FINDING_VACANT_FIRST_RESPONSIBLE, ZEREN_FINDING_SEVERITY_CRITICAL, "br12", NULL, NULL, NULL},
    {ZEREN_FINDING_DUTY_WITHOUT_HOLDER, ZEREN_FINDING_SEVERITY_WARNING, "br12", NULL, "du3", NULL},
    {ZEREN_FINDING_OVERDUE_TASKS, ZEREN_FINDING_SEVERITY_WARNING, "br12", NULL, NULL, NULL},
    {ZEREN_FINDING_STALLED_CASCADE, ZEREN_FINDING_SEVERITY_WARNING, "dept2", NULL, NULL, "dv"},
    {ZEREN_FINDING_UNGUIDED_BRANCH, ZEREN_FINDING_SEVERITY_WARNING, "dept2", NULL, NULL, NULL},
    {ZEREN_FINDING_UNGUIDED_BRANCH, ZEREN_FINDING_SEVERITY_WARNING, "joint", NULL, NULL, NULL},
};
enum { FINDINGS = sizeof kFindings / sizeof kFindings[0] };

static void check_findings(const zeren_audit *audit, const char *file, int line) {
  zeren_error *err = NULL;
  size_t i;
  check_int(zeren_audit_size(audit), FINDINGS, file, line, "zeren_audit_size");
  for (i = 0; i < FINDINGS; ++i) {
    zeren_finding f = ZEREN_FINDING_INIT;
    const expected_finding *e = &kFindings[i];
    check_ok(zeren_audit_get(audit, i, &f, &err), &err, file, line, "zeren_audit_get");
    check_int(f.struct_size, sizeof(zeren_finding), file, line, "struct_size kept");
    check_int(f.kind, e->kind, file, line, "finding kind");
    check_int(f.severity, e->severity, file, line, "finding severity");
    check_str(f.unit_id, e->unit, file, line, "finding unit_id");
    check_str(f.person_id, e->person, file, line, "finding person_id");
    check_str(f.duty_id, e->duty, file, line, "finding duty_id");
    check_str(f.directive_id, e->directive, file, line, "finding directive_id");
    check(f.detail != NULL && f.detail[0] != '\0', file, line, "finding detail");
  }
}

static void test_audit(void) {
  zeren_error *err = NULL;
  zeren_model *model = NULL;
  zeren_snapshot *snapshot = load_conformance(&model);
  zeren_audit *audit = audit_of(snapshot, "2025-03-12");
  zeren_audit *late = audit_of(snapshot, "2025-12-31");
  zeren_audit *out = (zeren_audit *)&err;
  zeren_finding f = ZEREN_FINDING_INIT;
  char *json = NULL;
  size_t size = 0;

  CHECK_ERR(zeren_snapshot_audit(snapshot, ZEREN_DATE_OPEN, &out, &err),
            ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_snapshot_audit: as_of is required (not ZEREN_DATE_OPEN)");
  CHECK(out == NULL);

  /* The audits keep what they lend out alive without the snapshot or the model. */
  zeren_snapshot_free(snapshot);
  zeren_model_free(model);

  check_findings(audit, __FILE__, __LINE__);
  check_findings(late, __FILE__, __LINE__);
  CHECK_OK(zeren_audit_get(audit, 0, &f, &err));
  CHECK_STR(f.detail, "Policy Branch Two (br12) (branch) has no secretary on 2025-03-12");
  CHECK_OK(zeren_audit_get(late, 0, &f, &err));
  CHECK_STR(f.detail, "Policy Branch Two (br12) (branch) has no secretary on 2025-12-31");
  CHECK_ERR(zeren_audit_get(audit, FINDINGS, &f, &err), ZEREN_ERR_OUT_OF_RANGE,
            "zeren_audit_get: index 6 is not below size 6");

  /* An older, smaller struct is filled up to its struct_size only. */
  {
    zeren_finding small = ZEREN_FINDING_INIT;
    small.struct_size = (uint32_t)offsetof(zeren_finding, detail);
    small.detail = "untouched";
    CHECK_OK(zeren_audit_get(audit, 3, &small, &err));
    CHECK_INT(small.struct_size, offsetof(zeren_finding, detail));
    CHECK_INT(small.kind, ZEREN_FINDING_STALLED_CASCADE);
    CHECK_STR(small.directive_id, "dv");
    CHECK_STR(small.detail, "untouched");
    small.struct_size = (uint32_t)offsetof(zeren_finding, severity);
    small.severity = -7;
    CHECK_OK(zeren_audit_get(audit, 0, &small, &err));
    CHECK_INT(small.kind, ZEREN_FINDING_VACANT_FIRST_RESPONSIBLE);
    CHECK_INT(small.severity, -7);
    small.struct_size = 4; /* too small even for kind */
    CHECK_ERR(zeren_audit_get(audit, 0, &small, &err), ZEREN_ERR_INVALID_ARGUMENT,
              "zeren_audit_get: finding->struct_size 4 is below 8");
  }

  /* JSON, as `zeren audit --json` prints it. */
  CHECK_OK(zeren_audit_to_json(audit, &json, &size, &err));
  CHECK(json != NULL);
  if (json != NULL) {
    CHECK_INT(size, strlen(json));
    CHECK(strncmp(json, "{\n  \"as_of\": \"2025-03-12\"", 25) == 0);
    CHECK(strstr(json, "\"kind\": \"vacant_first_responsible\"") != NULL);
    CHECK(strstr(json, "\"severity\": \"critical\"") != NULL);
    CHECK(strstr(json, "\"duty\": \"du3\"") != NULL);
    CHECK(strstr(json, "\"directive\": \"dv\"") != NULL);
  }
  zeren_string_free(json);
  json = NULL;
  CHECK_OK(zeren_audit_to_json(late, &json, NULL, &err));
  CHECK(json != NULL && strstr(json, "\"as_of\": \"2025-12-31\"") != NULL);
  zeren_string_free(json);

  zeren_audit_free(late);
  zeren_audit_free(audit);
}

static void test_ledger_audit_null_arguments(void) {
  zeren_error *err = NULL;
  zeren_model *model = NULL;
  zeren_snapshot *snapshot = load_conformance(&model);
  zeren_ledger *ledger = ledger_of(snapshot, "2025-03-12");
  zeren_audit *audit = audit_of(snapshot, "2025-03-12");
  const int32_t day = day_of("2025-03-12"), next = day_of("2025-03-13");
  int dummy = 0;
  zeren_ledger *out_ledger = (zeren_ledger *)&dummy;
  zeren_audit *out_audit = (zeren_audit *)&dummy;
  zeren_task_row row = ZEREN_TASK_ROW_INIT;
  zeren_finding finding = ZEREN_FINDING_INIT;
  const char *ids[16];
  const char *text = "x";
  int32_t lights[16];
  double rates[16];
  char *json = (char *)&dummy;
  size_t size = 99, levels = 99, breaks = 99;
  uint32_t level = 99, reached = 99, done = 99, on_time = 99;

  /* ledgers */
  CHECK_NULL_ARG(zeren_snapshot_ledger(NULL, day, &out_ledger, &err),
                 "zeren_snapshot_ledger: snapshot is NULL");
  CHECK(out_ledger == NULL);
  CHECK_NULL_ARG(zeren_snapshot_ledger(snapshot, day, NULL, &err),
                 "zeren_snapshot_ledger: out is NULL");
  CHECK_INT(zeren_ledger_task_count(NULL), 0);
  CHECK_NULL_ARG(zeren_ledger_task(NULL, 0, &row, &err), "zeren_ledger_task: ledger is NULL");
  CHECK_NULL_ARG(zeren_ledger_task(ledger, 0, NULL, &err), "zeren_ledger_task: row is NULL");
  CHECK_NULL_ARG(zeren_ledger_fill_lights(NULL, ids, lights, 16, &size, &err),
                 "zeren_ledger_fill_lights: ledger is NULL");
  CHECK_INT(size, 0);
  CHECK_INT(zeren_ledger_directive_count(NULL), 0);
  CHECK_NULL_ARG(zeren_ledger_directive(NULL, 0, &text, &levels, &breaks, &err),
                 "zeren_ledger_directive: ledger is NULL");
  CHECK(text == NULL);
  CHECK_INT(levels, 0);
  CHECK_INT(breaks, 0);
  CHECK_NULL_ARG(zeren_ledger_directive(ledger, 0, NULL, &levels, &breaks, &err),
                 "zeren_ledger_directive: directive_id is NULL");
  CHECK_NULL_ARG(zeren_ledger_directive(ledger, 0, &text, NULL, &breaks, &err),
                 "zeren_ledger_directive: level_count is NULL");
  CHECK_NULL_ARG(zeren_ledger_directive(ledger, 0, &text, &levels, NULL, &err),
                 "zeren_ledger_directive: break_point_count is NULL");
  CHECK_NULL_ARG(zeren_ledger_level(NULL, 0, 0, &level, &reached, &done, &on_time, &err),
                 "zeren_ledger_level: ledger is NULL");
  CHECK_INT(level, 0);
  CHECK_INT(reached, 0);
  CHECK_INT(done, 0);
  CHECK_INT(on_time, 0);
  text = "x";
  CHECK_NULL_ARG(zeren_ledger_break_point(NULL, 0, 0, &text, &err),
                 "zeren_ledger_break_point: ledger is NULL");
  CHECK(text == NULL);
  CHECK_NULL_ARG(zeren_ledger_break_point(ledger, 0, 0, NULL, &err),
                 "zeren_ledger_break_point: unit_id is NULL");
  size = 99;
  CHECK_NULL_ARG(zeren_ledger_to_json(NULL, &json, &size, &err),
                 "zeren_ledger_to_json: ledger is NULL");
  CHECK(json == NULL);
  CHECK_INT(size, 0);
  CHECK_NULL_ARG(zeren_ledger_to_json(ledger, NULL, NULL, &err),
                 "zeren_ledger_to_json: out is NULL");

  /* rates and ids */
  CHECK_NULL_ARG(zeren_snapshot_on_time_rates(NULL, day, next, rates, 16, &err),
                 "zeren_snapshot_on_time_rates: snapshot is NULL");
  CHECK_NULL_ARG(zeren_snapshot_on_time_rates(snapshot, day, next, NULL, 16, &err),
                 "zeren_snapshot_on_time_rates: rates is NULL");
  CHECK_NULL_ARG(zeren_snapshot_unit_ids(NULL, ids, 16, &err),
                 "zeren_snapshot_unit_ids: snapshot is NULL");
  CHECK_NULL_ARG(zeren_snapshot_unit_ids(snapshot, NULL, 16, &err),
                 "zeren_snapshot_unit_ids: ids is NULL");

  /* audits */
  CHECK_NULL_ARG(zeren_snapshot_audit(NULL, day, &out_audit, &err),
                 "zeren_snapshot_audit: snapshot is NULL");
  CHECK(out_audit == NULL);
  CHECK_NULL_ARG(zeren_snapshot_audit(snapshot, day, NULL, &err),
                 "zeren_snapshot_audit: out is NULL");
  CHECK_INT(zeren_audit_size(NULL), 0);
  CHECK_NULL_ARG(zeren_audit_get(NULL, 0, &finding, &err), "zeren_audit_get: audit is NULL");
  CHECK_NULL_ARG(zeren_audit_get(audit, 0, NULL, &err), "zeren_audit_get: finding is NULL");
  json = (char *)&dummy;
  size = 99;
  CHECK_NULL_ARG(zeren_audit_to_json(NULL, &json, &size, &err),
                 "zeren_audit_to_json: audit is NULL");
  CHECK(json == NULL);
  CHECK_INT(size, 0);
  CHECK_NULL_ARG(zeren_audit_to_json(audit, NULL, NULL, &err), "zeren_audit_to_json: out is NULL");

  /* err NULL on failing calls: no crash, no leak. */
  out_ledger = (zeren_ledger *)&dummy;
  CHECK_INT(zeren_snapshot_ledger(snapshot, ZEREN_DATE_OPEN, &out_ledger, NULL),
            ZEREN_ERR_INVALID_ARGUMENT);
  CHECK(out_ledger == NULL);
  CHECK_INT(zeren_ledger_task(ledger, 99, &row, NULL), ZEREN_ERR_OUT_OF_RANGE);
  CHECK_INT(zeren_snapshot_on_time_rates(snapshot, day, next, rates, 1, NULL),
            ZEREN_ERR_OUT_OF_RANGE);
  CHECK_INT(zeren_audit_get(audit, 99, &finding, NULL), ZEREN_ERR_OUT_OF_RANGE);

  zeren_audit_free(audit);
  zeren_ledger_free(ledger);
  zeren_snapshot_free(snapshot);
  zeren_model_free(model);
}

/* ---- integrated assessment ------------------------------------------------------------ */

/* One unit of model-1's assessment: tests/data/conformance/expected/assess.json (own, total,
   grade, rank) and `zeren assess --json` (daily). */
typedef struct {
  const char *unit;
  double own;
  double total;
  const char *grade;
  uint32_t rank;
  double daily;
} expected_assessment;

static const expected_assessment kAssessment[] = {
    {"joint", 98.2941176471, 98.2941176471, "fairly_good", 1, 100.0},
    {"dept2", 94.3111111111, 85.8438095238, "fairly_good", 2, 94.8},
    {"br11", 79.4933333333, 79.4933333333, "average", 3, 72.1},
    {"br12", 55.65, 55.65, "poor", 4, 47.0},
    {"dc", 94.0, 94.0, "fairly_good", 1, 94.0},
    {"dept1", 89.5, 82.4924921264, "fairly_good", 1, 89.5},
    {"grp21", 73.1428571429, 73.1428571429, "average", 1, 73.5},
    {"party", 96.8, 92.2516561167, "fairly_good", 1, 96.8},
};
enum { ASSESSED = sizeof kAssessment / sizeof kAssessment[0] };

/* The expected file keeps 10 decimals (an error of at most 5e-11): compared within 1e-9. */
static int score_near(double actual, double expected) {
  const double d = actual - expected;
  return (d < 0 ? -d : d) <= 1e-9;
}

static void check_score(double actual, double expected, const char *file, int line,
                        const char *what) {
  check(score_near(actual, expected), file, line, what);
  if (!score_near(actual, expected)) {
    fprintf(stderr, "  %s: got %.17g, expected %.17g\n", what, actual, expected);
  }
}

#define CHECK_SCORE(a, b, what) check_score((a), (b), __FILE__, __LINE__, (what))

static zeren_assessment *assess(const zeren_snapshot *snapshot) {
  zeren_error *err = NULL;
  zeren_assessment *assessment = NULL;
  CHECK_OK(zeren_snapshot_assess(snapshot, &assessment, &err));
  CHECK(assessment != NULL);
  return assessment;
}

/* Explanation lines, copied (each is borrowed only during its call). */
enum { MAX_LINES = 16, MAX_LINE = 256 };
typedef struct {
  char lines[MAX_LINES][MAX_LINE];
  size_t count;
  size_t stop_after; /* 0: never stop */
} line_log;

static int32_t log_line(void *payload, const char *line) {
  line_log *log = (line_log *)payload;
  if (log->count < MAX_LINES) {
    snprintf(log->lines[log->count], MAX_LINE, "%s", line != NULL ? line : "(NULL)");
  }
  ++log->count;
  return log->stop_after != 0 && log->count >= log->stop_after;
}

/* Every unit of model-1, through the bulk columns, matched by id through
   zeren_snapshot_unit_ids. */
static void check_assessment_columns(const zeren_snapshot *snapshot,
                                     const zeren_assessment *assessment) {
  zeren_error *err = NULL;
  enum { CAPACITY = 12 };
  const char *ids[CAPACITY];
  double own[CAPACITY], total[CAPACITY], daily[CAPACITY];
  int32_t grade[CAPACITY], flags[CAPACITY];
  uint32_t rank[CAPACITY];
  zeren_assessment_columns columns = ZEREN_ASSESSMENT_COLUMNS_INIT;
  const size_t count = zeren_snapshot_unit_count(snapshot);
  char message[128];
  size_t i;

  for (i = 0; i < CAPACITY; ++i) {
    own[i] = total[i] = daily[i] = -7.0;
    grade[i] = flags[i] = -7;
    rank[i] = 77;
  }
  CHECK_INT(count, ASSESSED);
  CHECK_INT(zeren_assessment_unit_count(assessment), count);
  CHECK_OK(zeren_snapshot_unit_ids(snapshot, ids, CAPACITY, &err));

  columns.capacity = CAPACITY;
  columns.own = own;
  columns.total = total;
  columns.grade = grade;
  columns.rank = rank;
  columns.daily = daily;
  columns.flag_count = flags;
  CHECK_OK(zeren_assessment_fill(assessment, &columns, &err));
  for (i = 0; i < ASSESSED; ++i) {
    const expected_assessment *e = &kAssessment[i];
    const int at = unit_position(ids, count, e->unit);
    const char *grade_id = NULL;
    CHECK(at >= 0);
    if (at < 0) continue;
    CHECK_SCORE(own[at], e->own, e->unit);
    CHECK_SCORE(total[at], e->total, e->unit);
    CHECK_SCORE(daily[at], e->daily, e->unit);
    CHECK_OK(zeren_assessment_grade_id(assessment, grade[at], &grade_id, &err));
    CHECK_STR(grade_id, e->grade);
    CHECK_INT(rank[at], e->rank);
    CHECK_INT(flags[at], 0); /* model-1's scheme gives grades and no flags: none */
  }
  /* Only the unit count is written. */
  CHECK(own[count] == -7.0 && total[count] == -7.0 && daily[count] == -7.0);
  CHECK_INT(grade[count], -7);
  CHECK_INT(rank[count], 77);
  CHECK_INT(flags[count], -7);

  /* Exactly the unit count is enough; NULL columns are skipped. */
  for (i = 0; i < CAPACITY; ++i) own[i] = total[i] = -7.0;
  columns.capacity = count;
  columns.own = NULL;
  columns.grade = NULL;
  columns.rank = NULL;
  columns.daily = NULL;
  columns.flag_count = NULL;
  CHECK_OK(zeren_assessment_fill(assessment, &columns, &err));
  CHECK(own[0] == -7.0);
  CHECK_SCORE(total[unit_position(ids, count, "party")], 92.2516561167, "party total");
  CHECK_STR(ids[0], "party"); /* snapshot order: the root first */
  CHECK_SCORE(total[0], 92.2516561167, "total[0]");

  /* Too small a capacity: an error, and nothing written. */
  for (i = 0; i < CAPACITY; ++i) own[i] = total[i] = -7.0;
  columns.own = own;
  columns.capacity = count - 1;
  CHECK_ERR(zeren_assessment_fill(assessment, &columns, &err), ZEREN_ERR_OUT_OF_RANGE,
            "zeren_assessment_fill: capacity 7 is below unit count 8");
  columns.capacity = 0;
  CHECK_ERR(zeren_assessment_fill(assessment, &columns, &err), ZEREN_ERR_OUT_OF_RANGE,
            "zeren_assessment_fill: capacity 0 is below unit count 8");
  CHECK_INT(zeren_assessment_fill(assessment, &columns, NULL), ZEREN_ERR_OUT_OF_RANGE);
  CHECK(own[0] == -7.0 && total[0] == -7.0);

  /* An older, smaller struct: the columns past its struct_size are not read. */
  for (i = 0; i < CAPACITY; ++i) daily[i] = -7.0;
  columns.struct_size = (uint32_t)offsetof(zeren_assessment_columns, daily);
  columns.capacity = CAPACITY;
  columns.daily = daily; /* beyond struct_size: ignored */
  CHECK_OK(zeren_assessment_fill(assessment, &columns, &err));
  CHECK_SCORE(own[0], 96.8, "own[0] (party)");
  CHECK(daily[0] == -7.0);

  /* Too small to hold even the capacity. */
  columns.struct_size = (uint32_t)offsetof(zeren_assessment_columns, capacity);
  own[0] = -7.0;
  snprintf(message, sizeof message, "zeren_assessment_fill: columns->struct_size %u is below %u",
           (unsigned)offsetof(zeren_assessment_columns, capacity),
           (unsigned)(offsetof(zeren_assessment_columns, capacity) + sizeof(size_t)));
  CHECK_ERR(zeren_assessment_fill(assessment, &columns, &err), ZEREN_ERR_INVALID_ARGUMENT,
            message);
  CHECK(own[0] == -7.0);
}

/* model-1's assessment: scores and grades (tests/data/conformance/expected/assess.json),
   reasons, JSON and people. */
static void test_assessment(void) {
  zeren_error *err = NULL;
  zeren_model *model = NULL;
  zeren_snapshot *snapshot = load_conformance(&model);
  zeren_assessment *assessment = assess(snapshot);
  zeren_assessment *out = (zeren_assessment *)&err;
  const char *id = "x";
  line_log log;
  char *json = NULL;
  size_t size = 0;

  check_assessment_columns(snapshot, assessment);

  /* The assessment keeps what it lends out alive without the snapshot or the model. */
  zeren_snapshot_free(snapshot);
  zeren_model_free(model);

  /* Grades, by index into the scheme's (model-1 gives good, fairly_good, average, poor). */
  CHECK_OK(zeren_assessment_grade_id(assessment, 0, &id, &err));
  CHECK_STR(id, "good");
  CHECK_OK(zeren_assessment_grade_id(assessment, 1, &id, &err));
  CHECK_STR(id, "fairly_good");
  CHECK_OK(zeren_assessment_grade_id(assessment, 2, &id, &err));
  CHECK_STR(id, "average");
  CHECK_OK(zeren_assessment_grade_id(assessment, 3, &id, &err));
  CHECK_STR(id, "poor");
  CHECK_ERR(zeren_assessment_grade_id(assessment, 4, &id, &err), ZEREN_ERR_OUT_OF_RANGE,
            "zeren_assessment_grade_id: grade 4 is not in [0, 4)");
  CHECK(id == NULL);
  id = "x";
  CHECK_ERR(zeren_assessment_grade_id(assessment, -1, &id, &err), ZEREN_ERR_OUT_OF_RANGE,
            "zeren_assessment_grade_id: grade -1 is not in [0, 4)");
  CHECK(id == NULL);
  CHECK_INT(zeren_assessment_grade_id(assessment, 99, &id, NULL), ZEREN_ERR_OUT_OF_RANGE);

  /* Reasons, as `zeren assess --unit dept2` prints them. */
  memset(&log, 0, sizeof log);
  CHECK_OK(zeren_assessment_explain(assessment, "dept2", log_line, &log, &err));
  CHECK_INT(log.count, 4);
  CHECK_STR(log.lines[0], "daily 94.80 = indicators 94.80");
  CHECK_STR(log.lines[1], "own 94.31 from daily 94.80, on-site review 90.00, ballots 96.67");
  CHECK_STR(log.lines[2],
            "total 85.84 = 0.60 \xc3\x97 own + 0.40 \xc3\x97 the weighted mean of subordinates: "
            "Operations Group (grp21) 73.14 (share 1.00)");
  CHECK_STR(log.lines[3], "total 85.84 reaches fairly_good (min 80.00)");
  /* Stopping early. */
  memset(&log, 0, sizeof log);
  log.stop_after = 1;
  CHECK_OK(zeren_assessment_explain(assessment, "dept2", log_line, &log, &err));
  CHECK_INT(log.count, 1);
  CHECK_STR(log.lines[0], "daily 94.80 = indicators 94.80");
  memset(&log, 0, sizeof log);
  log.stop_after = 2;
  CHECK_OK(zeren_assessment_explain(assessment, "br11", log_line, &log, &err));
  CHECK_INT(log.count, 2);
  CHECK_STR(log.lines[0],
            "daily 72.10 = indicators 74.10 \xe2\x88\x92 deductions 4.00 + bonus 2.00");
  CHECK_STR(log.lines[1], "incident k1 (serious) deducts 4.00");
  memset(&log, 0, sizeof log);
  CHECK_ERR(zeren_assessment_explain(assessment, "x", log_line, &log, &err), ZEREN_ERR_NOT_FOUND,
            "zeren_assessment_explain: unknown unit \"x\"");
  CHECK_INT(log.count, 0);

  /* JSON, as `zeren assess --json` prints it: every unit and the people. */
  CHECK_OK(zeren_assessment_to_json(assessment, NULL, &json, &size, &err));
  CHECK(json != NULL);
  if (json != NULL) {
    CHECK_INT(size, strlen(json));
    static const char kHead[] =
        "{\n  \"period\": {\"from\": \"2025-01-01\", \"to\": \"2026-01-01\"},\n  \"units\": [";
    CHECK(strncmp(json, kHead, sizeof kHead - 1) == 0);
    CHECK(strstr(json, "\"unit\": \"joint\"") != NULL);
    CHECK(strstr(json, "\"unit\": \"br11\"") != NULL);
    CHECK(strstr(json, "\"unit\": \"party\"") != NULL);
    CHECK(strstr(json, "\"quota_cut_from\": \"good\"") != NULL);
    CHECK(strstr(json, "\"people\"") != NULL);
    CHECK(strstr(json, "{\"person\": \"a_sec\", \"score\": 92.2516561166781}") != NULL);
  }
  zeren_string_free(json);
  json = NULL;
  /* One unit, without the people. */
  CHECK_OK(zeren_assessment_to_json(assessment, "br11", &json, &size, &err));
  CHECK(json != NULL);
  if (json != NULL) {
    CHECK_INT(size, strlen(json));
    CHECK(strstr(json, "\"unit\": \"br11\"") != NULL);
    CHECK(strstr(json, "\"grade\": \"average\"") != NULL);
    CHECK(strstr(json, "{\"incident\": \"k1\", \"points\": 4, \"factor\": 1}") != NULL);
    CHECK(strstr(json, "\"unit\": \"dept2\"") == NULL);
    CHECK(strstr(json, "\"people\"") == NULL);
  }
  zeren_string_free(json);
  json = (char *)&err;
  size = 99;
  CHECK_ERR(zeren_assessment_to_json(assessment, "x", &json, &size, &err), ZEREN_ERR_NOT_FOUND,
            "zeren_assessment_to_json: unknown unit \"x\"");
  CHECK(json == NULL);
  CHECK_INT(size, 0);
  json = NULL;
  CHECK_OK(zeren_assessment_to_json(assessment, "dept2", &json, NULL, &err));
  CHECK(json != NULL && strstr(json, "\"total\": 85.84380952380951") != NULL);
  zeren_string_free(json);

  /* People: the count first, then the scores. */
  {
    enum { CAPACITY = 32 };
    const char *people[CAPACITY];
    double scores[CAPACITY];
    size_t count = 99, i;
    int a_sec = -1;
    CHECK_OK(zeren_assessment_people(assessment, NULL, NULL, 0, &count, &err));
    CHECK_INT(count, 15);
    count = 99;
    CHECK_OK(zeren_assessment_people(assessment, NULL, NULL, CAPACITY, &count, &err));
    CHECK_INT(count, 15);
    for (i = 0; i < CAPACITY; ++i) {
      people[i] = "untouched";
      scores[i] = -7.0;
    }
    CHECK_OK(zeren_assessment_people(assessment, people, scores, CAPACITY, &count, &err));
    CHECK_INT(count, 15);
    CHECK_STR(people[0], "a_sec"); /* person order */
    CHECK_STR(people[14], "w3");
    CHECK_STR(people[15], "untouched");
    CHECK(scores[15] == -7.0);
    for (i = 0; i < count && i < CAPACITY; ++i) {
      if (strcmp(people[i], "a_sec") == 0) a_sec = (int)i;
    }
    CHECK(a_sec >= 0);
    /* a_sec is party's secretary: its score is party's total. */
    if (a_sec >= 0) CHECK_SCORE(scores[a_sec], 92.2516561167, "a_sec");
    CHECK_SCORE(scores[1], 92.2516561167, "a_head");  /* party's head */
    CHECK_STR(people[5], "d_sec");
    CHECK_SCORE(scores[5], 94.0, "d_sec");            /* dc's discipline secretary */
    CHECK_STR(people[9], "s2");
    CHECK_SCORE(scores[9], 85.8438095238, "s2");      /* dept2's secretary */

    /* A smaller capacity: that many rows, the full count; either array may be NULL. */
    for (i = 0; i < CAPACITY; ++i) {
      people[i] = "untouched";
      scores[i] = -7.0;
    }
    count = 99;
    CHECK_OK(zeren_assessment_people(assessment, people, NULL, 2, &count, &err));
    CHECK_INT(count, 15);
    CHECK_STR(people[0], "a_sec");
    CHECK_STR(people[1], "a_head");
    CHECK_STR(people[2], "untouched");
    CHECK(scores[0] == -7.0);
    CHECK_OK(zeren_assessment_people(assessment, NULL, scores, 1, &count, &err));
    CHECK_SCORE(scores[0], 92.2516561167, "scores[0]");
    CHECK(scores[1] == -7.0);
  }

  CHECK_INT(zeren_snapshot_assess(NULL, &out, NULL), ZEREN_ERR_INVALID_ARGUMENT);
  CHECK(out == NULL);
  zeren_assessment_free(assessment);
}

/* A scheme's flags: the default scheme flags average and poor units `talk_required`. */
static const char kFlagsModel[] =
    "{\n"
    "  \"format\": \"zeren-model\", \"version\": 1, \"name\": \"capi flags\",\n"
    "  \"units\": [\n"
    "    {\"id\": \"org\", \"name\": \"Organ Committee\", \"kind\": \"leading_group\"},\n"
    "    {\"id\": \"b1\", \"name\": \"Branch One\", \"kind\": \"branch\", \"parents\": [\"org\"],\n"
    "     \"members\": 12}\n"
    "  ],\n"
    "  \"people\": [{\"id\": \"p_sec\", \"name\": \"Sun Secretary\"},\n"
    "             {\"id\": \"p_b1\", \"name\": \"Bai First\"}],\n"
    "  \"posts\": [\n"
    "    {\"person\": \"p_sec\", \"unit\": \"org\", \"role\": \"secretary\",\n"
    "     \"from\": \"2020-01-01\"},\n"
    "    {\"person\": \"p_b1\", \"unit\": \"b1\", \"role\": \"secretary\",\n"
    "     \"from\": \"2020-01-01\"}\n"
    "  ],\n"
    "  \"assessment\": {\n"
    "    \"period\": {\"from\": \"2025-01-01\", \"to\": \"2026-01-01\"},\n"
    "    \"scheme\": \"default\",\n"
    "    \"points\": [{\"unit\": \"org\", \"indicator\": \"integrity.meetings\", \"value\": 40},\n"
    "               {\"unit\": \"org\", \"indicator\": \"integrity.education\", \"value\": 60}]\n"
    "  }\n"
    "}\n";

static void test_assessment_flags_and_missing(void) {
  zeren_error *err = NULL;
  zeren_model *model = load_model(kFlagsModel);
  zeren_snapshot *snapshot = compile(model);
  zeren_assessment *assessment = assess(snapshot);
  zeren_model *plain = load_model(kModel);
  zeren_snapshot *plain_snapshot = compile(plain);
  zeren_assessment *out = (zeren_assessment *)&err;
  const char *ids[2] = {NULL, NULL};
  double own[2] = {0, 0}, total[2] = {0, 0};
  int32_t grade[2] = {-7, -7}, flags[2] = {-7, -7};
  uint32_t rank[2] = {0, 0};
  zeren_assessment_columns columns = ZEREN_ASSESSMENT_COLUMNS_INIT;
  const char *grade_id = NULL;
  line_log log;

  CHECK_OK(zeren_snapshot_unit_ids(snapshot, ids, 2, &err));
  CHECK_STR(ids[0], "org");
  CHECK_STR(ids[1], "b1");
  columns.capacity = 2;
  columns.own = own;
  columns.total = total;
  columns.grade = grade;
  columns.rank = rank;
  columns.flag_count = flags;
  CHECK_OK(zeren_assessment_fill(assessment, &columns, &err));
  /* org: daily 100, total 0.7 × 100 + 0.3 × 70 = 91, good cut by the quota to fairly_good. */
  CHECK_SCORE(own[0], 100.0, "org own");
  CHECK_SCORE(total[0], 91.0, "org total");
  CHECK_OK(zeren_assessment_grade_id(assessment, grade[0], &grade_id, &err));
  CHECK_STR(grade_id, "fairly_good");
  CHECK_INT(rank[0], 1);
  CHECK_INT(flags[0], 0);
  /* b1: no points, the on-time rate alone (no tasks: 1): 0.7 × 100 = 70, average. */
  CHECK_SCORE(own[1], 70.0, "b1 own");
  CHECK_SCORE(total[1], 70.0, "b1 total");
  CHECK_OK(zeren_assessment_grade_id(assessment, grade[1], &grade_id, &err));
  CHECK_STR(grade_id, "average");
  CHECK_INT(rank[1], 1);
  CHECK_INT(flags[1], 1); /* talk_required */
  memset(&log, 0, sizeof log);
  CHECK_OK(zeren_assessment_explain(assessment, "b1", log_line, &log, &err));
  CHECK_INT(log.count, 4);
  CHECK_STR(log.lines[3], "flag: talk_required");

  /* A model without an `assessment` section. */
  CHECK_ERR(zeren_snapshot_assess(plain_snapshot, &out, &err), ZEREN_ERR_NOT_FOUND,
            "the model has no `assessment` section");
  CHECK(out == NULL);
  out = (zeren_assessment *)&err;
  CHECK_INT(zeren_snapshot_assess(plain_snapshot, &out, NULL), ZEREN_ERR_NOT_FOUND);
  CHECK(out == NULL);

  zeren_assessment_free(assessment);
  zeren_snapshot_free(plain_snapshot);
  zeren_model_free(plain);
  zeren_snapshot_free(snapshot);
  zeren_model_free(model);
}

static void test_scheme_default(void) {
  zeren_error *err = NULL;
  char *json = NULL;
  size_t size = 0;
  CHECK_OK(zeren_scheme_default_json(&json, &size, &err));
  CHECK(json != NULL);
  if (json != NULL) {
    CHECK_INT(size, strlen(json));
    CHECK(json[0] == '{');
    CHECK(strstr(json, "\"weight_by\": \"members\"") != NULL);
    CHECK(strstr(json, "{\"id\": \"good\", \"min\": 90, \"quota\": 0.3}") != NULL);
    CHECK(strstr(json, "\"id\": \"talk_required\"") != NULL);
  }
  zeren_string_free(json);
  json = NULL;
  CHECK_OK(zeren_scheme_default_json(&json, NULL, &err));
  CHECK(json != NULL);
  zeren_string_free(json);
}

static int32_t stop_line(void *payload, const char *line) {
  (void)payload;
  (void)line;
  return 1;
}

/* A person whose only post ended before the period. */
static const char kEndedPostModel[] =
    "{\n"
    "  \"format\": \"zeren-model\", \"version\": 1, \"name\": \"capi ended post\",\n"
    "  \"units\": [{\"id\": \"org\", \"name\": \"Organ Committee\", \"kind\": \"leading_group\"}],\n"
    "  \"people\": [{\"id\": \"p_old\", \"name\": \"Gu Former\"}],\n"
    "  \"posts\": [{\"person\": \"p_old\", \"unit\": \"org\", \"role\": \"secretary\",\n"
    "              \"from\": \"2020-01-01\", \"to\": \"2024-06-01\"}],\n"
    "  \"assessment\": {\"period\": {\"from\": \"2025-01-01\", \"to\": \"2026-01-01\"}}\n"
    "}\n";

/* zeren_snapshot_assess_with and zeren_assessment_person_score: a generated organization's
   members left out of the people list are scored on demand exactly as the full list scores
   them, on any thread count; and every error of the options. */
static void test_assessment_options(void) {
  zeren_error *err = NULL;
  zeren_model *model = NULL, *ended = load_model(kEndedPostModel);
  zeren_snapshot *snapshot = NULL, *ended_snapshot = compile(ended);
  zeren_assessment *all = NULL, *leaders = NULL, *short_options = NULL;
  zeren_assessment *ended_assessment = assess(ended_snapshot);
  zeren_assessment *out = (zeren_assessment *)&err;
  zeren_generate_spec spec = ZEREN_GENERATE_SPEC_INIT;
  zeren_assess_options options = ZEREN_ASSESS_OPTIONS_INIT;
  size_t count = 0, leader_count = 0, i;
  const char **ids = NULL;
  double *scores = NULL, score = -7.0;
  double total_all[300], total_leaders[300];
  zeren_assessment_columns columns = ZEREN_ASSESSMENT_COLUMNS_INIT;

  spec.units = 300;
  spec.seed = 42; /* 1170 leaders and 10448 members, all holding a post in 2025 */
  CHECK_OK(zeren_generate(&spec, &model, &err));
  CHECK_OK(zeren_snapshot_compile(model, &snapshot, &err));
  CHECK_OK(zeren_snapshot_assess(snapshot, &all, &err));
  options.threads = 2;
  options.score_members = 0;
  CHECK_OK(zeren_snapshot_assess_with(snapshot, &options, &leaders, &err));
  CHECK_OK(zeren_assessment_people(all, NULL, NULL, 0, &count, &err));
  CHECK_INT(count, 11618);
  CHECK_OK(zeren_assessment_people(leaders, NULL, NULL, 0, &leader_count, &err));
  CHECK_INT(leader_count, 1170);

  ids = (const char **)calloc(count, sizeof *ids);
  scores = (double *)calloc(count, sizeof *scores);
  CHECK(ids != NULL && scores != NULL);
  if (ids != NULL && scores != NULL) {
    CHECK_OK(zeren_assessment_people(all, ids, scores, count, &count, &err));
    CHECK_STR(ids[0], "p0000000");
    CHECK_STR(ids[count - 1], "m0010447"); /* the last roster row */
    for (i = 0; i < count; i += 997) {     /* leaders and rows, listed or not */
      score = -7.0;
      CHECK_OK(zeren_assessment_person_score(leaders, ids[i], &score, &err));
      CHECK(score == scores[i]);
    }
    CHECK_OK(zeren_assessment_person_score(leaders, "m0010447", &score, &err));
    CHECK(score == scores[count - 1]);
  }

  /* Two threads give the totals one gives. */
  columns.capacity = 300;
  columns.total = total_all;
  CHECK_OK(zeren_assessment_fill(all, &columns, &err));
  columns.total = total_leaders;
  CHECK_OK(zeren_assessment_fill(leaders, &columns, &err));
  CHECK(memcmp(total_all, total_leaders, sizeof total_all) == 0);

  /* An older, shorter options struct gets the default for score_members: everyone. */
  options.struct_size = (uint32_t)offsetof(zeren_assess_options, score_members);
  CHECK_OK(zeren_snapshot_assess_with(snapshot, &options, &short_options, &err));
  CHECK_OK(zeren_assessment_people(short_options, NULL, NULL, 0, &count, &err));
  CHECK_INT(count, 11618);
  options.struct_size = sizeof options;

  CHECK_ERR(zeren_assessment_person_score(leaders, "nobody", &score, &err), ZEREN_ERR_NOT_FOUND,
            "zeren_assessment_person_score: unknown person \"nobody\"");
  CHECK_ERR(zeren_assessment_person_score(ended_assessment, "p_old", &score, &err),
            ZEREN_ERR_NOT_FOUND,
            "zeren_assessment_person_score: person \"p_old\" holds no post in the period");
  CHECK_ERR(zeren_assessment_person_score(NULL, "p_old", &score, &err),
            ZEREN_ERR_INVALID_ARGUMENT, "zeren_assessment_person_score: assessment is NULL");
  CHECK_ERR(zeren_assessment_person_score(leaders, NULL, &score, &err),
            ZEREN_ERR_INVALID_ARGUMENT, "zeren_assessment_person_score: person is NULL");
  CHECK_ERR(zeren_assessment_person_score(leaders, "p0000000", NULL, &err),
            ZEREN_ERR_INVALID_ARGUMENT, "zeren_assessment_person_score: score is NULL");

  options.threads = -1;
  CHECK_ERR(zeren_snapshot_assess_with(snapshot, &options, &out, &err),
            ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_snapshot_assess_with: options->threads must be >= 0, not -1");
  CHECK(out == NULL);
  options.threads = 0;
  options.score_members = 2;
  out = (zeren_assessment *)&err;
  CHECK_ERR(zeren_snapshot_assess_with(snapshot, &options, &out, &err),
            ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_snapshot_assess_with: options->score_members must be 0 or 1, not 2");
  CHECK(out == NULL);
  options.score_members = 1;
  options.struct_size = 4;
  CHECK_ERR(zeren_snapshot_assess_with(snapshot, &options, &out, &err),
            ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_snapshot_assess_with: options->struct_size 4 is below 8");
  CHECK_ERR(zeren_snapshot_assess_with(snapshot, NULL, &out, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_snapshot_assess_with: options is NULL");
  options.struct_size = sizeof options;
  CHECK_ERR(zeren_snapshot_assess_with(NULL, &options, &out, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_snapshot_assess_with: snapshot is NULL");
  CHECK_ERR(zeren_snapshot_assess_with(ended_snapshot, &options, NULL, &err),
            ZEREN_ERR_INVALID_ARGUMENT, "zeren_snapshot_assess_with: out is NULL");

  free(ids);
  free(scores);
  zeren_assessment_free(short_options);
  zeren_assessment_free(leaders);
  zeren_assessment_free(all);
  zeren_assessment_free(ended_assessment);
  zeren_snapshot_free(ended_snapshot);
  zeren_snapshot_free(snapshot);
  zeren_model_free(ended);
  zeren_model_free(model);
}

static void test_assessment_null_arguments(void) {
  zeren_error *err = NULL;
  zeren_model *model = NULL;
  zeren_snapshot *snapshot = load_conformance(&model);
  zeren_assessment *assessment = assess(snapshot);
  int dummy = 0;
  zeren_assessment *out = (zeren_assessment *)&dummy;
  zeren_assessment_columns columns = ZEREN_ASSESSMENT_COLUMNS_INIT;
  double totals[16];
  const char *ids[16];
  const char *text = "x";
  char *json = (char *)&dummy;
  size_t size = 99, count = 99;
  line_log log;
  columns.capacity = 16;
  columns.total = totals;
  memset(&log, 0, sizeof log);

  CHECK_NULL_ARG(zeren_scheme_default_json(NULL, &size, &err),
                 "zeren_scheme_default_json: out is NULL");
  CHECK_INT(size, 0);

  CHECK_NULL_ARG(zeren_snapshot_assess(NULL, &out, &err),
                 "zeren_snapshot_assess: snapshot is NULL");
  CHECK(out == NULL);
  CHECK_NULL_ARG(zeren_snapshot_assess(snapshot, NULL, &err), "zeren_snapshot_assess: out is NULL");

  CHECK_INT(zeren_assessment_unit_count(NULL), 0);

  CHECK_NULL_ARG(zeren_assessment_fill(NULL, &columns, &err),
                 "zeren_assessment_fill: assessment is NULL");
  CHECK_NULL_ARG(zeren_assessment_fill(assessment, NULL, &err),
                 "zeren_assessment_fill: columns is NULL");

  CHECK_NULL_ARG(zeren_assessment_grade_id(NULL, 0, &text, &err),
                 "zeren_assessment_grade_id: assessment is NULL");
  CHECK(text == NULL);
  CHECK_NULL_ARG(zeren_assessment_grade_id(assessment, 0, NULL, &err),
                 "zeren_assessment_grade_id: id is NULL");

  CHECK_NULL_ARG(zeren_assessment_explain(NULL, "dept2", log_line, &log, &err),
                 "zeren_assessment_explain: assessment is NULL");
  CHECK_NULL_ARG(zeren_assessment_explain(assessment, NULL, log_line, &log, &err),
                 "zeren_assessment_explain: unit is NULL");
  CHECK_NULL_ARG(zeren_assessment_explain(assessment, "dept2", NULL, &log, &err),
                 "zeren_assessment_explain: fn is NULL");
  CHECK_INT(log.count, 0);
  /* The payload is the caller's: NULL is passed through. */
  CHECK_OK(zeren_assessment_explain(assessment, "dc", stop_line, NULL, &err));

  CHECK_NULL_ARG(zeren_assessment_to_json(NULL, NULL, &json, &size, &err),
                 "zeren_assessment_to_json: assessment is NULL");
  CHECK(json == NULL);
  CHECK_INT(size, 0);
  CHECK_NULL_ARG(zeren_assessment_to_json(assessment, NULL, NULL, NULL, &err),
                 "zeren_assessment_to_json: out is NULL");
  CHECK_NULL_ARG(zeren_assessment_to_json(assessment, "br11", NULL, &size, &err),
                 "zeren_assessment_to_json: out is NULL");

  CHECK_NULL_ARG(zeren_assessment_people(NULL, ids, totals, 16, &count, &err),
                 "zeren_assessment_people: assessment is NULL");
  CHECK_INT(count, 0);
  CHECK_NULL_ARG(zeren_assessment_people(assessment, ids, totals, 16, NULL, &err),
                 "zeren_assessment_people: count is NULL");

  /* err NULL on failing calls: no crash, no leak. */
  CHECK_INT(zeren_assessment_fill(NULL, &columns, NULL), ZEREN_ERR_INVALID_ARGUMENT);
  CHECK_INT(zeren_assessment_explain(assessment, "x", log_line, &log, NULL), ZEREN_ERR_NOT_FOUND);
  CHECK_INT(zeren_assessment_to_json(assessment, "x", &json, NULL, NULL), ZEREN_ERR_NOT_FOUND);
  CHECK(json == NULL);
  CHECK_INT(zeren_assessment_people(assessment, NULL, NULL, 0, NULL, NULL),
            ZEREN_ERR_INVALID_ARGUMENT);

  zeren_assessment_free(assessment);
  zeren_snapshot_free(snapshot);
  zeren_model_free(model);
}

static void test_frees_of_null(void) {
  zeren_string_free(NULL);
  zeren_error_free(NULL);
  zeren_model_free(NULL);
  zeren_edit_free(NULL);
  zeren_snapshot_free(NULL);
  zeren_chain_free(NULL);
  zeren_person_view_free(NULL);
  zeren_accounting_free(NULL);
  zeren_ledger_free(NULL);
  zeren_audit_free(NULL);
  zeren_assessment_free(NULL);
  CHECK(1); /* reaching here is the test */
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: %s TEST_DATA_DIR EXAMPLES_DIR\n", argv[0]);
    return 2;
  }
  g_test_data = argv[1];
  g_examples = argv[2];

  test_version();
  test_null_error_accessors();
  test_dates();
  test_load_good();
  test_load_bad();
  test_load_file();
  test_round_trip_and_save();
  test_chain();
  test_person_view();
  test_holders();
  test_edits();
  test_spec_sizes();
  test_bad_specs();
  test_null_arguments();
  test_accountability();
  test_no_incidents();
  test_accountability_null_arguments();
  test_ledger();
  test_ledger_reviews();
  test_on_time_rates();
  test_audit();
  test_ledger_audit_null_arguments();
  test_assessment();
  test_assessment_flags_and_missing();
  test_scheme_default();
  test_assessment_null_arguments();
  test_assessment_options();
  test_frees_of_null();

  printf("%d checks, %d failed\n", g_checks, g_failures);
  return g_failures == 0 ? 0 : 1;
}
