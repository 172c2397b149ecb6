// SequentialGuess: the last position and the next are tried before the hashed lookup.
#include "src/model/sequential_guess.h"

#include <optional>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace zeren {
namespace {

class SequentialGuessTest : public testing::Test {
 protected:
  // Finds `id` among ids_, counting the hashed lookups.
  std::optional<uint32_t> Find(const std::string& id) {
    auto id_at = [&](uint32_t i) -> absl::string_view { return ids_[i]; };
    auto find = [&](absl::string_view key) -> std::optional<uint32_t> {
      ++hashed_;
      for (uint32_t i = 0; i < ids_.size(); ++i) {
        if (ids_[i] == key) return i;
      }
      return std::nullopt;
    };
    return guess_.Find(id, static_cast<uint32_t>(ids_.size()), id_at, find);
  }

  std::vector<std::string> ids_ = {"a", "b", "c", "d"};
  SequentialGuess guess_;
  int hashed_ = 0;
};

TEST_F(SequentialGuessTest, TheFirstLookupIsHashed) {
  EXPECT_EQ(Find("c"), 2u);
  EXPECT_EQ(hashed_, 1);
}

TEST_F(SequentialGuessTest, TheSameIdAgainAndTheNextOneAreNotHashed) {
  EXPECT_EQ(Find("a"), 0u);
  EXPECT_EQ(Find("a"), 0u);
  EXPECT_EQ(Find("b"), 1u);
  EXPECT_EQ(Find("c"), 2u);
  EXPECT_EQ(Find("d"), 3u);
  EXPECT_EQ(Find("d"), 3u);
  EXPECT_EQ(hashed_, 1);
}

TEST_F(SequentialGuessTest, AJumpIsHashedAndGuessesGoOnFromThere) {
  EXPECT_EQ(Find("d"), 3u);
  EXPECT_EQ(Find("a"), 0u);
  EXPECT_EQ(hashed_, 2);
  EXPECT_EQ(Find("b"), 1u);
  EXPECT_EQ(hashed_, 2);
}

TEST_F(SequentialGuessTest, AnUnknownIdIsNotFoundAndKeepsTheLastPosition) {
  EXPECT_EQ(Find("b"), 1u);
  EXPECT_EQ(Find("zz"), std::nullopt);
  EXPECT_EQ(hashed_, 2);
  EXPECT_EQ(Find("c"), 2u);
  EXPECT_EQ(hashed_, 2);
}

TEST_F(SequentialGuessTest, NoIdsFindNothing) {
  ids_.clear();
  EXPECT_EQ(Find("a"), std::nullopt);
  EXPECT_EQ(Find(""), std::nullopt);
  EXPECT_EQ(hashed_, 2);
}

}  // namespace
}  // namespace zeren
