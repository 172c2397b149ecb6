// `zeren convert IN OUT`: a model from one form to another (JSON document, CSV folder,
// .zrn archive), validated on the way in.
#include <unistd.h>

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "tools/commands.h"
#include "tools/model_input.h"
#include "tools/progress.h"

namespace zeren::cli {
namespace {

constexpr char kConvertUsage[] =
    "usage: zeren convert IN OUT [--from json|csv|zrn] [--to json|csv|zrn] [--no-snapshot] "
    "[--quiet]\n";

struct ConvertArgs {
  std::string in, out;
  std::optional<ModelForm> from, to;
  bool snapshot = true;  // an archive carries the compiled snapshot
  bool quiet = false;
};

absl::string_view Name(ModelForm form) {
  switch (form) {
    case ModelForm::kCsv: return "csv";
    case ModelForm::kArchive: return "zrn";
    case ModelForm::kJson: break;
  }
  return "json";
}

// Reads the value of --from/--to into `*form`; false (with a message) when it is bad.
bool ReadForm(const std::vector<std::string>& args, size_t* i, std::optional<ModelForm>* form,
              std::ostream& err) {
  const std::string& flag = args[*i];
  if (++*i == args.size()) {
    err << "zeren convert: " << flag << " needs json, csv or zrn\n" << kConvertUsage;
    return false;
  }
  *form = ParseModelForm(args[*i]);
  if (!*form) {
    err << "zeren convert: " << flag << ": unknown form \"" << args[*i]
        << "\" (json, csv or zrn)\n" << kConvertUsage;
    return false;
  }
  return true;
}

std::optional<ConvertArgs> ParseConvertArgs(const std::vector<std::string>& args,
                                            std::ostream& err) {
  ConvertArgs c;
  std::vector<std::string> paths;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--from" || a == "--to") {
      if (!ReadForm(args, &i, a == "--from" ? &c.from : &c.to, err)) return std::nullopt;
    } else if (a == "--no-snapshot") {
      c.snapshot = false;
    } else if (a == "--quiet") {
      c.quiet = true;
    } else if (a.size() > 1 && a[0] == '-') {
      err << "zeren convert: unknown option \"" << a << "\"\n" << kConvertUsage;
      return std::nullopt;
    } else {
      paths.push_back(a);
    }
  }
  if (paths.size() != 2) {
    err << "zeren convert: IN and OUT are required\n" << kConvertUsage;
    return std::nullopt;
  }
  c.in = paths[0];
  c.out = paths[1];
  return c;
}

}  // namespace

int RunConvert(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::optional<ConvertArgs> c = ParseConvertArgs(args, err);
  if (!c) return kExitUsage;
  Progress progress(err, IsTerminal(STDERR_FILENO) && !c->quiet);
  progress.Update("loading", 0);
  std::optional<LoadedModel> loaded = LoadModelInput(c->in, err, c->from);
  if (!loaded) return kExitInvalidModel;
  const ModelForm to = c->to.value_or(OutputFormOf(c->out));
  std::optional<Snapshot> snapshot;
  if (to == ModelForm::kArchive && c->snapshot) {
    progress.Update("compiling", 0.5);
    snapshot = SnapshotOf(c->in, *loaded, err);
    if (!snapshot) return kExitInvalidModel;
  }
  progress.Update("writing", 0.7);
  const Snapshot* kept = snapshot ? &*snapshot : nullptr;
  if (absl::Status status = SaveModelOutput(c->out, to, loaded->model, kept); !status.ok()) {
    progress.Clear();
    err << "zeren convert: " << status.message() << "\n";
    return kExitOutput;
  }
  progress.Finish();
  const ModelData& d = loaded->model.data();
  out << absl::StrFormat("%s: %d units, %d people, %d posts, %d links (%s to %s%s)\n", c->out,
                         d.units.size(), d.people.size() + d.roster.size(),
                         d.posts.size() + d.roster.size(), d.links.size(),
                         Name(c->from.value_or(InputFormOf(c->in))), Name(to),
                         kept ? ", with its snapshot" : "");
  return kExitOk;
}

}  // namespace zeren::cli
