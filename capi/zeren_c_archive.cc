// The C API of .zrn archives (include/zeren/archive.h).
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "c_internal.h"
#include "zeren.h"
#include "zeren/archive.h"

namespace {

using zeren::capi::Call;

// Every failure to read an archive is an I/O error to C callers, except a model that fails
// validation (with its problems) and memory exhaustion.
int32_t CodeOfLoad(const absl::Status& status) {
  switch (status.code()) {
    case absl::StatusCode::kInvalidArgument: return ZEREN_ERR_INVALID_MODEL;
    case absl::StatusCode::kResourceExhausted: return ZEREN_ERR_NO_MEMORY;
    default: return ZEREN_ERR_IO;
  }
}

int32_t CodeOfSave(const absl::Status& status) {
  switch (status.code()) {
    case absl::StatusCode::kInvalidArgument: return ZEREN_ERR_INVALID_ARGUMENT;
    case absl::StatusCode::kResourceExhausted: return ZEREN_ERR_NO_MEMORY;
    default: return ZEREN_ERR_IO;
  }
}

const zeren::Snapshot* SnapshotOf(const zeren_snapshot* snapshot) {
  return snapshot == nullptr ? nullptr : &snapshot->snapshot;
}

// Hands out the model and, when asked for, the snapshot; nothing unless both are made.
int32_t FinishLoad(const Call& call, absl::StatusOr<zeren::LoadedArchive> loaded,
                   const zeren::ProblemList& problems, zeren_model** out,
                   zeren_snapshot** out_snapshot) {
  if (!loaded.ok()) return call.Status(loaded.status(), &problems, CodeOfLoad(loaded.status()));
  auto model = std::make_unique<zeren_model>(zeren_model{std::move(loaded->model)});
  if (out_snapshot != nullptr && loaded->snapshot) {
    *out_snapshot = new zeren_snapshot{*std::move(loaded->snapshot)};
  }
  *out = model.release();
  return ZEREN_OK;
}

}  // namespace

extern "C" {

int32_t zeren_model_save_archive(const zeren_model* model, const char* path,
                                 const zeren_snapshot* snapshot, zeren_error** err) {
  const Call call("zeren_model_save_archive", err);
  return call.Run([&]() -> int32_t {
    if (model == nullptr) return call.Null("model");
    if (path == nullptr) return call.Null("path");
    const absl::Status status = zeren::SaveArchive(path, model->model, SnapshotOf(snapshot));
    return status.ok() ? ZEREN_OK : call.Status(status, nullptr, CodeOfSave(status));
  });
}

int32_t zeren_model_load_archive(const char* path, zeren_model** out,
                                 zeren_snapshot** out_snapshot, zeren_error** err) {
  const Call call("zeren_model_load_archive", err);
  return call.Run([&]() -> int32_t {
    if (out != nullptr) *out = nullptr;
    if (out_snapshot != nullptr) *out_snapshot = nullptr;
    if (path == nullptr) return call.Null("path");
    if (out == nullptr) return call.Null("out");
    zeren::ProblemList problems;
    return FinishLoad(call, zeren::LoadArchive(path, &problems), problems, out, out_snapshot);
  });
}

int32_t zeren_model_archive_to_buffer(const zeren_model* model, const zeren_snapshot* snapshot,
                                      char** out, size_t* size, zeren_error** err) {
  const Call call("zeren_model_archive_to_buffer", err);
  return call.Run([&]() -> int32_t {
    if (out != nullptr) *out = nullptr;
    if (size != nullptr) *size = 0;
    if (model == nullptr) return call.Null("model");
    if (out == nullptr) return call.Null("out");
    if (size == nullptr) return call.Null("size");
    const absl::StatusOr<std::string> bytes =
        zeren::ArchiveToBytes(model->model, SnapshotOf(snapshot));
    if (!bytes.ok()) return call.Status(bytes.status(), nullptr, CodeOfSave(bytes.status()));
    // zeren_string_free releases with delete[]; the NUL keeps the convention of strings.
    char* copy = new char[bytes->size() + 1];
    std::memcpy(copy, bytes->data(), bytes->size());
    copy[bytes->size()] = '\0';
    *out = copy;
    *size = bytes->size();
    return ZEREN_OK;
  });
}

int32_t zeren_model_load_archive_buffer(const char* data, size_t size, zeren_model** out,
                                        zeren_snapshot** out_snapshot, zeren_error** err) {
  const Call call("zeren_model_load_archive_buffer", err);
  return call.Run([&]() -> int32_t {
    if (out != nullptr) *out = nullptr;
    if (out_snapshot != nullptr) *out_snapshot = nullptr;
    if (data == nullptr && size != 0) return call.Null("data");
    if (out == nullptr) return call.Null("out");
    zeren::ProblemList problems;
    return FinishLoad(call, zeren::ArchiveFromBytes(absl::string_view(data, size), &problems),
                      problems, out, out_snapshot);
  });
}

}  // extern "C"
