#include "zeren/model.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "src/model/id_index.h"
#include "src/model/validate.h"

namespace zeren {
namespace {

// A collection of records with ids, edited in a batch: lookups by id are hashed (built on
// first use) and removals only mark, so a batch costs O(records + operations).
template <typename Record>
class Collection {
 public:
  explicit Collection(std::vector<Record>* records) : records_(*records) {}

  // Inserts `record`, or replaces the record with its id.
  void Put(Record record) {
    Index();
    auto [it, fresh] = index_.emplace(record.id, static_cast<uint32_t>(records_.size()));
    if (fresh) {
      records_.push_back(std::move(record));
      removed_.push_back(false);
    } else {
      records_[it->second] = std::move(record);
    }
  }

  bool Remove(const std::string& id) {
    Index();
    auto it = index_.find(id);
    if (it == index_.end()) return false;
    removed_[it->second] = true;
    index_.erase(it);
    return true;
  }

  // Drops the removed records, keeping the order of the others.
  void Compact() {
    if (std::find(removed_.begin(), removed_.end(), true) == removed_.end()) return;
    size_t kept = 0;
    for (size_t i = 0; i < records_.size(); ++i) {
      if (removed_[i]) continue;
      if (kept != i) records_[kept] = std::move(records_[i]);  // never a self-move
      ++kept;
    }
    records_.resize(kept);
  }

 private:
  void Index() {
    if (indexed_) return;
    indexed_ = true;
    removed_.assign(records_.size(), false);
    for (uint32_t i = 0; i < records_.size(); ++i) index_.emplace(records_[i].id, i);
  }

  std::vector<Record>& records_;
  bool indexed_ = false;
  absl::flat_hash_map<std::string, uint32_t> index_;
  std::vector<bool> removed_;
};

// Applies the operations of one batch to `data`; records a problem at "edit[i]" for an
// operation that cannot apply.
class BatchApplier {
 public:
  BatchApplier(ModelData* data, ProblemList* problems)
      : data_(*data), problems_(*problems), units_(&data->units), people_(&data->people),
        duties_(&data->duties), incidents_(&data->incidents) {}

  void Apply(const Edit& edit) {
    const auto& operations = edit.operations();
    for (size_t i = 0; i < operations.size(); ++i) {
      path_ = absl::StrCat("edit[", i, "]");
      std::visit(*this, operations[i]);
    }
    units_.Compact();
    people_.Compact();
    duties_.Compact();
    incidents_.Compact();
  }

  void operator()(const Unit& unit) { units_.Put(unit); }
  void operator()(const Person& person) { people_.Put(person); }
  void operator()(const Duty& duty) { duties_.Put(duty); }
  void operator()(const Incident& incident) { incidents_.Put(incident); }
  void operator()(const Post& post) { data_.posts.push_back(post); }
  void operator()(const Link& link) { data_.links.push_back(link); }

  void operator()(const Edit::EndPostOp& op) {
    for (Post& post : data_.posts) {
      if (post.person == op.person && post.unit == op.unit && post.role == op.role &&
          post.held.to == kEndOfTime) {
        post.held.to = op.to;
        return;
      }
    }
    if (op.role == Role::kStaff && InRoster(op.person)) return;
    problems_.Add(path_, op.person,
                  absl::StrCat("no open ", Name(op.role), " post of \"", op.person,
                               "\" in unit \"", op.unit, "\" to end"));
  }

  void operator()(const Edit::EndLinkOp& op) {
    for (Link& link : data_.links) {
      if (link.kind == op.kind && link.from == op.from && link.to == op.to &&
          link.valid.to == kEndOfTime) {
        link.valid.to = op.end;
        return;
      }
    }
    problems_.Add(path_, op.from,
                  absl::StrCat("no open ", Name(op.kind), " link from \"", op.from, "\" to \"",
                               op.to, "\" to end"));
  }

  void operator()(const Edit::RemoveUnitOp& op) {
    if (!units_.Remove(op.id)) Missing("unit", op.id);
  }
  void operator()(const Edit::RemovePersonOp& op) {
    if (!InRoster(op.id) && !people_.Remove(op.id)) Missing("person", op.id);
  }

 private:
  // Roster rows are not records an edit can change; true (with a problem) for one.
  bool InRoster(const std::string& person) {
    if (!data_.roster.Find(person)) return false;
    problems_.Add(path_, person,
                  absl::StrCat("person \"", person,
                               "\" is a row of the member roster, which edits cannot change"));
    return true;
  }

  void Missing(absl::string_view what, const std::string& id) {
    problems_.Add(path_, id, absl::StrCat("no ", what, " \"", id, "\" to remove"));
  }

  ModelData& data_;
  ProblemList& problems_;
  std::string path_;
  Collection<Unit> units_;
  Collection<Person> people_;
  Collection<Duty> duties_;
  Collection<Incident> incidents_;
};

}  // namespace

struct Model::Indexes : ModelIndexes {
  using ModelIndexes::ModelIndexes;
};

Model::Model(ModelData data, std::unique_ptr<const Indexes> indexes)
    : data_(std::move(data)), indexes_(std::move(indexes)) {}

// Indexes every record of a valid `data` (kept at the same place: see IdIndex).
Model::Model(ModelData data) : data_(std::move(data)) {
  auto indexes = std::make_unique<Indexes>(data_);
  indexes->AddAll(data_);
  indexes_ = std::move(indexes);
}

Model::Model() : Model(ModelData()) {}

Model::Model(const Model& other) : Model(other.data_) {}

Model& Model::operator=(const Model& other) {
  if (this != &other) *this = Model(other);
  return *this;
}

Model::Model(Model&& other) noexcept = default;
Model& Model::operator=(Model&& other) noexcept = default;
Model::~Model() = default;

absl::StatusOr<Model> Model::Create(ModelData data, ProblemList* problems) {
  // Made over data's records, which the model takes without moving them.
  auto indexes = std::make_unique<Indexes>(data);
  ProblemList found = ValidateAndIndex(data, indexes.get());
  absl::Status status = found.ToStatus();
  if (problems != nullptr) *problems = std::move(found);
  if (!status.ok()) return status;
  return Model(std::move(data), std::move(indexes));
}

absl::Status Model::Apply(const Edit& edit, ProblemList* problems) {
  // Edits work on a copy, so that a failing batch leaves this model untouched.
  ModelData next = data_;
  ProblemList found;
  BatchApplier(&next, &found).Apply(edit);
  auto indexes = std::make_unique<Indexes>(next);
  if (found.empty()) found = ValidateAndIndex(next, indexes.get());
  absl::Status status = found.ToStatus();
  if (problems != nullptr) *problems = std::move(found);
  if (!status.ok()) return status;
  *this = Model(std::move(next), std::move(indexes));
  return absl::OkStatus();
}

namespace {

template <typename Record>
const Record* Found(const std::vector<Record>& records, const IdIndex<Record>& index,
                    absl::string_view id) {
  const std::optional<uint32_t> i = index.Find(id);
  return i ? &records[*i] : nullptr;
}

}  // namespace

const Unit* Model::FindUnit(absl::string_view id) const {
  return indexes_ ? Found(data_.units, indexes_->units, id) : nullptr;
}
const Person* Model::FindPerson(absl::string_view id) const {
  return indexes_ ? Found(data_.people, indexes_->people, id) : nullptr;
}
const Duty* Model::FindDuty(absl::string_view id) const {
  return indexes_ ? Found(data_.duties, indexes_->duties, id) : nullptr;
}
const Incident* Model::FindIncident(absl::string_view id) const {
  return indexes_ ? Found(data_.incidents, indexes_->incidents, id) : nullptr;
}

}  // namespace zeren
