#include "tools/table.h"

#include "gtest/gtest.h"

namespace zeren::cli {
namespace {

TEST(DisplayWidth, CountsWideCharactersAsTwoColumns) {
  EXPECT_EQ(DisplayWidth(""), 0u);
  EXPECT_EQ(DisplayWidth("abc"), 3u);
  EXPECT_EQ(DisplayWidth("党支部"), 6u);
  EXPECT_EQ(DisplayWidth("办公厅 (d01)"), 12u);
  EXPECT_EQ(DisplayWidth("（空缺）"), 8u);  // fullwidth parentheses
  EXPECT_EQ(DisplayWidth("e\xCC\x81"), 1u);  // e + combining acute accent
  EXPECT_EQ(DisplayWidth("\xFF"), 1u);       // a malformed byte still takes a column
}

TEST(Table, AlignsMixedScriptColumns) {
  Table table({"unit", "who"});
  table.AddRow({"党组 (org)", "张明远"});
  table.AddRow({"b1", "Li"});
  EXPECT_EQ(table.Render(),
            "unit        who\n"
            "----------  ------\n"
            "党组 (org)  张明远\n"
            "b1          Li\n");
}

}  // namespace
}  // namespace zeren::cli
