/* Need-to-know views through the C API: zeren_view_* on the small view model
 * (tests/data/view/small.json, the view below `dept`) and on the demo (the department d01).
 * Expected JSON is shared with tests/view_test.cc (tests/data/view/expected).
 * Usage: zeren_capi_view_test TEST_DATA_DIR EXAMPLES_DIR */
#include <stdlib.h>

#include "check.h"

static char g_data[1024];
static char g_examples[1024];

/* The whole file in a new NUL-terminated buffer (free it), or NULL. */
static char *read_file(const char *dir, const char *name) {
  char path[2048];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen(path, "rb");
  if (f == NULL) return NULL;
  fseek(f, 0, SEEK_END);
  const long size = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *text = malloc((size_t)size + 1);
  if (text != NULL && fread(text, 1, (size_t)size, f) == (size_t)size) {
    text[size] = '\0';
  } else {
    free(text);
    text = NULL;
  }
  fclose(f);
  return text;
}

/* `json` (freed here) equals the expected file view/expected/NAME. */
static void check_expected(char *json, const char *name, const char *file, int line) {
  char path[256];
  snprintf(path, sizeof path, "view/expected/%s", name);
  char *expected = read_file(g_data, path);
  check(expected != NULL, file, line, "expected file is readable");
  check_str(json, expected, file, line, name);
  free(expected);
  zeren_string_free(json);
}
#define CHECK_EXPECTED(json, name) check_expected((json), (name), __FILE__, __LINE__)

/* Outside ids and names of the small model's `dept` view: none may appear in `text`. */
static const char *const kOutside[] = {
    "zorg",   "zdc",       "zopc", "zbur",   "zbr2",         "p_boss",        "p_dep",
    "p_guide", "p_osec",   "Leading Group", "Discipline",   "Organ Committee", "Bureau",
    "Far Branch", "Boss",  "Deputy Chief",  "Guide"};

static void check_no_leak(const char *text, const char *file, int line) {
  for (size_t k = 0; k < sizeof kOutside / sizeof kOutside[0]; ++k) {
    const int absent = text != NULL && strstr(text, kOutside[k]) == NULL;
    check(absent, file, line, kOutside[k]);
  }
}
#define CHECK_NO_LEAK(text) check_no_leak((text), __FILE__, __LINE__)

static int32_t day(const char *iso) {
  int32_t d = 0;
  zeren_date_parse(iso, &d, NULL);
  return d;
}

static zeren_snapshot *compile(const char *dir, const char *name) {
  char path[2048];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  zeren_model *model = NULL;
  zeren_snapshot *snapshot = NULL;
  zeren_error *err = NULL;
  CHECK_OK(zeren_model_load_file(path, &model, &err));
  CHECK_OK(zeren_snapshot_compile(model, &snapshot, &err));
  zeren_model_free(model);
  return snapshot;
}

/* Collects lines (zeren_line_fn) and holders (zeren_holder_fn). */
typedef struct {
  int count;
  char first[256];
} lines;

static int32_t on_line(void *payload, const char *line) {
  lines *l = payload;
  if (l->count++ == 0) snprintf(l->first, sizeof l->first, "%s", line);
  CHECK_NO_LEAK(line);
  return 0;
}

static int32_t on_holder(void *payload, const char *person_id, const char *person_name,
                         int32_t from, int32_t to) {
  lines *l = payload;
  (void)from;
  (void)to;
  if (l->count++ == 0) snprintf(l->first, sizeof l->first, "%s %s", person_id, person_name);
  return 0;
}

static void test_create(const zeren_snapshot *s) {
  zeren_error *err = NULL;
  zeren_view *view = (zeren_view *)&err; /* must be reset to NULL on failure */
  const char *dept[] = {"dept"};
  const char *bad[] = {"dept", "nowhere"};
  const char *holes[] = {"dept", NULL};
  CHECK_ERR(zeren_view_new(NULL, dept, 1, &view, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_view_new: snapshot is NULL");
  CHECK(view == NULL);
  CHECK_ERR(zeren_view_new(s, NULL, 1, &view, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_view_new: roots is NULL");
  CHECK_ERR(zeren_view_new(s, dept, 1, NULL, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_view_new: out is NULL");
  CHECK_ERR(zeren_view_new(s, dept, 0, &view, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_view_new: root_count is 0: a view needs at least one root unit");
  CHECK_ERR(zeren_view_new(s, holes, 2, &view, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_view_new: roots[1] is NULL");
  CHECK_ERR(zeren_view_new(s, bad, 2, &view, &err), ZEREN_ERR_NOT_FOUND,
            "zeren_view_new: unknown unit \"nowhere\"");
  CHECK(view == NULL);
  CHECK_INT(zeren_view_new(s, bad, 2, &view, NULL), ZEREN_ERR_NOT_FOUND);
  zeren_view_free(NULL);
  CHECK_INT(zeren_view_unit_count(NULL), 0);
  CHECK_INT(zeren_view_person_count(NULL), 0);
  CHECK_INT(zeren_view_has_unit(NULL, "dept"), 0);
}

static void test_membership(const zeren_view *v) {
  zeren_error *err = NULL;
  CHECK_INT(zeren_view_unit_count(v), 4);
  CHECK_INT(zeren_view_person_count(v), 6);
  CHECK_INT(zeren_view_has_unit(v, "joint"), 1);
  CHECK_INT(zeren_view_has_unit(v, "zbur"), 0);
  CHECK_INT(zeren_view_has_unit(v, "nowhere"), 0);
  CHECK_INT(zeren_view_has_unit(v, NULL), 0);
  CHECK_INT(zeren_view_has_person(v, "p_ds"), 1);
  CHECK_INT(zeren_view_has_person(v, "p_guide"), 0);
  CHECK_INT(zeren_view_has_person(v, NULL), 0);
  size_t count = 0;
  CHECK_OK(zeren_view_unit_ids(v, NULL, 0, &count, &err));
  CHECK_INT(count, 4);
  const char *ids[3] = {NULL, NULL, NULL};
  CHECK_OK(zeren_view_unit_ids(v, ids, 3, &count, &err));
  CHECK_INT(count, 4);
  CHECK_STR(ids[0], "dept");
  CHECK_STR(ids[1], "br1");
  CHECK_STR(ids[2], "joint");
  CHECK_ERR(zeren_view_unit_ids(v, ids, 3, NULL, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_view_unit_ids: count is NULL");
  CHECK_ERR(zeren_view_unit_ids(NULL, ids, 3, &count, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_view_unit_ids: view is NULL");
}

static void test_refusals(const zeren_view *v) {
  zeren_error *err = NULL;
  zeren_chain *chain = NULL;
  zeren_person_view *person = NULL;
  char *json = NULL;
  lines l = {0, ""};
  const int32_t d = day("2025-06-01");
  CHECK_ERR(zeren_view_chain(v, "zbr2", d, &chain, &err), ZEREN_ERR_NOT_FOUND,
            "zeren_view_chain: unit \"zbr2\" is outside this view");
  CHECK_ERR(zeren_view_chain(v, "nowhere", d, &chain, &err), ZEREN_ERR_NOT_FOUND,
            "zeren_view_chain: unit \"nowhere\" is outside this view");
  CHECK(chain == NULL);
  CHECK_ERR(zeren_view_person(v, "p_guide", d, &person, &err), ZEREN_ERR_NOT_FOUND,
            "zeren_view_person: person \"p_guide\" is outside this view");
  CHECK_ERR(zeren_view_person(v, "nobody", d, &person, &err), ZEREN_ERR_NOT_FOUND,
            "zeren_view_person: person \"nobody\" is outside this view");
  CHECK_ERR(zeren_view_holders(v, "zorg", ZEREN_ROLE_SECRETARY, d, on_holder, &l, &err),
            ZEREN_ERR_NOT_FOUND, "zeren_view_holders: unit \"zorg\" is outside this view");
  CHECK_ERR(zeren_view_account_json(v, "k2", &json, NULL, &err), ZEREN_ERR_NOT_FOUND,
            "zeren_view_account_json: incident \"k2\" is outside this view");
  CHECK_ERR(zeren_view_account_json(v, "k9", &json, NULL, &err), ZEREN_ERR_NOT_FOUND,
            "zeren_view_account_json: incident \"k9\" is outside this view");
  CHECK(json == NULL);
  CHECK_ERR(zeren_view_assessment_json(v, "zbr2", &json, NULL, &err), ZEREN_ERR_NOT_FOUND,
            "zeren_view_assessment_json: unit \"zbr2\" is outside this view");
  CHECK_ERR(zeren_view_assessment_explain(v, "zorg", on_line, &l, &err), ZEREN_ERR_NOT_FOUND,
            "zeren_view_assessment_explain: unit \"zorg\" is outside this view");
  CHECK_INT(l.count, 0);
  /* Arguments. */
  CHECK_ERR(zeren_view_chain(NULL, "br1", d, &chain, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_view_chain: view is NULL");
  CHECK_ERR(zeren_view_chain(v, "br1", ZEREN_DATE_OPEN, &chain, &err),
            ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_view_chain: as_of is required (not ZEREN_DATE_OPEN)");
  CHECK_ERR(zeren_view_person(v, NULL, d, &person, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_view_person: person is NULL");
  CHECK_ERR(zeren_view_holders(v, "br1", 9, d, on_holder, &l, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_view_holders: role 9 is not a ZEREN_ROLE_* value");
  CHECK_ERR(zeren_view_holders(v, "br1", ZEREN_ROLE_HEAD, d, NULL, &l, &err),
            ZEREN_ERR_INVALID_ARGUMENT, "zeren_view_holders: fn is NULL");
  CHECK_ERR(zeren_view_account_all_json(v, NULL, NULL, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_view_account_all_json: out is NULL");
  CHECK_ERR(zeren_view_ledger(NULL, d, NULL, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_view_ledger: view is NULL");
  CHECK_ERR(zeren_view_audit(v, d, NULL, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_view_audit: out is NULL");
  CHECK_ERR(zeren_view_assessment_explain(v, "br1", NULL, &l, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_view_assessment_explain: fn is NULL");
}

static void test_chain_and_person(const zeren_view *v) {
  zeren_error *err = NULL;
  const int32_t d = day("2025-06-01");
  zeren_chain *chain = NULL;
  CHECK_OK(zeren_view_chain(v, "br1", d, &chain, &err));
  CHECK_INT(zeren_chain_size(chain), 9);
  zeren_chain_entry e = ZEREN_CHAIN_ENTRY_INIT;
  CHECK_OK(zeren_chain_get(chain, 3, &e, &err));
  CHECK_INT(e.kind, ZEREN_CHAIN_IN_CHARGE);
  CHECK(e.person_id == NULL && e.person_name == NULL && e.unit_id == NULL && e.unit_name == NULL);
  CHECK_INT(e.distance, 1);
  CHECK_STR(e.reason, "outside this view");
  CHECK_OK(zeren_chain_get(chain, 7, &e, &err));
  CHECK_INT(e.kind, ZEREN_CHAIN_SUPERIOR);
  CHECK_STR(e.person_id, "p_dsec");
  CHECK_STR(e.unit_name, "Department");
  char *json = NULL;
  CHECK_OK(zeren_chain_to_json(chain, &json, NULL, &err));
  CHECK_NO_LEAK(json);
  CHECK_EXPECTED(json, "small-dept-chain-br1.json");
  zeren_chain_free(chain);

  zeren_person_view *person = NULL;
  CHECK_OK(zeren_view_person(v, "p_b1", d, &person, &err));
  CHECK_INT(zeren_person_view_size(person), 2); /* the guide link to zbr2 is left out */
  zeren_responsibility r = ZEREN_RESPONSIBILITY_INIT;
  CHECK_OK(zeren_person_view_get(person, 1, &r, &err));
  CHECK_INT(r.kind, ZEREN_RESPONSIBILITY_DUTY);
  CHECK_STR(r.duty_id, "du_b1");
  CHECK_OK(zeren_person_view_to_json(person, &json, NULL, &err));
  CHECK_NO_LEAK(json);
  zeren_string_free(json);
  zeren_person_view_free(person);

  lines l = {0, ""};
  CHECK_OK(zeren_view_holders(v, "br1", ZEREN_ROLE_HEAD, d, on_holder, &l, &err));
  CHECK_INT(l.count, 1);
  CHECK_STR(l.first, "p_ds Watcher");
}

static void test_account_ledger_audit(const zeren_view *v) {
  zeren_error *err = NULL;
  const int32_t d = day("2025-06-01");
  char *json = NULL;
  size_t size = 0;
  CHECK_OK(zeren_view_account_json(v, "k1", &json, &size, &err));
  CHECK_INT(size, strlen(json));
  CHECK_NO_LEAK(json);
  CHECK_EXPECTED(json, "small-dept-account-k1.json");
  CHECK_OK(zeren_view_account_all_json(v, &json, NULL, &err));
  CHECK_NO_LEAK(json);
  CHECK(strstr(json, "\"incident\": \"k1\"") != NULL);
  CHECK(strstr(json, "\"incident\": \"k2\"") == NULL);
  CHECK(strstr(json, "\"incident\": \"k3\"") != NULL);
  zeren_string_free(json);

  zeren_ledger *ledger = NULL;
  CHECK_OK(zeren_view_ledger(v, d, &ledger, &err));
  CHECK_INT(zeren_ledger_task_count(ledger), 4);
  CHECK_INT(zeren_ledger_directive_count(ledger), 2);
  zeren_task_row row = ZEREN_TASK_ROW_INIT;
  CHECK_OK(zeren_ledger_task(ledger, 2, &row, &err));
  CHECK_STR(row.task_id, "t1.2");
  CHECK_INT(row.light, ZEREN_LIGHT_RED);
  uint32_t reached = 0;
  CHECK_OK(zeren_ledger_level(ledger, 0, 0, NULL, &reached, NULL, NULL, &err));
  CHECK_INT(reached, 1); /* dept only: zbur, at the same level, is outside */
  CHECK_OK(zeren_ledger_to_json(ledger, &json, NULL, &err));
  CHECK_NO_LEAK(json);
  CHECK_EXPECTED(json, "small-dept-ledger.json");
  zeren_ledger_free(ledger);

  zeren_audit *audit = NULL;
  CHECK_OK(zeren_view_audit(v, d, &audit, &err));
  CHECK_INT(zeren_audit_size(audit), 7);
  zeren_finding f = ZEREN_FINDING_INIT;
  CHECK_OK(zeren_audit_get(audit, 0, &f, &err));
  CHECK_INT(f.kind, ZEREN_FINDING_CONFLICT_OF_INTEREST);
  CHECK_STR(f.detail,
            "Watcher (p_ds) is discipline secretary of a unit outside this view, which "
            "supervises a unit outside this view, and head of Branch One (br1)");
  CHECK_OK(zeren_audit_to_json(audit, &json, NULL, &err));
  CHECK_NO_LEAK(json);
  CHECK_EXPECTED(json, "small-dept-audit.json");
  zeren_audit_free(audit);
}

/* Inside units' assessment JSON is the unrestricted one; the lists hold inside things. */
static void test_assessment(const zeren_view *v, const zeren_snapshot *s) {
  zeren_error *err = NULL;
  zeren_assessment *full = NULL;
  CHECK_OK(zeren_snapshot_assess(s, &full, &err));
  const char *units[] = {"dept", "br1", "joint", "g1"};
  for (size_t k = 0; k < 4; ++k) {
    char *seen = NULL, *whole = NULL;
    CHECK_OK(zeren_view_assessment_json(v, units[k], &seen, NULL, &err));
    CHECK_OK(zeren_assessment_to_json(full, units[k], &whole, NULL, &err));
    CHECK_STR(seen, whole);
    zeren_string_free(seen);
    zeren_string_free(whole);
  }
  zeren_assessment_free(full);
  char *json = NULL;
  CHECK_OK(zeren_view_assessment_json(v, NULL, &json, NULL, &err));
  CHECK_NO_LEAK(json);
  CHECK(strstr(json, "\"person\": \"p_both\", \"score\": 34") != NULL);
  zeren_string_free(json);
  lines l = {0, ""};
  CHECK_OK(zeren_view_assessment_explain(v, "br1", on_line, &l, &err));
  CHECK_INT(l.count, 7);
  CHECK_STR(l.first, "daily 0.00 = indicators 6.00 \xe2\x88\x92 deductions 10.00");
}

static void test_small(void) {
  zeren_error *err = NULL;
  zeren_snapshot *s = compile(g_data, "view/small.json");
  test_create(s);
  zeren_view *v = NULL;
  const char *roots[] = {"dept"};
  CHECK_OK(zeren_view_new(s, roots, 1, &v, &err));
  test_assessment(v, s);
  zeren_snapshot_free(s); /* the view keeps the snapshot's arrays */
  test_membership(v);
  test_refusals(v);
  test_chain_and_person(v);
  test_account_ledger_audit(v);
  zeren_view_free(v);
}

static void test_demo(void) {
  zeren_error *err = NULL;
  zeren_snapshot *s = compile(g_examples, "organ.json");
  zeren_view *v = NULL;
  const char *roots[] = {"d01"};
  CHECK_OK(zeren_view_new(s, roots, 1, &v, &err));
  CHECK_INT(zeren_view_unit_count(v), 12);
  CHECK_INT(zeren_view_person_count(v), 15);
  zeren_chain *chain = NULL;
  char *json = NULL;
  CHECK_OK(zeren_view_chain(v, "d01b2", day("2025-09-30"), &chain, &err));
  CHECK_OK(zeren_chain_to_json(chain, &json, NULL, &err));
  CHECK_EXPECTED(json, "demo-d01-chain-d01b2.json");
  zeren_chain_free(chain);
  CHECK_OK(zeren_view_account_all_json(v, &json, NULL, &err));
  CHECK_EXPECTED(json, "demo-d01-account.json");
  CHECK_ERR(zeren_view_person(v, "p014", day("2025-09-30"), NULL, &err),
            ZEREN_ERR_INVALID_ARGUMENT, "zeren_view_person: out is NULL");
  zeren_person_view *person = NULL;
  CHECK_ERR(zeren_view_person(v, "p014", day("2025-09-30"), &person, &err), ZEREN_ERR_NOT_FOUND,
            "zeren_view_person: person \"p014\" is outside this view");
  zeren_view_free(v);
  zeren_snapshot_free(s);
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: %s TEST_DATA_DIR EXAMPLES_DIR\n", argv[0]);
    return 2;
  }
  snprintf(g_data, sizeof g_data, "%s", argv[1]);
  snprintf(g_examples, sizeof g_examples, "%s", argv[2]);
  test_small();
  test_demo();
  printf("%d checks, %d failures\n", g_checks, g_failures);
  return g_failures == 0 ? 0 : 1;
}
