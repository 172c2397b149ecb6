// libFuzzer target: the policy and scheme parsers, which the CLI and the C API also take on
// their own (`--policy FILE`, `--scheme FILE`). The first byte picks the parser; any input
// must either parse, print as JSON that parses back to the same text, or fail with problems.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "absl/strings/string_view.h"
#include "zeren/policy.h"
#include "zeren/problem.h"
#include "zeren/scheme.h"

namespace {

[[noreturn]] void Broken(const char* what, absl::string_view detail) {
  std::fprintf(stderr, "invariant broken: %s: %.*s\n", what, static_cast<int>(detail.size()),
               detail.data());
  std::abort();
}

// Parse, print, parse again: the printed form is a fixpoint.
template <typename Parse, typename Print>
void Check(absl::string_view text, absl::string_view path, Parse parse, Print print) {
  zeren::ProblemList problems;
  auto parsed = parse(text, path, &problems);
  if (!parsed.ok()) {
    if (problems.kept().empty()) Broken("failure without problems", text);
    return;
  }
  const std::string once = print(*parsed);
  auto again = parse(once, path, nullptr);
  if (!again.ok()) Broken("the printed form does not parse", again.status().message());
  if (print(*again) != once) Broken("print/parse changes the text", once);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const absl::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (data[0] & 1) {
    Check(text, "assessment.scheme",
          [](absl::string_view t, absl::string_view p, zeren::ProblemList* l) {
            return zeren::ParseScheme(t, p, l);
          },
          [](const zeren::Scheme& s) { return zeren::SchemeToJson(s); });
  } else {
    Check(text, "policy",
          [](absl::string_view t, absl::string_view p, zeren::ProblemList* l) {
            return zeren::ParsePolicy(t, p, l);
          },
          [](const zeren::Policy& s) { return zeren::PolicyToJson(s); });
  }
  return 0;
}
