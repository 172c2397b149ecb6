// The hierarchy and its links as of a day, as a graph file other tools read: GraphML (yEd,
// Gephi, NetworkX, Boost's read_graphml) or Graphviz DOT, written with Boost Graph's
// writers. docs/export.md lists the nodes' and edges' attributes.
#ifndef ZEREN_GRAPH_EXPORT_H_
#define ZEREN_GRAPH_EXPORT_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "zeren/assessment.h"
#include "zeren/date.h"
#include "zeren/snapshot.h"

namespace zeren {

enum class GraphFormat : uint8_t { kGraphMl, kDot };

// "graphml" or "dot".
absl::string_view Name(GraphFormat format);
std::optional<GraphFormat> ParseGraphFormat(absl::string_view text);

struct GraphExportOptions {
  Date as_of = 0;
  GraphFormat format = GraphFormat::kGraphMl;
  // When set, every unit also gets its `grade` and `total`. It must come from Assess() of
  // the same snapshot (and outlive the call).
  const Assessment* assessment = nullptr;
};

// The graph of day `as_of`: a node per unit existing that day (in snapshot order), then a
// node per person who guides one of them that day (in person order); an edge per `leads`
// edge between two such units and per link holding that day, grouped by source node, each
// source's `leads` edges (in child order) before its links (in document order). The same
// snapshot and options always give the same bytes. Fails with InvalidArgument when the
// assessment does not fit the snapshot.
absl::StatusOr<std::string> ExportGraph(const Snapshot& snapshot,
                                        const GraphExportOptions& options);

// ExportGraph written to `path` atomically (temporary file, fsync, rename). The status
// message names the path when the file cannot be written.
absl::Status ExportGraphToFile(const Snapshot& snapshot, const GraphExportOptions& options,
                               const std::string& path);

}  // namespace zeren

#endif  // ZEREN_GRAPH_EXPORT_H_
