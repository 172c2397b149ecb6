// 问责追溯: every incident accounted and counted by category and form; the most severe
// drawn one by one with the parties they reach and why.
#include <algorithm>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "tools/report/html.h"
#include "tools/report/labels.h"
#include "tools/report/sections.h"
#include "tools/report/svg_chart.h"

namespace zeren::report {
namespace {

constexpr size_t kOpenPictures = 4;  // reach pictures shown open; more fold into a <details>

// Gravest first, then the widest reach, then document order.
bool MoreSevere(const Snapshot& s, const Accounting& x, const Accounting& y) {
  return std::make_tuple(-static_cast<int>(s.incident_severity(x.incident)), -static_cast<int64_t>(x.parties.size()), x.incident) <
         std::make_tuple(-static_cast<int>(s.incident_severity(y.incident)), -static_cast<int64_t>(y.parties.size()), y.incident);
}

void Count(const Accounting& a, IncidentDigest* digest) {
  for (const AccountableParty& p : a.parties) {
    ++digest->counts[static_cast<int>(p.category)][static_cast<int>(p.form)];
    ++(p.party.is_unit ? digest->units : digest->people);
  }
}

// Keeps `a` among the `keep` most severe, in order.
void Keep(const Snapshot& s, const Accounting& a, size_t keep, std::vector<Accounting>* shown) {
  auto at = std::upper_bound(shown->begin(), shown->end(), a,
                             [&](const Accounting& x, const Accounting& y) { return MoreSevere(s, x, y); });
  if (static_cast<size_t>(at - shown->begin()) >= keep) return;
  shown->insert(at, a);
  if (shown->size() > keep) shown->pop_back();
}

std::string PartyName(const Snapshot& s, const Party& p) {
  return p.is_unit ? s.DescribeUnit(p.index) : s.DescribePerson(p.index);
}

ReachIncident ToPicture(const Snapshot& s, const Accounting& a) {
  const IncidentIndex i = a.incident;
  ReachIncident incident{std::string(s.incident_id(i)), std::string(s.unit_name(s.incident_unit(i))), FormatDate(s.incident_date(i)),
                         s.incident_severity(i), {}};
  for (const AccountableParty& p : a.parties) {
    incident.parties.push_back({p.party.is_unit ? std::string(s.unit_name(p.party.index))
                                                : std::string(s.person_name(p.party.index)),
                                p.party.is_unit, p.category, p.form, p.degree});
  }
  return incident;
}

std::string PartyTable(const Snapshot& s, const Accounting& a) {
  HtmlTable table({Bilingual("责任方", "party"), Bilingual("责任类别", "category"), Bilingual("程度", "degree"),
                   Bilingual("问责方式", "form"), Bilingual("情节", "adjustments"), Bilingual("依据", "because")});
  for (const AccountableParty& p : a.parties) {
    std::vector<std::string> adjustments, because;
    for (const Adjustment& adj : a.AdjustmentsOf(p)) adjustments.push_back(Escape(Describe(adj)));
    for (const ReachPath& path : a.PathsOf(p)) because.push_back(Escape(Describe(s, a.incident, p.party, path)));
    table.AddRow({Escape(PartyName(s, p.party)), TermOf(p.category).Html(), absl::StrFormat("%.2f", p.degree),
                  TermOf(p.form).Html(), absl::StrJoin(adjustments, " "), absl::StrJoin(because, "<br>")});
  }
  return table.Render();
}

std::string IncidentFigure(const Snapshot& s, const Accounting& a) {
  const IncidentIndex i = a.incident;
  return absl::StrCat("<div class=\"incident\"><h3>", Escape(s.incident_id(i)), " · ",
                      Escape(s.DescribeUnit(s.incident_unit(i))), " · ", FormatDate(s.incident_date(i)),
                      " · ", TermOf(s.incident_severity(i)).Html(), "</h3><div class=\"figure\">",
                      ReachPicture(ToPicture(s, a)), "</div><details><summary>",
                      Bilingual("责任方与依据", "parties and reasons"), " (", a.parties.size(), ")</summary>",
                      PartyTable(s, a), "</details></div>\n");
}

std::string Cards(const IncidentDigest& g) {
  std::string out = "<div class=\"cards\">";
  absl::StrAppend(&out, "<div class=\"card\"><b>", FormatCount(g.total), "</b><span>",
                  Bilingual("事件", "incidents"), "</span></div>");
  for (int sev = 2; sev >= 0; --sev) {
    absl::StrAppend(&out, "<div class=\"card\"><b style=\"color:", IncidentSeverityColor(static_cast<Severity>(sev)),
                    "\">", FormatCount(g.by_severity[sev]), "</b><span>", TermOf(static_cast<Severity>(sev)).Html(),
                    "</span></div>");
  }
  absl::StrAppend(&out, "<div class=\"card\"><b>", FormatCount(g.people), "</b><span>",
                  Bilingual("被问责人次", "people held to account"), "</span></div><div class=\"card\"><b>",
                  FormatCount(g.units), "</b><span>", Bilingual("被问责单位次", "units held to account"),
                  "</span></div></div>\n");
  return out;
}

std::string CategoryLegend() {
  std::vector<Series> series;
  for (int c = 0; c < kCategoryCount; ++c) {
    series.push_back({TermOf(static_cast<Category>(c)).Plain(), std::string(CategoryColor(static_cast<Category>(c)))});
  }
  return absl::StrCat(Legend(series), "<p class=\"note\">● ", Bilingual("个人", "person"), " &nbsp; ■ ",
                      Bilingual("单位", "unit"), " · ",
                      Bilingual("连线越粗，责任程度越高", "thicker lines carry a higher degree"), "</p>\n");
}

}  // namespace

IncidentDigest DigestIncidents(const Snapshot& s, size_t keep, const ProgressCallback& progress,
                               double from, double to) {
  IncidentDigest digest;
  Accountant accountant(s);
  Accounting a;
  const uint32_t n = s.incident_count();
  for (IncidentIndex i = 0; i < n; ++i) {
    accountant.Account(i, &a);
    ++digest.total;
    ++digest.by_severity[static_cast<int>(s.incident_severity(i))];
    Count(a, &digest);
    Keep(s, a, keep, &digest.shown);
    if (progress && i % 1024 == 0) progress("accounting", from + (to - from) * i / n);
  }
  return digest;
}

std::string IncidentSection(const ReportData& d) {
  const IncidentDigest& g = d.incidents;
  std::string out = SectionOpen("incidents", "问责追溯", "Accountability reach");
  if (g.total == 0) {
    return absl::StrCat(out, "<p class=\"note\">", Bilingual("无问责事件。", "No incidents."), "</p>\n</section>\n");
  }
  absl::StrAppend(&out, "<p class=\"note\">",
                  Bilingual("模型中的全部事件，不论日期。", "Every incident of the model, whatever its date."), "</p>\n",
                  Cards(g), CategoryLegend(), "<h3>",
                  Bilingual("责任类别与问责方式", "Parties by category and form"), "</h3><div class=\"figure\">",
                  ReachMatrix(g.counts), "</div>\n<h3>", Bilingual("逐件问责范围", "Reach of each incident"), "</h3>");
  if (g.shown.size() < g.total) {
    const std::string total = FormatCount(g.total), shown = FormatCount(g.shown.size());
    absl::StrAppend(&out, "<p class=\"note\">",
                    Bilingual(absl::StrCat("共 ", total, " 件，列出最严重的 ", shown, " 件。"),
                              absl::StrCat("The ", shown, " most severe of ", total, " incidents.")),
                    "</p>\n");
  }
  // Past the first few, the pictures wait behind one click.
  for (size_t k = 0; k < g.shown.size(); ++k) {
    if (k == kOpenPictures && g.shown.size() > kOpenPictures + 2) {
      absl::StrAppend(&out, "<details class=\"block\"><summary>",
                      Bilingual(absl::StrCat("其余 ", g.shown.size() - k, " 件"),
                                absl::StrCat(g.shown.size() - k, " more incidents")),
                      "</summary>");
    }
    absl::StrAppend(&out, IncidentFigure(d.s, g.shown[k]));
  }
  if (g.shown.size() > kOpenPictures + 2) absl::StrAppend(&out, "</details>\n");
  return out + "</section>\n";
}

}  // namespace zeren::report
