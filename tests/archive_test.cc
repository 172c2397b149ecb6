// The .zrn archive: round trips, the snapshot it carries, and every way a file can be
// wrong (truncated, bit-flipped, foreign, newer, hand-made with valid checksums).
#include "zeren/archive.h"

#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <iostream>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "bench/synthetic_org.h"
#include "gtest/gtest.h"
#include "src/io/archive_format.h"
#include "tests/archive_bytes.h"
#include "zeren/assessment.h"
#include "zeren/audit.h"
#include "zeren/chain.h"
#include "zeren/ledger.h"
#include "zeren/model_json.h"
#include "zeren/result_json.h"

namespace zeren {
namespace {

using archive::Section;
using archive_bytes::ErrorOf;
using archive_bytes::Poke;

Model Demo() {
  absl::StatusOr<Model> model = LoadModelFile(std::string(ZEREN_EXAMPLES) + "/organ.json");
  EXPECT_TRUE(model.ok()) << model.status();
  return *std::move(model);
}

// A small model whose name marks where the model section's first field is.
Model Small() {
  ModelData data;
  data.name = "archive-probe";
  data.units.push_back({"u1", "Unit One", "branch", 5, {}, {}, {}});
  data.people.push_back({"p1", "Person One", {}});
  Post post;
  post.person = "p1";
  post.unit = "u1";
  post.role = Role::kSecretary;
  post.held.from = 19000;
  data.posts.push_back(post);
  return *Model::Create(std::move(data));
}

std::string Bytes(const Model& model, bool with_snapshot) {
  std::optional<Snapshot> snapshot;
  if (with_snapshot) snapshot = *Snapshot::Compile(model);
  absl::StatusOr<std::string> bytes = ArchiveToBytes(model, snapshot ? &*snapshot : nullptr);
  EXPECT_TRUE(bytes.ok()) << bytes.status();
  return *bytes;
}

std::vector<Section> SectionsOf(const std::string& bytes) {
  absl::StatusOr<std::vector<Section>> sections = archive::ReadEnvelope(bytes);
  EXPECT_TRUE(sections.ok()) << sections.status();
  return *sections;
}

// Every observable result of a snapshot, as the JSON the CLI prints.
std::string Answers(const Snapshot& s, Date day) {
  std::string out;
  for (UnitIndex u = 0; u < s.unit_count(); ++u) {
    absl::StatusOr<Chain> chain = ChainOf(s, u, day);
    EXPECT_TRUE(chain.ok()) << chain.status();
    absl::StrAppend(&out, ChainToJson(s, *chain), "\n");
  }
  if (s.has_assessment()) {
    absl::StatusOr<Assessment> assessment = Assess(s);
    EXPECT_TRUE(assessment.ok()) << assessment.status();
    absl::StrAppend(&out, AssessmentToJson(s, *assessment), "\n");
  }
  absl::StrAppend(&out, LedgerToJson(s, LedgerAsOf(s, day)), "\n");
  absl::StrAppend(&out, AuditToJson(s, AuditAsOf(s, day)), "\n");
  return out;
}

class TempDir {
 public:
  TempDir() {
    std::string pattern = testing::TempDir() + "zeren-archive-XXXXXX";
    path_ = ::mkdtemp(pattern.data());
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::string File(absl::string_view name) const { return absl::StrCat(path_, "/", name); }

 private:
  std::string path_;
};

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// ---- round trips ----

void ExpectRoundTrip(const Model& model) {
  const std::string json = ModelToJson(model);
  for (bool with_snapshot : {false, true}) {
    absl::StatusOr<LoadedArchive> loaded = ArchiveFromBytes(Bytes(model, with_snapshot));
    ASSERT_TRUE(loaded.ok()) << loaded.status();
    EXPECT_EQ(ModelToJson(loaded->model), json);
    EXPECT_EQ(loaded->snapshot.has_value(), with_snapshot);
  }
}

TEST(ArchiveTest, DemoRoundTripsToTheSameJson) {
  const Model demo = Demo();
  ExpectRoundTrip(demo);
  // Through a file too, and back to the very text of the example.
  TempDir dir;
  const std::string path = dir.File("organ.zrn");
  ASSERT_TRUE(SaveArchive(path, demo).ok());
  absl::StatusOr<LoadedArchive> loaded = LoadArchive(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  absl::StatusOr<Model> reparsed = ParseModelJson(ModelToJson(loaded->model));
  ASSERT_TRUE(reparsed.ok());
  EXPECT_EQ(ModelToJson(*reparsed), ModelToJson(demo));
  EXPECT_FALSE(loaded->snapshot.has_value());
}

TEST(ArchiveTest, GeneratedOrganizationRoundTripsToTheSameJson) {
  ExpectRoundTrip(bench::SyntheticOrganization(1000, 6, 11));
}

TEST(ArchiveTest, SavingIsDeterministic) {
  const Model demo = Demo();
  EXPECT_EQ(Bytes(demo, true), Bytes(demo, true));
}

TEST(ArchiveTest, ArchivedSnapshotAnswersAsACompiledOne) {
  for (const Model& model : {Demo(), bench::SyntheticOrganization(500, 5, 3)}) {
    const Snapshot compiled = *Snapshot::Compile(model);
    absl::StatusOr<LoadedArchive> loaded = ArchiveFromBytes(Bytes(model, true));
    ASSERT_TRUE(loaded.ok()) << loaded.status();
    ASSERT_TRUE(loaded->snapshot.has_value());
    // Every stored array is the same...
    EXPECT_EQ(*ArchiveToBytes(model, &*loaded->snapshot), *ArchiveToBytes(model, &compiled));
    // ...and so is every answer, rebuilt lookups and compiled scheme and policy included.
    for (Date day : {*ParseDate("2025-06-30"), *ParseDate("2022-03-01")}) {
      EXPECT_EQ(Answers(*loaded->snapshot, day), Answers(compiled, day));
    }
    for (UnitIndex u = 0; u < compiled.unit_count(); ++u) {
      ASSERT_EQ(loaded->snapshot->FindUnit(compiled.unit_id(u)), u);
    }
  }
}

TEST(ArchiveTest, SnapshotOfAnotherModelIsRefused) {
  const Snapshot other = *Snapshot::Compile(Small());
  absl::StatusOr<std::string> bytes = ArchiveToBytes(Demo(), &other);
  EXPECT_EQ(bytes.status(),
            absl::InvalidArgumentError("the snapshot was not compiled from this model"));
}

// ---- files ----

TEST(ArchiveTest, FileErrorsNameTheFile) {
  TempDir dir;
  const std::string missing = dir.File("missing.zrn");
  EXPECT_EQ(LoadArchive(missing).status(),
            absl::NotFoundError(missing + ": cannot open the file: No such file or directory"));
  const std::string foreign = dir.File("foreign.zrn");
  std::ofstream(foreign) << "{\"units\": []}";
  EXPECT_EQ(LoadArchive(foreign).status(),
            absl::DataLossError(foreign + ": not a zeren archive (no .zrn magic at the start)"));
  const std::string nowhere = dir.File("no/such/folder/a.zrn");
  EXPECT_EQ(SaveArchive(nowhere, Small()).message(),
            nowhere + ": cannot create a temporary file: No such file or directory");
}

// ---- damaged and foreign bytes ----

class DamagedArchiveTest : public testing::Test {
 protected:
  void SetUp() override {
    good_ = Bytes(Demo(), true);
    sections_ = SectionsOf(good_);
    header_size_ = archive::HeaderSize(sections_.size());
  }

  std::string good_;
  std::vector<Section> sections_;
  size_t header_size_ = 0;
};

TEST_F(DamagedArchiveTest, EveryTruncationIsReported) {
  ASSERT_EQ(header_size_, 96u);
  ASSERT_EQ(sections_.size(), 2u);
  std::vector<size_t> lengths;
  for (size_t n = 0; n <= header_size_; ++n) lengths.push_back(n);
  for (size_t n = header_size_ + 1; n < good_.size(); n += 1 + n / 7) lengths.push_back(n);
  lengths.push_back(good_.size() - 1);
  for (size_t n : lengths) {
    std::string expected;
    if (n < 24) {
      expected = absl::StrCat("truncated archive: ", n, " bytes, the header needs at least 24");
    } else if (n < header_size_) {
      expected = absl::StrCat("truncated archive: ", n, " bytes, the header needs 96");
    } else {
      const int i = n < sections_[1].offset ? 0 : 1;
      expected = absl::StrCat("truncated archive: ", n, " bytes, section ", i + 1, " (",
                              i == 0 ? "model" : "snapshot", ") needs ", sections_[i].size,
                              " bytes from byte ", sections_[i].offset);
    }
    EXPECT_EQ(ErrorOf(absl::string_view(good_).substr(0, n)), expected) << "length " << n;
  }
}

TEST_F(DamagedArchiveTest, EveryBitOfTheHeaderIsChecked) {
  for (size_t bit = 0; bit < header_size_ * 8; ++bit) {
    std::string bytes = good_;
    bytes[bit / 8] ^= static_cast<char>(1 << (bit % 8));
    uint32_t field;
    std::memcpy(&field, bytes.data() + (bit / 32) * 4, 4);
    std::string expected;
    if (bit < 64) {
      expected = "not a zeren archive (no .zrn magic at the start)";
    } else if (bit < 96) {
      expected = absl::StrFormat("corrupt archive: bad byte order mark 0x%08x", field);
    } else if (bit < 128) {
      expected = field == 0 ? "corrupt archive: format version 0"
                            : absl::StrCat("archive format version ", field,
                                           " is newer than this zeren reads (1)");
    } else if (bit < 160) {
      expected = field == 0 || field > 16
                     ? absl::StrCat("corrupt archive: ", field, " sections (1 to 16 allowed)")
                     : absl::StrCat("corrupt archive: header size 96 does not match ", field,
                                    " sections (", archive::HeaderSize(field), ")");
    } else if (bit < 192) {
      expected = absl::StrCat("corrupt archive: header size ", field,
                              " does not match 2 sections (96)");
    } else {
      expected = "corrupt archive: header checksum mismatch";
    }
    EXPECT_EQ(ErrorOf(bytes), expected) << "bit " << bit;
  }
}

TEST_F(DamagedArchiveTest, FlippedSectionBitsFailTheirChecksum) {
  std::mt19937 random(7);
  for (int k = 0; k < 400; ++k) {
    const size_t bit = header_size_ * 8 + random() % ((good_.size() - header_size_) * 8);
    std::string bytes = good_;
    bytes[bit / 8] ^= static_cast<char>(1 << (bit % 8));
    const bool model = bit / 8 < sections_[1].offset;
    EXPECT_EQ(ErrorOf(bytes), absl::StrCat("corrupt archive: section ", model ? 1 : 2, " (",
                                           model ? "model" : "snapshot", ") checksum mismatch"))
        << "bit " << bit;
  }
}

TEST_F(DamagedArchiveTest, ForeignAndNewerFilesAreRefused) {
  EXPECT_EQ(ErrorOf("PK\x03\x04 a zip file, not an archive"),
            "not a zeren archive (no .zrn magic at the start)");
  std::string bytes = good_;
  Poke<uint32_t>(&bytes, 12, 3);
  EXPECT_EQ(ErrorOf(bytes), "archive format version 3 is newer than this zeren reads (1)");
  archive::RepairChecksums(&bytes);
  EXPECT_EQ(ErrorOf(bytes), "archive format version 3 is newer than this zeren reads (1)");
  bytes = good_;
  Poke<uint32_t>(&bytes, 8, 0x04030201);
  EXPECT_EQ(ErrorOf(bytes),
            "archive written on a machine of the other byte order; this zeren reads only its own");
  bytes = good_ + "trailing";
  EXPECT_EQ(ErrorOf(bytes), "corrupt archive: 8 bytes after the last section");
}

TEST_F(DamagedArchiveTest, NewerSectionLayoutsAreRefused) {
  std::string bytes = good_;
  Poke<uint32_t>(&bytes, 24 + 4, 3);  // the model section's layout version
  archive::RepairChecksums(&bytes);
  EXPECT_EQ(ErrorOf(bytes), "model section layout version 3 is newer than this zeren reads (2)");
  bytes = good_;
  Poke<uint32_t>(&bytes, 24 + 32 + 4, 9);
  archive::RepairChecksums(&bytes);
  EXPECT_EQ(ErrorOf(bytes), "snapshot section layout version 9 is newer than this zeren reads (2)");
}

TEST_F(DamagedArchiveTest, AnOlderSnapshotLayoutIsCompiledAfresh) {
  std::string bytes = good_;
  Poke<uint32_t>(&bytes, 24 + 32 + 4, 1);  // layout 1 kept every person's appraisal sums
  archive::RepairChecksums(&bytes);
  absl::StatusOr<LoadedArchive> loaded = ArchiveFromBytes(bytes);
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  ASSERT_TRUE(loaded->snapshot.has_value());
  EXPECT_EQ(*ArchiveToBytes(loaded->model, &*loaded->snapshot), good_);
}

TEST_F(DamagedArchiveTest, AHugeSectionIsBoundedByTheFile) {
  std::string bytes = good_;
  Poke<uint64_t>(&bytes, 24 + 32 + 16, uint64_t{1} << 30);  // the snapshot claims 1 GB
  archive::RepairChecksums(&bytes);
  EXPECT_EQ(ErrorOf(bytes),
            absl::StrCat("truncated archive: ", bytes.size(),
                         " bytes, section 2 (snapshot) needs 1073741824 bytes from byte ",
                         sections_[1].offset));
}

// Hand-made sections with valid checksums: the decoder's own checks.
class CraftedArchiveTest : public testing::Test {
 protected:
  void SetUp() override {
    good_ = Bytes(Small(), true);
    sections_ = SectionsOf(good_);
    name_ = good_.find("archive-probe");
    ASSERT_NE(name_, std::string::npos);
  }

  std::string good_;
  std::vector<Section> sections_;
  size_t name_ = 0;  // where the model's name is; its 8-byte length comes just before
};

TEST_F(CraftedArchiveTest, AHugeCountIsBoundedByTheSection) {
  std::string bytes = good_;
  Poke<uint64_t>(&bytes, name_ - 8, uint64_t{1} << 40);
  archive::RepairChecksums(&bytes);
  const size_t left = sections_[0].offset + sections_[0].size - name_;
  EXPECT_EQ(ErrorOf(bytes), absl::StrCat("corrupt archive: model section: a count of "
                                         "1099511627776 exceeds the ",
                                         left, " bytes left in the section"));
}

TEST_F(CraftedArchiveTest, ANewerClassVersionIsRefused) {
  std::string bytes = good_;
  // ModelData's class information precedes its first field: a one-byte tracking flag,
  // then the class version as four bytes (1: with the member roster).
  ASSERT_EQ(bytes.substr(name_ - 13, 5), std::string("\0\x01\0\0\0", 5));
  bytes[name_ - 12] = 2;
  archive::RepairChecksums(&bytes);
  EXPECT_EQ(ErrorOf(bytes),
            "model section: class zeren::ModelData version 2 is newer than this zeren reads (1)");
}

TEST_F(CraftedArchiveTest, AnInvalidModelIsRefused) {
  std::string bytes = good_;
  const size_t unit = bytes.find("Unit One");
  bytes.replace(unit, 8, "Unit \xffne");  // free text must be valid UTF-8
  archive::RepairChecksums(&bytes);
  absl::StatusOr<LoadedArchive> loaded = ArchiveFromBytes(bytes);
  EXPECT_EQ(loaded.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(std::string(loaded.status().message()),
            "model section: units[0]: text is not valid UTF-8 or contains NUL");
}

TEST_F(CraftedArchiveTest, AnOutOfRangeSnapshotIndexIsRefused) {
  // In the snapshot, person_name ["Person One"] is followed by post_person: a count of 1
  // and the one post's person index, 0. Point it past the one person.
  std::string bytes = good_;
  const size_t name = bytes.find("Person One", sections_[1].offset);
  ASSERT_NE(name, std::string::npos);
  const size_t index = name + 10 + 8;
  ASSERT_EQ(bytes.substr(index - 8, 12), std::string("\x01\0\0\0\0\0\0\0\0\0\0\0", 12));
  Poke<uint32_t>(&bytes, index, 5);
  archive::RepairChecksums(&bytes);
  EXPECT_EQ(ErrorOf(bytes), "corrupt archive: snapshot section: snapshot array post_person entry "
                            "0 is 5, beyond 1");
  Poke<uint32_t>(&bytes, index, kNoIndex);
  archive::RepairChecksums(&bytes);
  EXPECT_EQ(ErrorOf(bytes), "corrupt archive: snapshot section: snapshot array post_person entry "
                            "0 is 4294967295, beyond 1");
}

TEST_F(CraftedArchiveTest, LeftoverBytesAreRefused) {
  // A model section with bytes after the model: the section grows by four.
  std::string bytes = good_.substr(0, sections_[0].offset + sections_[0].size) + "abcd" +
                      good_.substr(sections_[1].offset);
  Poke<uint64_t>(&bytes, 24 + 16, sections_[0].size + 4);
  Poke<uint64_t>(&bytes, 24 + 32 + 8, sections_[1].offset + 4);
  archive::RepairChecksums(&bytes);
  EXPECT_EQ(ErrorOf(bytes), "corrupt archive: model section: 4 bytes left over");
}

// ---- atomic saving ----

// A child saves over the file in a loop, two large archives in turn (the model with its
// snapshot, the model alone), and is killed at a random moment: whatever the moment, the
// file holds one whole archive or the other.
TEST(ArchiveTest, KillingASaveLeavesAWholeArchive) {
  TempDir dir;
  const std::string path = dir.File("org.zrn");
  const Model big = bench::SyntheticOrganization(3000, 6, 5);
  const Snapshot snapshot = *Snapshot::Compile(big);
  // Kills land within about two saves, timed here (sanitizers make them much slower).
  const auto start = std::chrono::steady_clock::now();
  ASSERT_TRUE(SaveArchive(path, big).ok());
  const auto save_us = std::chrono::duration_cast<std::chrono::microseconds>(
                           std::chrono::steady_clock::now() - start).count();
  const std::string alone = ReadAll(path);
  const std::string with_snapshot = Bytes(big, true);
  std::mt19937 random(42);
  int saw[2] = {0, 0};
  for (int round = 0; round < 8; ++round) {
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      for (int k = round;; ++k) {
        SaveArchive(path, big, k % 2 == 0 ? &snapshot : nullptr).IgnoreError();
      }
    }
    ::usleep(static_cast<useconds_t>(save_us / 2 + random() % (2 * save_us + 1)));
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status));
    absl::StatusOr<LoadedArchive> loaded = LoadArchive(path);
    ASSERT_TRUE(loaded.ok()) << loaded.status();
    const std::string now = ReadAll(path);
    ASSERT_TRUE(now == alone || now == with_snapshot) << "round " << round;
    ++saw[now == with_snapshot];
  }
  std::cout << "after 8 kills: " << saw[0] << " times the model alone, " << saw[1]
            << " times with its snapshot\n";
}

}  // namespace
}  // namespace zeren
