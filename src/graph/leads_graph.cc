#include "src/graph/leads_graph.h"

#include <algorithm>
#include <iterator>

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/depth_first_search.hpp>
#include <boost/graph/topological_sort.hpp>
#include <boost/range/iterator_range.hpp>

namespace zeren::graph {
namespace {

using CsrGraph = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property,
                                                    boost::no_property, boost::no_property,
                                                    uint32_t, uint32_t>;

CsrGraph MakeGraph(uint32_t unit_count, const std::vector<Edge>& edges) {
  return CsrGraph(boost::edges_are_unsorted_multi_pass, edges.begin(), edges.end(), unit_count);
}

// Remembers each vertex's DFS tree parent and the first back edge, which closes a cycle.
class CycleRecorder : public boost::default_dfs_visitor {
 public:
  CycleRecorder(std::vector<uint32_t>* tree_parent, Edge* back_edge, bool* found)
      : tree_parent_(tree_parent), back_edge_(back_edge), found_(found) {}

  void tree_edge(boost::graph_traits<CsrGraph>::edge_descriptor e, const CsrGraph& g) const {
    (*tree_parent_)[boost::target(e, g)] = boost::source(e, g);
  }
  void back_edge(boost::graph_traits<CsrGraph>::edge_descriptor e, const CsrGraph& g) const {
    if (*found_) return;
    *found_ = true;
    *back_edge_ = {boost::source(e, g), boost::target(e, g)};
  }

 private:
  std::vector<uint32_t>* tree_parent_;
  Edge* back_edge_;
  bool* found_;
};

}  // namespace

std::vector<uint32_t> FindCycle(uint32_t unit_count, const std::vector<Edge>& edges) {
  const CsrGraph g = MakeGraph(unit_count, edges);
  std::vector<uint32_t> tree_parent(unit_count, 0);
  Edge back{};
  bool found = false;
  std::vector<boost::default_color_type> colors(unit_count);
  boost::depth_first_search(
      g, CycleRecorder(&tree_parent, &back, &found),
      boost::make_iterator_property_map(colors.begin(), boost::get(boost::vertex_index, g)));
  if (!found) return {};
  // The back edge u -> v closes the tree path v -> ... -> u.
  std::vector<uint32_t> cycle;
  for (uint32_t v = back.first; v != back.second; v = tree_parent[v]) cycle.push_back(v);
  cycle.push_back(back.second);
  std::reverse(cycle.begin(), cycle.end());
  return cycle;
}

std::vector<uint32_t> LongestPathLevels(uint32_t unit_count, const std::vector<Edge>& edges) {
  const CsrGraph g = MakeGraph(unit_count, edges);
  std::vector<uint32_t> reverse_order;
  reverse_order.reserve(unit_count);
  boost::topological_sort(g, std::back_inserter(reverse_order));
  std::vector<uint32_t> level(unit_count, 0);
  for (auto it = reverse_order.rbegin(); it != reverse_order.rend(); ++it) {
    for (auto e : boost::make_iterator_range(boost::out_edges(*it, g))) {
      const uint32_t child = boost::target(e, g);
      level[child] = std::max(level[child], level[*it] + 1);
    }
  }
  return level;
}

}  // namespace zeren::graph
