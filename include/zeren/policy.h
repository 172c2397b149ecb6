// The accountability policy: degrees, base forms and circumstance steps, as data.
// A model's `policy` is "default" or a partial object that overrides only the keys it
// names (at any depth); the rest comes from DefaultPolicy(). docs/policy.md explains the
// default's choices.
#ifndef ZEREN_POLICY_H_
#define ZEREN_POLICY_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "zeren/problem.h"
#include "zeren/vocabulary.h"

namespace zeren {

// Categories of responsibility, in precedence order (ties between equal degrees go to the
// earlier one).
enum class Category : uint8_t {
  kDirect,               // 直接责任
  kMainLeadership,       // 主要领导责任
  kImportantLeadership,  // 重要领导责任
  kOverallLeadership,    // 全面领导责任: the unit as an organization
  kSupervisory,          // 监督责任
  kGuidance,             // 分片包干
  kUpward,               // superior units' leaders
};
inline constexpr int kCategoryCount = 7;

// Forms of accountability. Units climb one ladder, people another; `kNone` is the bottom
// of both, and circulated_notice stands on both.
enum class Form : uint8_t {
  kNone,
  kSelfExamination,           // 检查 (units)
  kCirculatedNotice,          // 通报
  kReorganization,            // 改组 (units)
  kAdmonishment,              // 诫勉 (people)
  kOrganizationalAdjustment,  // 组织调整/组织处理 (people)
  kDisciplinarySanction,      // 纪律处分 (people)
};

absl::string_view Name(Category category);
absl::string_view Name(Form form);
std::optional<Category> ParseCategory(absl::string_view text);
std::optional<Form> ParseForm(absl::string_view text);
// The accepted spellings of forms, comma-separated, for error messages.
absl::string_view Spellings(Form);

// The ladder a form is climbed on: units for overall_leadership, people otherwise.
enum class Ladder : uint8_t { kUnits, kPeople };
inline Ladder LadderOf(Category category) {
  return category == Category::kOverallLeadership ? Ladder::kUnits : Ladder::kPeople;
}
// Rungs of a ladder, bottom first.
int RungCount(Ladder ladder);
Form FormAt(Ladder ladder, int rung);
// The rung of `form` on `ladder`, or -1 when the form is not on it.
int RungOf(Ladder ladder, Form form);

struct CircumstanceStep {
  bool exempt = false;
  int32_t step = 0;  // rungs up (positive) or down (negative); ignored when exempt
};

struct Policy {
  std::array<double, kCategoryCount> degrees{};
  Severity upward_min_severity = Severity::kGrave;
  double upward_decay = 0.5;
  int32_t upward_max_levels = 2;
  // forms[category][severity]
  std::array<std::array<Form, 3>, kCategoryCount> forms{};
  std::array<CircumstanceStep, 8> circumstances{};  // by CircumstanceKind

  double degree(Category c) const { return degrees[static_cast<int>(c)]; }
  Form form(Category c, Severity s) const {
    return forms[static_cast<int>(c)][static_cast<int>(s)];
  }
  const CircumstanceStep& circumstance(CircumstanceKind k) const {
    return circumstances[static_cast<int>(k)];
  }
};

const Policy& DefaultPolicy();

// Parses a model's `policy` value given as JSON text: "default" or a partial object.
// Problems carry paths that start with `path` (e.g. "policy.degrees.direct").
absl::StatusOr<Policy> ParsePolicy(absl::string_view json_text, absl::string_view path = "policy",
                                   ProblemList* problems = nullptr);

// The policy as a complete JSON object (indented), as `zeren policy --default` prints it.
std::string PolicyToJson(const Policy& policy);

}  // namespace zeren

#endif  // ZEREN_POLICY_H_
