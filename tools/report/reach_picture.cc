#include "tools/report/reach_picture.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "tools/report/html.h"
#include "tools/report/labels.h"
#include "tools/report/svg_chart.h"

namespace zeren::report {
namespace {

constexpr double kWidth = 900;
constexpr double kRowHeight = 28;
constexpr double kIncidentWidth = 210;
constexpr double kPartyX = 330;
constexpr double kPartyWidth = 310;
constexpr double kFormX = kPartyX + kPartyWidth + 12;

std::string IncidentBox(const ReachIncident& incident, double center) {
  const double top = center - 34;
  return absl::StrCat(
      "<g class=\"incident\"><rect x=\"8\" y=\"", Num(top), "\" width=\"", Num(kIncidentWidth),
      "\" height=\"68\" rx=\"6\" fill=\"#fff\" stroke=\"", IncidentSeverityColor(incident.severity),
      "\" stroke-width=\"2\"/>",
      "<rect x=\"8\" y=\"", Num(top), "\" width=\"6\" height=\"68\" rx=\"3\" fill=\"",
      IncidentSeverityColor(incident.severity), "\"/>",
      "<text x=\"22\" y=\"", Num(top + 20), "\" class=\"b\">", Escape(Fit(incident.id, 12, 180)), "</text>",
      "<text x=\"22\" y=\"", Num(top + 38), "\">", Escape(Fit(incident.place, 12, 184)), "</text>",
      "<text x=\"22\" y=\"", Num(top + 56), "\" class=\"v\">",
      Escape(absl::StrCat(incident.date, " · ", TermOf(incident.severity).Plain())), "</text></g>");
}

// The party's marker: a circle for a person, a square for a unit.
std::string Marker(bool is_unit, double x, double y) {
  if (is_unit) return absl::StrCat("<rect x=\"", Num(x - 4), "\" y=\"", Num(y - 4), "\" width=\"8\" height=\"8\" fill=\"#34495e\"/>");
  return absl::StrCat("<circle cx=\"", Num(x), "\" cy=\"", Num(y), "\" r=\"4\" fill=\"#34495e\"/>");
}

std::string PartyRow(const ReachParty& p, double y, double from_y) {
  const absl::string_view color = CategoryColor(p.category);
  const double mid = y + kRowHeight / 2 - 2;
  const Term category = TermOf(p.category), form = TermOf(p.form);
  return absl::StrCat(
      "<g>", "<title>", Escape(absl::StrCat(p.name, " — ", category.Plain(), ", ", form.Plain(), ", ",
                                           absl::StrFormat("degree %.2f", p.degree))), "</title>",
      "<path d=\"M", Num(8 + kIncidentWidth), " ", Num(from_y), " C", Num(kPartyX - 60), " ",
      Num(from_y), " ", Num(kPartyX - 60), " ", Num(mid), " ", Num(kPartyX), " ", Num(mid),
      "\" fill=\"none\" stroke=\"", color, "\" stroke-opacity=\"0.75\" stroke-width=\"",
      Num(1 + 3 * std::clamp(p.degree, 0.0, 1.0)), "\"/>",
      "<rect x=\"", Num(kPartyX), "\" y=\"", Num(y), "\" width=\"", Num(kPartyWidth), "\" height=\"",
      Num(kRowHeight - 4), "\" rx=\"4\" fill=\"", color, "\" fill-opacity=\"0.12\" stroke=\"", color, "\"/>",
      Marker(p.is_unit, kPartyX + 12, mid),
      "<text x=\"", Num(kPartyX + 22), "\" y=\"", Num(mid + 4), "\">", Escape(Fit(p.name, 12, 190)), "</text>",
      "<text x=\"", Num(kPartyX + kPartyWidth - 8), "\" y=\"", Num(mid + 4),
      "\" text-anchor=\"end\" fill=\"", color, "\" class=\"b\">", Escape(category.zh), "</text>",
      "<text x=\"", Num(kFormX), "\" y=\"", Num(mid + 4), "\" class=\"b\">", Escape(form.zh),
      "<tspan class=\"v\" dx=\"4\">", Escape(form.en), "</tspan></text></g>");
}

std::string MoreRow(size_t hidden, double y) {
  return absl::StrCat("<text x=\"", Num(kPartyX + 8), "\" y=\"", Num(y + 16), "\" class=\"v\">",
                      Escape(absl::StrCat("另有 ", hidden, " 方 and ", hidden, " more parties")), "</text>");
}

constexpr double kCell = 110, kCellPitch = 114, kMatrixLeft = 230, kMatrixTop = 58;

std::string MatrixCell(uint64_t count, uint64_t max, absl::string_view color, double x, double y) {
  const double opacity = count == 0 ? 0 : 0.15 + 0.85 * std::log1p(count) / std::log1p(max);
  std::string out = absl::StrCat("<rect x=\"", Num(x), "\" y=\"", Num(y), "\" width=\"", Num(kCell),
                                 "\" height=\"24\" rx=\"3\" fill=\"", count == 0 ? "#f4f6f7" : color,
                                 "\" fill-opacity=\"", count == 0 ? "1" : absl::StrFormat("%.2f", opacity), "\"/>");
  if (count > 0) {
    absl::StrAppend(&out, "<text x=\"", Num(x + kCell / 2), "\" y=\"", Num(y + 16),
                    "\" text-anchor=\"middle\" class=\"", opacity > 0.55 ? "in" : "b", "\">",
                    FormatCount(static_cast<int64_t>(count)), "</text>");
  }
  return out;
}

// A form's name over its column: Chinese, then the English on one or two lines.
std::string ColumnHead(Form form, double center) {
  const Term term = TermOf(form);
  std::string en1 = term.en, en2;
  const size_t space = term.en.find(' ');
  if (TextWidth(term.en, 11) > kCell - 8 && space != std::string::npos) {
    en1 = term.en.substr(0, space);
    en2 = term.en.substr(space + 1);
  }
  std::string out = absl::StrCat("<text x=\"", Num(center), "\" y=\"14\" text-anchor=\"middle\" class=\"b\">",
                                 Escape(term.zh), "</text>");
  for (const auto& [line, y] : {std::pair{en1, 29}, {en2, 42}}) {
    if (line.empty()) continue;
    absl::StrAppend(&out, "<text x=\"", Num(center), "\" y=\"", y, "\" text-anchor=\"middle\" class=\"v\">",
                    Escape(Fit(line, 11, kCell)), "</text>");
  }
  return out;
}

std::string RowHead(Category category, double y) {
  const Term term = TermOf(category);
  return absl::StrCat("<text x=\"", Num(kMatrixLeft - 8), "\" y=\"", Num(y + 16), "\" text-anchor=\"end\">",
                      Escape(term.zh), "<tspan class=\"v\" dx=\"4\">", Escape(term.en), "</tspan></text>");
}

}  // namespace

std::string ReachPicture(const ReachIncident& incident, size_t max_parties) {
  const size_t shown = std::min(incident.parties.size(), max_parties);
  const size_t rows = shown + (shown < incident.parties.size() ? 1 : 0);
  const double height = std::max(rows * kRowHeight + 12, 84.0);
  const double center = height / 2;
  std::string out = SvgOpen(kWidth, height, absl::StrCat("问责范围 Accountability reach: ", incident.id));
  for (size_t i = 0; i < shown; ++i) {
    absl::StrAppend(&out, PartyRow(incident.parties[i], 8 + i * kRowHeight, center));
  }
  if (shown < incident.parties.size()) {
    absl::StrAppend(&out, MoreRow(incident.parties.size() - shown, 8 + shown * kRowHeight));
  }
  return absl::StrCat(out, IncidentBox(incident, center), "</svg>\n");
}

std::string ReachMatrix(const ReachCounts& counts) {
  std::vector<int> rows, columns;
  uint64_t max = 0;
  for (int c = 0; c < kCategoryCount; ++c) {
    for (int f = 0; f < kFormCount; ++f) max = std::max(max, counts[c][f]);
  }
  for (int c = 0; c < kCategoryCount; ++c) {
    if (std::any_of(counts[c].begin(), counts[c].end(), [](uint64_t n) { return n > 0; })) rows.push_back(c);
  }
  for (int f = 0; f < kFormCount; ++f) {
    if (std::any_of(counts.begin(), counts.end(), [&](const auto& row) { return row[f] > 0; })) columns.push_back(f);
  }
  std::string out = SvgOpen(kMatrixLeft + columns.size() * kCellPitch + 4, kMatrixTop + rows.size() * 28 + 4,
                            "问责方式矩阵 Parties by category and form");
  for (size_t j = 0; j < columns.size(); ++j) {
    absl::StrAppend(&out, ColumnHead(static_cast<Form>(columns[j]), kMatrixLeft + j * kCellPitch + kCell / 2));
  }
  for (size_t i = 0; i < rows.size(); ++i) {
    const double y = kMatrixTop + i * 28;
    absl::StrAppend(&out, RowHead(static_cast<Category>(rows[i]), y));
    for (size_t j = 0; j < columns.size(); ++j) {
      absl::StrAppend(&out, MatrixCell(counts[rows[i]][columns[j]], max, CategoryColor(static_cast<Category>(rows[i])),
                                       kMatrixLeft + j * kCellPitch, y));
    }
  }
  return out + "</svg>\n";
}

}  // namespace zeren::report
