#include "tools/progress.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <ostream>
#include <utility>

#include "absl/strings/str_format.h"

namespace zeren::cli {
namespace {

constexpr int kBarWidth = 30;

}  // namespace

bool IsTerminal(int fd) { return isatty(fd) == 1; }

Progress::Progress(std::ostream& out, bool enabled, Clock clock, absl::Duration interval)
    : out_(out), enabled_(enabled), clock_(std::move(clock)), interval_(interval) {}

Progress::~Progress() { Clear(); }

std::string Progress::Frame(absl::string_view stage, double done) {
  done = std::clamp(done, 0.0, 1.0);
  const int filled = static_cast<int>(std::floor(done * kBarWidth));
  return absl::StrFormat("\r%-12s [%s%s] %3d%%\x1b[K", stage, std::string(filled, '#'),
                         std::string(kBarWidth - filled, '.'), static_cast<int>(std::floor(done * 100)));
}

void Progress::Update(absl::string_view stage, double done) {
  if (!enabled_) return;
  const absl::Time now = clock_();
  if (stage == stage_ && now - last_draw_ < interval_) return;
  std::string frame = Frame(stage, done);
  stage_ = std::string(stage);
  last_draw_ = now;
  if (frame == last_frame_) return;
  out_ << frame << std::flush;
  last_frame_ = std::move(frame);
  drawn_ = true;
}

void Progress::Finish() {
  if (!enabled_ || !drawn_) return;
  const std::string frame = Frame(stage_, 1);
  out_ << (frame == last_frame_ ? "" : frame) << "\n" << std::flush;
  drawn_ = false;
}

void Progress::Clear() {
  if (!enabled_ || !drawn_) return;
  out_ << "\r\x1b[K" << std::flush;
  drawn_ = false;
  last_frame_.clear();
}

}  // namespace zeren::cli
