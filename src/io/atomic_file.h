// Replacing a file so that readers see the old contents or the new, never a torn mix.
#ifndef ZEREN_SRC_IO_ATOMIC_FILE_H_
#define ZEREN_SRC_IO_ATOMIC_FILE_H_

#include <functional>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace zeren {

// Writes `contents` to a temporary file beside `path`, flushes and fsyncs it, renames it
// over `path` and fsyncs the folder. On failure `path` is untouched and the temporary
// file removed.
absl::Status WriteFileAtomically(const std::string& path, absl::string_view contents);

// The same, with the contents produced by `write` into the temporary file's descriptor, so
// that a large file is written as it is encoded rather than built in memory first. A
// failure of `write` leaves `path` untouched too.
absl::Status WriteFileAtomicallyWith(const std::string& path,
                                     const std::function<absl::Status(int fd)>& write);

}  // namespace zeren

#endif  // ZEREN_SRC_IO_ATOMIC_FILE_H_
