#pragma once
// What changed at a run boundary of a timeline (`pacta timeline --explain`,
// SPEC §8): the instance explained on the day before and on the day, and the
// differences named by their cause: an amendment taking effect (the clauses
// about the action it repeals, amends, adds), a clause's own bound (`from`,
// `until`, `through`), a comparison with `date` in a `when` turning, a named
// date falling on the day; then each clause whose part changed.
#include <vector>

#include "engine/explain/explain.hpp"

namespace pacta {

struct BoundaryChange {
  enum class Kind { Amendment, Bound, When, NamedDate, Clause };
  Kind kind = Kind::Clause;
  int amendment = -1;                         // Amendment
  std::vector<int> repealed, amended, added;  // Amendment: clauses about the action
  int clause = -1;                            // Bound, When, Clause
  const TypedExpr* expr = nullptr;            // Bound: as written; When: what turned
  enum class Bound { From, Until, Through };
  Bound bound = Bound::From;  // Bound
  Date date;                  // Bound: its day (Through: the last day in force); NamedDate
  bool value = false;         // When: its value from the day on
  int named_date = -1;        // NamedDate
  ClauseRole before = ClauseRole::NotApplicable, after = ClauseRole::NotApplicable;  // Clause
  Modality modality = Modality::Permit;  // Clause: of the version that applies (either side)
  bool new_version = false;  // Clause: a new version from the day on (`amendment` made it)
};

// The changes between `day - 1` and `day` for one instance in the situation
// `base` (its `on` is ignored) of `about.action`. False and `error` set when deciding fails.
bool changes_at(const CompiledContract& compiled, const Situation& base, Decider& decider,
                const ActionClauses& about, const std::vector<int>& args, Date day,
                std::vector<BoundaryChange>& out, DecisionError& error);

}  // namespace pacta
