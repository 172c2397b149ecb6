// libFuzzer target: the .zrn archive loader. Any input must either fail with a message or
// give a model (and snapshot) that answers queries and survives another save/load trip
// unchanged. The checksums stop most mutations early, which is the point of them; the
// seeds carry valid checksums, so the envelope's checks are fuzzed too.
#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"
#include "fuzz/fuzz_support.h"
#include "zeren/archive.h"
#include "zeren/model_json.h"
#include "zeren/snapshot.h"

using zeren::fuzz::Broken;
using zeren::fuzz::Query;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view bytes(reinterpret_cast<const char*>(data), size);
  absl::StatusOr<zeren::LoadedArchive> loaded = zeren::ArchiveFromBytes(bytes);
  if (!loaded.ok()) {
    if (loaded.status().message().empty()) Broken("failure without a message", bytes);
    return 0;
  }
  if (loaded->snapshot) Query(*loaded->snapshot);
  const zeren::Snapshot* snapshot = loaded->snapshot ? &*loaded->snapshot : nullptr;
  absl::StatusOr<std::string> again = zeren::ArchiveToBytes(loaded->model, snapshot);
  if (!again.ok()) Broken("a loaded archive does not save", again.status().message());
  absl::StatusOr<zeren::LoadedArchive> reloaded = zeren::ArchiveFromBytes(*again);
  if (!reloaded.ok()) Broken("the saved archive does not load", reloaded.status().message());
  if (zeren::ModelToJson(reloaded->model) != zeren::ModelToJson(loaded->model)) {
    Broken("save/load changes the model", zeren::ModelToJson(loaded->model));
  }
  return 0;
}
