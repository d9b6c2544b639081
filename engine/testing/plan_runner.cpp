#include "engine/testing/plan_runner.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include "engine/check/expressions.hpp"
#include "engine/compile/without.hpp"
#include "engine/decide/instances.hpp"
#include "engine/decide/question.hpp"
#include "engine/decide/situation.hpp"
#include "engine/discover.hpp"
#include "engine/load_plan_file.hpp"
#include "engine/testing/case_dates.hpp"
#include "engine/testing/resolve.hpp"
#include "engine/testing/scenarios.hpp"
#include "engine/testing/test_contracts.hpp"
#include "engine/testing/test_timelines.hpp"
#include "engine/time/timeline.hpp"
#include "engine/whatif/case_timelines.hpp"

namespace pacta {

namespace {

using Loaded = std::shared_ptr<const LoadedContract>;

// The scenario keys of the plan with those of one step: `assume` per fact
// (the step's value over the plan's), `unknown`, `without` and `with` both
// lists, `as_agreed_on` the step's over the plan's.
struct ResolvedScenario {
  std::vector<std::pair<int, Value>> assume;  // sorted by fact
  std::vector<int> unknown;                   // sorted
  std::vector<int> without;                   // sorted amendment indices
  std::optional<Date> as_agreed_on;
};

struct ResolvedStep {
  const PlanStepSyntax* syntax = nullptr;
  Loaded loaded;
  Pattern pattern;
  ResolvedScenario scenario;
  Date from, through;
  std::vector<std::string> with;  // the plan's, then the step's
};

std::vector<std::pair<int, Value>> merged_assume(std::vector<std::pair<int, Value>> plan,
                                                 const std::vector<std::pair<int, Value>>& step) {
  for (const auto& assumed : step) {
    auto it = std::find_if(plan.begin(), plan.end(),
                           [&](const auto& p) { return p.first == assumed.first; });
    if (it != plan.end()) {
      it->second = assumed.second;
    } else {
      plan.push_back(assumed);
    }
  }
  std::sort(plan.begin(), plan.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  return plan;
}

std::vector<int> joined(std::vector<int> a, const std::vector<int>& b) {
  a.insert(a.end(), b.begin(), b.end());
  std::sort(a.begin(), a.end());
  a.erase(std::unique(a.begin(), a.end()), a.end());
  return a;
}

// The days of a step (its span, then `as_agreed_on` when one applies),
// evaluated with its facts: E302/E306 at the value, E705 when the span has
// no day.
bool resolve_days(const Contract& c, const SourceFile& file, const PlanFileSyntax& plan,
                  const PlanStepSyntax& s, ResolvedStep& r, Diagnostics& diags) {
  const bool has_span = s.from.is_set() && (s.through.is_set() || s.until.is_set());
  if (!s.on.is_set() && !has_span) return false;  // reported when the step was read
  ExprScope scope;
  scope.contract = &c;
  scope.context = "a plan step";
  struct Slot {
    const Field<Expr>* field;
    std::string_view key;
  };
  std::vector<Slot> slots;
  if (s.on.is_set()) slots.push_back({&s.on, "on"});
  if (s.from.is_set()) slots.push_back({&s.from, "from"});
  if (s.through.is_set()) slots.push_back({&s.through, "through"});
  if (s.until.is_set()) slots.push_back({&s.until, "until"});
  const Field<Expr>& agreed =
      s.scenario.as_agreed_on.is_set() ? s.scenario.as_agreed_on : plan.scenario.as_agreed_on;
  if (agreed.is_set()) slots.push_back({&agreed, "as_agreed_on"});
  std::vector<TypedExpr> checked;
  checked.reserve(slots.size());
  bool ok = true;
  for (const Slot& slot : slots) {
    auto e = check_expression(scope, file, slot.field->value, Type::date(), diags);
    if (e) checked.push_back(std::move(*e));
    ok = ok && e.has_value();
  }
  if (!ok || slots.empty()) return false;
  std::vector<DayInput> inputs;
  inputs.reserve(slots.size());
  for (std::size_t i = 0; i < slots.size(); ++i) inputs.push_back({&checked[i], slots[i].key, ""});
  const DaysResult days = test_days(c, file, "step", inputs, r.scenario.assume, diags);
  if (!days.ok) return false;
  if (!days.days) {
    // The contract's named dates fail with the step's facts: said where a
    // fact is missing, as for a test case.
    diags.error(file, s.offset, Code::E603,
                "the step's days cannot be computed: a named date of the contract needs a fact "
                "the plan does not assume",
                "assume the facts the contract's named dates read, in the plan or in the step");
    return false;
  }
  std::map<std::string_view, Date> day;
  for (std::size_t i = 0; i < slots.size(); ++i) day[slots[i].key] = (*days.days)[i];
  if (day.count("as_agreed_on") != 0) r.scenario.as_agreed_on = day["as_agreed_on"];
  if (day.count("on") != 0) {
    r.from = r.through = day["on"];
    return true;
  }
  r.from = day["from"];
  const bool until = day.count("until") != 0;
  const Field<Expr>& end = until ? s.until : s.through;
  if (until ? day["until"] <= r.from : day["through"] < r.from) {
    diags.error(file, end.offset, Code::E705,
                fmt::format("the step's span has no day: '{}' {} is {} 'from' {}",
                            until ? "until" : "through",
                            (until ? day["until"] : day["through"]).to_string(),
                            until ? "not after" : "before", r.from.to_string()),
                until ? "`until` is the first day after the span: give a day after 'from', or "
                        "`on: D` for one day"
                      : "`through` is the span's last day: give 'from' on or before it, or "
                        "`on: D` for one day");
    return false;
  }
  r.through = until ? *add_days(day["until"], -1) : day["through"];
  return true;
}

// The scenario keys of `s` (the plan's or a step's) against `c`.
bool resolve_keys(const Contract& c, const SourceFile& file, const ScenarioSyntax& s,
                  ResolvedScenario& out, Diagnostics& diags, bool with_without = true) {
  bool ok = resolve_assume(c, file, s.assume, out.assume, diags);
  ok = resolve_unknown(c, file, s.unknown, out.assume, out.unknown, diags) && ok;
  if (s.without && with_without)
    ok = resolve_without(c, file, *s.without, std::nullopt, out.without, diags) && ok;
  return ok;
}

// The files of amendments of a step: the plan's, then the step's own that
// the plan does not already name (a file given twice is read once).
std::vector<Name> step_with(const PlanFileSyntax& plan, const PlanStepSyntax& s) {
  std::vector<Name> with = plan.scenario.with;
  for (const Name& w : s.scenario.with) {
    if (std::none_of(with.begin(), with.end(), [&](const Name& n) { return n.value == w.value; })) {
      with.push_back(w);
    }
  }
  return with;
}

// The plan's own keys, resolved (and reported) once against the plan's
// contract: a step on that contract takes them as they are.
struct PlanKeys {
  Loaded contract;
  ResolvedScenario keys;
};

std::optional<ResolvedStep> resolve_step(const Loaded& loaded, const SourceFile& file,
                                         const PlanFileSyntax& plan, const PlanKeys& plan_keys,
                                         const PlanStepSyntax& s, Diagnostics& diags) {
  const Contract& c = loaded->contract;
  ResolvedStep r;
  r.syntax = &s;
  r.loaded = loaded;
  for (const Name& w : step_with(plan, s)) r.with.push_back(w.value);
  bool ok = s.complete;
  if (s.instance) ok = resolve_ask(c, file, *s.instance, r.pattern, diags, "do") && ok;
  // A step with files of amendments of its own has another contract: the
  // plan's keys, reported with the plan, are only read again for it.
  Diagnostics quiet;
  ResolvedScenario from_plan, own;
  bool plan_ok = true;
  if (loaded == plan_keys.contract) {
    from_plan = plan_keys.keys;
  } else {
    plan_ok = resolve_keys(c, file, plan.scenario, from_plan, quiet, false);
  }
  ok = resolve_keys(c, file, s.scenario, own, diags, false) && plan_ok && ok;
  // The step's own keys win: a fact it assumes is no longer unknown, and
  // one it leaves unknown is no longer assumed.
  const auto in = [](const std::vector<int>& facts, int f) {
    return std::find(facts.begin(), facts.end(), f) != facts.end();
  };
  std::vector<std::pair<int, Value>> plan_assume;
  for (const auto& a : from_plan.assume) {
    if (!in(own.unknown, a.first)) plan_assume.push_back(a);
  }
  std::vector<int> plan_unknown;
  for (int f : from_plan.unknown) {
    if (std::none_of(own.assume.begin(), own.assume.end(),
                     [&](const auto& a) { return a.first == f; })) {
      plan_unknown.push_back(f);
    }
  }
  r.scenario.assume = merged_assume(std::move(plan_assume), own.assume);
  r.scenario.unknown = joined(std::move(plan_unknown), own.unknown);
  if (!resolve_days(c, file, plan, s, r, diags)) ok = false;
  // `without` of the plan and of the step together, in the step's scenario
  // (a conflict shows only on its agreed date); the plan's alone were
  // reported with the plan.
  std::vector<Name> ids;
  for (const auto* list : {&plan.scenario.without, &s.scenario.without}) {
    if (*list) ids.insert(ids.end(), (*list)->begin(), (*list)->end());
  }
  ok = resolve_without(c, file, ids, r.scenario.as_agreed_on, r.scenario.without,
                       s.scenario.without ? diags : quiet) &&
       ok;
  if (!ok) return std::nullopt;
  return r;
}

FoundRun found_run(const Contract& c, const Run& run) {
  const Decision& d = run.decision;
  return FoundRun{run.from,     run.through,         d.verdict,
                  d.is_default, c.clauses.ids(d.by), c.clauses.ids(d.overridden)};
}

bool allowed(Verdict v) { return v == Verdict::Permitted || v == Verdict::Obligatory; }

// The timelines of one instance over `range` in one situation: one case,
// or one per case of the unknown facts its clauses read.
struct InstanceTimelines {
  bool ok = false;
  std::vector<Case<std::vector<Run>>> cases;
  std::string error;
};

// The timelines of the instances of one action in one situation, made by
// one Timeliner (one per combination of the unknown facts' cells) that every
// instance asked shares: the bound on steps holds for all of them together,
// so following every instance of a huge domain stops at it (E607) instead
// of running for as long as the domain is large.
class ActionTimelines {
 public:
  ActionTimelines(const CompiledContract& compiled, const Situation& situation,
                  const std::vector<UnknownFact>& unknown, const Limits& limits)
      : compiled_(compiled), unknown_(unknown), limits_(limits) {
    if (unknown.empty()) {
      plain_.emplace(compiled, situation, limits);
    } else {
      split_.emplace(compiled, situation, unknown, as_set(unknown), limits);
    }
  }

  InstanceTimelines of(int action, const std::vector<int>& args, DayRange range) {
    InstanceTimelines out;
    TimelineFailure failure;
    if (plain_) {
      out.cases.resize(1);
      out.ok = plain_->timeline(action, args, range, out.cases.front().outcome, failure);
    } else {
      out.ok = timeline_cases(*split_, unknown_, action, args, range, out.cases, failure);
    }
    if (!out.ok) out.error = failure_text(compiled_.contract(), failure, limits_);
    return out;
  }

 private:
  const CompiledContract& compiled_;
  const std::vector<UnknownFact>& unknown_;
  Limits limits_;
  std::optional<Timeliner> plain_;
  std::optional<CaseTimeliners> split_;
};

// The step's situation with its unknown facts set aside; nullopt and
// `error` when the contract's named dates fail with its facts.
std::optional<Situation> step_situation(const Contract& c, const ResolvedScenario& s, Date on,
                                        std::string& error) {
  SituationError serr;
  auto situation = make_situation(c, on, s.assume, serr);
  if (!situation) {
    error = failure_message(c, serr.error, serr.at, -1, serr.named_date);
    return std::nullopt;
  }
  forget_facts(c, *situation, s.unknown);
  return situation;
}

// The unknown facts `action` reads; nullopt and E613 at the fact when they
// cannot be split.
std::optional<std::vector<UnknownFact>> unknown_facts(const LoadedContract& loaded,
                                                      const CompiledContract& compiled,
                                                      const Situation& situation, int action,
                                                      const Limits& limits, Diagnostics& diags) {
  UnknownAnalysis analysis =
      analyze_unknown_facts(compiled, situation, {action}, limits.max_unknown_combinations);
  if (!analysis.problem) return std::move(analysis.facts);
  const FactDecl& f = loaded.contract.facts[static_cast<std::size_t>(analysis.problem->fact)];
  // The help of a plan names its own keys, not the command line's flags.
  diags.error(*loaded.source, f.offset, Code::E613, std::move(analysis.problem->message),
              fmt::format("assume a value for it in the plan or in the step: `assume: {{{}: "
                          "VALUE}}`",
                          f.name));
  return std::nullopt;
}

// Checks one step; false (and a diagnostic) when the contract cannot split
// its answer on an unknown fact.
bool run_step(const SourceFile& file, const ResolvedStep& r, ContractCache::Scenarios& scenarios,
              const Limits& limits, PlanStepResult& out, Diagnostics& diags) {
  const Contract& c = r.loaded->contract;
  out.file = file.path();
  out.position = file.position(r.syntax->offset);
  out.name = r.syntax->name;
  out.contract = r.loaded;
  out.action = r.pattern.action;
  out.args = r.pattern.arg_values;
  out.from = r.from;
  out.through = r.through;
  out.as_agreed_on = r.scenario.as_agreed_on;
  out.with = r.with;
  out.assume = r.scenario.assume;
  const Scenario wanted{r.scenario.as_agreed_on, r.scenario.without};
  out.without = without_ids(c, wanted);
  std::string error;
  auto situation = step_situation(c, r.scenario, r.from, error);
  if (!situation) {
    out.error = error;
    return true;
  }
  CompiledScenario& scenario = scenarios.get(c, wanted);
  auto unknown =
      unknown_facts(*r.loaded, scenario.compiled, *situation, r.pattern.action, limits, diags);
  if (!unknown) return false;
  InstanceTimelines t = ActionTimelines(scenario.compiled, *situation, *unknown, limits)
                            .of(r.pattern.action, r.pattern.arg_values, {r.from, r.through});
  if (!t.ok) {
    out.error = t.error;
    return true;
  }
  out.unknown = given_facts(t.cases);
  for (const auto& k : t.cases) {
    for (const Run& run : k.outcome) {
      if (allowed(run.decision.verdict)) continue;
      out.failing.push_back(PlanRun{k.given, found_run(c, run)});
      if (!out.first_failing || run.from < *out.first_failing) out.first_failing = run.from;
    }
  }
  out.passed = out.failing.empty();
  return true;
}

}  // namespace

namespace {

// The days of `run` that no step on the same instance covers.
std::vector<FoundRun> not_performed(const FoundRun& run, const std::vector<PlanStepResult>& steps,
                                    int action, const std::vector<int>& args) {
  std::vector<std::pair<Date, Date>> covered;
  for (const PlanStepResult& s : steps) {
    if (s.action == action && s.args == args) covered.emplace_back(s.from, s.through);
  }
  std::sort(covered.begin(), covered.end());
  std::vector<FoundRun> out;
  Date next = run.from;  // the first day not yet accounted for
  bool done = false;
  for (const auto& [from, through] : covered) {
    if (done || through < next) continue;
    if (run.through < from) break;
    if (next < from) {
      FoundRun part = run;
      part.from = next;
      part.through = *add_days(from, -1);
      out.push_back(std::move(part));
    }
    if (through >= run.through) {
      done = true;
    } else {
      next = *add_days(through, 1);
    }
  }
  if (!done) {
    FoundRun part = run;
    part.from = next;
    out.push_back(std::move(part));
  }
  return out;
}

// Every instance of every action of the plan's contract, in the plan's
// scenario over its span: the obligations in force that no step performs.
// False (and a diagnostic) when an answer cannot be split on an unknown
// fact; a timeline that cannot be made is `error`.
bool find_obligations(const Loaded& loaded, const ResolvedScenario& scenario, DayRange span,
                      ContractCache::Scenarios& scenarios, const Limits& limits,
                      PlanFileResult& result, std::string& error, Diagnostics& diags) {
  const Contract& c = loaded->contract;
  auto situation = step_situation(c, scenario, span.first, error);
  if (!situation) return true;
  CompiledScenario& compiled = scenarios.get(c, Scenario{scenario.as_agreed_on, scenario.without});
  for (int action = 0; action < static_cast<int>(c.actions.size()); ++action) {
    auto unknown = unknown_facts(*loaded, compiled.compiled, *situation, action, limits, diags);
    if (!unknown) return false;
    Pattern every{action,
                  std::vector<int>(c.actions[static_cast<std::size_t>(action)].params.size(), -1)};
    ActionTimelines timelines(compiled.compiled, *situation, *unknown, limits);
    for (InstanceOdometer it(c, every); !it.done(); it.next()) {
      InstanceTimelines t = timelines.of(action, it.args(), span);
      if (!t.ok) {
        error = t.error;
        return true;
      }
      PlanObligation owed{result.file, loaded, action, it.args(), {}};
      for (const auto& k : t.cases) {
        for (const Run& run : k.outcome) {
          if (run.decision.verdict != Verdict::Obligatory) continue;
          for (FoundRun& part : not_performed(found_run(c, run), result.steps, action, it.args())) {
            owed.runs.push_back(PlanRun{k.given, std::move(part)});
          }
        }
      }
      if (!owed.runs.empty()) result.obligations.push_back(std::move(owed));
    }
  }
  return true;
}

}  // namespace

PlanFileResult run_plan_file(const std::string& path, const Limits& limits, Diagnostics& diags,
                             const PlanOptions& options, ContractCache* shared) {
  PlanFileResult result;
  result.file = path;
  auto plan_file = load_plan_file(path, limits, diags);
  if (!plan_file) return result;
  const PlanFileSyntax& plan = plan_file->syntax;
  result.name = plan.name;
  ContractCache own;
  ContractCache& cache = shared != nullptr ? *shared : own;
  const SourceFile& source = *plan_file->source;
  TestContracts contracts(path, source, plan.contract, limits, cache, diags, "plan file");
  Loaded base = contracts.get(plan.scenario.with);
  if (!base) return result;
  const std::size_t before = diags.error_count();
  PlanKeys plan_keys{base, {}};
  resolve_keys(base->contract, source, plan.scenario, plan_keys.keys, diags);
  std::vector<ResolvedStep> steps;
  for (const PlanStepSyntax& s : plan.steps) {
    Loaded loaded = contracts.get(step_with(plan, s));
    if (!loaded) continue;
    if (auto r = resolve_step(loaded, source, plan, plan_keys, s, diags)) {
      steps.push_back(std::move(*r));
    }
  }
  if (!plan_file->ok || diags.error_count() != before) return result;
  for (const ResolvedStep& r : steps) {
    PlanStepResult out;
    if (!run_step(source, r, cache.scenarios(*r.loaded), limits, out, diags)) return result;
    result.steps.push_back(std::move(out));
  }
  if (options.obligations && !steps.empty()) {
    DayRange span{steps.front().from, steps.front().through};
    for (const ResolvedStep& r : steps) {
      span.first = std::min(span.first, r.from);
      span.last = std::max(span.last, r.through);
    }
    result.span_from = span.first;
    result.span_through = span.last;
    std::string error;
    if (!find_obligations(base, plan_keys.keys, span, cache.scenarios(*base), limits, result, error,
                          diags)) {
      return result;
    }
    if (!error.empty()) {
      diags.error(source, 0, Code::E607,
                  fmt::format("the obligations of the plan's span cannot be listed: {}", error),
                  "check the plan without --obligations, or shorten its steps' spans");
      return result;
    }
  }
  result.loaded = true;
  return result;
}

std::vector<std::string> find_plan_files(const std::vector<std::string>& paths,
                                         Diagnostics& diags) {
  return find_files(paths, named_like(".plan.yaml", "plan files are named like launch.plan.yaml"),
                    diags);
}

}  // namespace pacta
