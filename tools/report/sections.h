// The report's sections, each rendered from results computed once (report.cc). Internal to
// tools/report.
#ifndef ZEREN_TOOLS_REPORT_SECTIONS_H_
#define ZEREN_TOOLS_REPORT_SECTIONS_H_

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "tools/report/reach_picture.h"
#include "tools/report/report.h"
#include "zeren/accountability.h"
#include "zeren/assessment.h"
#include "zeren/audit.h"
#include "zeren/ledger.h"
#include "zeren/snapshot.h"

namespace zeren::report {

// Every incident counted, the most severe kept whole.
struct IncidentDigest {
  uint64_t total = 0;
  std::array<uint64_t, 3> by_severity{};  // by Severity
  ReachCounts counts{};
  uint64_t people = 0, units = 0;  // parties reached, over all incidents
  std::vector<Accounting> shown;   // by severity (gravest first), then parties, then index
};

struct ReportData {
  const Snapshot& s;
  const ReportOptions& options;
  std::vector<bool> exists;  // by UnitIndex: the unit exists on options.as_of
  AuditReport audit;
  LedgerReport ledger;
  absl::StatusOr<Assessment> assessment;
  IncidentDigest incidents;

  bool large() const { return s.unit_count() > options.list_limit; }
};

IncidentDigest DigestIncidents(const Snapshot& s, size_t keep, const ProgressCallback& progress,
                               double from, double to);

// "<section id=...>" with its bilingual heading; close with "</section>".
std::string SectionOpen(absl::string_view id, absl::string_view zh, absl::string_view en);
// "… 另有 N 项 and N more" as a paragraph, or "" when nothing was left out.
std::string MoreNote(uint64_t hidden);

std::string OverviewSection(const ReportData& d);
std::string AssessmentSection(const ReportData& d);
std::string IncidentSection(const ReportData& d);
std::string LedgerSection(const ReportData& d);
std::string AuditSection(const ReportData& d);
std::string HierarchySection(const ReportData& d);

}  // namespace zeren::report

#endif  // ZEREN_TOOLS_REPORT_SECTIONS_H_
