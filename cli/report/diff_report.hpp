#pragma once
// The answer of `pacta diff` (SPEC §7.2), as text (a redline: per instance
// the runs that changed, before -> after, with the clauses on both sides)
// and as JSON.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/model/contract.hpp"
#include "engine/whatif/conditional.hpp"
#include "engine/whatif/diff.hpp"
#include "engine/whatif/match.hpp"

namespace pacta::cli {

// One side of the comparison as asked.
struct DiffSide {
  const Contract& contract;
  std::string file;
  std::optional<Date> as_agreed_on;
  const std::vector<std::pair<int, Value>>& assumed;
  std::vector<std::string> without;
  std::vector<std::string> with;
};

// An instance whose answers differ: named with the base contract's indices.
struct InstanceChange {
  int action = -1;  // in the base contract
  int other_action = -1;
  std::vector<int> args;
  std::vector<DiffRun> runs;
  // Where the answers depend on unknown facts (SPEC §7.3): in place of
  // `runs`, the cases in which they change (given in the base's facts).
  std::vector<Case<std::vector<DiffRun>>> cases = {};
};

struct DiffReport {
  DiffSide base, other;
  std::optional<Date> from, to;  // the range asked; nullopt: open
  std::vector<InstanceChange> changes;
  std::vector<OneSided> only_in_base, only_in_other;
  bool by = false;
  std::vector<int> unknown = {};  // base facts some change depends on, ascending
};

std::string diff_text(const DiffReport& r, bool color);
std::string diff_json(const DiffReport& r);

}  // namespace pacta::cli
