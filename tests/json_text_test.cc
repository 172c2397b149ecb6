#include "src/io/json_text.h"

#include <cstdlib>
#include <string>

#include "gtest/gtest.h"

namespace zeren::json_text {
namespace {

std::string Number(double d) {
  std::string out;
  WriteNumber(d, &out);
  return out;
}

std::string Error(const std::string& text) {
  auto parsed = Parse(text);
  EXPECT_FALSE(parsed.ok()) << text;
  return parsed.ok() ? "" : std::string(parsed.status().message());
}

TEST(JsonText, ParsesNumbersExactly) {
  for (const char* text : {"0.1", "0.30000000000000004", "1.7976931348623157e308",
                           "4.9406564584124654e-324", "2.2250738585072011e-308",
                           "0.1000000000000000055511151231257827021181583404541015625",
                           "123456789.12345678901234567890", "-0.6"}) {
    auto parsed = Parse(std::string("[") + text + "]");
    ASSERT_TRUE(parsed.ok()) << text;
    EXPECT_EQ(parsed->as_array()[0].as_double(), std::strtod(text, nullptr)) << text;
  }
  auto integers = Parse("[42, -7, 18446744073709551615]");
  ASSERT_TRUE(integers.ok());
  EXPECT_EQ(integers->as_array()[0].as_int64(), 42);
  EXPECT_EQ(integers->as_array()[1].as_int64(), -7);
  EXPECT_EQ(integers->as_array()[2].as_uint64(), 18446744073709551615u);
}

TEST(JsonText, RejectsNumbersBeyondDouble) {
  EXPECT_EQ(Error(R"({"a": [1, {"b": 1e400}]})"),
            "a[1].b: number 1e400 is out of range for a finite double");
  EXPECT_EQ(Error("[-1e999]"), "[0]: number -1e999 is out of range for a finite double");
}

TEST(JsonText, RejectsDuplicateKeysByPath) {
  EXPECT_EQ(Error(R"({"units": [{"id": "a"}, {"id": "b", "id": "c"}]})"),
            "units[1].id: duplicate key \"id\"");
  // The same key in sibling objects is fine.
  EXPECT_TRUE(Parse(R"([{"id": 1}, {"id": 2}])").ok());
}

TEST(JsonText, NamesLineAndColumnOfSyntaxErrors) {
  EXPECT_EQ(Error("{\n  \"a\": 1,\n  \"b\" 2\n}"), "line 3, column 7: syntax error");
  EXPECT_EQ(Error("[1] x"), "line 1, column 5: unexpected data after the document");
  EXPECT_EQ(Error("[\"caf\xC3\""), "line 1, column 6: invalid UTF-8");
  EXPECT_EQ(Error(std::string(65, '[') + std::string(65, ']')),
            "line 1, column 65: nesting deeper than 64 levels");
  EXPECT_TRUE(Parse(std::string(64, '[') + std::string(64, ']')).ok());
}

TEST(JsonText, RejectsStringsAndKeysOverTheLimitByPath) {
  const std::string over(kMaxStringBytes + 1, 'x');
  EXPECT_EQ(Error(R"({"a": [1, ")" + over + R"("]})"), "a[1]: string longer than 1048576 bytes");
  EXPECT_EQ(Error("\"" + over + "\""), "the document: string longer than 1048576 bytes");
  // A key: the path is its object's, since the key is too long to show.
  EXPECT_EQ(Error(R"({"a": {")" + over + R"(": 1}})"), "a: a key longer than 1048576 bytes");
  EXPECT_EQ(Error(R"({")" + over + R"(": 1})"), "the document: a key longer than 1048576 bytes");
  // Escapes count once unescaped; exactly the limit is fine.
  EXPECT_TRUE(Parse("[\"" + std::string(kMaxStringBytes - 2, 'x') + "\\n\\t\"]").ok());
  EXPECT_EQ(Error("[\"" + std::string(kMaxStringBytes, 'x') + "\\n\"]"),
            "[0]: string longer than 1048576 bytes");
}

TEST(JsonText, NamesByteOrderMarks) {
  EXPECT_EQ(Error("\xEF\xBB\xBF{}"),
            "line 1, column 1: a UTF-8 byte order mark; JSON text must start without one");
  EXPECT_EQ(Error(std::string("\xFF\xFE{\0}\0", 6)),
            "line 1, column 1: UTF-16 text (byte order mark); JSON text must be UTF-8");
}

TEST(JsonText, WritesShortestPlainDecimals) {
  EXPECT_EQ(Number(0.1), "0.1");
  EXPECT_EQ(Number(0.6), "0.6");
  EXPECT_EQ(Number(2.0), "2");
  EXPECT_EQ(Number(-0.25), "-0.25");
  EXPECT_EQ(Number(1e21), "1000000000000000000000");
  EXPECT_EQ(Number(1e23), "100000000000000000000000");  // shortest digits, not 99999999999999991611392
  EXPECT_EQ(Number(1e300), "1" + std::string(300, '0'));
  EXPECT_EQ(Number(1.5e-7), "0.00000015");
  EXPECT_EQ(Number(123.456), "123.456");
  EXPECT_EQ(Number(-0.0), "-0.0");
  EXPECT_EQ(Number(5e-324), "0." + std::string(323, '0') + "5");
  EXPECT_EQ(Number(1e-7), "0.0000001");
  EXPECT_EQ(Number(0.30000000000000004), "0.30000000000000004");
}

TEST(JsonText, PrettyPrintsWithFlatScalarContainers) {
  auto value = Parse(R"({"name": "x", "list": [1, 2.5, "三"], "nested": {"deep": [{"a": 1}]}})");
  ASSERT_TRUE(value.ok());
  EXPECT_EQ(WritePretty(*value),
            "{\n"
            "  \"name\": \"x\",\n"
            "  \"list\": [1, 2.5, \"三\"],\n"
            "  \"nested\": {\n"
            "    \"deep\": [\n"
            "      {\"a\": 1}\n"
            "    ]\n"
            "  }\n"
            "}\n");
}

}  // namespace
}  // namespace zeren::json_text
