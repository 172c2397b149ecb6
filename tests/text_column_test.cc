// TextColumn and IdColumn: texts back to back, and ids found through a hash index.
#include <cstring>
#include <optional>
#include <string>
#include <utility>

#include "gtest/gtest.h"
#include "zeren/id_column.h"
#include "zeren/text_column.h"

namespace zeren {
namespace {

TextColumn Texts(std::initializer_list<const char*> texts) {
  TextColumn column;
  for (const char* text : texts) EXPECT_TRUE(column.Add(text));
  return column;
}

TEST(TextColumn, KeepsEachTextEndingInNul) {
  const TextColumn column = Texts({"u01", "", "\xE7\xAC\xAC\xE4\xB8\x80\xE6\x94\xAF\xE9\x83\xA8"});
  ASSERT_EQ(column.size(), 3u);
  EXPECT_EQ(column[0], "u01");
  EXPECT_EQ(column[1], "");
  EXPECT_EQ(column[2], "\xE7\xAC\xAC\xE4\xB8\x80\xE6\x94\xAF\xE9\x83\xA8");
  EXPECT_STREQ(column[0].data(), "u01");  // a C string for the C API
  EXPECT_STREQ(column[1].data(), "");
  EXPECT_EQ(std::strlen(column[2].data()), 12u);
}

TEST(TextColumn, ReserveGivesRoomForTheTextsAndTheirNuls) {
  TextColumn column;
  EXPECT_TRUE(column.empty());
  column.Reserve(2, 9);  // "abc" and "defg" with their NULs
  const size_t reserved = column.ByteSize();
  EXPECT_GE(reserved, 2 * sizeof(uint32_t) + 9);
  EXPECT_TRUE(column.Add("abc"));
  EXPECT_TRUE(column.Add("defg"));
  EXPECT_EQ(column.ByteSize(), reserved);  // nothing grew
  EXPECT_EQ(column[1], "defg");
}

TEST(IdColumn, FindsEachIdAndNothingElse) {
  const IdColumn ids(Texts({"u03", "u01", "p0000042", "u1"}));
  ASSERT_EQ(ids.size(), 4u);
  EXPECT_EQ(ids[2], "p0000042");
  EXPECT_EQ(ids.Find("u03"), 0u);
  EXPECT_EQ(ids.Find("u01"), 1u);
  EXPECT_EQ(ids.Find("p0000042"), 2u);
  EXPECT_EQ(ids.Find("u1"), 3u);
  EXPECT_EQ(ids.Find("u0"), std::nullopt);
  EXPECT_EQ(ids.Find("u011"), std::nullopt);
  EXPECT_EQ(ids.Find(""), std::nullopt);
}

TEST(IdColumn, ARepeatedIdIsFoundAtItsFirstPlace) {
  const IdColumn ids(Texts({"a", "b", "a", "b"}));
  EXPECT_EQ(ids.Find("a"), 0u);
  EXPECT_EQ(ids.Find("b"), 1u);
  EXPECT_EQ(ids[2], "a");
}

// The index holds one position for an id however often it repeats: a column of one id
// repeated 300,000 times builds at once (when the repeats went in too, each insertion
// walked past all the earlier ones).
TEST(IdColumn, ManyRepeatsOfOneIdIndexItOnce) {
  TextColumn texts;
  for (int i = 0; i < 300000; ++i) ASSERT_TRUE(texts.Add("same"));
  ASSERT_TRUE(texts.Add("other"));
  const IdColumn ids(std::move(texts));
  EXPECT_EQ(ids.size(), 300001u);
  EXPECT_EQ(ids.Find("same"), 0u);
  EXPECT_EQ(ids.Find("other"), 300000u);
}

TEST(IdColumn, EmptyFindsNothing) {
  const IdColumn ids;
  EXPECT_TRUE(ids.empty());
  EXPECT_EQ(ids.Find("u01"), std::nullopt);
  EXPECT_EQ(ids.Find(""), std::nullopt);
}

TEST(IdColumn, CopiesShareTheIdsAndStillFindThem) {
  std::optional<IdColumn> original(IdColumn(Texts({"x1", "x2"})));
  const IdColumn copy = *original;
  EXPECT_EQ(copy[1].data(), (*original)[1].data());
  original.reset();  // the copy keeps the texts and the index alive
  EXPECT_EQ(copy.Find("x2"), 1u);
  IdColumn assigned;
  assigned = copy;
  EXPECT_EQ(assigned.Find("x1"), 0u);
}

TEST(IdColumn, ManyIdsAreAllFound) {
  TextColumn texts;
  for (int i = 0; i < 10000; ++i) ASSERT_TRUE(texts.Add("m" + std::to_string(i * 7)));
  const size_t text_bytes = texts.ByteSize();
  const IdColumn ids(std::move(texts));
  for (uint32_t i = 0; i < 10000; ++i) {
    ASSERT_EQ(ids.Find("m" + std::to_string(i * 7)), i);
    ASSERT_EQ(ids.Find("m" + std::to_string(i * 7 + 1)), std::nullopt);
  }
  // The index: at most 11 bytes an id (a hash map of string_views takes 28 or more).
  EXPECT_LE(ids.ByteSize() - text_bytes, 11u * 10000);
}

}  // namespace
}  // namespace zeren
