// Chain queries and snapshot compilation, with peers for the ancestor walk at the heart of
// a chain: a plain hand-written loop over a parent array, and a naive Boost Graph
// adjacency_list walk. Compare the *_Ancestors rows: same work, different layouts.
#include <cstdint>
#include <map>
#include <random>
#include <vector>

#include <boost/graph/adjacency_list.hpp>

#include "bench/synthetic_org.h"
#include "benchmark/benchmark.h"
#include "src/query/hierarchy_walk.h"
#include "zeren/chain.h"
#include "zeren/snapshot.h"

namespace zeren::bench {
namespace {

constexpr uint32_t kFanOut = 8;

const Model& OrgOf(uint32_t units) {
  static auto* cache = new std::map<uint32_t, Model>;
  auto it = cache->find(units);
  if (it == cache->end()) it = cache->emplace(units, SyntheticOrganization(units, kFanOut, 7)).first;
  return it->second;
}

std::vector<UnitIndex> RandomUnits(uint32_t count, uint32_t n) {
  std::mt19937 random(11);
  std::vector<UnitIndex> units(n);
  for (auto& u : units) u = random() % count;
  return units;
}

void BM_Compile(benchmark::State& state) {
  const Model& model = OrgOf(static_cast<uint32_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(Snapshot::Compile(model));
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_Compile)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);

void BM_ChainOf(benchmark::State& state) {
  const Snapshot s = *Snapshot::Compile(OrgOf(static_cast<uint32_t>(state.range(0))));
  const std::vector<UnitIndex> units = RandomUnits(s.unit_count(), 1024);
  size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(ChainOf(s, units[i++ & 1023], 19500));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ChainOf)->Arg(10'000)->Arg(100'000);

// zeren's walk: CSR parents, breadth first with fewest steps.
void BM_Ancestors_Zeren(benchmark::State& state) {
  const Snapshot s = *Snapshot::Compile(OrgOf(static_cast<uint32_t>(state.range(0))));
  const std::vector<UnitIndex> units = RandomUnits(s.unit_count(), 1024);
  size_t i = 0;
  std::vector<walk::Reached> out;  // reused, like the peers' buffers
  for (auto _ : state) {
    walk::AncestorsByDistance(s, units[i++ & 1023], 19500, 19500, &out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Ancestors_Zeren)->Arg(100'000);

// Peer: a hand-written loop over a first-parent array (ignores dual leadership, so it is a
// lower bound on the work).
void BM_Ancestors_HandLoop(benchmark::State& state) {
  const Snapshot s = *Snapshot::Compile(OrgOf(static_cast<uint32_t>(state.range(0))));
  std::vector<uint32_t> parent(s.unit_count(), kNoIndex);
  for (UnitIndex u = 0; u < s.unit_count(); ++u) {
    if (!s.parents(u).empty()) parent[u] = s.parents(u)[0];
  }
  const std::vector<UnitIndex> units = RandomUnits(s.unit_count(), 1024);
  size_t i = 0;
  std::vector<uint32_t> out;
  for (auto _ : state) {
    out.clear();
    for (uint32_t u = units[i++ & 1023]; u != kNoIndex; u = parent[u]) out.push_back(u);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Ancestors_HandLoop)->Arg(100'000);

// Peer: naive Boost Graph, an adjacency_list of reversed `leads` edges walked breadth first.
void BM_Ancestors_BoostAdjacencyList(benchmark::State& state) {
  const Snapshot s = *Snapshot::Compile(OrgOf(static_cast<uint32_t>(state.range(0))));
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
  Graph g(s.unit_count());
  for (UnitIndex u = 0; u < s.unit_count(); ++u) {
    for (UnitIndex p : s.parents(u)) boost::add_edge(u, p, g);
  }
  const std::vector<UnitIndex> units = RandomUnits(s.unit_count(), 1024);
  size_t i = 0;
  std::vector<uint32_t> out;
  std::vector<char> seen(s.unit_count(), 0);
  for (auto _ : state) {
    out.assign(1, units[i++ & 1023]);
    seen[out[0]] = 1;
    for (size_t k = 0; k < out.size(); ++k) {
      for (auto [e, end] = boost::out_edges(out[k], g); e != end; ++e) {
        const uint32_t t = static_cast<uint32_t>(boost::target(*e, g));
        if (!seen[t]) {
          seen[t] = 1;
          out.push_back(t);
        }
      }
    }
    for (uint32_t u : out) seen[u] = 0;
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Ancestors_BoostAdjacencyList)->Arg(100'000);

}  // namespace
}  // namespace zeren::bench
