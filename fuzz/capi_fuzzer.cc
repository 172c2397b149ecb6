// libFuzzer target: sequences of C API calls. The input drives which call comes next and
// its arguments: live handles or NULL (never invented pointers, which no C API survives),
// ids of the seed model, strings from the input, sizes, dates and enum values in and out
// of range. Structs are allocated at exactly their declared struct_size, so that ASan
// catches the library reading or writing past what the caller said it has.
//
// Invariants checked after every call (a broken one aborts, so libFuzzer keeps the input):
//  - the status is ZEREN_OK or a ZEREN_ERR_* code;
//  - with an error pointer: on success it is left NULL; on failure it is set, its code is
//    the status, its message is not empty, its problems are readable (kept <= total);
//  - a creator sets *out on success and NULL on failure;
// and every handle is freed when the input ends (LeakSanitizer checks the rest).
#include <fuzzer/FuzzedDataProvider.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <string>
#include <vector>

#include "zeren.h"

namespace zeren::fuzz {
extern const char kSeedModel[];
}  // namespace zeren::fuzz

namespace {

[[noreturn]] void Broken(const char* call, const char* what) {
  std::fprintf(stderr, "invariant broken after %s: %s\n", call, what);
  std::abort();
}

constexpr size_t kSlots = 3;    // live handles kept per type
constexpr int kMaxCalls = 300;  // per input, to keep each run fast

// Ids the seed model has (units, people, duties, incidents, grades), plus odd ones.
constexpr const char* kIds[] = {
    "party", "dc",   "dept1", "br11",  "br12", "dept2", "grp21", "joint", "a_sec",  "a_head",
    "a_mem", "d_sec", "s1",   "s11",   "s12",  "w1",    "w2",    "du1",   "du2",    "t",
    "t.1",   "k1",   "k2",    "k3",    "good", "",      "x",     "party\xff"};

// A slot array of handles of one type, freed with `Free`.
template <typename T, void (*Free)(T*)>
class Slots {
 public:
  ~Slots() {
    for (T*& h : handles_) Free(h);
  }
  // A live handle or NULL.
  T* Pick(FuzzedDataProvider& in) { return handles_[in.ConsumeIntegralInRange<size_t>(0, kSlots)]; }
  // Where a new handle goes: the old one there is freed first.
  T** Place(FuzzedDataProvider& in) {
    T*& slot = handles_[in.ConsumeIntegralInRange<size_t>(0, kSlots - 1)];
    Free(slot);
    slot = nullptr;
    return &slot;
  }
  void FreeOne(FuzzedDataProvider& in) {
    T*& slot = handles_[in.ConsumeIntegralInRange<size_t>(0, kSlots)];
    if (&slot == &handles_[kSlots]) return;  // the NULL slot: zeren_x_free(NULL)
    Free(slot);
    slot = nullptr;
  }

 private:
  std::array<T*, kSlots + 1> handles_{};  // the last one stays NULL
};

void FreeString(char* s) { zeren_string_free(s); }

class Driver {
 public:
  explicit Driver(FuzzedDataProvider& in) : in_(in) {}

  void Run() {
    for (int n = 0; n < kMaxCalls && in_.remaining_bytes() > 0; ++n) Step();
  }

 private:
  // ---- arguments ----
  const char* Id() {
    switch (in_.ConsumeIntegralInRange(0, 9)) {
      case 0: return nullptr;
      case 1: return Keep(in_.ConsumeRandomLengthString(64));
      default: return kIds[in_.ConsumeIntegralInRange<size_t>(0, std::size(kIds) - 1)];
    }
  }
  const char* Keep(std::string s) {
    strings_.push_back(std::move(s));
    return strings_.back().c_str();
  }
  int32_t Day() {
    switch (in_.ConsumeIntegralInRange(0, 5)) {
      case 0: return ZEREN_DATE_OPEN;
      case 1: return in_.ConsumeIntegral<int32_t>();
      default: return 20089 + in_.ConsumeIntegralInRange(-800, 800);  // around 2025
    }
  }
  int32_t Enum(int32_t low, int32_t high) {
    return in_.ConsumeBool() ? in_.ConsumeIntegralInRange(low - 1, high + 1)
                             : in_.ConsumeIntegral<int32_t>();
  }
  size_t Index() { return in_.ConsumeBool() ? in_.ConsumeIntegralInRange<size_t>(0, 40)
                                            : in_.ConsumeIntegral<size_t>(); }
  size_t Capacity() { return in_.ConsumeIntegralInRange<size_t>(0, 48); }
  // A list of `count` ids, kept alive until the input ends.
  const char* const* Ids(size_t count) {
    if (count == 0 && in_.ConsumeBool()) return nullptr;
    id_lists_.emplace_back();
    for (size_t i = 0; i < count; ++i) id_lists_.back().push_back(Id());
    return id_lists_.back().data();
  }
  zeren_error** Err() { return in_.ConsumeIntegralInRange(0, 7) == 0 ? nullptr : &error_; }

  // A struct of type T at exactly the struct_size the caller declares (at least the field
  // itself), initialized from `init`; heap-allocated so that ASan sees its end.
  template <typename T>
  T* Struct(const T& init) {
    const uint32_t size = in_.ConsumeBool()
                              ? static_cast<uint32_t>(sizeof(T))
                              : in_.ConsumeIntegralInRange<uint32_t>(4, sizeof(T));
    structs_.emplace_back(size);
    std::memcpy(structs_.back().data(), &init, size);
    std::memcpy(structs_.back().data(), &size, sizeof size);
    return reinterpret_cast<T*>(structs_.back().data());
  }

  // ---- invariants ----
  void Check(const char* call, int32_t rc, zeren_error** err) {
    if (rc < ZEREN_OK || rc > ZEREN_ERR_INTERNAL) Broken(call, "status out of range");
    if (rc == ZEREN_ERR_INTERNAL) Broken(call, "internal error");
    if (err == nullptr) return;
    if (rc == ZEREN_OK) {
      if (error_ != nullptr) Broken(call, "error set on success");
      return;
    }
    if (error_ == nullptr) Broken(call, "failure without an error");
    if (zeren_error_code(error_) != rc) Broken(call, "error code differs from the status");
    const char* message = zeren_error_message(error_);
    if (message == nullptr || message[0] == '\0') Broken(call, "empty error message");
    const size_t kept = zeren_error_problem_count(error_);
    if (kept > zeren_error_problem_total(error_) || kept > 100) Broken(call, "problem counts");
    for (size_t i = 0; i < kept; ++i) {
      const char *path, *id, *text;
      if (zeren_error_problem(error_, i, &path, &id, &text) != ZEREN_OK || path == nullptr ||
          id == nullptr || text == nullptr || text[0] == '\0') {
        Broken(call, "unreadable problem");
      }
    }
    if (zeren_error_problem(error_, kept, nullptr, nullptr, nullptr) != ZEREN_ERR_OUT_OF_RANGE) {
      Broken(call, "problem past the end");
    }
    zeren_error_free(error_);
    error_ = nullptr;
  }
  template <typename T>
  void CheckOut(const char* call, int32_t rc, zeren_error** err, T* const* out) {
    Check(call, rc, err);
    if (out == nullptr) return;
    if ((rc == ZEREN_OK) != (*out != nullptr)) Broken(call, "*out does not match the status");
  }
  // A string result: freed at once.
  void CheckString(const char* call, int32_t rc, zeren_error** err, char** out, size_t* size) {
    Check(call, rc, err);
    if (out == nullptr) return;
    if (rc == ZEREN_OK) {
      if (*out == nullptr) Broken(call, "no string on success");
      if (size != nullptr && std::strlen(*out) != *size) Broken(call, "size differs from length");
    } else if (*out != nullptr) {
      Broken(call, "string set on failure");
    }
    zeren_string_free(*out);
  }

  template <typename T>
  void ToJson(const char* call, int32_t (*fn)(const T*, char**, size_t*, zeren_error**),
              const T* handle) {
    char* text = nullptr;
    size_t size = 0;
    char** out = in_.ConsumeIntegralInRange(0, 7) == 0 ? nullptr : &text;
    size_t* size_out = in_.ConsumeBool() ? &size : nullptr;
    zeren_error** err = Err();
    CheckString(call, fn(handle, out, size_out, err), err, out, size_out);
  }

  void Step();
  void Load();
  void EditCall();
  void SnapshotQuery();
  void Results();

  FuzzedDataProvider& in_;
  zeren_error* error_ = nullptr;
  std::deque<std::string> strings_;
  std::deque<std::vector<const char*>> id_lists_;
  std::deque<std::vector<unsigned char>> structs_;

  Slots<zeren_model, zeren_model_free> models_;
  Slots<zeren_edit, zeren_edit_free> edits_;
  Slots<zeren_snapshot, zeren_snapshot_free> snapshots_;
  Slots<zeren_chain, zeren_chain_free> chains_;
  Slots<zeren_person_view, zeren_person_view_free> views_;
  Slots<zeren_accounting, zeren_accounting_free> accountings_;
  Slots<zeren_ledger, zeren_ledger_free> ledgers_;
  Slots<zeren_audit, zeren_audit_free> audits_;
  Slots<zeren_assessment, zeren_assessment_free> assessments_;
};

void Driver::Load() {
  zeren_error** err = Err();
  zeren_model** out = models_.Place(in_);
  switch (in_.ConsumeIntegralInRange(0, 3)) {
    case 0: {
      const char* seed = zeren::fuzz::kSeedModel;
      CheckOut("zeren_model_load_buffer", zeren_model_load_buffer(seed, std::strlen(seed), out, err),
               err, out);
      break;
    }
    case 1: {
      const std::string text = in_.ConsumeRandomLengthString(4096);
      const char* data = in_.ConsumeIntegralInRange(0, 15) == 0 ? nullptr : text.data();
      zeren_model** maybe = in_.ConsumeIntegralInRange(0, 15) == 0 ? nullptr : out;
      CheckOut("zeren_model_load_buffer",
               zeren_model_load_buffer(data, text.size(), maybe, err), err, maybe);
      break;
    }
    case 2: CheckOut("zeren_model_new", zeren_model_new(out, err), err, out); break;
    default: {
      const std::string text = in_.ConsumeRandomLengthString(4096);
      Check("zeren_validate_buffer", zeren_validate_buffer(text.data(), text.size(), err), err);
      break;
    }
  }
}

void Driver::EditCall() {
  zeren_edit* edit = edits_.Pick(in_);
  zeren_error** err = Err();
  switch (in_.ConsumeIntegralInRange(0, 12)) {
    case 0: {
      zeren_edit** out = edits_.Place(in_);
      CheckOut("zeren_edit_new", zeren_edit_new(out, err), err, out);
      break;
    }
    case 1: {
      zeren_unit_spec init = ZEREN_UNIT_SPEC_INIT;
      init.id = Id();
      init.name = Id();
      init.kind = in_.ConsumeBool() ? "branch" : Id();
      init.members = in_.ConsumeIntegral<int64_t>();
      init.parent_count = in_.ConsumeIntegralInRange<size_t>(0, 3);
      init.parents = Ids(init.parent_count);
      std::vector<double> weights;
      if (in_.ConsumeBool()) {
        for (size_t i = 0; i < init.parent_count; ++i) weights.push_back(in_.ConsumeFloatingPoint<double>());
        init.parent_weights = weights.data();
      }
      init.from = Day();
      init.to = Day();
      zeren_unit_spec* spec = in_.ConsumeIntegralInRange(0, 15) == 0 ? nullptr : Struct(init);
      Check("zeren_edit_put_unit", zeren_edit_put_unit(edit, spec, err), err);
      break;
    }
    case 2:
      Check("zeren_edit_put_person", zeren_edit_put_person(edit, Id(), Id(), err), err);
      break;
    case 3: {
      zeren_duty_spec init = ZEREN_DUTY_SPEC_INIT;
      init.id = Id();
      init.unit = Id();
      init.role = Enum(ZEREN_ROLE_NONE, ZEREN_ROLE_STAFF);
      init.category = Enum(ZEREN_DUTY_PRINCIPAL, ZEREN_DUTY_SPECIALIZED);
      init.dimension = in_.ConsumeBool() ? nullptr : Id();
      init.text = in_.ConsumeBool() ? nullptr : Id();
      zeren_duty_spec* spec = in_.ConsumeIntegralInRange(0, 15) == 0 ? nullptr : Struct(init);
      Check("zeren_edit_put_duty", zeren_edit_put_duty(edit, spec, err), err);
      break;
    }
    case 4: {
      zeren_incident_spec init = ZEREN_INCIDENT_SPEC_INIT;
      init.id = Id();
      init.unit = Id();
      init.date = Day();
      init.since = Day();
      init.severity = Enum(ZEREN_SEVERITY_MINOR, ZEREN_SEVERITY_GRAVE);
      init.case_id = in_.ConsumeBool() ? nullptr : Id();
      init.dimension = in_.ConsumeBool() ? nullptr : Id();
      init.duty = in_.ConsumeBool() ? nullptr : Id();
      init.task = in_.ConsumeBool() ? nullptr : Id();
      init.direct_count = in_.ConsumeIntegralInRange<size_t>(0, 3);
      init.direct = Ids(init.direct_count);
      init.participant_count = in_.ConsumeIntegralInRange<size_t>(0, 3);
      init.participants = Ids(init.participant_count);
      std::vector<int32_t> kinds;
      init.circumstance_count = in_.ConsumeIntegralInRange<size_t>(0, 3);
      for (size_t i = 0; i < init.circumstance_count; ++i) {
        kinds.push_back(Enum(ZEREN_CIRCUMSTANCE_REPEAT, ZEREN_CIRCUMSTANCE_OBJECTION_ON_RECORD));
      }
      if (!kinds.empty() || in_.ConsumeBool()) init.circumstance_kinds = kinds.data();
      if (in_.ConsumeBool()) init.circumstance_persons = Ids(init.circumstance_count);
      zeren_incident_spec* spec = in_.ConsumeIntegralInRange(0, 15) == 0 ? nullptr : Struct(init);
      Check("zeren_edit_put_incident", zeren_edit_put_incident(edit, spec, err), err);
      break;
    }
    case 5: {
      zeren_post_spec init = ZEREN_POST_SPEC_INIT;
      init.person = Id();
      init.unit = Id();
      init.role = Enum(ZEREN_ROLE_SECRETARY, ZEREN_ROLE_STAFF);
      init.from = Day();
      init.to = Day();
      init.in_charge_count = in_.ConsumeIntegralInRange<size_t>(0, 3);
      init.in_charge_of = Ids(init.in_charge_count);
      zeren_post_spec* spec = in_.ConsumeIntegralInRange(0, 15) == 0 ? nullptr : Struct(init);
      Check("zeren_edit_add_post", zeren_edit_add_post(edit, spec, err), err);
      break;
    }
    case 6: {
      zeren_link_spec init = ZEREN_LINK_SPEC_INIT;
      init.kind = Enum(ZEREN_LINK_SUPERVISES, ZEREN_LINK_GUIDES);
      init.from = Id();
      init.to = Id();
      init.from_date = Day();
      init.to_date = Day();
      zeren_link_spec* spec = in_.ConsumeIntegralInRange(0, 15) == 0 ? nullptr : Struct(init);
      Check("zeren_edit_add_link", zeren_edit_add_link(edit, spec, err), err);
      break;
    }
    case 7:
      Check("zeren_edit_end_post",
            zeren_edit_end_post(edit, Id(), Id(), Enum(ZEREN_ROLE_SECRETARY, ZEREN_ROLE_STAFF),
                                Day(), err),
            err);
      break;
    case 8:
      Check("zeren_edit_end_link",
            zeren_edit_end_link(edit, Enum(ZEREN_LINK_SUPERVISES, ZEREN_LINK_GUIDES), Id(), Id(),
                                Day(), err),
            err);
      break;
    case 9:
      Check("zeren_edit_remove_unit", zeren_edit_remove_unit(edit, Id(), err), err);
      break;
    case 10:
      Check("zeren_edit_remove_person", zeren_edit_remove_person(edit, Id(), err), err);
      break;
    case 11:
      Check("zeren_model_apply", zeren_model_apply(models_.Pick(in_), edit, err), err);
      break;
    default:
      edits_.FreeOne(in_);
      break;
  }
}

int32_t StopAfter(void* payload) {
  int* left = static_cast<int*>(payload);
  return --*left <= 0 ? 1 : 0;
}
int32_t OnChain(void* payload, const zeren_chain_entry*) { return StopAfter(payload); }
int32_t OnResponsibility(void* payload, const zeren_responsibility*) { return StopAfter(payload); }
int32_t OnHolder(void* payload, const char*, const char*, int32_t, int32_t) {
  return StopAfter(payload);
}
int32_t OnLine(void* payload, const char* line) {
  if (line == nullptr) Broken("a callback", "NULL line");
  return StopAfter(payload);
}

void Driver::SnapshotQuery() {
  const zeren_snapshot* snapshot = snapshots_.Pick(in_);
  zeren_error** err = Err();
  switch (in_.ConsumeIntegralInRange(0, 14)) {
    case 0: {
      zeren_snapshot** out = snapshots_.Place(in_);
      CheckOut("zeren_snapshot_compile", zeren_snapshot_compile(models_.Pick(in_), out, err), err,
               out);
      break;
    }
    case 1: snapshots_.FreeOne(in_); break;
    case 2: {
      uint32_t level = 0;
      Check("zeren_snapshot_unit_level",
            zeren_snapshot_unit_level(snapshot, Id(), in_.ConsumeBool() ? &level : nullptr, err),
            err);
      (void)zeren_snapshot_unit_count(snapshot);
      (void)zeren_snapshot_incident_count(snapshot);
      break;
    }
    case 3: {
      zeren_chain** out = in_.ConsumeIntegralInRange(0, 15) == 0 ? nullptr : chains_.Place(in_);
      CheckOut("zeren_snapshot_chain", zeren_snapshot_chain(snapshot, Id(), Day(), out, err), err,
               out);
      break;
    }
    case 4: {
      zeren_person_view** out = in_.ConsumeIntegralInRange(0, 15) == 0 ? nullptr : views_.Place(in_);
      CheckOut("zeren_snapshot_person", zeren_snapshot_person(snapshot, Id(), Day(), out, err),
               err, out);
      break;
    }
    case 5: {
      int left = in_.ConsumeIntegralInRange(1, 5);
      Check("zeren_snapshot_holders",
            zeren_snapshot_holders(snapshot, Id(), Enum(ZEREN_ROLE_SECRETARY, ZEREN_ROLE_STAFF),
                                   Day(), in_.ConsumeBool() ? OnHolder : nullptr, &left, err),
            err);
      break;
    }
    case 6: {
      zeren_accounting** out =
          in_.ConsumeIntegralInRange(0, 15) == 0 ? nullptr : accountings_.Place(in_);
      if (in_.ConsumeBool()) {
        CheckOut("zeren_snapshot_account", zeren_snapshot_account(snapshot, Id(), out, err), err,
                 out);
      } else {
        const uint32_t index = in_.ConsumeBool() ? in_.ConsumeIntegralInRange<uint32_t>(0, 6)
                                                 : in_.ConsumeIntegral<uint32_t>();
        CheckOut("zeren_snapshot_account_index",
                 zeren_snapshot_account_index(snapshot, index, out, err), err, out);
      }
      break;
    }
    case 7: ToJson("zeren_snapshot_account_all_json", zeren_snapshot_account_all_json, snapshot); break;
    case 8: {
      zeren_ledger** out = in_.ConsumeIntegralInRange(0, 15) == 0 ? nullptr : ledgers_.Place(in_);
      CheckOut("zeren_snapshot_ledger", zeren_snapshot_ledger(snapshot, Day(), out, err), err, out);
      break;
    }
    case 9: {
      std::vector<double> rates(Capacity());
      Check("zeren_snapshot_on_time_rates",
            zeren_snapshot_on_time_rates(snapshot, Day(), Day(),
                                         in_.ConsumeBool() ? rates.data() : nullptr, rates.size(),
                                         err),
            err);
      break;
    }
    case 10: {
      std::vector<const char*> ids(Capacity());
      Check("zeren_snapshot_unit_ids",
            zeren_snapshot_unit_ids(snapshot, in_.ConsumeBool() ? ids.data() : nullptr, ids.size(),
                                    err),
            err);
      break;
    }
    case 11: {
      zeren_audit** out = in_.ConsumeIntegralInRange(0, 15) == 0 ? nullptr : audits_.Place(in_);
      CheckOut("zeren_snapshot_audit", zeren_snapshot_audit(snapshot, Day(), out, err), err, out);
      break;
    }
    case 12: {
      zeren_assessment** out =
          in_.ConsumeIntegralInRange(0, 15) == 0 ? nullptr : assessments_.Place(in_);
      CheckOut("zeren_snapshot_assess", zeren_snapshot_assess(snapshot, out, err), err, out);
      break;
    }
    case 13: {
      const zeren_model* model = models_.Pick(in_);
      ToJson("zeren_model_to_json", zeren_model_to_json, model);
      (void)zeren_model_unit_count(model);
      (void)zeren_model_person_count(model);
      (void)zeren_model_post_count(model);
      (void)zeren_model_link_count(model);
      break;
    }
    default: {
      int32_t day = 0;
      const char* text = in_.ConsumeBool() ? Id() : Keep(in_.ConsumeRandomLengthString(16));
      Check("zeren_date_parse", zeren_date_parse(text, in_.ConsumeBool() ? &day : nullptr, err),
            err);
      std::vector<char> buffer(in_.ConsumeIntegralInRange<size_t>(0, 16));
      zeren_error** err2 = Err();
      Check("zeren_date_format",
            zeren_date_format(Day(), buffer.empty() ? nullptr : buffer.data(), buffer.size(), err2),
            err2);
      break;
    }
  }
}

void Driver::Results() {
  zeren_error** err = Err();
  switch (in_.ConsumeIntegralInRange(0, 19)) {
    case 0: {
      const zeren_chain* chain = chains_.Pick(in_);
      (void)zeren_chain_size(chain);
      zeren_chain_entry init = ZEREN_CHAIN_ENTRY_INIT;
      zeren_chain_entry* entry = in_.ConsumeIntegralInRange(0, 15) == 0 ? nullptr : Struct(init);
      Check("zeren_chain_get", zeren_chain_get(chain, Index(), entry, err), err);
      break;
    }
    case 1: {
      int left = in_.ConsumeIntegralInRange(1, 5);
      Check("zeren_chain_foreach",
            zeren_chain_foreach(chains_.Pick(in_), in_.ConsumeBool() ? OnChain : nullptr, &left,
                                err),
            err);
      break;
    }
    case 2: ToJson("zeren_chain_to_json", zeren_chain_to_json, chains_.Pick(in_)); break;
    case 3: {
      const zeren_person_view* view = views_.Pick(in_);
      (void)zeren_person_view_size(view);
      zeren_responsibility init = ZEREN_RESPONSIBILITY_INIT;
      zeren_responsibility* entry = in_.ConsumeIntegralInRange(0, 15) == 0 ? nullptr : Struct(init);
      Check("zeren_person_view_get", zeren_person_view_get(view, Index(), entry, err), err);
      break;
    }
    case 4: {
      int left = in_.ConsumeIntegralInRange(1, 5);
      Check("zeren_person_view_foreach",
            zeren_person_view_foreach(views_.Pick(in_),
                                      in_.ConsumeBool() ? OnResponsibility : nullptr, &left, err),
            err);
      break;
    }
    case 5: ToJson("zeren_person_view_to_json", zeren_person_view_to_json, views_.Pick(in_)); break;
    case 6: {
      const zeren_accounting* accounting = accountings_.Pick(in_);
      (void)zeren_accounting_size(accounting);
      zeren_party init = ZEREN_PARTY_INIT;
      zeren_party* party = in_.ConsumeIntegralInRange(0, 15) == 0 ? nullptr : Struct(init);
      Check("zeren_accounting_get", zeren_accounting_get(accounting, Index(), party, err), err);
      break;
    }
    case 7: {
      const size_t capacity = Capacity();
      std::vector<int32_t> is_unit(capacity), categories(capacity), forms(capacity);
      std::vector<const char*> ids(capacity);
      std::vector<double> degrees(capacity);
      std::vector<uint32_t> steps(capacity);
      zeren_party_columns init = ZEREN_PARTY_COLUMNS_INIT;
      init.capacity = capacity;
      if (in_.ConsumeBool()) init.is_unit = is_unit.data();
      if (in_.ConsumeBool()) init.ids = ids.data();
      if (in_.ConsumeBool()) init.categories = categories.data();
      if (in_.ConsumeBool()) init.degrees = degrees.data();
      if (in_.ConsumeBool()) init.forms = forms.data();
      if (in_.ConsumeBool()) init.upward_steps = steps.data();
      zeren_party_columns* columns = in_.ConsumeIntegralInRange(0, 15) == 0 ? nullptr : Struct(init);
      size_t written = 0;
      Check("zeren_accounting_fill",
            zeren_accounting_fill(accountings_.Pick(in_), columns,
                                  in_.ConsumeBool() ? &written : nullptr, err),
            err);
      break;
    }
    case 8: {
      const char* text = nullptr;
      const zeren_accounting* accounting = accountings_.Pick(in_);
      const size_t index = Index(), k = Index();
      if (in_.ConsumeBool()) {
        Check("zeren_accounting_adjustment",
              zeren_accounting_adjustment(accounting, index, k, in_.ConsumeBool() ? &text : nullptr,
                                          err),
              err);
      } else {
        Check("zeren_accounting_because",
              zeren_accounting_because(accounting, index, k, in_.ConsumeBool() ? &text : nullptr,
                                       err),
              err);
      }
      break;
    }
    case 9: ToJson("zeren_accounting_to_json", zeren_accounting_to_json, accountings_.Pick(in_)); break;
    case 10: {
      const zeren_ledger* ledger = ledgers_.Pick(in_);
      (void)zeren_ledger_task_count(ledger);
      (void)zeren_ledger_directive_count(ledger);
      zeren_task_row init = ZEREN_TASK_ROW_INIT;
      zeren_task_row* row = in_.ConsumeIntegralInRange(0, 15) == 0 ? nullptr : Struct(init);
      Check("zeren_ledger_task", zeren_ledger_task(ledger, Index(), row, err), err);
      break;
    }
    case 11: {
      const size_t capacity = Capacity();
      std::vector<const char*> ids(capacity);
      std::vector<int32_t> lights(capacity);
      size_t written = 0;
      Check("zeren_ledger_fill_lights",
            zeren_ledger_fill_lights(ledgers_.Pick(in_), in_.ConsumeBool() ? ids.data() : nullptr,
                                     in_.ConsumeBool() ? lights.data() : nullptr, capacity,
                                     in_.ConsumeBool() ? &written : nullptr, err),
            err);
      break;
    }
    case 12: {
      const zeren_ledger* ledger = ledgers_.Pick(in_);
      const char* id = nullptr;
      size_t levels = 0, breaks = 0;
      const size_t index = Index();
      switch (in_.ConsumeIntegralInRange(0, 2)) {
        case 0:
          Check("zeren_ledger_directive",
                zeren_ledger_directive(ledger, index, in_.ConsumeBool() ? &id : nullptr,
                                       in_.ConsumeBool() ? &levels : nullptr,
                                       in_.ConsumeBool() ? &breaks : nullptr, err),
                err);
          break;
        case 1: {
          uint32_t level, reached, done, on_time;
          const bool all = in_.ConsumeBool();
          Check("zeren_ledger_level",
                zeren_ledger_level(ledger, index, Index(), all ? &level : nullptr,
                                   all ? &reached : nullptr, &done, all ? &on_time : nullptr, err),
                err);
          break;
        }
        default:
          Check("zeren_ledger_break_point",
                zeren_ledger_break_point(ledger, index, Index(), in_.ConsumeBool() ? &id : nullptr,
                                         err),
                err);
          break;
      }
      break;
    }
    case 13: ToJson("zeren_ledger_to_json", zeren_ledger_to_json, ledgers_.Pick(in_)); break;
    case 14: {
      const zeren_audit* audit = audits_.Pick(in_);
      (void)zeren_audit_size(audit);
      zeren_finding init = ZEREN_FINDING_INIT;
      zeren_finding* finding = in_.ConsumeIntegralInRange(0, 15) == 0 ? nullptr : Struct(init);
      Check("zeren_audit_get", zeren_audit_get(audit, Index(), finding, err), err);
      break;
    }
    case 15: ToJson("zeren_audit_to_json", zeren_audit_to_json, audits_.Pick(in_)); break;
    case 16: {
      const zeren_assessment* assessment = assessments_.Pick(in_);
      const size_t capacity = Capacity();
      (void)zeren_assessment_unit_count(assessment);
      std::vector<double> own(capacity), total(capacity), daily(capacity);
      std::vector<int32_t> grade(capacity), flags(capacity);
      std::vector<uint32_t> rank(capacity);
      zeren_assessment_columns init = ZEREN_ASSESSMENT_COLUMNS_INIT;
      init.capacity = capacity;
      if (in_.ConsumeBool()) init.own = own.data();
      if (in_.ConsumeBool()) init.total = total.data();
      if (in_.ConsumeBool()) init.grade = grade.data();
      if (in_.ConsumeBool()) init.rank = rank.data();
      if (in_.ConsumeBool()) init.daily = daily.data();
      if (in_.ConsumeBool()) init.flag_count = flags.data();
      zeren_assessment_columns* columns =
          in_.ConsumeIntegralInRange(0, 15) == 0 ? nullptr : Struct(init);
      Check("zeren_assessment_fill", zeren_assessment_fill(assessment, columns, err), err);
      break;
    }
    case 17: {
      const zeren_assessment* assessment = assessments_.Pick(in_);
      const char* id = nullptr;
      Check("zeren_assessment_grade_id",
            zeren_assessment_grade_id(assessment, Enum(0, 3), in_.ConsumeBool() ? &id : nullptr,
                                      err),
            err);
      int left = in_.ConsumeIntegralInRange(1, 5);
      zeren_error** err2 = Err();
      Check("zeren_assessment_explain",
            zeren_assessment_explain(assessment, Id(), in_.ConsumeBool() ? OnLine : nullptr, &left,
                                     err2),
            err2);
      break;
    }
    case 18: {
      const zeren_assessment* assessment = assessments_.Pick(in_);
      const char* unit = in_.ConsumeBool() ? nullptr : Id();
      char* text = nullptr;
      size_t size = 0;
      char** out = in_.ConsumeIntegralInRange(0, 7) == 0 ? nullptr : &text;
      CheckString("zeren_assessment_to_json",
                  zeren_assessment_to_json(assessment, unit, out, &size, err), err, out, &size);
      const size_t capacity = Capacity();
      std::vector<const char*> ids(capacity);
      std::vector<double> scores(capacity);
      size_t count = 0;
      zeren_error** err2 = Err();
      Check("zeren_assessment_people",
            zeren_assessment_people(assessment, in_.ConsumeBool() ? ids.data() : nullptr,
                                    in_.ConsumeBool() ? scores.data() : nullptr, capacity,
                                    in_.ConsumeIntegralInRange(0, 7) == 0 ? nullptr : &count, err2),
            err2);
      break;
    }
    default: {
      // Frees one result of a random type; the defaults' JSON on the side.
      switch (in_.ConsumeIntegralInRange(0, 7)) {
        case 0: chains_.FreeOne(in_); break;
        case 1: views_.FreeOne(in_); break;
        case 2: accountings_.FreeOne(in_); break;
        case 3: ledgers_.FreeOne(in_); break;
        case 4: audits_.FreeOne(in_); break;
        case 5: assessments_.FreeOne(in_); break;
        case 6: {
          char* text = nullptr;
          Check("zeren_policy_default_json", zeren_policy_default_json(&text, nullptr, err), err);
          zeren_string_free(text);
          break;
        }
        default: {
          char* text = nullptr;
          size_t size = 0;
          CheckString("zeren_scheme_default_json", zeren_scheme_default_json(&text, &size, err),
                      err, &text, &size);
          break;
        }
      }
      break;
    }
  }
}

void Driver::Step() {
  switch (in_.ConsumeIntegralInRange(0, 9)) {
    case 0: Load(); break;
    case 1:
    case 2:
    case 3: EditCall(); break;
    case 4:
    case 5:
    case 6: SnapshotQuery(); break;
    default: Results(); break;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider in(data, size);
  Driver(in).Run();
  return 0;
}
