// The report's words and colours for the model's vocabularies: each term in Chinese with
// its English spelling beside it, and one colour per category, grade, light or severity,
// the same in every chart and legend.
#ifndef ZEREN_TOOLS_REPORT_LABELS_H_
#define ZEREN_TOOLS_REPORT_LABELS_H_

#include <cstddef>
#include <string>

#include "absl/strings/string_view.h"
#include "zeren/audit.h"
#include "zeren/ledger.h"
#include "zeren/policy.h"
#include "zeren/vocabulary.h"

namespace zeren::report {

struct Term {
  std::string zh;
  std::string en;
  // `zh <span class="en">en</span>`, escaped.
  std::string Html() const;
  // "zh en", plain, for SVG text and tooltips.
  std::string Plain() const;
};

Term TermOf(Category category);
Term TermOf(Form form);
Term TermOf(Severity severity);
Term TermOf(FindingKind kind);
Term TermOf(FindingSeverity severity);
Term TermOf(Light light);
// Unit kinds are open: the usual ones get their Chinese name, others show their id.
Term KindTerm(absl::string_view kind);
// Grades come from the scheme: the default scheme's ids get their Chinese names.
Term GradeTerm(absl::string_view grade_id);

absl::string_view CategoryColor(Category category);
absl::string_view SeverityColor(FindingSeverity severity);
absl::string_view IncidentSeverityColor(Severity severity);
absl::string_view LightColor(Light light);
// A qualitative palette for open sets (unit kinds), cycling.
absl::string_view PaletteColor(size_t i);
// Grade `grade` of `count`, best first: green through amber to red.
absl::string_view GradeColor(size_t grade, size_t count);

}  // namespace zeren::report

#endif  // ZEREN_TOOLS_REPORT_LABELS_H_
