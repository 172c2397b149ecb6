// A picture of the hierarchy, drawn left to right: the top levels as boxes, everything
// below a chosen depth folded into its ancestor's box as a count, and children beyond a
// cap folded into one "+N more" box, so that the picture stays small at any size.
#ifndef ZEREN_TOOLS_REPORT_HIERARCHY_PICTURE_H_
#define ZEREN_TOOLS_REPORT_HIERARCHY_PICTURE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace zeren::report {

struct TreeNode {
  std::string label;    // plain text
  std::string detail;   // second line, plain text
  std::string color;    // CSS colour of the box's edge
  uint64_t folded = 0;  // units below it that are not drawn
  std::vector<TreeNode> children;
  // Children left out beyond the cap, and the units in their subtrees.
  uint64_t more_children = 0, more_units = 0;
};

std::string HierarchyPicture(const std::vector<TreeNode>& roots, absl::string_view title);

}  // namespace zeren::report

#endif  // ZEREN_TOOLS_REPORT_HIERARCHY_PICTURE_H_
