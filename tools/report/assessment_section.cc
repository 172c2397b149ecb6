// 考核排名: grades by peer group, the distribution of totals, and the ranking with each
// unit's reasons — every unit for an organization up to list_limit units, else the
// lowest and highest totals only.
#include <algorithm>
#include <map>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "tools/report/html.h"
#include "tools/report/labels.h"
#include "tools/report/sections.h"
#include "tools/report/svg_chart.h"

namespace zeren::report {
namespace {

constexpr size_t kMaxReasons = 40;  // lines of one unit's explanation

struct PeerGroup {
  std::string kind;
  std::vector<UnitIndex> units;  // by rank
};

std::vector<PeerGroup> PeerGroups(const ReportData& d, const Assessment& a) {
  std::vector<PeerGroup> groups;
  for (UnitIndex u : a.order) {
    if (groups.empty() || groups.back().kind != d.s.unit_kind(u)) groups.push_back({d.s.unit_kind(u), {}});
    groups.back().units.push_back(u);
  }
  return groups;
}

std::vector<Series> GradeSeries(const Assessment& a) {
  std::vector<Series> series;
  for (size_t g = 0; g < a.scheme.grades.size(); ++g) {
    series.push_back({GradeTerm(a.scheme.grades[g].id).Plain(),
                      std::string(GradeColor(g, a.scheme.grades.size()))});
  }
  return series;
}

std::string GradeBadge(const Assessment& a, int32_t grade) {
  return absl::StrCat("<span class=\"badge\" style=\"background:", GradeColor(grade, a.scheme.grades.size()),
                      "\">", Escape(GradeTerm(a.scheme.grades[grade].id).zh), "</span>");
}

std::string Distribution(const Assessment& a, const std::vector<PeerGroup>& groups) {
  std::vector<StackedRow> rows;
  HtmlTable table({Bilingual("同类组", "peer group"), Bilingual("单位", "units"), Bilingual("平均", "mean"),
                   Bilingual("最低", "min"), Bilingual("最高", "max")}, true);
  for (const PeerGroup& g : groups) {
    StackedRow row{KindTerm(g.kind).Plain(), std::vector<double>(a.scheme.grades.size())};
    double sum = 0, low = 1e300, high = -1e300;
    for (UnitIndex u : g.units) {
      const UnitAssessment& ua = a.units[u];
      ++row.values[ua.grade];
      sum += ua.total;
      low = std::min(low, ua.total);
      high = std::max(high, ua.total);
    }
    rows.push_back(std::move(row));
    table.AddRow({KindTerm(g.kind).Html(), FormatCount(g.units.size()),
                  absl::StrFormat("%.2f", sum / g.units.size()), absl::StrFormat("%.2f", low),
                  absl::StrFormat("%.2f", high)});
  }
  const std::vector<Series> series = GradeSeries(a);
  return absl::StrCat("<div class=\"grid2\"><div><h3>", Bilingual("等次分布", "Grades by peer group"), "</h3>",
                      Legend(series), "<div class=\"figure\">",
                      StackedBarChart("等次分布 Grades by peer group", series, rows, true),
                      "</div></div><div><h3>", Bilingual("同类组总分", "Totals by peer group"), "</h3>",
                      table.Render(), "</div></div>\n");
}

std::string Histogram(const Assessment& a) {
  std::vector<ColumnGroup> bins(11);
  for (size_t b = 0; b < bins.size(); ++b) bins[b] = {absl::StrCat(b * 10, "+"), {0}, "", ""};
  for (const UnitAssessment& ua : a.units) {
    ++bins[std::clamp(static_cast<int>(ua.total / 10), 0, 10)].values[0];
  }
  while (bins.size() > 1 && bins.back().values[0] == 0) bins.pop_back();
  return absl::StrCat("<h3>", Bilingual("总分分布", "Distribution of totals"), "</h3><div class=\"figure\">",
                      ColumnChart("总分分布 Distribution of totals", {{"单位 units", "#4e79a7"}}, bins),
                      "</div>\n");
}

std::string Reasons(const ReportData& d, const Assessment& a, UnitIndex u) {
  const std::vector<std::string> lines = Explain(d.s, a, u);
  std::string out = absl::StrCat("<details><summary>", Bilingual("原因", "why"), "</summary><ul>");
  for (size_t i = 0; i < lines.size() && i < kMaxReasons; ++i) absl::StrAppend(&out, "<li>", Escape(lines[i]), "</li>");
  if (lines.size() > kMaxReasons) {
    absl::StrAppend(&out, "<li>… ", lines.size() - kMaxReasons, " more</li>");
  }
  return out + "</ul></details>";
}

std::string Flags(const Assessment& a, const UnitAssessment& ua) {
  std::string out;
  for (int32_t f : ua.flags) absl::StrAppend(&out, "<span class=\"flag\">", Escape(a.scheme.flags[f].id), "</span>");
  return out;
}

HtmlTable RankingTable(bool with_group) {
  std::vector<std::string> header = {Bilingual("名次", "rank")};
  if (with_group) header.push_back(Bilingual("同类组", "peer group"));
  for (const auto& [zh, en] : {std::pair{"单位", "unit"}, {"本级", "own"}, {"总分", "total"},
                               {"等次", "grade"}, {"标记", "flags"}, {"说明", "reasons"}}) {
    header.push_back(Bilingual(zh, en));
  }
  return HtmlTable(std::move(header), true);
}

void AddRankingRow(const ReportData& d, const Assessment& a, UnitIndex u, bool with_group, HtmlTable* table) {
  const UnitAssessment& ua = a.units[u];
  std::vector<std::string> cells = {FormatCount(ua.rank)};
  if (with_group) cells.push_back(KindTerm(d.s.unit_kind(u)).Html());
  for (std::string cell : {Escape(d.s.DescribeUnit(u)), absl::StrFormat("%.2f", ua.own),
                           absl::StrFormat("%.2f", ua.total), GradeBadge(a, ua.grade), Flags(a, ua),
                           Reasons(d, a, u)}) {
    cells.push_back(std::move(cell));
  }
  table->AddRow(std::move(cells));
}

std::string FullRanking(const ReportData& d, const Assessment& a, const std::vector<PeerGroup>& groups) {
  std::string out = absl::StrCat("<h3>", Bilingual("各同类组排名", "Ranking by peer group"), "</h3>",
                                 "<input class=\"filter\" type=\"search\" hidden data-target=\"ranking\" "
                                 "placeholder=\"筛选单位 Filter units…\"><div id=\"ranking\">");
  for (const PeerGroup& g : groups) {
    HtmlTable table = RankingTable(false);
    for (UnitIndex u : g.units) AddRankingRow(d, a, u, false, &table);
    absl::StrAppend(&out, "<details class=\"block\"", g.units.size() <= 10 ? " open" : "", "><summary>",
                    KindTerm(g.kind).Html(), " (", FormatCount(g.units.size()), ")</summary>",
                    table.Render(), "</details>\n");
  }
  return out + "</div>\n";
}

// The `n` lowest or highest totals over all units, lowest or highest first.
std::vector<UnitIndex> Extremes(const Assessment& a, size_t n, bool lowest) {
  std::vector<UnitIndex> units(a.units.size());
  for (UnitIndex u = 0; u < units.size(); ++u) units[u] = u;
  n = std::min(n, units.size());
  auto before = [&](UnitIndex x, UnitIndex y) {
    const double tx = a.units[x].total, ty = a.units[y].total;
    return tx != ty ? (lowest ? tx < ty : tx > ty) : x < y;
  };
  std::partial_sort(units.begin(), units.begin() + n, units.end(), before);
  units.resize(n);
  return units;
}

std::string ExtremeRanking(const ReportData& d, const Assessment& a) {
  std::string out = absl::StrCat("<p class=\"note\">", FormatCount(a.units.size()),
                                 " 个单位，只列出总分最低和最高的各 ", d.options.extremes, " 个。 ",
                                 FormatCount(a.units.size()), " units: only the ", d.options.extremes,
                                 " lowest and highest totals are listed.</p>\n");
  for (bool lowest : {true, false}) {
    HtmlTable table = RankingTable(true);
    for (UnitIndex u : Extremes(a, d.options.extremes, lowest)) AddRankingRow(d, a, u, true, &table);
    absl::StrAppend(&out, "<h3>", lowest ? Bilingual("总分最低", "Lowest totals") : Bilingual("总分最高", "Highest totals"),
                    "</h3><div id=\"", lowest ? "lowest" : "highest", "\">", table.Render(), "</div>\n");
  }
  return out;
}

}  // namespace

std::string AssessmentSection(const ReportData& d) {
  std::string out = SectionOpen("assessment", "考核排名", "Assessment ranking");
  if (!d.assessment.ok()) {
    return absl::StrCat(out, "<p class=\"note\">", Bilingual("无考核数据。", "No assessment inputs."), " ",
                        Escape(d.assessment.status().message()), "</p>\n</section>\n");
  }
  const Assessment& a = *d.assessment;
  const std::vector<PeerGroup> groups = PeerGroups(d, a);
  absl::StrAppend(&out, "<p class=\"note\">", Bilingual("考核期", "Period"), " ", FormatDate(a.period.from), " – ",
                  FormatDate(a.period.to), " (", Bilingual("不含末日", "end exclusive"), ")</p>\n",
                  Distribution(a, groups), Histogram(a),
                  d.large() ? ExtremeRanking(d, a) : FullRanking(d, a, groups), "</section>\n");
  return out;
}

}  // namespace zeren::report
