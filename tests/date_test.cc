#include "zeren/date.h"

#include "gtest/gtest.h"

namespace zeren {
namespace {

TEST(Date, ParsesIsoDatesAsDaysSinceEpoch) {
  EXPECT_EQ(ParseDate("1970-01-01"), 0);
  EXPECT_EQ(ParseDate("1970-01-02"), 1);
  EXPECT_EQ(ParseDate("1969-12-31"), -1);
  EXPECT_EQ(ParseDate("2025-03-01"), 20148);
  EXPECT_EQ(ParseDate("2024-02-29"), 19782);
}

TEST(Date, RejectsMalformedAndImpossibleDates) {
  for (const char* text : {"", "2025-3-01", "2025-02-30", "2023-02-29", "2025-13-01",
                           "2025-00-10", "0000-01-01", "2025/03/01", "2025-03-01T00", "２０２５-03-01",
                           "+025-03-01", "2025-03-0a"}) {
    EXPECT_EQ(ParseDate(text), std::nullopt) << text;
  }
}

TEST(Date, FormatsAndRoundTrips) {
  EXPECT_EQ(FormatDate(0), "1970-01-01");
  EXPECT_EQ(FormatDate(20148), "2025-03-01");
  for (const char* text : {"0001-01-01", "1999-12-31", "2000-02-29", "9999-12-31"}) {
    EXPECT_EQ(FormatDate(*ParseDate(text)), text);
  }
}

TEST(Interval, IsHalfOpen) {
  const Interval i{10, 20};
  EXPECT_FALSE(i.Contains(9));
  EXPECT_TRUE(i.Contains(10));
  EXPECT_TRUE(i.Contains(19));
  EXPECT_FALSE(i.Contains(20));
  EXPECT_TRUE(i.Touches(0, 10));
  EXPECT_FALSE(i.Touches(0, 9));
  EXPECT_TRUE(i.Touches(19, 30));
  EXPECT_FALSE(i.Touches(20, 30));
  EXPECT_TRUE(i.Overlaps({19, 25}));
  EXPECT_FALSE(i.Overlaps({20, 25}));
  EXPECT_TRUE(Interval{}.Contains(kBeginningOfTime));
  EXPECT_FALSE(Interval{}.Contains(kEndOfTime));  // the sentinel itself is never a day
}

}  // namespace
}  // namespace zeren
