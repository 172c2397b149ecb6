// A deterministic synthetic organization: units, people, posts, links, duties, a year of
// directives and incidents, and assessment inputs, in a realistic shape, for benchmarks and
// tests at any scale. The same options give the same model (byte-identical ModelToJson) on
// every platform: the generator uses its own random numbers and integer range mapping.
// The shape rules are in docs/generate.md.
#ifndef ZEREN_GENERATE_H_
#define ZEREN_GENERATE_H_

#include <cstdint>
#include <functional>
#include <optional>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "zeren/model.h"
#include "zeren/records.h"

namespace zeren {

// `members` value asking for each branch's natural count (3 to 50, a long tail to a few
// thousand) rather than a total spread over the branches.
inline constexpr int64_t kAutoMembers = -1;
// Beyond this the snapshot's 32-bit indices would not suffice.
inline constexpr int64_t kMaxGeneratedUnits = 100'000'000;
// Member people are roster rows (zeren/member_roster.h), which hold at most 4 GiB of names:
// names are at most 12 bytes, so this many always fit (ids too: 10 bytes each).
inline constexpr int64_t kMaxMemberPeople = 350'000'000;
inline constexpr int64_t kMaxMembers = int64_t{1} << 50;

struct GenerateOptions {
  int64_t units = 1000;           // exactly this many units, at least 1
  int64_t members = kAutoMembers;  // total members over the branches, or kAutoMembers
  uint64_t seed = 1;
  int depth = 8;                   // levels of the tree (2..12); fewer when units are few
  // Whether each member is a person with a dated `staff` post in their branch and an
  // appraisal, as a row of the model's member roster (false: counts only); nullopt: when
  // the members are at most kMaxMemberPeople.
  std::optional<bool> member_people;
  int year = 2025;  // the assessment period and the year of directives and incidents
  // Called now and then with the fraction done (0 to 1, increasing; 1 at the end).
  std::function<void(double fraction)> progress;
};

// OK, or InvalidArgument naming the first bad option.
absl::Status CheckGenerateOptions(const GenerateOptions& options);

// The document, valid by construction (GenerateModel validates it nevertheless).
absl::StatusOr<ModelData> GenerateModelData(const GenerateOptions& options);

// GenerateModelData, then Model::Create.
absl::StatusOr<Model> GenerateModel(const GenerateOptions& options);

}  // namespace zeren

#endif  // ZEREN_GENERATE_H_
