/* zeren_generate from C: a fixed seed's exact organization, the spec's struct_size
 * convention, progress, and every error. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "check.h"

/* FNV-1a, as tests/generate_test.cc hashes ModelToJson. */
static uint64_t fnv1a(const char *text, size_t size) {
  uint64_t h = 0xcbf29ce484222325ull;
  size_t i;
  for (i = 0; i < size; ++i) h = (h ^ (unsigned char)text[i]) * 0x100000001b3ull;
  return h;
}

typedef struct progress_log {
  int calls;
  double last;
  int decreasing;
} progress_log;

static void on_progress(void *payload, double fraction) {
  progress_log *log = (progress_log *)payload;
  if (fraction < log->last) log->decreasing = 1;
  log->last = fraction;
  ++log->calls;
}

static void test_fixed_seed(void) {
  zeren_error *err = NULL;
  zeren_model *model = NULL;
  zeren_snapshot *snapshot = NULL;
  char *json = NULL;
  size_t size = 0;
  progress_log log = {0, 0.0, 0};
  zeren_generate_spec spec = ZEREN_GENERATE_SPEC_INIT;
  spec.units = 300;
  spec.seed = 42;
  spec.member_people = 0; /* records only: the C++ test's document without member people */
  spec.progress = on_progress;
  spec.progress_payload = &log;
  CHECK_OK(zeren_generate(&spec, &model, &err));
  CHECK_OK(zeren_model_to_json(model, &json, &size, &err));
  /* The same document as the C++ test's: the C API adds nothing of its own. */
  CHECK(fnv1a(json, size) == 17263533945331767173ull);
  CHECK_OK(zeren_snapshot_compile(model, &snapshot, &err));
  CHECK_INT(zeren_snapshot_unit_count(snapshot), 300);
  CHECK(log.calls >= 10);
  CHECK(log.last == 1.0);
  CHECK_INT(log.decreasing, 0);
  zeren_string_free(json);
  zeren_snapshot_free(snapshot);
  zeren_model_free(model);
}

/* Members are member roster rows: counted, written and compiled as people with staff posts. */
static void test_member_people(void) {
  zeren_error *err = NULL;
  zeren_model *model = NULL;
  zeren_snapshot *snapshot = NULL;
  char *json = NULL;
  size_t size = 0;
  zeren_generate_spec spec = ZEREN_GENERATE_SPEC_INIT;
  spec.units = 300;
  spec.seed = 42;
  CHECK_OK(zeren_generate(&spec, &model, &err));
  CHECK(zeren_model_person_count(model) == 11618); /* 1170 leaders + 10448 members */
  CHECK(zeren_model_post_count(model) == 11618);
  CHECK_OK(zeren_model_to_json(model, &json, &size, &err));
  CHECK(fnv1a(json, size) == 17228522027414644929ull); /* as tests/generate_test.cc */
  CHECK_OK(zeren_snapshot_compile(model, &snapshot, &err));
  CHECK_INT(zeren_snapshot_unit_count(snapshot), 300);
  zeren_string_free(json);
  zeren_snapshot_free(snapshot);
  zeren_model_free(model);
}

/* A caller built against an older, shorter spec gets the defaults for the rest. */
static void test_short_spec(void) {
  zeren_error *err = NULL;
  zeren_model *model = NULL;
  zeren_snapshot *snapshot = NULL;
  zeren_generate_spec spec = ZEREN_GENERATE_SPEC_INIT;
  spec.struct_size = (uint32_t)(offsetof(zeren_generate_spec, members));
  spec.units = 50;
  spec.depth = 3; /* past struct_size: ignored, the default 8 applies */
  CHECK_OK(zeren_generate(&spec, &model, &err));
  CHECK_OK(zeren_snapshot_compile(model, &snapshot, &err));
  CHECK_INT(zeren_snapshot_unit_count(snapshot), 50);
  zeren_snapshot_free(snapshot);
  zeren_model_free(model);
}

static void test_errors(void) {
  zeren_error *err = NULL;
  zeren_model *model = (zeren_model *)&err; /* must be reset to NULL on failure */
  zeren_generate_spec spec = ZEREN_GENERATE_SPEC_INIT;
  spec.units = 0;
  CHECK_ERR(zeren_generate(&spec, &model, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_generate: units must be at least 1");
  CHECK(model == NULL);
  spec.units = 10;
  spec.depth = 13;
  CHECK_ERR(zeren_generate(&spec, &model, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_generate: depth must be from 2 to 12 (got 13)");
  spec.depth = 8;
  spec.members = -7;
  CHECK_ERR(zeren_generate(&spec, &model, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_generate: members must not be negative (kAutoMembers, -1, asks for each "
            "branch's natural count)");
  spec.members = -1;
  spec.member_people = 2;
  CHECK_ERR(zeren_generate(&spec, &model, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_generate: spec->member_people must be -1, 0 or 1 (got 2)");
  spec.member_people = -1;
  spec.struct_size = 4;
  CHECK_ERR(zeren_generate(&spec, &model, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_generate: spec->struct_size 4 is below 16");
  CHECK_ERR(zeren_generate(NULL, &model, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_generate: spec is NULL");
  spec.struct_size = sizeof spec;
  CHECK_ERR(zeren_generate(&spec, NULL, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_generate: out is NULL");
  /* Without an error pointer only the code comes back. */
  spec.units = -3;
  CHECK_INT(zeren_generate(&spec, &model, NULL), ZEREN_ERR_INVALID_ARGUMENT);
}

int main(void) {
  test_fixed_seed();
  test_member_people();
  test_short_spec();
  test_errors();
  printf("%d checks, %d failures\n", g_checks, g_failures);
  return g_failures == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
