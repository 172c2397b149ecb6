#include "tools/report/hierarchy_picture.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "tools/report/html.h"
#include "tools/report/svg_chart.h"

namespace zeren::report {
namespace {

constexpr double kColumn = 260;  // from one depth to the next
constexpr double kBoxWidth = 210;
constexpr double kBoxHeight = 36;
constexpr double kPitch = 42;  // from one leaf row to the next
constexpr double kMargin = 8;

// Lays out subtrees as it draws them: leaves take the next free row, a parent sits halfway
// between its first and last child.
class TreeDrawer {
 public:
  // Draws `node` and its subtree; returns the vertical centre of the node's box.
  double Draw(const TreeNode& node, int depth) {
    std::vector<double> centers;
    for (const TreeNode& child : node.children) centers.push_back(Draw(child, depth + 1));
    if (node.more_children > 0) centers.push_back(More(node, depth + 1));
    const double center = centers.empty() ? NextRow() : (centers.front() + centers.back()) / 2;
    const double x = X(depth);
    for (double c : centers) Edge(x + kBoxWidth, center, X(depth + 1), c);
    Box(node, x, center);
    max_depth_ = std::max(max_depth_, depth);
    return center;
  }

  double height() const { return rows_ * kPitch + kMargin; }
  double width() const { return X(max_depth_) + kBoxWidth + kMargin; }
  // Edges first, so that the boxes cover their ends.
  std::string Svg(absl::string_view title) const {
    return absl::StrCat(SvgOpen(width(), height(), title), edges_, boxes_, "</svg>\n");
  }

 private:
  static double X(int depth) { return kMargin + depth * kColumn; }
  double NextRow() { return kMargin + kBoxHeight / 2 + kPitch * rows_++; }

  void Edge(double x1, double y1, double x2, double y2) {
    const double mid = (x1 + x2) / 2;
    absl::StrAppend(&edges_, "<path class=\"edge\" d=\"M", Num(x1), " ", Num(y1), " H", Num(mid),
                    " V", Num(y2), " H", Num(x2), "\"/>");
  }

  void Box(const TreeNode& node, double x, double center) {
    const double y = center - kBoxHeight / 2;
    const std::string folded = node.folded > 0 ? absl::StrCat("+", FormatCount(static_cast<int64_t>(node.folded))) : "";
    absl::StrAppend(&boxes_, "<g class=\"node", node.folded > 0 ? " folded" : "", "\"><title>",
                    Escape(absl::StrCat(node.label, " — ", node.detail,
                                        node.folded > 0 ? absl::StrCat(", ", folded, " 下级未展开 folded below") : "")),
                    "</title>");
    if (node.folded > 0) {
      absl::StrAppend(&boxes_, "<rect x=\"", Num(x + 4), "\" y=\"", Num(y + 4), "\" width=\"", Num(kBoxWidth),
                      "\" height=\"", Num(kBoxHeight), "\" rx=\"5\" class=\"shadow\"/>");
    }
    absl::StrAppend(&boxes_, "<rect x=\"", Num(x), "\" y=\"", Num(y), "\" width=\"", Num(kBoxWidth),
                    "\" height=\"", Num(kBoxHeight), "\" rx=\"5\" fill=\"#fff\" stroke=\"", node.color,
                    "\" stroke-width=\"1.5\"/><rect x=\"", Num(x), "\" y=\"", Num(y),
                    "\" width=\"5\" height=\"", Num(kBoxHeight), "\" rx=\"2\" fill=\"", node.color, "\"/>",
                    "<text x=\"", Num(x + 12), "\" y=\"", Num(y + 16), "\" class=\"b\">",
                    Escape(Fit(node.label, 12, kBoxWidth - 24 - TextWidth(folded, 11))), "</text><text x=\"",
                    Num(x + 12), "\" y=\"", Num(y + 31), "\" class=\"v\">",
                    Escape(Fit(node.detail, 11, kBoxWidth - 18)), "</text>");
    if (node.folded > 0) {
      absl::StrAppend(&boxes_, "<text x=\"", Num(x + kBoxWidth - 6), "\" y=\"", Num(y + 16),
                      "\" text-anchor=\"end\" class=\"fold\">", Escape(folded), "</text>");
    }
    absl::StrAppend(&boxes_, "</g>");
  }

  double More(const TreeNode& node, int depth) {
    const double center = NextRow();
    const double x = X(depth), y = center - kBoxHeight / 2;
    const std::string text = absl::StrCat("+", FormatCount(static_cast<int64_t>(node.more_children)),
                                          " 个 more");
    const std::string units = absl::StrCat(FormatCount(static_cast<int64_t>(node.more_units)), " 单位 units");
    absl::StrAppend(&boxes_, "<g class=\"node more\"><title>", Escape(absl::StrCat(text, ", ", units)),
                    "</title><rect x=\"", Num(x), "\" y=\"", Num(y), "\" width=\"", Num(kBoxWidth),
                    "\" height=\"", Num(kBoxHeight), "\" rx=\"5\"/><text x=\"", Num(x + 12), "\" y=\"",
                    Num(y + 16), "\" class=\"b\">", Escape(text), "</text><text x=\"", Num(x + 12),
                    "\" y=\"", Num(y + 31), "\" class=\"v\">", Escape(units), "</text></g>");
    max_depth_ = std::max(max_depth_, depth);
    return center;
  }

  int rows_ = 0;
  int max_depth_ = 0;
  std::string edges_, boxes_;
};

}  // namespace

std::string HierarchyPicture(const std::vector<TreeNode>& roots, absl::string_view title) {
  TreeDrawer drawer;
  for (const TreeNode& root : roots) drawer.Draw(root, 0);
  return drawer.Svg(title);
}

}  // namespace zeren::report
