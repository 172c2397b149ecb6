#include "src/io/csv_reader.h"

#include <sstream>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "src/io/csv_writer.h"

namespace zeren {
namespace {

using ::testing::ElementsAre;

using Records = std::vector<std::vector<std::string>>;

// Every record of `text` with the line it starts on, or the first error message.
struct Read {
  Records records;
  std::vector<int64_t> lines;
  std::string error;
};

Read ReadAll(CsvReader& reader) {
  Read out;
  std::vector<std::string> fields;
  while (true) {
    absl::StatusOr<bool> next = reader.Next(&fields);
    if (!next.ok()) {
      out.error = std::string(next.status().message());
      return out;
    }
    if (!*next) return out;
    out.records.push_back(fields);
    out.lines.push_back(reader.line());
  }
}

Read ReadText(const std::string& text) {
  CsvReader reader(text, "t.csv");
  return ReadAll(reader);
}

// The same through a stream, in the reader's blocks.
Read ReadStream(const std::string& text) {
  std::istringstream in(text);
  CsvReader reader(&in, "t.csv");
  return ReadAll(reader);
}

TEST(CsvReader, PlainRecords) {
  const Read r = ReadText("a,b,c\n1,2,3\n");
  EXPECT_EQ(r.error, "");
  EXPECT_EQ(r.records, (Records{{"a", "b", "c"}, {"1", "2", "3"}}));
  EXPECT_THAT(r.lines, ElementsAre(1, 2));
}

TEST(CsvReader, QuotedCommasAndDoubledQuotes) {
  const Read r = ReadText("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\"\"\"\",\"\"\n");
  EXPECT_EQ(r.error, "");
  EXPECT_EQ(r.records, (Records{{"a", "b"}, {"x, y", "say \"hi\""}, {"\"", ""}}));
}

TEST(CsvReader, EmbeddedNewlinesCountLines) {
  const Read r = ReadText("a,b\n\"one\ntwo\",\"x\r\ny\"\nnext,row\n");
  EXPECT_EQ(r.error, "");
  EXPECT_EQ(r.records, (Records{{"a", "b"}, {"one\ntwo", "x\r\ny"}, {"next", "row"}}));
  EXPECT_THAT(r.lines, ElementsAre(1, 2, 5));
}

TEST(CsvReader, ByteOrderMarkIsSkipped) {
  const Read r = ReadText("\xEF\xBB\xBF" "id,name\nu1,\xE5\x85\x9A\n");
  EXPECT_EQ(r.error, "");
  EXPECT_EQ(r.records, (Records{{"id", "name"}, {"u1", "\xE5\x85\x9A"}}));
}

TEST(CsvReader, ByteOrderMarkOnlyAtTheStart) {
  // Later, the bytes are text (valid UTF-8: U+FEFF) like any other.
  const Read r = ReadText("a\n\xEF\xBB\xBFx\n");
  EXPECT_EQ(r.records, (Records{{"a"}, {"\xEF\xBB\xBFx"}}));
}

TEST(CsvReader, CrLfLineEnds) {
  const Read r = ReadText("a,b\r\n1,2\r\n3,\r\n");
  EXPECT_EQ(r.error, "");
  EXPECT_EQ(r.records, (Records{{"a", "b"}, {"1", "2"}, {"3", ""}}));
  EXPECT_THAT(r.lines, ElementsAre(1, 2, 3));
}

TEST(CsvReader, MissingFinalNewline) {
  EXPECT_EQ(ReadText("a,b\n1,2").records, (Records{{"a", "b"}, {"1", "2"}}));
  EXPECT_EQ(ReadText("a,b\n1,\"2\"").records, (Records{{"a", "b"}, {"1", "2"}}));
  EXPECT_EQ(ReadText("a,b\n1,").records, (Records{{"a", "b"}, {"1", ""}}));
}

TEST(CsvReader, EmptyFields) {
  const Read r = ReadText("a,b,c\n,,\n\"\",,\"\"\n");
  EXPECT_EQ(r.error, "");
  EXPECT_EQ(r.records, (Records{{"a", "b", "c"}, {"", "", ""}, {"", "", ""}}));
}

TEST(CsvReader, EmptyLinesAreSkipped) {
  const Read r = ReadText("\na,b\n\n\r\n1,2\n\n");
  EXPECT_EQ(r.error, "");
  EXPECT_EQ(r.records, (Records{{"a", "b"}, {"1", "2"}}));
  EXPECT_THAT(r.lines, ElementsAre(2, 5));
}

TEST(CsvReader, EmptyInputHasNoRecords) {
  EXPECT_EQ(ReadText("").records, Records{});
  EXPECT_EQ(ReadText("\xEF\xBB\xBF").records, Records{});
  EXPECT_EQ(ReadText("").error, "");
}

TEST(CsvReader, RaggedRowIsAnError) {
  EXPECT_EQ(ReadText("a,b\n1,2\n1,2,3\n").error,
            "t.csv:3: expected 2 fields as in the header, found 3");
  EXPECT_EQ(ReadText("a,b\n\"x\ny\",2\n1\n").error,
            "t.csv:4: expected 2 fields as in the header, found 1");
}

TEST(CsvReader, UnterminatedQuoteIsAnErrorAtItsLine) {
  EXPECT_EQ(ReadText("a,b\n1,2\n3,\"four\nfive\n").error, "t.csv:3: a quoted field is not closed");
}

TEST(CsvReader, TextAfterClosingQuoteIsAnError) {
  EXPECT_EQ(ReadText("a,b\n\"x\"y,2\n").error,
            "t.csv:2: a quoted field must end at a comma or at the end of the line");
  EXPECT_EQ(ReadText("a,b\n\"x\ny\" ,2\n").error,
            "t.csv:3: a quoted field must end at a comma or at the end of the line");
}

TEST(CsvReader, QuoteInsideUnquotedFieldIsAnError) {
  EXPECT_EQ(ReadText("a,b\n5\" pipe,2\n").error,
            "t.csv:2: a quote inside an unquoted field (quote the whole field and double the quote)");
}

TEST(CsvReader, LoneCarriageReturnIsAnError) {
  EXPECT_EQ(ReadText("a,b\r1,2\n").error, "t.csv:1: a carriage return without a line feed");
  EXPECT_EQ(ReadText("a,b\n\r").error, "t.csv:2: a carriage return without a line feed");
}

TEST(CsvReader, InvalidUtf8IsAnErrorAtItsLine) {
  EXPECT_EQ(ReadText("a,b\nok,\xFF\n").error, "t.csv:2: invalid UTF-8");
  // Inside a quoted field, on its third line.
  EXPECT_EQ(ReadText("a,b\n\"1\n2\n\xE5\x85\",x\n").error, "t.csv:4: invalid UTF-8");
  // Overlong, surrogate, beyond U+10FFFF.
  EXPECT_EQ(ReadText("a\n\xC0\xAF\n").error, "t.csv:2: invalid UTF-8");
  EXPECT_EQ(ReadText("a\n\xED\xA0\x80\n").error, "t.csv:2: invalid UTF-8");
  EXPECT_EQ(ReadText("a\n\xF4\x90\x80\x80\n").error, "t.csv:2: invalid UTF-8");
  // In the header too.
  EXPECT_EQ(ReadText("a\xFE,b\n").error, "t.csv:1: invalid UTF-8");
}

TEST(CsvReader, NulIsAnError) {
  EXPECT_EQ(ReadText(std::string("a,b\nx,y\0z\n", 10)).error, "t.csv:2: a NUL byte");
}

TEST(CsvReader, ErrorsStay) {
  CsvReader reader(absl::string_view("a\n\"x\n"), "t.csv");
  std::vector<std::string> fields;
  ASSERT_TRUE(*reader.Next(&fields));
  EXPECT_EQ(reader.Next(&fields).status().message(), "t.csv:2: a quoted field is not closed");
  EXPECT_EQ(reader.Next(&fields).status().message(), "t.csv:2: a quoted field is not closed");
  EXPECT_EQ(reader.error_line(), 2);
  EXPECT_EQ(reader.error_message(), "a quoted field is not closed");
}

TEST(CsvReader, RecordSizeIsBounded) {
  // An unclosed quote early in a large input stops at the limit instead of buffering on.
  std::string text = "a\n\"";
  text.append(CsvReader::kMaxRecordBytes + 10, 'x');
  EXPECT_EQ(ReadStream(text).error, "t.csv:2: a record longer than 67108864 bytes");
}

TEST(CsvReader, StreamAcrossBlocksMatchesMemory) {
  // Fields, quotes, CRLFs and multi-byte characters straddling the 64 KiB block edges.
  std::string text = "id,text,n\r\n";
  for (int i = 0; i < 5000; ++i) {
    text += std::to_string(i) + ",\"line one, \"\"quoted\"\"\r\n\xE5\x85\x9A line two\"," +
            std::string(static_cast<size_t>(i % 37), 'z') + "\r\n";
  }
  const Read memory = ReadText(text);
  const Read stream = ReadStream(text);
  EXPECT_EQ(memory.error, "");
  EXPECT_EQ(stream.error, "");
  ASSERT_EQ(stream.records.size(), 5001u);
  EXPECT_EQ(stream.records, memory.records);
  EXPECT_EQ(stream.lines, memory.lines);
  EXPECT_EQ(stream.lines.back(), 1 + 2 * 4999 + 1);
  EXPECT_EQ(stream.records[4000][1], "line one, \"quoted\"\r\n\xE5\x85\x9A line two");
}

TEST(CsvWriter, QuotesOnlyWhenNeeded) {
  std::string out;
  CsvWriter writer(&out);
  for (const char* field : {"plain", "", "a,b", "say \"hi\"", "two\nlines", "cr\r", " spaced "}) {
    writer.Field(field);
  }
  writer.EndRecord();
  writer.Field("x");
  writer.EndRecord();
  EXPECT_EQ(out, "plain,,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\r\", spaced \nx\n");
}

TEST(CsvWriter, ReadsBackExactly) {
  const std::vector<std::string> fields = {"", ",", "\"", "\r\n", "\n\n", "\xE5\x85\x9A,\"x\"", "end"};
  std::string out;
  CsvWriter writer(&out);
  for (const std::string& f : fields) writer.Field(f);
  writer.EndRecord();
  EXPECT_EQ(ReadText(out).records, (Records{fields}));
}

}  // namespace
}  // namespace zeren
