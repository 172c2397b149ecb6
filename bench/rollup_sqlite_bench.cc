// The roll-up as a database-backed system does it today: the same data in SQLite tables
// (in memory), own(u) by an aggregate over the members, then m(u) and total(u) by recursive
// CTEs. total(u) is linear in the own scores below u, so each is a sum over u's descendants
// of own(v) times the product of the edge coefficients on the path (rollup.subordinates ×
// w(c) / Σ w), which a recursive CTE from every unit downwards computes; m(u) likewise with
// the link weights. Loading (inserts and indexes) is timed separately. Items are nodes.
#include <sqlite3.h>

#include <cmath>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/strings/str_format.h"
#include "bench/synthetic_org.h"
#include "benchmark/benchmark.h"
#include "src/engine/rollup.h"

namespace zeren::bench {
namespace {

constexpr double kOwn = 0.7, kSub = 0.3, kMembersWeight = 0.2;
constexpr Interval kPeriod{19000, 19365};

bool Exec(sqlite3* db, const std::string& sql, benchmark::State& state) {
  char* error = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error) == SQLITE_OK) return true;
  state.SkipWithError(error ? error : "sqlite error");
  sqlite3_free(error);
  return false;
}

void Insert(sqlite3* db, const char* sql, absl::FunctionRef<void(sqlite3_stmt*, uint64_t)> bind,
            uint64_t rows) {
  sqlite3_stmt* statement = nullptr;
  sqlite3_prepare_v2(db, sql, -1, &statement, nullptr);
  for (uint64_t r = 0; r < rows; ++r) {
    bind(statement, r);
    sqlite3_step(statement);
    sqlite3_reset(statement);
  }
  sqlite3_finalize(statement);
}

// Opens an in-memory database holding the organization; false (and the state skipped) on
// an error.
bool Load(const FlatOrganization& o, sqlite3** db, benchmark::State& state) {
  sqlite3_open(":memory:", db);
  if (!Exec(*db,
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA temp_store=MEMORY;"
            "CREATE TABLE unit(id INTEGER PRIMARY KEY, members REAL, daily REAL, weighted REAL,"
            " weights REAL);"
            "CREATE TABLE edge(parent INTEGER, child INTEGER, weight REAL);"
            "CREATE TABLE member(unit INTEGER, appraisal REAL, held_from INTEGER, held_to INTEGER);"
            "BEGIN;",
            state)) {
    return false;
  }
  Insert(*db, "INSERT INTO unit VALUES(?,?,?,?,?)", [&](sqlite3_stmt* s, uint64_t u) {
    sqlite3_bind_int64(s, 1, static_cast<int64_t>(u));
    sqlite3_bind_double(s, 2, o.members[u]);
    sqlite3_bind_double(s, 3, o.daily[u]);
    sqlite3_bind_double(s, 4, o.weighted[u]);
    sqlite3_bind_double(s, 5, o.weights[u]);
  }, o.unit_count());
  std::vector<uint32_t> parent_of(o.child.size());
  for (uint32_t u = 0; u < o.unit_count(); ++u) {
    for (uint32_t k = o.child_start[u]; k < o.child_start[u + 1]; ++k) parent_of[k] = u;
  }
  Insert(*db, "INSERT INTO edge VALUES(?,?,?)", [&](sqlite3_stmt* s, uint64_t k) {
    sqlite3_bind_int64(s, 1, parent_of[k]);
    sqlite3_bind_int64(s, 2, o.child[k]);
    sqlite3_bind_double(s, 3, o.child_weight[k]);
  }, o.child.size());
  std::vector<uint32_t> unit_of(o.member_count());
  for (uint32_t u = 0; u < o.unit_count(); ++u) {
    for (uint32_t k = o.member_start[u]; k < o.member_start[u + 1]; ++k) unit_of[k] = u;
  }
  Insert(*db, "INSERT INTO member VALUES(?,?,?,?)", [&](sqlite3_stmt* s, uint64_t k) {
    sqlite3_bind_int64(s, 1, unit_of[k]);
    sqlite3_bind_double(s, 2, o.appraisal[k]);
    sqlite3_bind_int64(s, 3, o.held_from[k]);
    sqlite3_bind_int64(s, 4, o.held_to[k]);
  }, o.member_count());
  return Exec(*db,
              "COMMIT; CREATE INDEX edge_parent ON edge(parent);"
              "CREATE INDEX member_unit ON member(unit);",
              state);
}

std::string RollUpSql() {
  return absl::StrFormat(
      "DROP TABLE IF EXISTS own; DROP TABLE IF EXISTS m; DROP TABLE IF EXISTS wsum;"
      "DROP TABLE IF EXISTS coef; DROP TABLE IF EXISTS total;"
      // own(u): the members' mean appraisal finishes the other components.
      "CREATE TEMP TABLE own AS SELECT u.id AS id, CASE"
      " WHEN a.c > 0 THEN (u.weighted + %1$.17g * (a.s / a.c)) / (u.weights + %1$.17g)"
      " WHEN u.weights > 0 THEN u.weighted / u.weights ELSE u.daily END AS own"
      " FROM unit u LEFT JOIN (SELECT unit, SUM(appraisal) AS s, COUNT(*) AS c FROM member"
      " WHERE held_from <= %2$d AND held_to > %3$d GROUP BY unit) a ON a.unit = u.id;"
      // m(u) = Σ over descendants v (u included) of members(v) × Π link weights on the path.
      "CREATE TEMP TABLE m AS WITH RECURSIVE down(anchor, node, f) AS ("
      " SELECT id, id, 1.0 FROM unit UNION ALL"
      " SELECT d.anchor, e.child, d.f * e.weight FROM down d JOIN edge e ON e.parent = d.node)"
      " SELECT down.anchor AS id, SUM(down.f * u.members) AS m FROM down"
      " JOIN unit u ON u.id = down.node GROUP BY down.anchor;"
      "CREATE INDEX m_id ON m(id);"
      "CREATE TEMP TABLE wsum AS SELECT e.parent AS id, SUM(e.weight * m.m) AS w FROM edge e"
      " JOIN m ON m.id = e.child GROUP BY e.parent;"
      "CREATE INDEX wsum_id ON wsum(id);"
      "CREATE TEMP TABLE coef AS SELECT e.parent AS parent, e.child AS child,"
      " %4$.17g * e.weight * m.m / s.w AS c FROM edge e JOIN m ON m.id = e.child"
      " JOIN wsum s ON s.id = e.parent WHERE s.w > 0;"
      "CREATE INDEX coef_parent ON coef(parent);"
      // total(u) = Σ over descendants v of own(v) × a(v) × Π coefficients on the path, where
      // a(v) is rollup.own for a unit whose subordinates weigh, else 1.
      "CREATE TEMP TABLE total AS WITH RECURSIVE down(anchor, node, f) AS ("
      " SELECT id, id, 1.0 FROM unit UNION ALL"
      " SELECT d.anchor, c.child, d.f * c.c FROM down d JOIN coef c ON c.parent = d.node)"
      " SELECT down.anchor AS id, SUM(down.f * o.own * CASE WHEN s.w > 0 THEN %5$.17g ELSE 1 END)"
      " AS total FROM down JOIN own o ON o.id = down.node LEFT JOIN wsum s ON s.id = down.node"
      " GROUP BY down.anchor;",
      kMembersWeight, kPeriod.to - 1, kPeriod.from, kSub, kOwn);
}

std::vector<double> Totals(sqlite3* db, uint32_t units) {
  std::vector<double> total(units);
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(db, "SELECT id, total FROM total", -1, &s, nullptr);
  while (sqlite3_step(s) == SQLITE_ROW) total[sqlite3_column_int64(s, 0)] = sqlite3_column_double(s, 1);
  sqlite3_finalize(s);
  return total;
}

std::vector<double> Expected(const FlatOrganization& o) {
  const uint32_t n = o.unit_count();
  std::vector<double> own(n), m(n), total(n);
  rollup::OwnFromMembers({o.member_start, o.appraisal, o.held_from, o.held_to}, kPeriod,
                         {o.daily, o.weighted, o.weights, kMembersWeight}, absl::MakeSpan(own), 1);
  rollup::RollUp({o.child_start, o.child, o.child_weight, o.parent_start, o.parent, o.level_start},
                 {kOwn, kSub, true}, {own, o.members, absl::MakeSpan(m), absl::MakeSpan(total)}, 1);
  return total;
}

void Describe(benchmark::State& state, const FlatOrganization& o) {
  const double nodes = static_cast<double>(o.unit_count() + o.member_count());
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(nodes));
  state.counters["ns_per_node"] =
      benchmark::Counter(nodes, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

void BM_SqliteLoad(benchmark::State& state) {
  const FlatOrganization o(NationalShapeOfNodes(static_cast<uint64_t>(state.range(0)), 42), 42);
  for (auto _ : state) {
    sqlite3* db = nullptr;
    Load(o, &db, state);
    sqlite3_close(db);
  }
  Describe(state, o);
}

void BM_SqliteRecursiveCte(benchmark::State& state) {
  const FlatOrganization o(NationalShapeOfNodes(static_cast<uint64_t>(state.range(0)), 42), 42);
  sqlite3* db = nullptr;
  if (!Load(o, &db, state)) return;
  for (auto _ : state) {
    if (!Exec(db, RollUpSql(), state)) break;
  }
  const std::vector<double> total = Totals(db, o.unit_count());
  const std::vector<double> expected = Expected(o);
  for (uint32_t u = 0; u < total.size(); ++u) {
    if (std::abs(total[u] - expected[u]) > 1e-9 * std::abs(expected[u])) {
      state.SkipWithError(absl::StrFormat("total of unit %u: %.17g, zeren %.17g", u, total[u],
                                          expected[u]).c_str());
      break;
    }
  }
  sqlite3_close(db);
  Describe(state, o);
}

constexpr int64_t kM = 1'000'000;
BENCHMARK(BM_SqliteLoad)->Arg(1 * kM)->Arg(10 * kM)->Iterations(1)->Unit(benchmark::kSecond)->UseRealTime();
BENCHMARK(BM_SqliteRecursiveCte)->Arg(1 * kM)->Arg(10 * kM)->Iterations(1)->Unit(benchmark::kSecond)->UseRealTime();

}  // namespace
}  // namespace zeren::bench
