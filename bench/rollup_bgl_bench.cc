// The roll-up with Boost Graph, as someone would write it with the library's own graph
// types: every node (unit or member) a vertex, every leads edge and every membership an
// edge, a depth-first search from the root computing each vertex's total when it finishes
// (its subordinates are all finished by then, the graph being acyclic). Run in its own
// program: an adjacency_list takes about a hundred bytes a node. Same data and check as
// bench/rollup_bench.cc; items are nodes.
#include <cmath>
#include <cstdint>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "bench/synthetic_org.h"
#include "benchmark/benchmark.h"
#include "boost/graph/adjacency_list.hpp"
#include "boost/graph/compressed_sparse_row_graph.hpp"
#include "boost/graph/depth_first_search.hpp"
#include "src/engine/rollup.h"

namespace zeren::bench {
namespace {

constexpr double kOwn = 0.7, kSub = 0.3, kMembersWeight = 0.2;
constexpr Interval kPeriod{19000, 19365};

// Resident memory in bytes, from /proc/self/statm.
double ResidentBytes() {
  std::ifstream statm("/proc/self/statm");
  double pages = 0, resident = 0;
  statm >> pages >> resident;
  return resident * 4096;
}

struct Node {
  bool member = false;
  double members = 0, daily = 0, weighted = 0, weights = 0;  // units
  float appraisal = 0;                                       // members
  int32_t held_from = 0, held_to = 0;
  double m = 0, total = 0;
};

struct Data {
  FlatOrganization org;
  std::vector<double> expected_total;
  explicit Data(uint64_t nodes) : org(NationalShapeOfNodes(nodes, 42), 42) {
    const uint32_t n = org.unit_count();
    std::vector<double> own(n), m(n);
    expected_total.resize(n);
    const rollup::MemberTable members{org.member_start, org.appraisal, org.held_from, org.held_to};
    rollup::OwnFromMembers(members, kPeriod, {org.daily, org.weighted, org.weights, kMembersWeight},
                           absl::MakeSpan(own), 1);
    rollup::RollUp({org.child_start, org.child, org.child_weight, org.parent_start, org.parent,
                    org.level_start},
                   {kOwn, kSub, true}, {own, org.members, absl::MakeSpan(m), absl::MakeSpan(expected_total)}, 1);
  }
  uint64_t nodes() const { return org.unit_count() + org.member_count(); }
};

Data& DataOf(uint64_t nodes) {
  static auto* data = new std::unique_ptr<Data>;
  static uint64_t size = 0;
  if (size != nodes) {
    data->reset();  // one size in memory at a time
    *data = std::make_unique<Data>(nodes);
    size = nodes;
  }
  return **data;
}

// Every vertex's properties; edges weigh the link (1 for a membership).
std::vector<Node> Nodes(const FlatOrganization& o) {
  std::vector<Node> nodes(o.unit_count() + o.member_count());
  for (uint32_t u = 0; u < o.unit_count(); ++u) {
    nodes[u].members = o.members[u];
    nodes[u].daily = o.daily[u];
    nodes[u].weighted = o.weighted[u];
    nodes[u].weights = o.weights[u];
  }
  for (uint64_t k = 0; k < o.member_count(); ++k) {
    Node& x = nodes[o.unit_count() + k];
    x.member = true;
    x.appraisal = o.appraisal[k];
    x.held_from = o.held_from[k];
    x.held_to = o.held_to[k];
  }
  return nodes;
}

struct Edge {
  uint32_t from, to;
  double weight;
};

std::vector<Edge> Edges(const FlatOrganization& o) {
  std::vector<Edge> edges;
  for (uint32_t u = 0; u < o.unit_count(); ++u) {
    for (uint32_t k = o.child_start[u]; k < o.child_start[u + 1]; ++k) {
      edges.push_back({u, o.child[k], o.child_weight[k]});
    }
    for (uint32_t k = o.member_start[u]; k < o.member_start[u + 1]; ++k) {
      edges.push_back({u, o.unit_count() + k, 1.0});
    }
  }
  return edges;
}

// On finish_vertex: a unit's total from its out-edges (members and subordinates).
template <typename Graph, typename NodeOf, typename WeightOf>
struct FinishVisitor : boost::default_dfs_visitor {
  NodeOf node;
  WeightOf weight;
  FinishVisitor(NodeOf n, WeightOf w) : node(n), weight(w) {}

  template <typename Vertex>
  void finish_vertex(Vertex v, const Graph& g) const {
    Node& x = node(v);
    if (x.member) return;
    double sum = 0, below = 0, weights = 0, weighted = 0;
    uint32_t count = 0;
    for (auto [e, end] = boost::out_edges(v, g); e != end; ++e) {
      const Node& c = node(boost::target(*e, g));
      if (c.member) {
        if (c.held_from <= kPeriod.to - 1 && kPeriod.from < c.held_to) {
          sum += c.appraisal;
          ++count;
        }
        continue;
      }
      const double w = weight(*e) * c.m;
      below += w;
      weights += w;
      weighted += w * c.total;
    }
    double own_weighted = x.weighted, own_weights = x.weights;
    if (count > 0) {
      own_weighted += kMembersWeight * (sum / count);
      own_weights += kMembersWeight;
    }
    const double own = own_weights > 0 ? own_weighted / own_weights : x.daily;
    x.m = x.members + below;
    x.total = weights == 0 ? own : kOwn * own + kSub * weighted / weights;
  }
};

void Check(benchmark::State& state, const Data& d, const std::vector<double>& total) {
  for (uint32_t u = 0; u < total.size(); u += 97) {
    if (std::abs(total[u] - d.expected_total[u]) > 1e-9 * std::abs(d.expected_total[u])) {
      state.SkipWithError("totals differ from zeren's");
      return;
    }
  }
}

void Describe(benchmark::State& state, const Data& d, double bytes) {
  state.SetItemsProcessed(state.iterations() * d.nodes());
  state.counters["ns_per_node"] = benchmark::Counter(
      static_cast<double>(d.nodes()), benchmark::Counter::kIsIterationInvariantRate |
                                          benchmark::Counter::kInvert);
  state.counters["graph_bytes_per_node"] = bytes / d.nodes();
}

struct VertexData {
  Node node;
};
struct EdgeData {
  double weight;
};

void BM_BoostAdjacencyListDfs(benchmark::State& state) {
  Data& d = DataOf(static_cast<uint64_t>(state.range(0)));
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, VertexData, EdgeData>;
  const double before = ResidentBytes();
  auto g = std::make_unique<Graph>(d.nodes());
  {
    const std::vector<Node> nodes = Nodes(d.org);
    for (size_t v = 0; v < nodes.size(); ++v) (*g)[v].node = nodes[v];
  }
  for (const Edge& e : Edges(d.org)) boost::add_edge(e.from, e.to, EdgeData{e.weight}, *g);
  const double bytes = ResidentBytes() - before;
  auto node = [&g](Graph::vertex_descriptor v) -> Node& { return (*g)[v].node; };
  auto weight = [&g](Graph::edge_descriptor e) { return (*g)[e].weight; };
  FinishVisitor<Graph, decltype(node), decltype(weight)> visitor(node, weight);
  std::vector<boost::default_color_type> colors(d.nodes());
  for (auto _ : state) {
    boost::depth_first_search(*g, boost::visitor(visitor)
                                      .color_map(boost::make_iterator_property_map(
                                          colors.begin(), boost::get(boost::vertex_index, *g)))
                                      .root_vertex(0));
  }
  std::vector<double> total(d.org.unit_count());
  for (uint32_t u = 0; u < total.size(); ++u) total[u] = (*g)[u].node.total;
  Check(state, d, total);
  Describe(state, d, bytes);
}

void BM_BoostCsrDfs(benchmark::State& state) {
  Data& d = DataOf(static_cast<uint64_t>(state.range(0)));
  using Graph = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, EdgeData>;
  const double before = ResidentBytes();
  std::unique_ptr<Graph> g;
  {
    const std::vector<Edge> edges = Edges(d.org);  // sorted by source
    std::vector<std::pair<uint32_t, uint32_t>> pairs;
    std::vector<EdgeData> weights;
    pairs.reserve(edges.size());
    for (const Edge& e : edges) {
      pairs.emplace_back(e.from, e.to);
      weights.push_back({e.weight});
    }
    g = std::make_unique<Graph>(boost::edges_are_sorted, pairs.begin(), pairs.end(), weights.begin(),
                                d.nodes());
  }
  std::vector<Node> nodes = Nodes(d.org);
  const double bytes = ResidentBytes() - before;
  auto node = [&nodes](Graph::vertex_descriptor v) -> Node& { return nodes[v]; };
  auto weight = [&g](Graph::edge_descriptor e) { return (*g)[e].weight; };
  FinishVisitor<Graph, decltype(node), decltype(weight)> visitor(node, weight);
  std::vector<boost::default_color_type> colors(d.nodes());
  for (auto _ : state) {
    boost::depth_first_search(*g, boost::visitor(visitor)
                                      .color_map(boost::make_iterator_property_map(
                                          colors.begin(), boost::get(boost::vertex_index, *g)))
                                      .root_vertex(0));
  }
  std::vector<double> total(d.org.unit_count());
  for (uint32_t u = 0; u < total.size(); ++u) total[u] = nodes[u].total;
  Check(state, d, total);
  Describe(state, d, bytes);
}

constexpr int64_t kM = 1'000'000;
BENCHMARK(BM_BoostAdjacencyListDfs)
    ->Arg(1 * kM)->Arg(10 * kM)->Arg(105 * kM)
    ->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_BoostCsrDfs)
    ->Arg(1 * kM)->Arg(10 * kM)->Arg(105 * kM)
    ->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace zeren::bench
