#pragma once
// Time (SPEC §6, language.md "Timelines"): the days at which an answer may
// change, and the timeline of an action instance: the maximal runs of days
// over which its decision (verdict, default, by, overridden) stays the same.
//
// Exact, never sampled. The candidate change points of an instance are
//  - the amendment spans of each clause version on its action (`effective`),
//  - each version's own from/until/through under the situation's facts,
//  - every day on which a `when` (or a named condition it reads) may change
//    truth: a comparison of an expression in `date` with one that does not
//    depend on `date` changes at most twice, and those days are found by
//    bisection, since every date expression of the language is monotone in
//    `date` (shifts by days, months and business days, end_of_*, min/max,
//    `date - D`, number arithmetic by constants). Where both sides depend on
//    `date` in the same direction, or a divisor does, the days inside the
//    clipped range are evaluated one by one, within Limits::max_decision_steps;
//    past it the timeline is refused (ChangePointError), never guessed.
// Between two consecutive points every decision of the instance is constant,
// so a timeline costs (change points) x (one decision), not (days).
//
// What-if plugs in from outside: a scenario is a CompiledContract (amendments
// as agreed on a date, clauses set aside or added), the facts are the
// Situation; nothing here depends on how either was made.
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "engine/compile/compiled_contract.hpp"
#include "engine/decide/decider.hpp"
#include "engine/decide/situation.hpp"
#include "grammar/limits.hpp"

namespace pacta {

// Whole days, both ends inclusive. Date::min()..Date::max() is all time.
struct DayRange {
  Date first = Date::min();
  Date last = Date::max();
};

// Why the change points of an instance could not be had exactly.
struct ChangePointError {
  // TooManyDays: `at`, a comparison with `date` on both sides (or a number
  // expression dividing by one in `date`), needed more days evaluated one by
  // one than Limits::max_decision_steps allows. TooManySteps: the work of
  // every timeline made so far by one Timeliner (one question: change points,
  // sweeps and decisions) went past that bound.
  enum class Kind { None, TooManyDays, TooManySteps };
  Kind kind = Kind::None;
  const TypedExpr* at = nullptr;  // into the version of `clause`
  int clause = -1;
  std::uint64_t days = 0;  // the days that would have been evaluated
};

// The candidate change points of the instances of one compiled contract in
// one situation (its `on` is ignored: every day is asked about). Holds
// scratch space; not thread-safe. The Situation and the CompiledContract
// must outlive it.
class ChangePoints {
 public:
  ChangePoints(const CompiledContract& compiled, const Situation& situation, const Limits& limits);
  ~ChangePoints();
  ChangePoints(const ChangePoints&) = delete;
  ChangePoints& operator=(const ChangePoints&) = delete;

  // The days of `range` on which the decision of the instance may differ
  // from the day before, ascending and unique; range.first is always the
  // first. False (and `error` set) when they cannot be found exactly.
  bool of_instance(int action, const std::vector<int>& args, DayRange range, std::vector<Date>& out,
                   ChangePointError& error);

  // The days of `range` (after range.first) on which version `version`
  // (an index into CompiledContract::versions()) may change how it takes
  // part in deciding the instance: starts or stops being in force,
  // applying, or failing. Appended to `out`, unsorted.
  bool of_version(int version, const std::vector<int>& args, DayRange range, std::vector<Date>& out,
                  ChangePointError& error);

  // The days of `range` on which the bool expression `e` (of clause
  // version `clause`'s `when`, reading `args` as params) may change truth or
  // start or stop failing, ascending, range.first first. For tests and for
  // explanations of one condition.
  bool of_condition(const TypedExpr& e, const std::vector<int>& args, DayRange range, int clause,
                    std::vector<Date>& out, ChangePointError& error);

  // Whether version `version`'s own bounds (from/until/through, under the
  // situation's facts) contain `d`; `failed` when they cannot be evaluated.
  bool in_bounds(int version, Date d, bool& failed);

  // Expression evaluations done so far (bisections and day-by-day walks).
  std::uint64_t steps() const;

 private:
  struct Impl;  // engine/time/change_points.cpp
  std::unique_ptr<Impl> impl_;
};

// One run of a timeline: the same decision on every day from `from` through
// `through` (inclusive).
struct Run {
  Date from;
  Date through;
  Decision decision;
  friend bool operator==(const Run& x, const Run& y) {
    return x.from == y.from && x.through == y.through && x.decision == y.decision;
  }
};

// Why a timeline could not be made: a decision failed on `on` (a fact the
// question needs, an evaluation error), or the change points could not be
// found exactly.
struct TimelineFailure {
  Date on;
  DecisionError decision;   // decision.error != None: deciding failed on `on`
  ChangePointError points;  // points.kind != None: see ChangePointError
};

// Timelines of the instances of one compiled contract in one situation.
// Incremental: each version on the instance's action has its own change
// points; at a change point only the versions that change are evaluated
// again, and the decision follows from counts kept as they change (which
// clauses apply, how many applying versions set each aside, how many
// effective clauses of each modality). So a timeline costs its change
// points times the versions that change there, not times every version on
// the action. On a day a version fails, the Decider decides that day, so
// the failure reported is the one `ask --on` that day reports.
class Timeliner {
 public:
  Timeliner(const CompiledContract& compiled, const Situation& situation, const Limits& limits);

  // The runs of the instance over `range`, in date order: the first starts
  // on range.first, the last ends on range.last, consecutive runs differ.
  bool timeline(int action, const std::vector<int>& args, DayRange range, std::vector<Run>& runs,
                TimelineFailure& failure);

  // Work so far: decisions (Decider::steps), change-point evaluations, and
  // the versions and clauses looked at while sweeping.
  std::uint64_t steps() const { return decider_.steps() + points_.steps() + sweep_steps_; }

 private:
  enum class Part : unsigned char { Out, InForce, Applies, Fails };  // a version, on one day
  struct Event {
    Date day;
    int version;
    friend bool operator<(const Event& a, const Event& b) {
      return a.day != b.day ? a.day < b.day : a.version < b.version;
    }
  };

  bool collect_events(int action, const std::vector<int>& args, DayRange range,
                      TimelineFailure& failure);
  void start_instance(int action);
  void prepare_day(Date d);
  Part part_of(int version, const std::vector<int>& args, Date d);
  // Applies the parts computed for one day: versions that stop applying
  // first, so that a clause whose version changes that day is counted once.
  bool apply_parts();
  void enter(int version);
  void leave(int version);
  void current_decision(int action, Decision& out);
  bool record(int action, const std::vector<int>& args, Date d, std::vector<Run>& runs,
              TimelineFailure& failure);

  const CompiledContract& compiled_;
  Limits limits_;
  Situation situation_;  // a copy: `on` and the conditions change per day
  Decider decider_;
  ChangePoints points_;
  std::vector<Date> days_;                            // scratch
  std::vector<Event> events_;                         // scratch
  std::vector<std::pair<int, Part>> changes_;         // scratch: one day's new parts
  std::vector<Part> part_;                            // per version
  std::vector<int> set_aside_by_;                     // per clause: applying versions overriding it
  std::vector<int> applying_version_;                 // per clause: -1 when it does not apply
  std::vector<int> applying_;                         // clauses that apply, unsorted
  std::vector<int> effective_ = std::vector<int>(3);  // per modality: applying, not set aside
  int last_action_ = -1;  // of the last instance: start_instance forgets its state
  int failing_ = 0;       // versions that fail today
  Decision scratch_;
  std::uint64_t sweep_steps_ = 0;
};

}  // namespace pacta
