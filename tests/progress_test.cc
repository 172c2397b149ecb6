// The progress bar: exact bytes on a terminal, nothing at all elsewhere.
#include "tools/progress.h"

#include <unistd.h>

#include <sstream>
#include <string>

#include "absl/time/time.h"
#include "gtest/gtest.h"

namespace zeren::cli {
namespace {

// A clock the test moves by hand.
struct FakeClock {
  absl::Time now = absl::UnixEpoch();
  Progress::Clock AsClock() {
    return [this] { return now; };
  }
};

TEST(ProgressTest, FrameIsStageBarAndPercentage) {
  EXPECT_EQ(Progress::Frame("loading", 0.5),
            "\rloading      [###############...............]  50%\x1b[K");
  EXPECT_EQ(Progress::Frame("rendering", 1), "\rrendering    [##############################] 100%\x1b[K");
  EXPECT_EQ(Progress::Frame("x", -3), "\rx            [..............................]   0%\x1b[K");
  EXPECT_EQ(Progress::Frame("x", 7), Progress::Frame("x", 1));
}

TEST(ProgressTest, TerminalDrawsThrottledFramesAndEndsTheLine) {
  FakeClock clock;
  std::ostringstream out;
  {
    Progress progress(out, /*enabled=*/true, clock.AsClock(), absl::Milliseconds(100));
    progress.Update("loading", 0);
    clock.now += absl::Milliseconds(50);
    progress.Update("loading", 0.2);  // too soon: skipped
    clock.now += absl::Milliseconds(60);
    progress.Update("loading", 0.3);
    clock.now += absl::Milliseconds(1);
    progress.Update("assessing", 0.4);  // a new stage draws at once
    clock.now += absl::Milliseconds(200);
    progress.Update("assessing", 0.4);  // the same frame again: nothing
    progress.Finish();
  }
  EXPECT_EQ(out.str(), Progress::Frame("loading", 0) + Progress::Frame("loading", 0.3) +
                           Progress::Frame("assessing", 0.4) + Progress::Frame("assessing", 1) + "\n");
}

TEST(ProgressTest, FinishAfterAFullBarOnlyEndsTheLine) {
  FakeClock clock;
  std::ostringstream out;
  Progress progress(out, true, clock.AsClock());
  progress.Update("writing", 1);
  progress.Finish();
  progress.Finish();  // once only
  EXPECT_EQ(out.str(), Progress::Frame("writing", 1) + "\n");
}

TEST(ProgressTest, ClearErasesTheBarForAMessage) {
  FakeClock clock;
  std::ostringstream out;
  {
    Progress progress(out, true, clock.AsClock());
    progress.Update("loading", 0.1);
    progress.Clear();
    out << "error\n";
  }  // nothing left to clear
  EXPECT_EQ(out.str(), Progress::Frame("loading", 0.1) + "\r\x1b[K" + "error\n");
}

TEST(ProgressTest, NotATerminalWritesNothing) {
  FakeClock clock;
  std::ostringstream out;
  {
    Progress progress(out, /*enabled=*/false, clock.AsClock());
    progress.Update("loading", 0);
    clock.now += absl::Seconds(1);
    progress.Update("rendering", 0.9);
    progress.Clear();
    progress.Finish();
  }
  EXPECT_EQ(out.str(), "");
}

TEST(ProgressTest, DestructorClearsAnUnfinishedBar) {
  FakeClock clock;
  std::ostringstream out;
  { Progress(out, true, clock.AsClock()).Update("loading", 0.5); }
  EXPECT_EQ(out.str(), Progress::Frame("loading", 0.5) + "\r\x1b[K");
}

TEST(ProgressTest, PipesAndBadDescriptorsAreNotTerminals) {
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  EXPECT_FALSE(IsTerminal(fds[0]));
  EXPECT_FALSE(IsTerminal(fds[1]));
  close(fds[0]);
  close(fds[1]);
  EXPECT_FALSE(IsTerminal(-1));
}

}  // namespace
}  // namespace zeren::cli
