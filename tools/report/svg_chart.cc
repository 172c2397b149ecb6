#include "tools/report/svg_chart.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "tools/report/html.h"

namespace zeren::report {
namespace {

constexpr double kFont = 12;
constexpr double kRow = 22;       // bar charts: one row
constexpr double kBarHeight = 14;
constexpr double kPlotWidth = 250;
constexpr double kValueWidth = 70;
constexpr double kMaxLabelWidth = 270;

// Bytes in the UTF-8 sequence that starts with `lead`.
size_t SequenceLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  return (lead >> 3) == 0x1E ? 4 : 1;
}

// Wide (CJK and full-width) characters start at U+2E80, all three or four bytes long.
bool IsWide(absl::string_view sequence) {
  if (sequence.size() == 4) return true;
  if (sequence.size() != 3) return false;
  const unsigned char a = sequence[0], b = sequence[1];
  return a > 0xE2 || (a == 0xE2 && b >= 0xBA);
}

double LabelColumn(const std::vector<std::string>& labels) {
  double widest = 0;
  for (const std::string& l : labels) widest = std::max(widest, TextWidth(l, kFont));
  return std::min(widest, kMaxLabelWidth) + 12;
}

std::string Text(double x, double y, absl::string_view anchor, absl::string_view text,
                 absl::string_view cls = "") {
  return absl::StrCat("<text x=\"", Num(x), "\" y=\"", Num(y), "\"",
                      anchor == "start" ? "" : absl::StrCat(" text-anchor=\"", anchor, "\""),
                      cls.empty() ? "" : absl::StrCat(" class=\"", cls, "\""), ">", Escape(text),
                      "</text>");
}

std::string Rect(double x, double y, double w, double h, absl::string_view fill) {
  return absl::StrCat("<rect x=\"", Num(x), "\" y=\"", Num(y), "\" width=\"", Num(w),
                      "\" height=\"", Num(h), "\" fill=\"", fill, "\"/>");
}

std::string Tooltip(absl::string_view text) {
  return absl::StrCat("<title>", Escape(text), "</title>");
}

std::string Amount(double v) { return v == std::floor(v) ? FormatCount(static_cast<int64_t>(v)) : Num(v); }

// A round axis maximum and tick step for values up to `max`.
std::pair<double, double> NiceAxis(double max) {
  if (max <= 0) return {1, 1};
  const double raw = max / 4;
  const double magnitude = std::pow(10, std::floor(std::log10(raw)));
  double step = magnitude;
  for (double m : {1.0, 2.0, 5.0, 10.0}) {
    step = m * magnitude;
    if (step >= raw) break;
  }
  step = std::max(step, 1.0);
  return {std::ceil(max / step) * step, step};
}

std::string StackedRowSvg(const std::vector<Series>& series, const StackedRow& row, double y,
                          double left, double scale, bool share) {
  const double total = std::accumulate(row.values.begin(), row.values.end(), 0.0);
  std::string out = Text(left - 8, y + 15, "end", Fit(row.label, kFont, kMaxLabelWidth));
  double x = left;
  for (size_t k = 0; k < row.values.size() && k < series.size(); ++k) {
    const double w = row.values[k] * scale;
    if (w <= 0) continue;
    const std::string count = Amount(row.values[k]);
    absl::StrAppend(&out, "<g>", Tooltip(absl::StrCat(row.label, " · ", series[k].name, ": ", count)),
                    Rect(x, y + 4, w, kBarHeight, series[k].color));
    if (w >= TextWidth(count, 11) + 6) absl::StrAppend(&out, Text(x + w / 2, y + 15, "middle", count, "in"));
    absl::StrAppend(&out, "</g>");
    x += w;
  }
  return out + Text(x + 6, y + 15, "start", share ? absl::StrCat("n=", Amount(total)) : Amount(total), "v");
}

// Column chart geometry.
constexpr double kColumn = 16, kColumnGap = 2, kGroupGap = 20;
constexpr double kPlotTop = 48, kPlotHeight = 160, kAxisLeft = 48, kLabelBand = 34;

double GroupWidth(size_t series) { return series * (kColumn + kColumnGap) - kColumnGap + kGroupGap; }

std::string ValueAxis(double width, double axis_max, double step) {
  std::string out;
  for (double v = 0; v <= axis_max + step / 2; v += step) {
    const double y = kPlotTop + kPlotHeight - v / axis_max * kPlotHeight;
    absl::StrAppend(&out, "<line class=\"grid\" x1=\"", Num(kAxisLeft), "\" y1=\"", Num(y),
                    "\" x2=\"", Num(width - 8), "\" y2=\"", Num(y), "\"/>",
                    Text(kAxisLeft - 6, y + 4, "end", Amount(v), "v"));
  }
  return out;
}

std::string ColumnGroupSvg(const std::vector<Series>& series, const ColumnGroup& group,
                           double x0, double axis_max) {
  std::string out;
  double top = kPlotTop + kPlotHeight;
  for (size_t k = 0; k < group.values.size() && k < series.size(); ++k) {
    const double h = group.values[k] / axis_max * kPlotHeight;
    const double x = x0 + kGroupGap / 2 + k * (kColumn + kColumnGap);
    if (h <= 0) continue;
    top = std::min(top, kPlotTop + kPlotHeight - h);
    absl::StrAppend(&out, "<g>", Tooltip(absl::StrCat(group.label, " · ", series[k].name, ": ",
                                                      Amount(group.values[k]))),
                    Rect(x, kPlotTop + kPlotHeight - h, kColumn, h, series[k].color), "</g>");
  }
  const double width = GroupWidth(series.size());
  const double center = x0 + width / 2;
  absl::StrAppend(&out, Text(center, kPlotTop + kPlotHeight + 16, "middle",
                             Fit(group.label, kFont, width - 2)));
  if (!group.note.empty()) {
    absl::StrAppend(&out, Text(center, top - 4, "middle", group.note, "v"));
    top -= 14;
  }
  if (!group.mark.empty()) {
    absl::StrAppend(&out, "<g class=\"mark\">", Tooltip(group.mark), "<path d=\"M", Num(center - 6),
                    " ", Num(top - 12), "h12l-6 9z\"/>",
                    Text(center, top - 16, "middle", group.mark, "mark"), "</g>");
  }
  return out;
}

std::string Divider(double x, absl::string_view caption) {
  return absl::StrCat("<line class=\"divider\" x1=\"", Num(x), "\" y1=\"16\" x2=\"", Num(x), "\" y2=\"", Num(kPlotTop + kPlotHeight), "\"/>",
                      Text(x + 4, 12, "start", caption, "divider"));
}

}  // namespace

std::string Num(double value) {
  std::string s = absl::StrFormat("%.1f", value);
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  return s == "-0" ? "0" : s;
}

double TextWidth(absl::string_view text, double font_size) {
  double em = 0;
  for (size_t i = 0; i < text.size();) {
    const size_t n = std::min(SequenceLength(text[i]), text.size() - i);
    em += IsWide(text.substr(i, n)) ? 1.0 : 0.6;
    i += n;
  }
  return em * font_size;
}

std::string Fit(absl::string_view text, double font_size, double max_width) {
  if (TextWidth(text, font_size) <= max_width) return std::string(text);
  const double budget = max_width - font_size;  // room for the ellipsis
  double used = 0;
  size_t end = 0;
  while (end < text.size()) {
    const size_t n = std::min(SequenceLength(text[end]), text.size() - end);
    const double w = TextWidth(text.substr(end, n), font_size);
    if (used + w > budget) break;
    used += w;
    end += n;
  }
  return absl::StrCat(text.substr(0, end), "…");
}

std::string SvgOpen(double width, double height, absl::string_view title) {
  return absl::StrCat("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ",
                      Num(width), " ", Num(height), "\" width=\"", Num(width), "\" height=\"",
                      Num(height), "\" role=\"img\" aria-label=\"", Escape(title), "\">",
                      Tooltip(title));
}

std::string Legend(const std::vector<Series>& series) {
  std::string out = "<div class=\"legend\">";
  for (const Series& s : series) {
    absl::StrAppend(&out, "<span><i style=\"background:", s.color, "\"></i>", Escape(s.name),
                    "</span>");
  }
  return out + "</div>\n";
}

std::string BarChart(absl::string_view title, const std::vector<Bar>& bars) {
  std::vector<std::string> labels;
  double max = 0;
  for (const Bar& b : bars) {
    labels.push_back(b.label);
    max = std::max(max, b.value);
  }
  const double left = LabelColumn(labels);
  const double height = bars.size() * kRow + 8;
  std::string out = SvgOpen(left + kPlotWidth + kValueWidth, height, title);
  for (size_t i = 0; i < bars.size(); ++i) {
    const Bar& b = bars[i];
    const double y = 4 + i * kRow;
    const double w = max > 0 ? std::max(b.value / max * kPlotWidth, b.value > 0 ? 1.0 : 0.0) : 0;
    absl::StrAppend(&out, "<g>", Tooltip(absl::StrCat(b.label, ": ", Amount(b.value))),
                    Text(left - 8, y + 15, "end", Fit(b.label, kFont, kMaxLabelWidth)),
                    Rect(left, y + 4, w, kBarHeight, b.color),
                    Text(left + w + 6, y + 15, "start", Amount(b.value), "v"), "</g>");
  }
  return out + "</svg>\n";
}

std::string StackedBarChart(absl::string_view title, const std::vector<Series>& series,
                            const std::vector<StackedRow>& rows, bool share) {
  std::vector<std::string> labels;
  double max = 0;
  for (const StackedRow& r : rows) {
    labels.push_back(r.label);
    max = std::max(max, std::accumulate(r.values.begin(), r.values.end(), 0.0));
  }
  const double left = LabelColumn(labels);
  std::string out = SvgOpen(left + kPlotWidth + kValueWidth, rows.size() * kRow + 8, title);
  for (size_t i = 0; i < rows.size(); ++i) {
    const double total = std::accumulate(rows[i].values.begin(), rows[i].values.end(), 0.0);
    const double base = share ? total : max;
    const double scale = base > 0 ? kPlotWidth / base : 0;
    absl::StrAppend(&out, StackedRowSvg(series, rows[i], 4 + i * kRow, left, scale, share));
  }
  return out + "</svg>\n";
}

std::string ColumnChart(absl::string_view title, const std::vector<Series>& series,
                        const std::vector<ColumnGroup>& groups, std::optional<size_t> divider_after,
                        absl::string_view divider_caption) {
  double max = 0;
  for (const ColumnGroup& g : groups) {
    for (double v : g.values) max = std::max(max, v);
  }
  const auto [axis_max, step] = NiceAxis(max);
  const double group_width = GroupWidth(series.size());
  const double width = std::max(kAxisLeft + groups.size() * group_width + 16,
                                divider_after ? kAxisLeft + (*divider_after + 1) * group_width +
                                                    TextWidth(divider_caption, kFont) + 16
                                              : 0.0);
  std::string out = SvgOpen(width, kPlotTop + kPlotHeight + kLabelBand, title) +
                    ValueAxis(width, axis_max, step);
  for (size_t i = 0; i < groups.size(); ++i) {
    absl::StrAppend(&out, ColumnGroupSvg(series, groups[i], kAxisLeft + i * group_width, axis_max));
  }
  if (divider_after && *divider_after < groups.size()) {
    absl::StrAppend(&out, Divider(kAxisLeft + (*divider_after + 1) * group_width, divider_caption));
  }
  return out + "</svg>\n";
}

}  // namespace zeren::report
