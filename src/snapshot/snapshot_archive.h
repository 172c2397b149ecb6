// A compiled snapshot in an archive's snapshot section: its arrays, written as blocks, and
// on load checked (every index in range, every offset table well formed) before any query
// can follow them. Private to the library; include/zeren/archive.h is the public face.
#ifndef ZEREN_SRC_SNAPSHOT_SNAPSHOT_ARCHIVE_H_
#define ZEREN_SRC_SNAPSHOT_SNAPSHOT_ARCHIVE_H_

#include "src/io/archive_codec.h"
#include "zeren/model.h"
#include "zeren/snapshot.h"

namespace zeren {

class SnapshotArchive {
 public:
  static void Save(archive::OutArchive& ar, const Snapshot& snapshot);
  // The snapshot stored in `ar`, which must have been compiled from `model`. Throws
  // archive::DecodeError (or Boost's archive_exception) when it is malformed.
  static Snapshot Load(archive::InArchive& ar, const Model& model);
};

}  // namespace zeren

#endif  // ZEREN_SRC_SNAPSHOT_SNAPSHOT_ARCHIVE_H_
