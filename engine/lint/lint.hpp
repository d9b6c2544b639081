#pragma once
// `pacta lint` (SPEC §9.2): findings about a contract that is valid but
// probably wrong, each with a code of grammar/codes.def (L1xx), a location
// and, where something happens, a witness: the question (a date, an
// instance, fact values, a scenario) that `pacta ask` answers to show it.
//
// Exact, never sampled: the questions a file allows are cut into finitely
// many classes and each class is decided once. Scenarios: every amendment
// (no flag), then `--as-agreed-on` each day before a later `signed` (one
// scenario per prefix of the amendments by `signed`), and for L106 each
// amendment left out (`--without`). Facts: every bool, party, enum and
// number fact ranges over the cells of analyze_unknown_facts (both bools,
// every value, the number thresholds and the intervals between them),
// with or without a default (a question may `--assume` another value); a
// number fact that cannot be split (it is used in arithmetic) is held at
// its default, or the action is not analysed (an L113 finding). Date facts
// keep their default (unset: `never`). Instances: every instance of every
// action (InstanceOdometer). Days: the change points of each timeline and
// of each clause version (engine/time/timeline.hpp), between which nothing
// changes.
//
// Bounded: the work (decisions, change points, evaluations) is counted
// against Limits::max_lint_steps; past it the analysis stops and an L113
// finding says what was not analysed. Findings of the static checks (L105,
// L109-L112) are always complete.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/model/contract.hpp"
#include "grammar/codes.hpp"
#include "grammar/limits.hpp"

namespace pacta {

// A question that shows a finding: `pacta ask FILE INSTANCE --on ON
// [--assume f=v ...] [--as-agreed-on D] [--without A ...]`.
struct LintWitness {
  Date on;
  int action = -1;
  std::vector<int> args;                      // value indices, one per param
  std::vector<std::pair<int, Value>> assume;  // fact index, value; fact order
  std::optional<Date> as_agreed_on;
  std::vector<int> without;  // amendment indices, ascending
};

struct LintFinding {
  Code code{};
  std::size_t offset = 0;  // into the contract's source text
  std::string message;
  std::optional<LintWitness> witness = {};
  // What the finding is about (for tests and the witness replay): clause
  // indices (L101: the forbidding and the obliging side's first clause;
  // L103: the overriding clause and the one it names), an amendment.
  int clause = -1;
  int other = -1;
  int amendment = -1;
};

struct LintResult {
  std::vector<LintFinding> findings;  // by offset, then code, then message
  std::uint64_t steps = 0;            // the work counted against max_lint_steps
};

LintResult lint_contract(const Contract& contract, const Limits& limits = {});

// Whether the clause `clause` applies to the instance in the witness's
// situation (in force, pattern, `when`): what an L102 witness shows, for
// the replay test. False when the question cannot be decided.
bool witness_applies(const Contract& contract, const LintWitness& w, int clause);

}  // namespace pacta
