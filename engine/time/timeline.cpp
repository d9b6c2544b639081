#include "engine/time/timeline.hpp"

#include <utility>

namespace pacta {

namespace {

bool same_decision(const Decision& a, const Decision& b) {
  return a.verdict == b.verdict && a.is_default == b.is_default && a.by == b.by &&
         a.overridden == b.overridden;
}

Date day_before(Date d) { return *Date::from_serial(std::int64_t{d.serial()} - 1); }

}  // namespace

Timeliner::Timeliner(const CompiledContract& compiled, const Situation& situation,
                     const Limits& limits)
    : compiled_(compiled),
      limits_(limits),
      situation_(situation),
      decider_(compiled),
      points_(compiled, situation_, limits) {}

bool Timeliner::timeline(int action, const std::vector<int>& args, DayRange range,
                         std::vector<Run>& runs, TimelineFailure& failure) {
  runs.clear();
  failure = TimelineFailure{};
  failure.on = range.first;
  if (!points_.of_instance(action, args, range, days_, failure.points)) return false;
  const bool dated_conditions = !compiled_.contract().conditions.empty();
  Decision decision;
  for (Date d : days_) {
    situation_.on = d;
    if (dated_conditions) evaluate_conditions(compiled_.contract(), situation_);
    if (!decider_.decide(situation_, action, args, decision, failure.decision)) {
      failure.on = d;
      return false;
    }
    if (steps() > limits_.max_decision_steps) {
      failure.on = d;
      failure.points.kind = ChangePointError::Kind::TooManySteps;
      return false;
    }
    if (!runs.empty() && same_decision(runs.back().decision, decision)) continue;
    if (!runs.empty()) runs.back().through = day_before(d);
    runs.push_back(Run{d, range.last, decision});
  }
  return true;
}

}  // namespace pacta
