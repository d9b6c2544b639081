#pragma once
// The brute-force oracle for timelines (SPEC §6, "Tests compare every
// timeline with day-by-day decisions"): decide every day of a range with
// the Decider, re-evaluating the situation's named conditions on each day,
// and join equal days into runs. Shared by fuzz_timeline and the property
// test tests/unit/test_timeline_oracle.cpp; knows nothing of how the
// Timeliner finds its change points.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/compile/compiled_contract.hpp"
#include "engine/decide/decider.hpp"
#include "engine/decide/situation.hpp"
#include "engine/time/timeline.hpp"

namespace pacta::oracle {

inline bool same_decision(const Decision& a, const Decision& b) {
  return a.verdict == b.verdict && a.is_default == b.is_default && a.by == b.by &&
         a.overridden == b.overridden;
}

// The answer of a timeline: its runs, or the first day on which deciding
// failed (and how), or a refusal (change points not found exactly).
struct Answer {
  bool ok = true;
  std::vector<Run> runs;
  TimelineFailure failure;
};

// Day by day over `range`: stops at the first day whose decision fails.
inline Answer decide_every_day(const CompiledContract& compiled, Situation situation, int action,
                               const std::vector<int>& args, DayRange range) {
  Answer out;
  Decider decider(compiled);
  Decision d;
  for (std::int64_t day = range.first.serial(); day <= range.last.serial(); ++day) {
    situation.on = *Date::from_serial(day);
    evaluate_conditions(compiled.contract(), situation);
    DecisionError error;
    if (!decider.decide(situation, action, args, d, error)) {
      out.ok = false;
      out.runs.clear();
      out.failure.on = situation.on;
      out.failure.decision = error;
      return out;
    }
    if (!out.runs.empty() && same_decision(out.runs.back().decision, d)) {
      out.runs.back().through = situation.on;
    } else {
      out.runs.push_back(Run{situation.on, situation.on, d});
    }
  }
  return out;
}

inline Answer timeline_of(Timeliner& t, int action, const std::vector<int>& args, DayRange range) {
  Answer out;
  out.ok = t.timeline(action, args, range, out.runs, out.failure);
  return out;
}

inline bool refused(const Answer& a) {
  return !a.ok && a.failure.points.kind != ChangePointError::Kind::None;
}

inline std::string describe(const Decision& d) {
  std::string s = verdict_name(d.verdict);
  if (d.is_default) s += " (default)";
  s += " by [";
  for (int i : d.by) s += " " + std::to_string(i);
  s += " ] overridden [";
  for (int i : d.overridden) s += " " + std::to_string(i);
  return s + " ]";
}

inline std::string describe(const Answer& a) {
  std::string s;
  if (!a.ok) {
    if (refused(a)) {
      const bool days = a.failure.points.kind == ChangePointError::Kind::TooManyDays;
      return std::string("refused: too many ") + (days ? "days (" : "steps (") +
             std::to_string(a.failure.points.days) + " days) in clause " +
             std::to_string(a.failure.points.clause) + " on " + a.failure.on.to_string() + "\n";
    }
    return "fails on " + a.failure.on.to_string() + ": error " +
           std::to_string(static_cast<int>(a.failure.decision.error)) + " in clause " +
           std::to_string(a.failure.decision.clause) + "\n";
  }
  for (const Run& r : a.runs) {
    s += "  " + r.from.to_string() + " .. " + r.through.to_string() + "  " + describe(r.decision) +
         "\n";
  }
  return s;
}

// Empty when the timeline agrees with the days; else what differs, with
// the first day on which the two answers differ.
inline std::string disagreement(const Answer& days, const Answer& timeline) {
  bool same = days.ok == timeline.ok;
  if (same && !days.ok) {
    same = days.failure.on == timeline.failure.on &&
           days.failure.decision.error == timeline.failure.decision.error &&
           days.failure.decision.clause == timeline.failure.decision.clause &&
           days.failure.decision.at == timeline.failure.decision.at &&
           timeline.failure.points.kind == ChangePointError::Kind::None;
  }
  if (same && days.ok) {
    same = days.runs.size() == timeline.runs.size();
    for (std::size_t i = 0; same && i < days.runs.size(); ++i) {
      const Run& a = days.runs[i];
      const Run& b = timeline.runs[i];
      same = a.from == b.from && a.through == b.through && same_decision(a.decision, b.decision);
    }
  }
  if (same) return {};
  std::string s = "day by day:\n" + describe(days) + "timeline:\n" + describe(timeline);
  if (days.ok && timeline.ok) {
    // The first day covered differently.
    std::size_t i = 0;
    while (i < days.runs.size() && i < timeline.runs.size() &&
           days.runs[i].from == timeline.runs[i].from &&
           days.runs[i].through == timeline.runs[i].through &&
           same_decision(days.runs[i].decision, timeline.runs[i].decision)) {
      ++i;
    }
    if (i < days.runs.size() && i < timeline.runs.size()) {
      const Date a = days.runs[i].from;
      const Date b = timeline.runs[i].from;
      s += "first difference in run " + std::to_string(i) + " (from " + a.to_string() + " vs " +
           b.to_string() + ")\n";
    }
  }
  return s;
}

}  // namespace pacta::oracle
