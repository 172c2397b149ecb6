// The words of accountability results: why each path reached its party.
#include "src/engine/accountability_text.h"

#include "absl/strings/str_cat.h"
#include "zeren/accountability.h"

namespace zeren {
namespace {

std::string Steps(uint32_t n) { return n == 1 ? "1 step" : absl::StrCat(n, " steps"); }

// "secretary of 党组 (org) from 2021-03-01" or "... from 2021-03-01 to 2025-07-01".
std::string PostText(const Snapshot& s, const Namer& n, PostIndex post) {
  const Interval& held = s.post_held(post);
  std::string text = absl::StrCat(Name(s.post_role(post)), " of ", n.Unit(s.post_unit(post)),
                                  " from ",
                                  FormatDate(held.from));
  if (held.to != kEndOfTime) absl::StrAppend(&text, " to ", FormatDate(held.to));
  return text;
}

// "name (id)" for everything.
class PlainNamer : public Namer {
 public:
  explicit PlainNamer(const Snapshot& s) : s_(s) {}
  std::string Unit(UnitIndex u) const override { return s_.DescribeUnit(u); }
  std::string Person(PersonIndex p) const override { return s_.DescribePerson(p); }

 private:
  const Snapshot& s_;
};

}  // namespace

std::string Describe(const Snapshot& s, IncidentIndex incident, const Party& party,
                     const ReachPath& path) {
  return DescribePath(s, PlainNamer(s), incident, party, path);
}

std::string DescribePath(const Snapshot& s, const Namer& n, IncidentIndex incident,
                         const Party& party, const ReachPath& path) {
  const std::string who = party.is_unit ? n.Unit(party.index) : n.Person(party.index);
  const std::string at = n.Unit(s.incident_unit(incident));
  using Rule = ReachPath::Rule;
  switch (path.rule) {
    case Rule::kNamedDirect:
      return absl::StrCat(who, " is named as direct in ", s.incident_id(incident));
    case Rule::kLeaderOfUnit:
      return absl::StrCat(who, ", ", PostText(s, n, path.post));
    case Rule::kInChargeOfUnit:
      return absl::StrCat(who, ", ", PostText(s, n, path.post), ", is in charge of ", at);
    case Rule::kParticipant:
      return absl::StrCat(who, " took part, as ", PostText(s, n, path.post));
    case Rule::kInChargeOfAncestor:
      return absl::StrCat(who, ", ", PostText(s, n, path.post), ", is in charge of ",
                          n.Unit(path.unit), ", ", Steps(path.steps), " above ", at);
    case Rule::kUnitItself:
      return absl::StrCat("the incident happened at ", at);
    case Rule::kDutyUnit:
    case Rule::kDutyPost: {
      const DutyIndex duty = s.incident_duty(incident);
      const std::string holds = absl::StrCat("holds duty ", s.duty_id(duty), " (",
                                             Name(s.duty_category(duty)), ")");
      return path.rule == Rule::kDutyUnit
                 ? absl::StrCat(who, " ", holds)
                 : absl::StrCat(who, ", ", PostText(s, n, path.post), ", ", holds);
    }
    case Rule::kSupervisor: {
      std::string text = absl::StrCat(who, ", ", PostText(s, n, path.post), ", which supervises ",
                                      n.Unit(path.unit));
      if (path.steps > 0) absl::StrAppend(&text, ", ", Steps(path.steps), " above ", at);
      return text;
    }
    case Rule::kGuide: {
      std::string text = absl::StrCat(who, " guides ", n.Unit(path.unit));
      if (path.steps > 0) absl::StrAppend(&text, ", ", Steps(path.steps), " above ", at);
      return text;
    }
    case Rule::kUpward:
      return absl::StrCat(who, ", ", PostText(s, n, path.post), ", ", Steps(path.steps),
                          " above ", at);
  }
  return "";
}

std::string Describe(const Adjustment& a) {
  if (a.exempt) return absl::StrCat(Name(a.kind), ":exempt");
  return absl::StrCat(Name(a.kind), a.step > 0 ? ":+" : ":-", a.step > 0 ? a.step : -a.step);
}

}  // namespace zeren
