/* Checks shared by the C API tests: each failed check prints FILE:LINE and the expression
 * and is counted; main returns non-zero when g_failures is. C99, header-only, for tests. */
#ifndef ZEREN_TESTS_CAPI_CHECK_H_
#define ZEREN_TESTS_CAPI_CHECK_H_

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <zeren/zeren.h>


/* A program may use only some of the checks: the others are not warned about. */
#if defined(__GNUC__)
#define CHECK_HELPER static __attribute__((unused))
#else
#define CHECK_HELPER static
#endif

static int g_checks = 0;
static int g_failures = 0;

CHECK_HELPER void check(int ok, const char *file, int line, const char *expression) {
  ++g_checks;
  if (!ok) {
    ++g_failures;
    fprintf(stderr, "%s:%d: CHECK failed: %s\n", file, line, expression);
  }
}

CHECK_HELPER void check_int(long long actual, long long expected, const char *file, int line,
                            const char *expression) {
  check(actual == expected, file, line, expression);
  if (actual != expected) fprintf(stderr, "  got %lld, expected %lld\n", actual, expected);
}

CHECK_HELPER void check_str(const char *actual, const char *expected, const char *file, int line,
                            const char *expression) {
  const int ok = (actual == NULL || expected == NULL) ? actual == expected
                                                      : strcmp(actual, expected) == 0;
  check(ok, file, line, expression);
  if (!ok) {
    fprintf(stderr, "  got \"%s\", expected \"%s\"\n", actual ? actual : "(NULL)",
            expected ? expected : "(NULL)");
  }
}

#define CHECK(e) check((e) != 0, __FILE__, __LINE__, #e)
#define CHECK_INT(a, b) check_int((long long)(a), (long long)(b), __FILE__, __LINE__, #a " == " #b)
#define CHECK_STR(a, b) check_str((a), (b), __FILE__, __LINE__, #a " == " #b)

/* A call that must succeed and leave the error untouched (NULL). */
CHECK_HELPER void check_ok(int32_t rc, zeren_error **err, const char *file, int line,
                           const char *expression) {
  check(rc == ZEREN_OK && *err == NULL, file, line, expression);
  if (rc != ZEREN_OK) fprintf(stderr, "  rc %d: %s\n", (int)rc, zeren_error_message(*err));
  zeren_error_free(*err);
  *err = NULL;
}

/* A call that must fail with `code` and, unless `message` is NULL, exactly that message.
   The error is freed. */
CHECK_HELPER void check_err(int32_t rc, zeren_error **err, int32_t code, const char *message,
                            const char *file, int line, const char *expression) {
  check_int(rc, code, file, line, expression);
  check(*err != NULL, file, line, "error is set");
  check_int(zeren_error_code(*err), code, file, line, "zeren_error_code(err)");
  if (message != NULL) check_str(zeren_error_message(*err), message, file, line, expression);
  zeren_error_free(*err);
  *err = NULL;
}

#define CHECK_OK(e) check_ok((e), &err, __FILE__, __LINE__, #e)
#define CHECK_ERR(e, code, message) check_err((e), &err, (code), (message), __FILE__, __LINE__, #e)

/* Problem `index` of `err` has exactly this path, id and message. */
CHECK_HELPER void check_problem(const zeren_error *err, size_t index, const char *path,
                                const char *id, const char *message, const char *file,
                                int line) {
  const char *p = NULL, *i = NULL, *m = NULL;
  check_int(zeren_error_problem(err, index, &p, &i, &m), ZEREN_OK, file, line, "problem exists");
  check_str(p, path, file, line, "problem path");
  check_str(i, id, file, line, "problem id");
  check_str(m, message, file, line, "problem message");
}

#define CHECK_PROBLEM(err, index, path, id, message) \
  check_problem((err), (index), (path), (id), (message), __FILE__, __LINE__)

#endif  /* ZEREN_TESTS_CAPI_CHECK_H_ */
