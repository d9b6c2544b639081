#pragma once
// A contract compiled for one scenario (language.md §7): the amendments that
// exist (as agreed on a date) applied in order, giving for each clause the
// versions that hold over time, indexed by action. Built once per run and
// reused for every question: deciding never looks at text or YAML. It
// refers to the Contract, which must outlive it; moving it keeps every
// version where it is.
#include <memory>
#include <optional>
#include <vector>

#include "engine/compile/clause_index.hpp"
#include "engine/model/contract.hpp"

namespace pacta {

struct Scenario {
  std::optional<Date> as_agreed_on;  // only amendments signed on or before it exist
  // `--without`: amendments (indices into Contract::amendments, sorted, no
  // duplicates) that do not exist. find_without_conflict (without.hpp) says
  // whether a later amendment needs one of them; compile only without one.
  std::vector<int> without;
};

// One version of one clause and the interval [start, end) during which the
// amendments make it the clause's text (its own from/until apply on top).
// `version` is never null: a version as written (in `clauses`, `add` or a
// re-enactment) is the Contract's own, shared by every scenario; a version
// an `amend` makes is the CompiledContract's, and shares the texts and
// expressions the amendment leaves unchanged.
struct ClauseVersionSpan {
  int clause = -1;
  Date start = Date::min();
  Date end = Date::never();
  int amendment = -1;  // the amendment that made this version, -1 for the original
  const ClauseVersion* version = nullptr;
};

class CompiledContract {
 public:
  CompiledContract(const Contract& contract, const Scenario& scenario);

  const Contract& contract() const { return *contract_; }
  const Scenario& scenario() const { return scenario_; }
  const std::vector<ClauseVersionSpan>& versions() const { return versions_; }
  // Indices into versions() of every version whose pattern is on `action`.
  const std::vector<int>& versions_for_action(int action) const { return by_action_[action]; }
  // Amendments that exist in this scenario, in amendment order.
  const std::vector<int>& amendments_in_effect() const { return amendments_; }
  // Per version: its from/until when they read no fact and no named date
  // that depends on one, evaluated once here for every situation.
  const std::vector<ConstantBounds>& constant_bounds() const { return constant_bounds_; }
  // The versions a decision can meet (clause_index.hpp).
  const ClauseIndex& index() const { return index_; }

 private:
  const Contract* contract_;
  Scenario scenario_;
  std::vector<ClauseVersionSpan> versions_;
  std::vector<std::unique_ptr<const ClauseVersion>> amended_;  // the versions `amend`s made
  std::vector<std::vector<int>> by_action_;
  std::vector<int> amendments_;
  std::vector<ConstantBounds> constant_bounds_;
  ClauseIndex index_;
};

}  // namespace pacta
