// Loads a JSON model, saves it as a .zrn archive with its snapshot, loads that back and
// prints what came back: "units N snapshot N same-json yes".
#include <iostream>

#include "zeren/archive.h"
#include "zeren/model_json.h"
#include "zeren/snapshot.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: archive_round_trip MODEL.json OUT.zrn\n";
    return 2;
  }
  absl::StatusOr<zeren::Model> model = zeren::LoadModelFile(argv[1]);
  if (!model.ok()) return std::cerr << model.status() << "\n", 1;
  absl::StatusOr<zeren::Snapshot> snapshot = zeren::Snapshot::Compile(*model);
  if (!snapshot.ok()) return std::cerr << snapshot.status() << "\n", 1;
  if (absl::Status s = zeren::SaveArchive(argv[2], *model, &*snapshot); !s.ok()) {
    return std::cerr << s << "\n", 1;
  }
  absl::StatusOr<zeren::LoadedArchive> loaded = zeren::LoadArchive(argv[2]);
  if (!loaded.ok()) return std::cerr << loaded.status() << "\n", 1;
  std::cout << "units " << loaded->model.data().units.size() << " snapshot "
            << (loaded->snapshot ? loaded->snapshot->unit_count() : 0) << " same-json "
            << (zeren::ModelToJson(loaded->model) == zeren::ModelToJson(*model) ? "yes" : "no")
            << "\n";
  return 0;
}
