// The closed vocabularies of the model format: roles, link kinds, duty categories,
// severities, task statuses, review results and circumstances. Each enum has a spelling
// in the JSON document (Name) and a parser (Parse...) that rejects anything else.
// Unit kinds are open and stay strings.
#ifndef ZEREN_VOCABULARY_H_
#define ZEREN_VOCABULARY_H_

#include <cstdint>
#include <optional>
#include "absl/strings/string_view.h"

namespace zeren {

enum class Role : uint8_t {
  kSecretary,            // 书记: the first-responsible person
  kHead,                 // 行政主要负责人
  kDeputy,               // 副书记
  kMember,               // 班子成员
  kDisciplineSecretary,  // 纪委书记
  kStaff,                // an ordinary member: not a leadership role
};

enum class LinkKind : uint8_t {
  kSupervises,   // discipline body -> unit (监督责任)
  kSpecializes,  // organ committee -> unit (专门责任)
  kGuides,       // person -> unit (分片包干)
};

enum class DutyCategory : uint8_t {
  kPrincipal,
  kFirstResponsible,
  kDualPost,
  kSupervisory,
  kSpecialized,
};

// Ordered: a larger value is more severe.
enum class Severity : uint8_t { kMinor, kSerious, kGrave };

enum class TaskStatus : uint8_t { kOpen, kInProgress, kDone, kVerified, kCancelled };

enum class ReviewResult : uint8_t { kPass, kFail };

enum class CircumstanceKind : uint8_t {
  kRepeat,
  kConcealment,
  kObstruction,
  kRefusedRectification,
  kSelfReport,
  kPromptRectification,
  kDueDiligence,
  kObjectionOnRecord,
};

absl::string_view Name(Role value);
absl::string_view Name(LinkKind value);
absl::string_view Name(DutyCategory value);
absl::string_view Name(Severity value);
absl::string_view Name(TaskStatus value);
absl::string_view Name(ReviewResult value);
absl::string_view Name(CircumstanceKind value);

std::optional<Role> ParseRole(absl::string_view text);
std::optional<LinkKind> ParseLinkKind(absl::string_view text);
std::optional<DutyCategory> ParseDutyCategory(absl::string_view text);
std::optional<Severity> ParseSeverity(absl::string_view text);
std::optional<TaskStatus> ParseTaskStatus(absl::string_view text);
std::optional<ReviewResult> ParseReviewResult(absl::string_view text);
std::optional<CircumstanceKind> ParseCircumstanceKind(absl::string_view text);

// Leadership roles are all roles but staff.
inline bool IsLeadership(Role role) { return role != Role::kStaff; }

// Roles of which a unit has at most one holder on any day.
inline bool IsSingleHolder(Role role) {
  return role == Role::kSecretary || role == Role::kHead ||
         role == Role::kDisciplineSecretary;
}

// The accepted spellings of each vocabulary, comma-separated, for error messages.
absl::string_view Spellings(Role);
absl::string_view Spellings(LinkKind);
absl::string_view Spellings(DutyCategory);
absl::string_view Spellings(Severity);
absl::string_view Spellings(TaskStatus);
absl::string_view Spellings(ReviewResult);
absl::string_view Spellings(CircumstanceKind);

}  // namespace zeren

#endif  // ZEREN_VOCABULARY_H_
