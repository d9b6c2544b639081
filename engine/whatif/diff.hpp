#pragma once
// `pacta diff` (SPEC §7.2): where two timelines of one instance differ.
// The two sides are timelines (engine/time) of the same instance in two
// scenarios, of one contract or of two (matched by name: match.hpp); a
// difference is a run of days on which the verdict or `default` differs
// (with `by`, also the deciding clauses, compared by id, so across two
// contracts). Exact: both sides are runs, so the walk visits only the days
// where either side changes.
#include <functional>
#include <vector>

#include "engine/time/timeline.hpp"

namespace pacta {

// One run of days on which the two sides differ, with both decisions.
struct DiffRun {
  Date from, through;
  Decision base, other;
  friend bool operator==(const DiffRun& x, const DiffRun& y) {
    return x.from == y.from && x.through == y.through && x.base == y.base && x.other == y.other;
  }
};

// Whether two decisions count as the same: verdict and default, and with
// `by`, the deciding clauses (by id: `same_clauses` compares two lists).
struct DiffRule {
  bool by = false;
  std::function<bool(const std::vector<int>& base, const std::vector<int>& other)> same_clauses;

  bool same(const Decision& a, const Decision& b) const {
    if (a.verdict != b.verdict || a.is_default != b.is_default) return false;
    return !by || same_clauses(a.by, b.by);
  }
};

// The runs on which `base` and `other` differ, in date order; neighbouring
// days that differ with the same pair of decisions are one run. Both inputs
// cover the same range with consecutive runs (Timeliner::timeline).
std::vector<DiffRun> diff_runs(const std::vector<Run>& base, const std::vector<Run>& other,
                               const DiffRule& rule);

}  // namespace pacta
