#pragma once
// The override-cycle rule (language.md §3 `overrides`): on no date, in no
// scenario (`as_agreed_on`), may the versions then in force override each
// other in a cycle. Versions that the amendments never put in force on the
// same day do not form one; their own from/until and `when` are not looked
// at (they may depend on facts).
#include <cstddef>
#include <optional>
#include <vector>

#include "engine/model/contract.hpp"

namespace pacta::checker {

struct OverrideCycle {
  std::vector<int> path;             // clause indices, first == last
  Date from = Date::min();           // the first day of the cycle (Date::min: from the start)
  std::optional<Date> as_agreed_on;  // the scenario; nullopt: every amendment
  std::size_t offset = 0;            // where the closing clause's `overrides` are written
  // True when checking date by date would have cost more than `budget`
  // steps: the cycle is then one of every version's overrides together.
  bool every_version = false;
};

// The first cycle, in a fixed order: the scenario with every amendment
// first, then scenarios by agreement date; within one, by date; nullopt when
// there is none. Time and memory O(clauses + overrides + amendments) for
// the union of every version, plus at most `budget` steps date by date.
std::optional<OverrideCycle> find_override_cycle(const Contract& c, std::size_t budget);

}  // namespace pacta::checker
