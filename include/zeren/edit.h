// A batch of changes to a model, built by host software instead of writing JSON.
// Model::Apply applies a batch whole or not at all.
#ifndef ZEREN_EDIT_H_
#define ZEREN_EDIT_H_

#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "zeren/date.h"
#include "zeren/records.h"

namespace zeren {

class Edit {
 public:
  // Insert or replace (by id).
  Edit& PutUnit(Unit unit) { return Push(std::move(unit)); }
  Edit& PutPerson(Person person) { return Push(std::move(person)); }
  Edit& PutDuty(Duty duty) { return Push(std::move(duty)); }
  Edit& PutIncident(Incident incident) { return Push(std::move(incident)); }
  // Append.
  Edit& AddPost(Post post) { return Push(std::move(post)); }
  Edit& AddLink(Link link) { return Push(std::move(link)); }
  // Close the open-ended post (person, unit, role) on `to`: the post's last day is to - 1.
  Edit& EndPost(std::string person, std::string unit, Role role, Date to) {
    return Push(EndPostOp{std::move(person), std::move(unit), role, to});
  }
  // Close the open-ended link (kind, from, to) on `end`.
  Edit& EndLink(LinkKind kind, std::string from, std::string to, Date end) {
    return Push(EndLinkOp{kind, std::move(from), std::move(to), end});
  }
  // Remove a unit or a person by id. Anything still naming it makes the batch fail.
  Edit& RemoveUnit(std::string id) { return Push(RemoveUnitOp{std::move(id)}); }
  Edit& RemovePerson(std::string id) { return Push(RemovePersonOp{std::move(id)}); }

  struct EndPostOp {
    std::string person, unit;
    Role role;
    Date to;
  };
  struct EndLinkOp {
    LinkKind kind;
    std::string from, to;
    Date end;
  };
  struct RemoveUnitOp {
    std::string id;
  };
  struct RemovePersonOp {
    std::string id;
  };
  using Operation = std::variant<Unit, Person, Duty, Incident, Post, Link, EndPostOp, EndLinkOp,
                                 RemoveUnitOp, RemovePersonOp>;

  const std::vector<Operation>& operations() const { return operations_; }
  bool empty() const { return operations_.empty(); }

 private:
  Edit& Push(Operation op) {
    operations_.push_back(std::move(op));
    return *this;
  }

  std::vector<Operation> operations_;
};

}  // namespace zeren

#endif  // ZEREN_EDIT_H_
