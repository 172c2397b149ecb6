// The .zrn archive: the envelope (archive_format.h) around Boost.Serialization sections, the
// model's (archive_model.cc) and the snapshot's (snapshot/snapshot_archive.cc).
#include "zeren/archive.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <boost/archive/archive_exception.hpp>
#include <boost/archive/binary_iarchive.hpp>
#include <boost/archive/binary_oarchive.hpp>
#include <cerrno>
#include <cstring>
#include <memory>
#include <new>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "src/io/archive_codec.h"
#include "src/io/archive_format.h"
#include "src/io/atomic_file.h"
#include "src/snapshot/snapshot_archive.h"

namespace zeren {
namespace {

using archive::Section;

// ---- saving ----

// Where an archive goes: sections are appended after a placeholder header, which is
// written last, once every section's size and checksum are known.
class Destination : public archive::ByteSink {
 public:
  virtual absl::Status WriteHeader(absl::string_view header) = 0;
};

class StringDestination : public Destination {
 public:
  explicit StringDestination(std::string* out) : out_(out) {}
  absl::Status Append(absl::string_view bytes) override {
    out_->append(bytes.data(), bytes.size());
    return absl::OkStatus();
  }
  absl::Status WriteHeader(absl::string_view header) override {
    out_->replace(0, header.size(), header.data(), header.size());
    return absl::OkStatus();
  }

 private:
  std::string* out_;
};

class FileDestination : public Destination {
 public:
  FileDestination(int fd, const std::string& path) : fd_(fd), path_(path) {}
  absl::Status Append(absl::string_view bytes) override {
    while (!bytes.empty()) {
      const ssize_t n = ::write(fd_, bytes.data(), bytes.size());
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) return Failure();
      bytes.remove_prefix(static_cast<size_t>(n));
    }
    return absl::OkStatus();
  }
  absl::Status WriteHeader(absl::string_view header) override {
    for (size_t done = 0; done < header.size();) {
      const ssize_t n = ::pwrite(fd_, header.data() + done, header.size() - done, done);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) return Failure();
      done += static_cast<size_t>(n);
    }
    return absl::OkStatus();
  }

 private:
  absl::Status Failure() const {
    return absl::UnavailableError(absl::StrCat(path_, ": cannot write: ", std::strerror(errno)));
  }

  int fd_;
  std::string path_;
};

// Encodes one section with `body(archive)` and fills in its place, size and checksum.
template <typename Body>
absl::Status EncodeSection(Destination* out, uint64_t offset, Section* section, Body body) {
  archive::SectionWriter writer(out);
  try {
    boost::archive::binary_oarchive ar(writer);
    body(ar);
  } catch (const boost::archive::archive_exception& e) {
    // A failed write shows up as Boost's output_stream_error; the destination says why.
    absl::Status status = writer.Finish();
    if (!status.ok()) return status;
    return absl::InternalError(
        absl::StrCat("cannot encode the ", archive::SectionName(section->kind), " section: ", e.what()));
  }
  if (absl::Status status = writer.Finish(); !status.ok()) return status;
  section->offset = offset;
  section->size = writer.size();
  section->checksum = writer.checksum();
  return absl::OkStatus();
}

// The snapshot must be the model's: its counts are checked here, its content trusted.
bool Matches(const Model& model, const Snapshot& snapshot) {
  const ModelData& d = model.data();
  // The snapshot counts a roster row as a person and a post.
  const size_t rows = d.roster.size();
  return snapshot.unit_count() == d.units.size() &&
         snapshot.person_count() == d.people.size() + rows &&
         snapshot.post_count() == d.posts.size() + rows && snapshot.link_count() == d.links.size() &&
         snapshot.duty_count() == d.duties.size() &&
         snapshot.incident_count() == d.incidents.size() &&
         snapshot.directive_count() == d.directives.size() &&
         snapshot.has_assessment() == d.assessment.has_value();
}

absl::Status WriteArchive(Destination* out, const Model& model, const Snapshot* snapshot) {
  if (snapshot != nullptr && !Matches(model, *snapshot)) {
    return absl::InvalidArgumentError("the snapshot was not compiled from this model");
  }
  std::vector<Section> sections = {{archive::kModelSection, archive::kModelLayout}};
  if (snapshot != nullptr) sections.push_back({archive::kSnapshotSection, archive::kSnapshotLayout});
  try {
    uint64_t offset = archive::HeaderSize(sections.size());
    if (absl::Status s = out->Append(std::string(offset, '\0')); !s.ok()) return s;
    absl::Status status = EncodeSection(out, offset, &sections[0], [&](archive::OutArchive& ar) {
      archive::SaveModelData(ar, model.data());
    });
    if (!status.ok()) return status;
    if (snapshot != nullptr) {
      offset += sections[0].size;
      status = EncodeSection(out, offset, &sections[1], [&](archive::OutArchive& ar) {
        SnapshotArchive::Save(ar, *snapshot);
      });
      if (!status.ok()) return status;
    }
    return out->WriteHeader(archive::EncodeHeader(sections));
  } catch (const std::bad_alloc&) {
    return absl::ResourceExhaustedError("out of memory while encoding the archive");
  }
}

// ---- loading ----

absl::Status Corrupt(const Section& section, absl::string_view what) {
  return absl::DataLossError(
      absl::StrCat("corrupt archive: ", archive::SectionName(section.kind), " section: ", what));
}

// Decodes one section with `body(archive)`; every failure becomes a status, and the whole
// section must be consumed.
template <typename Body>
absl::Status DecodeSection(absl::string_view bytes, const Section& section, Body body) {
  archive::SectionReader reader(bytes.substr(section.offset, section.size));
  try {
    boost::archive::binary_iarchive ar(reader);
    body(ar);
  } catch (const archive::DecodeError& e) {
    return Corrupt(section, e.what());
  } catch (const archive::NewerClassError& e) {
    return absl::FailedPreconditionError(
        absl::StrCat(archive::SectionName(section.kind), " section: ", e.what()));
  } catch (const boost::archive::archive_exception& e) {
    return Corrupt(section, e.what());
  } catch (const std::bad_alloc&) {
    return absl::ResourceExhaustedError(absl::StrCat(
        "out of memory while decoding the ", archive::SectionName(section.kind), " section"));
  }
  if (reader.remaining() != 0) {
    return Corrupt(section, absl::StrCat(reader.remaining(), " bytes left over"));
  }
  return absl::OkStatus();
}

absl::Status NewerLayout(const Section& section, uint32_t known) {
  return absl::FailedPreconditionError(
      absl::StrCat(archive::SectionName(section.kind), " section layout version ", section.version,
                   " is newer than this zeren reads (", known, ")"));
}

absl::StatusOr<LoadedArchive> Decode(absl::string_view bytes, ProblemList* problems) {
  absl::StatusOr<std::vector<Section>> sections = archive::ReadEnvelope(bytes);
  if (!sections.ok()) return sections.status();
  const Section* model_section = nullptr;
  const Section* snapshot_section = nullptr;
  for (const Section& s : *sections) {
    // Sections of unknown kinds are skipped: a later zeren may add optional ones.
    const Section** slot = s.kind == archive::kModelSection      ? &model_section
                           : s.kind == archive::kSnapshotSection ? &snapshot_section
                                                                 : nullptr;
    if (slot == nullptr) continue;
    if (*slot != nullptr) return Corrupt(s, "appears twice");
    if (s.version == 0) return Corrupt(s, "layout version 0");
    *slot = &s;
  }
  if (model_section == nullptr) return absl::DataLossError("corrupt archive: no model section");
  if (model_section->version > archive::kModelLayout) {
    return NewerLayout(*model_section, archive::kModelLayout);
  }
  ModelData data;
  absl::Status status = DecodeSection(bytes, *model_section, [&](archive::InArchive& ar) {
    archive::LoadModelData(ar, &data);
  });
  if (!status.ok()) return status;
  // The bytes passed their checksums but may still be hand-made: validate as JSON is.
  absl::StatusOr<Model> model = Model::Create(std::move(data), problems);
  if (!model.ok()) {
    return absl::Status(model.status().code(),
                        absl::StrCat("model section: ", model.status().message()));
  }
  LoadedArchive loaded{*std::move(model), std::nullopt};
  if (snapshot_section == nullptr) return loaded;
  if (snapshot_section->version > archive::kSnapshotLayout) {
    return NewerLayout(*snapshot_section, archive::kSnapshotLayout);
  }
  if (snapshot_section->version < archive::kSnapshotLayout) {
    // An older layout is a cache this zeren no longer reads: compile afresh instead.
    absl::StatusOr<Snapshot> compiled = Snapshot::Compile(loaded.model);
    if (!compiled.ok()) return compiled.status();
    loaded.snapshot = *std::move(compiled);
    return loaded;
  }
  status = DecodeSection(bytes, *snapshot_section, [&](archive::InArchive& ar) {
    loaded.snapshot = SnapshotArchive::Load(ar, loaded.model);
  });
  if (!status.ok()) return status;
  return loaded;
}

absl::Status Prefixed(const std::string& path, const absl::Status& status) {
  return absl::Status(status.code(), absl::StrCat(path, ": ", status.message()));
}

}  // namespace

absl::Status SaveArchive(const std::string& path, const Model& model, const Snapshot* snapshot) {
  return WriteFileAtomicallyWith(path, [&](int fd) {
    FileDestination out(fd, path);
    absl::Status status = WriteArchive(&out, model, snapshot);
    if (status.ok() || absl::StartsWith(status.message(), path)) return status;
    return Prefixed(path, status);
  });
}

absl::StatusOr<std::string> ArchiveToBytes(const Model& model, const Snapshot* snapshot) {
  std::string bytes;
  StringDestination out(&bytes);
  absl::Status status = WriteArchive(&out, model, snapshot);
  if (!status.ok()) return status;
  return bytes;
}

absl::StatusOr<LoadedArchive> ArchiveFromBytes(absl::string_view bytes, ProblemList* problems) {
  return Decode(bytes, problems);
}

absl::StatusOr<LoadedArchive> LoadArchive(const std::string& path, ProblemList* problems) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const std::string message = absl::StrCat(path, ": cannot open the file: ", std::strerror(errno));
    return errno == ENOENT ? absl::NotFoundError(message) : absl::UnavailableError(message);
  }
  // One read of the whole file: its size bounds every allocation that follows.
  struct stat info;
  std::unique_ptr<char[]> buffer;
  size_t size = 0;
  bool read_ok = ::fstat(fd, &info) == 0;
  if (read_ok) {
    size = static_cast<size_t>(info.st_size);
    buffer.reset(new (std::nothrow) char[size == 0 ? 1 : size]);
    read_ok = buffer != nullptr;
    for (size_t done = 0; read_ok && done < size;) {
      const ssize_t n = ::read(fd, buffer.get() + done, size - done);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        read_ok = false;
        break;
      }
      if (n == 0) {
        size = done;  // the file shrank: what was read is judged as it is
        break;
      }
      done += static_cast<size_t>(n);
    }
  }
  const int saved_errno = errno;
  ::close(fd);
  if (!read_ok) {
    return absl::UnavailableError(
        absl::StrCat(path, ": cannot read the file: ", std::strerror(saved_errno)));
  }
  absl::StatusOr<LoadedArchive> loaded = Decode(absl::string_view(buffer.get(), size), problems);
  if (!loaded.ok()) return Prefixed(path, loaded.status());
  return loaded;
}

}  // namespace zeren
