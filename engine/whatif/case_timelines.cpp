#include "engine/whatif/case_timelines.hpp"

#include <algorithm>
#include <cstdint>
#include <utility>

namespace pacta {

CaseTimeliners::CaseTimeliners(const CompiledContract& compiled, const Situation& situation,
                               const std::vector<UnknownFact>& joint,
                               std::vector<std::optional<UnknownFact>> set, const Limits& limits)
    : compiled_(compiled), situation_(situation), set_(std::move(set)), limits_(limits) {
  for (const UnknownFact& u : joint) radix_.push_back(u.cells.size());
  const std::size_t n = std::max<std::size_t>(1, combinations(joint));
  limits_.max_decision_steps = std::max<std::uint64_t>(1, limits.max_decision_steps / n);
}

Timeliner& CaseTimeliners::timeliner(const std::vector<int>& combination) {
  std::size_t index = 0;
  for (std::size_t i = 0; i < radix_.size(); ++i) {
    index = index * radix_[i] + static_cast<std::size_t>(combination[i]);
  }
  auto& slot = by_combination_[index];
  if (!slot.timeliner) {
    slot.situation = std::make_unique<Situation>(situation_);
    for (std::size_t i = 0; i < set_.size(); ++i) {
      if (!set_[i]) continue;
      slot.situation->facts[static_cast<std::size_t>(set_[i]->fact)] =
          set_[i]->cells[static_cast<std::size_t>(combination[i])].representative;
    }
    evaluate_conditions(compiled_.contract(), *slot.situation);
    slot.timeliner = std::make_unique<Timeliner>(compiled_, *slot.situation, limits_);
  }
  return *slot.timeliner;
}

std::vector<std::optional<UnknownFact>> as_set(const std::vector<UnknownFact>& facts) {
  return {facts.begin(), facts.end()};
}

bool timeline_cases(CaseTimeliners& t, const std::vector<UnknownFact>& joint, int action,
                    const std::vector<int>& args, DayRange range,
                    std::vector<Case<std::vector<Run>>>& out, TimelineFailure& failure) {
  bool failed = false;
  out = merge_cases<std::vector<Run>>(joint, [&](const std::vector<int>& combination) {
    std::vector<Run> runs;
    if (!failed && !t.timeliner(combination).timeline(action, args, range, runs, failure)) {
      failed = true;
    }
    return runs;
  });
  return !failed;
}

}  // namespace pacta
