// A validated model of a responsibility hierarchy: the document's records plus id lookup.
// A Model is always valid: it is created only from data that passed Validate, and changed
// only by Apply, which applies a whole batch of edits or none of it.
#ifndef ZEREN_MODEL_H_
#define ZEREN_MODEL_H_

#include <cstdint>
#include <memory>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "zeren/edit.h"
#include "zeren/problem.h"
#include "zeren/records.h"
#include "absl/strings/string_view.h"

namespace zeren {

// Every problem of `data` (up to ProblemList::kMaxKept kept), JSON paths included.
ProblemList Validate(const ModelData& data);

class Model {
 public:
  // The empty model: no units, default settings.
  Model();
  // A copy indexes its own records; a move keeps the index.
  Model(const Model& other);
  Model& operator=(const Model& other);
  Model(Model&& other) noexcept;
  Model& operator=(Model&& other) noexcept;
  ~Model();

  // Takes `data` when it is valid; otherwise returns the problems (also in `*problems`
  // when given).
  static absl::StatusOr<Model> Create(ModelData data, ProblemList* problems = nullptr);

  const ModelData& data() const { return data_; }

  // Applies every operation of `edit` in order, then validates the result. On any problem
  // the model is left exactly as it was.
  absl::Status Apply(const Edit& edit, ProblemList* problems = nullptr);

  // Lookups by id; nullptr when absent. FindPerson finds person records only: a roster
  // row's person has no record (data().roster.Find finds the row).
  const Unit* FindUnit(absl::string_view id) const;
  const Person* FindPerson(absl::string_view id) const;
  const Duty* FindDuty(absl::string_view id) const;
  const Incident* FindIncident(absl::string_view id) const;

 private:
  // Indexes every record of `data`, which is valid.
  explicit Model(ModelData data);

  // Hash indexes of the records by id (src/model/id_index.h). They hold positions, not
  // copies of the ids: at national scale that is about 1.2 GB less. The validator builds
  // them for Create and Apply.
  struct Indexes;
  // Takes `data` with the indexes the validator built over its records.
  Model(ModelData data, std::unique_ptr<const Indexes> indexes);

  ModelData data_;
  std::unique_ptr<const Indexes> indexes_;  // null only in a moved-from model
};

}  // namespace zeren

#endif  // ZEREN_MODEL_H_
