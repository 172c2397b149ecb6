// RenderDot: Graphviz's `dot` as a child process, fed and read through pipes.
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "zeren/picture.h"

extern char** environ;

namespace zeren {
namespace {

// The first executable `name` in the folders of PATH (as execvp would search it), or
// nullopt.
std::optional<std::string> FindOnPath(absl::string_view name) {
  const char* path = std::getenv("PATH");
  for (absl::string_view folder : absl::StrSplit(path != nullptr ? path : "/usr/bin:/bin", ':')) {
    const std::string candidate = absl::StrCat(folder.empty() ? "." : folder, "/", name);
    struct stat info;
    if (stat(candidate.c_str(), &info) == 0 && S_ISREG(info.st_mode) &&
        access(candidate.c_str(), X_OK) == 0) {
      return candidate;
    }
  }
  return std::nullopt;
}

absl::Status Failed(absl::string_view what) {
  return absl::InternalError(absl::StrCat("cannot run Graphviz `dot`: ", what, ": ",
                                          std::strerror(errno)));
}

// The file descriptors of one child process: closed when it goes out of scope.
class Pipes {
 public:
  ~Pipes() {
    for (int& fd : fds_) Close(fd);
  }
  bool Open() {
    return pipe2(&fds_[0], O_CLOEXEC) == 0 && pipe2(&fds_[2], O_CLOEXEC) == 0 &&
           pipe2(&fds_[4], O_CLOEXEC) == 0;
  }
  int stdin_read() const { return fds_[0]; }
  int& stdin_write() { return fds_[1]; }
  int& stdout_read() { return fds_[2]; }
  int stdout_write() const { return fds_[3]; }
  int& stderr_read() { return fds_[4]; }
  int stderr_write() const { return fds_[5]; }
  // The child's ends, once it has them.
  void CloseChildEnds() {
    Close(fds_[0]);
    Close(fds_[3]);
    Close(fds_[5]);
  }
  static void Close(int& fd) {
    if (fd >= 0) close(fd);
    fd = -1;
  }

 private:
  int fds_[6] = {-1, -1, -1, -1, -1, -1};
};

// Writing to a pipe whose reader has exited raises SIGPIPE, which would end the whole
// program: it is blocked on this thread while the child runs, and a SIGPIPE this thread
// caused is taken off the pending set before the mask is restored.
class SigpipeBlocked {
 public:
  SigpipeBlocked() {
    sigemptyset(&pipe_);
    sigaddset(&pipe_, SIGPIPE);
    sigset_t pending;
    sigpending(&pending);
    was_pending_ = sigismember(&pending, SIGPIPE) == 1;
    pthread_sigmask(SIG_BLOCK, &pipe_, &old_);
  }
  ~SigpipeBlocked() {
    if (!was_pending_) {
      const timespec zero = {0, 0};
      while (sigtimedwait(&pipe_, nullptr, &zero) == SIGPIPE) {
      }
    }
    pthread_sigmask(SIG_SETMASK, &old_, nullptr);
  }

 private:
  sigset_t pipe_, old_;
  bool was_pending_ = false;
};

// Feeds `input` to the child and reads its stdout and stderr until both close, all at once
// so that neither side blocks on a full pipe.
absl::Status Exchange(Pipes& pipes, absl::string_view input, std::string* out, std::string* err) {
  if (fcntl(pipes.stdin_write(), F_SETFL, O_NONBLOCK) != 0) return Failed("fcntl");
  size_t written = 0;
  if (input.empty()) Pipes::Close(pipes.stdin_write());
  char buffer[65536];
  while (pipes.stdin_write() >= 0 || pipes.stdout_read() >= 0 || pipes.stderr_read() >= 0) {
    pollfd fds[3] = {{pipes.stdin_write(), POLLOUT, 0},
                     {pipes.stdout_read(), POLLIN, 0},
                     {pipes.stderr_read(), POLLIN, 0}};
    if (poll(fds, 3, -1) < 0) {
      if (errno == EINTR) continue;
      return Failed("poll");
    }
    if (fds[0].revents != 0) {
      const ssize_t n = write(pipes.stdin_write(), input.data() + written, input.size() - written);
      if (n > 0) written += static_cast<size_t>(n);
      // EPIPE: dot stopped reading (it failed); its stderr says why.
      if ((n < 0 && errno != EAGAIN && errno != EINTR) || written == input.size()) {
        Pipes::Close(pipes.stdin_write());
      }
    }
    int* readers[2] = {&pipes.stdout_read(), &pipes.stderr_read()};
    std::string* sinks[2] = {out, err};
    for (int k = 0; k < 2; ++k) {
      if (fds[k + 1].revents == 0) continue;
      const ssize_t n = read(*readers[k], buffer, sizeof(buffer));
      if (n > 0) {
        sinks[k]->append(buffer, static_cast<size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        Pipes::Close(*readers[k]);
      }
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::string> RenderDot(absl::string_view dot_text, PictureFormat format) {
  const std::optional<std::string> program = FindOnPath("dot");
  if (!program) {
    return absl::FailedPreconditionError(
        "Graphviz `dot` is not installed (no `dot` on PATH): install Graphviz, or export "
        "--format dot and render it elsewhere");
  }
  Pipes pipes;
  if (!pipes.Open()) return Failed("pipe");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipes.stdin_read(), 0);
  posix_spawn_file_actions_adddup2(&actions, pipes.stdout_write(), 1);
  posix_spawn_file_actions_adddup2(&actions, pipes.stderr_write(), 2);
  const std::string type = absl::StrCat("-T", Name(format));
  char* argv[] = {const_cast<char*>("dot"), const_cast<char*>(type.c_str()), nullptr};
  SigpipeBlocked no_sigpipe;
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, program->c_str(), &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    errno = spawned;
    return Failed(*program);
  }
  pipes.CloseChildEnds();
  std::string out, err;
  const absl::Status exchanged = Exchange(pipes, dot_text, &out, &err);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return Failed("waitpid");
  }
  if (!exchanged.ok()) return exchanged;
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return out;
  const std::string how = WIFEXITED(status)
                              ? absl::StrCat("exit code ", WEXITSTATUS(status))
                              : absl::StrCat("signal ", WTERMSIG(status));
  return absl::InternalError(absl::StrCat("Graphviz `dot` failed (", how, ")",
                                          err.empty() ? "" : ": ",
                                          absl::StripTrailingAsciiWhitespace(err)));
}

}  // namespace zeren
