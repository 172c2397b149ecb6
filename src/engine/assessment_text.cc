// The words of an assessment: why a unit got its score and grade.
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "zeren/assessment.h"

namespace zeren {
namespace {

std::string Num(double x) { return absl::StrFormat("%.2f", x); }

}  // namespace

std::vector<std::string> Explain(const Snapshot& s, const Assessment& a, UnitIndex u) {
  const UnitAssessment& ua = a.units[u];
  const Scheme& scheme = a.scheme;
  std::vector<std::string> lines;
  std::string daily = absl::StrCat("daily ", Num(ua.daily), " = indicators ", Num(ua.indicators));
  if (ua.deducted > 0) absl::StrAppend(&daily, " − deductions ", Num(ua.deducted));
  if (ua.deduction_capped) absl::StrAppend(&daily, " (capped at ", Num(scheme.deduction_cap), ")");
  if (ua.bonus != 0) absl::StrAppend(&daily, " + bonus ", Num(ua.bonus));
  if (ua.bonus_capped) absl::StrAppend(&daily, " (capped at ", Num(scheme.bonus_cap), ")");
  lines.push_back(std::move(daily));
  for (const Deduction& d : ua.deductions) {
    std::string line = absl::StrCat("incident ", s.incident_id(d.incident), " (",
                                    Name(s.incident_severity(d.incident)), ") deducts ",
                                    Num(d.base));
    if (d.factor != 1) absl::StrAppend(&line, " × ", Num(d.factor), " = ", Num(d.points));
    if (!d.counted) {
      absl::StrAppend(&line, ", not counted: case ", s.incident_case(d.incident),
                      " deducts once, the largest");
    }
    lines.push_back(std::move(line));
  }
  std::string components = absl::StrCat("own ", Num(ua.own), " from daily ", Num(ua.daily));
  if (ua.review) absl::StrAppend(&components, ", on-site review ", Num(*ua.review));
  if (ua.ballot) absl::StrAppend(&components, ", ballots ", Num(*ua.ballot));
  if (ua.members) absl::StrAppend(&components, ", member appraisals ", Num(*ua.members));
  lines.push_back(std::move(components));
  const std::vector<SubordinateContribution> subordinates = SubordinatesOf(s, a, u);
  double total_weight = 0;
  for (const SubordinateContribution& c : subordinates) total_weight += c.weight;
  if (total_weight > 0) {
    std::string line = absl::StrCat("total ", Num(ua.total), " = ", Num(scheme.rollup_own),
                                    " × own + ", Num(scheme.rollup_subordinates),
                                    " × the weighted mean of subordinates:");
    for (const SubordinateContribution& c : subordinates) {
      absl::StrAppend(&line, " ", s.DescribeUnit(c.unit), " ", Num(c.total), " (share ",
                      Num(c.weight / total_weight), ");");
    }
    line.pop_back();
    lines.push_back(std::move(line));
  }
  lines.push_back(absl::StrCat("total ", Num(ua.total), " reaches ",
                               scheme.grades[ua.threshold_grade].id, " (min ",
                               Num(scheme.grades[ua.threshold_grade].min), ")"));
  for (const VetoApplied& v : ua.vetoes) {
    const Veto& veto = scheme.vetoes[v.veto];
    lines.push_back(absl::StrCat("veto: incident ", s.incident_id(v.incident), " (",
                                 Name(s.incident_severity(v.incident)), ") caps the grade at ",
                                 scheme.grades[veto.max_grade].id));
  }
  if (ua.quota_cut_from) {
    const GradeRule& cut = scheme.grades[*ua.quota_cut_from];
    lines.push_back(absl::StrCat("quota: only ", Num(*cut.quota * 100), "% of the ",
                                 s.unit_kind(u), " peer group may keep ", cut.id, "; rank ",
                                 ua.rank, " moves to ", scheme.grades[ua.grade].id));
  }
  for (int32_t f : ua.flags) lines.push_back(absl::StrCat("flag: ", scheme.flags[f].id));
  return lines;
}

}  // namespace zeren
