// The C API of the generator: zeren_generate (capi/zeren.h, "synthetic organizations").
#include <cstddef>
#include <cstring>
#include <exception>
#include <new>
#include <utility>

#include "absl/strings/str_cat.h"
#include "c_internal.h"
#include "zeren.h"
#include "zeren/generate.h"

namespace {

using zeren::capi::NewError;

constexpr char kName[] = "zeren_generate";

int32_t Fail(zeren_error** err, int32_t code, absl::string_view what) {
  return NewError(err, code, absl::StrCat(kName, ": ", what));
}

// The caller's spec, with the _INIT defaults past its struct_size.
int32_t ReadGenerateSpec(const zeren_generate_spec* in, zeren_generate_spec* out,
                         zeren_error** err) {
  constexpr size_t kMinimum = offsetof(zeren_generate_spec, members);
  if (in->struct_size < kMinimum) {
    return Fail(err, ZEREN_ERR_INVALID_ARGUMENT,
                absl::StrCat("spec->struct_size ", in->struct_size, " is below ", kMinimum));
  }
  *out = ZEREN_GENERATE_SPEC_INIT;
  std::memcpy(out, in, std::min<size_t>(in->struct_size, sizeof(zeren_generate_spec)));
  out->struct_size = sizeof(zeren_generate_spec);
  return ZEREN_OK;
}

int32_t Generate(const zeren_generate_spec* given, zeren_model** out, zeren_error** err) {
  zeren_generate_spec spec;
  if (int32_t code = ReadGenerateSpec(given, &spec, err); code != ZEREN_OK) return code;
  if (spec.member_people < -1 || spec.member_people > 1) {
    return Fail(err, ZEREN_ERR_INVALID_ARGUMENT,
                absl::StrCat("spec->member_people must be -1, 0 or 1 (got ",
                             spec.member_people, ")"));
  }
  zeren::GenerateOptions options;
  options.units = spec.units;
  options.members = spec.members;
  options.seed = spec.seed;
  options.depth = spec.depth;
  if (spec.member_people >= 0) options.member_people = spec.member_people == 1;
  options.year = spec.year;
  if (spec.progress != nullptr) {
    options.progress = [&spec](double fraction) { spec.progress(spec.progress_payload, fraction); };
  }
  if (absl::Status status = zeren::CheckGenerateOptions(options); !status.ok()) {
    return Fail(err, ZEREN_ERR_INVALID_ARGUMENT, status.message());
  }
  absl::StatusOr<zeren::Model> model = zeren::GenerateModel(options);
  if (!model.ok()) {
    const int32_t code = model.status().code() == absl::StatusCode::kInvalidArgument
                             ? ZEREN_ERR_INVALID_ARGUMENT
                             : ZEREN_ERR_INTERNAL;
    return Fail(err, code, model.status().message());
  }
  *out = new zeren_model{*std::move(model)};
  return ZEREN_OK;
}

}  // namespace

int32_t zeren_generate(const zeren_generate_spec* spec, zeren_model** out, zeren_error** err) {
  try {
    if (out != nullptr) *out = nullptr;
    if (spec == nullptr) return Fail(err, ZEREN_ERR_INVALID_ARGUMENT, "spec is NULL");
    if (out == nullptr) return Fail(err, ZEREN_ERR_INVALID_ARGUMENT, "out is NULL");
    return Generate(spec, out, err);
  } catch (const std::bad_alloc&) {
    return zeren::capi::OutOfMemory(err);
  } catch (const std::exception& e) {
    return Fail(err, ZEREN_ERR_INTERNAL, absl::StrCat("internal error: ", e.what()));
  } catch (...) {
    return Fail(err, ZEREN_ERR_INTERNAL, "internal error");
  }
}
