// Writes the benchmarks' synthetic organization (bench/synthetic_org.h) as text for peers
// outside C++ (bench/networkx_rollup.py): usage `zeren_bench_dump NODES > FILE`. Lines:
//   U <unit> <members> <daily> <weighted> <weights>
//   E <parent> <child> <weight>
//   M <unit> <appraisal> <held_from> <held_to>
#include <cstdio>
#include <cstdlib>

#include "bench/synthetic_org.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: zeren_bench_dump NODES\n");
    return 2;
  }
  const zeren::bench::FlatOrganization o(
      zeren::bench::NationalShapeOfNodes(std::strtoull(argv[1], nullptr, 10), 42), 42);
  for (uint32_t u = 0; u < o.unit_count(); ++u) {
    std::printf("U %u %.17g %.17g %.17g %.17g\n", u, o.members[u], o.daily[u], o.weighted[u],
                o.weights[u]);
  }
  for (uint32_t u = 0; u < o.unit_count(); ++u) {
    for (uint32_t k = o.child_start[u]; k < o.child_start[u + 1]; ++k) {
      std::printf("E %u %u %.17g\n", u, o.child[k], o.child_weight[k]);
    }
  }
  for (uint32_t u = 0; u < o.unit_count(); ++u) {
    for (uint32_t k = o.member_start[u]; k < o.member_start[u + 1]; ++k) {
      std::printf("M %u %.9g %d %d\n", u, o.appraisal[k], o.held_from[k], o.held_to[k]);
    }
  }
  return 0;
}
