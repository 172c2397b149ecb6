/* The C API of CSV folders: zeren_model_import_csv and zeren_model_export_csv. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

static const char *g_examples = NULL;
static const char *g_scratch = NULL; /* an existing folder the test may write in */

static char *to_json(const zeren_model *model) {
  zeren_error *err = NULL;
  char *json = NULL;
  CHECK_OK(zeren_model_to_json(model, &json, NULL, &err));
  return json;
}

static zeren_model *load_demo(void) {
  zeren_error *err = NULL;
  zeren_model *model = NULL;
  char path[1024];
  snprintf(path, sizeof path, "%s/organ.json", g_examples);
  CHECK_OK(zeren_model_load_file(path, &model, &err));
  return model;
}

static void scratch_path(char *out, size_t size, const char *name) {
  snprintf(out, size, "%s/%s", g_scratch, name);
}

static void write_file(const char *folder, const char *name, const char *text) {
  char path[1024];
  FILE *f;
  snprintf(path, sizeof path, "%s/%s", folder, name);
  f = fopen(path, "wb");
  CHECK(f != NULL);
  if (f == NULL) return;
  fputs(text, f);
  fclose(f);
}

static void test_round_trip(void) {
  zeren_error *err = NULL;
  zeren_model *model = load_demo();
  zeren_model *back = NULL;
  char *present = NULL;
  char *json;
  char *json_back;
  char folder[1024];
  scratch_path(folder, sizeof folder, "csv_demo");
  CHECK_OK(zeren_model_export_csv(model, folder, 0, &err));
  CHECK_OK(zeren_model_import_csv(folder, &back, &present, &err));
  CHECK_STR(present,
            "model,units,parents,people,posts,links,duties,directives,tasks,reviews,incidents,"
            "circumstances,points,bonuses,ballots,review_scores,appraisals");
  json = to_json(model);
  json_back = to_json(back);
  CHECK_STR(json_back, json);
  CHECK_INT(zeren_model_unit_count(back), zeren_model_unit_count(model));
  zeren_string_free(json);
  zeren_string_free(json_back);
  zeren_string_free(present);
  zeren_model_free(back);
  zeren_model_free(model);
}

static void test_byte_order_mark(void) {
  zeren_error *err = NULL;
  zeren_model *model = load_demo();
  zeren_model *back = NULL;
  char folder[1024];
  char path[1100];
  unsigned char head[4] = {0, 0, 0, 0};
  FILE *f;
  char *json;
  char *json_back;
  scratch_path(folder, sizeof folder, "csv_bom");
  CHECK_OK(zeren_model_export_csv(model, folder, ZEREN_CSV_BYTE_ORDER_MARK, &err));
  snprintf(path, sizeof path, "%s/units.csv", folder);
  f = fopen(path, "rb");
  CHECK(f != NULL);
  if (f != NULL) {
    CHECK_INT(fread(head, 1, 3, f), 3);
    fclose(f);
  }
  CHECK_INT(head[0], 0xEF);
  CHECK_INT(head[1], 0xBB);
  CHECK_INT(head[2], 0xBF);
  /* present may be NULL. */
  CHECK_OK(zeren_model_import_csv(folder, &back, NULL, &err));
  json = to_json(model);
  json_back = to_json(back);
  CHECK_STR(json_back, json);
  zeren_string_free(json);
  zeren_string_free(json_back);
  zeren_model_free(back);
  zeren_model_free(model);
}

static void test_partial_folder(void) {
  zeren_error *err = NULL;
  zeren_model *model = NULL;
  char *present = NULL;
  char folder[1024];
  scratch_path(folder, sizeof folder, "csv_partial");
  /* An empty model's export makes the folder; then only two files are left in it. */
  CHECK_OK(zeren_model_new(&model, &err));
  CHECK_OK(zeren_model_export_csv(model, folder, 0, &err));
  zeren_model_free(model);
  model = NULL;
  {
    const char *names[] = {"model", "parents", "posts", "links", "duties", "directives",
                           "tasks", "reviews", "incidents", "circumstances", "points",
                           "bonuses", "ballots", "review_scores", "appraisals"};
    size_t i;
    char path[1100];
    for (i = 0; i < sizeof names / sizeof names[0]; ++i) {
      snprintf(path, sizeof path, "%s/%s.csv", folder, names[i]);
      CHECK_INT(remove(path), 0);
    }
  }
  write_file(folder, "units.csv", "id,name,kind\nb1,Branch one,branch\nb2,Branch two,branch\n");
  write_file(folder, "people.csv", "id,name\n");
  CHECK_OK(zeren_model_import_csv(folder, &model, &present, &err));
  CHECK_STR(present, "units,people");
  CHECK_INT(zeren_model_unit_count(model), 2);
  CHECK_INT(zeren_model_post_count(model), 0);
  zeren_string_free(present);
  zeren_model_free(model);
}

static void test_problems(void) {
  zeren_error *err = NULL;
  zeren_model *model = NULL;
  char *present = NULL;
  char folder[1024];
  scratch_path(folder, sizeof folder, "csv_bad");
  CHECK_OK(zeren_model_new(&model, &err));
  CHECK_OK(zeren_model_export_csv(model, folder, 0, &err));
  zeren_model_free(model);
  model = NULL;
  write_file(folder, "units.csv", "id,name,kind\nb1,Branch,branch\n");
  write_file(folder, "people.csv", "id,name\np1,Ann\n");
  write_file(folder, "posts.csv",
             "person,unit,role,from\r\np1,b1,staff,2024-01-01\r\np1,b9,staff,2024-01-01\r\n"
             "p2,b1,staff,2024-01-01\r\n");
  CHECK_INT(zeren_model_import_csv(folder, &model, &present, &err), ZEREN_ERR_INVALID_MODEL);
  CHECK(model == NULL);
  CHECK(present == NULL);
  CHECK_STR(zeren_error_message(err), "posts.csv:3: unknown unit \"b9\" (and 1 more problems)");
  CHECK_INT(zeren_error_problem_total(err), 2);
  CHECK_PROBLEM(err, 0, "posts.csv:3", "b9", "unknown unit \"b9\"");
  CHECK_PROBLEM(err, 1, "posts.csv:4", "p2", "unknown person \"p2\"");
  zeren_error_free(err);
  err = NULL;

  /* A syntax error names its line; the record's id is unknown then. */
  write_file(folder, "posts.csv", "person,unit,role,from\np1,\"b1,staff,2024-01-01\n");
  CHECK_INT(zeren_model_import_csv(folder, &model, NULL, &err), ZEREN_ERR_INVALID_MODEL);
  CHECK_STR(zeren_error_message(err), "posts.csv:2: a quoted field is not closed");
  CHECK_PROBLEM(err, 0, "posts.csv:2", "", "a quoted field is not closed");
  zeren_error_free(err);
  err = NULL;
}

static void test_missing_folder(void) {
  zeren_error *err = NULL;
  zeren_model *model = NULL;
  char folder[1024];
  char message[1200];
  scratch_path(folder, sizeof folder, "csv_no_such_folder");
  snprintf(message, sizeof message, "%s: cannot open the folder: No such file or directory", folder);
  CHECK_ERR(zeren_model_import_csv(folder, &model, NULL, &err), ZEREN_ERR_IO, message);
  CHECK(model == NULL);
}

static void test_unwritable_id(void) {
  static const char kJson[] =
      "{\"format\": \"zeren-model\", \"version\": 1,"
      " \"units\": [{\"id\": \"a|b\", \"name\": \"Odd\", \"kind\": \"branch\"}],"
      " \"people\": [{\"id\": \"p\", \"name\": \"P\"}],"
      " \"posts\": [{\"person\": \"p\", \"unit\": \"a|b\", \"role\": \"member\","
      " \"from\": \"2024-01-01\", \"in_charge_of\": [\"a|b\"]}]}";
  zeren_error *err = NULL;
  zeren_model *model = NULL;
  char folder[1024];
  scratch_path(folder, sizeof folder, "csv_unwritable");
  CHECK_OK(zeren_model_load_buffer(kJson, strlen(kJson), &model, &err));
  CHECK_ERR(zeren_model_export_csv(model, folder, 0, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "posts[0].in_charge_of[0]: id \"a|b\" contains \"|\", the separator of list cells, and "
            "cannot be written to CSV");
  zeren_model_free(model);
}

static void test_null_arguments(void) {
  zeren_error *err = NULL;
  zeren_model *model = NULL;
  char *present = (char *)"untouched";
  CHECK_ERR(zeren_model_import_csv(NULL, &model, &present, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_model_import_csv: folder is NULL");
  CHECK(present == NULL);
  CHECK_ERR(zeren_model_import_csv(g_scratch, NULL, NULL, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_model_import_csv: out is NULL");
  CHECK_ERR(zeren_model_export_csv(NULL, g_scratch, 0, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_model_export_csv: model is NULL");
  CHECK_OK(zeren_model_new(&model, &err));
  CHECK_ERR(zeren_model_export_csv(model, NULL, 0, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_model_export_csv: folder is NULL");
  CHECK_ERR(zeren_model_export_csv(model, g_scratch, 6, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_model_export_csv: flags 6 has bits that are not ZEREN_CSV_* flags");
  /* Without an error to fill, the code alone. */
  CHECK_INT(zeren_model_export_csv(model, NULL, 0, NULL), ZEREN_ERR_INVALID_ARGUMENT);
  zeren_model_free(model);
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: %s EXAMPLES_DIR SCRATCH_DIR\n", argv[0]);
    return 2;
  }
  g_examples = argv[1];
  g_scratch = argv[2];

  test_round_trip();
  test_byte_order_mark();
  test_partial_folder();
  test_problems();
  test_missing_folder();
  test_unwritable_id();
  test_null_arguments();

  printf("%d checks, %d failed\n", g_checks, g_failures);
  return g_failures == 0 ? 0 : 1;
}
