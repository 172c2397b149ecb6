// Pictures of one result: a unit's chain of responsibility and an incident's accountability
// reach, as Graphviz DOT text, and their rendering to SVG or PNG by Graphviz's `dot`
// program. docs/export.md shows the shapes and colours.
#ifndef ZEREN_PICTURE_H_
#define ZEREN_PICTURE_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "zeren/accountability.h"
#include "zeren/chain.h"
#include "zeren/snapshot.h"

namespace zeren {

// The chain's unit in the middle; each entry a node (a person, a unit, or a vacant post)
// with an edge to it, coloured by the entry's kind, with a legend. Each node appears once,
// however many entries name it.
std::string ChainToDot(const Snapshot& snapshot, const Chain& chain);

// The incident; each party a node filled with the colour of its category, labelled with
// category, degree, form and adjustments, with an edge to the incident whose tooltip gives
// the reasons; the incident's unit (a dashed `at` edge) unless it is a party itself; a
// legend of the categories present, in precedence order.
std::string AccountingToDot(const Snapshot& snapshot, const Accounting& accounting);

enum class PictureFormat : uint8_t { kSvg, kPng };

// "svg" or "png".
absl::string_view Name(PictureFormat format);
std::optional<PictureFormat> ParsePictureFormat(absl::string_view text);

// Runs Graphviz `dot -T<format>` (found on PATH; no shell) on `dot_text` and returns what
// it writes. Fails with FailedPrecondition "Graphviz `dot` is not installed" when PATH has
// no `dot`, and with Internal, quoting dot's messages, when dot fails.
absl::StatusOr<std::string> RenderDot(absl::string_view dot_text, PictureFormat format);

}  // namespace zeren

#endif  // ZEREN_PICTURE_H_
