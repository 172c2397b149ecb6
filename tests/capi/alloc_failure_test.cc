// Allocation failure through the C API: this program replaces the global operator new (for
// itself and for libzeren.so, which takes it from here) with one that fails the Nth
// allocation, and drives load, compile, account, ledger, audit and assess with N = 1, 2, 3,
// ... until the call succeeds. Every failing call must return ZEREN_ERR_NO_MEMORY with the
// message "out of memory", set no handle, and leak nothing (LeakSanitizer in the
// debug-asan preset); none may abort. C++ only for the operator new; the calls are C.
// (`ulimit -v` cannot do this: ASan reserves terabytes of address space at start-up.)
//
// Two modes: the Nth allocation alone fails, and every allocation from the Nth on fails (so
// that building the error fails too and the library falls back to its static error).
//
// One exception: an allocation made inside an Abseil hash table (flat_hash_map/set growth,
// or a key constructed in its slot) is not failed, because Abseil 20220623 leaves the table
// corrupt when that throws (its capacity grows before the allocation; abseil-cpp issue
// #1581, open upstream), and the table's destructor then frees what it never allocated. The
// test lets such an allocation through and fails the next one instead, and counts them. It
// finds them by symbolizing the stack with the sanitizer runtime, so it needs ASan (the
// debug-asan preset, where it runs).
#include <execinfo.h>

#include <cstdlib>
#include <cstring>
#include <new>
#include <string>

#include "check.h"

namespace {

long g_countdown = 0;     // allocations left before the failure; 0: disarmed
bool g_sticky = false;    // once failed, keep failing
bool g_failing = false;
long g_allocations = 0;   // counted while armed
long g_spared = 0;        // allocations inside Abseil hash tables let through
bool g_injected = false;  // a failure was injected in this call
bool g_threw = false;     // ... and thrown (not a nothrow form's nullptr)

}  // namespace

// From the sanitizer runtime; weak, so that the program still links without one.
extern "C" void __sanitizer_symbolize_pc(void* pc, const char* format, char* out,
                                         std::size_t size) __attribute__((weak));

namespace {

// Whether an Abseil hash table's code is on the stack (see the top of this file).
bool InAbseilHashTable() {
  void* frames[64];
  const int n = backtrace(frames, 64);
  char name[1024];
  for (int i = 1; i < n; ++i) {
    name[0] = '\0';
    __sanitizer_symbolize_pc(frames[i], "%f", name, sizeof name);
    if (std::strstr(name, "container_internal::raw_hash_set") != nullptr) return true;
  }
  return false;
}

// A failure is injected as std::bad_alloc, or as nullptr for the nothrow forms (which
// callers such as std::stable_sort's buffer handle by doing without).
void* Allocate(std::size_t size, bool nothrow) {
  if (g_countdown > 0 || g_failing) {
    ++g_allocations;
    if (g_failing || --g_countdown == 0) {
      if (InAbseilHashTable()) {
        ++g_spared;
        g_countdown = 1;  // the next allocation fails instead
        g_failing = false;
      } else {
        g_failing = g_sticky;
        g_injected = true;
        if (nothrow) return nullptr;
        g_threw = true;
        throw std::bad_alloc();
      }
    }
  }
  void* p = std::malloc(size == 0 ? 1 : size);
  if (p == nullptr && !nothrow) throw std::bad_alloc();
  return p;
}

void Arm(long n, bool sticky) {
  g_injected = g_threw = false;
  g_countdown = n;
  g_sticky = sticky;
  g_failing = false;
}

void Disarm() {
  g_countdown = 0;
  g_failing = false;
}

}  // namespace

void* operator new(std::size_t size) { return Allocate(size, false); }
void* operator new[](std::size_t size) { return Allocate(size, false); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  return Allocate(size, true);
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
  return Allocate(size, true);
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }

namespace {

std::string ReadFile(const char* path) {
  std::string text;
  FILE* file = std::fopen(path, "rb");
  if (file == nullptr) return text;
  char buffer[4096];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0) text.append(buffer, n);
  std::fclose(file);
  return text;
}

// Runs `call` (which returns a status and sets *err) with the Nth allocation failing, for
// N = 1, 2, ... until it succeeds; checks every failure. `undo` frees what a success made.
// Returns how many allocations the successful call made.
template <typename Call, typename Undo>
long UntilItSucceeds(const char* name, bool sticky, Call call, Undo undo) {
  for (long n = 1;; ++n) {
    zeren_error* err = nullptr;
    g_allocations = 0;
    Arm(n, sticky);
    const int32_t rc = call(&err);
    Disarm();
    if (rc == ZEREN_OK) {
      check(err == nullptr, __FILE__, __LINE__, name);
      check(!g_threw, __FILE__, __LINE__, "success although an allocation threw");
      if (g_threw) std::fprintf(stderr, "  %s, allocation %ld\n", name, n);
      undo();
      if (!g_injected) return n - 1;  // every allocation of the call has had its turn
      continue;                       // a nothrow allocation failed and was done without
    }
    check_int(rc, ZEREN_ERR_NO_MEMORY, __FILE__, __LINE__, name);
    check(err != nullptr, __FILE__, __LINE__, "error is set");
    if (err != nullptr) {
      check_int(zeren_error_code(err), ZEREN_ERR_NO_MEMORY, __FILE__, __LINE__, name);
      check_str(zeren_error_message(err), "out of memory", __FILE__, __LINE__, name);
    }
    zeren_error_free(err);
    if (rc != ZEREN_ERR_NO_MEMORY) {
      std::fprintf(stderr, "  %s with allocation %ld failing (%s)\n", name, n,
                   sticky ? "and every one after" : "alone");
      return -1;
    }
  }
}

// A value-creating call: its handle must stay NULL on failure.
template <typename Handle, typename Create, typename Free>
long Creates(const char* name, bool sticky, Create create, Free free_handle) {
  Handle* out = nullptr;
  return UntilItSucceeds(
      name, sticky,
      [&](zeren_error** err) {
        out = reinterpret_cast<Handle*>(1);  // must become NULL on failure
        const int32_t rc = create(&out, err);
        if (rc != ZEREN_OK) check(out == nullptr, __FILE__, __LINE__, "*out is NULL on failure");
        return rc;
      },
      [&] { free_handle(out); });
}


void Drive(const std::string& small, const std::string& model_text, bool sticky) {
  const long loads = Creates<zeren_model>(
      "zeren_model_load_buffer", sticky,
      [&](zeren_model** out, zeren_error** err) {
        return zeren_model_load_buffer(small.data(), small.size(), out, err);
      },
      zeren_model_free);
  std::printf("load of a small model: %ld failure points\n", loads);

  // The rest on the conformance model, loaded once without failures.
  zeren_error* err = nullptr;
  zeren_model* model = nullptr;
  CHECK_OK(zeren_model_load_buffer(model_text.data(), model_text.size(), &model, &err));
  const long compiles = Creates<zeren_snapshot>(
      "zeren_snapshot_compile", sticky,
      [&](zeren_snapshot** out, zeren_error** e) { return zeren_snapshot_compile(model, out, e); },
      zeren_snapshot_free);
  zeren_snapshot* snapshot = nullptr;
  CHECK_OK(zeren_snapshot_compile(model, &snapshot, &err));

  const long accounts = Creates<zeren_accounting>(
      "zeren_snapshot_account_index", sticky,
      [&](zeren_accounting** out, zeren_error** e) {
        return zeren_snapshot_account_index(snapshot, 0, out, e);
      },
      zeren_accounting_free);
  zeren_accounting* accounting = nullptr;
  CHECK_OK(zeren_snapshot_account_index(snapshot, 0, &accounting, &err));
  const long because = UntilItSucceeds(
      "zeren_accounting_because", sticky,
      [&](zeren_error** e) {
        const char* text = nullptr;
        return zeren_accounting_because(accounting, 0, 0, &text, e);
      },
      [] {});
  zeren_accounting_free(accounting);
  const long all = UntilItSucceeds(
      "zeren_snapshot_account_all_json", sticky,
      [&](zeren_error** e) {
        char* text = nullptr;
        const int32_t rc = zeren_snapshot_account_all_json(snapshot, &text, nullptr, e);
        zeren_string_free(text);
        return rc;
      },
      [] {});
  const long ledgers = Creates<zeren_ledger>(
      "zeren_snapshot_ledger", sticky,
      [&](zeren_ledger** out, zeren_error** e) {
        return zeren_snapshot_ledger(snapshot, 20240, out, e);
      },
      zeren_ledger_free);
  const long audits = Creates<zeren_audit>(
      "zeren_snapshot_audit", sticky,
      [&](zeren_audit** out, zeren_error** e) { return zeren_snapshot_audit(snapshot, 20240, out, e); },
      zeren_audit_free);
  const long assessments = Creates<zeren_assessment>(
      "zeren_snapshot_assess", sticky,
      [&](zeren_assessment** out, zeren_error** e) { return zeren_snapshot_assess(snapshot, out, e); },
      zeren_assessment_free);
  const long assessments_with = Creates<zeren_assessment>(
      "zeren_snapshot_assess_with", sticky,
      [&](zeren_assessment** out, zeren_error** e) {
        zeren_assess_options options = ZEREN_ASSESS_OPTIONS_INIT;
        options.score_members = 0;
        return zeren_snapshot_assess_with(snapshot, &options, out, e);
      },
      zeren_assessment_free);
  zeren_assessment* assessment = nullptr;
  CHECK_OK(zeren_snapshot_assess(snapshot, &assessment, &err));
  const long assessment_json = UntilItSucceeds(
      "zeren_assessment_to_json", sticky,
      [&](zeren_error** e) {
        char* text = nullptr;
        const int32_t rc = zeren_assessment_to_json(assessment, nullptr, &text, nullptr, e);
        zeren_string_free(text);
        return rc;
      },
      [] {});
  zeren_assessment_free(assessment);
  std::printf(
      "compile %ld, account %ld, because %ld, account all %ld, ledger %ld, audit %ld, "
      "assess %ld, assess with options %ld, assessment JSON %ld failure points\n",
      compiles, accounts, because, all, ledgers, audits, assessments, assessments_with,
      assessment_json);
  zeren_snapshot_free(snapshot);
  zeren_model_free(model);
}

}  // namespace

int main(int argc, char** argv) {
  if (__sanitizer_symbolize_pc == nullptr) {
    std::fprintf(stderr, "%s needs a sanitizer runtime (the debug-asan preset)\n", argv[0]);
    return 2;
  }
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s SMALL_MODEL.json MODEL.json\n", argv[0]);
    return 2;
  }
  const std::string small = ReadFile(argv[1]);
  const std::string model = ReadFile(argv[2]);
  CHECK(!small.empty() && !model.empty());
  Drive(small, model, false);
  Drive(small, model, true);
  std::printf("%d checks, %d failures; %ld allocations in Abseil hash tables let through\n",
              g_checks, g_failures, g_spared);
  return g_failures == 0 ? 0 : 1;
}
