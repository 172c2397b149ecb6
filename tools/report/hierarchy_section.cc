// 组织结构: units per level by kind, and the hierarchy drawn down to options.depth with
// everything deeper folded into counts. Each unit hangs under its first superior that
// exists on the date; dual leadership is counted, not drawn.
#include <algorithm>
#include <map>

#include "absl/strings/str_cat.h"
#include "tools/report/hierarchy_picture.h"
#include "tools/report/html.h"
#include "tools/report/labels.h"
#include "tools/report/sections.h"
#include "tools/report/svg_chart.h"

namespace zeren::report {
namespace {

constexpr size_t kMaxChildren = 40;  // drawn per box (and roots); the rest become "+N"
constexpr size_t kMaxBoxes = 120;    // in the whole picture: deeper boxes fold first

// The units existing on the date as a forest: each under its first existing superior.
struct Forest {
  std::vector<UnitIndex> parent;      // kNoIndex for a root
  std::vector<uint32_t> depth;        // from its root
  std::vector<uint64_t> size;         // units in its subtree, itself included
  std::vector<std::vector<UnitIndex>> children;  // only of units above the drawing depth
  std::vector<UnitIndex> roots;
  uint64_t dual = 0;                  // units with more than one existing superior
};

UnitIndex FirstExistingParent(const ReportData& d, UnitIndex u, uint64_t* dual) {
  UnitIndex first = kNoIndex;
  int count = 0;
  for (UnitIndex p : d.s.parents(u)) {
    if (!d.exists[p]) continue;
    if (count++ == 0) first = p;
  }
  if (count > 1) ++*dual;
  return first;
}

Forest BuildForest(const ReportData& d) {
  const uint32_t n = d.s.unit_count();
  Forest f{std::vector<UnitIndex>(n, kNoIndex), std::vector<uint32_t>(n), std::vector<uint64_t>(n), {}, {}, 0};
  f.children.resize(n);
  // Units come in level order: a superior's depth is known before its subordinates'.
  for (UnitIndex u = 0; u < n; ++u) {
    if (!d.exists[u]) continue;
    f.size[u] = 1;
    f.parent[u] = FirstExistingParent(d, u, &f.dual);
    if (f.parent[u] == kNoIndex) {
      f.roots.push_back(u);
      continue;
    }
    f.depth[u] = f.depth[f.parent[u]] + 1;
    if (f.depth[f.parent[u]] < d.options.depth) f.children[f.parent[u]].push_back(u);
  }
  for (UnitIndex u = n; u-- > 0;) {
    if (f.parent[u] != kNoIndex) f.size[f.parent[u]] += f.size[u];
  }
  return f;
}

std::map<std::string, size_t> KindColors(const ReportData& d) {
  std::map<std::string, size_t> kinds;
  for (UnitIndex u = 0; u < d.s.unit_count(); ++u) {
    if (d.exists[u]) kinds.emplace(d.s.unit_kind(u), 0);
  }
  size_t i = 0;
  for (auto& [kind, color] : kinds) color = i++;
  return kinds;
}

// The `kMaxChildren` largest of `units`, in their own order; the rest summed into `node`.
std::vector<UnitIndex> Largest(const Forest& f, std::vector<UnitIndex> units, TreeNode* node) {
  if (units.size() <= kMaxChildren) return units;
  std::vector<UnitIndex> by_size = units;
  std::stable_sort(by_size.begin(), by_size.end(), [&](UnitIndex x, UnitIndex y) { return f.size[x] > f.size[y]; });
  by_size.resize(kMaxChildren);
  std::sort(by_size.begin(), by_size.end());
  for (UnitIndex u : units) {
    if (!std::binary_search(by_size.begin(), by_size.end(), u)) {
      ++node->more_children;
      node->more_units += f.size[u];
    }
  }
  return by_size;
}

// The drawing's plan, made breadth first so that the box budget goes to the upper levels.
struct Plan {
  std::vector<TreeNode> nodes;            // one per drawn unit, children filled in later
  std::vector<std::vector<size_t>> kids;  // into nodes
};

TreeNode Box(const ReportData& d, const Forest& f, const std::map<std::string, size_t>& kinds, UnitIndex u) {
  TreeNode node;
  node.label = std::string(d.s.unit_name(u));
  node.color = std::string(PaletteColor(kinds.at(d.s.unit_kind(u))));
  node.detail = absl::StrCat(KindTerm(d.s.unit_kind(u)).zh, " · ", FormatCount(f.size[u]), " 单位 units");
  node.folded = f.size[u] - 1;
  return node;
}

Plan MakePlan(const ReportData& d, const Forest& f, const std::map<std::string, size_t>& kinds,
              const std::vector<UnitIndex>& roots) {
  Plan plan;
  std::vector<UnitIndex> unit_of;
  for (UnitIndex r : roots) {
    plan.nodes.push_back(Box(d, f, kinds, r));
    unit_of.push_back(r);
  }
  plan.kids.resize(plan.nodes.size());
  size_t budget = kMaxBoxes > roots.size() ? kMaxBoxes - roots.size() : 0;
  for (size_t i = 0; i < unit_of.size(); ++i) {  // grows as boxes are added: breadth first
    const UnitIndex u = unit_of[i];
    if (f.depth[u] >= d.options.depth || f.children[u].empty()) continue;
    TreeNode summary;
    const std::vector<UnitIndex> shown = Largest(f, f.children[u], &summary);
    if (shown.size() > budget) continue;  // stays folded
    budget -= shown.size();
    plan.nodes[i].folded = 0;
    plan.nodes[i].more_children = summary.more_children;
    plan.nodes[i].more_units = summary.more_units;
    for (UnitIndex c : shown) {
      plan.kids[i].push_back(plan.nodes.size());
      plan.nodes.push_back(Box(d, f, kinds, c));
      unit_of.push_back(c);
      plan.kids.emplace_back();
    }
  }
  return plan;
}

// Moves the planned boxes into their parents, bottom up (children come after parents).
TreeNode Assemble(Plan* plan, size_t i) {
  for (size_t k : plan->kids[i]) plan->nodes[i].children.push_back(Assemble(plan, k));
  return std::move(plan->nodes[i]);
}

std::string LevelChart(const ReportData& d, const std::map<std::string, size_t>& kinds) {
  std::vector<StackedRow> rows;
  std::vector<Series> series;
  for (const auto& [kind, color] : kinds) series.push_back({KindTerm(kind).Plain(), std::string(PaletteColor(color))});
  for (UnitIndex u = 0; u < d.s.unit_count(); ++u) {
    if (!d.exists[u]) continue;
    const uint32_t level = d.s.unit_level(u);
    while (rows.size() <= level) rows.push_back({absl::StrCat("第", rows.size(), "级 level ", rows.size()),
                                                 std::vector<double>(kinds.size())});
    ++rows[level].values[kinds.at(d.s.unit_kind(u))];
  }
  return absl::StrCat("<h3>", Bilingual("各层级单位", "Units per level, by kind"), "</h3>", Legend(series),
                      "<div class=\"figure\">", StackedBarChart("各层级单位 Units per level", series, rows, false),
                      "</div>\n");
}

}  // namespace

std::string HierarchySection(const ReportData& d) {
  std::string out = SectionOpen("hierarchy", "组织结构", "Hierarchy");
  const std::map<std::string, size_t> kinds = KindColors(d);
  if (kinds.empty()) {
    return absl::StrCat(out, "<p class=\"note\">", Bilingual("该日无单位。", "No units on the date."), "</p>\n</section>\n");
  }
  const Forest f = BuildForest(d);
  TreeNode top;  // counts the roots beyond the cap
  const std::vector<UnitIndex> shown_roots = Largest(f, f.roots, &top);
  Plan plan = MakePlan(d, f, kinds, shown_roots);
  std::vector<TreeNode> roots;
  for (size_t r = 0; r < shown_roots.size(); ++r) roots.push_back(Assemble(&plan, r));
  absl::StrAppend(&out, LevelChart(d, kinds), "<h3>", Bilingual("结构图", "Structure"), "</h3><p class=\"note\">",
                  Bilingual(absl::StrCat("展开到第 ", d.options.depth, " 级，更深的层级折叠为数量（+N）；每框最多 ",
                                         kMaxChildren, " 个下级，全图最多 ", kMaxBoxes, " 框。"),
                            absl::StrCat("Drawn ", d.options.depth, " levels deep; deeper levels are folded into counts (+N), at most ",
                                         kMaxChildren, " subordinates per box and ", kMaxBoxes, " boxes in all.")),
                  f.dual > 0 ? absl::StrCat(" ", Bilingual(absl::StrCat(f.dual, " 个单位有多个上级，按第一个上级绘制。"),
                                                          absl::StrCat(f.dual, " units with more than one superior are drawn under the first.")))
                             : "",
                  "</p>\n<div class=\"figure\">", HierarchyPicture(roots, "组织结构 Hierarchy"), "</div>\n",
                  MoreNote(top.more_children), "</section>\n");
  return out;
}

}  // namespace zeren::report
