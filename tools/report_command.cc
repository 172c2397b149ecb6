// `zeren report MODEL [--as-of DATE] [--depth N] [--quiet] -o FILE`, and the report that
// `zeren demo` writes at its end.
#include <filesystem>
#include <optional>
#include <ostream>
#include <sstream>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "src/io/atomic_file.h"
#include "tools/commands.h"
#include "tools/model_input.h"
#include "tools/progress.h"
#include "tools/report/html.h"
#include "tools/report/report.h"
#include "zeren/model_json.h"

namespace zeren::cli {
namespace {

// Shares of the whole run, for the progress bar: parsing dominates on large documents.
constexpr double kLoaded = 0.35, kCompiled = 0.45, kRendered = 0.95;

struct ReportArgs {
  std::string model, output;
  std::optional<Date> as_of;
  uint32_t depth = 2;
  bool quiet = false;
};

std::optional<ReportArgs> ParseReportArgs(const std::vector<std::string>& args, std::ostream& err) {
  ReportArgs r;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--quiet") {
      r.quiet = true;
    } else if (arg == "-o" || arg == "--output" || arg == "--as-of" || arg == "--depth") {
      if (i + 1 == args.size()) {
        err << "zeren report: " << arg << " needs a value\n";
        return std::nullopt;
      }
      const std::string& value = args[++i];
      if (arg == "--as-of" && !(r.as_of = ParseDate(value))) {
        err << "zeren report: --as-of: malformed date \"" << value << "\" (expected YYYY-MM-DD)\n";
        return std::nullopt;
      }
      if (arg == "--depth" && (!absl::SimpleAtoi(value, &r.depth) || r.depth > 8)) {
        err << "zeren report: --depth: expected a number from 0 to 8, got \"" << value << "\"\n";
        return std::nullopt;
      }
      if (arg == "-o" || arg == "--output") r.output = value;
    } else if (arg.rfind("-", 0) == 0) {
      err << "zeren report: unknown option " << arg << "\n";
      return std::nullopt;
    } else if (r.model.empty()) {
      r.model = arg;
    } else {
      err << "zeren report: unexpected argument \"" << arg << "\"\n";
      return std::nullopt;
    }
  }
  if (r.model.empty() || r.output.empty()) {
    err << "zeren report: usage: zeren report MODEL [--as-of DATE] [--depth N] [--quiet] -o FILE\n";
    return std::nullopt;
  }
  return r;
}

std::optional<LoadedModel> LoadWithProblems(const std::string& path, std::ostream& err,
                                            Progress* progress) {
  std::ostringstream problems;
  std::optional<LoadedModel> loaded = LoadModelInput(path, problems);
  if (!loaded) {
    progress->Clear();
    err << problems.str();
  }
  return loaded;
}

// Renders and writes the report; the progress bar covers [kCompiled, 1].
int RenderAndWrite(const Snapshot& s, const report::ReportOptions& options, const std::string& path,
                   Progress* progress, std::ostream& out, std::ostream& err) {
  const std::string html = report::RenderReport(s, options, [&](absl::string_view stage, double done) {
    progress->Update(stage, kCompiled + (kRendered - kCompiled) * done);
  });
  progress->Update("writing", kRendered);
  if (absl::Status status = WriteFileAtomically(path, html); !status.ok()) {
    progress->Clear();
    err << "zeren report: " << status.message() << "\n";
    return kExitOutput;
  }
  progress->Finish();
  out << "report: " << path << " (" << report::FormatCount(static_cast<int64_t>(html.size())) << " bytes)\n";
  return kExitOk;
}

}  // namespace

int RunReport(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
              bool err_is_terminal) {
  std::optional<ReportArgs> r = ParseReportArgs(args, err);
  if (!r) return kExitUsage;
  Progress progress(err, err_is_terminal && !r->quiet);
  progress.Update("loading", 0);
  std::optional<LoadedModel> loaded = LoadWithProblems(r->model, err, &progress);
  if (!loaded) return kExitInvalidModel;
  progress.Update("compiling", kLoaded);
  std::ostringstream problems;
  std::optional<Snapshot> s = SnapshotOf(r->model, *loaded, problems);
  if (!s) {
    progress.Clear();
    err << problems.str();
    return kExitInvalidModel;
  }
  report::ReportOptions options;
  options.title = loaded->model.data().name.empty() ? r->model : loaded->model.data().name;
  options.as_of = r->as_of.value_or(Today());
  options.depth = r->depth;
  return RenderAndWrite(*s, options, r->output, &progress, out, err);
}

int WriteDemoReport(const Model& model, const Snapshot& s, Date day, const std::string& path,
                    std::ostream& out, std::ostream& err) {
  report::ReportOptions options;
  options.title = model.data().name;
  options.as_of = day;
  Progress quiet(err, false);
  std::ostringstream written;
  const int code = RenderAndWrite(s, options, path, &quiet, written, err);
  if (code == kExitOk) out << "\nReport 报告: " << std::filesystem::absolute(path).string() << "\n";
  return code;
}

}  // namespace zeren::cli
