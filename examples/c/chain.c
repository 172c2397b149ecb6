/* Prints the chain of responsibility of one unit, using only the C API.
 *
 *   chain MODEL UNIT DATE
 */
#include <stdio.h>

#include <zeren/zeren.h>

static int32_t print_entry(void *payload, const zeren_chain_entry *e) {
  int *count = (int *)payload;
  ++*count;
  printf("%-10s %-24s %s\n", e->person_name ? e->person_name : "-",
         e->unit_id ? e->unit_id : "-", e->reason);
  return 0;
}

static int fail(zeren_error *err) {
  size_t i;
  fprintf(stderr, "error %d: %s\n", (int)zeren_error_code(err), zeren_error_message(err));
  for (i = 0; i < zeren_error_problem_count(err); ++i) {
    const char *path = NULL, *message = NULL;
    zeren_error_problem(err, i, &path, NULL, &message);
    fprintf(stderr, "  %s: %s\n", path, message);
  }
  zeren_error_free(err);
  return 1;
}

int main(int argc, char **argv) {
  zeren_model *model = NULL;
  zeren_snapshot *snapshot = NULL;
  zeren_chain *chain = NULL;
  zeren_error *err = NULL;
  int32_t day = 0;
  int count = 0;
  if (argc != 4) {
    fprintf(stderr, "usage: %s MODEL UNIT YYYY-MM-DD\n", argv[0]);
    return 2;
  }
  if (zeren_date_parse(argv[3], &day, &err) != ZEREN_OK) return fail(err);
  if (zeren_model_load_file(argv[1], &model, &err) != ZEREN_OK) return fail(err);
  if (zeren_snapshot_compile(model, &snapshot, &err) != ZEREN_OK ||
      zeren_snapshot_chain(snapshot, argv[2], day, &chain, &err) != ZEREN_OK ||
      zeren_chain_foreach(chain, print_entry, &count, &err) != ZEREN_OK) {
    zeren_snapshot_free(snapshot);
    zeren_model_free(model);
    return fail(err);
  }
  printf("%d entries\n", count);
  zeren_chain_free(chain);
  zeren_snapshot_free(snapshot);
  zeren_model_free(model);
  return 0;
}
