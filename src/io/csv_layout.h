// The files and columns of a model's CSV folder (docs/csv.md), shared by the importer and
// the exporter so that both agree. The importer addresses a file's columns by their
// position in its list below.
#ifndef ZEREN_SRC_IO_CSV_LAYOUT_H_
#define ZEREN_SRC_IO_CSV_LAYOUT_H_

#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace zeren::csv_layout {

struct Column {
  absl::string_view name;
  bool required;  // must be in the header
};

using Columns = absl::Span<const Column>;

// A file: its collection name (the file is name + ".csv"), its columns, and the prefix of
// the columns holding the extension keys of its nested object ("holder." for a duty's
// holder: column "holder.x_code" is key "x_code" of the holder), or "" when it has none.
// Records have extension columns ("x_…") in every file but model.csv, which has them as
// keys.
struct File {
  absl::string_view name;
  Columns columns;
  absl::string_view nested;
  bool extensible = true;
};

inline constexpr Column kModel[] = {{"key", true}, {"value", true}};
inline constexpr Column kUnits[] = {{"id", true},       {"name", true}, {"kind", true},
                                    {"members", false}, {"from", false}, {"to", false}};
inline constexpr Column kParents[] = {{"unit", true}, {"parent", true}, {"weight", false}};
inline constexpr Column kPeople[] = {{"id", true}, {"name", true}};
inline constexpr Column kPosts[] = {{"person", true}, {"unit", true}, {"role", true},
                                    {"from", true},   {"to", false},  {"in_charge_of", false}};
inline constexpr Column kLinks[] = {{"kind", true},       {"from", true},    {"to", true},
                                    {"from_date", false}, {"to_date", false}};
inline constexpr Column kDuties[] = {{"id", true},       {"holder.unit", true},
                                     {"holder.role", false}, {"category", true},
                                     {"dimension", false},   {"text", false}};
inline constexpr Column kDirectives[] = {{"id", true},   {"title", false}, {"issued_by", true},
                                         {"date", true}, {"reach", false}};
inline constexpr Column kTasks[] = {{"id", true},  {"directive", true}, {"parent", false},
                                    {"unit", true}, {"due", true},      {"status", true},
                                    {"completed", false}};
inline constexpr Column kReviews[] = {{"directive", true}, {"date", true}, {"task", false},
                                      {"result", true},    {"note", false}};
inline constexpr Column kIncidents[] = {
    {"id", true},         {"unit", true},  {"date", true},  {"since", false},
    {"severity", true},   {"case", false}, {"dimension", false}, {"duty", false},
    {"task", false},      {"direct", false}, {"participants", false}};
inline constexpr Column kCircumstances[] = {{"incident", true}, {"kind", true}, {"person", false}};
inline constexpr Column kPoints[] = {{"unit", true}, {"indicator", true}, {"value", true}};
inline constexpr Column kBonuses[] = {{"unit", true}, {"points", true}, {"reason", false}};
inline constexpr Column kBallots[] = {{"subject.unit", true}, {"subject.role", false},
                                      {"good", false},        {"fairly_good", false},
                                      {"average", false},     {"poor", false}};
inline constexpr Column kReviewScores[] = {{"unit", true}, {"score", true}};
inline constexpr Column kAppraisals[] = {{"person", true}, {"score", true}};

// Every file, in the order they are read and written.
inline constexpr File kFiles[] = {
    {"model", kModel, "", false},
    {"units", kUnits, ""},
    {"parents", kParents, ""},
    {"people", kPeople, ""},
    {"posts", kPosts, ""},
    {"links", kLinks, ""},
    {"duties", kDuties, "holder."},
    {"directives", kDirectives, ""},
    {"tasks", kTasks, ""},
    {"reviews", kReviews, ""},
    {"incidents", kIncidents, ""},
    {"circumstances", kCircumstances, ""},
    {"points", kPoints, ""},
    {"bonuses", kBonuses, ""},
    {"ballots", kBallots, "subject."},
    {"review_scores", kReviewScores, ""},
    {"appraisals", kAppraisals, ""},
};

}  // namespace zeren::csv_layout

#endif  // ZEREN_SRC_IO_CSV_LAYOUT_H_
