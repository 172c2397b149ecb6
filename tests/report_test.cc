// The HTML report: escaping, charts drawn exactly, the demo's report, and a 100,000-unit
// organization reduced to aggregates and its extremes.
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "bench/synthetic_org.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tools/report/hierarchy_picture.h"
#include "tools/report/html.h"
#include "tools/report/reach_picture.h"
#include "tools/report/report.h"
#include "tools/report/svg_chart.h"
#include "zeren/model_json.h"
#include "zeren/snapshot.h"

namespace zeren::report {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

size_t Count(absl::string_view text, absl::string_view needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != absl::string_view::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

// The text between `from` and the next `to` after it ("" when absent).
std::string Between(absl::string_view text, absl::string_view from, absl::string_view to) {
  const size_t begin = text.find(from);
  if (begin == absl::string_view::npos) return "";
  const size_t end = text.find(to, begin + from.size());
  return std::string(text.substr(begin, end == absl::string_view::npos ? absl::string_view::npos : end - begin));
}

TEST(HtmlTest, EscapesMarkupQuotesAndControlCharacters) {
  EXPECT_EQ(Escape("<a href=\"x\">Tom & Jerry's</a>"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
  EXPECT_EQ(Escape("a\x01" "b\x7f" "c"), "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c");
  EXPECT_EQ(Escape("党支部\t\n\r“引号”"), "党支部\t\n\r“引号”");
  EXPECT_EQ(Escape(""), "");
}

TEST(HtmlTest, BilingualLabelsAndCounts) {
  EXPECT_EQ(Bilingual("考核排名", "Assessment <ranking>"),
            "考核排名 <span class=\"en\">Assessment &lt;ranking&gt;</span>");
  EXPECT_EQ(FormatCount(0), "0");
  EXPECT_EQ(FormatCount(999), "999");
  EXPECT_EQ(FormatCount(1000), "1,000");
  EXPECT_EQ(FormatCount(1234567), "1,234,567");
  EXPECT_EQ(FormatCount(-1234), "-1,234");
}

TEST(HtmlTest, TableRendersHeaderAndRows) {
  HtmlTable table({"a", "b"}, /*sortable=*/true);
  EXPECT_TRUE(table.empty());
  table.AddRow({"1", "<i>x</i>"}, "hot");
  EXPECT_EQ(table.Render(),
            "<table class=\"data sortable\"><thead><tr><th>a</th><th>b</th></tr></thead>\n<tbody>\n"
            "<tr class=\"hot\"><td>1</td><td><i>x</i></td></tr>\n</tbody></table>\n");
}

TEST(SvgChartTest, TextWidthAndFit) {
  EXPECT_DOUBLE_EQ(TextWidth("ab", 10), 12);
  EXPECT_DOUBLE_EQ(TextWidth("中文", 10), 20);
  EXPECT_EQ(Fit("中文", 10, 20), "中文");
  EXPECT_EQ(Fit("中文中文", 10, 35), "中文…");
  EXPECT_EQ(Num(2.0), "2");
  EXPECT_EQ(Num(173.333), "173.3");
  EXPECT_EQ(Num(-0.01), "0");
}

TEST(SvgChartTest, BarChartExactly) {
  EXPECT_EQ(BarChart("T & t", {{"a<b", 3, "#111"}, {"中文", 1.5, "#222"}}),
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 356 52\" width=\"356\" height=\"52\" role=\"img\" aria-label=\"T &amp; t\">"
            "<title>T &amp; t</title><g><title>a&lt;b: 3</title>"
            "<text x=\"28\" y=\"19\" text-anchor=\"end\">a&lt;b</text>"
            "<rect x=\"36\" y=\"8\" width=\"250\" height=\"14\" fill=\"#111\"/>"
            "<text x=\"292\" y=\"19\" class=\"v\">3</text></g><g><title>中文: 1.5</title>"
            "<text x=\"28\" y=\"41\" text-anchor=\"end\">中文</text>"
            "<rect x=\"36\" y=\"30\" width=\"125\" height=\"14\" fill=\"#222\"/>"
            "<text x=\"167\" y=\"41\" class=\"v\">1.5</text></g></svg>\n");
}

TEST(SvgChartTest, ColumnChartExactlyWithMarkAndDivider) {
  EXPECT_EQ(
      ColumnChart("C", {{"x", "#a00"}, {"y", "#0a0"}}, {{"L1", {4, 2}, "断点 1", "4"}, {"L2", {1, 0}, "", ""}}, 0,
                  "reach 1"),
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 172 242\" width=\"172\" height=\"242\" role=\"img\" aria-label=\"C\">"
      "<title>C</title><line class=\"grid\" x1=\"48\" y1=\"208\" x2=\"164\" y2=\"208\"/>"
      "<text x=\"42\" y=\"212\" text-anchor=\"end\" class=\"v\">0</text>"
      "<line class=\"grid\" x1=\"48\" y1=\"168\" x2=\"164\" y2=\"168\"/>"
      "<text x=\"42\" y=\"172\" text-anchor=\"end\" class=\"v\">1</text>"
      "<line class=\"grid\" x1=\"48\" y1=\"128\" x2=\"164\" y2=\"128\"/>"
      "<text x=\"42\" y=\"132\" text-anchor=\"end\" class=\"v\">2</text>"
      "<line class=\"grid\" x1=\"48\" y1=\"88\" x2=\"164\" y2=\"88\"/>"
      "<text x=\"42\" y=\"92\" text-anchor=\"end\" class=\"v\">3</text>"
      "<line class=\"grid\" x1=\"48\" y1=\"48\" x2=\"164\" y2=\"48\"/>"
      "<text x=\"42\" y=\"52\" text-anchor=\"end\" class=\"v\">4</text><g><title>L1 · x: 4</title>"
      "<rect x=\"58\" y=\"48\" width=\"16\" height=\"160\" fill=\"#a00\"/></g><g><title>L1 · y: 2</title>"
      "<rect x=\"76\" y=\"128\" width=\"16\" height=\"80\" fill=\"#0a0\"/></g>"
      "<text x=\"75\" y=\"224\" text-anchor=\"middle\">L1</text>"
      "<text x=\"75\" y=\"44\" text-anchor=\"middle\" class=\"v\">4</text><g class=\"mark\">"
      "<title>断点 1</title><path d=\"M69 22h12l-6 9z\"/>"
      "<text x=\"75\" y=\"18\" text-anchor=\"middle\" class=\"mark\">断点 1</text></g><g>"
      "<title>L2 · x: 1</title><rect x=\"112\" y=\"168\" width=\"16\" height=\"40\" fill=\"#a00\"/></g>"
      "<text x=\"129\" y=\"224\" text-anchor=\"middle\">L2</text>"
      "<line class=\"divider\" x1=\"102\" y1=\"16\" x2=\"102\" y2=\"208\"/>"
      "<text x=\"106\" y=\"12\" class=\"divider\">reach 1</text></svg>\n");
}

TEST(SvgChartTest, StackedBarsScaleToTheLargestRowOrToShares) {
  const std::vector<Series> series = {{"x", "#a00"}, {"y", "#0a0"}};
  const std::vector<StackedRow> rows = {{"r1", {2, 1}}, {"r2", {0, 1}}};
  const std::string absolute = StackedBarChart("S", series, rows, false);
  EXPECT_THAT(absolute, HasSubstr("<title>r2 · y: 1</title><rect x=\"26.4\" y=\"30\" width=\"83.3\""));
  EXPECT_THAT(absolute, Not(HasSubstr("r2 · x")));  // zero segments are not drawn
  const std::string shares = StackedBarChart("S", series, rows, true);
  EXPECT_THAT(shares, HasSubstr("<title>r2 · y: 1</title><rect x=\"26.4\" y=\"30\" width=\"250\""));
  EXPECT_THAT(shares, HasSubstr(">n=3</text>"));
  EXPECT_EQ(Legend(series), "<div class=\"legend\"><span><i style=\"background:#a00\"></i>x</span>"
                            "<span><i style=\"background:#0a0\"></i>y</span></div>\n");
}

TEST(ReachPictureTest, OneRowPerPartyThenMore) {
  ReachIncident incident{"i<1>", "Branch & Co", "2025-03-01", Severity::kGrave, {}};
  for (int k = 0; k < 5; ++k) {
    incident.parties.push_back({absl::StrCat("P", k, "\"q\""), k == 1, Category::kMainLeadership,
                                Form::kAdmonishment, 0.6});
  }
  const std::string svg = ReachPicture(incident, 3);
  EXPECT_EQ(Count(svg, "<path d=\"M218 "), 3u);  // a line to each drawn party
  EXPECT_THAT(svg, HasSubstr("P0&quot;q&quot;"));
  EXPECT_THAT(svg, Not(HasSubstr("P3")));
  EXPECT_THAT(svg, HasSubstr("另有 2 方 and 2 more parties"));
  EXPECT_THAT(svg, HasSubstr(">i&lt;1&gt;</text>"));
  EXPECT_THAT(svg, HasSubstr(">Branch &amp; Co</text>"));
  EXPECT_THAT(svg, HasSubstr("2025-03-01 · 严重 grave"));
  EXPECT_EQ(Count(svg, "width=\"8\" height=\"8\""), 1u);  // one unit (a square), the rest people
  EXPECT_THAT(svg, HasSubstr(">诫勉<tspan class=\"v\" dx=\"4\">admonishment</tspan>"));
}

TEST(ReachPictureTest, MatrixLeavesOutEmptyRowsAndColumns) {
  ReachCounts counts{};
  counts[static_cast<int>(Category::kDirect)][static_cast<int>(Form::kDisciplinarySanction)] = 7;
  counts[static_cast<int>(Category::kUpward)][static_cast<int>(Form::kNone)] = 1;
  const std::string svg = ReachMatrix(counts);
  EXPECT_THAT(svg, HasSubstr("viewBox=\"0 0 462 118\""));  // two columns, two rows
  EXPECT_THAT(svg, HasSubstr(">7</text>"));
  EXPECT_THAT(svg, HasSubstr(">纪律处分</text>"));
  EXPECT_THAT(svg, Not(HasSubstr("诫勉")));
  EXPECT_THAT(svg, Not(HasSubstr("主要领导责任")));
}

TEST(HierarchyPictureTest, FoldedBoxesAndMoreBox) {
  TreeNode root{"Root", "r", "#111", 0, {}, 2, 9};
  root.children.push_back({"Kid <1>", "k", "#222", 5, {}, 0, 0});
  const std::string svg = HierarchyPicture({root}, "H");
  EXPECT_THAT(svg, HasSubstr("viewBox=\"0 0 486 92\""));
  EXPECT_EQ(Count(svg, "<g class=\"node"), 3u);
  EXPECT_EQ(Count(svg, "<path class=\"edge\""), 2u);
  EXPECT_THAT(svg, HasSubstr(">Kid &lt;1&gt;</text>"));
  EXPECT_THAT(svg, HasSubstr("class=\"fold\">+5</text>"));
  EXPECT_THAT(svg, HasSubstr(">+2 个 more</text><text x=\"280\" y=\"81\" class=\"v\">9 单位 units</text>"));
}

class DemoReportTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    absl::StatusOr<Model> model = LoadModelFile(absl::StrCat(ZEREN_EXAMPLES, "/organ.json"));
    ASSERT_TRUE(model.ok()) << model.status();
    absl::StatusOr<Snapshot> s = Snapshot::Compile(*model);
    ASSERT_TRUE(s.ok());
    ReportOptions options;
    options.title = model->data().name;
    options.as_of = *ParseDate("2025-06-30");
    html_ = new std::string(RenderReport(*s, options));
  }
  static void TearDownTestSuite() { delete html_; }
  static std::string* html_;
};
std::string* DemoReportTest::html_ = nullptr;

TEST_F(DemoReportTest, EverySectionInOrder) {
  size_t last = 0;
  for (absl::string_view id : kSectionIds) {
    const size_t at = html_->find(absl::StrCat("<section id=\"", id, "\""));
    ASSERT_NE(at, std::string::npos) << id;
    EXPECT_GT(at, last) << id;
    last = at;
    EXPECT_THAT(*html_, HasSubstr(absl::StrCat("<a href=\"#", id, "\">")));
  }
  EXPECT_THAT(*html_, HasSubstr("考核排名 <span class=\"en\">Assessment ranking</span>"));
}

TEST_F(DemoReportTest, SelfContained) {
  EXPECT_TRUE(absl::StartsWith(*html_, "<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
  EXPECT_THAT(*html_, Not(HasSubstr("http://www.w3.org/1999")));
  EXPECT_THAT(*html_, Not(HasSubstr("https://")));
  EXPECT_THAT(*html_, Not(HasSubstr("<img")));
  EXPECT_THAT(*html_, Not(HasSubstr("<link")));
  EXPECT_EQ(Count(*html_, "<script"), 1u);
  EXPECT_EQ(Count(*html_, "<svg "), Count(*html_, "</svg>"));
}

TEST_F(DemoReportTest, OverviewNumbers) {
  const std::string overview = Between(*html_, "<section id=\"overview\"", "</section>");
  EXPECT_THAT(overview, HasSubstr("<b>200</b><span>单位 <span class=\"en\">units</span>"));
  EXPECT_THAT(overview, HasSubstr("<b>381</b><span>人员"));
  EXPECT_THAT(overview, HasSubstr("<div class=\"card alert\"><b>4</b><span>第一责任人空缺"));
  EXPECT_THAT(overview, HasSubstr("<b>5</b><span>问责事件"));
  EXPECT_THAT(overview, HasSubstr("<b>12</b><span>部署指令"));
  EXPECT_THAT(overview, HasSubstr("(d11)"));
  EXPECT_THAT(overview, HasSubstr("(a07b2)"));
}

TEST_F(DemoReportTest, EveryUnitRankedWithItsReasons) {
  const std::string section = Between(*html_, "<section id=\"assessment\"", "</section>");
  EXPECT_EQ(Count(section, "<summary>原因 <span class=\"en\">why</span></summary>"), 200u);
  EXPECT_THAT(section, HasSubstr("等次分布"));
  EXPECT_THAT(section, HasSubstr("<input class=\"filter\" type=\"search\" hidden"));
  EXPECT_THAT(section, Not(HasSubstr("Lowest totals")));
}

TEST_F(DemoReportTest, IncidentsDrawnWithTheirParties) {
  const std::string section = Between(*html_, "<section id=\"incidents\"", "</section>");
  EXPECT_EQ(Count(section, "<div class=\"incident\">"), 5u);
  EXPECT_THAT(section, HasSubstr("<h3>i3 · "));
  EXPECT_THAT(section, HasSubstr("<b>35</b><span>被问责人次"));
  EXPECT_THAT(section, HasSubstr("问责方式矩阵"));
  // The gravest first.
  EXPECT_LT(section.find("<h3>i3 · "), section.find("<h3>i1 · "));
}

TEST_F(DemoReportTest, LedgerProfilesAndAuditCounts) {
  const std::string ledger = Between(*html_, "<section id=\"ledger\"", "</section>");
  EXPECT_EQ(Count(ledger, "<div class=\"directive\">"), 8u);
  EXPECT_THAT(ledger, HasSubstr("class=\"mark\">断点 1</text>"));
  EXPECT_THAT(ledger, HasSubstr("要求层级 reach 3"));
  const std::string audit = Between(*html_, "<section id=\"audit\"", "</section>");
  EXPECT_THAT(audit, HasSubstr("<b style=\"color:#c0392b\">4</b><span>严重"));
  EXPECT_THAT(audit, HasSubstr("<b style=\"color:#e67e22\">16</b><span>警告"));
}

TEST_F(DemoReportTest, HierarchyFoldedBelowDepthTwo) {
  const std::string section = Between(*html_, "<section id=\"hierarchy\"", "</section>");
  EXPECT_THAT(section, HasSubstr("<title>某部党组 — 党组 · 200 单位 units</title>"));
  // Two levels down, every box with subordinates is folded (all but the discipline commission).
  EXPECT_EQ(Count(section, "<g class=\"node folded\">"), 34u);
  EXPECT_THAT(section, HasSubstr("第4级 level 4"));
}

TEST(ReportTest, EscapesModelText) {
  constexpr char kDocument[] = R"({"format": "zeren-model", "version": 1, "name": "<b>Org</b> & \"co\"",
    "units": [{"id": "u1", "name": "<script>alert(1)</script>", "kind": "branch"}]})";
  absl::StatusOr<Model> model = ParseModelJson(kDocument);
  ASSERT_TRUE(model.ok()) << model.status();
  absl::StatusOr<Snapshot> s = Snapshot::Compile(*model);
  ASSERT_TRUE(s.ok());
  ReportOptions options;
  options.title = model->data().name;
  options.as_of = *ParseDate("2025-01-01");
  const std::string html = RenderReport(*s, options);
  EXPECT_THAT(html, Not(HasSubstr("<script>alert")));
  EXPECT_THAT(html, Not(HasSubstr("<b>Org")));
  EXPECT_THAT(html, HasSubstr("&lt;script&gt;alert(1)&lt;/script&gt;"));
  EXPECT_THAT(html, HasSubstr("<h1>&lt;b&gt;Org&lt;/b&gt; &amp; &quot;co&quot; "));
  EXPECT_THAT(html, HasSubstr("无考核数据。"));
  EXPECT_THAT(html, HasSubstr("无问责事件。"));
  for (absl::string_view id : kSectionIds) EXPECT_THAT(html, HasSubstr(absl::StrCat("<section id=\"", id, "\"")));
}

TEST(ReportTest, ProgressRunsFromZeroToOne) {
  absl::StatusOr<Model> model = LoadModelFile(absl::StrCat(ZEREN_EXAMPLES, "/organ.json"));
  ASSERT_TRUE(model.ok());
  absl::StatusOr<Snapshot> s = Snapshot::Compile(*model);
  ASSERT_TRUE(s.ok());
  std::vector<std::string> stages;
  double last = -1;
  bool monotonic = true;
  ReportOptions options;
  options.as_of = *ParseDate("2025-06-30");
  RenderReport(*s, options, [&](absl::string_view stage, double done) {
    if (stages.empty() || stages.back() != stage) stages.emplace_back(stage);
    monotonic = monotonic && done >= last;
    last = done;
  });
  EXPECT_THAT(stages, ::testing::ElementsAre("assessing", "accounting", "ledger", "audit", "rendering"));
  EXPECT_TRUE(monotonic);
  EXPECT_EQ(last, 1);
}

// 100,000 units: aggregates, the 10 lowest and 10 highest totals, the 12 most severe
// incidents; well under 5 MB.
TEST(ReportTest, LargeOrganizationIsAggregated) {
  absl::StatusOr<Snapshot> s = Snapshot::Compile(bench::SyntheticOrganization(100'000, 8, 7));
  ASSERT_TRUE(s.ok());
  ReportOptions options;
  options.title = "synthetic";
  options.as_of = 19400;
  const std::string html = RenderReport(*s, options);
  EXPECT_LT(html.size(), 5u * 1024 * 1024);
  const std::string assessment = Between(html, "<section id=\"assessment\"", "</section>");
  EXPECT_THAT(assessment, HasSubstr("100,000 units: only the 10 lowest and highest totals are listed."));
  EXPECT_EQ(Count(assessment, "<summary>原因 <span class=\"en\">why</span></summary>"), 20u);
  EXPECT_EQ(Count(Between(assessment, "<div id=\"lowest\">", "</table>"), "<tr>"), 11u);  // + header
  EXPECT_EQ(Count(Between(assessment, "<div id=\"highest\">", "</table>"), "<tr>"), 11u);
  const std::string incidents = Between(html, "<section id=\"incidents\"", "</section>");
  EXPECT_EQ(Count(incidents, "<div class=\"incident\">"), 12u);
  EXPECT_THAT(incidents, HasSubstr("<b>10,000</b><span>事件"));
  const std::string hierarchy = Between(html, "<section id=\"hierarchy\"", "</section>");
  EXPECT_EQ(Count(hierarchy, "<g class=\"node"), 73u);  // 1 + 8 + 64: two levels deep
  for (const std::string& section : {assessment, incidents, hierarchy}) EXPECT_FALSE(section.empty());
}

}  // namespace
}  // namespace zeren::report
