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

#include "engine/model/contract.hpp"

namespace pacta {

struct Scenario {
  std::optional<Date> as_agreed_on;  // only amendments signed on or before it exist
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

 private:
  const Contract* contract_;
  Scenario scenario_;
  std::vector<ClauseVersionSpan> versions_;
  std::vector<std::unique_ptr<const ClauseVersion>> amended_;  // the versions `amend`s made
  std::vector<std::vector<int>> by_action_;
  std::vector<int> amendments_;
};

}  // namespace pacta
