#include "zeren/policy.h"

#include <cmath>
#include <utility>

#include <boost/json/value.hpp>

#include "absl/strings/str_cat.h"
#include "src/io/json_fields.h"
#include "src/io/json_text.h"
#include "src/io/json_merge.h"

namespace zeren {
namespace {

namespace json = boost::json;
using json_fields::Fields;
using json_fields::Need;

constexpr std::array<absl::string_view, kCategoryCount> kCategoryNames = {
    "direct",      "main_leadership", "important_leadership", "overall_leadership",
    "supervisory", "guidance",        "upward"};
constexpr std::array<absl::string_view, 7> kFormNames = {
    "none",          "self_examination",          "circulated_notice",    "reorganization",
    "admonishment",  "organizational_adjustment", "disciplinary_sanction"};
constexpr std::array<Form, 4> kUnitLadder = {Form::kNone, Form::kSelfExamination,
                                             Form::kCirculatedNotice, Form::kReorganization};
constexpr std::array<Form, 5> kPersonLadder = {Form::kNone, Form::kCirculatedNotice,
                                               Form::kAdmonishment,
                                               Form::kOrganizationalAdjustment,
                                               Form::kDisciplinarySanction};
constexpr std::array<Severity, 3> kSeverities = {Severity::kMinor, Severity::kSerious,
                                                 Severity::kGrave};

// The default policy (docs/policy.md says why each number is what it is).
constexpr char kDefaultPolicyJson[] = R"({
  "degrees": {"direct": 1, "main_leadership": 0.6, "important_leadership": 0.3,
              "overall_leadership": 0.8, "supervisory": 0.4, "guidance": 0.3, "upward": 0.5},
  "upward": {"min_severity": "grave", "decay": 0.5, "max_levels": 2},
  "forms": {
    "direct": {"minor": "admonishment", "serious": "disciplinary_sanction",
               "grave": "disciplinary_sanction"},
    "main_leadership": {"minor": "circulated_notice", "serious": "admonishment",
                        "grave": "organizational_adjustment"},
    "important_leadership": {"minor": "none", "serious": "circulated_notice",
                             "grave": "admonishment"},
    "overall_leadership": {"minor": "self_examination", "serious": "circulated_notice",
                           "grave": "reorganization"},
    "supervisory": {"minor": "none", "serious": "circulated_notice", "grave": "admonishment"},
    "guidance": {"minor": "none", "serious": "circulated_notice", "grave": "admonishment"},
    "upward": {"minor": "none", "serious": "circulated_notice", "grave": "admonishment"}
  },
  "circumstances": {"repeat": 1, "concealment": 1, "obstruction": 1, "refused_rectification": 1,
                    "self_report": -1, "prompt_rectification": -1, "due_diligence": -1,
                    "objection_on_record": "exempt"}
})";

// Reads the merged (complete) policy object, reporting every problem with its path.
class PolicyReader {
 public:
  PolicyReader(std::string path, ProblemList* problems) : path_(std::move(path)), problems_(problems) {}

  Policy Read(const json::value& root) {
    Policy policy;
    Fields f(root, path_, problems_);
    if (auto* v = f.Raw("degrees", Need::kRequired)) ReadDegrees(*v, f.PathOf("degrees"), &policy);
    if (auto* v = f.Raw("upward", Need::kRequired)) ReadUpward(*v, f.PathOf("upward"), &policy);
    if (auto* v = f.Raw("forms", Need::kRequired)) ReadForms(*v, f.PathOf("forms"), &policy);
    if (auto* v = f.Raw("circumstances", Need::kRequired)) {
      ReadCircumstances(*v, f.PathOf("circumstances"), &policy);
    }
    f.Finish();
    return policy;
  }

 private:
  // A number in (0, 1].
  std::optional<double> Fraction(Fields& f, absl::string_view key) {
    std::optional<double> x = f.Number(key, Need::kRequired);
    if (x && !(*x > 0 && *x <= 1)) {
      f.Problem(f.PathOf(key), absl::StrCat("must be in (0, 1], found ", *x));
      return std::nullopt;
    }
    return x;
  }

  void ReadDegrees(const json::value& v, const std::string& path, Policy* policy) {
    Fields f(v, path, problems_);
    for (int c = 0; c < kCategoryCount; ++c) {
      if (auto x = Fraction(f, kCategoryNames[c])) policy->degrees[c] = *x;
    }
    f.Finish();
  }

  void ReadUpward(const json::value& v, const std::string& path, Policy* policy) {
    Fields f(v, path, problems_);
    if (auto s = f.Vocabulary<Severity>("min_severity", Need::kRequired, ParseSeverity)) {
      policy->upward_min_severity = *s;
    }
    if (auto x = Fraction(f, "decay")) policy->upward_decay = *x;
    if (auto n = f.Integer("max_levels", Need::kRequired)) {
      if (*n < 0 || *n > 1000) {
        f.Problem(f.PathOf("max_levels"), "must be an integer from 0 to 1000");
      } else {
        policy->upward_max_levels = static_cast<int32_t>(*n);
      }
    }
    f.Finish();
  }

  void ReadForms(const json::value& v, const std::string& path, Policy* policy) {
    Fields f(v, path, problems_);
    for (int c = 0; c < kCategoryCount; ++c) {
      const json::value* row = f.Raw(kCategoryNames[c], Need::kRequired);
      if (row == nullptr) continue;
      Fields r(*row, f.PathOf(kCategoryNames[c]), problems_);
      const Ladder ladder = LadderOf(static_cast<Category>(c));
      for (Severity s : kSeverities) {
        std::optional<Form> form = r.Vocabulary<Form>(Name(s), Need::kRequired, ParseForm);
        if (!form) continue;
        if (RungOf(ladder, *form) < 0) {
          r.Problem(r.PathOf(Name(s)),
                    absl::StrCat("form \"", Name(*form), "\" is not on the ",
                                 ladder == Ladder::kUnits ? "units'" : "people's", " ladder"));
          continue;
        }
        policy->forms[c][static_cast<int>(s)] = *form;
      }
      r.Finish();
    }
    f.Finish();
  }

  void ReadCircumstances(const json::value& v, const std::string& path, Policy* policy) {
    Fields f(v, path, problems_);
    for (int k = 0; k < 8; ++k) {
      const absl::string_view name = Name(static_cast<CircumstanceKind>(k));
      const json::value* step = f.Raw(name, Need::kRequired);
      if (step == nullptr) continue;
      // A whole number, written as an integer or not ("1", "1.0", "1e0").
      const std::optional<double> number =
          step->is_int64()    ? std::optional<double>(static_cast<double>(step->get_int64()))
          : step->is_double() ? std::optional<double>(step->get_double())
                              : std::nullopt;
      if (step->is_string() && step->get_string() == "exempt") {
        policy->circumstances[k] = {true, 0};
      } else if (number && *number == std::trunc(*number) && std::fabs(*number) <= 100) {
        policy->circumstances[k] = {false, static_cast<int32_t>(*number)};
      } else {
        f.Problem(f.PathOf(name), "expected an integer step from -100 to 100 or \"exempt\"");
      }
    }
    f.Finish();
  }

  std::string path_;
  ProblemList* problems_;
};

json::value DefaultPolicyValue() { return *json_text::Parse(kDefaultPolicyJson); }

}  // namespace

absl::string_view Name(Category category) { return kCategoryNames[static_cast<int>(category)]; }
absl::string_view Name(Form form) { return kFormNames[static_cast<int>(form)]; }

std::optional<Category> ParseCategory(absl::string_view text) {
  for (int c = 0; c < kCategoryCount; ++c) {
    if (kCategoryNames[c] == text) return static_cast<Category>(c);
  }
  return std::nullopt;
}

std::optional<Form> ParseForm(absl::string_view text) {
  for (size_t f = 0; f < kFormNames.size(); ++f) {
    if (kFormNames[f] == text) return static_cast<Form>(f);
  }
  return std::nullopt;
}

absl::string_view Spellings(Form) {
  static const std::string* joined = [] {
    auto* text = new std::string;
    for (absl::string_view name : kFormNames) absl::StrAppend(text, text->empty() ? "" : ", ", name);
    return text;
  }();
  return *joined;
}

int RungCount(Ladder ladder) {
  return ladder == Ladder::kUnits ? static_cast<int>(kUnitLadder.size())
                                  : static_cast<int>(kPersonLadder.size());
}

Form FormAt(Ladder ladder, int rung) {
  return ladder == Ladder::kUnits ? kUnitLadder[rung] : kPersonLadder[rung];
}

int RungOf(Ladder ladder, Form form) {
  for (int r = 0; r < RungCount(ladder); ++r) {
    if (FormAt(ladder, r) == form) return r;
  }
  return -1;
}

const Policy& DefaultPolicy() {
  static const Policy* policy = new Policy(*ParsePolicy("\"default\""));
  return *policy;
}

absl::StatusOr<Policy> ParsePolicy(absl::string_view json_text, absl::string_view path,
                                   ProblemList* problems) {
  ProblemList found;
  json::value merged = DefaultPolicyValue();
  absl::StatusOr<json::value> given = json_text::Parse(json_text);
  if (!given.ok()) {
    found.Add(std::string(path), "", std::string(given.status().message()));
  } else if (given->is_object()) {
    json_merge::MergeInto(*given, &merged);
  } else if (!(given->is_string() && given->get_string() == "default")) {
    found.Add(std::string(path), "", "expected \"default\" or an object");
  }
  Policy policy;
  if (found.empty()) policy = PolicyReader(std::string(path), &found).Read(merged);
  absl::Status status = found.ToStatus();
  if (problems != nullptr) *problems = std::move(found);
  if (!status.ok()) return status;
  return policy;
}

std::string PolicyToJson(const Policy& policy) {
  json::object degrees, forms, circumstances;
  for (int c = 0; c < kCategoryCount; ++c) {
    degrees[json_text::J(kCategoryNames[c])] = policy.degrees[c];
    json::object row;
    for (Severity s : kSeverities) {
      row[json_text::J(Name(s))] = json_text::J(Name(policy.forms[c][static_cast<int>(s)]));
    }
    forms[json_text::J(kCategoryNames[c])] = std::move(row);
  }
  for (int k = 0; k < 8; ++k) {
    const json::string_view name = json_text::J(Name(static_cast<CircumstanceKind>(k)));
    const CircumstanceStep& step = policy.circumstances[k];
    if (step.exempt) {
      circumstances[name] = "exempt";
    } else {
      circumstances[name] = step.step;
    }
  }
  json::object upward{{"min_severity", json_text::J(Name(policy.upward_min_severity))},
                      {"decay", policy.upward_decay},
                      {"max_levels", policy.upward_max_levels}};
  json::object root{{"degrees", std::move(degrees)},
                    {"upward", std::move(upward)},
                    {"forms", std::move(forms)},
                    {"circumstances", std::move(circumstances)}};
  return json_text::WritePretty(root);
}

}  // namespace zeren
