#pragma once
// Timelines that split on unknown facts (SPEC §7.3): `timeline`, `diff`
// and `pacta plan` make one Timeliner per combination of the facts' cells.
#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "engine/compile/compiled_contract.hpp"
#include "engine/decide/situation.hpp"
#include "engine/time/timeline.hpp"
#include "engine/whatif/conditional.hpp"
#include "grammar/limits.hpp"

namespace pacta {

// The timelines of instances whose action's clauses read unknown facts
// (SPEC §7.3, `timeline` and `diff`): one Timeliner per combination of the
// cells of `joint` (made when first asked, on the situation given
// with the cells' values set), each given an equal share of the bound on
// steps. `set[i]` is how this side sets joint fact i (its fact index and
// the cells' values in its own terms: a side of `diff` may be another
// file), or nullopt where this side leaves the fact as it is.
class CaseTimeliners {
 public:
  CaseTimeliners(const CompiledContract& compiled, const Situation& situation,
                 const std::vector<UnknownFact>& joint, std::vector<std::optional<UnknownFact>> set,
                 const Limits& limits);
  // The Timeliner of one combination (a cell index per joint fact).
  Timeliner& timeliner(const std::vector<int>& combination);

 private:
  struct Slot {
    std::unique_ptr<Situation> situation;  // the Timeliner points into it
    std::unique_ptr<Timeliner> timeliner;
  };
  const CompiledContract& compiled_;
  const Situation& situation_;
  std::vector<std::size_t> radix_;  // cells per joint fact
  std::vector<std::optional<UnknownFact>> set_;
  Limits limits_;
  std::map<std::size_t, Slot> by_combination_;
};
// Each fact of `facts` set as itself: one side that is the whole question.
std::vector<std::optional<UnknownFact>> as_set(const std::vector<UnknownFact>& facts);
// The cases of one instance's timeline over `joint`; false and `failure`
// when one combination's cannot be made.
bool timeline_cases(CaseTimeliners& t, const std::vector<UnknownFact>& joint, int action,
                    const std::vector<int>& args, DayRange range,
                    std::vector<Case<std::vector<Run>>>& out, TimelineFailure& failure);

}  // namespace pacta
