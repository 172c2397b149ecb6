// zeren generate: a synthetic organization, written as JSON, a CSV folder or a .zrn archive.
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_format.h"
#include "tools/commands.h"
#include "tools/model_input.h"
#include "tools/progress.h"
#include "zeren/generate.h"
#include "zeren/model_json.h"

namespace zeren::cli {
namespace {

// The share of the progress bar that generating takes; writing the file takes the rest.
constexpr double kGenerated = 0.6;

constexpr char kGenerateUsage[] =
    "usage: zeren generate --units N [--members M] [--seed S] [--depth D] [--year Y]\n"
    "                      [--no-member-people | --member-people] [--quiet] -o FILE\n";

struct GenerateArgs {
  GenerateOptions options;
  std::string output;
  bool has_units = false;
  bool quiet = false;  // no progress bar even on a terminal
};

// Reads an integer flag value into `*out`; reports a malformed one.
template <typename Int>
bool ReadInt(const std::string& flag, const std::string& value, Int* out, std::ostream& err) {
  if (!absl::SimpleAtoi(value, out)) {
    err << "zeren generate: " << flag << ": malformed number \"" << value << "\"\n";
    return false;
  }
  return true;
}

std::optional<GenerateArgs> ParseGenerateArgs(const std::vector<std::string>& args,
                                              std::ostream& err) {
  GenerateArgs parsed;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--no-member-people" || arg == "--member-people") {
      parsed.options.member_people = arg == "--member-people";
      continue;
    }
    if (arg == "--quiet") {
      parsed.quiet = true;
      continue;
    }
    const bool known = arg == "--units" || arg == "--members" || arg == "--seed" ||
                       arg == "--depth" || arg == "--year" || arg == "-o";
    if (!known) {
      err << "zeren generate: unknown argument \"" << arg << "\"\n" << kGenerateUsage;
      return std::nullopt;
    }
    if (i + 1 == args.size()) {
      err << "zeren generate: " << arg << " needs a value\n";
      return std::nullopt;
    }
    const std::string& value = args[++i];
    bool ok = true;
    if (arg == "--units") ok = ReadInt(arg, value, &parsed.options.units, err);
    if (arg == "--members") ok = ReadInt(arg, value, &parsed.options.members, err);
    if (arg == "--seed") ok = ReadInt(arg, value, &parsed.options.seed, err);
    if (arg == "--depth") ok = ReadInt(arg, value, &parsed.options.depth, err);
    if (arg == "--year") ok = ReadInt(arg, value, &parsed.options.year, err);
    if (arg == "-o") parsed.output = value;
    if (!ok) return std::nullopt;
    if (arg == "--units") parsed.has_units = true;
    if (arg == "--members" && parsed.options.members < 0) {
      err << "zeren generate: --members must not be negative\n";
      return std::nullopt;
    }
  }
  if (!parsed.has_units || parsed.output.empty()) {
    err << "zeren generate: --units N and -o FILE are required\n" << kGenerateUsage;
    return std::nullopt;
  }
  return parsed;
}

}  // namespace

int RunGenerate(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::optional<GenerateArgs> parsed = ParseGenerateArgs(args, err);
  if (!parsed) return kExitUsage;
  if (absl::Status status = CheckGenerateOptions(parsed->options); !status.ok()) {
    err << "zeren generate: " << status.message() << "\n";
    return kExitUsage;
  }
  const auto start = std::chrono::steady_clock::now();
  Progress progress(err, IsTerminal(STDERR_FILENO) && !parsed->quiet);
  parsed->options.progress = [&progress](double done) {
    progress.Update("generating", kGenerated * done);
  };
  absl::StatusOr<Model> model = GenerateModel(parsed->options);
  progress.Update("writing", kGenerated);
  if (!model.ok()) {
    progress.Clear();
    err << "zeren generate: " << model.status().message() << "\n";
    return kExitUsage;
  }
  const ModelForm form = OutputFormOf(parsed->output);
  std::optional<Snapshot> snapshot;
  if (form == ModelForm::kArchive) {  // so that the organization opens without compiling
    absl::StatusOr<Snapshot> compiled = Snapshot::Compile(*model);
    if (!compiled.ok()) {
      progress.Clear();
      err << "zeren generate: " << compiled.status().message() << "\n";
      return kExitUsage;
    }
    snapshot = *std::move(compiled);
  }
  const Snapshot* kept = snapshot ? &*snapshot : nullptr;
  if (absl::Status status = SaveModelOutput(parsed->output, form, *model, kept); !status.ok()) {
    progress.Clear();
    err << "zeren generate: " << status.message() << "\n";
    return kExitOutput;
  }
  progress.Finish();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const ModelData& d = model->data();
  // A roster row is a person and a post: the counts `validate` shows for the file.
  out << absl::StrFormat(
      "%s: %d units, %d people, %d posts, %d links, %d incidents, %d directives in %.2f s\n",
      parsed->output, d.units.size(), d.people.size() + d.roster.size(),
      d.posts.size() + d.roster.size(), d.links.size(), d.incidents.size(),
      d.directives.size(), seconds);
  return kExitOk;
}

}  // namespace zeren::cli
