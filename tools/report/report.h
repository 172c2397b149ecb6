// `zeren report`: one self-contained HTML page on the state of the responsibility system
// as of a date — the organization at a glance, assessment ranking, accountability reach,
// directive transmission, audit findings and the hierarchy — with inline CSS and SVG and
// no network. Large organizations get aggregates (by kind, level, peer group, category)
// and only their worst and best units spelled out, so the page stays small at any size.
#ifndef ZEREN_TOOLS_REPORT_REPORT_H_
#define ZEREN_TOOLS_REPORT_REPORT_H_

#include <cstdint>
#include <functional>
#include <string>

#include "absl/strings/string_view.h"
#include "zeren/date.h"
#include "zeren/snapshot.h"

namespace zeren::report {

struct ReportOptions {
  std::string title;  // the organization's name, plain text
  Date as_of = 0;
  // Hierarchy picture: levels drawn as boxes below the roots; deeper ones are folded.
  uint32_t depth = 2;
  // Organizations with more units than this get aggregates and the `extremes` lowest and
  // highest totals instead of every unit's ranking and explanation.
  uint32_t list_limit = 1000;
  uint32_t extremes = 10;
  // Incidents drawn one by one (the most severe); all of them are counted in the matrix.
  uint32_t incident_pictures = 12;
  // Rows listed per kind of finding, vacancies and break points before "… and N more".
  uint32_t row_limit = 50;
};

// Told the stage being worked on and the share of the report done, from 0 to 1.
using ProgressCallback = std::function<void(absl::string_view stage, double done)>;

// Every section's id, in page order: the anchors of the page's table of contents.
inline constexpr absl::string_view kSectionIds[] = {"overview", "assessment", "incidents",
                                                    "ledger",   "audit",      "hierarchy"};

std::string RenderReport(const Snapshot& snapshot, const ReportOptions& options,
                         const ProgressCallback& progress = {});

}  // namespace zeren::report

#endif  // ZEREN_TOOLS_REPORT_REPORT_H_
