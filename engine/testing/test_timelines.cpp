#include "engine/testing/test_timelines.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <string>
#include <string_view>

#include "engine/check/expressions.hpp"
#include "engine/compile/without.hpp"
#include "engine/decide/question.hpp"
#include "engine/decide/situation.hpp"
#include "engine/testing/case_dates.hpp"
#include "engine/testing/resolve.hpp"
#include "engine/testing/scenarios.hpp"
#include "engine/time/timeline.hpp"

namespace pacta {

namespace {

constexpr std::string_view kCoverHelp =
    "the expected runs cover the timeline's range day after day: the first starts on its "
    "'from' (`from: null` without one), each next run on the day after the one before ends, "
    "and the last ends on its 'to' (`through: null` without one)";

// A date of the timeline, checked, and where its day goes once evaluated.
struct DateSlot {
  TypedExpr e;
  std::string_view key, help_tail;
  std::function<void(Date)> assign;
};

// Checks `field` when it is set; a null run end is the end of time.
bool check_date(const ExprScope& scope, const SourceFile& file, const Field<Expr>& field,
                std::string_view key, std::string_view help_tail, std::function<void(Date)> assign,
                std::vector<DateSlot>& slots, Diagnostics& diags) {
  if (!field.is_set()) return true;
  auto e = check_expression(scope, file, field.value, Type::date(), diags);
  if (!e) return false;
  slots.push_back(DateSlot{std::move(*e), key, help_tail, std::move(assign)});
  return true;
}

// The checked dates of the timeline and of its runs; false after an error.
bool check_dates(const Contract& c, const SourceFile& file, const TimelineSyntax& t,
                 ResolvedTimeline& r, std::vector<DateSlot>& slots, Diagnostics& diags) {
  ExprScope scope;
  scope.contract = &c;
  scope.context = "a timeline";
  bool ok = check_date(
      scope, file, t.from, "from", "; leave 'from' out to start at the beginning of time",
      [&r](Date d) { r.from = d; }, slots, diags);
  ok = check_date(
           scope, file, t.to, "to", "; leave 'to' out for no end", [&r](Date d) { r.to = d; },
           slots, diags) &&
       ok;
  ok = check_date(
           scope, file, t.as_agreed_on, "as_agreed_on",
           "; leave 'as_agreed_on' out to keep every amendment",
           [&r](Date d) { r.as_agreed_on = d; }, slots, diags) &&
       ok;
  r.runs.resize(t.expect.size());
  for (std::size_t i = 0; i < t.expect.size(); ++i) {
    r.runs[i].from = Date::min();
    r.runs[i].through = Date::max();
    ok =
        check_date(
            scope, file, t.expect[i].from, "from", "; write `from: null` for the beginning of time",
            [&r, i](Date d) { r.runs[i].from = d; }, slots, diags) &&
        ok;
    ok = check_date(
             scope, file, t.expect[i].through, "through", "; write `through: null` for no end",
             [&r, i](Date d) { r.runs[i].through = d; }, slots, diags) &&
         ok;
  }
  return ok;
}

// Every date evaluated with the assumed facts (E302, E306 as for a case).
bool evaluate_dates(const Contract& c, const SourceFile& file, ResolvedTimeline& r,
                    std::vector<DateSlot>& slots, Diagnostics& diags) {
  std::vector<DayInput> inputs;
  inputs.reserve(slots.size());
  for (const DateSlot& s : slots) inputs.push_back({&s.e, s.key, s.help_tail});
  const DaysResult days = test_days(c, file, "timeline", inputs, r.assume, diags);
  if (days.days) {
    for (std::size_t i = 0; i < slots.size(); ++i) slots[i].assign((*days.days)[i]);
    r.dated = true;
  }
  return days.ok;
}

// "at the beginning of time" / "on 2024-01-01": where a run or range starts.
std::string start_text(Date d) {
  return d == Date::min() ? std::string("at the beginning of time")
                          : fmt::format("on {}", d.to_string());
}

// Where the run's `from` / `through` is written (the run when absent).
std::size_t at(const Field<Expr>& field, const ExpectedRunSyntax& run) {
  return field.presence == Presence::Absent ? run.offset : field.offset;
}

// What is wrong with run `i` of the chain that must cover first..last:
// (offset, message) each, none when it fits.
std::vector<std::pair<std::size_t, std::string>> run_problems(const TimelineSyntax& t,
                                                              const ResolvedTimeline& r,
                                                              std::size_t i, Date first,
                                                              Date last) {
  std::vector<std::pair<std::size_t, std::string>> out;
  const ResolvedRun& run = r.runs[i];
  const ExpectedRunSyntax& syntax = t.expect[i];
  const std::size_t from_at = at(syntax.from, syntax), through_at = at(syntax.through, syntax);
  if (i == 0 && run.from != first) {
    out.emplace_back(from_at, fmt::format("the first run starts {}, but the timeline {}",
                                          start_text(run.from), start_text(first)));
  }
  if (i > 0) {
    const Date before = r.runs[i - 1].through;
    const auto next = add_days(before, 1);
    if (before == Date::max() || !next) {
      out.emplace_back(from_at, fmt::format("run {} follows run {}, which has no end", i + 1, i));
    } else if (run.from != *next) {
      out.emplace_back(from_at, fmt::format("run {} starts {}, but run {} ends on {}: the next run "
                                            "starts on {}",
                                            i + 1, start_text(run.from), i, before.to_string(),
                                            next->to_string()));
    }
  }
  if (run.through < run.from) {
    out.emplace_back(through_at, fmt::format("run {} ends on {}, before it starts ({})", i + 1,
                                             run.through.to_string(), run.from.to_string()));
  }
  if (i + 1 == r.runs.size() && run.through != last) {
    out.emplace_back(
        through_at,
        fmt::format("the last run {}, but the timeline {}",
                    run.through == Date::max() ? std::string("has no end")
                                               : fmt::format("ends on {}", run.through.to_string()),
                    last == Date::max() ? std::string("has no end")
                                        : fmt::format("ends on {}", last.to_string())));
  }
  return out;
}

// E703 unless the runs cover the range one after another.
bool check_cover(const SourceFile& file, const TimelineSyntax& t, const ResolvedTimeline& r,
                 Diagnostics& diags) {
  const Date first = r.from.value_or(Date::min()), last = r.to.value_or(Date::max());
  if (last < first) {
    diags.error(file, t.to.offset, Code::E703,
                fmt::format("the timeline's 'to' ({}) is before its 'from' ({})", last.to_string(),
                            first.to_string()),
                "'from' and 'to' are the first and the last day of the timeline, both included");
    return false;
  }
  bool ok = true;
  for (std::size_t i = 0; i < r.runs.size(); ++i) {
    for (auto& [offset, message] : run_problems(t, r, i, first, last)) {
      diags.error(file, offset, Code::E703, std::move(message), std::string(kCoverHelp));
      ok = false;
    }
  }
  return ok;
}

bool resolve_runs(const Contract& c, const SourceFile& file, const TimelineSyntax& t,
                  ResolvedTimeline& r, Diagnostics& diags) {
  bool ok = true;
  for (std::size_t i = 0; i < t.expect.size(); ++i) {
    const ExpectedRunSyntax& s = t.expect[i];
    ResolvedRun& run = r.runs[i];
    if (auto v = parse_verdict(s.verdict.value)) run.verdict = *v;
    run.is_default = s.is_default;
    if (s.by) ok = resolve_clauses(c, file, s.by, run.by.emplace(), diags) && ok;
    if (s.overridden) {
      ok = resolve_clauses(c, file, s.overridden, run.overridden.emplace(), diags) && ok;
    }
  }
  return ok;
}

}  // namespace

std::optional<ResolvedTimeline> resolve_timeline(const Contract& c, const SourceFile& file,
                                                 const TimelineSyntax& t, Diagnostics& diags) {
  ResolvedTimeline r;
  r.syntax = &t;
  bool ok = t.complete;
  if (t.ask) ok = resolve_ask(c, file, *t.ask, r.pattern, diags) && ok;
  const bool assumed = resolve_assume(c, file, t.assume, r.assume, diags);
  ok = assumed && ok;
  std::vector<DateSlot> slots;
  const bool checked = check_dates(c, file, t, r, slots, diags);
  ok = checked && ok;
  if (checked && assumed) {  // a date that is no day is an error of the file
    const bool days = evaluate_dates(c, file, r, slots, diags);
    ok = days && ok;
    if (days && r.dated && t.complete) ok = check_cover(file, t, r, diags) && ok;
  }
  ok = resolve_runs(c, file, t, r, diags) && ok;
  if (t.without) ok = resolve_without(c, file, *t.without, r.as_agreed_on, r.without, diags) && ok;
  if (!ok) return std::nullopt;
  return r;
}

namespace {

std::vector<std::string> ids(const Contract& c, const std::optional<std::vector<int>>& clauses) {
  return clauses ? c.clauses.ids(*clauses) : std::vector<std::string>{};
}

bool run_matches(const ResolvedRun& want, const Run& got) {
  const Decision& d = got.decision;
  return want.from == got.from && want.through == got.through && want.verdict == d.verdict &&
         (!want.by || same_set(*want.by, d.by)) &&
         (!want.overridden || same_set(*want.overridden, d.overridden)) &&
         (!want.is_default || *want.is_default == d.is_default);
}

// Why the timeline could not be made, in one sentence (the words of
// `pacta timeline`'s E607 and E606, for a test file's 'from'/'to').
void fill_question(const Contract& c, const ResolvedTimeline& r, TestTimelineResult& out) {
  out.action = r.pattern.action;
  out.args = r.pattern.arg_values;
  out.assume = r.assume;
  out.from = r.from;
  out.to = r.to;
  out.as_agreed_on = r.as_agreed_on;
  for (const ResolvedRun& run : r.runs) {
    ExpectedRun e{run.from, run.through, run.verdict, std::nullopt, std::nullopt, run.is_default};
    if (run.by) e.by = ids(c, run.by);
    if (run.overridden) e.overridden = ids(c, run.overridden);
    out.expected.push_back(std::move(e));
  }
}

}  // namespace

std::string failure_text(const Contract& c, const TimelineFailure& f, const Limits& limits) {
  switch (f.points.kind) {
    case ChangePointError::Kind::TooManyDays: {
      const std::string clause =
          f.points.clause >= 0 ? c.clauses.ids({f.points.clause}).front() : std::string("?");
      return fmt::format(
          "clause '{}' compares `date` with an expression in `date`, so its timeline must be "
          "evaluated day by day, and {} days of it take more than {} steps: give the timeline a "
          "shorter 'from'..'to'",
          clause, f.points.days, limits.max_decision_steps);
    }
    case ChangePointError::Kind::TooManySteps:
      return fmt::format(
          "the timeline took more than {} steps (on {}): give it a shorter 'from'..'to'",
          limits.max_decision_steps, f.on.to_string());
    case ChangePointError::Kind::None:
      break;
  }
  return fmt::format("on {}: {}", f.on.to_string(),
                     failure_message(c, f.decision.error, f.decision.at, f.decision.clause, -1));
}

TestTimelineResult run_timeline(const std::shared_ptr<const LoadedContract>& loaded,
                                const SourceFile& file, const ResolvedTimeline& r,
                                ContractCache::Scenarios& scenarios, const Limits& limits) {
  const Contract& c = loaded->contract;
  TestTimelineResult out;
  out.file = file.path();
  out.position = file.position(r.syntax->offset);
  out.name = r.syntax->name;
  out.contract = loaded;
  fill_question(c, r, out);
  SituationError serr;
  auto situation = make_situation(c, Date::min(), r.assume, serr);
  if (!situation) {
    out.error = failure_message(c, serr.error, serr.at, -1, serr.named_date);
    return out;
  }
  if (!r.dated) {  // loading evaluated the dates; only a failing situation leaves them unset
    out.error = "the timeline's dates could not be evaluated";
    return out;
  }
  const Scenario wanted{r.as_agreed_on, r.without};
  out.without = without_ids(c, wanted);
  CompiledScenario& scenario = scenarios.get(c, wanted);
  Timeliner timeliner(scenario.compiled, *situation, limits);
  std::vector<Run> runs;
  TimelineFailure failure;
  const DayRange range{r.from.value_or(Date::min()), r.to.value_or(Date::max())};
  if (!timeliner.timeline(r.pattern.action, r.pattern.arg_values, range, runs, failure)) {
    out.error = failure_text(c, failure, limits);
    return out;
  }
  for (const Run& run : runs) {
    const Decision& d = run.decision;
    out.found.push_back(FoundRun{run.from, run.through, d.verdict, d.is_default,
                                 c.clauses.ids(d.by), c.clauses.ids(d.overridden)});
  }
  for (std::size_t i = 0; i < std::max(runs.size(), r.runs.size()); ++i) {
    if (i >= runs.size() || i >= r.runs.size() || !run_matches(r.runs[i], runs[i])) {
      out.differs = i;
      break;
    }
  }
  out.passed = !out.differs;
  return out;
}

}  // namespace pacta
