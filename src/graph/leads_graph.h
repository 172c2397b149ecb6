// Structural algorithms over the `leads` edges (superior -> subordinate), on dense unit
// indices. The only place that includes Boost Graph: its headers are slow to compile.
#ifndef ZEREN_SRC_GRAPH_LEADS_GRAPH_H_
#define ZEREN_SRC_GRAPH_LEADS_GRAPH_H_

#include <cstdint>
#include <utility>
#include <vector>

namespace zeren::graph {

using Edge = std::pair<uint32_t, uint32_t>;  // (superior, subordinate)

// The units of one cycle, in `leads` order (each leads the next, the last leads the first);
// empty when the graph is acyclic.
std::vector<uint32_t> FindCycle(uint32_t unit_count, const std::vector<Edge>& edges);

// For an acyclic graph: each unit's level, the length of the longest path from a root.
std::vector<uint32_t> LongestPathLevels(uint32_t unit_count, const std::vector<Edge>& edges);

}  // namespace zeren::graph

#endif  // ZEREN_SRC_GRAPH_LEADS_GRAPH_H_
