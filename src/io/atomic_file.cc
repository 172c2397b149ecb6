#include "src/io/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace zeren {
namespace {

absl::Status Failure(const std::string& path, absl::string_view what) {
  return absl::UnavailableError(absl::StrCat(path, ": ", what, ": ", std::strerror(errno)));
}

std::string FolderOf(const std::string& path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

bool WriteAll(int fd, absl::string_view contents) {
  while (!contents.empty()) {
    const ssize_t n = ::write(fd, contents.data(), contents.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    contents.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

}  // namespace

absl::Status WriteFileAtomically(const std::string& path, absl::string_view contents) {
  return WriteFileAtomicallyWith(path, [&](int fd) {
    return WriteAll(fd, contents) ? absl::OkStatus() : Failure(path, "cannot write");
  });
}

absl::Status WriteFileAtomicallyWith(const std::string& path,
                                     const std::function<absl::Status(int fd)>& write) {
  std::string temporary = path + ".XXXXXX";
  const int fd = ::mkstemp(temporary.data());
  if (fd < 0) return Failure(path, "cannot create a temporary file");
  absl::Status written = write(fd);
  if (written.ok() && ::fsync(fd) != 0) written = Failure(path, "cannot write");
  ::close(fd);
  if (!written.ok()) {
    ::unlink(temporary.c_str());
    return written;
  }
  // mkstemp creates 0600: keep the mode of the file being replaced, or make a new document
  // as readable as one a text editor would write.
  struct stat existing;
  ::chmod(temporary.c_str(), ::stat(path.c_str(), &existing) == 0 ? existing.st_mode & 07777 : 0644);
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
    const absl::Status status = Failure(path, "cannot replace");
    ::unlink(temporary.c_str());
    return status;
  }
  const int folder = ::open(FolderOf(path).c_str(), O_RDONLY | O_DIRECTORY);
  if (folder >= 0) {
    ::fsync(folder);
    ::close(folder);
  }
  return absl::OkStatus();
}

}  // namespace zeren
