#include "engine/time/timeline.hpp"

#include <algorithm>
#include <utility>

namespace pacta {

namespace {

bool same_decision(const Decision& a, const Decision& b) {
  return a.verdict == b.verdict && a.is_default == b.is_default && a.by == b.by &&
         a.overridden == b.overridden;
}

Date day_before(Date d) { return *Date::from_serial(std::int64_t{d.serial()} - 1); }

int modality_index(Modality m) { return static_cast<int>(m); }

}  // namespace

Timeliner::Timeliner(const CompiledContract& compiled, const Situation& situation,
                     const Limits& limits)
    : compiled_(compiled),
      limits_(limits),
      situation_(situation),
      decider_(compiled),
      points_(compiled, situation_, limits),
      part_(compiled.versions().size(), Part::Out),
      set_aside_by_(compiled.contract().clauses.size(), 0),
      applying_version_(compiled.contract().clauses.size(), -1) {}

// Every version's change points, as (day, version) in order.
bool Timeliner::collect_events(int action, const std::vector<int>& args, DayRange range,
                               TimelineFailure& failure) {
  events_.clear();
  for (int vi : compiled_.versions_for_action(action)) {
    days_.clear();
    if (!points_.of_version(vi, args, range, days_, failure.points)) return false;
    for (Date d : days_) events_.push_back(Event{d, vi});
  }
  std::sort(events_.begin(), events_.end());
  events_.erase(std::unique(events_.begin(), events_.end(),
                            [](const Event& a, const Event& b) {
                              return a.day == b.day && a.version == b.version;
                            }),
                events_.end());
  sweep_steps_ += events_.size();
  return true;
}

// Nothing applies, nothing fails: the counts of the previous instance undone.
// Forgets the state of the last instance: its action's versions, and the
// clauses they set aside, which may be about another action (a clause of
// `act` may override one of `solo`: left counted, it set that one aside
// in the next timeline of `solo`).
void Timeliner::start_instance(int action) {
  for (int a : {last_action_, action}) {
    if (a < 0) continue;
    for (int vi : compiled_.versions_for_action(a)) {
      part_[vi] = Part::Out;
      for (int target : compiled_.versions()[vi].version->overrides) set_aside_by_[target] = 0;
      applying_version_[compiled_.versions()[vi].clause] = -1;
    }
  }
  last_action_ = action;
  applying_.clear();
  std::fill(effective_.begin(), effective_.end(), 0);
  failing_ = 0;
}

void Timeliner::prepare_day(Date d) {
  situation_.on = d;
  if (!compiled_.contract().conditions.empty())
    evaluate_conditions(compiled_.contract(), situation_);
}

// The decider's steps 1 and 2 for one version on day d (prepare_day(d) first).
Timeliner::Part Timeliner::part_of(int version, const std::vector<int>& args, Date d) {
  const ClauseVersionSpan& span = compiled_.versions()[version];
  if (d < span.start || d >= span.end) return Part::Out;
  bool failed = false;
  if (!points_.in_bounds(version, d, failed)) return failed ? Part::Fails : Part::Out;
  const ClauseVersion& v = *span.version;
  for (std::size_t i = 0; i < v.pattern.arg_values.size(); ++i) {
    if (v.pattern.arg_values[i] >= 0 && v.pattern.arg_values[i] != args[i]) return Part::Out;
  }
  if (!v.when) return Part::Applies;
  EvalEnv env = situation_.env(args.data());
  const bool holds = evaluate_condition(*v.when, env);
  sweep_steps_ += env.steps;
  if (env.error != EvalEnv::Error::None) return Part::Fails;
  return holds ? Part::Applies : Part::InForce;
}

// A version starts applying: its clause applies (effective unless set
// aside), and the clauses it overrides are set aside.
void Timeliner::enter(int version) {
  const ClauseVersionSpan& span = compiled_.versions()[version];
  const int clause = span.clause;
  applying_version_[clause] = version;
  applying_.push_back(clause);
  if (set_aside_by_[clause] == 0) ++effective_[modality_index(span.version->modality)];
  for (int target : span.version->overrides) {
    if (set_aside_by_[target]++ == 0 && applying_version_[target] >= 0) {
      --effective_[modality_index(
          compiled_.versions()[applying_version_[target]].version->modality)];
    }
  }
  sweep_steps_ += 1 + span.version->overrides.size();
}

void Timeliner::leave(int version) {
  const ClauseVersionSpan& span = compiled_.versions()[version];
  const int clause = span.clause;
  for (int target : span.version->overrides) {
    if (--set_aside_by_[target] == 0 && applying_version_[target] >= 0) {
      ++effective_[modality_index(
          compiled_.versions()[applying_version_[target]].version->modality)];
    }
  }
  if (set_aside_by_[clause] == 0) --effective_[modality_index(span.version->modality)];
  applying_version_[clause] = -1;
  applying_.erase(std::find(applying_.begin(), applying_.end(), clause));
  sweep_steps_ += 1 + span.version->overrides.size() + applying_.size();
}

bool Timeliner::apply_parts() {
  bool changed = false;
  for (int pass = 0; pass < 2; ++pass) {
    for (auto& [vi, part] : changes_) {
      const Part old = part_[vi];
      if (old == part) continue;
      if (pass == 0 && old == Part::Applies) leave(vi);
      if (pass == 1) {
        failing_ += (part == Part::Fails) - (old == Part::Fails);
        if (part == Part::Applies) enter(vi);
        part_[vi] = part;
        changed = true;
      }
    }
  }
  return changed;
}

// Steps 3 to 5 from the counts (as Decider::reach_verdict and list_deciding).
void Timeliner::current_decision(int action, Decision& out) {
  const bool forbid = effective_[modality_index(Modality::Forbid)] > 0;
  const bool oblige = effective_[modality_index(Modality::Oblige)] > 0;
  const bool permit = effective_[modality_index(Modality::Permit)] > 0;
  out.is_default = false;
  if (auto v = verdict_of(forbid, oblige, permit)) {
    out.verdict = *v;
  } else {
    const Contract& c = compiled_.contract();
    out.verdict = c.actions[action].default_verdict.value_or(c.default_verdict);
    out.is_default = true;
  }
  out.by.clear();
  out.overridden.clear();
  for (int clause : applying_) {
    if (set_aside_by_[clause] > 0) {
      out.overridden.push_back(clause);
      continue;
    }
    const Modality m = compiled_.versions()[applying_version_[clause]].version->modality;
    if (is_deciding(out.verdict, out.is_default, m)) out.by.push_back(clause);
  }
  std::sort(out.by.begin(), out.by.end());
  std::sort(out.overridden.begin(), out.overridden.end());
  sweep_steps_ += 1 + applying_.size();
}

// The decision on day d (prepared), appended to the runs or extending the
// last. A day on which a version fails is decided by the Decider, for its
// exact failure.
bool Timeliner::record(int action, const std::vector<int>& args, Date d, std::vector<Run>& runs,
                       TimelineFailure& failure) {
  failure.on = d;
  if (failing_ > 0) {
    if (!decider_.decide(situation_, action, args, scratch_, failure.decision)) return false;
  } else {
    current_decision(action, scratch_);
  }
  if (steps() > limits_.max_decision_steps) {
    failure.points.kind = ChangePointError::Kind::TooManySteps;
    return false;
  }
  if (!runs.empty() && same_decision(runs.back().decision, scratch_)) return true;
  if (!runs.empty()) runs.back().through = day_before(d);
  runs.push_back(Run{d, d, scratch_});
  return true;
}

bool Timeliner::timeline(int action, const std::vector<int>& args, DayRange range,
                         std::vector<Run>& runs, TimelineFailure& failure) {
  runs.clear();
  failure = TimelineFailure{};
  failure.on = range.first;
  if (!collect_events(action, args, range, failure)) return false;
  start_instance(action);
  prepare_day(range.first);
  changes_.clear();
  for (int vi : compiled_.versions_for_action(action)) {
    changes_.emplace_back(vi, part_of(vi, args, range.first));
  }
  apply_parts();
  if (!record(action, args, range.first, runs, failure)) return false;
  for (std::size_t i = 0; i < events_.size();) {
    const Date d = events_[i].day;
    prepare_day(d);
    changes_.clear();
    for (; i < events_.size() && events_[i].day == d; ++i) {
      const int vi = events_[i].version;
      changes_.emplace_back(vi, part_of(vi, args, d));
    }
    if (apply_parts() && !record(action, args, d, runs, failure)) return false;
  }
  runs.back().through = range.last;
  return true;
}

}  // namespace pacta
