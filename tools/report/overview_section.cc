// 组织概况: counts, units and members by kind, and the vacant first-responsible posts.
#include <map>

#include "absl/strings/str_cat.h"
#include "tools/report/html.h"
#include "tools/report/labels.h"
#include "tools/report/sections.h"
#include "tools/report/svg_chart.h"

namespace zeren::report {
namespace {

struct KindRow {
  uint64_t units = 0, members = 0, vacancies = 0;
};

std::string Card(int64_t value, absl::string_view zh, absl::string_view en, absl::string_view cls = "") {
  return absl::StrCat("<div class=\"card", cls.empty() ? "" : " ", cls, "\"><b>", FormatCount(value),
                      "</b><span>", Bilingual(zh, en), "</span></div>");
}

std::map<std::string, KindRow> ByKind(const ReportData& d) {
  std::map<std::string, KindRow> kinds;
  for (UnitIndex u = 0; u < d.s.unit_count(); ++u) {
    if (!d.exists[u]) continue;
    KindRow& row = kinds[d.s.unit_kind(u)];
    ++row.units;
    row.members += d.s.unit_members(u);
  }
  for (const Finding& f : d.audit.findings) {
    if (f.kind == FindingKind::kVacantFirstResponsible) ++kinds[d.s.unit_kind(f.unit)].vacancies;
  }
  return kinds;
}

std::string Cards(const ReportData& d, const std::map<std::string, KindRow>& kinds) {
  KindRow all;
  for (const auto& [kind, row] : kinds) {
    all.units += row.units;
    all.members += row.members;
    all.vacancies += row.vacancies;
  }
  int64_t posts = 0, levels = 0;
  for (PostIndex p = 0; p < d.s.post_count(); ++p) posts += d.s.post_held(p).Contains(d.options.as_of);
  for (UnitIndex u = 0; u < d.s.unit_count(); ++u) {
    if (d.exists[u]) levels = std::max<int64_t>(levels, d.s.unit_level(u) + 1);
  }
  const int64_t vacancies = static_cast<int64_t>(all.vacancies);
  return absl::StrCat(
      "<div class=\"cards\">", Card(all.units, "单位", "units"), Card(all.members, "党员", "members"),
      Card(d.s.person_count(), "人员", "people"), Card(posts, "在任岗位", "posts held"),
      Card(levels, "层级", "levels"),
      Card(vacancies, "第一责任人空缺", "vacant first-responsible", vacancies > 0 ? "alert" : "ok"),
      Card(d.s.incident_count(), "问责事件", "incidents"), Card(d.s.directive_count(), "部署指令", "directives"),
      "</div>\n");
}

std::string KindTable(const std::map<std::string, KindRow>& kinds) {
  HtmlTable table({Bilingual("类型", "kind"), Bilingual("单位", "units"), Bilingual("党员", "members"),
                   Bilingual("空缺", "vacancies")}, true);
  std::vector<Bar> bars;
  for (const auto& [kind, row] : kinds) {
    table.AddRow({KindTerm(kind).Html(), FormatCount(row.units), FormatCount(row.members),
                  FormatCount(row.vacancies)});
    bars.push_back({KindTerm(kind).Plain(), static_cast<double>(row.units), std::string(PaletteColor(bars.size()))});
  }
  return absl::StrCat("<div class=\"grid2\"><div><h3>", Bilingual("按类型", "Units by kind"),
                      "</h3><div class=\"figure\">", BarChart("按类型的单位数 Units by kind", bars),
                      "</div></div><div><h3>", Bilingual("类型明细", "Kinds in detail"), "</h3>",
                      table.Render(), "</div></div>\n");
}

std::string Vacancies(const ReportData& d) {
  HtmlTable table({Bilingual("单位", "unit"), Bilingual("类型", "kind"), Bilingual("说明", "detail")}, true);
  uint64_t listed = 0, total = 0;
  for (const Finding& f : d.audit.findings) {
    if (f.kind != FindingKind::kVacantFirstResponsible) continue;
    if (++total > d.options.row_limit) continue;
    ++listed;
    table.AddRow({Escape(d.s.DescribeUnit(f.unit)), KindTerm(d.s.unit_kind(f.unit)).Html(), Escape(f.detail)});
  }
  if (total == 0) return absl::StrCat("<p class=\"note\">", Bilingual("无空缺。", "No vacancies."), "</p>\n");
  return absl::StrCat("<details class=\"block\"", total <= 12 ? " open" : "", "><summary>",
                      Bilingual("第一责任人空缺", "Vacant first-responsible posts"), " (",
                      FormatCount(static_cast<int64_t>(total)), ")</summary>", table.Render(),
                      MoreNote(total - listed), "</details>\n");
}

}  // namespace

std::string OverviewSection(const ReportData& d) {
  const std::map<std::string, KindRow> kinds = ByKind(d);
  return absl::StrCat(SectionOpen("overview", "组织概况", "Organization at a glance"), Cards(d, kinds),
                      KindTable(kinds), Vacancies(d), "</section>\n");
}

}  // namespace zeren::report
