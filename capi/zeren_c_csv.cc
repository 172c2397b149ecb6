// The C API of CSV folders: a translation layer over include/zeren/model_csv.h.
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "c_internal.h"
#include "zeren.h"
#include "zeren/model_csv.h"
#include "zeren/problem.h"

using zeren::capi::Call;

extern "C" {

int32_t zeren_model_import_csv(const char* folder, zeren_model** out, char** present,
                               zeren_error** err) {
  const Call call("zeren_model_import_csv", err);
  return call.Run([&]() -> int32_t {
    if (out != nullptr) *out = nullptr;
    if (present != nullptr) *present = nullptr;
    if (folder == nullptr) return call.Null("folder");
    if (out == nullptr) return call.Null("out");
    zeren::ProblemList problems;
    absl::StatusOr<zeren::CsvImport> imported = zeren::ImportCsvFolder(folder, &problems);
    if (!imported.ok()) {
      // A folder that is not there is an I/O failure, as for a JSON file.
      const bool unopened = absl::IsNotFound(imported.status());
      return call.Status(imported.status(), &problems, unopened ? ZEREN_ERR_IO : 0);
    }
    auto* model = new zeren_model{std::move(imported->model)};
    if (present != nullptr) {
      try {
        zeren::capi::CopyOut(absl::StrJoin(imported->present, ","), present, nullptr);
      } catch (...) {
        delete model;
        throw;
      }
    }
    *out = model;
    return ZEREN_OK;
  });
}

int32_t zeren_model_export_csv(const zeren_model* model, const char* folder, uint32_t flags,
                               zeren_error** err) {
  const Call call("zeren_model_export_csv", err);
  return call.Run([&]() -> int32_t {
    if (model == nullptr) return call.Null("model");
    if (folder == nullptr) return call.Null("folder");
    if ((flags & ~ZEREN_CSV_BYTE_ORDER_MARK) != 0) {
      return call.Invalid(absl::StrCat("flags ", flags, " has bits that are not ZEREN_CSV_* flags"));
    }
    zeren::CsvExportOptions options;
    options.byte_order_mark = (flags & ZEREN_CSV_BYTE_ORDER_MARK) != 0;
    const absl::Status status = zeren::ExportCsvFolder(model->model, folder, options);
    if (status.ok()) return ZEREN_OK;
    // The model is valid, but an id cannot be written in CSV: the argument's fault.
    return call.Status(status, nullptr,
                       absl::IsInvalidArgument(status) ? ZEREN_ERR_INVALID_ARGUMENT : 0);
  });
}

}  // extern "C"
