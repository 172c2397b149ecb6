#include "zeren/model_csv.h"

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "bench/synthetic_org.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "zeren/model_json.h"

namespace zeren {
namespace {

using ::testing::ElementsAre;
using Files = std::map<std::string, std::string>;

const std::string kDemo = std::string(ZEREN_EXAMPLES) + "/organ.json";
const std::string kEveryKey = std::string(ZEREN_TEST_DATA) + "/csv/every_key.json";

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

Model Load(const std::string& path) {
  absl::StatusOr<Model> model = LoadModelFile(path);
  EXPECT_TRUE(model.ok()) << model.status();
  return model.ok() ? *std::move(model) : Model();
}

Files Export(const Model& model, const CsvExportOptions& options = {}) {
  absl::StatusOr<Files> files = ExportCsvFiles(model, options);
  EXPECT_TRUE(files.ok()) << files.status();
  return files.ok() ? *std::move(files) : Files();
}

CsvImport Import(const Files& files) {
  ProblemList problems;
  absl::StatusOr<CsvImport> imported = ImportCsvFiles(files, &problems);
  EXPECT_TRUE(imported.ok()) << imported.status();
  return imported.ok() ? *std::move(imported) : CsvImport();
}

// Every problem of a failed import, as "file:line: message".
std::vector<std::string> Problems(const Files& files) {
  ProblemList problems;
  absl::StatusOr<CsvImport> imported = ImportCsvFiles(files, &problems);
  EXPECT_FALSE(imported.ok());
  std::vector<std::string> out;
  for (const Problem& p : problems.kept()) out.push_back(p.ToString());
  return out;
}

std::string TempFolder(const std::string& name) {
  const std::string path = absl::StrCat(::testing::TempDir(), "/zeren_csv_", getpid(), "_", name);
  std::filesystem::remove_all(path);
  return path;
}

// JSON -> CSV -> JSON gives the same document, and CSV -> JSON -> CSV the same files.
void ExpectRoundTrips(const Model& model) {
  const std::string json = ModelToJson(model);
  const Files files = Export(model);
  const CsvImport imported = Import(files);
  EXPECT_EQ(ModelToJson(imported.model), json);

  absl::StatusOr<Model> reparsed = ParseModelJson(ModelToJson(imported.model));
  ASSERT_TRUE(reparsed.ok()) << reparsed.status();
  const Files again = Export(*reparsed);
  ASSERT_EQ(again.size(), files.size());
  for (const auto& [name, contents] : files) EXPECT_EQ(again.at(name), contents) << name;
}

// ---- round trips -----------------------------------------------------------------------

TEST(ModelCsv, DemoRoundTrips) { ExpectRoundTrips(Load(kDemo)); }

TEST(ModelCsv, EveryKeyRoundTrips) { ExpectRoundTrips(Load(kEveryKey)); }

TEST(ModelCsv, SyntheticOrganizationRoundTrips) {
  ExpectRoundTrips(bench::SyntheticOrganization(1500, 6, 11));
}

TEST(ModelCsv, EmptyModelRoundTrips) { ExpectRoundTrips(Model()); }

TEST(ModelCsv, FolderRoundTripsAndEveryCollectionIsPresent) {
  const Model model = Load(kEveryKey);
  const std::string folder = TempFolder("every_key");
  ASSERT_TRUE(ExportCsvFolder(model, folder).ok());
  // Exporting again over the same files changes nothing.
  ASSERT_TRUE(ExportCsvFolder(model, folder).ok());
  absl::StatusOr<CsvImport> imported = ImportCsvFolder(folder);
  ASSERT_TRUE(imported.ok()) << imported.status();
  EXPECT_EQ(ModelToJson(imported->model), ModelToJson(model));
  EXPECT_EQ(imported->present, CsvCollections());
  const Files files = Export(model);
  for (const auto& [name, contents] : files) EXPECT_EQ(ReadFile(folder + "/" + name), contents) << name;
  size_t count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) count += entry.is_regular_file();
  EXPECT_EQ(count, 17u);  // no temporary files left behind
  std::filesystem::remove_all(folder);
}

TEST(ModelCsv, CollectionsInOrder) {
  EXPECT_THAT(CsvCollections(),
              ElementsAre("model", "units", "parents", "people", "posts", "links", "duties",
                          "directives", "tasks", "reviews", "incidents", "circumstances", "points",
                          "bonuses", "ballots", "review_scores", "appraisals"));
}

TEST(ModelCsv, ByteOrderMarkOnRequest) {
  const Model model = Load(kDemo);
  const Files plain = Export(model);
  const Files marked = Export(model, {/*byte_order_mark=*/true});
  for (const auto& [name, contents] : plain) EXPECT_EQ(marked.at(name), "\xEF\xBB\xBF" + contents);
  EXPECT_EQ(ModelToJson(Import(marked).model), ModelToJson(model));
}

// ---- the exported text -------------------------------------------------------------------

TEST(ModelCsv, ExportedFilesOfEveryKey) {
  const Files files = Export(Load(kEveryKey));
  EXPECT_EQ(files.at("model.csv"),
            "key,value\n"
            "format,zeren-model\n"
            "version,1\n"
            "name,\"Every key, \"\"quoted\"\", with commas,\nand a second line\"\n"
            "settings.warn_days,5\n"
            "settings.max_secretary_posts,2\n"
            "settings.x_origin,\"hr, export\"\n"
            "assessment.period.from,2025-01-01\n"
            "assessment.period.to,2026-01-01\n"
            "assessment.period.x_label,\"\"\"2025\"\"\"\n"
            "assessment.scheme,\"{\"\"bonus_cap\"\": 4, \"\"grades\"\": [{\"\"id\"\": \"\"good\"\", \"\"min\"\": 85, "
            "\"\"quota\"\": 0.5}, {\"\"id\"\": \"\"fairly_good\"\", \"\"min\"\": 75}, {\"\"id\"\": \"\"average\"\", "
            "\"\"min\"\": 60}, {\"\"id\"\": \"\"poor\"\", \"\"min\"\": 0}]}\"\n"
            "assessment.x_batch,5\n"
            "policy,\"{\"\"upward\"\": {\"\"decay\"\": 0.25}}\"\n"
            "x_top,\"{\"\"a\"\": [1, 2.5, -0.0], \"\"b\"\": null}\"\n"
            "x_count,3\n");
  EXPECT_EQ(files.at("units.csv"),
            "id,name,kind,members,from,to,x_code,x_flag\n"
            "org,Leading group,leading_group,3,,,A1,\n"
            "opc,Organ committee,organ_committee,0,2020-01-01,,17,\n"
            "odc,\"Discipline, commission\",discipline_commission,0,,,,\n"
            "b1,\"Branch \"\"one\"\"\",branch,42,,2030-01-01,,true\n"
            "b2,Dual branch,branch,12,,,,\n"
            "g1,Group,group,5,,,\"\"\"123\"\"\",false\n");
  EXPECT_EQ(files.at("parents.csv"),
            "unit,parent,weight,x_basis\n"
            "opc,org,,\n"
            "odc,opc,,\n"
            "b1,opc,,\n"
            "b2,opc,0.6,charter\n"
            "b2,org,0.4,\n"
            "g1,b1,,\n");
  EXPECT_EQ(files.at("people.csv"),
            "id,name,x_staff_no\np1,Secretary A,000123\np2,Member B,\np3,Deputy C,\n"
            "p9,Staff D,\np10,,\n");
  EXPECT_EQ(files.at("posts.csv"),
            "person,unit,role,from,to,in_charge_of,x_order\n"
            "p1,org,secretary,2021-03-01,,,\"\"\"12\"\"\"\n"
            "p2,org,member,2021-03-01,2025-07-01,b1|b2,\n"
            "p3,b1,deputy,2022-01-01,,,\n"
            "p9,b1,staff,2023-05-01,,,\n"
            "p10,odc,discipline_secretary,2022-02-02,,,\n");
  EXPECT_EQ(files.at("links.csv"),
            "kind,from,to,from_date,to_date,x_note\n"
            "supervises,odc,opc,,,\n"
            "specializes,opc,b1,,,\"\"\"\"\"\"\n"
            "guides,p2,b1,2024-01-01,2026-01-01,\n");
  EXPECT_EQ(files.at("duties.csv"),
            "id,holder.unit,holder.role,category,dimension,text,x_source,holder.x_seat\n"
            "d1,b1,,principal,grassroots,\"Run the branch; keep \"\"records\"\"\r\nand report\","
            "charter art. 3,1\n"
            "d2,org,secretary,first_responsible,,,,\n");
  EXPECT_EQ(files.at("directives.csv"),
            "id,title,issued_by,date,reach,x_doc\n"
            "dv1,\"Rectify, then report\",org,2025-01-10,3,No. 7\n"
            "dv2,,opc,2025-02-01,1,\n");
  EXPECT_EQ(files.at("tasks.csv"),
            "id,directive,parent,unit,due,status,completed,x_w\n"
            "t1,dv1,,opc,2025-03-01,done,2025-02-20,\n"
            "t1.1,dv1,t1,b1,2025-02-25,open,,\n"
            "t1.1.1,dv1,t1.1,g1,2025-02-20,in_progress,,2\n"
            "t1.2,dv1,t1,b2,2025-02-25,verified,2025-02-24,\n"
            "t2,dv1,,org,2025-04-01,cancelled,,\n");
  EXPECT_EQ(files.at("reviews.csv"),
            "directive,date,task,result,note,x_by\n"
            "dv1,2025-04-01,t1.1,fail,\"late, \"\"again\"\"\",p10\n"
            "dv1,2025-05-01,,pass,,\n");
  EXPECT_EQ(files.at("incidents.csv"),
            "id,unit,date,since,severity,case,dimension,duty,task,direct,participants,x_reported_by\n"
            "i1,b1,2025-05-01,2024-09-01,serious,c7,ideology,d1,t1.1,p9,p3|p2,p1\n"
            "i2,g1,2025-06-01,,grave,,,,,,,\n");
  EXPECT_EQ(files.at("circumstances.csv"),
            "incident,kind,person,x_proof\n"
            "i1,concealment,p9,file 3\n"
            "i1,due_diligence,p2,\n"
            "i1,repeat,,\n");
  EXPECT_EQ(files.at("points.csv"),
            "unit,indicator,value,x_src\n"
            "b1,integrity.meetings,18.25,minutes\n"
            "b2,integrity.education,0.1,\n");
  EXPECT_EQ(files.at("bonuses.csv"),
            "unit,points,reason\nb1,2,\"award, city level\"\nb2,0.0000001,\n");
  EXPECT_EQ(files.at("ballots.csv"),
            "subject.unit,subject.role,good,fairly_good,average,poor,x_box,subject.x_round\n"
            "b1,secretary,30,8,2,0,A,2\n"
            "b2,,1,0,0,0,,\n");
  EXPECT_EQ(files.at("review_scores.csv"),
            "unit,score,x_panel\nb1,88,\nb2,71.5,\"[\"\"p1\"\", \"\"p2\"\"]\"\n");
  EXPECT_EQ(files.at("appraisals.csv"), "person,score\np9,92\np3,123456789.125\n");
}

TEST(ModelCsv, ModelWithoutAssessmentHasEmptyInputFiles) {
  const Files files = Export(Model());
  EXPECT_EQ(files.at("model.csv"),
            "key,value\nformat,zeren-model\nversion,1\nname,\nsettings.warn_days,7\n"
            "settings.max_secretary_posts,3\npolicy,default\n");
  EXPECT_EQ(files.at("points.csv"), "unit,indicator,value\n");
  EXPECT_EQ(files.at("tasks.csv"), "id,directive,parent,unit,due,status,completed\n");
  EXPECT_EQ(files.size(), 17u);
}

TEST(ModelCsv, ListSeparatorInAnIdCannotBeExported) {
  ModelData data;
  data.units = {{"a|b", "Odd", "branch", 0, {}, {}, {}}};
  data.people = {{"p", "P", {}}};
  Post post;
  post.person = "p";
  post.unit = "a|b";
  post.role = Role::kMember;
  post.held.from = 19000;
  post.in_charge_of = {"a|b"};
  data.posts = {post};
  absl::StatusOr<Model> model = Model::Create(std::move(data));
  ASSERT_TRUE(model.ok()) << model.status();
  absl::StatusOr<Files> files = ExportCsvFiles(*model);
  EXPECT_EQ(files.status(),
            absl::InvalidArgumentError("posts[0].in_charge_of[0]: id \"a|b\" contains \"|\", the "
                                       "separator of list cells, and cannot be written to CSV"));
  // Nothing is written.
  const std::string folder = TempFolder("separator");
  EXPECT_FALSE(ExportCsvFolder(*model, folder).ok());
  EXPECT_FALSE(std::filesystem::exists(folder + "/model.csv"));
  std::filesystem::remove_all(folder);
}

// ---- reading what people write -------------------------------------------------------------

// A small folder as a database export might give it: columns in another order, optional
// columns left out, CRLF, a BOM, quoted cells.
const Files kHandWritten = {
    {"units.csv",
     "\xEF\xBB\xBFkind,id,name\r\nleading_group,org,\"Org, the\"\r\nbranch,b1,Branch\r\n"},
    {"parents.csv", "parent,unit\norg,b1\n"},
    {"people.csv", "name,id,x_phone\nAnn,p1,5551234\nBob,p2,\n"},
    {"posts.csv",
     "unit,person,role,from,in_charge_of\norg,p1,secretary,2024-01-01,b1\nb1,p2,staff,2024-02-01,\n"},
};

TEST(ModelCsv, ReadsAHandWrittenFolder) {
  const CsvImport imported = Import(kHandWritten);
  EXPECT_EQ(ModelToJson(imported.model), R"({
  "format": "zeren-model",
  "version": 1,
  "settings": {"warn_days": 7, "max_secretary_posts": 3},
  "units": [
    {"id": "org", "name": "Org, the", "kind": "leading_group"},
    {
      "id": "b1",
      "name": "Branch",
      "kind": "branch",
      "parents": ["org"]
    }
  ],
  "people": [
    {"id": "p1", "name": "Ann", "x_phone": 5551234},
    {"id": "p2", "name": "Bob"}
  ],
  "posts": [
    {
      "person": "p1",
      "unit": "org",
      "role": "secretary",
      "from": "2024-01-01",
      "in_charge_of": ["b1"]
    },
    {"person": "p2", "unit": "b1", "role": "staff", "from": "2024-02-01"}
  ],
  "links": [],
  "duties": [],
  "directives": [],
  "incidents": [],
  "policy": "default"
}
)");
  EXPECT_THAT(imported.present, ElementsAre("units", "parents", "people", "posts"));
  EXPECT_TRUE(imported.Has("posts"));
  EXPECT_FALSE(imported.Has("incidents"));
  EXPECT_FALSE(imported.Has("model"));
}

TEST(ModelCsv, JsonCellsAndPlainText) {
  Files files = kHandWritten;
  files["people.csv"] =
      "id,name,x_a\n"
      "p1,A,plain words\n"      // text
      "p2,B,\"\"\"12\"\"\"\n"   // the JSON string "12"
      "p3,C,12\n"               // the number 12
      "p4,D,\"[1, 2.50]\"\n"    // an array, written compactly
      "p5,E,\"\"\"\"\"\"\n"     // the empty string
      "p6,F,nothing\n"          // text: not JSON null
      "p7,G,null\n";            // null
  files["posts.csv"] = "person,unit,role,from\n";
  const CsvImport imported = Import(files);
  const auto& people = imported.model.data().people;
  std::vector<std::string> values;
  for (const Person& p : people) values.push_back(p.extras.at(0).second);
  EXPECT_THAT(values, ElementsAre("\"plain words\"", "\"12\"", "12", "[1, 2.5]", "\"\"",
                                  "\"nothing\"", "null"));
  EXPECT_EQ(Export(imported.model).at("people.csv"),
            "id,name,x_a\np1,A,plain words\np2,B,\"\"\"12\"\"\"\np3,C,12\np4,D,\"[1, 2.5]\"\n"
            "p5,E,\"\"\"\"\"\"\np6,F,nothing\np7,G,null\n");
}

TEST(ModelCsv, SubtasksMayComeBeforeTheirParents) {
  const Files files = {
      {"units.csv", "id,name,kind\norg,O,leading_group\nb1,B,branch\nb2,C,branch\n"},
      {"parents.csv", "unit,parent\nb1,org\nb2,org\n"},
      {"directives.csv", "id,issued_by,date\ndv1,org,2025-01-01\n"},
      {"tasks.csv",
       "id,directive,parent,unit,due,status\n"
       "t1.2,dv1,t1,b2,2025-02-01,open\n"
       "t1,dv1,,org,2025-03-01,open\n"
       "t1.1,dv1,t1,b1,2025-02-01,open\n"
       "t0,dv1,,org,2025-03-01,open\n"},
  };
  const CsvImport imported = Import(files);
  const Directive& dv = imported.model.data().directives.at(0);
  ASSERT_EQ(dv.tasks.size(), 2u);
  EXPECT_EQ(dv.tasks[0].id, "t1");
  EXPECT_EQ(dv.tasks[1].id, "t0");
  ASSERT_EQ(dv.tasks[0].subtasks.size(), 2u);
  EXPECT_EQ(dv.tasks[0].subtasks[0].id, "t1.2");
  EXPECT_EQ(dv.tasks[0].subtasks[1].id, "t1.1");
}

TEST(ModelCsv, TheExampleOfTheDocsImports) {
  // tests/data/csv/example holds the files of docs/csv.md's example.
  absl::StatusOr<CsvImport> imported = ImportCsvFolder(std::string(ZEREN_TEST_DATA) + "/csv/example");
  ASSERT_TRUE(imported.ok()) << imported.status();
  EXPECT_EQ(imported->present, CsvCollections());
  const ModelData& d = imported->model.data();
  EXPECT_EQ(d.name, "An organ's party organization");
  ASSERT_EQ(d.units.size(), 5u);
  EXPECT_EQ(d.units[4].parents[0].weight, 0.6);
  EXPECT_EQ(d.posts[0].extras, (Extras{{"x_order_no", "\"0012\""}}));
  EXPECT_EQ(d.posts[1].in_charge_of, std::vector<std::string>{"b1"});
  EXPECT_EQ(d.duties[0].text, "Hold the branch's meetings, and report \"on time\"");
  ASSERT_EQ(d.directives[0].tasks.size(), 1u);
  EXPECT_EQ(d.directives[0].tasks[0].subtasks[0].id, "t1.1");
  EXPECT_EQ(d.directives[0].reviews[0].note, "late: two\nlines of note");
  EXPECT_EQ(d.incidents[0].circumstances.size(), 2u);
  ASSERT_TRUE(d.assessment.has_value());
  EXPECT_EQ(d.assessment->ballots[0].good, 30);
  // The export writes the string "0012" bare: it does not read as JSON.
  EXPECT_EQ(Export(imported->model).at("posts.csv"),
            "person,unit,role,from,to,in_charge_of,x_order_no\n"
            "p1,org,secretary,2021-03-01,,,0012\n"
            "p2,org,member,2021-03-01,2025-07-01,b1,\n"
            "p3,b1,deputy,2022-01-01,,,\n"
            "p9,b1,staff,2023-05-01,,,\n");
}

// ---- partial folders ---------------------------------------------------------------------

TEST(ModelCsv, PartialFolderHasEmptyCollections) {
  const Files files = {{"units.csv", "id,name,kind\nb1,B,branch\n"},
                       {"incidents.csv", "id,unit,date,severity\n"}};
  const CsvImport imported = Import(files);
  EXPECT_THAT(imported.present, ElementsAre("units", "incidents"));
  EXPECT_TRUE(imported.Has("incidents"));  // given, though empty
  EXPECT_FALSE(imported.Has("people"));
  EXPECT_EQ(imported.model.data().units.size(), 1u);
  EXPECT_TRUE(imported.model.data().posts.empty());
  EXPECT_FALSE(imported.model.data().assessment.has_value());
}

TEST(ModelCsv, EmptyFolderIsTheEmptyModel) {
  const std::string folder = TempFolder("empty");
  std::filesystem::create_directory(folder);
  std::ofstream(folder + "/README.txt") << "not a CSV file: ignored\n";
  absl::StatusOr<CsvImport> imported = ImportCsvFolder(folder);
  ASSERT_TRUE(imported.ok()) << imported.status();
  EXPECT_TRUE(imported->present.empty());
  EXPECT_EQ(ModelToJson(imported->model), ModelToJson(Model()));
  std::filesystem::remove_all(folder);
}

TEST(ModelCsv, AssessmentFromModelCsvAlone) {
  const Files files = {{"model.csv", "key,value\nassessment.period.from,2025-01-01\n"
                                     "assessment.period.to,2026-01-01\n"}};
  const CsvImport imported = Import(files);
  ASSERT_TRUE(imported.model.data().assessment.has_value());
  EXPECT_EQ(imported.model.data().assessment->scheme_json, "\"default\"");
  EXPECT_THAT(imported.present, ElementsAre("model"));
}

// ---- errors: files and headers -----------------------------------------------------------

TEST(ModelCsvErrors, FolderNotFound) {
  const std::string folder = TempFolder("missing");
  absl::StatusOr<CsvImport> imported = ImportCsvFolder(folder);
  EXPECT_EQ(imported.status(),
            absl::NotFoundError(folder + ": cannot open the folder: No such file or directory"));
}

TEST(ModelCsvErrors, UnknownFile) {
  Files files = kHandWritten;
  files["unit.csv"] = "id,name,kind\n";
  EXPECT_THAT(Problems(files),
              ElementsAre("unit.csv: unknown file (a model's CSV files are model.csv, units.csv, "
                          "parents.csv, people.csv, posts.csv, links.csv, duties.csv, "
                          "directives.csv, tasks.csv, reviews.csv, incidents.csv, "
                          "circumstances.csv, points.csv, bonuses.csv, ballots.csv, "
                          "review_scores.csv, appraisals.csv)"));
}

TEST(ModelCsvErrors, UnknownCsvFileInAFolder) {
  const std::string folder = TempFolder("unknown_file");
  std::filesystem::create_directory(folder);
  std::ofstream(folder + "/units.csv") << "id,name,kind\n";
  std::ofstream(folder + "/persons.csv") << "id,name\n";
  ProblemList problems;
  absl::StatusOr<CsvImport> imported = ImportCsvFolder(folder, &problems);
  ASSERT_FALSE(imported.ok());
  ASSERT_EQ(problems.kept().size(), 1u);
  EXPECT_EQ(problems.kept()[0].path, "persons.csv");
  std::filesystem::remove_all(folder);
}

TEST(ModelCsvErrors, Headers) {
  EXPECT_THAT(Problems({{"units.csv", ""}}),
              ElementsAre("units.csv:1: the file is empty: a header row is required"));
  EXPECT_THAT(Problems({{"units.csv", "id,name,kind,colour\n"}}),
              ElementsAre("units.csv:1: unknown column \"colour\""));
  EXPECT_THAT(Problems({{"units.csv", "id,name\n"}}),
              ElementsAre("units.csv:1: missing column \"kind\""));
  EXPECT_THAT(Problems({{"units.csv", "id,name,kind,id\n"}}),
              ElementsAre("units.csv:1: duplicate column \"id\""));
  // Extension columns of the nested object only where there is one; none in model.csv.
  EXPECT_THAT(Problems({{"units.csv", "id,name,kind,holder.x_a\n"}}),
              ElementsAre("units.csv:1: unknown column \"holder.x_a\""));
  EXPECT_THAT(Problems({{"model.csv", "key,value,x_a\n"}}),
              ElementsAre("model.csv:1: unknown column \"x_a\""));
  EXPECT_THAT(Problems({{"duties.csv", "id,holder.unit,category,holder.role,holder.name\n"}}),
              ElementsAre("duties.csv:1: unknown column \"holder.name\""));
}

TEST(ModelCsvErrors, Syntax) {
  EXPECT_THAT(Problems({{"units.csv", "id,name,kind\nb1,B,branch\nb2,B\n"}}),
              ElementsAre("units.csv:3: expected 3 fields as in the header, found 2"));
  EXPECT_THAT(Problems({{"units.csv", "id,name,kind\nb1,\"B\nbranch\n"}}),
              ElementsAre("units.csv:2: a quoted field is not closed"));
  EXPECT_THAT(Problems({{"people.csv", "id,name\np1,\"A\nB\"\np2,\xC3\x28\n"}}),
              ElementsAre("people.csv:4: invalid UTF-8"));
}

TEST(ModelCsvErrors, SyntaxErrorStopsOnlyItsFile) {
  // The other files are still read, and their problems reported too.
  EXPECT_THAT(Problems({{"units.csv", "id,name,kind\nb1,\"B\n"},
                        {"people.csv", "id,name,x\n"}}),
              ElementsAre("units.csv:2: a quoted field is not closed",
                          "people.csv:1: unknown column \"x\""));
}

// ---- errors: cells ---------------------------------------------------------------------

TEST(ModelCsvErrors, Cells) {
  const Files files = {
      {"units.csv", "id,name,kind,members,from\n"
                    "b1,B,branch,many,2025-02-30\n"
                    "b2,B,branch,1.5,\n"
                    "b3,B,branch,9007199254740993,\n"},
      {"parents.csv", "unit,parent,weight,x_why\nb1,b2,heavy,\nb9,b1,,\nb2,b1,,because\n"},
      {"people.csv", "id,name\np1,P\n"},
      {"posts.csv", "person,unit,role,from,in_charge_of\np1,b1,boss,2025-01-01,b1||b2\n"},
      {"links.csv", "kind,from,to\n,b1,b2\n"},
      {"directives.csv", "id,issued_by,date,reach\ndv1,b1,,x\ndv2,b1,2025-01-01,3000000000\n"},
      {"tasks.csv", "id,directive,unit,due,status\nt1,dv9,b1,2025-01-01,open\n"},
      {"reviews.csv", "directive,date,result\ndv1,2025-01-01,maybe\n"},
      {"incidents.csv", "id,unit,date,severity,direct\ni1,b1,2025-01-01,,p1|\n"},
      {"circumstances.csv", "incident,kind\ni9,repeat\n"},
      {"points.csv", "unit,indicator,value\nb1,integrity.meetings,\nb1,integrity.meetings,1e999\n"},
      {"bonuses.csv", "unit,points\nb1,+1\n"},
      {"ballots.csv", "subject.unit,good\nb1,-\n"},
      {"review_scores.csv", "unit,score\nb1,NaN\n"},
      {"appraisals.csv", "person,score\np1,.5\n"},
  };
  EXPECT_THAT(
      Problems(files),
      ElementsAre(
          "units.csv:2: members: expected an integer, found \"many\"",
          "units.csv:2: from: malformed date \"2025-02-30\" (expected YYYY-MM-DD)",
          "units.csv:3: members: expected an integer, found a fraction",
          "units.csv:4: members: expected an integer within ±9007199254740992",
          "parents.csv:2: weight: expected a number, found \"heavy\"",
          "parents.csv:3: unit: unknown unit \"b9\"",
          "parents.csv:4: x_why: an extension value needs a weight (a parent without one is a "
          "plain id)",
          "posts.csv:2: role: unknown role \"boss\" (expected one of secretary, head, deputy, "
          "member, discipline_secretary, staff)",
          "posts.csv:2: in_charge_of: an empty id in the list \"b1||b2\" (ids are separated by "
          "\"|\")",
          "links.csv:2: kind: a value is required",
          "directives.csv:2: date: a date is required",
          "directives.csv:2: reach: expected an integer, found \"x\"",
          "directives.csv:3: reach: integer 3000000000 is out of range",
          "tasks.csv:2: directive: unknown directive \"dv9\"",
          "reviews.csv:2: result: unknown result \"maybe\" (expected one of pass, fail)",
          "incidents.csv:2: severity: a value is required",
          "incidents.csv:2: direct: an empty id in the list \"p1|\" (ids are separated by \"|\")",
          "circumstances.csv:2: incident: unknown incident \"i9\"",
          "points.csv:2: value: a number is required",
          "points.csv:3: value: number 1e999 is out of range for a finite double",
          "bonuses.csv:2: points: expected a number, found \"+1\"",
          "ballots.csv:2: good: expected an integer, found \"-\"",
          "review_scores.csv:2: score: expected a number, found \"NaN\"",
          "appraisals.csv:2: score: expected a number, found \".5\"",
          "points.csv:2: assessment inputs need an assessment: model.csv has no "
          "assessment.period.from and assessment.period.to"));
}

TEST(ModelCsvErrors, ProblemsCarryTheRecordId) {
  ProblemList problems;
  ASSERT_FALSE(ImportCsvFiles({{"units.csv", "id,name,kind,members\nb7,B,branch,x\n"}}, &problems).ok());
  ASSERT_EQ(problems.kept().size(), 1u);
  EXPECT_EQ(problems.kept()[0].path, "units.csv:2");
  EXPECT_EQ(problems.kept()[0].id, "b7");
  EXPECT_EQ(problems.kept()[0].message, "members: expected an integer, found \"x\"");
}

TEST(ModelCsvErrors, ModelKeys) {
  const Files files = {{"model.csv",
                        "key,value\n"
                        "format,zeren\n"
                        "version,2\n"
                        "colour,red\n"
                        "name,A\n"
                        "name,B\n"
                        "settings.warn_days,soon\n"
                        "settings.max_secretary_posts,99999999999\n"
                        "assessment.period.from,2025\n"
                        "assessment.scheme,[1]\n"
                        "policy,strict\n"}};
  EXPECT_THAT(Problems(files),
              ElementsAre("model.csv:2: format: expected \"zeren-model\", found \"zeren\"",
                          "model.csv:3: version: unsupported format version 2 (this library reads "
                          "version 1)",
                          "model.csv:4: unknown key \"colour\"",
                          "model.csv:6: duplicate key \"name\" (first on line 5)",
                          "model.csv:7: settings.warn_days: expected an integer, found \"soon\"",
                          "model.csv:8: settings.max_secretary_posts: integer 99999999999 is out "
                          "of range",
                          "model.csv:9: assessment.period.from: malformed date \"2025\" (expected "
                          "YYYY-MM-DD)",
                          "model.csv:10: assessment.scheme: expected \"default\" or a JSON object",
                          "model.csv:11: policy: expected \"default\" or a JSON object"));
}

TEST(ModelCsvErrors, TaskTrees) {
  Files files = {
      {"units.csv", "id,name,kind\norg,O,leading_group\n"},
      {"directives.csv", "id,issued_by,date\ndv1,org,2025-01-01\ndv2,org,2025-01-01\n"},
      {"tasks.csv",
       "id,directive,parent,unit,due,status\n"
       "t1,dv1,,org,2025-02-01,open\n"
       "t2,dv2,t1,org,2025-02-01,open\n"
       "t3,dv1,t9,org,2025-02-01,open\n"},
  };
  EXPECT_THAT(Problems(files),
              ElementsAre("tasks.csv:3: parent: task \"t1\" belongs to directive \"dv1\", not \"dv2\"",
                          "tasks.csv:4: parent: unknown task \"t9\""));
  files["tasks.csv"] =
      "id,directive,parent,unit,due,status\n"
      "a,dv1,c,org,2025-02-01,open\n"
      "b,dv1,a,org,2025-02-01,open\n"
      "c,dv1,b,org,2025-02-01,open\n"
      "d,dv1,c,org,2025-02-01,open\n"
      "e,dv1,e,org,2025-02-01,open\n";
  EXPECT_THAT(Problems(files),
              ElementsAre("tasks.csv:2: parent: task \"a\" is its own ancestor",
                          "tasks.csv:4: parent: task \"c\" is its own ancestor",
                          "tasks.csv:3: parent: task \"b\" is its own ancestor",
                          "tasks.csv:6: parent: task \"e\" is its own ancestor"));
}

TEST(ModelCsvErrors, TaskNestingIsBounded) {
  // A chain of 20000 subtasks would overflow the stack of any recursion over the tree:
  // refused at the 21st level, as the JSON document refuses it.
  std::string tasks = "id,directive,parent,unit,due,status\n";
  for (int i = 0; i < 20000; ++i) {
    absl::StrAppend(&tasks, "t", i, ",dv1,", i == 0 ? "" : absl::StrCat("t", i - 1),
                    ",org,2025-02-01,open\n");
  }
  const Files files = {{"units.csv", "id,name,kind\norg,O,leading_group\n"},
                       {"directives.csv", "id,issued_by,date\ndv1,org,2025-01-01\n"},
                       {"tasks.csv", tasks}};
  EXPECT_THAT(Problems(files), ElementsAre("tasks.csv:22: subtasks nest deeper than 20 levels"));
}

// ---- errors: validation, mapped back to records ------------------------------------------

TEST(ModelCsvErrors, ValidationProblemsNameTheRecord) {
  Files files = Export(Load(kEveryKey));
  // Line 7 of posts.csv is the sixth post, posts[5].
  files["posts.csv"] += "p1,x,member,2024-01-01,,,\n";
  files["units.csv"] += "b1,Again,branch,0,,,,\n";
  files["parents.csv"] += "b2,b1,,\n";
  files["tasks.csv"] += "t3,dv1,t1.1.1,org,2025-02-01,open,,\n";
  files["reviews.csv"] += "dv2,2025-01-01,t1,pass,,\n";
  files["circumstances.csv"] += "i2,repeat,p77,\n";
  files["ballots.csv"] += "b5,,1,0,0,0,,\n";
  files["points.csv"] += "b1,integrity.nothing,1,\n";
  files["links.csv"] += "guides,p1,b1,2025-01-01,2024-01-01,\n";
  EXPECT_THAT(
      Problems(files),
      ElementsAre(
          "units.csv:8: duplicate id \"b1\" (first at units.csv:5)",
          // About all of the unit's parents: the first of them.
          "parents.csv:5: parents of unit \"b2\" mix weighted and unweighted entries: give every "
          "parent a weight or none",
          "posts.csv:7: unknown unit \"x\"",
          "links.csv:5: `to_date` 2024-01-01 is not after `from_date` 2025-01-01",
          "tasks.csv:7: task \"t3\" targets unit \"org\", which is not its parent task's unit "
          "\"g1\" or below it",
          "reviews.csv:4: task \"t1\" belongs to another directive (tasks.csv:2)",
          "circumstances.csv:5: unknown person \"p77\"",
          "points.csv:4: unknown indicator \"integrity.nothing\"",
          "ballots.csv:4: unknown unit \"b5\""));
}

TEST(ModelCsvErrors, ValidationProblemsInModelCsvKeepTheirPath) {
  Files files = Export(Load(kEveryKey));
  files["model.csv"] =
      "key,value\n"
      "settings.warn_days,-1\n"
      "assessment.period.from,2025-01-01\n"
      "assessment.scheme,\"{\"\"bonus_cap\"\":-4}\"\n";
  files["points.csv"] = "unit,indicator,value\n";
  EXPECT_THAT(Problems(files),
              ElementsAre("model.csv:2: settings.warn_days: must not be negative",
                          "model.csv:4: assessment.scheme.bonus_cap: must not be negative, found -4",
                          "model.csv:3: assessment.period: the period needs both `from` and `to`"));
}

TEST(ModelCsvErrors, OverlappingPostsNameBothRecords) {
  const Files files = {
      {"units.csv", "id,name,kind\nb1,B,branch\n"},
      {"people.csv", "id,name\np1,A\np2,B\n"},
      {"posts.csv",
       "person,unit,role,from,to\np1,b1,secretary,2024-01-01,2025-01-01\np2,b1,secretary,2024-06-01,\n"},
  };
  EXPECT_THAT(Problems(files),
              ElementsAre("posts.csv:3: secretary posts of unit \"b1\" overlap: \"p1\" (posts.csv:2, "
                          "2024-01-01 to 2025-01-01) and \"p2\" (2024-06-01 to …)"));
}

TEST(ModelCsvErrors, StatusNamesTheFirstProblemAndTheCount) {
  absl::StatusOr<CsvImport> imported = ImportCsvFiles(
      {{"units.csv", "id,name,kind\nb1,B,branch\n"}, {"parents.csv", "unit,parent\nb1,b2\nb1,b3\n"}});
  EXPECT_EQ(imported.status(),
            absl::InvalidArgumentError("parents.csv:2: unknown unit \"b2\" (and 1 more problems)"));
}

TEST(ModelCsvErrors, ManyProblemsAreCounted) {
  std::string people = "id,name\n";
  for (int i = 0; i < 250; ++i) people += "p,P\n";
  ProblemList problems;
  absl::StatusOr<CsvImport> imported = ImportCsvFiles({{"people.csv", people}}, &problems);
  ASSERT_FALSE(imported.ok());
  EXPECT_EQ(problems.total(), 249u);
  EXPECT_EQ(problems.kept().size(), ProblemList::kMaxKept);
  EXPECT_EQ(imported.status().message(),
            "people.csv:3: duplicate id \"p\" (first at people.csv:2) (and 248 more problems)");
}

}  // namespace
}  // namespace zeren
