// The C API of graph export and pictures (capi/zeren.h, "graph export and pictures").
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "c_internal.h"
#include "zeren.h"
#include "zeren/graph_export.h"
#include "zeren/picture.h"

namespace {

using zeren::capi::Call;
using zeren::capi::CopyOut;
using zeren::capi::ReadSpec;

// The C++ options from the C ones; checks each field.
int32_t ToOptions(const Call& call, const zeren_snapshot* snapshot,
                  const zeren_graph_options* in, zeren::GraphExportOptions* out) {
  if (snapshot == nullptr) return call.Null("snapshot");
  zeren_graph_options o = ZEREN_GRAPH_OPTIONS_INIT;
  if (int32_t rc = ReadSpec(call, "options", in, sizeof(uint32_t) + sizeof(int32_t), &o)) {
    return rc;
  }
  if (o.as_of == ZEREN_DATE_OPEN) {
    return call.Invalid("options->as_of is required (not ZEREN_DATE_OPEN)");
  }
  if (o.format != ZEREN_GRAPH_GRAPHML && o.format != ZEREN_GRAPH_DOT) {
    return call.Invalid(
        absl::StrCat("options->format ", o.format, " is not a ZEREN_GRAPH_* value"));
  }
  out->as_of = o.as_of;
  out->format = o.format == ZEREN_GRAPH_DOT ? zeren::GraphFormat::kDot
                                            : zeren::GraphFormat::kGraphMl;
  out->assessment = nullptr;
  if (o.assessment == nullptr) return ZEREN_OK;
  // An assessment of another snapshot would put grades on the wrong units.
  const zeren::Snapshot& s = snapshot->snapshot;
  const zeren::Snapshot& assessed = o.assessment->snapshot;
  bool same = assessed.unit_count() == s.unit_count();
  for (zeren::UnitIndex u = 0; same && u < s.unit_count(); ++u) {
    same = assessed.unit_id(u) == s.unit_id(u);
  }
  if (!same) return call.Invalid("options->assessment is not an assessment of this snapshot");
  out->assessment = &o.assessment->assessment;
  return ZEREN_OK;
}

}  // namespace

int32_t zeren_snapshot_export_graph(const zeren_snapshot* snapshot,
                                    const zeren_graph_options* options, char** out, size_t* size,
                                    zeren_error** err) {
  const Call call("zeren_snapshot_export_graph", err);
  return call.Run([&]() -> int32_t {
    if (out != nullptr) *out = nullptr;
    if (size != nullptr) *size = 0;
    zeren::GraphExportOptions o;
    if (int32_t rc = ToOptions(call, snapshot, options, &o)) return rc;
    if (out == nullptr) return call.Null("out");
    absl::StatusOr<std::string> text = zeren::ExportGraph(snapshot->snapshot, o);
    if (!text.ok()) return call.Status(text.status(), nullptr, ZEREN_ERR_INVALID_ARGUMENT);
    CopyOut(*text, out, size);
    return ZEREN_OK;
  });
}

int32_t zeren_snapshot_export_graph_file(const zeren_snapshot* snapshot,
                                         const zeren_graph_options* options, const char* path,
                                         zeren_error** err) {
  const Call call("zeren_snapshot_export_graph_file", err);
  return call.Run([&]() -> int32_t {
    zeren::GraphExportOptions o;
    if (int32_t rc = ToOptions(call, snapshot, options, &o)) return rc;
    if (path == nullptr) return call.Null("path");
    const absl::Status status = zeren::ExportGraphToFile(snapshot->snapshot, o, path);
    return status.ok() ? ZEREN_OK : call.Status(status);
  });
}

int32_t zeren_chain_to_dot(const zeren_chain* chain, char** out, size_t* size, zeren_error** err) {
  const Call call("zeren_chain_to_dot", err);
  return call.Run([&]() -> int32_t {
    if (out != nullptr) *out = nullptr;
    if (size != nullptr) *size = 0;
    if (chain == nullptr) return call.Null("chain");
    if (out == nullptr) return call.Null("out");
    CopyOut(zeren::ChainToDot(chain->snapshot, chain->chain), out, size);
    return ZEREN_OK;
  });
}

int32_t zeren_accounting_to_dot(const zeren_accounting* accounting, char** out, size_t* size,
                                zeren_error** err) {
  const Call call("zeren_accounting_to_dot", err);
  return call.Run([&]() -> int32_t {
    if (out != nullptr) *out = nullptr;
    if (size != nullptr) *size = 0;
    if (accounting == nullptr) return call.Null("accounting");
    if (out == nullptr) return call.Null("out");
    CopyOut(zeren::AccountingToDot(accounting->snapshot, accounting->accounting), out, size);
    return ZEREN_OK;
  });
}
