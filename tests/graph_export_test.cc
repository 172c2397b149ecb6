// Graph export (GraphML and DOT of the hierarchy as of a day) and pictures (DOT of a chain
// and of an incident's reach, rendered by Graphviz). GraphML and DOT are read back with Boost
// Graph's own readers; the pictures' DOT text is compared whole.
#include <cstdlib>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphml.hpp>
#include <boost/graph/graphviz.hpp>
#include <boost/property_map/dynamic_property_map.hpp>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "zeren/accountability.h"
#include "zeren/assessment.h"
#include "zeren/chain.h"
#include "zeren/graph_export.h"
#include "zeren/model_json.h"
#include "zeren/picture.h"
#include "zeren/snapshot.h"

namespace zeren {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;
using ::testing::UnorderedElementsAre;

Snapshot Load(const std::string& path) {
  absl::StatusOr<Model> model = LoadModelFile(path);
  EXPECT_TRUE(model.ok()) << model.status();
  absl::StatusOr<Snapshot> s = Snapshot::Compile(*model);
  EXPECT_TRUE(s.ok()) << s.status();
  return *std::move(s);
}

Snapshot Small() { return Load(ZEREN_TEST_DATA "/export/small.json"); }
Snapshot Demo() { return Load(ZEREN_EXAMPLES "/organ.json"); }

Date Day(const char* text) { return *ParseDate(text); }

std::string Export(const Snapshot& s, const char* day, GraphFormat format,
                   const Assessment* assessment = nullptr) {
  GraphExportOptions options;
  options.as_of = Day(day);
  options.format = format;
  options.assessment = assessment;
  absl::StatusOr<std::string> text = ExportGraph(s, options);
  EXPECT_TRUE(text.ok()) << text.status();
  return text.ok() ? *text : "";
}

// ---- reading back ----

struct Node {
  std::string type, id, name, kind, secretary, secretary_id, head, head_id,
      discipline_secretary, discipline_secretary_id, grade;
  int64_t members = -1;
  int level = -1;
  double total = -1;
  // DOT only
  std::string node_id, label, shape, style;
};

struct Edge {
  std::string kind;
  double weight = -1;
  std::string color, style;  // DOT only
};

using Read = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, Node, Edge>;

// Properties for every attribute the export writes: the readers throw on any other.
boost::dynamic_properties Properties(Read& g, std::string* as_of, bool assessed, bool dot) {
  boost::dynamic_properties dp;
  dp.property("type", get(&Node::type, g));
  dp.property("id", get(&Node::id, g));
  dp.property("name", get(&Node::name, g));
  dp.property("kind", get(&Node::kind, g));
  dp.property("members", get(&Node::members, g));
  dp.property("level", get(&Node::level, g));
  dp.property("secretary", get(&Node::secretary, g));
  dp.property("secretary_id", get(&Node::secretary_id, g));
  dp.property("head", get(&Node::head, g));
  dp.property("head_id", get(&Node::head_id, g));
  dp.property("discipline_secretary", get(&Node::discipline_secretary, g));
  dp.property("discipline_secretary_id", get(&Node::discipline_secretary_id, g));
  if (assessed) {
    dp.property("grade", get(&Node::grade, g));
    dp.property("total", get(&Node::total, g));
  }
  dp.property("kind", get(&Edge::kind, g));
  dp.property("weight", get(&Edge::weight, g));
  dp.property("as_of", boost::ref_property_map<Read*, std::string>(*as_of));
  if (dot) {
    dp.property("node_id", get(&Node::node_id, g));
    dp.property("label", get(&Node::label, g));
    dp.property("shape", get(&Node::shape, g));
    dp.property("style", get(&Node::style, g));
    dp.property("color", get(&Edge::color, g));
    dp.property("style", get(&Edge::style, g));
  }
  return dp;
}

struct ReadBack {
  Read graph;
  std::string as_of;
  // "from -> to kind weight", in the file's order.
  std::vector<std::string> Edges() const {
    std::vector<std::string> out;
    for (auto [e, end] = edges(graph); e != end; ++e) {
      std::ostringstream line;
      line << graph[source(*e, graph)].id << " -> " << graph[target(*e, graph)].id << " "
           << graph[*e].kind << " " << graph[*e].weight;
      out.push_back(line.str());
    }
    return out;
  }
  const Node& Find(const std::string& type, const std::string& id) const {
    for (auto [v, end] = vertices(graph); v != end; ++v) {
      if (graph[*v].type == type && graph[*v].id == id) return graph[*v];
    }
    static const Node none;
    ADD_FAILURE() << "no " << type << " node " << id;
    return none;
  }
  std::map<std::string, int> EdgeKinds() const {
    std::map<std::string, int> out;
    for (auto [e, end] = edges(graph); e != end; ++e) ++out[graph[*e].kind];
    return out;
  }
};

ReadBack ReadGraphMl(const std::string& text, bool assessed = false) {
  ReadBack r;
  boost::dynamic_properties dp = Properties(r.graph, &r.as_of, assessed, false);
  std::istringstream in(text);
  boost::read_graphml(in, r.graph, dp);
  return r;
}

ReadBack ReadDot(const std::string& text) {
  ReadBack r;
  boost::dynamic_properties dp = Properties(r.graph, &r.as_of, false, true);
  EXPECT_TRUE(boost::read_graphviz(text, r.graph, dp, "node_id"));
  return r;
}

std::vector<std::string> Ids(const ReadBack& r) {
  std::vector<std::string> out;
  for (auto [v, end] = vertices(r.graph); v != end; ++v) {
    out.push_back(r.graph[*v].type + ":" + r.graph[*v].id);
  }
  return out;
}

// ---- GraphML ----

TEST(GraphExport, SmallGraphMlReadsBackExactly) {
  const ReadBack r = ReadGraphMl(Export(Small(), "2025-06-30", GraphFormat::kGraphMl));
  EXPECT_EQ(r.as_of, "2025-06-30");
  // `old` no longer exists; p5's guides links have ended or lead to `old`.
  EXPECT_THAT(Ids(r), ElementsAre("unit:org", "unit:dc", "unit:b1", "unit:b2", "person:p4"));
  EXPECT_THAT(r.Edges(), ElementsAre("org -> dc leads 1", "org -> b1 leads 1",
                                     "org -> b2 leads 0.75", "org -> b2 specializes 1",
                                     "dc -> org supervises 1", "b1 -> b2 leads 0.25",
                                     "p4 -> b2 guides 1"));
  const Node& org = r.Find("unit", "org");
  EXPECT_EQ(org.name, "党组 <Leading> & \"Co\"");
  EXPECT_EQ(org.kind, "leading_group");
  EXPECT_EQ(org.members, 5);
  EXPECT_EQ(org.level, 0);
  EXPECT_EQ(org.secretary, "书记 One");
  EXPECT_EQ(org.secretary_id, "p1");
  EXPECT_EQ(org.head, "Head Two");
  EXPECT_EQ(org.head_id, "p2");
  EXPECT_EQ(org.discipline_secretary, "");
  EXPECT_EQ(org.discipline_secretary_id, "");
  const Node& dc = r.Find("unit", "dc");
  EXPECT_EQ(dc.name, "纪检组");
  EXPECT_EQ(dc.discipline_secretary, "纪检 Three");
  EXPECT_EQ(dc.discipline_secretary_id, "p3");
  EXPECT_EQ(dc.secretary_id, "");
  const Node& b1 = r.Find("unit", "b1");
  EXPECT_EQ(b1.name, "Branch\\One");
  EXPECT_EQ(b1.secretary_id, "");  // p7's post ended on 2025-03-01
  EXPECT_EQ(b1.members, 12);
  const Node& b2 = r.Find("unit", "b2");
  EXPECT_EQ(b2.name, "Joint 'Branch'");
  EXPECT_EQ(b2.kind, "node");
  EXPECT_EQ(b2.level, 2);
  const Node& p4 = r.Find("person", "p4");
  EXPECT_EQ(p4.name, "Guide Four");
  EXPECT_EQ(p4.kind, "");
  EXPECT_EQ(p4.members, 0);
  EXPECT_EQ(p4.level, 0);
}

TEST(GraphExport, SmallGraphMlOnAnEarlierDay) {
  const ReadBack r = ReadGraphMl(Export(Small(), "2024-06-30", GraphFormat::kGraphMl));
  EXPECT_EQ(r.as_of, "2024-06-30");
  EXPECT_THAT(Ids(r), ElementsAre("unit:org", "unit:dc", "unit:b1", "unit:b2", "unit:old",
                                  "person:p4", "person:p5"));
  EXPECT_THAT(r.Edges(), ElementsAre("org -> dc leads 1", "org -> b1 leads 1",
                                     "org -> b2 leads 0.75", "org -> b2 specializes 1",
                                     "dc -> org supervises 1", "b1 -> b2 leads 0.25",
                                     "b1 -> old leads 1", "p4 -> b2 guides 1",
                                     "p5 -> b1 guides 1", "p5 -> old guides 1"));
  EXPECT_EQ(r.Find("unit", "b1").secretary, "Secretary Seven");
  EXPECT_EQ(r.Find("unit", "b1").secretary_id, "p7");
  EXPECT_EQ(r.Find("unit", "old").level, 2);
}

// The keys, their types, and the escaping of markup characters; Chinese text as UTF-8.
TEST(GraphExport, SmallGraphMlText) {
  const std::string text = Export(Small(), "2025-06-30", GraphFormat::kGraphMl);
  EXPECT_THAT(text, StartsWith(R"(<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
  <key id="key0" for="graph" attr.name="as_of" attr.type="string" />
  <key id="key1" for="node" attr.name="discipline_secretary" attr.type="string" />
  <key id="key2" for="node" attr.name="discipline_secretary_id" attr.type="string" />
  <key id="key3" for="node" attr.name="head" attr.type="string" />
  <key id="key4" for="node" attr.name="head_id" attr.type="string" />
  <key id="key5" for="node" attr.name="id" attr.type="string" />
  <key id="key6" for="node" attr.name="kind" attr.type="string" />
  <key id="key7" for="edge" attr.name="kind" attr.type="string" />
  <key id="key8" for="node" attr.name="level" attr.type="int" />
  <key id="key9" for="node" attr.name="members" attr.type="long" />
  <key id="key10" for="node" attr.name="name" attr.type="string" />
  <key id="key11" for="node" attr.name="secretary" attr.type="string" />
  <key id="key12" for="node" attr.name="secretary_id" attr.type="string" />
  <key id="key13" for="node" attr.name="type" attr.type="string" />
  <key id="key14" for="edge" attr.name="weight" attr.type="double" />
  <graph id="G" edgedefault="directed" parse.nodeids="canonical" parse.edgeids="canonical" parse.order="nodesfirst">
   <data key="key0">2025-06-30</data>
    <node id="n0">
)"));
  EXPECT_THAT(text, HasSubstr(
      "<data key=\"key10\">党组 &lt;Leading&gt; &amp; &quot;Co&quot;</data>"));
  EXPECT_THAT(text, HasSubstr("<data key=\"key10\">Joint &apos;Branch&apos;</data>"));
}

// Control characters XML 1.0 forbids become U+FFFD; a tab stays. The file still reads back
// (Boost's reader turns the tab into a space: it normalizes white space).
TEST(GraphExport, ControlCharactersInNames) {
  absl::StatusOr<Model> model = ParseModelJson(R"({"format": "zeren-model", "version": 1,
      "units": [{"id": "u", "name": "a\u0001b\tc", "kind": "branch"}]})");
  ASSERT_TRUE(model.ok()) << model.status();
  const Snapshot s = *Snapshot::Compile(*model);
  const std::string text = Export(s, "2025-01-01", GraphFormat::kGraphMl);
  EXPECT_THAT(text, HasSubstr(">a\xEF\xBF\xBD" "b\tc</data>"));
  EXPECT_EQ(ReadGraphMl(text).Find("unit", "u").name, "a\xEF\xBF\xBD" "b c");
}

TEST(GraphExport, DemoGraphMl) {
  const Snapshot s = Demo();
  const ReadBack r = ReadGraphMl(Export(s, "2025-06-30", GraphFormat::kGraphMl));
  // 200 units and the 18 people who guide; 201 `leads` edges and all 75 links.
  EXPECT_EQ(num_vertices(r.graph), 218u);
  EXPECT_EQ(num_edges(r.graph), 276u);
  EXPECT_EQ(r.EdgeKinds(), (std::map<std::string, int>{
                               {"guides", 67}, {"leads", 201}, {"specializes", 6},
                               {"supervises", 2}}));
  const Node& org = r.Find("unit", "org");
  EXPECT_EQ(org.name, "某部党组");
  EXPECT_EQ(org.secretary, "张明远");
  EXPECT_EQ(org.secretary_id, "p001");
  const Node& d05 = r.Find("unit", "d05");
  EXPECT_EQ(d05.name, "财务司党支部");
  EXPECT_EQ(d05.kind, "branch");
  EXPECT_EQ(d05.members, 17);
  EXPECT_EQ(d05.level, 2);
  EXPECT_EQ(d05.secretary, "严亚楠");
  EXPECT_EQ(d05.secretary_id, "p054");
  EXPECT_EQ(d05.head, "侯嘉宁");
  EXPECT_EQ(d05.head_id, "p052");
  EXPECT_EQ(r.Find("unit", "odc").discipline_secretary, "范小满");
  EXPECT_EQ(r.Find("unit", "odc").discipline_secretary_id, "p010");
  const std::vector<std::string> e = r.Edges();
  EXPECT_THAT(e, ::testing::Contains("opc -> d02b3 leads 0.6"));
  EXPECT_THAT(e, ::testing::Contains("d02 -> d02b3 leads 0.4"));
  EXPECT_THAT(e, ::testing::Contains("odc -> org supervises 1"));
}

// A year earlier: guides links from 2024-09-01 do not hold yet; d05 had another secretary.
TEST(GraphExport, DemoGraphMlEarlier) {
  const ReadBack r = ReadGraphMl(Export(Demo(), "2024-06-30", GraphFormat::kGraphMl));
  EXPECT_EQ(num_vertices(r.graph), 218u);
  EXPECT_EQ(num_edges(r.graph), 264u);
  EXPECT_EQ(r.EdgeKinds(), (std::map<std::string, int>{
                               {"guides", 55}, {"leads", 201}, {"specializes", 6},
                               {"supervises", 2}}));
  EXPECT_EQ(r.Find("unit", "d05").secretary_id, "p053");
}

TEST(GraphExport, DemoWithAssessment) {
  const Snapshot s = Demo();
  absl::StatusOr<Assessment> a = Assess(s);
  ASSERT_TRUE(a.ok()) << a.status();
  const ReadBack r = ReadGraphMl(Export(s, "2025-06-30", GraphFormat::kGraphMl, &*a), true);
  ASSERT_EQ(num_vertices(r.graph), 218u);
  int units = 0;
  for (auto [v, end] = vertices(r.graph); v != end; ++v) {
    const Node& n = r.graph[*v];
    if (n.type != "unit") {
      EXPECT_EQ(n.grade, "");
      EXPECT_EQ(n.total, 0);
      continue;
    }
    ++units;
    const UnitAssessment& ua = a->units[*s.FindUnit(n.id)];
    EXPECT_EQ(n.grade, a->scheme.grades[ua.grade].id) << n.id;
    EXPECT_EQ(n.total, ua.total) << n.id;  // 17 significant digits: exact
  }
  EXPECT_EQ(units, 200);
}

TEST(GraphExport, AssessmentOfAnotherSnapshot) {
  absl::StatusOr<Assessment> a = Assess(Demo());
  ASSERT_TRUE(a.ok());
  GraphExportOptions options;
  options.as_of = Day("2025-06-30");
  options.assessment = &*a;
  const absl::StatusOr<std::string> text = ExportGraph(Small(), options);
  EXPECT_EQ(text.status(),
            absl::InvalidArgumentError(
                "the assessment has 200 units; the snapshot has 5: assess the same snapshot"));
}

TEST(GraphExport, SameBytesEveryTime) {
  const Snapshot s = Demo();
  for (GraphFormat format : {GraphFormat::kGraphMl, GraphFormat::kDot}) {
    const std::string first = Export(s, "2025-06-30", format);
    EXPECT_EQ(Export(Demo(), "2025-06-30", format), first);
    const std::string path = ::testing::TempDir() + "/zeren_export." + std::string(Name(format));
    GraphExportOptions options;
    options.as_of = Day("2025-06-30");
    options.format = format;
    ASSERT_TRUE(ExportGraphToFile(s, options, path).ok());
    std::ifstream in(path, std::ios::binary);
    std::stringstream written;
    written << in.rdbuf();
    EXPECT_EQ(written.str(), first);
    std::remove(path.c_str());
  }
}

TEST(GraphExport, FileInMissingFolder) {
  GraphExportOptions options;
  options.as_of = Day("2025-06-30");
  const absl::Status status =
      ExportGraphToFile(Small(), options, "/nonexistent-zeren-folder/out.graphml");
  EXPECT_EQ(status, absl::UnavailableError(
                        "/nonexistent-zeren-folder/out.graphml: cannot create a temporary file: "
                        "No such file or directory"));
}

TEST(GraphExport, FormatNames) {
  EXPECT_EQ(Name(GraphFormat::kGraphMl), "graphml");
  EXPECT_EQ(Name(GraphFormat::kDot), "dot");
  EXPECT_EQ(ParseGraphFormat("graphml"), GraphFormat::kGraphMl);
  EXPECT_EQ(ParseGraphFormat("dot"), GraphFormat::kDot);
  EXPECT_EQ(ParseGraphFormat("svg"), std::nullopt);
  EXPECT_EQ(ParseGraphFormat("GraphML"), std::nullopt);
  EXPECT_EQ(ParsePictureFormat("svg"), PictureFormat::kSvg);
  EXPECT_EQ(ParsePictureFormat("png"), PictureFormat::kPng);
  EXPECT_EQ(ParsePictureFormat("dot"), std::nullopt);
  EXPECT_EQ(Name(PictureFormat::kPng), "png");
}

// ---- DOT ----

TEST(GraphExport, SmallDotText) {
  EXPECT_EQ(Export(Small(), "2025-06-30", GraphFormat::kDot), R"dot(digraph G {
as_of="2025-06-30";
"u:org" [discipline_secretary="", discipline_secretary_id="", head="Head Two", head_id="p2", id="org", kind="leading_group", label="党组 <Leading> & \"Co\"\n(org)", level="0", members="5", name="党组 <Leading> & \"Co\"", secretary="书记 One", secretary_id="p1", shape="box", style="rounded", type="unit"];
"u:dc" [discipline_secretary="纪检 Three", discipline_secretary_id="p3", head="", head_id="", id="dc", kind="discipline_commission", label="纪检组\n(dc)", level="1", members="3", name="纪检组", secretary="", secretary_id="", shape="box", style="rounded", type="unit"];
"u:b1" [discipline_secretary="", discipline_secretary_id="", head="", head_id="", id="b1", kind="branch", label="Branch\\One\n(b1)", level="1", members="12", name="Branch\\One", secretary="", secretary_id="", shape="box", style="rounded", type="unit"];
"u:b2" [discipline_secretary="", discipline_secretary_id="", head="", head_id="", id="b2", kind="node", label="Joint 'Branch'\n(b2)", level="2", members="7", name="Joint 'Branch'", secretary="", secretary_id="", shape="box", style="rounded", type="unit"];
"p:p4" [discipline_secretary="", discipline_secretary_id="", head="", head_id="", id="p4", kind="", label="Guide Four\n(p4)", level="0", members="0", name="Guide Four", secretary="", secretary_id="", shape="ellipse", style="dashed", type="person"];
"u:org"->"u:dc"  [color="black", kind="leads", style="solid", weight="1"];
"u:org"->"u:b1"  [color="black", kind="leads", style="solid", weight="1"];
"u:org"->"u:b2"  [color="black", kind="leads", style="solid", weight="0.75"];
"u:org"->"u:b2"  [color="#2c7fb8", kind="specializes", style="dashed", weight="1"];
"u:dc"->"u:org"  [color="#c0392b", kind="supervises", style="dashed", weight="1"];
"u:b1"->"u:b2"  [color="black", kind="leads", style="solid", weight="0.25"];
"p:p4"->"u:b2"  [color="#2ca02c", kind="guides", style="dotted", weight="1"];
}
)dot");
}

// Boost's reader gives back every attribute; quotes and UTF-8 survive. A keyword value
// (kind "node") reads back whole; backslashes stay doubled, as Graphviz wants them in labels.
TEST(GraphExport, SmallDotReadsBack) {
  const ReadBack r = ReadDot(Export(Small(), "2025-06-30", GraphFormat::kDot));
  EXPECT_EQ(r.as_of, "2025-06-30");
  // Boost's reader numbers the nodes in its own order.
  EXPECT_THAT(Ids(r), UnorderedElementsAre("unit:org", "unit:dc", "unit:b1", "unit:b2",
                                           "person:p4"));
  EXPECT_THAT(r.Edges(), UnorderedElementsAre("org -> dc leads 1", "org -> b1 leads 1",
                                     "org -> b2 leads 0.75", "org -> b2 specializes 1",
                                     "dc -> org supervises 1", "b1 -> b2 leads 0.25",
                                     "p4 -> b2 guides 1"));
  const Node& org = r.Find("unit", "org");
  EXPECT_EQ(org.node_id, "u:org");
  EXPECT_EQ(org.name, "党组 <Leading> & \"Co\"");
  EXPECT_EQ(org.label, "党组 <Leading> & \"Co\"\\n(org)");
  EXPECT_EQ(org.secretary, "书记 One");
  EXPECT_EQ(org.shape, "box");
  EXPECT_EQ(r.Find("unit", "b2").kind, "node");
  EXPECT_EQ(r.Find("unit", "b1").name, "Branch\\\\One");
  const Node& p4 = r.Find("person", "p4");
  EXPECT_EQ(p4.node_id, "p:p4");
  EXPECT_EQ(p4.shape, "ellipse");
  EXPECT_EQ(p4.style, "dashed");
}

TEST(GraphExport, DemoDotReadsBack) {
  const ReadBack r = ReadDot(Export(Demo(), "2025-06-30", GraphFormat::kDot));
  EXPECT_EQ(num_vertices(r.graph), 218u);
  EXPECT_EQ(num_edges(r.graph), 276u);
  EXPECT_EQ(r.Find("unit", "d05").secretary, "严亚楠");
}

// ---- pictures ----

TEST(Picture, ChainDot) {
  const Snapshot s = Small();
  absl::StatusOr<Chain> chain = ChainOf(s, *s.FindUnit("b2"), Day("2025-06-30"));
  ASSERT_TRUE(chain.ok());
  EXPECT_EQ(ChainToDot(s, *chain), R"dot(digraph "chain" {
  graph [label="Chain of responsibility of Joint 'Branch' (b2) as of 2025-06-30", labelloc="t", rankdir="LR", fontname="sans-serif"];
  node [fontname="sans-serif", fontsize="10"];
  edge [fontname="sans-serif", fontsize="9"];
  "u:b2" [label="Joint 'Branch'\n(b2)", shape="box", style="rounded,bold", penwidth="2"];
  "vacant:0" [label="vacant\nsecretary", shape="box", style="dashed", color="#c0392b", fontcolor="#c0392b", tooltip="the secretary post of Joint 'Branch' (b2) is vacant on 2025-06-30"];
  "p:p4" [label="Guide Four\n(p4)", shape="ellipse", style="filled", fillcolor="#f5b971", color="#d35400"];
  "u:dc" [label="纪检组\n(dc)", shape="box", style="filled", fillcolor="#f28e8e", color="#c0392b"];
  "p:p3" [label="纪检 Three\n(p3)", shape="ellipse", style="filled", fillcolor="#f28e8e", color="#c0392b"];
  "u:org" [label="党组 <Leading> & \"Co\"\n(org)", shape="box", style="filled", fillcolor="#f7e08b", color="#b7950b"];
  "p:p1" [label="书记 One\n(p1)", shape="ellipse", style="filled", fillcolor="#d5d8dc", color="#566573"];
  "u:b1" [label="Branch\\One\n(b1)", shape="box", style="filled", fillcolor="#d5d8dc", color="#566573"];
  "vacant:6" [label="vacant\nsecretary", shape="box", style="dashed", color="#c0392b", fontcolor="#c0392b", tooltip="Branch\\One (b1) leads Joint 'Branch' (b2), 1 step up; its secretary post is vacant"];
  "vacant:0" -> "u:b2" [label="secretary", style="dashed", color="#c0392b", tooltip="the secretary post of Joint 'Branch' (b2) is vacant on 2025-06-30"];
  "p:p4" -> "u:b2" [label="in_charge, 1 step up", color="#d35400", fontcolor="#d35400", tooltip="Guide Four (p4), member of 党组 <Leading> & \"Co\" (org), is in charge of Branch\\One (b1), 1 step up"];
  "u:dc" -> "u:b2" [label="supervises, 1 step up", color="#c0392b", fontcolor="#c0392b", tooltip="纪检组 (dc) supervises 党组 <Leading> & \"Co\" (org), 1 step up; its discipline secretary is 纪检 Three (p3)"];
  "p:p3" -> "u:dc" [label="discipline_secretary", color="#c0392b", fontcolor="#c0392b", tooltip="纪检组 (dc) supervises 党组 <Leading> & \"Co\" (org), 1 step up; its discipline secretary is 纪检 Three (p3)"];
  "u:org" -> "u:b2" [label="specializes", color="#b7950b", fontcolor="#b7950b", tooltip="党组 <Leading> & \"Co\" (org) specializes Joint 'Branch' (b2)"];
  "p:p4" -> "u:b2" [label="guide", color="#1e8449", fontcolor="#1e8449", tooltip="Guide Four (p4) guides Joint 'Branch' (b2)"];
  "u:org" -> "u:b2" [label="leads, 1 step up", color="#566573", fontcolor="#566573", tooltip="党组 <Leading> & \"Co\" (org) leads Joint 'Branch' (b2), 1 step up; its secretary is 书记 One (p1)"];
  "p:p1" -> "u:org" [label="secretary", color="#566573", fontcolor="#566573", tooltip="党组 <Leading> & \"Co\" (org) leads Joint 'Branch' (b2), 1 step up; its secretary is 书记 One (p1)"];
  "u:b1" -> "u:b2" [label="leads, 1 step up", color="#566573", fontcolor="#566573", tooltip="Branch\\One (b1) leads Joint 'Branch' (b2), 1 step up; its secretary post is vacant"];
  "vacant:6" -> "u:b1" [label="secretary", style="dashed", color="#c0392b", tooltip="Branch\\One (b1) leads Joint 'Branch' (b2), 1 step up; its secretary post is vacant"];
  "legend" [shape="plaintext", label=<<table border="0" cellborder="1" cellspacing="2" cellpadding="4"><tr><td border="0">legend</td></tr><tr><td bgcolor="#9ecae1" color="#2874a6">post holders</td></tr><tr><td bgcolor="#f5b971" color="#d35400">in charge</td></tr><tr><td bgcolor="#f28e8e" color="#c0392b">supervisor</td></tr><tr><td bgcolor="#f7e08b" color="#b7950b">specialist</td></tr><tr><td bgcolor="#a9dfa0" color="#1e8449">guide</td></tr><tr><td bgcolor="#d5d8dc" color="#566573">superior</td></tr></table>>];
}
)dot");
}

TEST(Picture, IncidentDot) {
  const Snapshot s = Small();
  Accountant accountant(s);
  Accounting accounting;
  accountant.Account(*s.FindIncident("k1"), &accounting);
  EXPECT_EQ(AccountingToDot(s, accounting), R"dot(digraph "accountability" {
  graph [label="Accountability for incident k1 (serious) at Branch\\One (b1) on 2025-04-01", labelloc="t", rankdir="LR", fontname="sans-serif"];
  node [fontname="sans-serif", fontsize="10"];
  edge [fontname="sans-serif", fontsize="9"];
  "i:k1" [label="incident k1\nserious, 2025-04-01", shape="octagon", style="bold", color="#c0392b"];
  "p:p6" [label="Direct Six\n(p6)\ndirect, degree 1\ndisciplinary_sanction", shape="ellipse", style="filled", fillcolor="#f28e8e", color="#c0392b", tooltip="Direct Six (p6) is named as direct in k1"];
  "u:b1" [label="Branch\\One\n(b1)\noverall_leadership, degree 0.8\ncirculated_notice", shape="box", style="filled", fillcolor="#c9a7dd", color="#7d3c98", tooltip="the incident happened at Branch\\One (b1)"];
  "p:p4" [label="Guide Four\n(p4)\nmain_leadership, degree 0.6\nadmonishment", shape="ellipse", style="filled", fillcolor="#f5b971", color="#d35400", tooltip="Guide Four (p4), member of 党组 <Leading> & \"Co\" (org) from 2020-01-01, is in charge of Branch\\One (b1)"];
  "p:p3" [label="纪检 Three\n(p3)\nsupervisory, degree 0.4\ncirculated_notice", shape="ellipse", style="filled", fillcolor="#9ecae1", color="#2874a6", tooltip="纪检 Three (p3), discipline_secretary of 纪检组 (dc) from 2020-01-01, which supervises 党组 <Leading> & \"Co\" (org), 1 step above Branch\\One (b1)"];
  "p:p6" -> "i:k1" [color="#c0392b", tooltip="Direct Six (p6) is named as direct in k1"];
  "u:b1" -> "i:k1" [color="#7d3c98", tooltip="the incident happened at Branch\\One (b1)"];
  "p:p4" -> "i:k1" [color="#d35400", tooltip="Guide Four (p4), member of 党组 <Leading> & \"Co\" (org) from 2020-01-01, is in charge of Branch\\One (b1)"];
  "p:p3" -> "i:k1" [color="#2874a6", tooltip="纪检 Three (p3), discipline_secretary of 纪检组 (dc) from 2020-01-01, which supervises 党组 <Leading> & \"Co\" (org), 1 step above Branch\\One (b1)"];
  "legend" [shape="plaintext", label=<<table border="0" cellborder="1" cellspacing="2" cellpadding="4"><tr><td border="0">legend</td></tr><tr><td bgcolor="#f28e8e" color="#c0392b">direct</td></tr><tr><td bgcolor="#f5b971" color="#d35400">main_leadership</td></tr><tr><td bgcolor="#c9a7dd" color="#7d3c98">overall_leadership</td></tr><tr><td bgcolor="#9ecae1" color="#2874a6">supervisory</td></tr></table>>];
}
)dot");
}

// The rules always reach the incident's unit; an accounting without it (built by hand) shows
// the unit with a dashed `at` edge, and no legend.
TEST(Picture, IncidentUnitNotAParty) {
  const Snapshot s = Small();
  Accounting accounting;
  accounting.incident = *s.FindIncident("k1");
  EXPECT_EQ(AccountingToDot(s, accounting), R"dot(digraph "accountability" {
  graph [label="Accountability for incident k1 (serious) at Branch\\One (b1) on 2025-04-01", labelloc="t", rankdir="LR", fontname="sans-serif"];
  node [fontname="sans-serif", fontsize="10"];
  edge [fontname="sans-serif", fontsize="9"];
  "i:k1" [label="incident k1\nserious, 2025-04-01", shape="octagon", style="bold", color="#c0392b"];
  "u:b1" [label="Branch\\One\n(b1)", shape="box", style="rounded"];
  "u:b1" -> "i:k1" [label="at", style="dashed"];
}
)dot");
}

bool DotInstalled() { return RenderDot("digraph {}", PictureFormat::kSvg).ok(); }

// Sets PATH for one scope.
class ScopedPath {
 public:
  explicit ScopedPath(const char* path) {
    if (const char* old = std::getenv("PATH")) old_ = old;
    setenv("PATH", path, 1);
  }
  ~ScopedPath() {
    if (old_) {
      setenv("PATH", old_->c_str(), 1);
    } else {
      unsetenv("PATH");
    }
  }

 private:
  std::optional<std::string> old_;
};

TEST(Picture, RenderSvg) {
  if (!DotInstalled()) GTEST_SKIP() << "Graphviz `dot` is not installed";
  const Snapshot s = Small();
  absl::StatusOr<Chain> chain = ChainOf(s, *s.FindUnit("b2"), Day("2025-06-30"));
  ASSERT_TRUE(chain.ok());
  absl::StatusOr<std::string> svg = RenderDot(ChainToDot(s, *chain), PictureFormat::kSvg);
  ASSERT_TRUE(svg.ok()) << svg.status();
  EXPECT_THAT(*svg, StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>"));
  EXPECT_THAT(*svg, HasSubstr(">纪检 Three</text>"));
  EXPECT_THAT(*svg, HasSubstr(">党组 &lt;Leading&gt; &amp; &quot;Co&quot;</text>"));
  EXPECT_THAT(*svg, HasSubstr(">Branch\\One</text>"));
}

TEST(Picture, RenderPng) {
  if (!DotInstalled()) GTEST_SKIP() << "Graphviz `dot` is not installed";
  absl::StatusOr<std::string> png = RenderDot("digraph { a -> b }", PictureFormat::kPng);
  ASSERT_TRUE(png.ok()) << png.status();
  EXPECT_THAT(*png, StartsWith("\x89PNG\r\n\x1a\n"));
}

TEST(Picture, RenderFailure) {
  if (!DotInstalled()) GTEST_SKIP() << "Graphviz `dot` is not installed";
  EXPECT_EQ(RenderDot("digraph { x", PictureFormat::kSvg).status(),
            absl::InternalError(
                "Graphviz `dot` failed (exit code 1): Error: <stdin>: syntax error in line 1"));
}

// A large input that dot stops reading early must not stop this program (SIGPIPE).
TEST(Picture, RenderFailureOnLargeInput) {
  if (!DotInstalled()) GTEST_SKIP() << "Graphviz `dot` is not installed";
  const std::string input = "digraph { x x x ;;; " + std::string(8 << 20, ' ') + "}";
  const absl::Status status = RenderDot(input, PictureFormat::kSvg).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kInternal);
  EXPECT_THAT(std::string(status.message()), StartsWith("Graphviz `dot` failed (exit code 1): "));
}

TEST(Picture, DotMissing) {
  const ScopedPath path("/nonexistent-zeren-folder");
  EXPECT_EQ(RenderDot("digraph {}", PictureFormat::kSvg).status(),
            absl::FailedPreconditionError(
                "Graphviz `dot` is not installed (no `dot` on PATH): install Graphviz, or "
                "export --format dot and render it elsewhere"));
}

}  // namespace
}  // namespace zeren
