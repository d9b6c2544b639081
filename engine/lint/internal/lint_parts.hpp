#pragma once
// The parts of `pacta lint` (engine/lint/lint.hpp), private to the folder.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "engine/lint/lint.hpp"

namespace pacta::lint_detail {

// The day of [lo, hi] a witness names: `lo`, or `hi` when `lo` is the
// beginning of time, or 2000-01-01 when the run is all time.
Date pick_day(Date lo, Date hi);

// Every typed expression of the contract once (named dates, conditions,
// clause versions, amendments' patches and re-enactments).
void for_each_expression(const Contract& c, const std::function<void(const TypedExpr&)>& f);

// "clauses 'a' and 'b'", "clause 'a'", "clauses 'a', 'b' and 'c'".
std::string clause_list(const Contract& c, const std::vector<int>& clauses);

// The checks that read only the declarations and expressions: unused
// declarations (L109), actions without clauses (L110), month-end clamping
// (L111), retroactive amendments (L112).
void static_findings(const Contract& c, std::vector<LintFinding>& out);

// The checks that decide (L101-L108, L113), over every scenario, fact cell,
// instance and change point; returns the work done.
std::uint64_t decided_findings(const Contract& c, const Limits& limits,
                               std::vector<LintFinding>& out);

}  // namespace pacta::lint_detail
