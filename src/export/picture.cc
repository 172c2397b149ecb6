#include "zeren/picture.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "src/export/dot_text.h"
#include "zeren/date.h"
#include "zeren/policy.h"
#include "zeren/vocabulary.h"

namespace zeren {
namespace {

using Attributes = std::vector<std::pair<std::string, std::string>>;

// A fill colour for nodes and a darker one for edges.
struct Look {
  const char* fill;
  const char* line;
};

// A DOT digraph written by hand (Boost's writer knows neither default attributes nor
// HTML-like labels, which the legend is): nodes once each, in the order first added, then
// edges, then the legend. Every ID and value is quoted.
class Picture {
 public:
  Picture(std::string graph_name, const std::string& title) : name_(std::move(graph_name)) {
    graph_ = {{"label", title}, {"labelloc", "t"}, {"rankdir", "LR"},
              {"fontname", "sans-serif"}};
  }

  // Later calls for the same id add nothing: the first role a node is drawn for wins.
  void Node(const std::string& id, Attributes attributes) {
    if (!seen_.insert(id).second) return;
    absl::StrAppend(&body_, "  ", dot::Quote(id), List(attributes), ";\n");
  }

  void Edge(const std::string& from, const std::string& to, Attributes attributes) {
    absl::StrAppend(&edges_, "  ", dot::Quote(from), " -> ", dot::Quote(to), List(attributes),
                    ";\n");
  }

  // A legend entry, once per label, in the order first added. Labels are plain words
  // (kinds and categories): they go into the legend's HTML-like label as they are.
  void Legend(const std::string& label, const Look& look) {
    for (const auto& entry : legend_) {
      if (entry.first == label) return;
    }
    legend_.push_back({label, look});
  }

  std::string Render() const {
    std::string out = absl::StrCat("digraph ", dot::Quote(name_), " {\n", "  graph",
                                   List(graph_), ";\n",
                                   "  node [fontname=\"sans-serif\", fontsize=\"10\"];\n",
                                   "  edge [fontname=\"sans-serif\", fontsize=\"9\"];\n", body_,
                                   edges_);
    // The legend: one node whose HTML-like label is a table of the colours.
    if (!legend_.empty()) {
      std::string rows;
      for (const auto& [label, look] : legend_) {
        absl::StrAppend(&rows, "<tr><td bgcolor=\"", look.fill, "\" color=\"", look.line,
                        "\">", label, "</td></tr>");
      }
      absl::StrAppend(&out, "  \"legend\" [shape=\"plaintext\", label=<<table border=\"0\" ",
                      "cellborder=\"1\" cellspacing=\"2\" cellpadding=\"4\"><tr><td ",
                      "border=\"0\">legend</td></tr>", rows, "</table>>];\n");
    }
    out += "}\n";
    return out;
  }

 private:
  static std::string List(const Attributes& attributes) {
    if (attributes.empty()) return "";
    std::vector<std::string> items;
    for (const auto& [key, value] : attributes) {
      items.push_back(absl::StrCat(key, "=", dot::Quote(value)));
    }
    return absl::StrCat(" [", absl::StrJoin(items, ", "), "]");
  }

  std::string name_;
  Attributes graph_;
  absl::flat_hash_set<std::string> seen_;
  std::string body_, edges_;
  std::vector<std::pair<std::string, Look>> legend_;
};

std::string UnitNode(const Snapshot& s, UnitIndex u) { return absl::StrCat("u:", s.unit_id(u)); }
std::string PersonNode(const Snapshot& s, PersonIndex p) {
  return absl::StrCat("p:", s.person_id(p));
}
std::string UnitLabel(const Snapshot& s, UnitIndex u) {
  return absl::StrCat(s.unit_name(u), "\n(", s.unit_id(u), ")");
}
std::string PersonLabel(const Snapshot& s, PersonIndex p) {
  return absl::StrCat(s.person_name(p), "\n(", s.person_id(p), ")");
}

// ---- the chain ----

// Entries are grouped for colours: the unit's own post holders, then one group per kind.
struct ChainGroup {
  const char* legend;
  Look look;
};

ChainGroup GroupOf(ChainEntry::Kind kind) {
  switch (kind) {
    case ChainEntry::Kind::kSecretary:
    case ChainEntry::Kind::kHead:
    case ChainEntry::Kind::kDeputy:
    case ChainEntry::Kind::kMember:
    case ChainEntry::Kind::kDisciplineSecretary:
      return {"post holders", {"#9ecae1", "#2874a6"}};
    case ChainEntry::Kind::kInCharge: return {"in charge", {"#f5b971", "#d35400"}};
    case ChainEntry::Kind::kSupervisor: return {"supervisor", {"#f28e8e", "#c0392b"}};
    case ChainEntry::Kind::kSpecialist: return {"specialist", {"#f7e08b", "#b7950b"}};
    case ChainEntry::Kind::kGuide: return {"guide", {"#a9dfa0", "#1e8449"}};
    case ChainEntry::Kind::kSuperior: return {"superior", {"#d5d8dc", "#566573"}};
  }
  return {"?", {"white", "black"}};
}

std::string StepsText(uint32_t distance) {
  if (distance == 0) return "";
  return distance == 1 ? ", 1 step up" : absl::StrCat(", ", distance, " steps up");
}

class ChainPicture {
 public:
  ChainPicture(const Snapshot& s, const Chain& chain)
      : s_(s),
        chain_(chain),
        picture_("chain", absl::StrCat("Chain of responsibility of ", s.DescribeUnit(chain.unit),
                                       " as of ", FormatDate(chain.as_of))),
        center_(UnitNode(s, chain.unit)) {}

  std::string Render() && {
    picture_.Node(center_, {{"label", UnitLabel(s_, chain_.unit)},
                            {"shape", "box"},
                            {"style", "rounded,bold"},
                            {"penwidth", "2"}});
    for (size_t k = 0; k < chain_.entries.size(); ++k) Add(k, chain_.entries[k]);
    return picture_.Render();
  }

 private:
  void Add(size_t k, const ChainEntry& e) {
    const ChainGroup group = GroupOf(e.kind);
    picture_.Legend(group.legend, group.look);
    const std::string steps = StepsText(e.distance);
    switch (e.kind) {
      case ChainEntry::Kind::kSupervisor:
      case ChainEntry::Kind::kSpecialist:
      case ChainEntry::Kind::kSuperior: {
        if (e.unit == kNoIndex) {  // no supervising body at all
          Vacant(k, "no supervising body", center_, std::string(Name(e.kind)), e.reason);
          return;
        }
        const std::string body = UnitNode(s_, e.unit);
        picture_.Node(body, Filled(UnitLabel(s_, e.unit), "box", group.look));
        const char* verb = e.kind == ChainEntry::Kind::kSupervisor    ? "supervises"
                           : e.kind == ChainEntry::Kind::kSpecialist ? "specializes"
                                                                     : "leads";
        picture_.Edge(body, center_, Line(absl::StrCat(verb, steps), group.look, e.reason));
        if (e.kind == ChainEntry::Kind::kSpecialist) return;
        const std::string role = e.kind == ChainEntry::Kind::kSupervisor
                                     ? "discipline_secretary"
                                     : "secretary";
        if (e.person == kNoIndex) {
          Vacant(k, absl::StrCat("vacant\n", role), body, role, e.reason);
        } else {
          Person(e.person, group.look);
          picture_.Edge(PersonNode(s_, e.person), body, Line(role, group.look, e.reason));
        }
        return;
      }
      default: {
        const std::string role(Name(e.kind));
        if (e.person == kNoIndex) {
          Vacant(k, absl::StrCat("vacant\n", role), center_, role, e.reason);
          return;
        }
        Person(e.person, group.look);
        picture_.Edge(PersonNode(s_, e.person), center_,
                      Line(absl::StrCat(role, steps), group.look, e.reason));
      }
    }
  }

  void Person(PersonIndex p, const Look& look) {
    picture_.Node(PersonNode(s_, p), Filled(PersonLabel(s_, p), "ellipse", look));
  }

  // A post or link with no one in it: a dashed box of its own, per entry.
  void Vacant(size_t k, const std::string& label, const std::string& to,
              const std::string& edge_label, const std::string& reason) {
    const std::string id = absl::StrCat("vacant:", k);
    picture_.Node(id, {{"label", label}, {"shape", "box"}, {"style", "dashed"},
                       {"color", "#c0392b"}, {"fontcolor", "#c0392b"}, {"tooltip", reason}});
    picture_.Edge(id, to, {{"label", edge_label}, {"style", "dashed"}, {"color", "#c0392b"},
                           {"tooltip", reason}});
  }

  static Attributes Filled(const std::string& label, const std::string& shape, const Look& look) {
    return {{"label", label}, {"shape", shape}, {"style", "filled"},
            {"fillcolor", look.fill}, {"color", look.line}};
  }

  static Attributes Line(const std::string& label, const Look& look, const std::string& reason) {
    return {{"label", label}, {"color", look.line}, {"fontcolor", look.line},
            {"tooltip", reason}};
  }

  const Snapshot& s_;
  const Chain& chain_;
  Picture picture_;
  const std::string center_;
};

// ---- the incident ----

Look CategoryLook(Category category) {
  switch (category) {
    case Category::kDirect: return {"#f28e8e", "#c0392b"};
    case Category::kMainLeadership: return {"#f5b971", "#d35400"};
    case Category::kImportantLeadership: return {"#f7e08b", "#b7950b"};
    case Category::kOverallLeadership: return {"#c9a7dd", "#7d3c98"};
    case Category::kSupervisory: return {"#9ecae1", "#2874a6"};
    case Category::kGuidance: return {"#a9dfa0", "#1e8449"};
    case Category::kUpward: return {"#d5d8dc", "#566573"};
  }
  return {"white", "black"};
}

std::string AccountingDot(const Snapshot& s, const Accounting& a) {
  const IncidentIndex i = a.incident;
  const UnitIndex at = s.incident_unit(i);
  const std::string date = FormatDate(s.incident_date(i));
  const std::string severity(Name(s.incident_severity(i)));
  Picture picture("accountability",
                  absl::StrCat("Accountability for incident ", s.incident_id(i), " (", severity,
                               ") at ", s.DescribeUnit(at), " on ", date));
  const std::string incident = absl::StrCat("i:", s.incident_id(i));
  picture.Node(incident, {{"label", absl::StrCat("incident ", s.incident_id(i), "\n", severity,
                                                 ", ", date)},
                          {"shape", "octagon"},
                          {"style", "bold"},
                          {"color", "#c0392b"}});
  // The parties, strongest first: the incident's unit, when a party, is drawn as one.
  bool present[kCategoryCount] = {};
  for (const AccountableParty& p : a.parties) {
    const Look look = CategoryLook(p.category);
    const std::string category(Name(p.category));
    present[static_cast<int>(p.category)] = true;
    std::vector<std::string> reasons, adjustments;
    for (const ReachPath& path : a.PathsOf(p)) reasons.push_back(Describe(s, i, p.party, path));
    for (const Adjustment& adj : a.AdjustmentsOf(p)) adjustments.push_back(Describe(adj));
    const std::string id = p.party.is_unit ? UnitNode(s, p.party.index)
                                           : PersonNode(s, p.party.index);
    std::string label = p.party.is_unit ? UnitLabel(s, p.party.index)
                                        : PersonLabel(s, p.party.index);
    absl::StrAppend(&label, "\n", category, ", degree ", absl::StrFormat("%.6g", p.degree),
                    "\n", Name(p.form));
    if (!adjustments.empty()) absl::StrAppend(&label, "\n", absl::StrJoin(adjustments, " "));
    const std::string because = absl::StrJoin(reasons, "\n");
    picture.Node(id, {{"label", label},
                      {"shape", p.party.is_unit ? "box" : "ellipse"},
                      {"style", "filled"},
                      {"fillcolor", look.fill},
                      {"color", look.line},
                      {"tooltip", because}});
    picture.Edge(id, incident, {{"color", look.line}, {"tooltip", because}});
  }
  // The unit the incident happened at, when it is not a party (its edge says so then).
  const bool unit_is_party = std::any_of(a.parties.begin(), a.parties.end(),
                                         [&](const AccountableParty& p) {
                                           return p.party == Party{true, at};
                                         });
  if (!unit_is_party) {
    picture.Node(UnitNode(s, at), {{"label", UnitLabel(s, at)}, {"shape", "box"},
                                   {"style", "rounded"}});
    picture.Edge(UnitNode(s, at), incident, {{"label", "at"}, {"style", "dashed"}});
  }
  // The categories present, in precedence order.
  for (int c = 0; c < kCategoryCount; ++c) {
    const Category category = static_cast<Category>(c);
    if (present[c]) picture.Legend(std::string(Name(category)), CategoryLook(category));
  }
  return picture.Render();
}

}  // namespace

std::string ChainToDot(const Snapshot& snapshot, const Chain& chain) {
  return ChainPicture(snapshot, chain).Render();
}

std::string AccountingToDot(const Snapshot& snapshot, const Accounting& accounting) {
  return AccountingDot(snapshot, accounting);
}

absl::string_view Name(PictureFormat format) {
  switch (format) {
    case PictureFormat::kSvg: return "svg";
    case PictureFormat::kPng: return "png";
  }
  return "?";
}

std::optional<PictureFormat> ParsePictureFormat(absl::string_view text) {
  if (text == "svg") return PictureFormat::kSvg;
  if (text == "png") return PictureFormat::kPng;
  return std::nullopt;
}

}  // namespace zeren
