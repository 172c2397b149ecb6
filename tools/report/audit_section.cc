// 审计发现: findings counted by severity and kind, each kind listed up to row_limit.
#include <vector>

#include "absl/strings/str_cat.h"
#include "tools/report/html.h"
#include "tools/report/labels.h"
#include "tools/report/sections.h"
#include "tools/report/svg_chart.h"

namespace zeren::report {
namespace {

// Findings come sorted by severity and kind: consecutive runs of one kind.
struct KindRun {
  FindingKind kind;
  size_t begin, end;
};

std::vector<KindRun> Runs(const std::vector<Finding>& findings) {
  std::vector<KindRun> runs;
  for (size_t i = 0; i < findings.size(); ++i) {
    if (runs.empty() || runs.back().kind != findings[i].kind) runs.push_back({findings[i].kind, i, i});
    runs.back().end = i + 1;
  }
  return runs;
}

std::string Cards(const std::vector<Finding>& findings) {
  uint64_t counts[3] = {0, 0, 0};
  for (const Finding& f : findings) ++counts[static_cast<int>(SeverityOf(f.kind))];
  std::string out = "<div class=\"cards\">";
  for (int s = 0; s < 3; ++s) {
    const auto severity = static_cast<FindingSeverity>(s);
    absl::StrAppend(&out, "<div class=\"card\"><b style=\"color:", SeverityColor(severity), "\">",
                    FormatCount(counts[s]), "</b><span>", TermOf(severity).Html(), "</span></div>");
  }
  return out + "</div>\n";
}

std::string KindChart(const std::vector<KindRun>& runs) {
  std::vector<Bar> bars;
  for (const KindRun& r : runs) {
    bars.push_back({TermOf(r.kind).Plain(), static_cast<double>(r.end - r.begin),
                    std::string(SeverityColor(SeverityOf(r.kind)))});
  }
  return absl::StrCat("<div class=\"figure\">", BarChart("审计发现 Findings by kind", bars), "</div>\n");
}

std::string KindList(const ReportData& d, const KindRun& r) {
  const FindingSeverity severity = SeverityOf(r.kind);
  HtmlTable table({Bilingual("对象", "subject"), Bilingual("说明", "detail")});
  const size_t end = std::min(r.end, r.begin + d.options.row_limit);
  for (size_t i = r.begin; i < end; ++i) {
    const Finding& f = d.audit.findings[i];
    const std::string subject = f.person != kNoIndex ? d.s.DescribePerson(f.person)
                                : f.unit != kNoIndex ? d.s.DescribeUnit(f.unit)
                                                     : "";
    table.AddRow({Escape(subject), Escape(f.detail)});
  }
  const bool open = severity == FindingSeverity::kCritical && r.end - r.begin <= 12;
  return absl::StrCat("<details class=\"block\"", open ? " open" : "", "><summary><span class=\"badge\" style=\"background:",
                      SeverityColor(severity), "\">", Escape(TermOf(severity).zh), "</span> ", TermOf(r.kind).Html(),
                      " (", FormatCount(r.end - r.begin), ")</summary>", table.Render(), MoreNote(r.end - end),
                      "</details>\n");
}

}  // namespace

std::string AuditSection(const ReportData& d) {
  std::string out = SectionOpen("audit", "审计发现", "Audit findings");
  if (d.audit.findings.empty()) {
    return absl::StrCat(out, "<p class=\"note\">", Bilingual("无审计发现。", "No findings."), "</p>\n</section>\n");
  }
  const std::vector<KindRun> runs = Runs(d.audit.findings);
  absl::StrAppend(&out, Cards(d.audit.findings), KindChart(runs));
  for (const KindRun& r : runs) absl::StrAppend(&out, KindList(d, r));
  return out + "</section>\n";
}

}  // namespace zeren::report
