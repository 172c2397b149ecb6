/* A tour of the C API on one model: the chain of a unit, who answers for an incident, and
 * the assessment's grade of a unit — checking every status.
 *
 *   tour MODEL UNIT INCIDENT YYYY-MM-DD
 */
#include <stdio.h>
#include <string.h>

#include <zeren/zeren.h>

static int fail(zeren_error *err) {
  fprintf(stderr, "error %d: %s\n", (int)zeren_error_code(err), zeren_error_message(err));
  zeren_error_free(err);
  return 1;
}

static int32_t print_entry(void *payload, const zeren_chain_entry *e) {
  (void)payload;
  printf("  chain: %s\n", e->reason);
  return 0;
}

static int print_parties(const zeren_accounting *accounting, zeren_error **err) {
  size_t i;
  for (i = 0; i < zeren_accounting_size(accounting); ++i) {
    zeren_party party = ZEREN_PARTY_INIT;
    if (zeren_accounting_get(accounting, i, &party, err) != ZEREN_OK) return 1;
    printf("  party: %s (%s) category %d degree %.2f form %d\n", party.name, party.id,
           (int)party.category, party.degree, (int)party.form);
  }
  return 0;
}

static int print_grade(const zeren_snapshot *snapshot, const char *unit, zeren_error **err) {
  zeren_assessment *assessment = NULL;
  const char *ids[4096];
  int32_t grades[4096];
  zeren_assessment_columns columns = ZEREN_ASSESSMENT_COLUMNS_INIT;
  size_t i, n = zeren_snapshot_unit_count(snapshot);
  int status = 1;
  if (n > 4096) return 1;
  columns.capacity = n;
  columns.grade = grades;
  if (zeren_snapshot_assess(snapshot, &assessment, err) == ZEREN_OK &&
      zeren_snapshot_unit_ids(snapshot, ids, n, err) == ZEREN_OK &&
      zeren_assessment_fill(assessment, &columns, err) == ZEREN_OK) {
    for (i = 0; i < n; ++i) {
      const char *grade = NULL;
      if (strcmp(ids[i], unit) != 0) continue;
      if (zeren_assessment_grade_id(assessment, grades[i], &grade, err) != ZEREN_OK) break;
      printf("  grade: %s\n", grade);
    }
    status = i == n ? 0 : 1;
  }
  zeren_assessment_free(assessment);
  return status;
}

int main(int argc, char **argv) {
  zeren_model *model = NULL;
  zeren_snapshot *snapshot = NULL;
  zeren_chain *chain = NULL;
  zeren_accounting *accounting = NULL;
  zeren_error *err = NULL;
  int32_t day = 0;
  int status = 1;
  if (argc != 5) {
    fprintf(stderr, "usage: %s MODEL UNIT INCIDENT YYYY-MM-DD\n", argv[0]);
    return 2;
  }
  if (zeren_date_parse(argv[4], &day, &err) != ZEREN_OK ||
      zeren_model_load_file(argv[1], &model, &err) != ZEREN_OK ||
      zeren_snapshot_compile(model, &snapshot, &err) != ZEREN_OK) {
    zeren_model_free(model);
    return fail(err);
  }
  if (zeren_snapshot_chain(snapshot, argv[2], day, &chain, &err) == ZEREN_OK &&
      zeren_chain_foreach(chain, print_entry, NULL, &err) == ZEREN_OK &&
      zeren_snapshot_account(snapshot, argv[3], &accounting, &err) == ZEREN_OK &&
      print_parties(accounting, &err) == 0 && print_grade(snapshot, argv[2], &err) == 0) {
    status = 0;
  }
  zeren_accounting_free(accounting);
  zeren_chain_free(chain);
  zeren_snapshot_free(snapshot);
  zeren_model_free(model);
  return status == 0 ? 0 : fail(err);
}
