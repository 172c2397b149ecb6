// Charts drawn as inline SVG: horizontal bars, stacked bars and grouped columns, with an
// HTML legend. Sizes are fixed pixels in a viewBox, so the page scales them down on narrow
// screens. All text is escaped here; callers pass plain text.
#ifndef ZEREN_TOOLS_REPORT_SVG_CHART_H_
#define ZEREN_TOOLS_REPORT_SVG_CHART_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace zeren::report {

// A coordinate: one decimal at most, no trailing ".0".
std::string Num(double value);
// Approximate width of `text` in pixels at `font_size`: CJK one em, the rest 0.6 em.
double TextWidth(absl::string_view text, double font_size);
// `text` cut to fit `max_width` pixels at `font_size`, ending in "…" when cut.
std::string Fit(absl::string_view text, double font_size, double max_width);

// The opening tag of an inline SVG of that size, with a title for screen readers and
// tooltips; close it with "</svg>".
std::string SvgOpen(double width, double height, absl::string_view title);

struct Series {
  std::string name;   // plain text
  std::string color;  // CSS colour
};

// The legend, as HTML: a swatch and the name of each series.
std::string Legend(const std::vector<Series>& series);

struct Bar {
  std::string label;
  double value = 0;
  std::string color;
};

// One bar per row, longest = full width, the value after each bar.
std::string BarChart(absl::string_view title, const std::vector<Bar>& bars);

struct StackedRow {
  std::string label;
  std::vector<double> values;  // one per series
};

// One row per StackedRow, its segments coloured by series; the row's total after it.
// With `share`, every row spans the full width (the segments are shares of the row);
// otherwise lengths are to one scale across rows.
std::string StackedBarChart(absl::string_view title, const std::vector<Series>& series,
                            const std::vector<StackedRow>& rows, bool share);

struct ColumnGroup {
  std::string label;
  std::vector<double> values;  // one per series
  std::string mark;            // when set, a red marker above the group with this text
  std::string note;            // when set, written above the group's columns (a count)
};

// Columns side by side per group, groups left to right, with a value axis. When
// `divider_after` is set, a dashed line after that group, captioned `divider_caption`.
std::string ColumnChart(absl::string_view title, const std::vector<Series>& series,
                        const std::vector<ColumnGroup>& groups,
                        std::optional<size_t> divider_after = std::nullopt,
                        absl::string_view divider_caption = "");

}  // namespace zeren::report

#endif  // ZEREN_TOOLS_REPORT_SVG_CHART_H_
