#include "tools/report/labels.h"

#include <array>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/types/span.h"
#include "tools/report/html.h"

namespace zeren::report {
namespace {

// The English of a vocabulary spelling: "main_leadership" -> "main leadership".
std::string English(absl::string_view spelling) {
  return absl::StrReplaceAll(spelling, {{"_", " "}});
}

template <typename Enum, size_t N>
Term Lookup(Enum value, const std::array<absl::string_view, N>& zh) {
  const size_t i = static_cast<size_t>(value);
  return {std::string(i < N ? zh[i] : ""), English(Name(value))};
}

struct Pair {
  absl::string_view id, zh;
};

Term FromPairs(absl::string_view id, absl::Span<const Pair> pairs) {
  for (const Pair& p : pairs) {
    if (p.id == id) return {std::string(p.zh), English(id)};
  }
  return {std::string(id), ""};
}

}  // namespace

std::string Term::Html() const { return en.empty() ? Escape(zh) : Bilingual(zh, en); }
std::string Term::Plain() const { return en.empty() ? zh : absl::StrCat(zh, " ", en); }

Term TermOf(Category category) {
  static constexpr std::array<absl::string_view, 7> kZh = {
      "直接责任", "主要领导责任", "重要领导责任", "全面领导责任", "监督责任", "分片包干", "上级领导责任"};
  return Lookup(category, kZh);
}

Term TermOf(Form form) {
  static constexpr std::array<absl::string_view, 7> kZh = {
      "不予问责", "检查", "通报", "改组", "诫勉", "组织调整", "纪律处分"};
  return Lookup(form, kZh);
}

Term TermOf(Severity severity) {
  static constexpr std::array<absl::string_view, 3> kZh = {"一般", "较重", "严重"};
  return Lookup(severity, kZh);
}

Term TermOf(FindingKind kind) {
  static constexpr std::array<absl::string_view, 8> kZh = {
      "利益冲突", "职责无人承担", "任务逾期", "兼职过多", "传导中断", "无包干联系", "无监督", "第一责任人空缺"};
  return Lookup(kind, kZh);
}

Term TermOf(FindingSeverity severity) {
  static constexpr std::array<absl::string_view, 3> kZh = {"严重", "警告", "提示"};
  return Lookup(severity, kZh);
}

Term TermOf(Light light) {
  static constexpr std::array<absl::string_view, 5> kZh = {"已完成", "已取消", "红灯", "黄灯", "绿灯"};
  return Lookup(light, kZh);
}

Term KindTerm(absl::string_view kind) {
  static constexpr Pair kKinds[] = {
      {"leading_group", "党组"},        {"organ_committee", "机关党委"},
      {"discipline_commission", "纪委"}, {"committee", "党委"},
      {"general_branch", "党总支"},     {"branch", "党支部"},
      {"group", "党小组"},              {"youth_study_group", "青年理论学习小组"}};
  return FromPairs(kind, kKinds);
}

Term GradeTerm(absl::string_view grade_id) {
  static constexpr Pair kGrades[] = {
      {"good", "好"}, {"fairly_good", "较好"}, {"average", "一般"}, {"poor", "差"}};
  return FromPairs(grade_id, kGrades);
}

absl::string_view CategoryColor(Category category) {
  static constexpr std::array<absl::string_view, 7> kColors = {
      "#c0392b", "#e67e22", "#d4ac0d", "#8e44ad", "#2471a3", "#17a589", "#7f8c8d"};
  return kColors[static_cast<size_t>(category) % kColors.size()];
}

absl::string_view SeverityColor(FindingSeverity severity) {
  static constexpr std::array<absl::string_view, 3> kColors = {"#c0392b", "#e67e22", "#5d6d7e"};
  return kColors[static_cast<size_t>(severity) % kColors.size()];
}

absl::string_view IncidentSeverityColor(Severity severity) {
  static constexpr std::array<absl::string_view, 3> kColors = {"#d4ac0d", "#e67e22", "#c0392b"};
  return kColors[static_cast<size_t>(severity) % kColors.size()];
}

absl::string_view LightColor(Light light) {
  static constexpr std::array<absl::string_view, 5> kColors = {
      "#4e79a7", "#bab0ac", "#e15759", "#edc948", "#59a14f"};
  return kColors[static_cast<size_t>(light) % kColors.size()];
}

absl::string_view PaletteColor(size_t i) {
  static constexpr std::array<absl::string_view, 10> kColors = {
      "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
      "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"};
  return kColors[i % kColors.size()];
}

absl::string_view GradeColor(size_t grade, size_t count) {
  // Stops from best to worst; a scheme with other than four grades spreads over them.
  static constexpr std::array<absl::string_view, 6> kStops = {
      "#1e8449", "#52be80", "#a9cf54", "#f5b041", "#e67e22", "#cb4335"};
  if (count <= 1) return kStops[0];
  if (count == 4) {
    static constexpr std::array<absl::string_view, 4> kFour = {"#1e8449", "#7dcea0", "#f5b041", "#cb4335"};
    return kFour[grade % 4];
  }
  return kStops[grade * (kStops.size() - 1) / (count - 1) % kStops.size()];
}

}  // namespace zeren::report
