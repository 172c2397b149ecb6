#include "zeren/model.h"

#include <algorithm>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace zeren {
namespace {

template <typename Record>
void IndexById(const std::vector<Record>& records,
               absl::flat_hash_map<std::string, uint32_t>* index) {
  index->reserve(records.size());
  for (uint32_t i = 0; i < records.size(); ++i) index->emplace(records[i].id, i);
}

template <typename Record>
const Record* Find(const std::vector<Record>& records,
                   const absl::flat_hash_map<std::string, uint32_t>& index,
                   absl::string_view id) {
  auto it = index.find(id);
  return it == index.end() ? nullptr : &records[it->second];
}

// Inserts `record`, or replaces the record with its id.
template <typename Record>
void Put(std::vector<Record>& records, Record record) {
  auto it = std::find_if(records.begin(), records.end(),
                         [&](const Record& r) { return r.id == record.id; });
  if (it == records.end()) {
    records.push_back(std::move(record));
  } else {
    *it = std::move(record);
  }
}

template <typename Record>
bool Remove(std::vector<Record>& records, absl::string_view id) {
  auto it = std::find_if(records.begin(), records.end(),
                         [&](const Record& r) { return r.id == id; });
  if (it == records.end()) return false;
  records.erase(it);
  return true;
}

// Applies one operation to `data`; records a problem at "edit[i]" when it cannot apply.
class OperationApplier {
 public:
  OperationApplier(ModelData* data, std::string path, ProblemList* problems)
      : data_(*data), path_(std::move(path)), problems_(*problems) {}

  void operator()(const Unit& unit) { Put(data_.units, unit); }
  void operator()(const Person& person) { Put(data_.people, person); }
  void operator()(const Duty& duty) { Put(data_.duties, duty); }
  void operator()(const Incident& incident) { Put(data_.incidents, incident); }
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
    if (!Remove(data_.units, op.id)) Missing("unit", op.id);
  }
  void operator()(const Edit::RemovePersonOp& op) {
    if (!Remove(data_.people, op.id)) Missing("person", op.id);
  }

 private:
  void Missing(absl::string_view what, const std::string& id) {
    problems_.Add(path_, id, absl::StrCat("no ", what, " \"", id, "\" to remove"));
  }

  ModelData& data_;
  std::string path_;
  ProblemList& problems_;
};

}  // namespace

Model::Model(ModelData data) : data_(std::move(data)) {
  IndexById(data_.units, &unit_index_);
  IndexById(data_.people, &person_index_);
  IndexById(data_.duties, &duty_index_);
  IndexById(data_.incidents, &incident_index_);
}

absl::StatusOr<Model> Model::Create(ModelData data, ProblemList* problems) {
  ProblemList found = Validate(data);
  absl::Status status = found.ToStatus();
  if (problems != nullptr) *problems = std::move(found);
  if (!status.ok()) return status;
  return Model(std::move(data));
}

absl::Status Model::Apply(const Edit& edit, ProblemList* problems) {
  // Edits work on a copy, so that a failing batch leaves this model untouched.
  ModelData next = data_;
  ProblemList found;
  const auto& operations = edit.operations();
  for (size_t i = 0; i < operations.size(); ++i) {
    std::visit(OperationApplier(&next, absl::StrCat("edit[", i, "]"), &found), operations[i]);
  }
  if (found.empty()) found = Validate(next);
  absl::Status status = found.ToStatus();
  if (problems != nullptr) *problems = std::move(found);
  if (!status.ok()) return status;
  *this = Model(std::move(next));
  return absl::OkStatus();
}

const Unit* Model::FindUnit(absl::string_view id) const {
  return Find(data_.units, unit_index_, id);
}
const Person* Model::FindPerson(absl::string_view id) const {
  return Find(data_.people, person_index_, id);
}
const Duty* Model::FindDuty(absl::string_view id) const {
  return Find(data_.duties, duty_index_, id);
}
const Incident* Model::FindIncident(absl::string_view id) const {
  return Find(data_.incidents, incident_index_, id);
}

}  // namespace zeren
