// The member roster through every writer and the archive: rows are written as the records
// they stand for (JSON, CSV), and the archive keeps them column by column.
#include <cmath>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/types/span.h"
#include "gtest/gtest.h"
#include "src/io/archive_format.h"
#include "tests/archive_bytes.h"
#include "tests/roster_fixture.h"
#include "zeren/archive.h"
#include "zeren/huge_page_allocator.h"
#include "zeren/model_csv.h"
#include "zeren/model_json.h"

namespace zeren {
namespace {

using archive_bytes::ErrorOf;
using archive_bytes::Peek;
using archive_bytes::Poke;
using roster_fixture::WithRecords;
using roster_fixture::WithRoster;

// ---- JSON ----

TEST(RosterJson, RowsAreWrittenAfterTheRecordsAsTheRecordsTheyStandFor) {
  const std::string json = ModelToJson(WithRoster());
  EXPECT_EQ(json, ModelToJson(WithRecords()));
  // Spot checks of the text itself: an ended post and the last appraisal.
  EXPECT_NE(json.find(R"({"person": "m02", "unit": "b2", "role": "staff", "from": "2022-01-01", "to": "2024-07-01"})"),
            std::string::npos)
      << json;
  EXPECT_NE(json.find(R"({"person": "m03", "score": 0.1})"), std::string::npos) << json;
}

TEST(RosterJson, ReadingBackGivesRecordsAndTheSameText) {
  const std::string json = ModelToJson(WithRoster());
  absl::StatusOr<Model> read = ParseModelJson(json);
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_TRUE(read->data().roster.empty());
  EXPECT_EQ(read->data().people.size(), 7u);
  EXPECT_EQ(read->data().posts.size(), 7u);
  EXPECT_EQ(read->data().assessment->appraisals.size(), 6u);
  EXPECT_EQ(ModelToJson(*read), json);
}

// ---- CSV ----

TEST(RosterCsv, RowsAreExportedAfterTheRecordsAsTheRecordsTheyStandFor) {
  absl::StatusOr<std::map<std::string, std::string>> files = ExportCsvFiles(WithRoster());
  ASSERT_TRUE(files.ok()) << files.status();
  absl::StatusOr<std::map<std::string, std::string>> records = ExportCsvFiles(WithRecords());
  ASSERT_TRUE(records.ok()) << records.status();
  EXPECT_EQ(*files, *records);
  EXPECT_EQ(files->at("people.csv"),
            "id,name,x_badge\n"
            "p1,Secretary A,7\n"
            "m05,Member E,\n"
            "m02,\"Member, B\",\n"
            "m09,\"Member \"\"I\"\"\",\n"
            "m01,\xE6\x9D\x8E\xE5\x9B\x9B,\n"
            "m07,Member G,\n"
            "m03,Member C,\n");
  EXPECT_EQ(files->at("posts.csv"),
            "person,unit,role,from,to,in_charge_of,x_order_no\n"
            "p1,b1,secretary,2024-01-01,,,2024-3\n"
            "m05,b1,staff,2023-03-01,,,\n"
            "m02,b2,staff,2022-01-01,2024-07-01,,\n"
            "m09,b1,staff,2021-05-01,,,\n"
            "m01,b2,staff,2020-01-01,,,\n"
            "m07,b1,staff,2024-02-01,,,\n"
            "m03,b2,staff,2019-09-09,,,\n");
  EXPECT_EQ(files->at("appraisals.csv"),
            "person,score\n"
            "p1,92.5\n"
            "m05,88.5\n"
            "m02,90\n"
            "m01,75.25\n"
            "m07,60\n"
            "m03,0.1\n");
}

TEST(RosterCsv, ImportReadsTheRowsAsRecords) {
  absl::StatusOr<std::map<std::string, std::string>> files = ExportCsvFiles(WithRoster());
  ASSERT_TRUE(files.ok()) << files.status();
  absl::StatusOr<CsvImport> imported = ImportCsvFiles(*files);
  ASSERT_TRUE(imported.ok()) << imported.status();
  EXPECT_TRUE(imported->model.data().roster.empty());
  EXPECT_EQ(ModelToJson(imported->model), ModelToJson(WithRoster()));
}

// ---- archive ----

std::string ArchiveOf(const Model& model) {
  absl::StatusOr<std::string> bytes = ArchiveToBytes(model, nullptr);
  EXPECT_TRUE(bytes.ok()) << bytes.status();
  return *bytes;
}

// Appraisals compared bit for bit: NaN marks a row without one.
std::vector<uint64_t> Bits(absl::Span<const double> numbers) {
  std::vector<uint64_t> bits(numbers.size());
  if (!numbers.empty()) std::memcpy(bits.data(), numbers.data(), numbers.size() * sizeof(double));
  return bits;
}

// The fixture's ids as the roster stores them: in row order, each ending in NUL.
const std::string kIdBytes("m05\0m02\0m09\0m01\0m07\0m03\0", 24);

TEST(RosterArchive, RoundTripKeepsEveryColumn) {
  const Model model = WithRoster();
  absl::StatusOr<LoadedArchive> loaded = ArchiveFromBytes(ArchiveOf(model));
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  const MemberRoster::Columns& a = model.data().roster.columns();
  const MemberRoster::Columns& b = loaded->model.data().roster.columns();
  EXPECT_EQ(std::string(b.id_bytes.begin(), b.id_bytes.end()), kIdBytes);
  EXPECT_EQ(b.id_bytes, a.id_bytes);
  EXPECT_EQ(b.name_bytes, a.name_bytes);
  EXPECT_EQ(b.id_end, a.id_end);
  EXPECT_EQ(b.name_end, a.name_end);
  EXPECT_EQ(b.unit_ids, (std::vector<std::string>{"b1", "b2"}));
  EXPECT_EQ(b.unit, a.unit);
  EXPECT_EQ(b.from, a.from);
  EXPECT_EQ(b.to, a.to);
  EXPECT_EQ(Bits(b.appraisal), Bits(a.appraisal));
  EXPECT_EQ(b.order, (HugePageVector<uint32_t>{3, 1, 5, 0, 4, 2}));
  EXPECT_EQ(loaded->model.data().roster.Find("m07"), std::optional<uint32_t>(4));
  EXPECT_EQ(ModelToJson(loaded->model), ModelToJson(model));
  EXPECT_EQ(ModelToJson(loaded->model), ModelToJson(WithRecords()));
  EXPECT_EQ(ArchiveOf(loaded->model), ArchiveOf(model));
}

TEST(RosterArchive, AnEmptyRosterRoundTrips) {
  const Model model = *Model::Create(roster_fixture::BaseData());
  absl::StatusOr<LoadedArchive> loaded = ArchiveFromBytes(ArchiveOf(model));
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_TRUE(loaded->model.data().roster.empty());
  EXPECT_EQ(ModelToJson(loaded->model), ModelToJson(model));
}

// Where each roster column is in an archive of WithRoster() (no snapshot: one section, to
// the end of the file). Columns are an 8-byte count or length, then the items.
struct RosterPlaces {
  explicit RosterPlaces(const std::string& bytes) {
    ids = bytes.find(kIdBytes);
    names = ids + kIdBytes.size() + 8;
    const uint64_t name_bytes = Peek<uint64_t>(bytes, ids + kIdBytes.size());
    id_end = names + name_bytes + 8;
    name_end = id_end + 6 * 4 + 8;
    unit_ids = name_end + 6 * 4;  // the count of unit ids, then "b1" and "b2"
    unit = unit_ids + 8 + 2 * (8 + 2) + 8;
    from = unit + 6 * 4 + 8;
    to = from + 6 * 4 + 8;
    appraisal = to + 6 * 4 + 8;
    order = appraisal + 6 * 8 + 8;
  }
  // Offsets of the first item of each column (of the text, for ids and names).
  size_t ids, names, id_end, name_end, unit_ids, unit, from, to, appraisal, order;
};

class CraftedRosterTest : public testing::Test {
 protected:
  void SetUp() override {
    good_ = ArchiveOf(WithRoster());
    ASSERT_NE(good_.find(kIdBytes), std::string::npos);
    ASSERT_EQ(Peek<uint64_t>(good_, at_.order - 8), 6u);
    ASSERT_EQ(Peek<uint32_t>(good_, at_.order), 3u);
    ASSERT_EQ(Peek<uint32_t>(good_, at_.unit + 4), 1u);  // m02 is in b2
  }

  // `bytes` with its checksums made valid again.
  static std::string Repaired(std::string bytes) {
    archive::RepairChecksums(&bytes);
    return bytes;
  }

  // The archive without `n` bytes at `offset` (inside the one section).
  std::string Cut(size_t offset, size_t n) const {
    std::string bytes = good_;
    bytes.erase(offset, n);
    Poke<uint64_t>(&bytes, 24 + 16, Peek<uint64_t>(bytes, 24 + 16) - n);
    return bytes;
  }

  std::string good_;
  RosterPlaces at_{ArchiveOf(WithRoster())};
};

TEST_F(CraftedRosterTest, ColumnsOfDifferentLengths) {
  std::string bytes = Cut(at_.id_end + 5 * 4, 4);  // id_end loses its last entry
  Poke<uint64_t>(&bytes, at_.id_end - 8, 5);
  EXPECT_EQ(ErrorOf(Repaired(bytes)),
            "corrupt archive: model section: roster columns have different lengths");
  bytes = Cut(at_.order + 5 * 4, 4);  // an order, but not of every row
  Poke<uint64_t>(&bytes, at_.order - 8, 5);
  EXPECT_EQ(ErrorOf(Repaired(bytes)),
            "corrupt archive: model section: roster columns have different lengths");
}

TEST_F(CraftedRosterTest, TextOffsetsBeyondTheirBytes) {
  std::string bytes = good_;
  Poke<uint32_t>(&bytes, at_.id_end + 5 * 4, 25);  // 24 bytes of ids
  EXPECT_EQ(ErrorOf(Repaired(bytes)),
            "corrupt archive: model section: roster text offsets do not fit their bytes");
  bytes = good_;
  Poke<uint32_t>(&bytes, at_.name_end, 1000);  // falls back afterwards
  EXPECT_EQ(ErrorOf(Repaired(bytes)),
            "corrupt archive: model section: roster text offsets do not fit their bytes");
}

TEST_F(CraftedRosterTest, UnitIndexOutOfRange) {
  std::string bytes = good_;
  Poke<uint32_t>(&bytes, at_.unit + 2 * 4, 2);  // two unit ids
  EXPECT_EQ(ErrorOf(Repaired(bytes)), "corrupt archive: model section: roster unit out of range");
}

TEST_F(CraftedRosterTest, OrderThatIsNotAPermutationOrNotSorted) {
  std::string bytes = good_;
  Poke<uint32_t>(&bytes, at_.order, 1);  // row 1 twice
  EXPECT_EQ(ErrorOf(Repaired(bytes)),
            "corrupt archive: model section: roster order is not a permutation");
  bytes = good_;
  Poke<uint32_t>(&bytes, at_.order + 4 * 4, 6);  // beyond the six rows
  EXPECT_EQ(ErrorOf(Repaired(bytes)),
            "corrupt archive: model section: roster order is not a permutation");
  bytes = good_;
  Poke<uint32_t>(&bytes, at_.order, 1);  // m02 before m01
  Poke<uint32_t>(&bytes, at_.order + 4, 3);
  EXPECT_EQ(ErrorOf(Repaired(bytes)),
            "corrupt archive: model section: roster ids are not in the stored order");
}

TEST_F(CraftedRosterTest, AHugeColumnCountIsBoundedByTheSection) {
  std::string bytes = good_;
  Poke<uint64_t>(&bytes, at_.from - 8, uint64_t{1} << 40);
  EXPECT_EQ(ErrorOf(Repaired(bytes)),
            absl::StrCat("corrupt archive: model section: a count of 1099511627776 exceeds the ",
                         bytes.size() - at_.from, " bytes left in the section"));
}

TEST_F(CraftedRosterTest, AValidArchiveWithAnInvalidRowIsRefusedByValidation) {
  std::string bytes = good_;
  Poke<uint32_t>(&bytes, at_.to + 0, Peek<uint32_t>(bytes, at_.from));  // m05 ends as it begins
  absl::StatusOr<LoadedArchive> loaded = ArchiveFromBytes(Repaired(bytes));
  EXPECT_EQ(loaded.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(loaded.status().message(),
            "model section: roster[0].to: `to` 2023-03-01 is not after `from` 2023-03-01");
}

// An archive of model layout 1 (ModelData class version 0) has no roster columns: made
// here from a new archive of a model without a roster, as an older zeren wrote it.
TEST(RosterArchive, ArchivesWithoutARosterStillLoad) {
  const Model model = *Model::Create(roster_fixture::BaseData());
  std::string bytes = ArchiveOf(model);
  EXPECT_EQ(Peek<uint32_t>(bytes, 24 + 4), 2u);  // the model section's layout version
  const size_t name = bytes.find("roster-probe");
  ASSERT_EQ(bytes.substr(name - 13, 5), std::string("\0\x01\0\0\0", 5));  // ModelData version 1
  // The empty roster follows the last post's extension value, "2024-3" in quotes: ten
  // zero counts.
  const size_t roster = bytes.find("\"2024-3\"") + 8;
  ASSERT_EQ(bytes.substr(roster, 80), std::string(80, '\0'));
  bytes.erase(roster, 80);
  Poke<uint64_t>(&bytes, 24 + 16, Peek<uint64_t>(bytes, 24 + 16) - 80);
  Poke<uint32_t>(&bytes, 24 + 4, 1);
  bytes[name - 12] = 0;
  archive::RepairChecksums(&bytes);
  absl::StatusOr<LoadedArchive> loaded = ArchiveFromBytes(bytes);
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_EQ(ModelToJson(loaded->model), ModelToJson(model));
}

// The fuzzer's seeds were written by zeren before the roster (model layout 1): they still
// load, to the model they were written from.
TEST(RosterArchive, ArchivesOfTheFormerLayoutLoad) {
  absl::StatusOr<Model> conformance =
      LoadModelFile(std::string(ZEREN_TEST_DATA) + "/conformance/model-1.json");
  ASSERT_TRUE(conformance.ok()) << conformance.status();
  const std::string corpus = std::string(ZEREN_EXAMPLES) + "/../../fuzz/corpus/archive/";
  for (const char* name : {"model-1-no-snapshot.zrn", "model-1.zrn"}) {
    SCOPED_TRACE(name);
    absl::StatusOr<LoadedArchive> loaded = LoadArchive(corpus + name);
    ASSERT_TRUE(loaded.ok()) << loaded.status();
    EXPECT_TRUE(loaded->model.data().roster.empty());
    EXPECT_EQ(ModelToJson(loaded->model), ModelToJson(*conformance));
  }
}

}  // namespace
}  // namespace zeren
