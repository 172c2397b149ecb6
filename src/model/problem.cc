#include "zeren/problem.h"

#include <utility>

#include "absl/strings/str_cat.h"

namespace zeren {

std::string Problem::ToString() const {
  return path.empty() ? message : absl::StrCat(path, ": ", message);
}

void ProblemList::Add(std::string path, std::string id, std::string message) {
  ++total_;
  if (kept_.size() < kMaxKept) {
    kept_.push_back({std::move(path), std::move(id), std::move(message)});
  }
}

void ProblemList::AddAll(const ProblemList& other) {
  for (const Problem& p : other.kept_) Add(p.path, p.id, p.message);
  total_ += other.total_ - other.kept_.size();
}

absl::Status ProblemList::ToStatus() const {
  if (empty()) return absl::OkStatus();
  if (total_ == 1) return absl::InvalidArgumentError(kept_.front().ToString());
  return absl::InvalidArgumentError(absl::StrCat(kept_.front().ToString(), " (and ",
                                                 total_ - 1, " more problems)"));
}

}  // namespace zeren
