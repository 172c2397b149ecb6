/* The C API of .zrn archives: save and load through files and buffers, the archived
 * snapshot, and the errors of damaged, newer and missing archives. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

static const char *g_examples;
static const char *g_work;

static zeren_model *load_demo(void) {
  char path[4096];
  zeren_model *model = NULL;
  zeren_error *err = NULL;
  snprintf(path, sizeof path, "%s/organ.json", g_examples);
  CHECK_OK(zeren_model_load_file(path, &model, &err));
  return model;
}

static char *json_of(const zeren_model *model) {
  char *json = NULL;
  zeren_error *err = NULL;
  CHECK_OK(zeren_model_to_json(model, &json, NULL, &err));
  return json;
}

static void test_file_round_trip(void) {
  zeren_error *err = NULL;
  zeren_model *model = load_demo();
  zeren_snapshot *compiled = NULL;
  CHECK_OK(zeren_snapshot_compile(model, &compiled, &err));
  char path[4096];
  snprintf(path, sizeof path, "%s/organ.zrn", g_work);
  CHECK_OK(zeren_model_save_archive(model, path, compiled, &err));

  zeren_model *loaded = NULL;
  zeren_snapshot *snapshot = NULL;
  CHECK_OK(zeren_model_load_archive(path, &loaded, &snapshot, &err));
  char *expected = json_of(model);
  char *actual = json_of(loaded);
  CHECK_STR(actual, expected);
  CHECK(snapshot != NULL);
  CHECK_INT(zeren_snapshot_unit_count(snapshot), zeren_snapshot_unit_count(compiled));
  uint32_t level = 0, compiled_level = 1;
  CHECK_OK(zeren_snapshot_unit_level(snapshot, "d11", &level, &err));
  CHECK_OK(zeren_snapshot_unit_level(compiled, "d11", &compiled_level, &err));
  CHECK_INT(level, compiled_level);
  zeren_string_free(actual);
  zeren_snapshot_free(snapshot);
  zeren_model_free(loaded);

  /* No snapshot wanted: only the model. */
  loaded = NULL;
  CHECK_OK(zeren_model_load_archive(path, &loaded, NULL, &err));
  CHECK(loaded != NULL);
  zeren_model_free(loaded);

  /* Saved without a snapshot: none comes back. */
  CHECK_OK(zeren_model_save_archive(model, path, NULL, &err));
  snapshot = (zeren_snapshot *)1;
  CHECK_OK(zeren_model_load_archive(path, &loaded, &snapshot, &err));
  CHECK(snapshot == NULL);
  actual = json_of(loaded);
  CHECK_STR(actual, expected);
  zeren_string_free(actual);
  zeren_model_free(loaded);

  zeren_string_free(expected);
  zeren_snapshot_free(compiled);
  zeren_model_free(model);
  remove(path);
}

static void test_buffers(void) {
  zeren_error *err = NULL;
  zeren_model *model = load_demo();
  zeren_snapshot *compiled = NULL;
  CHECK_OK(zeren_snapshot_compile(model, &compiled, &err));
  char *bytes = NULL;
  size_t size = 0;
  CHECK_OK(zeren_model_archive_to_buffer(model, compiled, &bytes, &size, &err));
  CHECK(size > 96);

  zeren_model *loaded = NULL;
  zeren_snapshot *snapshot = NULL;
  CHECK_OK(zeren_model_load_archive_buffer(bytes, size, &loaded, &snapshot, &err));
  CHECK(snapshot != NULL);
  char *expected = json_of(model);
  char *actual = json_of(loaded);
  CHECK_STR(actual, expected);
  zeren_string_free(actual);
  zeren_string_free(expected);
  zeren_snapshot_free(snapshot);
  zeren_model_free(loaded);

  CHECK_ERR(zeren_model_load_archive_buffer(bytes, 10, &loaded, &snapshot, &err), ZEREN_ERR_IO,
            "truncated archive: 10 bytes, the header needs at least 24");
  CHECK(loaded == NULL && snapshot == NULL);
  CHECK_ERR(zeren_model_load_archive_buffer("{}", 2, &loaded, NULL, &err), ZEREN_ERR_IO,
            "not a zeren archive (no .zrn magic at the start)");
  bytes[12] = 3; /* the format version, in the writer's byte order (little-endian here) */
  CHECK_ERR(zeren_model_load_archive_buffer(bytes, size, &loaded, NULL, &err), ZEREN_ERR_IO,
            "archive format version 3 is newer than this zeren reads (1)");
  bytes[12] = 1;
  bytes[size - 1] ^= 0x10;
  CHECK_ERR(zeren_model_load_archive_buffer(bytes, size, &loaded, NULL, &err), ZEREN_ERR_IO,
            "corrupt archive: section 2 (snapshot) checksum mismatch");
  zeren_string_free(bytes);

  /* A snapshot of another model is refused. */
  zeren_model *empty = NULL;
  CHECK_OK(zeren_model_new(&empty, &err));
  CHECK_ERR(zeren_model_archive_to_buffer(empty, compiled, &bytes, &size, &err),
            ZEREN_ERR_INVALID_ARGUMENT, "the snapshot was not compiled from this model");
  CHECK(bytes == NULL && size == 0);
  zeren_model_free(empty);
  zeren_snapshot_free(compiled);
  zeren_model_free(model);
}

static void test_errors(void) {
  zeren_error *err = NULL;
  zeren_model *model = load_demo();
  zeren_model *loaded = NULL;
  char path[4096], message[4200];
  snprintf(path, sizeof path, "%s/missing.zrn", g_work);
  snprintf(message, sizeof message, "%s: cannot open the file: No such file or directory", path);
  CHECK_ERR(zeren_model_load_archive(path, &loaded, NULL, &err), ZEREN_ERR_IO, message);
  CHECK(loaded == NULL);
  snprintf(path, sizeof path, "%s/no/such/folder.zrn", g_work);
  snprintf(message, sizeof message,
           "%s: cannot create a temporary file: No such file or directory", path);
  CHECK_ERR(zeren_model_save_archive(model, path, NULL, &err), ZEREN_ERR_IO, message);

  CHECK_ERR(zeren_model_save_archive(NULL, path, NULL, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_model_save_archive: model is NULL");
  CHECK_ERR(zeren_model_save_archive(model, NULL, NULL, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_model_save_archive: path is NULL");
  CHECK_ERR(zeren_model_load_archive(NULL, &loaded, NULL, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_model_load_archive: path is NULL");
  CHECK_ERR(zeren_model_load_archive(path, NULL, NULL, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_model_load_archive: out is NULL");
  CHECK_ERR(zeren_model_load_archive_buffer(NULL, 5, &loaded, NULL, &err),
            ZEREN_ERR_INVALID_ARGUMENT, "zeren_model_load_archive_buffer: data is NULL");
  CHECK_ERR(zeren_model_archive_to_buffer(model, NULL, NULL, NULL, &err),
            ZEREN_ERR_INVALID_ARGUMENT, "zeren_model_archive_to_buffer: out is NULL");
  zeren_model_free(model);
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: %s EXAMPLES_DIR WORK_DIR\n", argv[0]);
    return 2;
  }
  g_examples = argv[1];
  g_work = argv[2];
  test_file_round_trip();
  test_buffers();
  test_errors();
  printf("%d checks, %d failed\n", g_checks, g_failures);
  return g_failures == 0 ? 0 : 1;
}
