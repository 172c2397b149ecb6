// 台账传导: task lights per directive, and how far each directive travelled down the
// hierarchy, level by level, with its break points marked.
#include <algorithm>
#include <array>
#include <map>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "tools/report/html.h"
#include "tools/report/labels.h"
#include "tools/report/sections.h"
#include "tools/report/svg_chart.h"

namespace zeren::report {
namespace {

constexpr size_t kMaxProfiles = 24;       // directives charted one by one
constexpr size_t kMaxLightRows = 30;      // directives in the lights chart
constexpr size_t kMaxBreakNames = 12;     // break points named per directive
constexpr size_t kLightCount = 5;

using LightCounts = std::array<uint64_t, kLightCount>;

std::map<DirectiveIndex, LightCounts> LightsByDirective(const ReportData& d, LightCounts* all) {
  std::map<DirectiveIndex, LightCounts> by_directive;
  for (size_t k = 0; k < d.ledger.tasks.size(); ++k) {
    const size_t light = static_cast<size_t>(d.ledger.lights[k]);
    ++by_directive[d.s.task_directive(d.ledger.tasks[k])][light];
    ++(*all)[light];
  }
  return by_directive;
}

std::vector<Series> LightSeries() {
  std::vector<Series> series;
  for (size_t l = 0; l < kLightCount; ++l) {
    series.push_back({TermOf(static_cast<Light>(l)).Plain(), std::string(LightColor(static_cast<Light>(l)))});
  }
  return series;
}

std::string Lights(const ReportData& d) {
  LightCounts all{};
  const std::map<DirectiveIndex, LightCounts> by_directive = LightsByDirective(d, &all);
  std::string out = "<div class=\"cards\">";
  for (size_t l = 0; l < kLightCount; ++l) {
    absl::StrAppend(&out, "<div class=\"card\"><b style=\"color:", LightColor(static_cast<Light>(l)), "\">",
                    FormatCount(all[l]), "</b><span>", TermOf(static_cast<Light>(l)).Html(), "</span></div>");
  }
  std::vector<StackedRow> rows;
  for (const auto& [directive, counts] : by_directive) {
    if (rows.size() == kMaxLightRows) break;
    rows.push_back({std::string(d.s.directive_id(directive)), std::vector<double>(counts.begin(), counts.end())});
  }
  absl::StrAppend(&out, "</div>\n<h3>", Bilingual("各指令任务灯", "Task lights by directive"), "</h3>",
                  Legend(LightSeries()), "<div class=\"figure\">",
                  StackedBarChart("任务灯 Task lights by directive", LightSeries(), rows, false), "</div>\n",
                  MoreNote(by_directive.size() - rows.size()));
  return out;
}

std::vector<Series> ProfileSeries() {
  return {{"覆盖 reached", "#9fb7d0"}, {"完成 done", "#4e79a7"}, {"按时 on time", "#1e8449"}};
}

std::string ProfileChart(const ReportData& d, const DirectiveProfile& p) {
  const uint32_t issuer_level = d.s.unit_level(d.s.directive_issuer(p.directive));
  std::map<uint32_t, size_t> breaks;  // by relative level
  for (UnitIndex u : p.break_points) ++breaks[d.s.unit_level(u) - issuer_level];
  std::vector<ColumnGroup> groups;
  std::optional<size_t> divider;
  const int32_t reach = d.s.directive_reach(p.directive);
  for (const LevelProfile& l : p.levels) {
    const auto b = breaks.find(l.level);
    groups.push_back({absl::StrCat("第", l.level, "级"), {double(l.reached), double(l.done), double(l.on_time)},
                      b == breaks.end() ? "" : absl::StrCat("断点 ", b->second), FormatCount(l.reached)});
    if (static_cast<int64_t>(l.level) <= reach) divider = groups.size() - 1;
  }
  return ColumnChart(absl::StrCat("逐级传导 Level profile: ", d.s.directive_id(p.directive)), ProfileSeries(),
                     groups, divider, absl::StrCat("要求层级 reach ", reach));
}

std::string BreakPoints(const ReportData& d, const DirectiveProfile& p) {
  if (p.break_points.empty()) {
    return absl::StrCat("<p class=\"note\">", Bilingual("无断点", "no break points"), "</p>");
  }
  std::vector<std::string> names;
  for (size_t k = 0; k < p.break_points.size() && k < kMaxBreakNames; ++k) {
    names.push_back(Escape(d.s.DescribeUnit(p.break_points[k])));
  }
  const size_t hidden = p.break_points.size() - names.size();
  return absl::StrCat("<p class=\"note\"><b style=\"color:#c0392b\">▼ ", Bilingual("断点", "break points"), " (",
                      FormatCount(p.break_points.size()), "):</b> ", absl::StrJoin(names, "、"),
                      hidden > 0 ? absl::StrCat(" … +", FormatCount(hidden)) : "", "</p>");
}

std::string Profile(const ReportData& d, const DirectiveProfile& p) {
  const DirectiveIndex i = p.directive;
  const absl::string_view title = d.s.directive_title(i);
  return absl::StrCat("<div class=\"directive\"><h3>", Escape(d.s.directive_id(i)), title.empty() ? "" : " · ",
                      Escape(title), "</h3><p class=\"note\">",
                      Bilingual("下发单位", "issued by"), " ", Escape(d.s.DescribeUnit(d.s.directive_issuer(i))),
                      " · ", FormatDate(d.s.directive_date(i)), "</p><div class=\"figure\">", ProfileChart(d, p),
                      "</div>", BreakPoints(d, p), "</div>\n");
}

std::string RemainingTable(const ReportData& d) {
  HtmlTable table({Bilingual("指令", "directive"), Bilingual("标题", "title"), Bilingual("层级", "levels"),
                   Bilingual("断点", "break points")}, true);
  const auto& all = d.ledger.directives;
  const size_t end = std::min(all.size(), kMaxProfiles + d.options.row_limit);
  for (size_t k = kMaxProfiles; k < end; ++k) {
    table.AddRow({Escape(d.s.directive_id(all[k].directive)), Escape(d.s.directive_title(all[k].directive)),
                  FormatCount(all[k].levels.size()), FormatCount(all[k].break_points.size())});
  }
  return absl::StrCat(table.Render(), MoreNote(all.size() - end));
}

}  // namespace

std::string LedgerSection(const ReportData& d) {
  std::string out = SectionOpen("ledger", "台账传导", "Directive ledger: transmission");
  if (d.ledger.directives.empty()) {
    return absl::StrCat(out, "<p class=\"note\">", Bilingual("截至该日无部署指令。", "No directives as of the date."),
                        "</p>\n</section>\n");
  }
  absl::StrAppend(&out, Lights(d), "<h3>", Bilingual("逐级传导", "Level-by-level transmission"), "</h3>",
                  Legend(ProfileSeries()), "<p class=\"note\"><b style=\"color:#c0392b\">▼</b> ",
                  Bilingual("断点：任务到此为止、未再向下分解的层级", "break point: where a directive stopped short of its reach"),
                  "</p>\n<div class=\"grid2\">");
  for (size_t k = 0; k < d.ledger.directives.size() && k < kMaxProfiles; ++k) {
    absl::StrAppend(&out, Profile(d, d.ledger.directives[k]));
  }
  absl::StrAppend(&out, "</div>\n");
  if (d.ledger.directives.size() > kMaxProfiles) absl::StrAppend(&out, RemainingTable(d));
  return out + "</section>\n";
}

}  // namespace zeren::report
