// Validation problems: where (a JSON path), about which id, and what.
#ifndef ZEREN_PROBLEM_H_
#define ZEREN_PROBLEM_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/status/status.h"

namespace zeren {

struct Problem {
  std::string path;     // e.g. "units[3].parents[1].weight"; "" for the whole document
  std::string id;       // the id involved, "" when none
  std::string message;  // e.g. "unknown unit \"b9\""

  // "path: message", or the message alone when there is no path.
  std::string ToString() const;
};

// Collects every problem of a document, keeping the first kMaxKept.
class ProblemList {
 public:
  static constexpr std::size_t kMaxKept = 100;

  void Add(std::string path, std::string id, std::string message);
  // Adds the problems `other` kept and counts those it did not.
  void AddAll(const ProblemList& other);
  // Counts `n` more problems found but not kept (when rewriting another list's kept ones).
  void CountUnkept(std::size_t n) { total_ += n; }

  bool empty() const { return total_ == 0; }
  // How many problems were found, including those not kept.
  std::size_t total() const { return total_; }
  const std::vector<Problem>& kept() const { return kept_; }

  // OK when empty; otherwise InvalidArgument naming the first problem and the count.
  absl::Status ToStatus() const;

 private:
  std::vector<Problem> kept_;
  std::size_t total_ = 0;
};

}  // namespace zeren

#endif  // ZEREN_PROBLEM_H_
