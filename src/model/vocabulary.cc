#include "zeren/vocabulary.h"

#include <array>
#include <cstddef>
#include <string>
#include "absl/strings/string_view.h"

namespace zeren {
namespace {

// One spelling per enumerator, in enumerator order.
constexpr std::array<absl::string_view, 6> kRoles = {
    "secretary", "head", "deputy", "member", "discipline_secretary", "staff"};
constexpr std::array<absl::string_view, 3> kLinkKinds = {"supervises", "specializes",
                                                        "guides"};
constexpr std::array<absl::string_view, 5> kDutyCategories = {
    "principal", "first_responsible", "dual_post", "supervisory", "specialized"};
constexpr std::array<absl::string_view, 3> kSeverities = {"minor", "serious", "grave"};
constexpr std::array<absl::string_view, 5> kTaskStatuses = {"open", "in_progress", "done",
                                                           "verified", "cancelled"};
constexpr std::array<absl::string_view, 2> kReviewResults = {"pass", "fail"};
constexpr std::array<absl::string_view, 8> kCircumstanceKinds = {
    "repeat",      "concealment",          "obstruction",   "refused_rectification",
    "self_report", "prompt_rectification", "due_diligence", "objection_on_record"};

template <typename Enum, std::size_t N>
std::optional<Enum> Lookup(const std::array<absl::string_view, N>& names, absl::string_view text) {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == text) return static_cast<Enum>(i);
  }
  return std::nullopt;
}

template <typename Enum, std::size_t N>
absl::string_view At(const std::array<absl::string_view, N>& names, Enum value) {
  return names[static_cast<std::size_t>(value)];
}

// Never destroyed: error messages may be built during static destruction.
template <std::size_t N>
const std::string* Join(const std::array<absl::string_view, N>& names) {
  auto* joined = new std::string;
  for (std::size_t i = 0; i < N; ++i) {
    if (i > 0) joined->append(", ");
    joined->append(names[i].data(), names[i].size());
  }
  return joined;
}

}  // namespace

absl::string_view Name(Role v) { return At(kRoles, v); }
absl::string_view Name(LinkKind v) { return At(kLinkKinds, v); }
absl::string_view Name(DutyCategory v) { return At(kDutyCategories, v); }
absl::string_view Name(Severity v) { return At(kSeverities, v); }
absl::string_view Name(TaskStatus v) { return At(kTaskStatuses, v); }
absl::string_view Name(ReviewResult v) { return At(kReviewResults, v); }
absl::string_view Name(CircumstanceKind v) { return At(kCircumstanceKinds, v); }

std::optional<Role> ParseRole(absl::string_view t) { return Lookup<Role>(kRoles, t); }
std::optional<LinkKind> ParseLinkKind(absl::string_view t) {
  return Lookup<LinkKind>(kLinkKinds, t);
}
std::optional<DutyCategory> ParseDutyCategory(absl::string_view t) {
  return Lookup<DutyCategory>(kDutyCategories, t);
}
std::optional<Severity> ParseSeverity(absl::string_view t) {
  return Lookup<Severity>(kSeverities, t);
}
std::optional<TaskStatus> ParseTaskStatus(absl::string_view t) {
  return Lookup<TaskStatus>(kTaskStatuses, t);
}
std::optional<ReviewResult> ParseReviewResult(absl::string_view t) {
  return Lookup<ReviewResult>(kReviewResults, t);
}
std::optional<CircumstanceKind> ParseCircumstanceKind(absl::string_view t) {
  return Lookup<CircumstanceKind>(kCircumstanceKinds, t);
}

#define ZEREN_SPELLINGS(Enum, names)              \
  absl::string_view Spellings(Enum) {              \
    static const std::string* joined = Join(names); \
    return *joined;                               \
  }
ZEREN_SPELLINGS(Role, kRoles)
ZEREN_SPELLINGS(LinkKind, kLinkKinds)
ZEREN_SPELLINGS(DutyCategory, kDutyCategories)
ZEREN_SPELLINGS(Severity, kSeverities)
ZEREN_SPELLINGS(TaskStatus, kTaskStatuses)
ZEREN_SPELLINGS(ReviewResult, kReviewResults)
ZEREN_SPELLINGS(CircumstanceKind, kCircumstanceKinds)
#undef ZEREN_SPELLINGS

}  // namespace zeren
