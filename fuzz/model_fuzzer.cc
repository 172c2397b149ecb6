// libFuzzer target: the JSON model loader. Any input must either fail with at least one
// problem or give a model that compiles, answers queries and survives a save/load round
// trip unchanged (ModelToJson is a fixpoint after one trip).
#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"
#include "fuzz/fuzz_support.h"
#include "zeren/model_json.h"
#include "zeren/problem.h"
#include "zeren/snapshot.h"

using zeren::fuzz::Broken;
using zeren::fuzz::Query;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view text(reinterpret_cast<const char*>(data), size);
  zeren::ProblemList problems;
  absl::StatusOr<zeren::Model> model = zeren::ParseModelJson(text, &problems);
  if (!model.ok()) {
    if (problems.empty() || problems.kept().empty()) Broken("failure without problems", text);
    if (model.status().message().empty()) Broken("failure without a message", text);
    return 0;
  }
  absl::StatusOr<zeren::Snapshot> snapshot = zeren::Snapshot::Compile(*model);
  if (!snapshot.ok()) Broken("a valid model does not compile", snapshot.status().message());
  Query(*snapshot);

  const std::string once = zeren::ModelToJson(*model);
  absl::StatusOr<zeren::Model> again = zeren::ParseModelJson(once);
  if (!again.ok()) Broken("the saved document does not load", again.status().message());
  if (zeren::ModelToJson(*again) != once) Broken("save/load changes the document", once);
  return 0;
}
