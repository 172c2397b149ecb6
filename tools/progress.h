// A progress bar for long commands. It draws on a terminal only: on anything else (a
// pipe, a file, a test's stream) and with --quiet it writes nothing at all, so that logs
// and scripted output stay clean.
#ifndef ZEREN_TOOLS_PROGRESS_H_
#define ZEREN_TOOLS_PROGRESS_H_

#include <functional>
#include <iosfwd>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace zeren::cli {

// Whether file descriptor `fd` is a terminal.
bool IsTerminal(int fd);

class Progress {
 public:
  using Clock = std::function<absl::Time()>;

  // Draws on `out` when `enabled` (the stream is a terminal and no --quiet), redrawing at
  // most once per `interval` of `clock` unless the stage changes.
  Progress(std::ostream& out, bool enabled, Clock clock = absl::Now,
           absl::Duration interval = absl::Milliseconds(100));
  // Clears the bar if one is still showing (the work stopped short of Finish).
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // `done` of the whole work (0 to 1, clamped) while in `stage`.
  void Update(absl::string_view stage, double done);
  // Draws the full bar and ends its line; nothing when nothing was drawn.
  void Finish();
  // Erases the bar, so that a message can take its line; nothing when nothing was drawn.
  void Clear();

  // One frame: "\r" + the stage padded to 12 columns, the bar, the percentage, and "erase
  // to the end of the line", so a shorter frame leaves nothing of a longer one behind.
  static std::string Frame(absl::string_view stage, double done);

 private:
  std::ostream& out_;
  bool enabled_;
  Clock clock_;
  absl::Duration interval_;
  absl::Time last_draw_ = absl::InfinitePast();
  std::string stage_, last_frame_;
  bool drawn_ = false;
};

}  // namespace zeren::cli

#endif  // ZEREN_TOOLS_PROGRESS_H_
