#include "zeren/graph_export.h"

#include <array>
#include <charconv>
#include <cstddef>
#include <sstream>
#include <utility>
#include <vector>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphml.hpp>
#include <boost/graph/graphviz.hpp>
#include <boost/property_map/dynamic_property_map.hpp>
#include <boost/shared_ptr.hpp>
#include <boost/property_map/property_map.hpp>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "src/export/dot_text.h"
#include "src/io/atomic_file.h"
#include "zeren/vocabulary.h"

namespace zeren {
namespace {

// Vertices and out-edges in vectors: both iterate in insertion order, which makes the
// writers' output follow the order the graph was built in.
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS,
                                    boost::no_property,
                                    boost::property<boost::edge_index_t, size_t>>;

// The roles whose holders a unit node names: one holder each on any day.
constexpr std::array<Role, 3> kHolderRoles = {Role::kSecretary, Role::kHead,
                                              Role::kDisciplineSecretary};

// The graph and its attributes, column by column, indexed by vertex and by edge index:
// Boost's writers read them through property maps.
struct Table {
  Graph graph;
  std::vector<std::string> type, id, name, kind;
  std::vector<int64_t> members;
  std::vector<uint32_t> level;
  std::array<std::vector<std::string>, kHolderRoles.size()> holder_name, holder_id;
  std::vector<std::string> grade;
  std::vector<double> total;
  std::vector<std::string> edge_kind;
  std::vector<double> weight;
};

class TableBuilder {
 public:
  TableBuilder(const Snapshot& s, const GraphExportOptions& options)
      : s_(s), day_(options.as_of), assessment_(options.assessment) {}

  Table Build() && {
    AddNodes();
    table_.graph = Graph(table_.id.size());
    AddLeadsEdges();
    AddLinks();
    return std::move(table_);
  }

 private:
  void AddNodes() {
    unit_vertex_.assign(s_.unit_count(), kNoIndex);
    for (UnitIndex u = 0; u < s_.unit_count(); ++u) {
      if (s_.unit_exists(u).Contains(day_)) unit_vertex_[u] = AddUnit(u);
    }
    person_vertex_.assign(s_.person_count(), kNoIndex);
    for (PersonIndex p = 0; p < s_.person_count(); ++p) {
      if (GuidesOnDay(p)) person_vertex_[p] = AddPerson(p);
    }
  }

  void AddLeadsEdges() {
    for (UnitIndex u = 0; u < s_.unit_count(); ++u) {
      if (unit_vertex_[u] == kNoIndex) continue;
      const auto children = s_.children(u);
      const auto weights = s_.child_weights(u);
      for (size_t k = 0; k < children.size(); ++k) {
        const uint32_t child = unit_vertex_[children[k]];
        if (child != kNoIndex) AddEdge(unit_vertex_[u], child, "leads", weights[k]);
      }
    }
  }

  void AddLinks() {
    for (LinkIndex l = 0; l < s_.link_count(); ++l) {
      if (!s_.link_valid(l).Contains(day_)) continue;
      const bool guides = s_.link_kind(l) == LinkKind::kGuides;
      const uint32_t from = (guides ? person_vertex_ : unit_vertex_)[s_.link_from(l)];
      const uint32_t to = unit_vertex_[s_.link_to(l)];
      if (from != kNoIndex && to != kNoIndex) {
        AddEdge(from, to, std::string(Name(s_.link_kind(l))), 1.0);
      }
    }
  }

  uint32_t AddNode(std::string type, absl::string_view id, absl::string_view name) {
    table_.type.push_back(std::move(type));
    table_.id.emplace_back(id);
    table_.name.emplace_back(name);
    return static_cast<uint32_t>(table_.id.size() - 1);
  }

  uint32_t AddUnit(UnitIndex u) {
    const uint32_t v = AddNode("unit", s_.unit_id(u), s_.unit_name(u));
    table_.kind.push_back(s_.unit_kind(u));
    table_.members.push_back(s_.unit_members(u));
    table_.level.push_back(s_.unit_level(u));
    for (size_t r = 0; r < kHolderRoles.size(); ++r) {
      const PersonIndex p = HolderOnDay(u, kHolderRoles[r]);
      table_.holder_name[r].push_back(p == kNoIndex ? "" : std::string(s_.person_name(p)));
      table_.holder_id[r].push_back(p == kNoIndex ? "" : std::string(s_.person_id(p)));
    }
    if (assessment_ != nullptr) {
      const UnitAssessment& a = assessment_->units[u];
      table_.grade.push_back(assessment_->scheme.grades[a.grade].id);
      table_.total.push_back(a.total);
    }
    return v;
  }

  // A person node has no unit attributes: they are left empty (or 0).
  uint32_t AddPerson(PersonIndex p) {
    const uint32_t v = AddNode("person", s_.person_id(p), s_.person_name(p));
    table_.kind.emplace_back();
    table_.members.push_back(0);
    table_.level.push_back(0);
    for (size_t r = 0; r < kHolderRoles.size(); ++r) {
      table_.holder_name[r].emplace_back();
      table_.holder_id[r].emplace_back();
    }
    if (assessment_ != nullptr) {
      table_.grade.emplace_back();
      table_.total.push_back(0);
    }
    return v;
  }

  void AddEdge(uint32_t from, uint32_t to, std::string kind, double weight) {
    boost::add_edge(from, to, Graph::edge_property_type(table_.edge_kind.size()), table_.graph);
    table_.edge_kind.push_back(std::move(kind));
    table_.weight.push_back(weight);
  }

  PersonIndex HolderOnDay(UnitIndex u, Role role) const {
    for (PostIndex post : s_.posts_in(u)) {
      if (s_.post_role(post) == role && s_.post_held(post).Contains(day_)) {
        return s_.post_person(post);
      }
    }
    return kNoIndex;
  }

  bool GuidesOnDay(PersonIndex p) const {
    for (LinkIndex l : s_.links_from_person(p)) {
      if (s_.link_valid(l).Contains(day_) && unit_vertex_[s_.link_to(l)] != kNoIndex) return true;
    }
    return false;
  }

  const Snapshot& s_;
  const Date day_;
  const Assessment* const assessment_;
  std::vector<uint32_t> unit_vertex_, person_vertex_;  // kNoIndex: not a node
  Table table_;
};

std::vector<std::string> Mapped(const std::vector<std::string>& column,
                                std::string (*f)(absl::string_view)) {
  std::vector<std::string> out;
  out.reserve(column.size());
  for (const std::string& text : column) out.push_back(f(text));
  return out;
}

// The attributes both formats share, as property maps over `strings` (the table's string
// columns, escaped for the format) and the table's numbers. `strings` must outlive `dp`.
struct StringColumns {
  std::vector<std::string> type, id, name, kind, grade, edge_kind;
  std::array<std::vector<std::string>, kHolderRoles.size()> holder_name, holder_id;
};

StringColumns Escape(const Table& t, std::string (*f)(absl::string_view)) {
  StringColumns c;
  c.type = Mapped(t.type, f);
  c.id = Mapped(t.id, f);
  c.name = Mapped(t.name, f);
  c.kind = Mapped(t.kind, f);
  c.grade = Mapped(t.grade, f);
  c.edge_kind = Mapped(t.edge_kind, f);
  for (size_t r = 0; r < kHolderRoles.size(); ++r) {
    c.holder_name[r] = Mapped(t.holder_name[r], f);
    c.holder_id[r] = Mapped(t.holder_id[r], f);
  }
  return c;
}

// Boost's dynamic properties want writable maps, though the writers only read them.
template <typename T>
auto VertexMap(std::vector<T>& column, const Graph& g) {
  return boost::make_iterator_property_map(column.begin(), get(boost::vertex_index, g));
}

template <typename T>
auto EdgeMap(std::vector<T>& column, const Graph& g) {
  return boost::make_iterator_property_map(column.begin(), get(boost::edge_index, g));
}

// A column of doubles for Boost's writers, printed in the shortest form that reads back to
// the same double: the stock adaptor prints six digits. `Index` maps a descriptor (`Key`) to
// the row.
template <typename Key, typename Index>
class ExactDoubles : public boost::dynamic_property_map {
 public:
  ExactDoubles(const std::vector<double>& column, Index index) : column_(column), index_(index) {}

  boost::any get(const boost::any& key) override { return Value(key); }
  std::string get_string(const boost::any& key) override {
    char text[32];
    const std::to_chars_result end = std::to_chars(text, text + sizeof(text), Value(key));
    return std::string(text, end.ptr);
  }
  void put(const boost::any&, const boost::any&) override {
    throw boost::dynamic_const_put_error();
  }
  const std::type_info& key() const override { return typeid(Key); }
  const std::type_info& value() const override { return typeid(double); }

 private:
  double Value(const boost::any& key) const {
    return column_[boost::get(index_, boost::any_cast<Key>(key))];
  }

  const std::vector<double>& column_;
  Index index_;
};

void AddDoubles(const std::string& name, const std::vector<double>& column, const Graph& g,
                bool for_edges, boost::dynamic_properties* dp) {
  using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
  using EdgeKey = boost::graph_traits<Graph>::edge_descriptor;
  if (for_edges) {
    auto index = get(boost::edge_index, g);
    dp->insert(name, boost::shared_ptr<boost::dynamic_property_map>(
                         new ExactDoubles<EdgeKey, decltype(index)>(column, index)));
  } else {
    auto index = get(boost::vertex_index, g);
    dp->insert(name, boost::shared_ptr<boost::dynamic_property_map>(
                         new ExactDoubles<Vertex, decltype(index)>(column, index)));
  }
}

void AddShared(Table& t, StringColumns& c, bool assessed,
               boost::dynamic_properties* dp) {
  const Graph& g = t.graph;
  dp->property("type", VertexMap(c.type, g));
  dp->property("id", VertexMap(c.id, g));
  dp->property("name", VertexMap(c.name, g));
  dp->property("kind", VertexMap(c.kind, g));
  dp->property("members", VertexMap(t.members, g));
  dp->property("level", VertexMap(t.level, g));
  for (size_t r = 0; r < kHolderRoles.size(); ++r) {
    const std::string role(Name(kHolderRoles[r]));
    dp->property(role, VertexMap(c.holder_name[r], g));
    dp->property(role + "_id", VertexMap(c.holder_id[r], g));
  }
  if (assessed) {
    dp->property("grade", VertexMap(c.grade, g));
    AddDoubles("total", t.total, g, /*for_edges=*/false, dp);
  }
  dp->property("kind", EdgeMap(c.edge_kind, g));
  AddDoubles("weight", t.weight, g, /*for_edges=*/true, dp);
}

std::string GraphMl(Table& t, const std::string& as_of, bool assessed) {
  StringColumns c = Escape(t, dot::ForXml);
  std::string as_of_value = as_of;
  boost::dynamic_properties dp;
  AddShared(t, c, assessed, &dp);
  dp.property("as_of", boost::ref_property_map<Graph*, std::string>(as_of_value));
  std::ostringstream out;
  boost::write_graphml(out, t.graph, dp, /*ordered_vertices=*/true);
  return std::move(out).str();
}

// How an edge of each kind is drawn: colour and style.
std::pair<std::string, std::string> EdgeLook(const std::string& kind) {
  if (kind == "supervises") return {"#c0392b", "dashed"};
  if (kind == "specializes") return {"#2c7fb8", "dashed"};
  if (kind == "guides") return {"#2ca02c", "dotted"};
  return {"black", "solid"};
}

// Boost's write_graphviz_dp passes every value through boost::escape_dot_string, which
// leaves backslashes and DOT keywords (a unit kind "node" would be written bare: a syntax
// error) unescaped, and costs a regular-expression match per value: nine tenths of a large
// export's time. So the same dynamic properties go to Boost's write_graphviz through these
// writers, which quote every value with dot::Quote.
class QuotedAttributes {
 public:
  QuotedAttributes(const boost::dynamic_properties& dp, std::string skip)
      : dp_(&dp), skip_(std::move(skip)) {}

  // A node's or an edge's attributes: the properties of its key type but `skip_`.
  template <typename Key>
  void operator()(std::ostream& out, const Key& key) const {
    const char* separator = " [";
    for (const auto& [name, map] : *dp_) {
      if (map->key() != typeid(Key) || name == skip_) continue;
      out << separator << name << "=" << dot::Quote(map->get_string(key));
      separator = ", ";
    }
    if (*separator == ',') out << "]";
  }

  // The graph's attributes, one statement each. (They are ref_property_maps, which ignore
  // the key.)
  void operator()(std::ostream& out) const {
    for (const auto& [name, map] : *dp_) {
      if (map->key() != typeid(Graph*)) continue;
      out << name << "=" << dot::Quote(map->get_string(static_cast<Graph*>(nullptr))) << ";\n";
    }
  }

 private:
  const boost::dynamic_properties* dp_;
  std::string skip_;
};

std::string Same(absl::string_view text) { return std::string(text); }

std::string Dot(Table& t, const std::string& as_of, bool assessed) {
  StringColumns c = Escape(t, Same);
  const size_t nodes = t.id.size();
  std::vector<std::string> node_id(nodes), label(nodes), shape(nodes), style(nodes);
  for (size_t v = 0; v < nodes; ++v) {
    const bool unit = t.type[v] == "unit";
    node_id[v] = dot::ForBoostId(absl::StrCat(unit ? "u:" : "p:", t.id[v]));
    label[v] = absl::StrCat(t.name[v], "\n(", t.id[v], ")");
    if (unit && assessed) {
      absl::StrAppend(&label[v], "\n", t.grade[v], " ", absl::StrFormat("%.2f", t.total[v]));
    }
    shape[v] = unit ? "box" : "ellipse";
    style[v] = unit ? "rounded" : "dashed";
  }
  std::vector<std::string> color, edge_style;
  color.reserve(t.edge_kind.size());
  edge_style.reserve(t.edge_kind.size());
  for (const std::string& kind : t.edge_kind) {
    auto [edge_color, look] = EdgeLook(kind);
    color.push_back(edge_color);
    edge_style.push_back(look);
  }
  std::string as_of_value = as_of;
  boost::dynamic_properties dp;
  AddShared(t, c, assessed, &dp);
  const Graph& g = t.graph;
  dp.property("label", VertexMap(label, g));
  dp.property("shape", VertexMap(shape, g));
  dp.property("style", VertexMap(style, g));
  dp.property("color", EdgeMap(color, g));
  dp.property("style", EdgeMap(edge_style, g));
  dp.property("as_of", boost::ref_property_map<Graph*, std::string>(as_of_value));
  std::ostringstream out;
  const QuotedAttributes attributes(dp, "");
  boost::write_graphviz(out, g, attributes, attributes, attributes, VertexMap(node_id, g));
  return std::move(out).str();
}

}  // namespace

absl::string_view Name(GraphFormat format) {
  switch (format) {
    case GraphFormat::kGraphMl: return "graphml";
    case GraphFormat::kDot: return "dot";
  }
  return "?";
}

std::optional<GraphFormat> ParseGraphFormat(absl::string_view text) {
  if (text == "graphml") return GraphFormat::kGraphMl;
  if (text == "dot") return GraphFormat::kDot;
  return std::nullopt;
}

absl::StatusOr<std::string> ExportGraph(const Snapshot& snapshot,
                                        const GraphExportOptions& options) {
  const Assessment* a = options.assessment;
  if (a != nullptr) {
    if (a->units.size() != snapshot.unit_count()) {
      return absl::InvalidArgumentError(
          absl::StrCat("the assessment has ", a->units.size(), " units; the snapshot has ",
                       snapshot.unit_count(), ": assess the same snapshot"));
    }
    for (const UnitAssessment& ua : a->units) {
      if (ua.grade < 0 || static_cast<size_t>(ua.grade) >= a->scheme.grades.size()) {
        return absl::InvalidArgumentError(
            absl::StrCat("the assessment's grade ", ua.grade, " of unit ",
                         snapshot.DescribeUnit(ua.unit), " is not one of its scheme's ",
                         a->scheme.grades.size(), " grades"));
      }
    }
  }
  Table table = TableBuilder(snapshot, options).Build();
  const std::string as_of = FormatDate(options.as_of);
  switch (options.format) {
    case GraphFormat::kGraphMl: return GraphMl(table, as_of, a != nullptr);
    case GraphFormat::kDot: return Dot(table, as_of, a != nullptr);
  }
  return absl::InvalidArgumentError(
      absl::StrCat("unknown graph format ", static_cast<int>(options.format)));
}

absl::Status ExportGraphToFile(const Snapshot& snapshot, const GraphExportOptions& options,
                               const std::string& path) {
  absl::StatusOr<std::string> text = ExportGraph(snapshot, options);
  if (!text.ok()) return text.status();
  return WriteFileAtomically(path, *text);
}

}  // namespace zeren
