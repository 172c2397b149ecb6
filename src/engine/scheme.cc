#include "zeren/scheme.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include <boost/json/value.hpp>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "src/io/json_fields.h"
#include "src/io/json_merge.h"
#include "src/io/json_text.h"

namespace zeren {
namespace {

namespace json = boost::json;
using json_fields::Fields;
using json_fields::Need;
constexpr Need kRequired = Need::kRequired;
constexpr Need kOptional = Need::kOptional;

constexpr char kLedgerRate[] = "ledger.on_time_rate";
constexpr std::array<absl::string_view, 4> kBallotKeys = {"good", "fairly_good", "average", "poor"};

// The default scheme (docs/scheme.md says why each number is what it is).
constexpr char kDefaultSchemeJson[] = R"({
  "dimensions": [
    {"id": "integrity", "name": "党风廉政建设", "weight": 0.3,
     "indicators": [{"id": "integrity.meetings", "max": 40}, {"id": "integrity.education", "max": 60}]},
    {"id": "grassroots", "name": "基层党建工作", "weight": 0.7,
     "indicators": [{"id": "grassroots.on_time", "max": 100, "from": "ledger.on_time_rate"}]}
  ],
  "components": {"daily": 0.6, "review": 0.2, "ballot": 0.1, "members": 0.1},
  "ballot_values": {"good": 100, "fairly_good": 80, "average": 60, "poor": 0},
  "deductions": {"minor": 2, "serious": 5, "grave": 10, "cap": 30,
                 "factors": {"self_report": 0.5, "concealment": 2}},
  "bonus_cap": 5,
  "vetoes": [{"severity": "grave", "max_grade": "poor"}],
  "rollup": {"own": 0.7, "subordinates": 0.3, "weight_by": "members"},
  "grades": [{"id": "good", "min": 90, "quota": 0.3}, {"id": "fairly_good", "min": 80},
             {"id": "average", "min": 60}, {"id": "poor", "min": 0}],
  "peer_groups": "kind",
  "flags": [{"id": "talk_required", "grades": ["average", "poor"]},
            {"id": "no_excellent", "held_accountable": true},
            {"id": "eligible_for_honours", "grades": ["good"], "held_accountable": false}]
})";

// Reads the merged (complete) scheme object, reporting every problem with its path.
class SchemeReader {
 public:
  SchemeReader(std::string path, ProblemList* problems) : path_(std::move(path)), problems_(problems) {}

  Scheme Read(const json::value& root) {
    Scheme scheme;
    Fields f(root, path_, problems_);
    ReadDimensions(f, &scheme);
    if (const json::value* v = f.Raw("components", kRequired)) ReadComponents(*v, f.PathOf("components"), &scheme);
    if (const json::value* v = f.Raw("ballot_values", kRequired)) {
      Fields b(*v, f.PathOf("ballot_values"), problems_);
      for (size_t k = 0; k < kBallotKeys.size(); ++k) {
        scheme.ballot_values[k] = b.Number(kBallotKeys[k], kRequired).value_or(0);
      }
      b.Finish();
    }
    if (const json::value* v = f.Raw("deductions", kRequired)) ReadDeductions(*v, f.PathOf("deductions"), &scheme);
    scheme.bonus_cap = NonNegative(f, "bonus_cap");
    // Grades before vetoes and flags, which name them.
    ReadGrades(f, &scheme);
    ReadVetoes(f, &scheme);
    if (const json::value* v = f.Raw("rollup", kRequired)) ReadRollup(*v, f.PathOf("rollup"), &scheme);
    if (auto groups = f.String("peer_groups", kRequired); groups && *groups != "kind") {
      f.Problem(f.PathOf("peer_groups"), absl::StrCat("unknown peer grouping \"", *groups, "\" (expected kind)"));
    }
    ReadFlags(f, &scheme);
    f.Finish();
    return scheme;
  }

 private:
  double NonNegative(Fields& f, absl::string_view key) {
    std::optional<double> x = f.Number(key, kRequired);
    if (x && *x < 0) {
      f.Problem(f.PathOf(key), absl::StrCat("must not be negative, found ", *x));
      return 0;
    }
    return x.value_or(0);
  }

  template <typename Each>
  void ForEach(Fields& f, absl::string_view key, Each each) {
    const json::array* array = f.Array(key, kRequired);
    if (array == nullptr) return;
    for (size_t i = 0; i < array->size(); ++i) {
      Fields element((*array)[i], absl::StrCat(f.PathOf(key), "[", i, "]"), problems_);
      each(element, i);
      element.Finish();
    }
  }

  void ReadDimensions(Fields& f, Scheme* scheme) {
    absl::flat_hash_set<std::string> ids;
    double weights = 0;
    ForEach(f, "dimensions", [&](Fields& d, size_t) {
      Dimension dim;
      dim.id = d.Id("id", kRequired);
      d.set_id(dim.id);
      dim.name = d.String("name", kOptional).value_or("");
      dim.weight = NonNegative(d, "weight");
      weights += dim.weight;
      ForEach(d, "indicators", [&](Fields& x, size_t) {
        Indicator ind;
        ind.id = x.Id("id", kRequired);
        x.set_id(ind.id);
        if (!ind.id.empty() && !ids.insert(ind.id).second) {
          x.Problem(x.PathOf("id"), absl::StrCat("duplicate indicator \"", ind.id, "\""));
        }
        ind.max = x.Number("max", kRequired).value_or(1);
        if (!(ind.max > 0)) x.Problem(x.PathOf("max"), "must be greater than 0");
        if (auto from = x.String("from", kOptional)) {
          ind.from_ledger = true;
          if (*from != kLedgerRate) {
            x.Problem(x.PathOf("from"), absl::StrCat("unknown source \"", *from, "\" (expected ", kLedgerRate, ")"));
          }
        }
        dim.indicators.push_back(std::move(ind));
      });
      if (dim.indicators.empty()) d.Problem(d.PathOf("indicators"), "a dimension needs at least one indicator");
      scheme->dimensions.push_back(std::move(dim));
    });
    if (!(weights > 0)) f.Problem(f.PathOf("dimensions"), "dimension weights must have a positive sum");
  }

  void ReadComponents(const json::value& v, const std::string& path, Scheme* scheme) {
    Fields c(v, path, problems_);
    scheme->daily_weight = NonNegative(c, "daily");
    scheme->review_weight = NonNegative(c, "review");
    scheme->ballot_weight = NonNegative(c, "ballot");
    scheme->members_weight = NonNegative(c, "members");
    c.Finish();
  }

  void ReadDeductions(const json::value& v, const std::string& path, Scheme* scheme) {
    Fields d(v, path, problems_);
    for (int s = 0; s < 3; ++s) scheme->deductions[s] = NonNegative(d, Name(static_cast<Severity>(s)));
    scheme->deduction_cap = NonNegative(d, "cap");
    scheme->factors.fill(1.0);
    if (const json::value* factors = d.Raw("factors", kRequired)) {
      Fields x(*factors, d.PathOf("factors"), problems_);
      for (int k = 0; k < 8; ++k) {
        const absl::string_view name = Name(static_cast<CircumstanceKind>(k));
        if (x.Raw(name, kOptional) != nullptr) scheme->factors[k] = NonNegative(x, name);
      }
      x.Finish();
    }
    d.Finish();
  }

  void ReadGrades(Fields& f, Scheme* scheme) {
    ForEach(f, "grades", [&](Fields& g, size_t i) {
      GradeRule grade;
      grade.id = g.Id("id", kRequired);
      g.set_id(grade.id);
      grade.min = g.Number("min", kRequired).value_or(0);
      grade.quota = g.Number("quota", kOptional);
      if (grade.quota && !(*grade.quota >= 0 && *grade.quota <= 1)) {
        g.Problem(g.PathOf("quota"), absl::StrCat("must be in [0, 1], found ", *grade.quota));
      }
      if (i > 0 && !(grade.min < scheme->grades.back().min)) {
        g.Problem(g.PathOf("min"), "grades must be ordered by strictly decreasing min");
      }
      if (GradeIndex(*scheme, grade.id) >= 0) g.Problem(g.PathOf("id"), absl::StrCat("duplicate grade \"", grade.id, "\""));
      scheme->grades.push_back(std::move(grade));
    });
    if (scheme->grades.empty()) {
      f.Problem(f.PathOf("grades"), "at least one grade is needed");
    } else if (scheme->grades.back().quota) {
      f.Problem(absl::StrCat(f.PathOf("grades"), "[", scheme->grades.size() - 1, "].quota"),
                "the last grade takes everyone left and has no quota");
    }
  }

  static int32_t GradeIndex(const Scheme& scheme, absl::string_view id) {
    for (size_t g = 0; g < scheme.grades.size(); ++g) {
      if (scheme.grades[g].id == id) return static_cast<int32_t>(g);
    }
    return -1;
  }

  std::optional<int32_t> Grade(Fields& f, const std::string& path, const Scheme& scheme,
                               const std::string& id) {
    const int32_t g = GradeIndex(scheme, id);
    if (g < 0) {
      f.Problem(path, absl::StrCat("unknown grade \"", id, "\""));
      return std::nullopt;
    }
    return g;
  }

  void ReadVetoes(Fields& f, Scheme* scheme) {
    ForEach(f, "vetoes", [&](Fields& v, size_t) {
      std::optional<Severity> severity = v.Vocabulary<Severity>("severity", kRequired, ParseSeverity);
      std::optional<std::string> grade = v.String("max_grade", kRequired);
      std::optional<int32_t> g = grade ? Grade(v, v.PathOf("max_grade"), *scheme, *grade) : std::nullopt;
      if (severity && g) scheme->vetoes.push_back({*severity, *g});
    });
  }

  void ReadRollup(const json::value& v, const std::string& path, Scheme* scheme) {
    Fields r(v, path, problems_);
    scheme->rollup_own = NonNegative(r, "own");
    scheme->rollup_subordinates = NonNegative(r, "subordinates");
    if (auto by = r.String("weight_by", kRequired)) {
      if (*by == "members" || *by == "equal") {
        scheme->weight_by_members = *by == "members";
      } else {
        r.Problem(r.PathOf("weight_by"), absl::StrCat("unknown weighting \"", *by, "\" (expected members, equal)"));
      }
    }
    r.Finish();
  }

  void ReadFlags(Fields& f, Scheme* scheme) {
    ForEach(f, "flags", [&](Fields& x, size_t) {
      FlagRule flag;
      flag.id = x.Id("id", kRequired);
      x.set_id(flag.id);
      const std::vector<std::string> grades = x.StringList("grades");
      for (size_t k = 0; k < grades.size(); ++k) {
        if (auto g = Grade(x, absl::StrCat(x.PathOf("grades"), "[", k, "]"), *scheme, grades[k])) {
          flag.grades.push_back(*g);
        }
      }
      if (const json::value* held = x.Raw("held_accountable", kOptional)) {
        if (held->is_bool()) {
          flag.held_accountable = held->get_bool();
        } else {
          x.Problem(x.PathOf("held_accountable"), "expected true or false");
        }
      }
      flag.incident_at_least = x.Vocabulary<Severity>("incident_at_least", kOptional, ParseSeverity);
      scheme->flags.push_back(std::move(flag));
    });
  }

  std::string path_;
  ProblemList* problems_;
};

}  // namespace

const Scheme& DefaultScheme() {
  static const Scheme* scheme = new Scheme(*ParseScheme("\"default\""));
  return *scheme;
}

absl::StatusOr<Scheme> ParseScheme(absl::string_view json_text, absl::string_view path,
                                   ProblemList* problems) {
  ProblemList found;
  json::value merged = *json_text::Parse(kDefaultSchemeJson);
  absl::StatusOr<json::value> given = json_text::Parse(json_text);
  if (!given.ok()) {
    found.Add(std::string(path), "", std::string(given.status().message()));
  } else if (given->is_object()) {
    // Default vetoes and flags name the default grades: a scheme with grades of its own
    // starts without them.
    for (const char* key : {"vetoes", "flags"}) {
      if (given->get_object().contains("grades") && !given->get_object().contains(key)) {
        merged.get_object()[key] = json::array();
      }
    }
    json_merge::MergeInto(*given, &merged);
  } else if (!(given->is_string() && given->get_string() == "default")) {
    found.Add(std::string(path), "", "expected \"default\" or an object");
  }
  Scheme scheme;
  if (found.empty()) scheme = SchemeReader(std::string(path), &found).Read(merged);
  absl::Status status = found.ToStatus();
  if (problems != nullptr) *problems = std::move(found);
  if (!status.ok()) return status;
  return scheme;
}

std::string SchemeToJson(const Scheme& s) {
  using json_text::J;
  json::array dimensions;
  for (const Dimension& d : s.dimensions) {
    json::array indicators;
    for (const Indicator& i : d.indicators) {
      json::object o{{"id", i.id}, {"max", i.max}};
      if (i.from_ledger) o["from"] = kLedgerRate;
      indicators.push_back(std::move(o));
    }
    dimensions.push_back(json::object{{"id", d.id}, {"name", d.name}, {"weight", d.weight},
                                      {"indicators", std::move(indicators)}});
  }
  json::object ballot_values, factors;
  for (size_t k = 0; k < kBallotKeys.size(); ++k) ballot_values[J(kBallotKeys[k])] = s.ballot_values[k];
  // Every factor, 1s included: a partial scheme read back merges over the default, whose
  // factors are not all 1.
  for (int k = 0; k < 8; ++k) factors[J(Name(static_cast<CircumstanceKind>(k)))] = s.factors[k];
  json::object deductions;
  for (int k = 0; k < 3; ++k) deductions[J(Name(static_cast<Severity>(k)))] = s.deductions[k];
  deductions["cap"] = s.deduction_cap;
  deductions["factors"] = std::move(factors);
  json::array vetoes, grades, flags;
  for (const Veto& v : s.vetoes) {
    vetoes.push_back(json::object{{"severity", J(Name(v.severity))}, {"max_grade", s.grades[v.max_grade].id}});
  }
  for (const GradeRule& g : s.grades) {
    json::object o{{"id", g.id}, {"min", g.min}};
    if (g.quota) o["quota"] = *g.quota;
    grades.push_back(std::move(o));
  }
  for (const FlagRule& f : s.flags) {
    json::object o{{"id", f.id}};
    if (!f.grades.empty()) {
      json::array ids;
      for (int32_t g : f.grades) ids.emplace_back(s.grades[g].id);
      o["grades"] = std::move(ids);
    }
    if (f.held_accountable) o["held_accountable"] = *f.held_accountable;
    if (f.incident_at_least) o["incident_at_least"] = J(Name(*f.incident_at_least));
    flags.push_back(std::move(o));
  }
  json::object root{
      {"dimensions", std::move(dimensions)},
      {"components", json::object{{"daily", s.daily_weight}, {"review", s.review_weight},
                                  {"ballot", s.ballot_weight}, {"members", s.members_weight}}},
      {"ballot_values", std::move(ballot_values)},
      {"deductions", std::move(deductions)},
      {"bonus_cap", s.bonus_cap},
      {"vetoes", std::move(vetoes)},
      {"rollup", json::object{{"own", s.rollup_own}, {"subordinates", s.rollup_subordinates},
                              {"weight_by", s.weight_by_members ? "members" : "equal"}}},
      {"grades", std::move(grades)},
      {"peer_groups", "kind"},
      {"flags", std::move(flags)}};
  return json_text::WritePretty(root);
}

}  // namespace zeren
