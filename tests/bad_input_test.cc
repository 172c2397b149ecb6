// `zeren validate` on hostile and broken input: each file of tests/data/bad gives exactly
// the exit code and output its row of tests/data/bad/expected.tsv says, and very large
// inputs generated here (not committed) fail or pass with exact output in bounded time and
// memory.
#include <sys/resource.h>
#include <sys/wait.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"

namespace {

struct Outcome {
  int exit_code = -1;
  std::string output;  // stdout and stderr, trailing newline removed
  double cpu_seconds = 0;  // of the program run
};

// The largest resident set of any child so far, in MiB.
long ChildPeakMiB() {
  rusage usage{};
  getrusage(RUSAGE_CHILDREN, &usage);
  return usage.ru_maxrss / 1024;
}

// CPU seconds (user and system) of the children waited for so far: unlike wall time, it
// does not depend on what else the machine is doing.
double ChildCpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_CHILDREN, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// Runs `zeren validate PATH` with `env` (NAME=VALUE or empty) in a shell.
Outcome Validate(const std::string& path, const std::string& env = "") {
  const std::string command =
      absl::StrCat(env, env.empty() ? "" : " ", "'", ZEREN_CLI, "' validate '", path, "' 2>&1");
  const double cpu_before = ChildCpuSeconds();
  Outcome run;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return run;
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) run.output.append(buffer, n);
  const int status = pclose(pipe);
  run.cpu_seconds = ChildCpuSeconds() - cpu_before;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  while (!run.output.empty() && run.output.back() == '\n') run.output.pop_back();
  return run;
}

// ---- the committed corpus ----

struct Row {
  std::string file;
  int exit_code;
  std::string output;  // "\n" between lines; {FILE} stands for the file's path
};

void PrintTo(const Row& row, std::ostream* os) { *os << row.file; }

std::vector<Row> ReadTable() {
  std::ifstream in(ZEREN_BAD_DATA "/expected.tsv");
  std::vector<Row> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields = absl::StrSplit(line, absl::MaxSplits('\t', 2));
    if (fields.size() != 3) {
      ADD_FAILURE() << "expected.tsv: not three tab-separated fields: " << line;
      continue;
    }
    rows.push_back({fields[0], std::atoi(fields[1].c_str()),
                    absl::StrReplaceAll(fields[2], {{"\\n", "\n"}, {"\\t", "\t"}})});
  }
  return rows;
}

class BadFile : public testing::TestWithParam<Row> {};

TEST_P(BadFile, ExitCodeAndOutput) {
  const Row& row = GetParam();
  const std::string path = absl::StrCat(ZEREN_BAD_DATA, "/", row.file);
  const Outcome run = Validate(path);
  EXPECT_EQ(run.exit_code, row.exit_code);
  EXPECT_EQ(run.output, absl::StrReplaceAll(row.output, {{"{FILE}", path}}));
}

INSTANTIATE_TEST_SUITE_P(Corpus, BadFile, testing::ValuesIn(ReadTable()),
                         [](const testing::TestParamInfo<Row>& info) {
                           std::string name = info.param.file;
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

// Every file of the folder has a row, so that a new file cannot go untested.
TEST(BadCorpus, EveryFileHasARow) {
  std::vector<std::string> listed;
  for (const Row& row : ReadTable()) listed.push_back(row.file);
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(ZEREN_BAD_DATA)) {
    const std::string name = entry.path().filename().string();
    if (name != "expected.tsv") files.push_back(name);
  }
  std::sort(files.begin(), files.end());
  std::sort(listed.begin(), listed.end());
  EXPECT_EQ(files, listed);
  EXPECT_GE(files.size(), 40u);
}

// ---- very large inputs, generated ----

class LargeInput : public testing::Test {
 protected:
  std::string Write(const std::string& name, const std::string& text) {
    const std::string path = absl::StrCat(testing::TempDir(), "zeren_bad_", name);
    std::ofstream(path, std::ios::binary) << text;
    paths_.push_back(path);
    return path;
  }
  ~LargeInput() override {
    for (const std::string& path : paths_) std::remove(path.c_str());
  }

  static constexpr const char* kHead = R"({"format": "zeren-model", "version": 1, )";
  std::vector<std::string> paths_;
};

// Bounds for a Debug + ASan build (CPU time, so a busy machine does not matter); a release
// build is several times faster and smaller.
constexpr double kCpuSeconds = 90;
constexpr long kMiB = 4096;

TEST_F(LargeInput, AMillionDuplicateIds) {
  std::string text = absl::StrCat(kHead, R"("units": [)");
  for (int i = 0; i < 1000000; ++i) {
    absl::StrAppend(&text, i == 0 ? "" : ",", R"({"id": "u", "name": "U", "kind": "branch"})");
  }
  text += "]}";
  const std::string path = Write("duplicates.json", text);
  text.clear();
  const Outcome run = Validate(path);
  std::string expected;
  for (int i = 1; i <= 100; ++i) {
    absl::StrAppend(&expected, path, ": units[", i, "].id: duplicate id \"u\" (first at units[0])\n");
  }
  absl::StrAppend(&expected, path, ": … and 999899 more problems");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.output, expected);
  EXPECT_LT(run.cpu_seconds, kCpuSeconds);
  EXPECT_LT(ChildPeakMiB(), kMiB);
}

TEST_F(LargeInput, AMillionPeople) {
  std::string text = absl::StrCat(kHead, R"("units": [], "people": [)");
  for (int i = 0; i < 1000000; ++i) {
    absl::StrAppend(&text, i == 0 ? "" : ",", R"({"id": "p)", i, R"(", "name": "P"})");
  }
  text += "]}";
  const std::string path = Write("people.json", text);
  text.clear();
  const Outcome run = Validate(path);
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.output, path + ": valid (0 units, 1000000 people, 0 posts, 0 links)");
  EXPECT_LT(run.cpu_seconds, kCpuSeconds);
  EXPECT_LT(ChildPeakMiB(), kMiB);
}

TEST_F(LargeInput, AMillionElementArrayOfTheWrongType) {
  std::string text = absl::StrCat(kHead, R"("units": [)");
  for (int i = 0; i < 1000000; ++i) absl::StrAppend(&text, i == 0 ? "" : ",", "0");
  text += "]}";
  const std::string path = Write("numbers.json", text);
  text.clear();
  const Outcome run = Validate(path);
  std::string expected;
  for (int i = 0; i < 100; ++i) {
    absl::StrAppend(&expected, path, ": units[", i, "]: expected an object, found a number\n");
  }
  absl::StrAppend(&expected, path, ": … and 999900 more problems");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.output, expected);
  EXPECT_LT(run.cpu_seconds, kCpuSeconds);
  EXPECT_LT(ChildPeakMiB(), kMiB);
}

TEST_F(LargeInput, AHundredMegabyteString) {
  const std::string path = Write(
      "string.json", absl::StrCat(kHead, R"("units": [], "name": ")", std::string(100 << 20, 'a'),
                                  R"("})"));
  const Outcome run = Validate(path);
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.output, path + ": name: string longer than 1048576 bytes");
  EXPECT_LT(run.cpu_seconds, kCpuSeconds);
  EXPECT_LT(ChildPeakMiB(), kMiB);
}

TEST_F(LargeInput, AHundredThousandOpenBrackets) {
  const std::string path = Write("brackets.json", std::string(100000, '['));
  const Outcome run = Validate(path);
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.output, path + ": line 1, column 65: nesting deeper than 64 levels");
}

// The size limit is checked before the document is read whole.
TEST_F(LargeInput, ADocumentOverTheSizeLimit) {
  const std::string path = Write("size.json", absl::StrCat(kHead, R"("units": []})"));
  const Outcome over = Validate(path, "ZEREN_MAX_DOCUMENT_BYTES=40");
  EXPECT_EQ(over.exit_code, 1);
  EXPECT_EQ(over.output,
            path + ": the document is more than 40 bytes, the limit (ZEREN_MAX_DOCUMENT_BYTES)");
  // Exactly at the limit is fine; a malformed setting keeps the default.
  const std::string size = std::to_string(std::string(kHead).size() + 13);
  EXPECT_EQ(Validate(path, "ZEREN_MAX_DOCUMENT_BYTES=" + size).exit_code, 0);
  EXPECT_EQ(Validate(path, "ZEREN_MAX_DOCUMENT_BYTES=12kB").exit_code, 0);
  EXPECT_EQ(Validate(path, "ZEREN_MAX_DOCUMENT_BYTES=0").exit_code, 0);
}

// A device that never ends costs no more than the limit.
TEST_F(LargeInput, AnEndlessFile) {
  const Outcome run = Validate("/dev/zero", "ZEREN_MAX_DOCUMENT_BYTES=1000000");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.output,
            "/dev/zero: the document is more than 1000000 bytes, the limit "
            "(ZEREN_MAX_DOCUMENT_BYTES)");
}

}  // namespace
