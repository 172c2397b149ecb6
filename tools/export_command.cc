// zeren export: the hierarchy as GraphML or DOT, and pictures of a chain or an incident.
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "src/io/atomic_file.h"
#include "tools/commands.h"
#include "tools/model_input.h"
#include "zeren/accountability.h"
#include "zeren/assessment.h"
#include "zeren/chain.h"
#include "zeren/graph_export.h"
#include "zeren/model_json.h"
#include "zeren/picture.h"
#include "zeren/snapshot.h"

namespace zeren::cli {
namespace {

constexpr char kExportUsage[] =
    "usage: zeren export MODEL --format graphml|dot|svg|png [--as-of DATE]\n"
    "                    [--unit ID | --incident ID] [--grades] -o FILE\n";

// Pictures of the whole hierarchy stop here: Graphviz takes minutes over larger graphs,
// and nobody reads the result.
constexpr uint32_t kMaxPictureUnits = 1000;

struct ExportOptions {
  std::string model;
  std::string format;
  std::optional<Date> as_of;
  std::string unit;
  std::string incident;
  bool grades = false;
  std::string output;
};

int Usage(std::ostream& err, absl::string_view message) {
  err << "zeren export: " << message << "\n" << kExportUsage;
  return kExitUsage;
}

// What is missing from the options or does not go together, or nullptr.
const char* Conflict(const ExportOptions& o) {
  const bool one = !o.unit.empty() || !o.incident.empty();
  if (o.model.empty()) return "missing MODEL (a JSON model document)";
  if (o.format.empty()) return "--format is required (graphml, dot, svg or png)";
  if (o.output.empty()) return "-o FILE is required (- for standard output)";
  if (!o.unit.empty() && !o.incident.empty()) return "give --unit ID or --incident ID, not both";
  if (one && o.format == "graphml") {
    return "--unit and --incident draw pictures: use --format dot, svg or png";
  }
  if (o.as_of && !o.incident.empty()) {
    return "--as-of does not apply to --incident (the incident's own date is used)";
  }
  if (o.grades && one) return "--grades applies to the whole hierarchy only";
  return nullptr;
}

// Parses the command line; on a problem, reports it and sets `*code`.
std::optional<ExportOptions> Parse(const std::vector<std::string>& args, std::ostream& err,
                                   int* code) {
  ExportOptions o;
  *code = kExitUsage;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--grades") {
      o.grades = true;
      continue;
    }
    std::string* value = arg == "--format"     ? &o.format
                         : arg == "--unit"     ? &o.unit
                         : arg == "--incident" ? &o.incident
                         : arg == "-o" || arg == "--output" ? &o.output
                                                            : nullptr;
    if (value != nullptr || arg == "--as-of") {
      if (i + 1 == args.size()) {
        Usage(err, absl::StrCat(arg, " needs a value"));
        return std::nullopt;
      }
      const std::string& text = args[++i];
      if (value != nullptr) {
        *value = text;
        continue;
      }
      o.as_of = ParseDate(text);
      if (!o.as_of) {
        Usage(err, absl::StrCat("--as-of: malformed date \"", text, "\" (expected YYYY-MM-DD)"));
        return std::nullopt;
      }
      continue;
    }
    if (arg.size() > 1 && arg[0] == '-') {
      Usage(err, absl::StrCat("unknown option ", arg));
      return std::nullopt;
    }
    if (!o.model.empty()) {
      Usage(err, absl::StrCat("unexpected argument \"", arg, "\""));
      return std::nullopt;
    }
    o.model = arg;
  }
  const char* problem = Conflict(o);
  if (problem != nullptr) {
    Usage(err, problem);
    return std::nullopt;
  }
  if (!ParseGraphFormat(o.format) && !ParsePictureFormat(o.format)) {
    Usage(err, absl::StrCat("unknown format \"", o.format,
                            "\" (expected graphml, dot, svg or png)"));
    return std::nullopt;
  }
  *code = kExitOk;
  return o;
}

// The one place this command reads MODEL, so that every input form can be routed through
// one loader. Reports problems as the other commands do.
std::optional<Snapshot> LoadForExport(const std::string& path, std::ostream& err, int* code) {
  *code = kExitInvalidModel;
  std::optional<LoadedModel> loaded = LoadModelInput(path, err);
  if (!loaded) return std::nullopt;
  std::optional<Snapshot> snapshot = SnapshotOf(path, *loaded, err);
  if (snapshot) *code = kExitOk;
  return snapshot;
}

// The whole hierarchy in `format`, with grades when asked; on a problem, reports it and
// sets `*code`.
std::optional<std::string> Hierarchy(const Snapshot& s, const ExportOptions& o,
                                     GraphFormat format, Date day, std::ostream& err,
                                     int* code) {
  *code = kExitQuery;
  std::optional<Assessment> assessment;
  if (o.grades) {
    absl::StatusOr<Assessment> assessed = Assess(s);
    if (!assessed.ok()) {
      err << "zeren export: " << assessed.status().message() << "\n";
      return std::nullopt;
    }
    assessment = *std::move(assessed);
  }
  GraphExportOptions options;
  options.as_of = day;
  options.format = format;
  options.assessment = assessment ? &*assessment : nullptr;
  absl::StatusOr<std::string> text = ExportGraph(s, options);
  if (!text.ok()) {
    err << "zeren export: " << text.status().message() << "\n";
    return std::nullopt;
  }
  *code = kExitOk;
  return *std::move(text);
}

// The DOT text of a picture: a chain, an incident, or the whole hierarchy when small enough
// to draw. On a problem, reports it and sets `*code`.
std::optional<std::string> PictureDot(const Snapshot& s, const ExportOptions& o, Date day,
                                      std::ostream& err, int* code) {
  *code = kExitQuery;
  if (!o.unit.empty()) {
    const std::optional<UnitIndex> unit = s.FindUnit(o.unit);
    if (!unit) {
      err << "zeren export: unknown unit \"" << o.unit << "\"\n";
      return std::nullopt;
    }
    absl::StatusOr<Chain> chain = ChainOf(s, *unit, day);
    if (!chain.ok()) {
      err << "zeren export: " << chain.status().message() << "\n";
      return std::nullopt;
    }
    *code = kExitOk;
    return ChainToDot(s, *chain);
  }
  if (!o.incident.empty()) {
    const std::optional<IncidentIndex> incident = s.FindIncident(o.incident);
    if (!incident) {
      err << "zeren export: unknown incident \"" << o.incident << "\"\n";
      return std::nullopt;
    }
    Accountant accountant(s);
    Accounting accounting;
    accountant.Account(*incident, &accounting);
    *code = kExitOk;
    return AccountingToDot(s, accounting);
  }
  if (o.format != "dot") {
    uint32_t units = 0;
    for (UnitIndex u = 0; u < s.unit_count(); ++u) units += s.unit_exists(u).Contains(day);
    if (units > kMaxPictureUnits) {
      *code = kExitUsage;
      err << "zeren export: " << units << " units exist on " << FormatDate(day)
          << "; a picture of the whole hierarchy stops at " << kMaxPictureUnits
          << " units: give --unit or --incident, or use --format dot\n";
      return std::nullopt;
    }
  }
  return Hierarchy(s, o, GraphFormat::kDot, day, err, code);
}

// Writes `contents` to `path` atomically, or to `out` for "-".
int Write(const std::string& contents, const std::string& path, std::ostream& out,
          std::ostream& err) {
  if (path == "-") {
    out << contents;
    out.flush();
    return kExitOk;
  }
  const absl::Status written = WriteFileAtomically(path, contents);
  if (!written.ok()) {
    err << "zeren export: " << written.message() << "\n";
    return kExitOutput;
  }
  return kExitOk;
}

}  // namespace

int RunExport(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  int code = kExitOk;
  const std::optional<ExportOptions> o = Parse(args, err, &code);
  if (!o) return code;
  const std::optional<Snapshot> s = LoadForExport(o->model, err, &code);
  if (!s) return code;
  const Date day = o->as_of.value_or(Today());
  const std::optional<std::string> text =
      o->format == "graphml" ? Hierarchy(*s, *o, GraphFormat::kGraphMl, day, err, &code)
                             : PictureDot(*s, *o, day, err, &code);
  if (!text) return code;
  const std::optional<PictureFormat> picture = ParsePictureFormat(o->format);
  if (!picture) return Write(*text, o->output, out, err);
  absl::StatusOr<std::string> rendered = RenderDot(*text, *picture);
  if (!rendered.ok()) {
    err << "zeren export: " << rendered.status().message() << "\n";
    return kExitOutput;
  }
  return Write(*rendered, o->output, out, err);
}

}  // namespace zeren::cli
